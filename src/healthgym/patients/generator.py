"""Seeded generation of coherent synthetic patients from disease profiles.

Coherence rules applied on top of the profile's sampling:

* values a profile does not change are drawn from the inner 80% of the adult
  reference interval (healthy values never carry an abnormal flag);
* chloride is derived so that the anion gap Na - (Cl + HCO3) is 8-12 mmol/L unless
  the profile sets chloride itself (anion-gap reference: Kraut & Madias, Clin J Am
  Soc Nephrol 2007;2:162-74); where the profile sets none of the three, the sodium is
  lowered as needed to keep the derived chloride within its reference interval;
* hematocrit follows hemoglobin (Hct ~ 3 x Hgb, the "rule of three") unless the
  profile sets it;
* obesity implies a BMI of 30-38 kg/m2, other patients 19-29.9 (WHO BMI classes);
* history features imply the matching medications or comorbidities (estrogen use ->
  an estrogen preparation, aspirin use -> aspirin, known coronary disease ->
  coronary artery disease) and only women get estrogen;
* a comorbidity implies the features it lists (e.g. alcohol use disorder ->
  alcohol excess) and sex-specific conditions and features (benign prostatic
  hyperplasia, menorrhagia, estrogen use) only occur in the matching sex;
* history items that presuppose a condition (missed insulin doses) only occur
  when the patient has it;
* the social history's smoking agrees with the history items: a current smoker is
  not also a former smoker, and a patient with the former-smoker history item is a
  former smoker whose pack-years (packs a day x years smoked, never more years than
  age - 15) and years since quitting are recorded (``pack_years``,
  ``smoking_quit_years``) and printed from the record;
* a patient is never allergic to a drug class among their home medications;
* a patient never carries an allergy or comorbidity that rules out a first-line
  treatment for which the profile lists no safe alternative (judged by allergy class,
  the stricter reading, so the patient stays treatable under any consumer's model);
* home medications are reconciled: never the same drug twice, two drugs of one
  therapeutic-duplication family or a contraindicated pair (e.g. sacubitril/valsartan
  with lisinopril) - see :mod:`.coherence`;
* laboratory values follow the patient's conditions and drugs where the profile does
  not set them: glycosuria on an SGLT2 inhibitor, a raised BNP in HFrEF, a CKD-range
  creatinine in chronic kidney disease (:func:`.coherence.implied_labs`);
* a symptom the chief complaint, another history item, the examination or imaging
  asserts (e.g. breathlessness) is present, never listed as a pertinent negative
  ("Denies shortness of breath.").
"""

from __future__ import annotations

import numpy as np

from ..clinical.diseases import DiseaseProfile
from ..clinical.features import FEATURES
from ..clinical.imaging import NORMAL_ECG
from ..clinical.labs import LAB_TESTS
from ..clinical.treatment_match import match_treatments
from ..clinical.treatments import ALLERGY_CLASSES, TREATMENTS, allergy_conflict
from . import names
from .coherence import (
    CONCEPT_BY_FEATURE,
    asserted_concepts,
    implied_labs,
    priority_order,
    reconcile,
)
from .comorbidities import COMORBIDITIES
from .model import Allergy, Medication, Patient

NORMAL_VITALS: dict[str, tuple[float, float]] = {
    "hr": (62, 92),
    "sbp": (112, 134),
    "dbp": (66, 84),
    "rr": (12, 18),
    "temp_c": (36.5, 37.3),
    "spo2": (96, 99),
}
ALLERGY_PROBABILITY = 0.3
FEATURE_SEX = {"estrogen_use": "female", "menorrhagia": "female"}
# history feature -> comorbidities of which the patient must have at least one
FEATURE_REQUIRES = {
    "missed_insulin": ("type1_diabetes",),
    "missed_meal_after_insulin": ("type1_diabetes",),
}
REACTIONS = ("hives", "rash", "anaphylaxis", "angioedema", "wheezing")


def _uniform(rng: np.random.Generator, lo: float, hi: float, decimals: int) -> float:
    value = round(float(rng.uniform(lo, hi)), decimals)
    return float(int(value)) if decimals == 0 else value


