"""Gastrointestinal and hepatobiliary disease profiles."""

from __future__ import annotations

from .model import DiseaseProfile

PROFILES: list[DiseaseProfile] = [
    DiseaseProfile(
        key="acute_appendicitis",
        name="Acute appendicitis",
        synonyms=(
            "appendicitis",
            "acute uncomplicated appendicitis",
            "acute non-perforated appendicitis",
            "uncomplicated appendicitis",
            "appendiceal inflammation",
        ),
        icd10="K35.80",
        rejected_terms=(
            "perforated appendicitis",
            "appendiceal abscess",
            "mesenteric adenitis",
            "chronic appendicitis",
        ),
        synonym_source=(
            "Appendicitis (entry terms: Appendicitides); ICD-10-CM index: Appendicitis, acute"
        ),
        system="gastrointestinal",
        source=(
            "Di Saverio S et al. Diagnosis and treatment of acute appendicitis: 2020 update of "
            "the WSES Jerusalem guidelines. World J Emerg Surg 2020;15:27; Alvarado A. Ann "
            "Emerg Med 1986;15:557-64; Solomkin JS et al. IDSA intra-abdominal infection "
            "guideline. Clin Infect Dis 2010;50:133-64."
        ),
        age=(16, 45),
        female_fraction=0.45,
        chief_complaints=("pain started around my belly button and moved to the right lower side",
                          "right lower tummy pain and vomiting since last night"),
        symptoms={"abdominal_pain": 1.0, "pain_migration_rlq": 0.6, "anorexia": 0.75,
                  "nausea": 0.7, "vomiting": 0.5, "fever_reported": 0.4, "diarrhea": 0.1},
        signs={"rlq_tenderness": 0.95, "rebound_tenderness": 0.5, "guarding": 0.5},
        vitals={"hr": (88, 110), "temp_c": (37.3, 38.4)},
        exam={"abdominal": ("Pain in the right lower quadrant on palpation of the left lower "
                            "quadrant.",)},
        labs={"wbc": (11.5, 17.0), "neutrophils_pct": (76, 88), "crp": (20, 80)},
        imaging={"ct_abdomen_pelvis": "The appendix is dilated to 11 mm with wall enhancement, "
                                      "an appendicolith and periappendiceal fat stranding. No "
                                      "free air or fluid collection."},
        key_tests=("ct_abdomen_pelvis",),
        scores=("alvarado",),
        first_line=("appendectomy", "ceftriaxone", "metronidazole"),
        alternatives={"ceftriaxone": ("ciprofloxacin", "levofloxacin", "aztreonam")},
        contraindicated={},
    ),
    DiseaseProfile(
        key="acute_cholecystitis",
        name="Acute calculous cholecystitis",
        synonyms=(
            "acute cholecystitis",
            "cholecystitis",
            "calculous cholecystitis",
            "gallbladder inflammation with gallstones",
            "acute gallstone cholecystitis",
            "calculous cholecystitis acute",
        ),
        icd10="K80.00",
        rejected_terms=(
            "acalculous cholecystitis",
            "biliary colic",
            "choledocholithiasis",
            "ascending cholangitis",
            "chronic cholecystitis",
        ),
        synonym_source=(
            "Cholecystitis, Acute (entry terms: Acute Cholecystitis); ICD-10-CM index: Calculus, "
            "gallbladder, with cholecystitis, acute"
        ),
        system="gastrointestinal",
        source=(
            "Yokoe M et al. Tokyo Guidelines 2018: diagnostic criteria and severity grading of "
            "acute cholecystitis. J Hepatobiliary Pancreat Sci 2018;25:41-54; Okamoto K et al. "
            "TG18 management flowchart. JHBPS 2018;25:55-72; Gomi H et al. TG18 antimicrobial "
            "therapy. JHBPS 2018;25:3-16."
        ),
        age=(30, 75),
        female_fraction=0.65,
        chief_complaints=("pain under my right ribs since dinner that won't go away",
                          "right upper belly pain, fever and vomiting"),
        symptoms={"abdominal_pain": 1.0, "ruq_pain": 0.95, "pain_after_fatty_meal": 0.6,
                  "nausea": 0.7, "vomiting": 0.5, "fever_reported": 0.5, "anorexia": 0.5},
        signs={"ruq_tenderness": 0.95, "murphy_sign": 0.7, "guarding": 0.3},
        history={"similar_attacks_before": 0.4},
        comorbidities={"obesity": 0.4, "type2_diabetes": 0.15},
        vitals={"hr": (90, 110), "temp_c": (37.6, 38.8)},
        labs={"wbc": (11.5, 17.0), "neutrophils_pct": (75, 88), "crp": (30, 150),
              "alk_phos": (90, 160)},
        imaging={"abdominal_ultrasound": "Distended gallbladder containing multiple mobile "
                                         "calculi with a 2 cm calculus impacted in the neck; "
                                         "wall thickened to 6 mm with pericholecystic fluid; "
                                         "sonographic Murphy sign positive. Common bile duct 4 "
                                         "mm. Liver normal. No ascites."},
        key_tests=("abdominal_ultrasound",),
        scores=("sirs",),
        first_line=("cholecystectomy", "ceftriaxone"),
        alternatives={"ceftriaxone": ("ciprofloxacin", "levofloxacin", "aztreonam")},
        contraindicated={},
    ),
    DiseaseProfile(
        key="acute_pancreatitis",
        name="Acute pancreatitis",
        synonyms=(
            "pancreatitis",
            "alcohol-induced acute pancreatitis",
            "alcoholic pancreatitis",
            "acute alcoholic pancreatitis",
            "acute interstitial oedematous pancreatitis",
            "alcohol-related acute pancreatitis",
            "alcohol induced pancreatitis",
            "acute edematous pancreatitis",
        ),
        icd10="K85.20",
        rejected_terms=(
            "gallstone pancreatitis",
            "biliary pancreatitis",
            "chronic pancreatitis",
            "hypertriglyceridemic pancreatitis",
        ),
        synonym_source=(
            "Pancreatitis (entry terms: Pancreatitides); Pancreatitis, Alcoholic; ICD-10-CM "
            "index: Pancreatitis, acute, alcohol induced"
        ),
        system="gastrointestinal",
        source=(
            "Tenner S et al. American College of Gastroenterology guideline: management of "
            "acute pancreatitis. Am J Gastroenterol 2024;119:419-37; Banks PA et al. Revised "
            "Atlanta classification. Gut 2013;62:102-11; Wu BU et al. Gut 2008;57:1698-703 "
            "(BISAP)."
        ),
        age=(30, 70),
        female_fraction=0.35,
        chief_complaints=("severe upper belly pain going through to my back",
                          "agonising stomach pain and vomiting after a weekend of drinking"),
        symptoms={"abdominal_pain": 1.0, "epigastric_pain_to_back": 0.9, "nausea": 0.85,
                  "vomiting": 0.75, "anorexia": 0.6},
        signs={"epigastric_tenderness": 0.95, "guarding": 0.4, "confusion": 0.05},
        history={"alcohol_excess": 0.9, "current_smoker": 0.5},
        comorbidities={"alcohol_use_disorder": 0.6, "hyperlipidemia": 0.15},
        vitals={"hr": (95, 120), "temp_c": (37.2, 38.3), "rr": (18, 24), "sbp": (105, 140)},
        labs={"lipase": (700, 5000), "wbc": (11.0, 17.0), "bun": (12, 30), "glucose": (120, 200),
              "crp": (50, 200), "ast": (45, 120)},
        imaging={
            "ct_abdomen_pelvis": "Diffusely enlarged, oedematous pancreas with peripancreatic "
                                 "fat stranding and a small peripancreatic fluid collection; "
                                 "homogeneous parenchymal enhancement without necrosis. No "
                                 "free air. Normal appendix.",
            "abdominal_ultrasound": "Gallbladder thin-walled without stones; common bile duct 4 "
                                    "mm. Pancreas bulky and hypoechoic, partly obscured by "
                                    "bowel gas. Liver mildly echogenic. No ascites.",
        },
        key_tests=("lipase", "ct_abdomen_pelvis"),
        scores=("bisap", "sirs"),
        first_line=("iv_fluids", "morphine"),
        alternatives={"morphine": ("hydromorphone",)},
        contraindicated={},
    ),
    DiseaseProfile(
        key="peptic_ulcer_bleeding",
        name="Upper gastrointestinal bleeding from a duodenal ulcer",
        synonyms=(
            "upper GI bleed",
            "upper GI bleeding",
            "upper gastrointestinal bleed",
            "upper gastrointestinal bleeding",
            "UGIB",
            "bleeding peptic ulcer",
            "bleeding duodenal ulcer",
            "peptic ulcer bleeding",
            "duodenal ulcer hemorrhage",
            "duodenal ulcer haemorrhage",
            "bleeding DU",
            "haemorrhagic duodenal ulcer",
            "duodenal ulcer with haemorrhage",
            "upper GI haemorrhage",
            "peptic ulcer haemorrhage",
            "non-variceal upper GI bleed",
        ),
        icd10="K26.4",
        rejected_terms=(
            "variceal bleeding",
            "lower GI bleed",
            "gastrointestinal bleeding",
            "Mallory-Weiss tear",
            "perforated duodenal ulcer",
        ),
        synonym_source=(
            "Peptic Ulcer Hemorrhage (entry terms: Bleeding Peptic Ulcer; Hemorrhage, Peptic "
            "Ulcer); Duodenal Ulcer; ICD-10-CM index: Ulcer, duodenum, acute, with hemorrhage"
        ),
        system="gastrointestinal",
        source=(
            "Laine L et al. ACG Clinical Guideline: upper gastrointestinal and ulcer bleeding. "
            "Am J Gastroenterol 2021;116:899-917; Blatchford O et al. Lancet "
            "2000;356:1318-21 (Glasgow-Blatchford score)."
        ),
        age=(45, 85),
        female_fraction=0.4,
        chief_complaints=("vomited blood this morning", "black stools and felt faint"),
        symptoms={"melena": 0.8, "hematemesis": 0.6, "lightheadedness": 0.6, "syncope": 0.15,
                  "abdominal_pain": 0.4, "nausea": 0.3},
        signs={"melena_on_rectal": 0.8, "pallor": 0.6, "epigastric_tenderness": 0.4,
               "diaphoresis": 0.2},
        history={"nsaid_use": 0.5, "aspirin_last_7d": 0.3, "alcohol_excess": 0.15},
        comorbidities={"osteoarthritis": 0.35, "peptic_ulcer_disease": 0.2,
                       "hypertension": 0.4, "coronary_artery_disease": 0.15},
        vitals={"hr": (100, 125), "sbp": (90, 110), "dbp": (50, 70)},
        labs={"hemoglobin": (6.8, 9.5), "bun": (35, 70)},
        imaging={"upper_endoscopy": "1.5 cm ulcer on the posterior wall of the duodenal bulb "
                                    "with a non-bleeding visible vessel; altered blood in the "
                                    "stomach. Oesophagus normal; no varices."},
        key_tests=("upper_endoscopy", "hemoglobin"),
        scores=("glasgow_blatchford", "shock_index"),
        first_line=("pantoprazole", "endoscopic_hemostasis"),
        alternatives={"pantoprazole": ("esomeprazole",)},
        contraindicated={"heparin": "Anticoagulation worsens active gastrointestinal bleeding",
                         "enoxaparin": "Anticoagulation worsens active bleeding",
                         "alteplase": "Active internal bleeding is an absolute contraindication "
                                      "to thrombolysis",
                         "ibuprofen": "NSAIDs cause and worsen peptic ulcer bleeding",
                         "ketorolac": "NSAIDs cause and worsen peptic ulcer bleeding"},
    ),
    DiseaseProfile(
        key="decompensated_cirrhosis",
        name="Decompensated alcohol-related cirrhosis",
        synonyms=(
            "decompensated cirrhosis",
            "decompensated alcoholic cirrhosis",
            "alcoholic cirrhosis with ascites",
            "hepatic decompensation",
            "decompensated liver disease",
            "decompensated chronic liver disease",
            "alcohol-related cirrhosis with ascites",
            "decompensated alcohol-related liver disease",
            "decompensated ArLD",
            "cirrhosis with ascites",
        ),
        icd10="K70.31",
        rejected_terms=(
            "compensated cirrhosis",
            "alcoholic hepatitis",
            "hepatocellular carcinoma",
            "fatty liver",
        ),
        synonym_source=(
            "Liver Cirrhosis, Alcoholic (entry terms: Alcoholic Cirrhosis; Cirrhosis, Alcoholic); "
            "ICD-10-CM index: Cirrhosis, alcoholic, with ascites"
        ),
        system="gastrointestinal",
        source=(
            "Biggins SW et al. AASLD Practice Guidance: diagnosis, evaluation and management "
            "of ascites, spontaneous bacterial peritonitis and hepatorenal syndrome. Hepatology "
            "2021;74:1014-48; EASL Clinical Practice Guidelines for decompensated cirrhosis. "
            "J Hepatol 2018;69:406-60."
        ),
        age=(40, 75),
        female_fraction=0.3,
        chief_complaints=("my belly has swollen up and my eyes are yellow",
                          "abdomen getting bigger and I'm more forgetful"),
        symptoms={"abdominal_distension": 0.95, "fatigue": 0.6, "ankle_swelling": 0.5,
                  "dyspnea": 0.2, "anorexia": 0.4},
        signs={"ascites": 0.95, "jaundice": 0.6, "spider_angiomas": 0.5, "asterixis": 0.3,
               "confusion": 0.15, "pitting_edema": 0.5},
        history={"alcohol_excess": 0.9},
        comorbidities={"alcohol_use_disorder": 0.8, "cirrhosis": 0.5},
        vitals={"hr": (85, 105), "sbp": (95, 120), "dbp": (55, 70)},
        labs={"albumin": (2.2, 2.9), "bilirubin_total": (2.5, 6.0), "inr": (1.6, 2.3),
              "pt": (17, 24), "platelets": (60, 120), "sodium": (126, 134), "ast": (60, 150),
              "alt": (30, 70), "ammonia": (60, 120), "mcv": (98, 108),
              "hemoglobin": (10.0, 12.5)},
        imaging={"abdominal_ultrasound": "Small liver with a coarse echotexture and nodular "
                                         "surface. Moderate-to-large volume ascites. "
                                         "Splenomegaly (15 cm). Patent portal vein with slow "
                                         "hepatopetal flow. Gallbladder without stones."},
        key_tests=("abdominal_ultrasound", "albumin", "inr"),
        scores=("child_pugh", "meld_na"),
        first_line=("paracentesis", "spironolactone"),
        alternatives={},
        contraindicated={"ibuprofen": "NSAIDs precipitate renal failure and diuretic-resistant "
                                      "ascites (AASLD 2021)",
                         "naproxen": "NSAIDs precipitate renal failure in cirrhosis",
                         "ketorolac": "NSAIDs precipitate renal failure in cirrhosis"},
    ),
    DiseaseProfile(
        key="small_bowel_obstruction",
        name="Adhesive small bowel obstruction",
        synonyms=(
            "small bowel obstruction",
            "small-bowel obstruction",
            "SBO",
            "adhesional small bowel obstruction",
            "ASBO",
            "adhesive bowel obstruction",
            "adhesional SBO",
            "mechanical small bowel obstruction",
            "SBO due to adhesions",
        ),
        icd10="K56.50",
        rejected_terms=(
            "large bowel obstruction",
            "paralytic ileus",
            "ileus",
            "volvulus",
        ),
        synonym_source=(
            "Intestinal Obstruction (entry terms: Bowel Obstruction); ICD-10-CM index: "
            "Obstruction, intestine, small, due to adhesions"
        ),
        system="gastrointestinal",
        source=(
            "Ten Broek RPG et al. Bologna guidelines for diagnosis and management of adhesive "
            "small bowel obstruction: 2017 update. World J Emerg Surg 2018;13:24."
        ),
        age=(40, 85),
        female_fraction=0.55,
        chief_complaints=("crampy belly pain and vomiting, can't pass wind",
                          "swollen belly and vomiting since yesterday"),
        symptoms={"abdominal_pain": 1.0, "colicky_abdominal_pain": 0.95, "vomiting": 0.9,
                  "nausea": 0.9, "abdominal_distension": 0.8, "obstipation": 0.8,
                  "anorexia": 0.5},
        signs={"abdominal_distension_sign": 0.85, "tinkling_bowel_sounds": 0.6,
               "dry_mucous_membranes": 0.5},
        history={"prior_abdominal_surgery": 0.9},
        vitals={"hr": (95, 115), "sbp": (105, 140), "temp_c": (36.6, 37.6)},
        exam={"abdominal": ("Healed midline laparotomy scar. No hernia at the groins or "
                            "umbilicus.",)},
        labs={"bun": (22, 40), "potassium": (3.0, 3.4), "chloride": (90, 97),
              "bicarbonate": (28, 33), "wbc": (9.0, 14.0)},
        imaging={
            "abdominal_xray": "Multiple dilated small-bowel loops up to 4 cm with air-fluid "
                              "levels; paucity of colonic gas.",
            "ct_abdomen_pelvis": "Dilated fluid-filled small-bowel loops up to 4 cm with an "
                                 "abrupt transition point in the right lower quadrant and "
                                 "collapsed distal ileum and colon; no mass or hernia. Normal "
                                 "bowel wall enhancement; small volume of free fluid; no "
                                 "pneumatosis or free air.",
        },
        key_tests=("ct_abdomen_pelvis", "abdominal_xray"),
        scores=(),
        first_line=("nasogastric_decompression", "iv_fluids"),
        alternatives={},
        contraindicated={"metoclopramide": "Prokinetics are contraindicated in mechanical "
                                           "bowel obstruction (risk of perforation)"},
    ),
]
