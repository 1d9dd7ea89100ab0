"""Musculoskeletal and rheumatological disease profiles."""

from __future__ import annotations

from .model import DiseaseProfile

PROFILES: list[DiseaseProfile] = [
    DiseaseProfile(
        key="acute_gout",
        name="Acute gout flare",
        synonyms=(
            "acute gout",
            "gout flare",
            "gout",
            "acute gouty arthritis",
            "gouty arthritis",
            "podagra",
            "gout attack",
            "acute gouty flare",
            "monosodium urate crystal arthritis",
            "crystal arthritis due to gout",
        ),
        icd10="M10.071",
        rejected_terms=(
            "pseudogout",
            "septic arthritis",
            "cellulitis",
            "calcium pyrophosphate deposition disease",
            "chronic tophaceous gout",
        ),
        synonym_source=(
            "Gout (entry terms: Gouty Arthritis; Podagra); ICD-10-CM index: Gout, idiopathic, "
            "ankle and foot"
        ),
        system="musculoskeletal",
        source=(
            "FitzGerald JD et al. 2020 American College of Rheumatology guideline for the "
            "management of gout. Arthritis Care Res 2020;72:744-60; Neogi T et al. 2015 "
            "ACR/EULAR gout classification criteria. Ann Rheum Dis 2015;74:1789-98."
        ),
        age=(35, 80),
        female_fraction=0.15,
        chief_complaints=("my big toe went red, hot and agonisingly painful overnight",
                          "can't bear even the bedsheet touching my toe"),
        symptoms={"joint_pain": 1.0, "rapid_onset_joint_pain": 0.9},
        signs={"hot_swollen_joint": 1.0, "painful_passive_motion": 0.5, "tophi": 0.1},
        history={"similar_attacks_before": 0.5, "alcohol_excess": 0.35, "diuretic_use": 0.25},
        comorbidities={"hypertension": 0.6, "obesity": 0.45, "chronic_kidney_disease": 0.2,
                       "type2_diabetes": 0.2, "hyperlipidemia": 0.3},
        vitals={"temp_c": (36.8, 37.8), "hr": (75, 95)},
        exam={"musculoskeletal": ("Right first metatarsophalangeal joint swollen, shiny and "
                                  "exquisitely tender; other joints normal.",)},
        labs={"uric_acid": (7.5, 11.0),
              "synovial_crystals": "Needle-shaped, strongly negatively birefringent crystals, "
                                   "intracellular and extracellular",
              "synovial_wbc": (8000, 40000), "synovial_neutrophils_pct": (70, 90),
              "crp": (10, 60), "esr": (20, 50)},
        imaging={"joint_xray": "Soft-tissue swelling around the right first "
                               "metatarsophalangeal joint. Joint space preserved; no erosion "
                               "or fracture."},
        key_tests=("synovial_crystals",),
        scores=(),
        first_line=("naproxen",),
        alternatives={"naproxen": ("colchicine", "prednisone", "intraarticular_corticosteroid")},
        contraindicated={},
    ),
    DiseaseProfile(
        key="septic_arthritis",
        name="Septic arthritis of the knee",
        synonyms=(
            "septic arthritis",
            "bacterial arthritis",
            "infectious arthritis",
            "pyogenic arthritis",
            "septic knee",
            "staphylococcal septic arthritis",
            "septic arthritis of knee",
            "infected knee joint",
            "pyogenic knee arthritis",
            "bacterial septic arthritis",
        ),
        icd10="M00.061",
        rejected_terms=(
            "gout",
            "pseudogout",
            "reactive arthritis",
            "osteoarthritis",
            "rheumatoid arthritis",
        ),
        synonym_source=(
            "Arthritis, Infectious (entry terms: Septic Arthritis; Bacterial Arthritis); "
            "ICD-10-CM index: Arthritis, pyogenic or pyemic, staphylococcal, knee"
        ),
        system="musculoskeletal",
        source=(
            "Mathews CJ et al. Bacterial septic arthritis in adults. Lancet 2010;375:846-55; "
            "Coakley G et al. BSR & BHPR, BOA, RCGP and BSAC guidelines for management of the "
            "hot swollen joint in adults. Rheumatology 2006;45:1039-41; Ross JJ. Septic "
            "arthritis of native joints. Infect Dis Clin North Am 2017;31:203-18."
        ),
        age=(40, 85),
        female_fraction=0.4,
        chief_complaints=("my knee swelled up, it's very painful and I have a fever",
                          "hot swollen knee and I can't walk on it"),
        symptoms={"joint_pain": 1.0, "fever_reported": 0.6, "chills": 0.4,
                  "rapid_onset_joint_pain": 0.3},
        signs={"hot_swollen_joint": 1.0, "painful_passive_motion": 0.9},
        comorbidities={"type2_diabetes": 0.25, "rheumatoid_arthritis": 0.15,
                       "osteoarthritis": 0.2, "chronic_kidney_disease": 0.1},
        vitals={"temp_c": (38.0, 39.5), "hr": (95, 115)},
        exam={"musculoskeletal": ("Right knee held flexed with a large tense effusion; "
                                  "other joints normal.",)},
        labs={"synovial_wbc": (60000, 150000), "synovial_neutrophils_pct": (88, 98),
              "synovial_gram_stain": "Gram-positive cocci in clusters",
              "synovial_culture": "Staphylococcus aureus, methicillin-susceptible",
              "wbc": (12.0, 20.0), "neutrophils_pct": (80, 92), "crp": (80, 250),
              "esr": (50, 100)},
        imaging={"joint_xray": "Large suprapatellar effusion of the right knee with "
                               "periarticular soft-tissue swelling; no erosion, fracture or "
                               "periosteal reaction; joint space preserved."},
        key_tests=("synovial_gram_stain", "synovial_wbc", "synovial_culture"),
        scores=("sirs",),
        first_line=("vancomycin", "joint_washout"),
        alternatives={"vancomycin": ("cefazolin", "daptomycin", "linezolid")},
        contraindicated={"intraarticular_corticosteroid": "Steroid injection into an infected "
                                                          "joint accelerates cartilage "
                                                          "destruction"},
    ),
    DiseaseProfile(
        key="giant_cell_arteritis",
        name="Giant-cell arteritis",
        synonyms=(
            "giant cell arteritis",
            "GCA",
            "temporal arteritis",
            "cranial arteritis",
            "Horton disease",
            "Horton's disease",
            "temporal arteritis (GCA)",
            "Horton arteritis",
        ),
        icd10="M31.6",
        rejected_terms=(
            "polymyalgia rheumatica",
            "migraine",
            "Takayasu arteritis",
            "trigeminal neuralgia",
        ),
        synonym_source=(
            "Giant Cell Arteritis (entry terms: Temporal Arteritis; Horton Disease; Cranial "
            "Arteritis); ICD-10-CM index: Arteritis, giant cell, with polymyalgia rheumatica "
            "(M31.5) / without (M31.6)"
        ),
        system="musculoskeletal",
        source=(
            "Maz M et al. 2021 ACR/Vasculitis Foundation guideline for the management of giant "
            "cell arteritis and Takayasu arteritis. Arthritis Rheumatol 2021;73:1349-65; Ponte "
            "C et al. 2022 ACR/EULAR classification criteria for GCA. Ann Rheum Dis "
            "2022;81:1647-53; Dejaco C et al. EULAR imaging recommendations in large vessel "
            "vasculitis. Ann Rheum Dis 2018;77:636-43."
        ),
        age=(55, 90),
        female_fraction=0.7,
        chief_complaints=("new headache at my temples and pain when chewing",
                          "headache for weeks and blurry vision in one eye"),
        symptoms={"headache": 0.9, "scalp_tenderness": 0.5, "jaw_claudication": 0.45,
                  "visual_disturbance": 0.25, "proximal_stiffness": 0.4, "fatigue": 0.5,
                  "weight_loss": 0.3, "fever_reported": 0.2},
        signs={"temporal_artery_abnormal": 0.5},
        vitals={"temp_c": (36.8, 37.9)},
        labs={"esr": (60, 110), "crp": (40, 120), "platelets": (410, 600),
              "hemoglobin": (10.5, 11.9)},
        imaging={"temporal_artery_ultrasound": "Circumferential hypoechoic, non-compressible "
                                               "wall thickening (halo) of the frontal and "
                                               "parietal branches of both superficial temporal "
                                               "arteries."},
        key_tests=("temporal_artery_ultrasound", "esr"),
        scores=(),
        first_line=("prednisone",),
        alternatives={"prednisone": ("methylprednisolone",)},
        contraindicated={},
    ),
]
