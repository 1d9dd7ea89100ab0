"""Respiratory disease profiles."""

from __future__ import annotations

from .model import DiseaseProfile

PROFILES: list[DiseaseProfile] = [
    DiseaseProfile(
        key="community_acquired_pneumonia",
        name="Community-acquired pneumonia",
        synonyms=(
            "CAP",
            "bacterial pneumonia",
            "lobar pneumonia",
            "pneumonia",
            "community acquired pneumonia",
            "CAP pneumonia",
            "lobar pneumonia",
            "right lower lobe pneumonia",
            "bronchopneumonia",
        ),
        icd10="J18.9",
        rejected_terms=(
            "hospital-acquired pneumonia",
            "aspiration pneumonia",
            "viral pneumonia",
            "ventilator-associated pneumonia",
            "pneumonitis",
        ),
        synonym_source=(
            "Pneumonia (entry terms: Pneumonias; Lobar Pneumonia); ICD-10-CM index: Pneumonia "
            "(acute) (double) (septic) (unresolved)"
        ),
        system="respiratory",
        source=(
            "Metlay JP et al. Diagnosis and treatment of adults with community-acquired "
            "pneumonia. ATS/IDSA guideline. Am J Respir Crit Care Med 2019;200:e45-e67; "
            "Lim WS et al. Thorax 2003;58:377-82 (CURB-65)."
        ),
        age=(25, 90),
        female_fraction=0.45,
        chief_complaints=("cough and fever for three days", "fever and shortness of breath"),
        symptoms={"cough": 1.0, "productive_cough": 0.7, "fever_reported": 0.9, "chills": 0.6,
                  "dyspnea": 0.7, "pleuritic_chest_pain": 0.35, "hemoptysis": 0.05},
        signs={"crackles": 0.9, "confusion": 0.15},
        history={"current_smoker": 0.3},
        comorbidities={"hypertension": 0.3, "type2_diabetes": 0.15, "copd": 0.1},
        vitals={"hr": (95, 125), "rr": (20, 30), "temp_c": (38.2, 39.8), "spo2": (88, 95),
                "sbp": (95, 140)},
        exam={"respiratory": ("Bronchial breath sounds and dullness to percussion over the "
                              "right lower zone.",)},
        labs={"wbc": (12.5, 22.0), "neutrophils_pct": (78, 90), "bun": (12, 32),
              "crp": (80, 250)},
        imaging={"chest_xray": "Dense airspace consolidation in the right lower lobe with air "
                               "bronchograms. No effusion."},
        key_tests=("chest_xray",),
        scores=("curb65", "crb65"),
        first_line=("ceftriaxone", "azithromycin"),
        # ATS/IDSA 2019: respiratory fluoroquinolone monotherapy if a beta-lactam cannot be
        # given; doxycycline in place of the macrolide
        alternatives={"ceftriaxone": ("levofloxacin", "moxifloxacin"),
                      "azithromycin": ("doxycycline", "levofloxacin", "moxifloxacin")},
        contraindicated={},
    ),
    DiseaseProfile(
        key="pulmonary_embolism",
        name="Pulmonary embolism",
        synonyms=(
            "PE",
            "pulmonary embolus",
            "pulmonary thromboembolism",
            "acute pulmonary embolism",
            "segmental pulmonary embolism",
            "pulmonary emboli",
            "acute PE",
            "PTE",
            "saddle pulmonary embolism",
            "submassive pulmonary embolism",
        ),
        icd10="I26.99",
        rejected_terms=(
            "deep vein thrombosis",
            "venous thromboembolism",
            "pulmonary infarction",
            "fat embolism",
        ),
        synonym_source=(
            "Pulmonary Embolism (entry terms: Pulmonary Embolisms; Pulmonary Thromboembolism); "
            "ICD-10-CM index: Embolism, pulmonary"
        ),
        system="respiratory",
        source=(
            "Konstantinides SV et al. 2019 ESC Guidelines for the diagnosis and management of "
            "acute pulmonary embolism. Eur Heart J 2020;41:543-603; Wells PS et al. Thromb "
            "Haemost 2000;83:416-20; Kline JA et al. J Thromb Haemost 2004;2:1247-55 (PERC)."
        ),
        age=(25, 85),
        female_fraction=0.55,
        chief_complaints=("sudden shortness of breath and sharp chest pain",
                          "breathless since this morning and pain when breathing in"),
        symptoms={"dyspnea": 0.85, "sudden_dyspnea": 0.6, "pleuritic_chest_pain": 0.5,
                  "chest_pain": 0.55, "cough": 0.2, "hemoptysis": 0.1, "syncope": 0.08,
                  "leg_pain": 0.25, "fever_reported": 0.05},
        signs={"unilateral_leg_swelling": 0.3, "crackles": 0.1},
        history={"prior_vte": 0.15, "recent_surgery_or_immobilization": 0.25,
                 "active_cancer": 0.15, "estrogen_use": 0.12, "current_smoker": 0.2},
        comorbidities={"obesity": 0.3, "hypertension": 0.3},
        vitals={"hr": (100, 125), "rr": (20, 28), "spo2": (88, 94), "temp_c": (36.8, 37.8),
                "sbp": (105, 140)},
        labs={"d_dimer": (1200, 6000), "ph": (7.45, 7.50), "pco2": (28, 34), "po2": (55, 75)},
        imaging={"ct_pulmonary_angiogram": (
            "Filling defects in the right lower-lobe segmental and left lower-lobe subsegmental "
            "pulmonary arteries. RV/LV diameter ratio 0.9. Small wedge-shaped peripheral "
            "opacity in the right lower lobe. Trace right pleural effusion.")},
        ecg="Sinus tachycardia at 110/min. T-wave inversion in V1-V3. No ST elevation.",
        key_tests=("ct_pulmonary_angiogram",),
        scores=("wells_pe", "perc", "shock_index"),
        first_line=("enoxaparin", "supplemental_oxygen"),
        alternatives={"enoxaparin": ("apixaban", "rivaroxaban", "fondaparinux", "heparin")},
        contraindicated={},
    ),
    DiseaseProfile(
        key="copd_exacerbation",
        name="Acute exacerbation of chronic obstructive pulmonary disease",
        synonyms=(
            "AECOPD",
            "COPD exacerbation",
            "acute exacerbation of COPD",
            "exacerbation of COPD",
            "infective exacerbation of COPD",
            "exacerbation of chronic obstructive pulmonary disease",
            "exacerbation of chronic obstructive lung disease",
            "COPD flare",
            "acute exacerbation of chronic obstructive airways disease",
            "COAD exacerbation",
        ),
        icd10="J44.1",
        rejected_terms=(
            "COPD",
            "chronic obstructive pulmonary disease",
            "asthma exacerbation",
            "emphysema",
        ),
        synonym_source=(
            "Pulmonary Disease, Chronic Obstructive (entry terms: COPD; Chronic Obstructive Lung "
            "Disease); ICD-10-CM index: Disease, lung, obstructive (chronic), with (acute) "
            "exacerbation"
        ),
        system="respiratory",
        source=(
            "Global Initiative for Chronic Obstructive Lung Disease (GOLD) 2024 Report, "
            "chapter 5 (exacerbations); Wedzicha JA et al. ERS/ATS guideline on management of "
            "COPD exacerbations. Eur Respir J 2017;49:1600791; Rochwerg B et al. ERS/ATS NIV "
            "guideline. Eur Respir J 2017;50:1602426."
        ),
        age=(55, 90),
        female_fraction=0.45,
        chief_complaints=("more breathless than usual with green sputum",
                          "can't get my breath, much worse than my usual"),
        symptoms={"dyspnea": 1.0, "cough": 0.9, "productive_cough": 0.7,
                  "increased_sputum": 0.75, "wheezing_reported": 0.6, "fever_reported": 0.15,
                  "chest_tightness": 0.3},
        signs={"wheeze": 0.8, "accessory_muscle_use": 0.5, "crackles": 0.2, "confusion": 0.05},
        history={"current_smoker": 0.45, "former_smoker": 0.5},
        comorbidities={"copd": 0.95, "hypertension": 0.45, "coronary_artery_disease": 0.2,
                       "heart_failure": 0.1},
        vitals={"hr": (95, 120), "rr": (24, 32), "spo2": (82, 89), "temp_c": (36.6, 37.8),
                "sbp": (115, 160)},
        exam={"respiratory": ("Hyperinflated chest with prolonged expiration and reduced air "
                              "entry bilaterally.",)},
        labs={"ph": (7.26, 7.33), "pco2": (52, 70), "po2": (45, 58), "bicarbonate": (29, 34),
              "peak_expiratory_flow": (25, 45), "wbc": (9.0, 14.0)},
        imaging={"chest_xray": "Hyperinflated lungs with flattened hemidiaphragms and an "
                               "increased retrosternal airspace. No consolidation or effusion. "
                               "Lung markings extend to the chest wall."},
        key_tests=("pco2", "ph", "chest_xray"),
        scores=(),
        first_line=("albuterol", "ipratropium", "prednisone", "noninvasive_ventilation"),
        alternatives={"prednisone": ("methylprednisolone",)},
        contraindicated={},
    ),
    DiseaseProfile(
        key="asthma_exacerbation",
        name="Acute asthma exacerbation",
        synonyms=(
            "asthma exacerbation",
            "acute asthma",
            "asthma attack",
            "acute severe asthma",
            "exacerbation of asthma",
            "status asthmaticus",
            "asthma flare",
            "acute exacerbation of asthma",
            "acute bronchial asthma",
        ),
        icd10="J45.901",
        rejected_terms=(
            "COPD exacerbation",
            "asthma",
            "anaphylaxis",
        ),
        synonym_source=(
            "Asthma (entry terms: Bronchial Asthma; Asthma, Bronchial); SNOMED CT 'Exacerbation "
            "of asthma', 'Status asthmaticus'; ICD-10-CM index: Asthma, with exacerbation (acute)"
        ),
        system="respiratory",
        source=(
            "Global Initiative for Asthma (GINA) 2024 Global Strategy for Asthma Management "
            "and Prevention, chapter on exacerbations; BTS/SIGN 158 British guideline on the "
            "management of asthma 2019."
        ),
        age=(16, 50),
        female_fraction=0.6,
        chief_complaints=("tight chest and can't stop wheezing",
                          "my inhaler isn't helping and I can't breathe"),
        symptoms={"dyspnea": 1.0, "wheezing_reported": 0.9, "chest_tightness": 0.8,
                  "cough": 0.7},
        signs={"wheeze": 0.95, "accessory_muscle_use": 0.5, "cannot_complete_sentences": 0.4},
        history={"increased_reliever_use": 0.8, "viral_prodrome": 0.4, "current_smoker": 0.15},
        comorbidities={"asthma": 0.95, "obesity": 0.2},
        vitals={"hr": (105, 125), "rr": (24, 30), "spo2": (91, 95)},
        exam={"respiratory": ("Widespread polyphonic expiratory wheeze with a prolonged "
                              "expiratory phase.",)},
        labs={"peak_expiratory_flow": (33, 50), "pco2": (28, 34), "ph": (7.45, 7.49),
              "po2": (65, 78)},
        key_tests=("peak_expiratory_flow", "pco2"),
        scores=(),
        first_line=("albuterol", "ipratropium", "prednisone"),
        alternatives={"prednisone": ("methylprednisolone",)},
        contraindicated={"propranolol": "Non-selective beta-blockade can precipitate fatal "
                                        "bronchospasm (GINA 2024)"},
    ),
    DiseaseProfile(
        key="primary_spontaneous_pneumothorax",
        name="Primary spontaneous pneumothorax",
        synonyms=(
            "spontaneous pneumothorax",
            "pneumothorax",
            "PSP",
            "collapsed lung",
            "left pneumothorax",
            "right pneumothorax",
            "spontaneous PTX",
            "primary pneumothorax",
        ),
        icd10="J93.11",
        rejected_terms=(
            "tension pneumothorax",
            "traumatic pneumothorax",
            "secondary spontaneous pneumothorax",
            "hemothorax",
        ),
        synonym_source=(
            "Pneumothorax (entry terms: Pneumothoraces); ICD-10-CM index: Pneumothorax, "
            "spontaneous, primary"
        ),
        system="respiratory",
        source=(
            "Roberts ME et al. British Thoracic Society Guideline for pleural disease. Thorax "
            "2023;78(Suppl 3):s1-s42; MacDuff A et al. BTS pleural disease guideline 2010. "
            "Thorax 2010;65(Suppl 2):ii18-31."
        ),
        age=(18, 40),
        female_fraction=0.2,
        chief_complaints=("sudden sharp chest pain and breathlessness",
                          "sudden pain on the left side of my chest when I breathe"),
        symptoms={"chest_pain": 1.0, "pleuritic_chest_pain": 0.9, "sudden_dyspnea": 0.8,
                  "dyspnea": 0.85, "cough": 0.1},
        signs={"hyperresonance_unilateral": 0.85, "tall_thin_build": 0.6},
        history={"current_smoker": 0.6},
        vitals={"hr": (95, 115), "rr": (20, 26), "spo2": (92, 96)},
        exam={"respiratory": ("Reduced chest expansion on the left; trachea central.",)},
        imaging={"chest_xray": "Visible visceral pleural line in the left hemithorax with "
                               "absent lung markings peripheral to it; interpleural distance "
                               "3 cm at the level of the hilum. No mediastinal shift."},
        key_tests=("chest_xray",),
        scores=(),
        first_line=("needle_aspiration", "supplemental_oxygen"),
        alternatives={"needle_aspiration": ("chest_tube",)},
        contraindicated={"noninvasive_ventilation": "Positive-pressure ventilation with an "
                         "undrained air leak risks tension physiology (BTS 2023)"},
    ),
]
