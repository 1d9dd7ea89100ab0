"""Endocrine and metabolic disease profiles."""

from __future__ import annotations

from .model import DiseaseProfile

_CRISES = (
    "Umpierrez GE et al. Hyperglycemic crises in adults with diabetes: a consensus report. "
    "Diabetes Care 2024;47:1257-75; Kitabchi AE et al. Diabetes Care 2009;32:1335-43."
)

PROFILES: list[DiseaseProfile] = [
    DiseaseProfile(
        key="diabetic_ketoacidosis",
        name="Diabetic ketoacidosis",
        synonyms=(
            "DKA",
            "ketoacidosis",
            "type 1 diabetes with ketoacidosis",
            "diabetic ketoacidotic state",
            "severe DKA",
            "diabetic acidosis",
            "T1DM with DKA",
        ),
        icd10="E10.10",
        rejected_terms=(
            "hyperosmolar hyperglycaemic state",
            "alcoholic ketoacidosis",
            "starvation ketosis",
            "hyperglycemia",
        ),
        synonym_source=(
            "Diabetic Ketoacidosis (entry terms: Diabetic Ketoacidoses; Diabetic Acidosis); "
            "ICD-10-CM index: Diabetes, type 1, with ketoacidosis"
        ),
        system="endocrine",
        source=_CRISES,
        age=(16, 45),
        female_fraction=0.5,
        chief_complaints=("vomiting, tummy pain and very thirsty",
                          "breathing fast and drowsy after a day of vomiting"),
        symptoms={"polyuria": 0.9, "polydipsia": 0.9, "nausea": 0.8, "vomiting": 0.7,
                  "abdominal_pain": 0.5, "weight_loss": 0.4, "fatigue": 0.6},
        signs={"kussmaul_respiration": 0.6, "ketotic_breath": 0.5, "dry_mucous_membranes": 0.9,
               "confusion": 0.2},
        history={"missed_insulin": 0.5, "intercurrent_illness": 0.3},
        comorbidities={"type1_diabetes": 0.8},
        vitals={"hr": (105, 130), "rr": (24, 34), "sbp": (95, 125), "temp_c": (36.2, 37.6)},
        labs={"glucose": (300, 650), "bicarbonate": (5, 14), "beta_hydroxybutyrate": (4.0, 9.0),
              "ph": (7.00, 7.24), "pco2": (14, 28), "potassium": (4.3, 5.9),
              "sodium": (130, 138), "chloride": (92, 100), "bun": (20, 40),
              "creatinine": (1.2, 2.0), "serum_osmolality": (296, 318), "wbc": (12.0, 20.0),
              "ua_ketones": "Positive (3+)", "ua_glucose": "Positive (4+)",
              "hba1c": (9.0, 14.0)},
        key_tests=("beta_hydroxybutyrate", "bicarbonate", "ph", "glucose"),
        scores=("anion_gap",),
        first_line=("iv_fluids", "insulin_infusion", "potassium_replacement"),
        alternatives={},
        contraindicated={"sodium_bicarbonate": "Not recommended at pH 7.0 or above: no benefit, "
                                               "risk of hypokalaemia and cerebral oedema"},
    ),
    DiseaseProfile(
        key="hyperosmolar_hyperglycaemic_state",
        name="Hyperosmolar hyperglycaemic state",
        synonyms=(
            "HHS",
            "hyperosmolar hyperglycemic state",
            "hyperosmolar nonketotic state",
            "HONK",
            "hyperosmolar hyperglycemic nonketotic syndrome",
            "hyperosmolar hyperglycaemic syndrome",
            "hyperosmolar hyperglycaemic nonketotic state",
            "HHNS",
            "hyperosmolar state",
        ),
        icd10="E11.00",
        rejected_terms=(
            "diabetic ketoacidosis",
            "hyperglycemia",
            "hypernatremia",
        ),
        synonym_source=(
            "Hyperglycemic Hyperosmolar Nonketotic Coma (entry terms: Hyperosmolar Nonketotic "
            "Coma; HHNK); ICD-10-CM index: Diabetes, type 2, with hyperosmolarity"
        ),
        system="endocrine",
        source=_CRISES,
        age=(55, 90),
        female_fraction=0.5,
        chief_complaints=("increasingly drowsy and confused over several days",
                          "very thirsty and weak for a week, now confused"),
        symptoms={"polyuria": 0.8, "polydipsia": 0.8, "weakness": 0.7,
                  "reduced_oral_intake": 0.6},
        signs={"confusion": 0.7, "dry_mucous_membranes": 0.95},
        history={"intercurrent_illness": 0.4},
        comorbidities={"type2_diabetes": 0.85, "hypertension": 0.6,
                       "chronic_kidney_disease": 0.2},
        vitals={"hr": (100, 125), "sbp": (90, 120), "temp_c": (36.5, 37.8)},
        labs={"glucose": (650, 1100), "serum_osmolality": (325, 380), "sodium": (136, 150),
              "bicarbonate": (18, 25), "beta_hydroxybutyrate": (0.1, 0.9), "ph": (7.31, 7.40),
              "bun": (35, 70), "creatinine": (1.6, 2.8), "ua_glucose": "Positive (4+)",
              "hba1c": (9.0, 14.0)},
        key_tests=("glucose", "serum_osmolality"),
        scores=("gcs", "anion_gap"),
        first_line=("iv_fluids", "insulin_infusion"),
        alternatives={},
        contraindicated={},
    ),
    DiseaseProfile(
        key="hypoglycaemia",
        name="Hypoglycaemia",
        synonyms=(
            "hypoglycemia",
            "severe hypoglycemia",
            "severe hypoglycaemia",
            "insulin-induced hypoglycemia",
            "hypoglycaemic episode",
            "low blood glucose",
            "low blood sugar",
            "neuroglycopenia",
            "insulin-induced hypoglycaemia",
        ),
        icd10="E10.649",
        rejected_terms=(
            "hyperglycaemia",
            "diabetic ketoacidosis",
        ),
        synonym_source=(
            "Hypoglycemia (entry terms: Hypoglycemias); ICD-10-CM index: Diabetes, type 1, with "
            "hypoglycemia"
        ),
        system="endocrine",
        source=(
            "American Diabetes Association. Standards of Care in Diabetes 2024, section 6 "
            "(glycemic goals and hypoglycemia). Diabetes Care 2024;47(Suppl 1):S111-25; "
            "Seaquist ER et al. Hypoglycemia and diabetes: ADA/Endocrine Society workgroup. "
            "Diabetes Care 2013;36:1384-95."
        ),
        age=(18, 80),
        female_fraction=0.5,
        chief_complaints=("found confused and sweaty by family",
                          "shaky, sweaty and not making sense"),
        symptoms={"tremulousness": 0.6, "palpitations": 0.4, "headache": 0.2},
        signs={"diaphoresis": 0.8, "confusion": 0.8},
        history={"missed_meal_after_insulin": 0.6},
        comorbidities={"type1_diabetes": 1.0, "chronic_kidney_disease": 0.1},
        vitals={"hr": (95, 120), "sbp": (130, 160)},
        labs={"glucose": (25, 48), "hba1c": (6.5, 8.0)},
        key_tests=("glucose",),
        scores=("gcs",),
        first_line=("dextrose_iv",),
        alternatives={"dextrose_iv": ("glucagon",)},
        contraindicated={"insulin_infusion": "Insulin deepens hypoglycaemia",
                         "insulin_dextrose": "Insulin deepens hypoglycaemia"},
    ),
    DiseaseProfile(
        key="thyroid_storm",
        name="Thyroid storm",
        synonyms=(
            "thyrotoxic crisis",
            "thyrotoxic storm",
            "thyroid crisis",
            "thyrotoxic crisis due to Graves disease",
            "Graves disease with thyroid storm",
            "thyrotoxicosis with crisis",
        ),
        icd10="E05.01",
        rejected_terms=(
            "thyrotoxicosis",
            "hyperthyroidism",
            "myxedema coma",
        ),
        synonym_source=(
            "Thyroid Crisis (entry terms: Thyrotoxic Crisis; Thyroid Storm); ICD-10-CM index: "
            "Thyrotoxicosis, with thyroid storm"
        ),
        system="endocrine",
        source=(
            "Ross DS et al. 2016 American Thyroid Association guidelines for diagnosis and "
            "management of hyperthyroidism and other causes of thyrotoxicosis. Thyroid "
            "2016;26:1343-421; Burch HB, Wartofsky L. Endocrinol Metab Clin North Am "
            "1993;22:263-77."
        ),
        age=(20, 60),
        female_fraction=0.75,
        chief_complaints=("racing heart, fever and very agitated",
                          "shaking, sweating and my heart is pounding"),
        symptoms={"palpitations": 0.9, "heat_intolerance": 0.7, "weight_loss": 0.6,
                  "diarrhea": 0.4, "tremulousness": 0.7, "dyspnea": 0.3, "fever_reported": 0.6,
                  "vomiting": 0.3},
        signs={"fine_tremor": 0.8, "goiter": 0.7, "lid_lag": 0.5, "diaphoresis": 0.7,
               "confusion": 0.4},
        history={"intercurrent_illness": 0.3},
        comorbidities={"graves_disease": 0.4},
        vitals={"hr": (130, 170), "temp_c": (38.5, 40.3), "sbp": (130, 170), "dbp": (50, 70),
                "rr": (20, 28)},
        labs={"tsh": (0.001, 0.01), "free_t4": (4.0, 7.7), "glucose": (110, 160),
              "alk_phos": (120, 200)},
        ecg="Sinus tachycardia at 145/min. Normal QRS duration. No ST-segment changes.",
        key_tests=("tsh", "free_t4"),
        scores=(),
        first_line=("propranolol", "propylthiouracil", "hydrocortisone", "potassium_iodide"),
        alternatives={"propranolol": ("esmolol", "metoprolol"),
                      "propylthiouracil": ("methimazole",),
                      "hydrocortisone": ("dexamethasone",)},
        contraindicated={"aspirin": "Salicylates displace thyroid hormone from binding proteins "
                                    "and worsen thyrotoxicosis (ATA 2016)"},
    ),
    DiseaseProfile(
        key="adrenal_crisis",
        name="Adrenal crisis",
        synonyms=(
            "addisonian crisis",
            "acute adrenal insufficiency",
            "adrenocortical crisis",
            "acute adrenocortical insufficiency",
            "acute adrenal crisis",
            "Addison crisis",
            "adrenocortical insufficiency crisis",
        ),
        icd10="E27.2",
        rejected_terms=(
            "adrenal insufficiency",
            "Cushing syndrome",
            "septic shock",
        ),
        synonym_source=(
            "Adrenal Insufficiency (entry terms: Addison Disease; Adrenal Crisis); ICD-10-CM "
            "index: Crisis, addisonian"
        ),
        system="endocrine",
        source=(
            "Bornstein SR et al. Diagnosis and treatment of primary adrenal insufficiency: an "
            "Endocrine Society clinical practice guideline. J Clin Endocrinol Metab "
            "2016;101:364-89; Rushworth RL et al. Adrenal crisis. N Engl J Med "
            "2019;381:852-61."
        ),
        age=(20, 70),
        female_fraction=0.55,
        chief_complaints=("vomiting, dizzy and can barely stand",
                          "severe weakness, belly pain and vomiting"),
        symptoms={"vomiting": 0.8, "nausea": 0.9, "abdominal_pain": 0.6, "weakness": 0.9,
                  "lightheadedness": 0.8, "fatigue": 0.8, "fever_reported": 0.3},
        signs={"hyperpigmentation": 0.6, "dry_mucous_membranes": 0.8, "confusion": 0.25},
        history={"intercurrent_illness": 0.6},
        comorbidities={"adrenal_insufficiency": 0.6, "hypothyroidism": 0.1},
        vitals={"hr": (105, 130), "sbp": (70, 90), "dbp": (40, 55), "temp_c": (37.0, 38.3)},
        labs={"cortisol": (0.5, 3.0), "acth": (250, 1200), "sodium": (122, 132),
              "potassium": (5.3, 6.4), "glucose": (52, 68), "bun": (25, 45),
              "creatinine": (1.3, 2.0), "bicarbonate": (17, 21)},
        key_tests=("cortisol",),
        scores=("shock_index",),
        first_line=("hydrocortisone", "iv_fluids"),
        alternatives={"hydrocortisone": ("dexamethasone", "methylprednisolone")},
        contraindicated={"fluid_restriction": "The hyponatraemia is from glucocorticoid and "
                                              "mineralocorticoid deficiency with volume loss; "
                                              "restricting fluid deepens shock"},
    ),
]
