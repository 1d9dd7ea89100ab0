"""Haematological and venous thrombotic disease profiles."""

from __future__ import annotations

from .model import DiseaseProfile

PROFILES: list[DiseaseProfile] = [
    DiseaseProfile(
        key="iron_deficiency_anaemia",
        name="Iron-deficiency anaemia",
        synonyms=(
            "iron deficiency anemia",
            "iron-deficiency anemia",
            "iron deficiency anaemia",
            "IDA",
            "microcytic anaemia from iron deficiency",
            "iron deficiency",
            "anaemia due to iron deficiency",
            "anaemia of chronic blood loss",
            "microcytic anemia due to iron deficiency",
        ),
        icd10="D50.0",
        rejected_terms=(
            "anaemia of chronic disease",
            "thalassaemia",
            "vitamin B12 deficiency",
            "anaemia",
        ),
        synonym_source=(
            "Anemia, Iron-Deficiency (entry terms: Iron Deficiency Anemia; Anemia, Hypochromic); "
            "ICD-10-CM index: Anemia, iron deficiency, secondary to blood loss (chronic)"
        ),
        system="hematologic",
        source=(
            "Snook J et al. British Society of Gastroenterology guidelines for the management "
            "of iron deficiency anaemia in adults. Gut 2021;70:2030-51; Camaschella C. "
            "Iron-deficiency anemia. N Engl J Med 2015;372:1832-43."
        ),
        age=(20, 50),
        female_fraction=0.9,
        chief_complaints=("tired all the time and short of breath on the stairs",
                          "exhausted for months and people say I look pale"),
        symptoms={"fatigue": 0.95, "exertional_dyspnea": 0.6, "lightheadedness": 0.3,
                  "ice_craving": 0.2, "headache": 0.3, "palpitations": 0.2},
        signs={"pallor": 0.8, "koilonychia": 0.1},
        history={"menorrhagia": 0.7},
        vitals={"hr": (85, 105)},
        exam={"cardiovascular": ("Soft ejection systolic flow murmur at the left sternal "
                                 "edge.",)},
        labs={"hemoglobin": (7.5, 10.0), "mcv": (62, 76), "ferritin": (2, 12),
              "iron": (15, 45), "tibc": (380, 480), "transferrin_saturation": (3, 11),
              "platelets": (380, 520)},
        key_tests=("ferritin", "mcv"),
        scores=(),
        first_line=("ferrous_sulfate",),
        alternatives={"ferrous_sulfate": ("iv_iron",)},
        contraindicated={},
    ),
    DiseaseProfile(
        key="deep_vein_thrombosis",
        name="Deep vein thrombosis",
        synonyms=(
            "DVT",
            "deep venous thrombosis",
            "proximal deep vein thrombosis",
            "femoropopliteal DVT",
            "leg DVT",
            "proximal DVT",
            "DVT of the leg",
            "lower extremity DVT",
            "femoral vein thrombosis",
            "popliteal vein thrombosis",
            "acute DVT",
        ),
        icd10="I82.412",
        rejected_terms=(
            "superficial thrombophlebitis",
            "pulmonary embolism",
            "cellulitis",
            "Baker cyst rupture",
            "venous thromboembolism",
        ),
        synonym_source=(
            "Venous Thrombosis (entry terms: Deep Vein Thrombosis; Deep-Venous Thrombosis; "
            "Phlebothrombosis); ICD-10-CM index: Thrombosis, vein, deep, femoral"
        ),
        system="hematologic",
        source=(
            "Stevens SM et al. Antithrombotic therapy for VTE disease: second update of the "
            "CHEST guideline. Chest 2021;160:e545-e608; Wells PS et al. N Engl J Med "
            "2003;349:1227-35 (Wells DVT score)."
        ),
        age=(25, 85),
        female_fraction=0.5,
        chief_complaints=("my left calf is swollen and painful",
                          "left leg has been swelling up for three days"),
        symptoms={"leg_pain": 0.9, "dyspnea": 0.0},
        signs={"unilateral_leg_swelling": 0.9, "calf_swelling_3cm": 0.6,
               "pitting_edema_symptomatic_leg": 0.5, "entire_leg_swollen": 0.3,
               "collateral_superficial_veins": 0.1},
        history={"prior_vte": 0.2, "recent_surgery_or_immobilization": 0.3,
                 "active_cancer": 0.15, "estrogen_use": 0.1, "paralysis_or_recent_cast": 0.1},
        comorbidities={"obesity": 0.3},
        vitals={"hr": (70, 95)},
        labs={"d_dimer": (800, 4000)},
        imaging={"leg_venous_duplex": "Left common femoral and popliteal veins non-compressible "
                                      "with echogenic intraluminal material and absent flow "
                                      "augmentation. Right deep veins fully compressible."},
        key_tests=("leg_venous_duplex",),
        scores=("wells_dvt",),
        first_line=("apixaban",),
        alternatives={"apixaban": ("rivaroxaban", "enoxaparin", "fondaparinux", "warfarin")},
        contraindicated={},
    ),
]