def sample_labs(profile: DiseaseProfile, rng: np.random.Generator) -> dict[str, float | str]:
    labs: dict[str, float | str] = {}
    for key, test in LAB_TESTS.items():
        spec = profile.labs.get(key)
        if isinstance(spec, str):
            labs[key] = spec
        elif spec is not None:
            labs[key] = _uniform(rng, spec[0], spec[1], test.decimals)
        elif test.categorical:
            assert test.normal_text is not None
            labs[key] = test.normal_text
        else:
            assert test.low is not None and test.high is not None
            margin = 0.1 * (test.high - test.low)
            labs[key] = _uniform(rng, test.low + margin, test.high - margin, test.decimals)
    if "chloride" in labs and "chloride" not in profile.labs:
        gap = float(rng.uniform(8, 12))
        if not {"sodium", "bicarbonate"} & set(profile.labs):
            # healthy electrolytes: the chloride stays in its reference interval too
            cl = LAB_TESTS["chloride"]
            assert cl.low is not None and cl.high is not None
            excess = float(labs["sodium"]) - float(labs["bicarbonate"]) - gap - cl.high
            if excess > 0:
                labs["sodium"] = float(labs["sodium"]) - float(np.ceil(excess))
        labs["chloride"] = float(round(float(labs["sodium"]) - float(labs["bicarbonate"]) - gap))
    if "hematocrit" in labs and "hematocrit" not in profile.labs:
        labs["hematocrit"] = float(round(3 * float(labs["hemoglobin"]) + rng.uniform(-1, 1)))
    return labs


def sample_vitals(profile: DiseaseProfile, rng: np.random.Generator) -> dict[str, float]:
    vitals = {}
    for key, (lo, hi) in NORMAL_VITALS.items():
        lo, hi = profile.vitals.get(key, (lo, hi))
        vitals[key] = _uniform(rng, lo, hi, 1 if key == "temp_c" else 0)
    if vitals["dbp"] > vitals["sbp"] - 20:
        vitals["dbp"] = float(max(30, vitals["sbp"] - 20 - int(rng.integers(0, 15))))
    return vitals


def _blocked(treatment_keys: list[str], allergy_class: str) -> bool:
    return any(allergy_class in TREATMENTS[t].allergy_classes for t in treatment_keys)


def _unsafe_without_alternative(
    profile: DiseaseProfile, allergy_classes: set[str], comorbidities: set[str]
) -> bool:
    """True if some first-line item and all its alternatives are unsafe for the patient."""
    for item in profile.first_line:
        options = [item, *profile.alternatives.get(item, ())]
        if all(is_unsafe(t, allergy_classes, comorbidities) for t in options):
            return True
    return False


def is_unsafe(
    treatment: str,
    allergies: set[str] | frozenset[str] | list[Allergy] | tuple[Allergy, ...],
    comorbidities: set[str],
) -> bool:
    """Whether ``treatment`` must not be given to this patient.

    ``allergies`` is either the patient's documented allergies (:class:`Allergy`
    records), judged by :func:`healthgym.clinical.treatments.allergy_conflict` - the
    AAAAI/ACAAI 2022 drug-allergy practice parameter (Khan DA et al. Ann Allergy
    Asthma Immunol 2022;129:5-8 and J Allergy Clin Immunol 2022;150:1333-93): after a
    non-severe penicillin reaction a cephalosporin with a dissimilar R1 side chain or a
    carbapenem may be given - or a set of allergy-class names, judged by class alone
    (the stricter, older reading).  A comorbidity in the treatment's
    ``contraindicated_in`` also makes it unsafe.
    """
    t = TREATMENTS[treatment]
    if set(t.contraindicated_in) & comorbidities:
        return True
    if isinstance(allergies, (set, frozenset)):
        return bool(set(t.allergy_classes) & allergies)
    return any(
        allergy_conflict(treatment, t.allergy_classes, a.allergen, a.reaction) for a in allergies
    )


