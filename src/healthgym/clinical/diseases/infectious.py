"""Infectious disease profiles (sepsis, skin, throat and gut infections)."""

from __future__ import annotations

from .model import DiseaseProfile

_ECOLI = "More than 100,000 CFU/mL Escherichia coli, susceptible to ceftriaxone and meropenem"

PROFILES: list[DiseaseProfile] = [
    DiseaseProfile(
        key="urosepsis",
        name="Urosepsis",
        synonyms=(
            "urinary sepsis",
            "sepsis of urinary origin",
            "urinary source sepsis",
            "septic shock from a urinary source",
            "E. coli urosepsis",
            "gram-negative urosepsis",
            "urinary tract infection with sepsis",
            "sepsis from a urinary source",
        ),
        icd10="A41.51",
        rejected_terms=(
            "sepsis",
            "septic shock",
            "pyelonephritis",
            "urinary tract infection",
            "pneumonia with sepsis",
        ),
        synonym_source=(
            "SNOMED CT 'Urosepsis' (and 'Sepsis due to urinary tract infection'); MeSH Sepsis + "
            "Urinary Tract Infections; ICD-10-CM index: Urosepsis - code to condition (A41.51 E. "
            "coli sepsis); composite rule: sepsis/septic shock + urinary source"
        ),
        system="infectious",
        source=(
            "Evans L et al. Surviving Sepsis Campaign: international guidelines for management "
            "of sepsis and septic shock 2021. Crit Care Med 2021;49:e1063-e1143; Singer M et "
            "al. Sepsis-3. JAMA 2016;315:801-10; EAU Guidelines on Urological Infections 2024."
        ),
        age=(65, 95),
        female_fraction=0.45,
        chief_complaints=("confused and feverish since this morning",
                          "shaking, fever and hardly passing any urine"),
        symptoms={"fever_reported": 0.8, "chills": 0.7, "dysuria": 0.4,
                  "urinary_frequency": 0.3, "flank_pain": 0.3, "weakness": 0.6},
        signs={"confusion": 0.6, "mottled_skin": 0.4, "suprapubic_tenderness": 0.4,
               "cva_tenderness": 0.3},
        history={"indwelling_urinary_catheter": 0.2, "recent_hospitalization": 0.2},
        comorbidities={"benign_prostatic_hyperplasia": 0.35, "type2_diabetes": 0.3,
                       "hypertension": 0.6, "chronic_kidney_disease": 0.2},
        vitals={"hr": (110, 135), "sbp": (72, 92), "dbp": (38, 55), "rr": (22, 30),
                "temp_c": (38.3, 39.8), "spo2": (92, 97)},
        labs={"wbc": (15.0, 28.0), "neutrophils_pct": (82, 94), "lactate": (3.0, 6.0),
              "creatinine": (1.6, 2.8), "bun": (30, 60), "platelets": (90, 145),
              "bicarbonate": (15, 20), "chloride": (98, 106), "crp": (150, 300),
              "blood_culture": "Gram-negative bacilli in 2 of 2 sets, identified as "
                               "Escherichia coli",
              "urine_culture": _ECOLI, "ua_leukocyte_esterase": "Positive",
              "ua_nitrite": "Positive", "ua_wbc": (50, 200)},
        key_tests=("lactate", "blood_culture", "urine_culture"),
        scores=("qsofa", "sirs", "shock_index"),
        first_line=("iv_fluids", "piperacillin_tazobactam"),
        # EAU 2024 urosepsis regimens (ceftriaxone, cefepime, piperacillin-tazobactam,
        # carbapenems); aztreonam for beta-lactam allergy (AAAAI/ACAAI 2022)
        alternatives={"piperacillin_tazobactam": ("ceftriaxone", "meropenem", "cefepime",
                                                  "aztreonam")},
        contraindicated={"nitrofurantoin": "No therapeutic blood or renal tissue levels; "
                                           "inadequate for sepsis"},
    ),
    DiseaseProfile(
        key="cellulitis",
        name="Cellulitis of the lower leg",
        synonyms=(
            "cellulitis",
            "lower-limb cellulitis",
            "leg cellulitis",
            "non-purulent cellulitis",
            "nonpurulent cellulitis",
            "cellulitis of leg",
            "cellulitis of the lower limb",
            "lower extremity cellulitis",
            "shin cellulitis",
        ),
        icd10="L03.115",
        rejected_terms=(
            "erysipelas",
            "necrotizing fasciitis",
            "abscess",
            "purulent cellulitis",
            "deep vein thrombosis",
            "venous stasis dermatitis",
        ),
        synonym_source=(
            "Cellulitis (entry terms: Cellulitides); ICD-10-CM index: Cellulitis, lower limb"
        ),
        system="infectious",
        source=(
            "Stevens DL et al. Practice guidelines for the diagnosis and management of skin and "
            "soft tissue infections: 2014 update by the IDSA. Clin Infect Dis 2014;59:e10-52; "
            "Raff AB, Kroshinsky D. Cellulitis: a review. JAMA 2016;316:325-37."
        ),
        age=(30, 80),
        female_fraction=0.5,
        chief_complaints=("my lower leg is red, hot and swollen",
                          "spreading redness on my shin for two days"),
        symptoms={"leg_redness": 1.0, "leg_pain": 0.7, "fever_reported": 0.35, "chills": 0.2},
        signs={"spreading_erythema": 1.0, "interdigital_fissuring": 0.4},
        comorbidities={"obesity": 0.4, "type2_diabetes": 0.25},
        vitals={"temp_c": (37.2, 38.4), "hr": (80, 105)},
        exam={"skin": ("No fluctuance, crepitus, bullae or purulent drainage; edge of the "
                       "erythema marked with a pen.",)},
        labs={"wbc": (10.5, 15.0), "neutrophils_pct": (70, 85), "crp": (30, 120)},
        imaging={"soft_tissue_ultrasound": "Diffuse subcutaneous oedema with a cobblestone "
                                           "pattern and skin thickening over the anterior right "
                                           "shin; no drainable fluid collection or foreign "
                                           "body."},
        key_tests=("soft_tissue_ultrasound",),
        scores=("sirs",),
        first_line=("cephalexin",),
        alternatives={"cephalexin": ("clindamycin", "cefazolin")},
        contraindicated={},
    ),
    DiseaseProfile(
        key="streptococcal_pharyngitis",
        name="Streptococcal pharyngitis",
        synonyms=(
            "strep throat",
            "strep pharyngitis",
            "group A streptococcal pharyngitis",
            "GAS pharyngitis",
            "streptococcal sore throat",
            "streptococcal tonsillitis",
            "group A strep pharyngitis",
            "GABHS pharyngitis",
            "streptococcal tonsillopharyngitis",
            "strep tonsillitis",
        ),
        icd10="J02.0",
        rejected_terms=(
            "viral pharyngitis",
            "infectious mononucleosis",
            "peritonsillar abscess",
            "pharyngitis",
        ),
        synonym_source=(
            "Pharyngitis + Streptococcal Infections (entry terms: Strep Throat; Streptococcal "
            "Sore Throat); ICD-10-CM index: Pharyngitis, streptococcal"
        ),
        system="infectious",
        source=(
            "Shulman ST et al. Clinical practice guideline for the diagnosis and management of "
            "group A streptococcal pharyngitis: 2012 update by the IDSA. Clin Infect Dis "
            "2012;55:e86-102; McIsaac WJ et al. CMAJ 1998;158:75-83."
        ),
        age=(15, 40),
        female_fraction=0.5,
        chief_complaints=("really sore throat and fever", "painful swallowing and swollen glands"),
        symptoms={"sore_throat": 1.0, "odynophagia": 0.8, "fever_reported": 0.8,
                  "headache": 0.4, "cough": 0.1, "abdominal_pain": 0.1},
        signs={"tonsillar_exudate": 0.6, "tender_anterior_cervical_nodes": 0.75},
        history={"sick_contact": 0.3},
        vitals={"temp_c": (38.1, 39.3), "hr": (90, 110)},
        exam={"heent": ("Erythematous pharynx with palatal petechiae; uvula midline; no "
                        "trismus.",)},
        labs={"rapid_strep": "Positive",
              "throat_culture": "Heavy growth of beta-haemolytic streptococci, Lancefield "
                                "group A",
              "wbc": (11.0, 16.0)},
        key_tests=("rapid_strep",),
        scores=("centor_mcisaac",),
        first_line=("amoxicillin",),
        alternatives={"amoxicillin": ("penicillin_v", "cephalexin", "azithromycin",
                                      "clindamycin")},
        contraindicated={},
    ),
    DiseaseProfile(
        key="c_difficile_colitis",
        name="Clostridioides difficile colitis",
        synonyms=(
            "C. difficile colitis",
            "C. difficile infection",
            "C diff colitis",
            "Clostridioides difficile infection",
            "Clostridium difficile colitis",
            "CDI",
            "pseudomembranous colitis",
            "antibiotic-associated colitis",
            "C diff infection",
            "Clostridium difficile infection",
            "C. difficile associated diarrhoea",
            "CDAD",
            "Clostridioides difficile colitis",
        ),
        icd10="A04.72",
        rejected_terms=(
            "antibiotic-associated diarrhea without C difficile",
            "ulcerative colitis",
            "ischemic colitis",
            "infectious gastroenteritis",
        ),
        synonym_source=(
            "Clostridium Infections / Enterocolitis, Pseudomembranous (entry terms: Clostridium "
            "difficile Infection; Pseudomembranous Colitis); ICD-10-CM index: Colitis, "
            "Clostridium difficile"
        ),
        system="infectious",
        source=(
            "Johnson S et al. 2021 focused update guidelines on management of Clostridioides "
            "difficile infection in adults (IDSA/SHEA). Clin Infect Dis 2021;73:e1029-44; "
            "McDonald LC et al. IDSA/SHEA CDI guideline. Clin Infect Dis 2018;66:e1-e48."
        ),
        age=(55, 90),
        female_fraction=0.55,
        chief_complaints=("watery diarrhoea many times a day since finishing antibiotics",
                          "diarrhoea and crampy belly pain for four days"),
        symptoms={"diarrhea": 1.0, "abdominal_pain": 0.6, "fever_reported": 0.4,
                  "anorexia": 0.4, "nausea": 0.3},
        signs={"lower_abdominal_tenderness": 0.7, "dry_mucous_membranes": 0.4},
        history={"recent_antibiotics": 0.9, "recent_hospitalization": 0.5},
        comorbidities={"hypertension": 0.4, "chronic_kidney_disease": 0.15,
                       "peptic_ulcer_disease": 0.2},
        vitals={"hr": (90, 110), "temp_c": (37.6, 38.6)},
        labs={"c_difficile_toxin": "Positive", "wbc": (13.0, 25.0), "albumin": (2.8, 3.4)},
        imaging={"ct_abdomen_pelvis": "Diffuse colonic wall thickening with pericolonic fat "
                                      "stranding; no colonic dilatation, pneumatosis or free "
                                      "air. Small bowel and appendix normal."},
        key_tests=("c_difficile_toxin",),
        scores=(),
        first_line=("oral_vancomycin",),
        alternatives={"oral_vancomycin": ("fidaxomicin",)},
        contraindicated={"loperamide": "Antimotility agents risk toxic megacolon "
                                       "(IDSA/SHEA 2017)"},
    ),
]
