"""Exam-style case vignettes written from a synthetic patient.

A vignette states what a clinician would know: age, sex, the complaint, the
symptoms and history, past medical history, allergies, vital signs, examination
findings and the results of the tests chosen by the caller.  It is written from
the same feature, laboratory and imaging vocabularies as the patient record, so
it never names the diagnosis (those vocabularies never do).
"""

from __future__ import annotations

from collections.abc import Iterable

from ...clinical.features import FEATURES
from ...clinical.imaging import IMAGING, NORMAL_ECG
from ...clinical.labs import LAB_TESTS
from ...clinical.treatments import TREATMENTS
from ...patients.comorbidities import COMORBIDITIES
from ...patients.model import Patient

# features that the past-medical-history sentence already covers
_HABITS = ("current_smoker", "alcohol_excess")


def article(number: int) -> str:
    """'An' before numbers read with a leading vowel sound (8, 11, 18, 80-89), else 'A'."""
    return "An" if str(number).startswith("8") or number in (11, 18) else "A"


def investigation_name(key: str) -> str:
    """Display name of a laboratory test, imaging study or 'ecg'."""
    if key == "ecg":
        return "12-lead electrocardiogram (ECG)"
    if key in IMAGING:
        return IMAGING[key].name
    return LAB_TESTS[key].name


# Other names of the tests the questions offer, as clinicians write them (entry terms
# and synonyms of the RSNA RadLex Playbook and SNOMED CT, LOINC short names; ISMP and
# Stedman's abbreviations).  Only names that mean exactly this test: "ABG" gives both pH
# and pCO2, so it names neither.
INVESTIGATION_SYNONYMS: dict[str, tuple[str, ...]] = {
    "chest_xray": ("chest radiograph", "chest X-ray", "CXR", "chest film"),
    "ct_pulmonary_angiogram": ("CTPA", "CT pulmonary angiography", "CT-PA", "CT PE protocol"),
    "leg_venous_duplex": (
        "venous duplex ultrasound",
        "lower limb venous duplex",
        "lower extremity Doppler ultrasound",
        "leg Doppler ultrasound",
        "compression ultrasound of the leg",
        "venous Doppler",
    ),
    "echocardiogram": ("echocardiogram", "TTE", "echo", "echocardiography"),
    "ct_angiogram_aorta": ("CT aortogram", "CT angiogram of the aorta", "CTA aorta"),
    "ct_head": ("non-contrast CT head", "noncontrast head CT", "CT head", "head CT", "CT brain"),
    "cta_head_neck": ("CTA head and neck", "CT angiography of the head and neck"),
    "mri_brain": ("MRI brain", "brain MRI", "diffusion-weighted MRI", "MRI with DWI"),
    "abdominal_xray": ("abdominal X-ray", "AXR", "plain abdominal film", "abdominal film"),
    "ct_abdomen_pelvis": ("CT abdomen and pelvis", "CT abdomen/pelvis", "CT A/P", "abdominal CT"),
    "abdominal_ultrasound": (
        "right upper quadrant ultrasound",
        "RUQ ultrasound",
        "RUQ US",
        "gallbladder ultrasound",
        "hepatobiliary ultrasound",
    ),
    "renal_ultrasound": ("renal ultrasound", "kidney ultrasound", "renal tract ultrasound"),
    "upper_endoscopy": (
        "upper endoscopy",
        "esophagogastroduodenoscopy",
        "EGD",
        "OGD",
        "gastroscopy",
        "upper GI endoscopy",
    ),
    "joint_xray": ("joint X-ray", "X-ray of the joint", "joint radiograph"),
    "temporal_artery_ultrasound": ("temporal artery Doppler ultrasound",),
    "soft_tissue_ultrasound": ("soft tissue ultrasound", "point-of-care ultrasound of the area"),
    "troponin_i": ("troponin", "troponin I", "hs-troponin", "high-sensitivity troponin", "hsTnI"),
    "bnp": ("BNP", "brain natriuretic peptide"),
    "esr": ("ESR", "sed rate", "sedimentation rate"),
    "inr": ("INR", "prothrombin time/INR", "PT/INR"),
    "tsh": ("TSH", "thyrotropin"),
    "free_t4": ("free T4", "FT4", "free thyroxine"),
    "mcv": ("MCV",),
    "c_difficile_toxin": ("C. difficile toxin", "C diff toxin", "C. difficile PCR", "stool toxin"),
    "blood_culture": ("blood cultures", "blood culture"),
    "rapid_strep": ("rapid strep test", "rapid antigen detection test", "RADT", "strep test"),
    "beta_hydroxybutyrate": ("serum ketones", "beta hydroxybutyrate", "BHB"),
    "csf_gram_stain": ("CSF Gram stain",),
    "synovial_crystals": ("synovial fluid crystal analysis", "joint fluid crystals"),
    "ua_nitrite": ("urine nitrite", "urinalysis nitrite"),
    "peak_expiratory_flow": ("peak flow", "PEF", "PEFR"),
}
# modality words and their equivalents (a phrase naming a study is also recognised
# with the other word: "abdominal ultrasound" = "abdominal ultrasonography")
MODALITY_WORDS: tuple[tuple[str, ...], ...] = (
    ("ultrasound", "ultrasonography", "sonography", "sonogram", "US"),
    ("radiograph", "X-ray", "x ray", "film"),
    ("CT", "computed tomography", "CAT scan"),
    ("MRI", "magnetic resonance imaging", "MR"),
    ("angiogram", "angiography"),
)