def generate_patient(profile: DiseaseProfile, seed: int, patient_id: str) -> Patient:
    """A coherent patient with ``profile``'s disease, fully determined by ``seed``."""
    rng = np.random.default_rng(seed)
    age = int(rng.integers(profile.age[0], profile.age[1] + 1))
    sex = "female" if rng.random() < profile.female_fraction else "male"
    first = names.FEMALE if sex == "female" else names.MALE
    surname = names.SURNAMES[int(rng.integers(len(names.SURNAMES)))]
    name = f"{first[int(rng.integers(len(first)))]} {surname}"
    complaint = profile.chief_complaints[int(rng.integers(len(profile.chief_complaints)))]

    present: list[str] = []
    negatives: list[str] = []
    for table in (profile.symptoms, profile.signs, profile.history):
        for key, p in table.items():
            if rng.random() < p:
                present.append(key)
            elif FEATURES[key].absent:
                negatives.append(key)
    # a symptom the complaint, a present feature, the examination or imaging asserts is
    # present, never denied in the history
    stated = asserted_concepts(
        " \n".join(
            [
                complaint,
                *(FEATURES[k].present for k in present),
                *(t for v in profile.exam.values() for t in v),
                *profile.imaging.values(),
            ]
        )
    )
    for key in [k for k in negatives if k in CONCEPT_BY_FEATURE]:
        if CONCEPT_BY_FEATURE[key].key in stated:
            negatives.remove(key)
            present.append(key)
    comorbidities = {k for k, p in profile.comorbidities.items() if rng.random() < p}
    for key, c in COMORBIDITIES.items():
        if key not in profile.comorbidities and rng.random() < c.prevalence * (age / 60) * 0.5:
            comorbidities.add(key)
    comorbidities = {k for k in comorbidities if COMORBIDITIES[k].sex in (None, sex)}
    for key in sorted(comorbidities):
        present += [f for f in COMORBIDITIES[key].features if f not in present]
    present = [
        f
        for f in present
        if FEATURE_SEX.get(f, sex) == sex
        and (f not in FEATURE_REQUIRES or comorbidities & set(FEATURE_REQUIRES[f]))
    ]
    if "current_smoker" in present and "former_smoker" in present:
        present.remove("former_smoker")  # a current smoker is not a former smoker
    if "known_cad" in present and "coronary_artery_disease" in COMORBIDITIES:
        comorbidities.add("coronary_artery_disease")
    if "coronary_artery_disease" in comorbidities and "known_cad" not in present:
        present.append("known_cad")
    # drop comorbidities that would leave a first-line item with no safe option
    for key in sorted(comorbidities):
        if _unsafe_without_alternative(profile, set(), {key}):
            comorbidities.discard(key)

    allergies: list[Allergy] = []
    if rng.random() < ALLERGY_PROBABILITY:
        options = sorted(ALLERGY_CLASSES)
        allergen = options[int(rng.integers(len(options)))]
        cls = ALLERGY_CLASSES[allergen]
        tolerated = _home_medication_classes(sorted(comorbidities), present, sex, age)
        if cls not in tolerated and not _unsafe_without_alternative(profile, {cls}, comorbidities):
            allergies.append(
                Allergy(allergen=allergen, reaction=REACTIONS[int(rng.integers(len(REACTIONS)))])
            )

    height = _uniform(rng, 160, 188, 0) if sex == "male" else _uniform(rng, 150, 175, 0)
    bmi = float(rng.uniform(30, 38)) if "obesity" in comorbidities else float(rng.uniform(19, 29.9))
    weight = round(bmi * (height / 100) ** 2, 1)

    meds = _medications(sorted(comorbidities), present, sex, age)
    smoking, pack_years, quit_years = _smoking_history(
        present, age, rng, np.random.default_rng([seed, SMOKING_STREAM])
    )
    alcohol = (
        "Drinks about 30 units of alcohol a week."
        if "alcohol_excess" in present
        else (
            "Drinks 2-6 units of alcohol a week."
            if rng.random() < 0.5
            else "Does not drink alcohol."
        )
    )
    vitals = sample_vitals(profile, rng)
    labs = sample_labs(profile, rng)
    return Patient(
        id=patient_id,
        name=name,
        age=age,
        sex=sex,
        weight_kg=weight,
        height_cm=height,
        chief_complaint=complaint,
        features=present,
        pertinent_negatives=negatives,
        comorbidities=sorted(comorbidities),
        medications=meds,
        allergies=allergies,
        smoking=smoking,
        pack_years=pack_years,
        smoking_quit_years=quit_years,
        alcohol=alcohol,
        vitals=vitals,
        labs=implied_labs(labs, profile.labs, comorbidities, meds, age, sex, rng),
        imaging=dict(profile.imaging),
        ecg=profile.ecg or NORMAL_ECG,
        exam={k: list(v) for k, v in profile.exam.items()},
        condition=profile.key,
    )


