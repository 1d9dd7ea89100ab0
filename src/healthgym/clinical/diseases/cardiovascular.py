"""Cardiovascular disease profiles."""

from __future__ import annotations

from .model import DiseaseProfile

_ACS_RISK = {"hypertension": 0.6, "hyperlipidemia": 0.5, "type2_diabetes": 0.3, "obesity": 0.3}

PROFILES: list[DiseaseProfile] = [
    DiseaseProfile(
        key="stemi",
        # no phrase may sit inside an NSTEMI phrase ("non-ST-elevation myocardial infarction")
        name="Inferior ST-elevation myocardial infarction",
        synonyms=(
            "STEMI",
            "inferior STEMI",
            "acute STEMI",
            "inferior ST-elevation MI",
            "acute ST-elevation myocardial infarction",
            "inferior wall STEMI",
            "acute inferior myocardial infarction",
            "inferior MI",
            "inferior myocardial infarction",
            "IMI",
            "inferior wall myocardial infarction",
            "ST elevation MI",
            "STEMI inferior",
        ),
        icd10="I21.19",
        rejected_terms=(
            "NSTEMI",
            "myocardial infarction",
            "MI",
            "acute coronary syndrome",
            "anterior STEMI",
            "unstable angina",
        ),
        synonym_source=(
            "ST Elevation Myocardial Infarction (entry terms: STEMI; ST Segment Elevation "
            "Myocardial Infarction); ICD-10-CM index: Infarct, myocardium, ST elevation (STEMI), "
            "inferior wall"
        ),
        system="cardiovascular",
        source=(
            "Byrne RA et al. 2023 ESC Guidelines for the management of acute coronary "
            "syndromes. Eur Heart J 2023;44:3720-3826; O'Gara PT et al. 2013 ACCF/AHA "
            "guideline for the management of STEMI. Circulation 2013;127:e362-e425."
        ),
        age=(45, 85),
        female_fraction=0.25,
        chief_complaints=("crushing chest pain for the last hour",
                          "heavy central chest pain and sweating"),
        symptoms={"chest_pain": 1.0, "chest_pressure": 0.8, "chest_pain_radiating": 0.6,
                  "chest_pain_at_rest": 0.95, "dyspnea": 0.4, "nausea": 0.4, "vomiting": 0.15,
                  "syncope": 0.05},
        signs={"diaphoresis": 0.6, "crackles": 0.1},
        history={"current_smoker": 0.4, "family_history_cad": 0.2, "aspirin_last_7d": 0.15,
                 "angina_2plus_24h": 0.1},
        comorbidities={**_ACS_RISK, "coronary_artery_disease": 0.15,
                       "peripheral_arterial_disease": 0.05},
        vitals={"hr": (55, 100), "sbp": (95, 160), "rr": (16, 24), "spo2": (93, 99)},
        labs={"troponin_i": (150, 8000)},
        imaging={"echocardiogram": "Hypokinesis of the inferior and inferoseptal walls; LVEF "
                                   "45-50%. No pericardial effusion. Normal valves."},
        ecg=("Sinus rhythm 72/min. ST elevation of 2-4 mm in II, III and aVF with reciprocal ST "
             "depression in I and aVL."),
        key_tests=("ecg", "troponin_i"),
        scores=("heart_score",),
        first_line=("aspirin", "ticagrelor", "heparin", "pci"),
        alternatives={"aspirin": ("clopidogrel", "ticagrelor", "prasugrel"),
                      "ticagrelor": ("clopidogrel", "prasugrel"),
                      "heparin": ("bivalirudin", "enoxaparin"),
                      "pci": ("tenecteplase", "alteplase")},
        contraindicated={"ibuprofen": "NSAIDs increase reinfarction, heart failure and death "
                                      "after myocardial infarction (ACC/AHA class III: harm)",
                         "ketorolac": "NSAIDs increase reinfarction and death after myocardial "
                                      "infarction (ACC/AHA class III: harm)"},
    ),
    DiseaseProfile(
        key="nstemi",
        name="Non-ST-elevation myocardial infarction",
        synonyms=(
            "NSTEMI",
            "non-ST elevation myocardial infarction",
            "non-ST-elevation MI",
            "NSTE-ACS",
            "non-ST-elevation acute coronary syndrome",
            "non-ST-segment elevation myocardial infarction",
            "NSTEMI type 1",
            "subendocardial myocardial infarction",
            "non-Q-wave myocardial infarction",
        ),
        icd10="I21.4",
        rejected_terms=(
            "STEMI",
            "unstable angina",
            "myocardial infarction",
            "stable angina",
            "acute coronary syndrome",
        ),
        synonym_source=(
            "Non-ST Elevated Myocardial Infarction (entry terms: NSTEMI; Non-ST Elevation "
            "Myocardial Infarction); ICD-10-CM index: Infarct, myocardium, non-ST elevation "
            "(NSTEMI)"
        ),
        system="cardiovascular",
        source=(
            "Amsterdam EA et al. 2014 AHA/ACC guideline for non-ST-elevation acute coronary "
            "syndromes. Circulation 2014;130:e344-e426; Byrne RA et al. 2023 ESC ACS guidelines. "
            "Eur Heart J 2023;44:3720-3826; Six AJ et al. Neth Heart J 2008;16:191-6 (HEART); "
            "Antman EM et al. JAMA 2000;284:835-42 (TIMI)."
        ),
        age=(50, 90),
        female_fraction=0.35,
        chief_complaints=("chest tightness on and off since yesterday",
                          "pressure in my chest that keeps coming back"),
        symptoms={"chest_pain": 1.0, "chest_pressure": 0.7, "chest_pain_radiating": 0.4,
                  "chest_pain_at_rest": 0.7, "dyspnea": 0.4, "nausea": 0.2},
        signs={"diaphoresis": 0.3},
        history={"current_smoker": 0.3, "family_history_cad": 0.2, "aspirin_last_7d": 0.35,
                 "angina_2plus_24h": 0.4},
        comorbidities={**_ACS_RISK, "hypertension": 0.7, "type2_diabetes": 0.35,
                       "coronary_artery_disease": 0.35, "peripheral_arterial_disease": 0.1,
                       "prior_stroke_tia": 0.05, "chronic_kidney_disease": 0.15},
        vitals={"hr": (70, 105), "sbp": (110, 170), "rr": (14, 22)},
        labs={"troponin_i": (90, 3000)},
        ecg=("Sinus rhythm 84/min. Horizontal ST depression of 1-2 mm in V4-V6, I and aVL. "
             "No ST elevation."),
        key_tests=("ecg", "troponin_i"),
        scores=("heart_score", "timi_ua_nstemi"),
        first_line=("aspirin", "ticagrelor", "heparin", "coronary_angiography"),
        alternatives={"aspirin": ("clopidogrel", "ticagrelor", "prasugrel"),
                      "ticagrelor": ("clopidogrel", "prasugrel"),
                      "heparin": ("enoxaparin", "fondaparinux", "bivalirudin")},
        contraindicated={"alteplase": "Fibrinolysis without ST elevation gives no benefit and "
                                      "excess bleeding (AHA/ACC 2014 class III: harm)",
                         "tenecteplase": "Fibrinolysis is harmful in non-ST-elevation ACS "
                                         "(AHA/ACC 2014 class III: harm)",
                         "ibuprofen": "NSAIDs increase ischaemic events (class III: harm)"},
    ),
    DiseaseProfile(
        key="acute_decompensated_heart_failure",
        name="Acute decompensated heart failure",
        synonyms=(
            "ADHF",
            "acute heart failure",
            "decompensated heart failure",
            "acute on chronic systolic heart failure",
            "CHF exacerbation",
            "heart failure exacerbation",
            "acute pulmonary oedema",
            "acute pulmonary edema",
            "cardiogenic pulmonary edema",
            "decompensated CHF",
            "acute decompensated systolic heart failure",
            "flash pulmonary oedema",
            "cardiac asthma",
        ),
        icd10="I50.23",
        rejected_terms=(
            "heart failure",
            "chronic heart failure",
            "cardiogenic shock",
            "non-cardiogenic pulmonary edema",
        ),
        synonym_source=(
            "Heart Failure (entry terms: Cardiac Failure; Congestive Heart Failure; Heart "
            "Decompensation); ICD-10-CM index: Failure, heart, systolic, acute on chronic; "
            "composite rule: acute/decompensated + heart failure"
        ),
        system="cardiovascular",
        source=(
            "Heidenreich PA et al. 2022 AHA/ACC/HFSA guideline for the management of heart "
            "failure. Circulation 2022;145:e895-e1032; McDonagh TA et al. 2021 ESC heart "
            "failure guidelines. Eur Heart J 2021;42:3599-3726."
        ),
        age=(55, 90),
        female_fraction=0.4,
        chief_complaints=("getting more and more breathless over a week",
                          "can't lie flat and my legs are swollen"),
        symptoms={"dyspnea": 1.0, "exertional_dyspnea": 0.9, "orthopnea": 0.8,
                  "paroxysmal_nocturnal_dyspnea": 0.5, "ankle_swelling": 0.75, "cough": 0.3,
                  "fatigue": 0.5},
        signs={"crackles": 0.85, "jvd": 0.7, "pitting_edema": 0.75, "s3_gallop": 0.3},
        comorbidities={"heart_failure": 0.75, "hypertension": 0.7,
                       "coronary_artery_disease": 0.45, "type2_diabetes": 0.35,
                       "atrial_fibrillation": 0.25, "chronic_kidney_disease": 0.25},
        vitals={"hr": (90, 120), "sbp": (115, 170), "rr": (22, 30), "spo2": (86, 93)},
        labs={"bnp": (900, 4000), "bun": (22, 40), "creatinine": (1.2, 2.0),
              "sodium": (130, 138)},
        imaging={
            "chest_xray": "Cardiomegaly with upper-lobe venous diversion, bilateral perihilar "
                          "airspace haziness, Kerley B lines and small bilateral pleural "
                          "effusions.",
            "echocardiogram": "Dilated left ventricle with global hypokinesis; LVEF 25-30%. "
                              "Moderate functional mitral regurgitation. Estimated RV systolic "
                              "pressure 50 mmHg. Dilated IVC without respiratory variation.",
        },
        ecg=("Sinus tachycardia 104/min. Left ventricular hypertrophy by voltage criteria with "
             "secondary repolarisation changes. Q waves in V1-V3."),
        key_tests=("bnp", "chest_xray", "echocardiogram"),
        scores=(),
        first_line=("furosemide", "supplemental_oxygen"),
        alternatives={"furosemide": ("bumetanide",),
                      "supplemental_oxygen": ("noninvasive_ventilation",)},
        contraindicated={"iv_fluids": "Fluid boluses worsen congestion and pulmonary oedema",
                         "diltiazem": "Non-dihydropyridine calcium-channel blockers are harmful "
                                      "in reduced ejection fraction (class III: harm)",
                         "ibuprofen": "NSAIDs worsen heart failure (class III: harm)"},
    ),
    DiseaseProfile(
        key="af_rvr",
        name="Atrial fibrillation with rapid ventricular response",
        synonyms=(
            "AF with RVR",
            "AF RVR",
            "AF-RVR",
            "rapid atrial fibrillation",
            "atrial fibrillation with RVR",
            "fast atrial fibrillation",
            "uncontrolled atrial fibrillation",
            "rapid AF",
            "fast AF",
            "AF with rapid ventricular rate",
            "atrial fibrillation with rapid ventricular rate",
            "uncontrolled AF",
        ),
        icd10="I48.91",
        broader_accepted=(
            "atrial fibrillation",
            "AF",
            "AFib",
            "new-onset atrial fibrillation",
            "paroxysmal atrial fibrillation",
        ),
        rejected_terms=(
            "atrial flutter",
            "supraventricular tachycardia",
            "sinus tachycardia",
            "ventricular fibrillation",
            "multifocal atrial tachycardia",
        ),
        synonym_source=(
            "Atrial Fibrillation (entry terms: Auricular Fibrillation; Atrial Fibrillations; "
            "Paroxysmal Atrial Fibrillation); SNOMED CT 'Atrial fibrillation with rapid "
            "ventricular response'; ICD-10-CM index: Fibrillation, atrial. Broader 'atrial "
            "fibrillation' accepted: no sibling AF profile and rate control is the management "
            "either way"
        ),
        system="cardiovascular",
        source=(
            "Joglar JA et al. 2023 ACC/AHA/ACCP/HRS guideline for the diagnosis and management "
            "of atrial fibrillation. Circulation 2024;149:e1-e156; Lip GYH et al. Chest "
            "2010;137:263-72 (CHA2DS2-VASc)."
        ),
        age=(55, 90),
        female_fraction=0.45,
        chief_complaints=("my heart is racing and feels irregular",
                          "palpitations and breathlessness since this morning"),
        symptoms={"palpitations": 0.95, "dyspnea": 0.5, "lightheadedness": 0.4,
                  "chest_pain": 0.2, "fatigue": 0.4, "syncope": 0.03},
        signs={"irregular_pulse": 1.0},
        history={"alcohol_excess": 0.15},
        comorbidities={"hypertension": 0.65, "atrial_fibrillation": 0.35, "heart_failure": 0.2,
                       "type2_diabetes": 0.25, "coronary_artery_disease": 0.2,
                       "prior_stroke_tia": 0.1, "obesity": 0.3},
        vitals={"hr": (125, 165), "sbp": (100, 150), "rr": (18, 24), "spo2": (94, 99)},
        imaging={"echocardiogram": "Moderately dilated left atrium (44 mm). Normal LV size; "
                                   "LVEF 50-55%. No significant valve disease. No pericardial "
                                   "effusion."},
        ecg=("Irregularly irregular narrow-complex rhythm at 130-160/min with no discernible P "
             "waves and a fibrillatory baseline. Normal QRS duration. No ST elevation."),
        key_tests=("ecg",),
        scores=("cha2ds2_vasc",),
        first_line=("diltiazem", "apixaban"),
        alternatives={"diltiazem": ("metoprolol", "esmolol", "amiodarone", "digoxin"),
                      "apixaban": ("rivaroxaban", "dabigatran", "warfarin")},
        contraindicated={},
    ),
    DiseaseProfile(
        key="acute_pericarditis",
        name="Acute pericarditis",
        synonyms=(
            "pericarditis",
            "acute viral pericarditis",
            "acute idiopathic pericarditis",
            "idiopathic pericarditis",
            "viral pericarditis",
            "acute benign pericarditis",
            "acute nonspecific pericarditis",
        ),
        icd10="I30.0",
        rejected_terms=(
            "constrictive pericarditis",
            "pericardial effusion",
            "cardiac tamponade",
            "myocarditis",
        ),
        synonym_source=(
            "Pericarditis (entry terms: Pericarditides); ICD-10-CM index: Pericarditis, acute "
            "(nonrheumatic), idiopathic"
        ),
        system="cardiovascular",
        source=(
            "Adler Y et al. 2015 ESC Guidelines for the diagnosis and management of pericardial "
            "diseases. Eur Heart J 2015;36:2921-64; Imazio M et al. N Engl J Med "
            "2013;369:1522-8 (ICAP)."
        ),
        age=(18, 55),
        female_fraction=0.35,
        chief_complaints=("sharp chest pain that's worse lying down",
                          "chest pain since a cold last week, better sitting up"),
        symptoms={"chest_pain": 1.0, "positional_chest_pain": 0.85,
                  "pleuritic_chest_pain": 0.8, "fever_reported": 0.3, "dyspnea": 0.3},
        signs={"pericardial_rub": 0.35},
        history={"viral_prodrome": 0.6},
        vitals={"hr": (90, 115), "temp_c": (37.3, 38.3), "sbp": (105, 135)},
        labs={"crp": (20, 80), "wbc": (10.5, 14.0), "esr": (25, 60)},
        imaging={"echocardiogram": "Small circumferential pericardial effusion (8 mm) without "
                                   "chamber collapse. Normal LV size and systolic function "
                                   "without regional wall-motion abnormality."},
        ecg=("Sinus tachycardia 102/min. Widespread concave ST elevation in I, II, aVL, aVF and "
             "V2-V6 with PR-segment depression and PR elevation in aVR. No reciprocal ST "
             "depression."),
        key_tests=("ecg", "echocardiogram"),
        scores=(),
        first_line=("ibuprofen", "colchicine"),
        alternatives={"ibuprofen": ("aspirin", "prednisone")},
        contraindicated={"alteplase": "Fibrinolysis risks haemorrhagic pericardial effusion and "
                                      "tamponade",
                         "tenecteplase": "Fibrinolysis risks haemorrhagic tamponade"},
    ),
    DiseaseProfile(
        key="aortic_dissection",
        name="Acute type A aortic dissection",
        synonyms=(
            "aortic dissection",
            "type A aortic dissection",
            "acute aortic dissection",
            "Stanford type A aortic dissection",
            "thoracic aortic dissection",
            "dissecting aorta",
            "dissection of the thoracic aorta",
            "ascending aortic dissection",
            "DeBakey type I aortic dissection",
            "acute aortic syndrome type A",
        ),
        icd10="I71.010",
        rejected_terms=(
            "type B aortic dissection",
            "abdominal aortic aneurysm",
            "ruptured abdominal aortic aneurysm",
            "aortic aneurysm",
        ),
        synonym_source=(
            "Aortic Dissection (entry terms: Dissecting Aneurysm; Aortic Dissections); ICD-10-CM "
            "index: Dissection, aorta, thoracic"
        ),
        system="cardiovascular",
        source=(
            "Isselbacher EM et al. 2022 ACC/AHA guideline for the diagnosis and management of "
            "aortic disease. Circulation 2022;146:e334-e482; Erbel R et al. 2014 ESC aortic "
            "diseases guidelines. Eur Heart J 2014;35:2873-926."
        ),
        age=(50, 85),
        female_fraction=0.3,
        chief_complaints=("sudden tearing pain through to my back",
                          "worst chest pain of my life going into my back"),
        symptoms={"chest_pain": 1.0, "tearing_pain_to_back": 0.85, "syncope": 0.1,
                  "nausea": 0.2},
        signs={"diaphoresis": 0.4, "pulse_deficit": 0.3, "early_diastolic_murmur": 0.3},
        history={"current_smoker": 0.3},
        comorbidities={"hypertension": 0.8, "hyperlipidemia": 0.3},
        vitals={"hr": (85, 115), "sbp": (150, 200), "dbp": (85, 110), "rr": (18, 24)},
        labs={"d_dimer": (1500, 10000)},
        imaging={
            "ct_angiogram_aorta": "Intimal flap in the ascending aorta extending through the "
                                  "arch into the descending thoracic aorta to the diaphragm, "
                                  "with true and false lumens. Ascending aorta 48 mm. No "
                                  "pericardial effusion.",
            "chest_xray": "Widened superior mediastinum (9 cm). Lungs clear. No effusion.",
        },
        ecg=("Sinus tachycardia 102/min. Left ventricular hypertrophy by voltage criteria. No "
             "ST elevation."),
        key_tests=("ct_angiogram_aorta",),
        scores=(),
        first_line=("esmolol", "aortic_surgery"),
        alternatives={"esmolol": ("labetalol",)},
        contraindicated={"alteplase": "Thrombolysis causes fatal haemorrhage into the false "
                                      "lumen and pericardium",
                         "heparin": "Anticoagulation promotes false-lumen bleeding and "
                                    "rupture",
                         "enoxaparin": "Anticoagulation promotes false-lumen bleeding"},
    ),
]