def _modality_variants(phrase: str) -> list[str]:
    words = phrase.split()
    out = [phrase]
    for group in MODALITY_WORDS:
        for i, w in enumerate(words):
            if w.lower() in {g.lower() for g in group}:
                out += [" ".join([*words[:i], g, *words[i + 1 :]]) for g in group]
    return out


def investigation_phrases(key: str) -> tuple[str, ...]:
    """Names by which a test is recognised in free text: its display name, the name
    without its parenthesis, the parenthesis alone when it is another name of the
    test (an abbreviation or one long word, not a qualifier such as "random"), the
    synonyms of :data:`INVESTIGATION_SYNONYMS`, and each with its modality word
    replaced by an equivalent."""
    if key == "ecg":
        return ("ECG", "electrocardiogram", "EKG", "12-lead ECG", "electrocardiography")
    name = investigation_name(key)
    base = name.split(" (")[0]
    names = [name, base, key.replace("_", " ")]
    if " (" in name:
        inner = name.split(" (", 1)[1].rstrip(")")
        if len(inner.split()) == 1 and (inner.isupper() or len(inner) >= 10):
            names.append(inner)
    names += INVESTIGATION_SYNONYMS.get(key, ())
    # "right upper quadrant ultrasound" is also "ultrasound of the right upper quadrant"
    modality = {w.lower() for group in MODALITY_WORDS for w in group}
    names += [
        f"{n.split()[-1]} of {' '.join(n.split()[:-1])}"
        for n in list(names)
        if len(n.split()) > 1 and n.split()[-1].lower() in modality and "(" not in n
    ]
    out = [v for n in names for v in _modality_variants(n)]
    return tuple(dict.fromkeys(out))


def treatment_phrases(key: str) -> tuple[str, ...]:
    t = TREATMENTS[key]
    base = t.name.split(" (")[0]
    return tuple(dict.fromkeys((t.name, base, *t.synonyms, key.replace("_", " "))))


def lab_result(key: str, value: float | str) -> str:
    test = LAB_TESTS[key]
    if test.categorical:
        return f"{test.name}: {value}"
    assert test.low is not None and test.high is not None
    unit = f" {test.unit}" if test.unit else ""
    return f"{test.name} {float(value):g}{unit} (reference {test.low:g}-{test.high:g})"


