"""Renal, urinary-tract and electrolyte disease profiles."""

from __future__ import annotations

from .model import DiseaseProfile

PROFILES: list[DiseaseProfile] = [
    DiseaseProfile(
        key="prerenal_aki",
        name="Pre-renal acute kidney injury",
        synonyms=(
            "prerenal acute kidney injury",
            "prerenal AKI",
            "pre-renal AKI",
            "prerenal azotemia",
            "prerenal azotaemia",
            "pre-renal azotaemia",
            "prerenal acute renal failure",
            "pre-renal acute renal failure",
            "prerenal kidney injury",
            "volume-responsive AKI",
        ),
        icd10="N17.9",
        rejected_terms=(
            "acute tubular necrosis",
            "acute kidney injury",
            "AKI",
            "postrenal AKI",
            "chronic kidney disease",
        ),
        synonym_source=(
            "Acute Kidney Injury (entry terms: Acute Renal Failure; Prerenal Azotemia under "
            "Azotemia); ICD-10-CM index: Failure, renal, acute; Azotemia, prerenal"
        ),
        system="renal",
        source=(
            "Kidney Disease: Improving Global Outcomes (KDIGO) Clinical Practice Guideline for "
            "Acute Kidney Injury. Kidney Int Suppl 2012;2:1-138; Kellum JA et al. Acute kidney "
            "injury. Nat Rev Dis Primers 2021;7:52."
        ),
        age=(60, 90),
        female_fraction=0.5,
        chief_complaints=("vomiting and diarrhoea for three days and feel faint",
                          "weak and dizzy after days of a stomach bug"),
        symptoms={"vomiting": 0.7, "diarrhea": 0.7, "reduced_oral_intake": 0.9,
                  "lightheadedness": 0.7, "fatigue": 0.5},
        signs={"dry_mucous_membranes": 0.9, "confusion": 0.1},
        history={"nsaid_use": 0.3, "diuretic_use": 0.3},
        comorbidities={"hypertension": 0.7, "type2_diabetes": 0.3},
        vitals={"hr": (95, 115), "sbp": (90, 110), "dbp": (50, 65)},
        exam={"cardiovascular": ("Flat neck veins; postural drop in blood pressure of 25 mmHg "
                                 "on standing.",)},
        labs={"creatinine": (2.0, 3.2), "bun": (45, 80), "urine_sodium": (5, 17),
              "urine_osmolality": (550, 900), "bicarbonate": (20, 24)},
        key_tests=("creatinine", "urine_sodium"),
        scores=(),
        first_line=("iv_fluids", "stop_nephrotoxins"),
        alternatives={},
        contraindicated={"ibuprofen": "NSAIDs block prostaglandin-dependent renal perfusion "
                                      "(KDIGO 2012)",
                         "ketorolac": "NSAIDs worsen pre-renal kidney injury",
                         "furosemide": "Diuretics deepen volume depletion (KDIGO 2012: not "
                                       "for treating AKI)"},
    ),
    DiseaseProfile(
        key="hyperkalaemia",
        name="Hyperkalaemia",
        synonyms=(
            "hyperkalemia",
            "severe hyperkalaemia",
            "severe hyperkalemia",
            "high potassium",
            "elevated potassium",
            "potassium excess",
        ),
        icd10="E87.5",
        rejected_terms=(
            "hypokalaemia",
            "hypernatremia",
            "hypercalcemia",
        ),
        synonym_source=(
            "Hyperkalemia (entry terms: Hyperkalemias); ICD-10-CM index: Hyperkalemia"
        ),
        system="renal",
        source=(
            "UK Kidney Association Clinical Practice Guideline: treatment of acute "
            "hyperkalaemia in adults (2023); Lindner G et al. Acute hyperkalemia in the "
            "emergency department: a summary from a KDIGO conference. Eur J Emerg Med "
            "2020;27:329-37."
        ),
        age=(55, 90),
        female_fraction=0.45,
        chief_complaints=("weak and tired for two days", "my legs feel heavy and weak"),
        symptoms={"weakness": 0.8, "fatigue": 0.6, "palpitations": 0.3, "nausea": 0.3},
        comorbidities={"chronic_kidney_disease": 0.9, "hypertension": 0.8,
                       "type2_diabetes": 0.5, "heart_failure": 0.25},
        vitals={"hr": (48, 70), "sbp": (120, 165)},
        labs={"potassium": (6.6, 7.8), "creatinine": (2.2, 4.0), "bun": (40, 75),
              "bicarbonate": (16, 21), "hemoglobin": (10.0, 11.8)},
        imaging={"renal_ultrasound": "Both kidneys small (8.5 cm) and echogenic with thinned "
                                     "cortex. No hydronephrosis or calculi."},
        ecg=("Sinus rhythm 58/min. Tall, narrow, peaked T waves in V2-V5; PR interval 220 ms; "
             "QRS 130 ms; flattened P waves."),
        key_tests=("potassium", "ecg"),
        scores=(),
        first_line=("calcium_gluconate", "insulin_dextrose"),
        alternatives={"calcium_gluconate": ("calcium_chloride",)},
        contraindicated={"potassium_replacement": "Potassium further raises a dangerous serum "
                                                  "potassium",
                         "spironolactone": "Mineralocorticoid antagonists raise potassium"},
    ),
    DiseaseProfile(
        key="siadh",
        name="Syndrome of inappropriate antidiuretic hormone secretion",
        synonyms=(
            "SIADH",
            "SIAD",
            "syndrome of inappropriate antidiuresis",
            "inappropriate ADH secretion",
            "syndrome of inappropriate secretion of antidiuretic hormone",
            "SIADH-related hyponatraemia",
            "hyponatraemia due to SIADH",
            "inappropriate antidiuretic hormone syndrome",
        ),
        icd10="E22.2",
        rejected_terms=(
            "hyponatraemia",
            "diabetes insipidus",
            "cerebral salt wasting",
            "psychogenic polydipsia",
        ),
        synonym_source=(
            "Inappropriate ADH Syndrome (entry terms: SIADH; Syndrome of Inappropriate "
            "Antidiuretic Hormone); ICD-10-CM index: Syndrome, inappropriate secretion of "
            "antidiuretic hormone"
        ),
        system="renal",
        source=(
            "Spasovski G et al. Clinical practice guideline on diagnosis and treatment of "
            "hyponatraemia. Eur J Endocrinol 2014;170:G1-47; Verbalis JG et al. Diagnosis, "
            "evaluation and treatment of hyponatremia: expert panel recommendations. Am J Med "
            "2013;126(10 Suppl 1):S1-42."
        ),
        age=(50, 85),
        female_fraction=0.5,
        chief_complaints=("feeling tired, off my food and a bit unsteady",
                          "nausea and headache for a week"),
        symptoms={"nausea": 0.4, "headache": 0.3, "fatigue": 0.6, "weakness": 0.4,
                  "anorexia": 0.3},
        history={"ssri_use": 0.35, "current_smoker": 0.3},
        comorbidities={"lung_cancer": 0.25, "depression": 0.35},
        exam={"general": ("Clinically euvolaemic: moist mucous membranes, normal skin turgor, "
                          "no edema, jugular venous pressure not raised.",)},
        labs={"sodium": (123, 129), "serum_osmolality": (252, 268),
              "urine_osmolality": (350, 650), "urine_sodium": (50, 100), "bun": (5, 9),
              "uric_acid": (1.8, 3.3)},
        key_tests=("sodium", "serum_osmolality"),
        scores=(),
        first_line=("fluid_restriction",),
        alternatives={"fluid_restriction": ("tolvaptan", "oral_urea")},
        contraindicated={"iv_fluids": "Isotonic saline is excreted in concentrated urine and "
                                      "worsens the hyponatraemia (European guideline 2014)"},
    ),
    DiseaseProfile(
        key="acute_pyelonephritis",
        name="Acute pyelonephritis",
        synonyms=(
            "pyelonephritis",
            "acute uncomplicated pyelonephritis",
            "upper urinary tract infection",
            "kidney infection",
            "upper UTI",
            "acute infective pyelonephritis",
            "renal parenchymal infection",
        ),
        icd10="N10",
        rejected_terms=(
            "urinary tract infection",
            "UTI",
            "cystitis",
            "chronic pyelonephritis",
            "renal abscess",
            "emphysematous pyelonephritis",
        ),
        synonym_source=(
            "Pyelonephritis (entry terms: Pyelonephritides); ICD-10-CM index: Pyelonephritis, "
            "acute"
        ),
        system="renal",
        source=(
            "Gupta K et al. International clinical practice guidelines for the treatment of "
            "acute uncomplicated cystitis and pyelonephritis in women: IDSA/ESCMID 2010 "
            "update. Clin Infect Dis 2011;52:e103-20."
        ),
        age=(18, 55),
        female_fraction=0.85,
        chief_complaints=("fever, shivers and pain in my right side",
                          "burning when I pee and now back pain with fever"),
        symptoms={"fever_reported": 0.9, "chills": 0.7, "flank_pain": 0.9, "dysuria": 0.7,
                  "urinary_frequency": 0.6, "nausea": 0.5, "vomiting": 0.3},
        signs={"cva_tenderness": 0.9, "suprapubic_tenderness": 0.3, "confusion": 0.02},
        comorbidities={"type2_diabetes": 0.05},
        vitals={"hr": (95, 115), "temp_c": (38.3, 39.6), "sbp": (110, 135), "rr": (16, 21)},
        labs={"wbc": (12.0, 18.0), "neutrophils_pct": (75, 88), "crp": (60, 200),
              "ua_leukocyte_esterase": "Positive", "ua_nitrite": "Positive",
              "ua_wbc": (30, 100), "ua_blood": "Positive (1+)",
              "urine_culture": "More than 100,000 CFU/mL Escherichia coli, susceptible to "
                               "ceftriaxone, ciprofloxacin and trimethoprim-sulfamethoxazole"},
        key_tests=("urine_culture", "ua_wbc", "ua_nitrite"),
        scores=("qsofa", "sirs"),
        first_line=("ceftriaxone",),
        alternatives={"ceftriaxone": ("ciprofloxacin", "levofloxacin", "tmp_smx")},
        contraindicated={"nitrofurantoin": "Does not reach therapeutic renal tissue levels; "
                                           "not for pyelonephritis (IDSA/ESCMID 2011)"},
    ),
]
