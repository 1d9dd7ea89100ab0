"""Vocabulary of clinical features: symptoms, examination signs and history items.

A patient either has a feature or not.  Each feature carries the sentence that the
history or examination tools show when it is present (``present``) and, for
pertinent negatives, when it is absent (``absent``; empty = not mentioned).
Features are generic findings and never name a diagnosis.  Scores that need them
(Wells, Centor, Alvarado, HEART, TIMI, ...) read them from the patient record.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FeatureKind = Literal["symptom", "sign", "history"]


@dataclass(frozen=True)
class Feature:
    key: str
    kind: FeatureKind
    present: str
    absent: str = ""
    system: str = ""  # exam system for signs: general, heent, neck, cardiovascular, respiratory,
    # abdominal, genitourinary, musculoskeletal, skin, neurological, extremities


def _f(key: str, kind: FeatureKind, present: str, absent: str = "", system: str = "") -> Feature:
    return Feature(key, kind, present, absent, system)


_FEATURES: list[Feature] = [
    # --- symptoms -------------------------------------------------------------------
    _f("cough", "symptom", "Reports cough.", "Denies cough."),
    _f("productive_cough", "symptom", "Cough productive of purulent sputum."),
    _f("hemoptysis", "symptom", "Reports coughing up blood.", "Denies hemoptysis."),
    _f("dyspnea", "symptom", "Reports shortness of breath.", "Denies shortness of breath."),
    _f("chest_pain", "symptom", "Reports chest pain.", "Denies chest pain."),
    _f("pleuritic_chest_pain", "symptom", "Chest pain is worse on deep inspiration."),
    _f("fever_reported", "symptom", "Reports fevers at home.", "Denies fevers."),
    _f("chills", "symptom", "Reports chills and rigors."),
    _f("anorexia", "symptom", "Reports loss of appetite."),
    _f("nausea", "symptom", "Reports nausea."),
    _f("vomiting", "symptom", "Reports vomiting."),
    _f("abdominal_pain", "symptom", "Reports abdominal pain.", "Denies abdominal pain."),
    _f(
        "pain_migration_rlq",
        "symptom",
        "Pain began around the umbilicus and migrated to the right lower quadrant.",
    ),
    _f("headache", "symptom", "Reports headache."),
    _f("sore_throat", "symptom", "Reports sore throat."),
    _f("dysuria", "symptom", "Reports burning on urination."),
    _f("flank_pain", "symptom", "Reports flank pain."),
    _f("polyuria", "symptom", "Reports passing large volumes of urine."),
    _f("polydipsia", "symptom", "Reports excessive thirst."),
    _f("palpitations", "symptom", "Reports palpitations."),
    _f("syncope", "symptom", "Reports a transient loss of consciousness."),
    _f("leg_pain", "symptom", "Reports pain in one leg."),
    _f("chest_pressure", "symptom", "Describes the chest pain as a heavy pressure or tightness."),
    _f("chest_pain_radiating", "symptom", "Chest pain radiates to the left arm, neck or jaw."),
    _f("chest_pain_at_rest", "symptom", "Pain began at rest and has lasted more than 20 minutes."),
    _f(
        "tearing_pain_to_back",
        "symptom",
        "Sudden, severe tearing chest pain radiating to the back between the shoulder blades.",
    ),
    _f(
        "positional_chest_pain",
        "symptom",
        "Sharp chest pain that is worse lying flat and eased by sitting forward.",
    ),
    _f("orthopnea", "symptom", "Cannot lie flat without becoming breathless."),
    _f("paroxysmal_nocturnal_dyspnea", "symptom", "Wakes at night gasping for breath."),
    _f("ankle_swelling", "symptom", "Reports swollen ankles and weight gain over the past week."),
    _f("exertional_dyspnea", "symptom", "Becomes breathless on mild exertion such as stairs."),
    _f("sudden_dyspnea", "symptom", "The breathlessness came on suddenly."),
    _f("wheezing_reported", "symptom", "Reports wheezing."),
    _f("chest_tightness", "symptom", "Reports a tight chest."),
    _f("increased_sputum", "symptom", "Sputum volume has increased over the past few days."),
    _f("fatigue", "symptom", "Reports fatigue and low energy."),
    _f("weakness", "symptom", "Reports generalized weakness."),
    _f("lightheadedness", "symptom", "Feels light-headed, especially on standing."),
    _f("reduced_oral_intake", "symptom", "Has been eating and drinking very little."),
    _f("diarrhea", "symptom", "Reports frequent watery stools.", "Denies diarrhea."),
    _f(
        "ruq_pain",
        "symptom",
        "Pain in the right upper abdomen radiating to the right shoulder tip.",
    ),
    _f("pain_after_fatty_meal", "symptom", "The pain began about an hour after a fatty meal."),
    _f(
        "epigastric_pain_to_back",
        "symptom",
        "Severe, constant upper abdominal pain radiating through to the back.",
    ),
    _f(
        "hematemesis",
        "symptom",
        "Has vomited blood or dark coffee-ground material.",
        "Denies vomiting blood.",
    ),
    _f("melena", "symptom", "Reports black, tarry stools.", "Denies black or bloody stools."),
    _f("abdominal_distension", "symptom", "Reports the abdomen becoming swollen and tight."),
    _f("colicky_abdominal_pain", "symptom", "Cramping abdominal pain that comes in waves."),
    _f("obstipation", "symptom", "Has passed no stool or flatus for more than 24 hours."),
    _f("weight_loss", "symptom", "Reports unintentional weight loss."),
    _f("heat_intolerance", "symptom", "Feels hot all the time and sweats heavily."),
    _f("tremulousness", "symptom", "Reports feeling shaky and restless."),
    _f("urinary_frequency", "symptom", "Reports passing urine frequently and urgently."),
    _f(
        "thunderclap_headache",
        "symptom",
        "Sudden, explosive headache that reached maximum intensity within a minute.",
    ),
    _f("photophobia", "symptom", "Reports that light hurts the eyes."),
    _f(
        "unilateral_weakness",
        "symptom",
        "Sudden weakness of one arm and leg, noticed by the patient or family.",
    ),
    _f("speech_disturbance", "symptom", "Sudden difficulty finding or producing words."),
    _f("jaw_claudication", "symptom", "The jaw aches when chewing and eases with rest."),
    _f("scalp_tenderness", "symptom", "The scalp is tender when brushing the hair."),
    _f(
        "visual_disturbance",
        "symptom",
        "Reports episodes of blurred or lost vision in one eye.",
        "Denies visual symptoms.",
    ),
    _f("proximal_stiffness", "symptom", "Aching and morning stiffness of the shoulders and hips."),
    _f("joint_pain", "symptom", "Reports a painful, swollen joint."),
    _f(
        "rapid_onset_joint_pain",
        "symptom",
        "The joint pain began overnight and peaked within 24 hours.",
    ),
    _f("leg_redness", "symptom", "Reports a red, hot, painful, spreading area on the lower leg."),
    _f("ice_craving", "symptom", "Reports craving ice to chew."),
    _f("odynophagia", "symptom", "Reports pain on swallowing."),
    # --- examination signs -------------------------------------------------------------
    _f(
        "confusion",
        "sign",
        "Disoriented to time and place.",
        "Alert and oriented x3.",
        "neurological",
    ),
    _f("rlq_tenderness", "sign", "Tenderness in the right lower quadrant.", "", "abdominal"),
    _f("rebound_tenderness", "sign", "Rebound tenderness present.", "", "abdominal"),
    _f("tonsillar_exudate", "sign", "Tonsils swollen with exudate.", "", "heent"),
    _f(
        "tender_anterior_cervical_nodes",
        "sign",
        "Tender, enlarged anterior cervical lymph nodes.",
        "",
        "neck",
    ),
    _f(
        "unilateral_leg_swelling",
        "sign",
        "Unilateral calf swelling with tenderness along the deep veins.",
        "No leg swelling or calf tenderness.",
        "extremities",
    ),
    _f("crackles", "sign", "Inspiratory crackles on auscultation.", "", "respiratory"),
    _f("wheeze", "sign", "Diffuse expiratory wheeze.", "", "respiratory"),
    _f("jvd", "sign", "Jugular venous pressure elevated.", "", "neck"),
    _f("pitting_edema", "sign", "Bilateral pitting edema of the lower legs.", "", "extremities"),
    _f("neck_stiffness", "sign", "Neck stiffness on passive flexion.", "", "neurological"),
    _f("diaphoresis", "sign", "Diaphoretic, with cool clammy skin.", "", "general"),
    _f("tall_thin_build", "sign", "Tall, thin build.", "", "general"),
    _f("ketotic_breath", "sign", "Fruity, acetone odor on the breath.", "", "general"),
    _f("s3_gallop", "sign", "Third heart sound (S3 gallop) audible.", "", "cardiovascular"),
    _f("irregular_pulse", "sign", "Irregularly irregular pulse.", "", "cardiovascular"),
    _f(
        "pericardial_rub",
        "sign",
        "Scratchy friction rub at the left sternal edge, loudest leaning forward.",
        "",
        "cardiovascular",
    ),
    _f(
        "pulse_deficit",
        "sign",
        "Asymmetric radial pulses with an inter-arm systolic difference over 20 mmHg.",
        "",
        "cardiovascular",
    ),
    _f(
        "early_diastolic_murmur",
        "sign",
        "Soft early diastolic murmur at the left sternal edge.",
        "",
        "cardiovascular",
    ),
    _f(
        "hyperresonance_unilateral",
        "sign",
        "Reduced breath sounds and hyper-resonant percussion over one hemithorax.",
        "",
        "respiratory",
    ),
    _f(
        "accessory_muscle_use", "sign", "Using accessory muscles of respiration.", "", "respiratory"
    ),
    _f(
        "cannot_complete_sentences",
        "sign",
        "Unable to complete sentences in one breath.",
        "",
        "respiratory",
    ),
    _f("kussmaul_respiration", "sign", "Deep, sighing respirations.", "", "respiratory"),
    _f(
        "dry_mucous_membranes",
        "sign",
        "Dry mucous membranes and reduced skin turgor.",
        "Moist mucous membranes.",
        "heent",
    ),
    _f("lid_lag", "sign", "Lid lag and a staring gaze.", "", "heent"),
    _f(
        "temporal_artery_abnormal",
        "sign",
        "Right superficial temporal artery thickened, tender and with a reduced pulse.",
        "",
        "heent",
    ),
    _f("goiter", "sign", "Diffusely enlarged, non-tender thyroid with a bruit.", "", "neck"),
    _f("ruq_tenderness", "sign", "Tenderness in the right upper quadrant.", "", "abdominal"),
    _f(
        "murphy_sign",
        "sign",
        "Inspiration arrests on palpation of the right upper quadrant.",
        "",
        "abdominal",
    ),
    _f("epigastric_tenderness", "sign", "Epigastric tenderness.", "", "abdominal"),
    _f("guarding", "sign", "Voluntary guarding.", "", "abdominal"),
    _f("abdominal_distension_sign", "sign", "Distended, tympanitic abdomen.", "", "abdominal"),
    _f("tinkling_bowel_sounds", "sign", "High-pitched, tinkling bowel sounds.", "", "abdominal"),
    _f("melena_on_rectal", "sign", "Black, tarry stool on rectal examination.", "", "abdominal"),
    _f(
        "ascites",
        "sign",
        "Flank dullness that shifts with position and a fluid thrill.",
        "",
        "abdominal",
    ),
    _f(
        "lower_abdominal_tenderness",
        "sign",
        "Mild diffuse lower abdominal tenderness without peritonism.",
        "",
        "abdominal",
    ),
    _f("suprapubic_tenderness", "sign", "Suprapubic tenderness.", "", "abdominal"),
    _f(
        "cva_tenderness",
        "sign",
        "Tenderness on percussion over the costovertebral angle.",
        "",
        "genitourinary",
    ),
    _f("jaundice", "sign", "Jaundiced skin and yellow sclerae.", "", "skin"),
    _f("spider_angiomas", "sign", "Multiple spider angiomas over the upper chest.", "", "skin"),
    _f(
        "mottled_skin",
        "sign",
        "Mottled, cool peripheries with capillary refill over 3 seconds.",
        "",
        "skin",
    ),
    _f("pallor", "sign", "Conjunctival and palmar pallor.", "", "skin"),
    _f("koilonychia", "sign", "Spoon-shaped, brittle nails.", "", "skin"),
    _f(
        "hyperpigmentation",
        "sign",
        "Hyperpigmentation of the palmar creases and buccal mucosa.",
        "",
        "skin",
    ),
    _f(
        "spreading_erythema",
        "sign",
        "Warm, tender, poorly demarcated erythema of the right lower leg.",
        "",
        "skin",
    ),
    _f("interdigital_fissuring", "sign", "Macerated, fissured skin between the toes.", "", "skin"),
    _f("asterixis", "sign", "Flapping tremor of the outstretched hands.", "", "neurological"),
    _f("fine_tremor", "sign", "Fine tremor of the outstretched hands.", "", "neurological"),
    _f("kernig_sign", "sign", "Positive Kernig and Brudzinski signs.", "", "neurological"),
    _f(
        "facial_droop",
        "sign",
        "Right lower facial weakness with forehead sparing.",
        "",
        "neurological",
    ),
    _f(
        "hemiparesis",
        "sign",
        "Weakness of the right arm and leg (power 2/5 to 3/5).",
        "",
        "neurological",
    ),
    _f("aphasia", "sign", "Expressive aphasia with word-finding difficulty.", "", "neurological"),
    _f(
        "hot_swollen_joint",
        "sign",
        "Hot, swollen, erythematous joint with a palpable effusion.",
        "",
        "musculoskeletal",
    ),
    _f(
        "painful_passive_motion",
        "sign",
        "Severe pain on any passive movement of the joint.",
        "",
        "musculoskeletal",
    ),
    _f(
        "tophi",
        "sign",
        "Firm, chalky subcutaneous nodules over the ears and finger joints.",
        "",
        "musculoskeletal",
    ),
    _f("entire_leg_swollen", "sign", "The entire leg is swollen.", "", "extremities"),
    _f(
        "calf_swelling_3cm",
        "sign",
        "Calf circumference more than 3 cm greater than on the other side.",
        "",
        "extremities",
    ),
    _f(
        "pitting_edema_symptomatic_leg",
        "sign",
        "Pitting edema confined to the symptomatic leg.",
        "",
        "extremities",
    ),
    _f(
        "collateral_superficial_veins",
        "sign",
        "Dilated collateral superficial (non-varicose) veins on the leg.",
        "",
        "extremities",
    ),
    # --- history items -------------------------------------------------------------------
    _f("prior_vte", "history", "Previous venous thromboembolism."),
    _f("active_cancer", "history", "Active cancer under treatment in the last 6 months."),
    _f(
        "recent_surgery_or_immobilization",
        "history",
        "Surgery or immobilization (3 days or more) within the last 4 weeks.",
    ),
    _f("estrogen_use", "history", "Takes oral estrogen (contraceptive or hormone therapy)."),
    _f("current_smoker", "history", "Current smoker."),
    _f("family_history_cad", "history", "First-degree relative with premature coronary disease."),
    _f("known_cad", "history", "Known coronary stenosis of 50% or more."),
    _f("aspirin_last_7d", "history", "Has taken aspirin within the last 7 days."),
    _f("angina_2plus_24h", "history", "Two or more episodes of angina in the last 24 hours."),
    _f("alcohol_excess", "history", "Drinks more than 14 units of alcohol a week."),
    # pack-years are per patient: the social history prints them from the record
    _f("former_smoker", "history", "Former smoker."),
    _f(
        "paralysis_or_recent_cast",
        "history",
        "Paralysis, paresis or a recent plaster cast of a leg.",
    ),
    _f("viral_prodrome", "history", "Had a viral upper respiratory illness in the last 2 weeks."),
    _f(
        "increased_reliever_use",
        "history",
        "Has needed the reliever inhaler much more often over the past few days.",
    ),
    _f(
        "recent_antibiotics",
        "history",
        "Completed a course of antibiotics within the last 8 weeks.",
    ),
    _f("recent_hospitalization", "history", "Was admitted to hospital within the last 3 months."),
    _f("prior_abdominal_surgery", "history", "Previous abdominal surgery."),
    _f(
        "nsaid_use",
        "history",
        "Takes over-the-counter anti-inflammatory painkillers regularly.",
    ),
    _f("missed_insulin", "history", "Has missed insulin doses over the last few days."),
    _f(
        "missed_meal_after_insulin",
        "history",
        "Took the usual insulin dose but then skipped a meal.",
    ),
    _f(
        "intercurrent_illness",
        "history",
        "Has had a febrile illness with vomiting over the last few days.",
    ),
    _f("menorrhagia", "history", "Has had heavy menstrual bleeding for several months."),
    _f("similar_attacks_before", "history", "Has had similar, self-limiting attacks before."),
    _f("diuretic_use", "history", "Takes a diuretic (water tablet)."),
    _f("ssri_use", "history", "Started an SSRI antidepressant in the last 2 months."),
    _f("sick_contact", "history", "A household member recently had a sore throat."),
    _f("onset_under_3h", "history", "Last known well less than 3 hours ago."),
    _f("indwelling_urinary_catheter", "history", "Has a long-term indwelling urinary catheter."),
]

FEATURES: dict[str, Feature] = {f.key: f for f in _FEATURES}
assert len(FEATURES) == len(_FEATURES), "duplicate feature key"