def _join(parts: Iterable[str]) -> str:
    return " ".join(p.strip() for p in parts if p.strip())


def presentation(patient: Patient) -> str:
    """Who the patient is, what they report and their history (no test results)."""
    p = patient
    symptoms = [FEATURES[f].present for f in p.features if FEATURES[f].kind == "symptom"]
    negatives = [FEATURES[f].absent for f in p.pertinent_negatives if FEATURES[f].kind == "symptom"]
    history = [
        FEATURES[f].present
        for f in p.features
        if FEATURES[f].kind == "history" and f not in _HABITS
    ]
    conditions = [COMORBIDITIES[c].name for c in p.comorbidities]
    pmh = (
        "Past medical history: " + "; ".join(conditions) + "."
        if conditions
        else "No significant past medical history."
    )
    return _join(
        [
            f"{article(p.age)} {p.age}-year-old {'woman' if p.sex == 'female' else 'man'} "
            f"presents with "
            f'"{p.chief_complaint}".',
            *symptoms,
            *negatives,
            *history,
            pmh,
            p.smoking,
        ]
    )


def allergy_sentence(patient: Patient) -> str:
    if not patient.allergies:
        return "No known drug allergies."
    return (
        "Documented drug allergies: "
        + "; ".join(f"{a.allergen} ({a.reaction})" for a in patient.allergies)
        + "."
    )


def vitals_sentence(patient: Patient) -> str:
    v = patient.vitals
    return (
        f"Temperature {v['temp_c']:g} C, heart rate {v['hr']:g}/min, blood pressure "
        f"{v['sbp']:g}/{v['dbp']:g} mmHg, respiratory rate {v['rr']:g}/min, oxygen "
        f"saturation {v['spo2']:g}% on room air."
    )


def examination(patient: Patient) -> str:
    signs = [FEATURES[f].present for f in patient.features if FEATURES[f].kind == "sign"]
    extra = [line for lines in patient.exam.values() for line in lines]
    if not signs and not extra:
        return "Physical examination is unremarkable."
    return "On examination: " + _join([*signs, *extra])


def results(patient: Patient, tests: Iterable[str]) -> str:
    """Results of ``tests`` (laboratory keys, imaging keys, 'ecg'), in that order."""
    labs = [t for t in tests if t in LAB_TESTS]
    lines = []
    if labs:
        lines.append(
            "Laboratory studies: " + "; ".join(lab_result(k, patient.labs[k]) for k in labs) + "."
        )
    for t in tests:
        if t in IMAGING:
            report = patient.imaging.get(t, IMAGING[t].normal_report)
            lines.append(f"{IMAGING[t].name}: {report}")
        elif t == "ecg":
            lines.append(f"ECG: {patient.ecg}")
    return _join(lines)


def abnormal_tests(patient: Patient, profile_labs: Iterable[str], exclude: set[str]) -> list[str]:
    """The profile's laboratory tests that are abnormal in this patient, minus ``exclude``."""
    out = []
    for key in profile_labs:
        if key in exclude or key not in LAB_TESTS:
            continue
        if LAB_TESTS[key].flag(patient.labs[key]):
            out.append(key)
    return out


def case(
    patient: Patient, tests: list[str], withhold: set[str], with_allergies: bool = False
) -> str:
    """A full vignette: presentation, vital signs, examination and the given results.

    An abnormal ECG is reported unless 'ecg' is in ``withhold`` (the answer of a
    next-step question must not be given away by its result).
    """
    parts = [presentation(patient)]
    if with_allergies:
        parts.append(allergy_sentence(patient))
    shown = [t for t in tests if t not in withhold]
    if "ecg" not in shown and "ecg" not in withhold and patient.ecg != NORMAL_ECG:
        shown.append("ecg")
    parts += [vitals_sentence(patient), examination(patient), results(patient, shown)]
    return _join(parts)