# a second stream of the patient's seed for the smoking history's numbers, so that
# drawing them leaves every other draw of the patient as it was
SMOKING_STREAM = 0x5A0C
SMOKING_START_AGE = 15  # years smoked are at most age - 15
PACKS_PER_DAY: tuple[float, ...] = (0.5, 1.0, 1.5, 2.0)


def _smoking_history(
    present: list[str], age: int, rng: np.random.Generator, side: np.random.Generator
) -> tuple[str, float | None, int | None]:
    """The social history's smoking sentence, pack-years and years since quitting.

    A current smoker smokes 20 cigarettes (one pack) a day and has for 1 to age - 15
    years (at least half of that span); a patient with the ``former_smoker`` history item
    smoked 0.5-2 packs a day, starting at 15 or later, for years that ended 1-25 years
    ago (at least 10 years smoked where the age allows: the exposure of a former smoker
    whose history matters, e.g. in COPD); pack-years = packs a day x years smoked.
    Other patients are occasionally light former smokers (no pack-years recorded) or
    never smokers.  The main stream ``rng`` is drawn exactly as before pack-years were
    recorded; the numbers come from ``side``."""
    span = max(1, age - SMOKING_START_AGE)  # the longest a patient can have smoked
    if "current_smoker" in present:
        years = int(side.integers(max(1, span // 2), span + 1))
        pack_years = float(years)  # one pack a day
        return f"Current smoker, 20 cigarettes a day; {pack_years:g} pack-years.", pack_years, None
    light = rng.random() < 0.2
    if "former_smoker" in present:
        quit_years = int(side.integers(1, max(1, min(25, span - 10)) + 1))
        smoked_max = max(1, span - quit_years)
        years = int(side.integers(min(10, smoked_max), smoked_max + 1))
        ppd = float(PACKS_PER_DAY[int(side.integers(len(PACKS_PER_DAY)))])
        pack_years = round(ppd * years, 1)
        return (
            f"Former smoker, {pack_years:g} pack-years, quit {quit_years} years ago.",
            pack_years,
            quit_years,
        )
    if light:
        return "Former smoker, quit over 10 years ago.", None, None
    return "Never smoker.", None, None


# history feature -> the home medication it implies (drug, dose, indication)
FEATURE_MEDICATIONS: dict[str, tuple[str, str, str]] = {
    "aspirin_last_7d": ("aspirin", "81 mg daily", "Cardiovascular prevention"),
    "nsaid_use": ("ibuprofen", "400 mg three times daily", "Joint pain"),
    "diuretic_use": ("hydrochlorothiazide", "25 mg once daily", "Blood pressure"),
    "ssri_use": ("sertraline", "50 mg once daily", "Low mood"),
}


def _home_medication_classes(
    comorbidities: list[str], features: list[str], sex: str, age: int
) -> set[str]:
    """Drug classes the patient already takes (so cannot be allergic to)."""
    classes: set[str] = set()
    for med in _medications(comorbidities, features, sex, age):
        for key in match_treatments(med.name):
            classes |= set(TREATMENTS[key].allergy_classes)
    return classes


def _medications(
    comorbidities: list[str], features: list[str], sex: str, age: int
) -> list[Medication]:
    meds: list[Medication] = []
    for key in priority_order(comorbidities):
        c = COMORBIDITIES[key]
        meds.extend(Medication(name=n, dose=d, indication=c.name) for n, d in c.medications)
    if "estrogen_use" in features and sex == "female":
        if age < 50:
            meds.append(
                Medication(
                    name="ethinyl estradiol/levonorgestrel",
                    dose="30/150 mcg daily",
                    indication="Contraception",
                )
            )
        else:
            meds.append(
                Medication(
                    name="conjugated estrogens",
                    dose="0.625 mg daily",
                    indication="Menopausal symptoms",
                )
            )
    for feature, (name, dose, why) in FEATURE_MEDICATIONS.items():
        if feature in features and not any(m.name == name for m in meds):
            meds.append(Medication(name=name, dose=dose, indication=why))
    return reconcile(meds)
