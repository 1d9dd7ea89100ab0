"""Neurological disease profiles."""

from __future__ import annotations

from .model import DiseaseProfile

PROFILES: list[DiseaseProfile] = [
    DiseaseProfile(
        key="acute_ischaemic_stroke",
        name="Acute ischaemic stroke",
        synonyms=(
            "acute ischemic stroke",
            "ischaemic stroke",
            "ischemic stroke",
            "cerebral infarction",
            "acute cerebral infarction",
            "left MCA stroke",
            "cerebrovascular accident",
            "CVA",
            "embolic stroke",
            "thrombotic stroke",
            "ischaemic CVA",
            "left middle cerebral artery infarct",
            "MCA infarct",
            "cardioembolic stroke",
        ),
        icd10="I63.512",
        rejected_terms=(
            "haemorrhagic stroke",
            "intracerebral haemorrhage",
            "transient ischaemic attack",
            "subarachnoid haemorrhage",
            "Todd paralysis",
        ),
        synonym_source=(
            "Ischemic Stroke (entry terms: Ischemic Strokes; Acute Ischemic Stroke); ICD-10-CM "
            "index: Infarction, cerebral, due to embolism, middle cerebral artery"
        ),
        system="neurological",
        source=(
            "Powers WJ et al. Guidelines for the early management of patients with acute "
            "ischemic stroke: 2019 update to the 2018 guidelines (AHA/ASA). Stroke "
            "2019;50:e344-e418."
        ),
        age=(55, 90),
        female_fraction=0.5,
        chief_complaints=("sudden weakness of my right arm and leg and I can't get my words out",
                          "face drooping and muddled speech that started an hour ago"),
        symptoms={"unilateral_weakness": 0.95, "speech_disturbance": 0.8, "headache": 0.1},
        signs={"hemiparesis": 0.95, "facial_droop": 0.85, "aphasia": 0.7},
        history={"onset_under_3h": 1.0, "current_smoker": 0.25},
        comorbidities={"hypertension": 0.75, "hyperlipidemia": 0.5, "type2_diabetes": 0.3,
                       "prior_stroke_tia": 0.15, "coronary_artery_disease": 0.2},
        vitals={"sbp": (150, 184), "dbp": (80, 105), "hr": (65, 95)},
        exam={"neurological": ("Right homonymous visual field deficit to confrontation; right "
                               "Babinski sign. NIHSS 14.",)},
        imaging={
            "ct_head": "No intracranial haemorrhage. Hyperdense left middle cerebral artery; "
                       "subtle loss of grey-white differentiation at the left insular ribbon "
                       "(ASPECTS 9). No mass effect.",
            "cta_head_neck": "Abrupt cut-off of the proximal M1 segment of the left middle "
                             "cerebral artery with moderate collaterals. Cervical carotid and "
                             "vertebral arteries patent.",
            "mri_brain": "Restricted diffusion with low ADC in the left insula, frontal "
                         "operculum and lentiform nucleus. No haemorrhage on susceptibility "
                         "imaging.",
        },
        key_tests=("cta_head_neck", "mri_brain", "ct_head"),
        scores=("gcs",),
        first_line=("alteplase", "mechanical_thrombectomy"),
        alternatives={"alteplase": ("tenecteplase",)},
        contraindicated={"heparin": "Urgent full anticoagulation raises haemorrhagic "
                                    "transformation without benefit (AHA/ASA 2019, class III)",
                         "enoxaparin": "Urgent therapeutic anticoagulation is not recommended "
                                       "(AHA/ASA 2019, class III)"},
    ),
    DiseaseProfile(
        key="bacterial_meningitis",
        name="Bacterial meningitis",
        synonyms=(
            "acute bacterial meningitis",
            "pneumococcal meningitis",
            "meningitis",
            "pyogenic meningitis",
            "purulent meningitis",
            "Streptococcus pneumoniae meningitis",
            "pneumococcal bacterial meningitis",
            "community-acquired bacterial meningitis",
        ),
        icd10="G00.1",
        rejected_terms=(
            "viral meningitis",
            "aseptic meningitis",
            "encephalitis",
            "meningococcal septicaemia",
        ),
        synonym_source=(
            "Meningitis, Bacterial (entry terms: Bacterial Meningitides); Meningitis, "
            "Pneumococcal; ICD-10-CM index: Meningitis, pneumococcal"
        ),
        system="neurological",
        source=(
            "Tunkel AR et al. Practice guidelines for the management of bacterial meningitis "
            "(IDSA). Clin Infect Dis 2004;39:1267-84; van de Beek D et al. ESCMID guideline: "
            "diagnosis and treatment of acute bacterial meningitis. Clin Microbiol Infect "
            "2016;22 Suppl 3:S37-62."
        ),
        age=(18, 49),
        female_fraction=0.5,
        chief_complaints=("terrible headache with fever and a stiff neck",
                          "fever, headache and getting drowsy"),
        symptoms={"headache": 0.95, "fever_reported": 0.9, "photophobia": 0.6, "vomiting": 0.5,
                  "nausea": 0.6},
        signs={"neck_stiffness": 0.8, "kernig_sign": 0.4, "confusion": 0.6},
        vitals={"temp_c": (38.5, 40.0), "hr": (100, 125), "sbp": (100, 135), "rr": (18, 24)},
        labs={"csf_wbc": (1000, 5000), "csf_glucose": (10, 34), "csf_protein": (150, 450),
              "csf_gram_stain": "Gram-positive diplococci", "wbc": (15.0, 25.0),
              "neutrophils_pct": (80, 92), "crp": (100, 300),
              "blood_culture": "Gram-positive diplococci in 2 of 2 sets, identified as "
                               "Streptococcus pneumoniae"},
        key_tests=("csf_wbc", "csf_glucose", "csf_gram_stain"),
        scores=("gcs", "qsofa"),
        first_line=("ceftriaxone", "vancomycin", "dexamethasone"),
        alternatives={"ceftriaxone": ("moxifloxacin", "meropenem")},
        contraindicated={},
    ),
    DiseaseProfile(
        key="subarachnoid_haemorrhage",
        name="Aneurysmal subarachnoid haemorrhage",
        synonyms=(
            "subarachnoid haemorrhage",
            "subarachnoid hemorrhage",
            "SAH",
            "aSAH",
            "aneurysmal subarachnoid hemorrhage",
            "ruptured cerebral aneurysm",
            "ruptured intracranial aneurysm",
            "ruptured berry aneurysm",
            "aneurysmal SAH",
        ),
        icd10="I60.2",
        rejected_terms=(
            "traumatic subarachnoid haemorrhage",
            "intracerebral haemorrhage",
            "subdural haematoma",
            "migraine",
        ),
        synonym_source=(
            "Subarachnoid Hemorrhage (entry terms: Hemorrhage, Subarachnoid; Aneurysmal "
            "Subarachnoid Hemorrhage); ICD-10-CM index: Hemorrhage, subarachnoid, from middle "
            "cerebral artery"
        ),
        system="neurological",
        source=(
            "Hoh BL et al. 2023 guideline for the management of patients with aneurysmal "
            "subarachnoid hemorrhage (AHA/ASA). Stroke 2023;54:e314-e370."
        ),
        age=(35, 70),
        female_fraction=0.6,
        chief_complaints=("sudden worst headache of my life",
                          "explosive headache then vomited"),
        symptoms={"thunderclap_headache": 1.0, "headache": 1.0, "vomiting": 0.6, "nausea": 0.7,
                  "photophobia": 0.5, "syncope": 0.2},
        signs={"neck_stiffness": 0.6, "confusion": 0.25},
        history={"current_smoker": 0.4},
        comorbidities={"hypertension": 0.5},
        vitals={"sbp": (150, 190), "hr": (60, 100)},
        labs={"csf_xanthochromia": "Present", "csf_rbc": (5000, 60000)},
        imaging={
            "ct_head": "Diffuse hyperdense material in the basal cisterns, the anterior "
                       "interhemispheric fissure and both Sylvian fissures. Mild dilatation of "
                       "the temporal horns. No midline shift.",
            "cta_head_neck": "7 mm saccular outpouching arising from the anterior communicating "
                             "artery. No vessel occlusion.",
        },
        key_tests=("ct_head", "cta_head_neck"),
        scores=("gcs",),
        first_line=("nimodipine", "aneurysm_securing"),
        alternatives={},
        contraindicated={"alteplase": "Thrombolysis in intracranial haemorrhage causes "
                                      "catastrophic rebleeding",
                         "heparin": "Anticoagulation before the aneurysm is secured promotes "
                                    "rebleeding",
                         "aspirin": "Antiplatelet therapy before securing the aneurysm "
                                    "increases rebleeding"},
    ),
]
