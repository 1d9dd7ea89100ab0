"""Consistency checks of the disease profiles and the catalogues they reference."""

from __future__ import annotations

import re
from itertools import combinations

import pytest

from healthgym.clinical.diseases import PROFILES, DiseaseProfile
from healthgym.clinical.features import FEATURES
from healthgym.clinical.imaging import IMAGING, NORMAL_ECG
from healthgym.clinical.labs import LAB_TESTS
from healthgym.clinical.treatments import ALLERGY_CLASSES, TREATMENTS
from healthgym.patients.comorbidities import COMORBIDITIES

ALL = list(PROFILES.values())
IDS = [p.key for p in ALL]

REQUIRED = {
    "community_acquired_pneumonia", "pulmonary_embolism", "deep_vein_thrombosis", "stemi",
    "nstemi", "acute_decompensated_heart_failure", "diabetic_ketoacidosis",
    "hyperosmolar_hyperglycaemic_state", "urosepsis", "acute_appendicitis",
    "acute_cholecystitis", "acute_pancreatitis", "acute_pyelonephritis",
    "bacterial_meningitis", "acute_ischaemic_stroke", "peptic_ulcer_bleeding",
    "copd_exacerbation", "asthma_exacerbation", "af_rvr", "thyroid_storm", "adrenal_crisis",
    "iron_deficiency_anaemia", "decompensated_cirrhosis", "prerenal_aki", "hyperkalaemia",
    "siadh", "primary_spontaneous_pneumothorax", "cellulitis", "acute_gout",
    "septic_arthritis", "giant_cell_arteritis", "streptococcal_pharyngitis",
}
SCORES = {
    "curb65", "crb65", "wells_pe", "wells_dvt", "perc", "heart_score", "timi_ua_nstemi",
    "cha2ds2_vasc", "centor_mcisaac", "alvarado", "qsofa", "sirs", "bisap",
    "glasgow_blatchford", "child_pugh", "meld_na", "gcs", "shock_index", "anion_gap",
}
# features a score reads from the patient record: a profile using the score must model them
SCORE_FEATURES = {
    "alvarado": {"pain_migration_rlq", "anorexia", "nausea", "rlq_tenderness",
                 "rebound_tenderness"},
    "centor_mcisaac": {"tonsillar_exudate", "tender_anterior_cervical_nodes", "cough"},
    "wells_pe": {"hemoptysis", "prior_vte", "recent_surgery_or_immobilization",
                 "active_cancer", "unilateral_leg_swelling"},
    "perc": {"hemoptysis", "prior_vte", "recent_surgery_or_immobilization", "estrogen_use",
             "unilateral_leg_swelling"},
    "wells_dvt": {"active_cancer", "paralysis_or_recent_cast",
                  "recent_surgery_or_immobilization", "unilateral_leg_swelling",
                  "entire_leg_swollen", "calf_swelling_3cm", "pitting_edema_symptomatic_leg",
                  "collateral_superficial_veins", "prior_vte"},
    "timi_ua_nstemi": {"aspirin_last_7d", "angina_2plus_24h"},
    "heart_score": {"chest_pain"},
    "glasgow_blatchford": {"melena", "syncope"},
    "child_pugh": {"ascites", "asterixis"},
    "curb65": {"confusion"},
    "qsofa": {"confusion"},
    "bisap": {"confusion"},
}
VITAL_BOUNDS = {"hr": (20, 250), "sbp": (50, 260), "dbp": (20, 150), "rr": (6, 60),
                "temp_c": (32.0, 43.0), "spo2": (50, 100)}
EXAM_SYSTEMS = {"general", "heent", "neck", "cardiovascular", "respiratory", "abdominal",
                "genitourinary", "musculoskeletal", "skin", "neurological", "extremities"}
ICD10 = re.compile(r"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$")


def _phrases(p: DiseaseProfile) -> list[str]:
    return [p.name, *p.synonyms]


def _pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![A-Za-z0-9])" + re.escape(phrase) + r"(?![A-Za-z0-9])", re.I)


PATTERNS = {p.key: [(ph, _pattern(ph)) for ph in _phrases(p)] for p in ALL}


def _visible_texts() -> list[tuple[str, str]]:
    """(where, text) for every text an agent can see."""
    out: list[tuple[str, str]] = []
    for p in ALL:
        out += [(f"{p.key} chief complaint", c) for c in p.chief_complaints]
        out += [(f"{p.key} exam", t) for texts in p.exam.values() for t in texts]
        out += [(f"{p.key} imaging {k}", t) for k, t in p.imaging.items()]
        out += [(f"{p.key} lab {k}", v) for k, v in p.labs.items() if isinstance(v, str)]
        if p.ecg:
            out.append((f"{p.key} ecg", p.ecg))
    for f in FEATURES.values():
        out += [(f"feature {f.key}", f.present), (f"feature {f.key} absent", f.absent)]
    for c in COMORBIDITIES.values():
        out.append((f"comorbidity {c.key}", c.name))
        out += [(f"medication of {c.key}", f"{n} {d}") for n, d in c.medications]
    for t in LAB_TESTS.values():
        out.append((f"lab name {t.key}", t.name))
        if t.normal_text:
            out.append((f"lab normal {t.key}", t.normal_text))
    for s in IMAGING.values():
        out += [(f"study {s.key}", s.name), (f"study normal {s.key}", s.normal_report)]
    out.append(("normal ecg", NORMAL_ECG))
    out += [(f"treatment {t.key}", t.name) for t in TREATMENTS.values()]
    return out


# --- catalogue-level checks -----------------------------------------------------------


def test_profile_count_and_required_set() -> None:
    assert len(PROFILES) >= 32
    missing = REQUIRED - set(PROFILES)
    assert not missing, missing


def test_feature_catalogue() -> None:
    for f in FEATURES.values():
        assert f.present.strip(), f.key
        if f.kind == "sign":
            assert f.system in EXAM_SYSTEMS, f.key
        else:
            assert f.system == "", f.key


def test_lab_catalogue() -> None:
    for t in LAB_TESTS.values():
        if t.categorical:
            assert t.low is None and t.high is None, t.key
            continue
        assert t.low is not None and t.high is not None and t.low <= t.high, t.key
        assert t.plausible is not None, f"{t.key}: plausible bounds missing"
        assert t.plausible[0] <= t.low and t.high <= t.plausible[1], t.key


def test_comorbidity_catalogue() -> None:
    for c in COMORBIDITIES.values():
        assert 0.0 <= c.prevalence <= 0.5, c.key
        assert c.sex in (None, "male", "female"), c.key
        for name, dose in c.medications:
            assert name.strip() and dose.strip(), c.key
        for f in c.features:
            assert FEATURES[f].kind == "history", (c.key, f)


def test_treatment_catalogue() -> None:
    seen: dict[str, str] = {}
    classes = set(ALLERGY_CLASSES.values())
    for t in TREATMENTS.values():
        assert t.kind in {"drug", "procedure", "supportive", "disposition"}, t.key
        for term in (t.key, t.name, *t.synonyms):
            low = term.lower()
            assert seen.get(low, t.key) == t.key, f"'{term}' names {seen.get(low)} and {t.key}"
            seen[low] = t.key
        for c in t.contraindicated_in:
            assert c in COMORBIDITIES, (t.key, c)
    used = {c for t in TREATMENTS.values() for c in t.allergy_classes}
    assert classes <= used, classes - used  # every allergy the generator gives matters
    # project cross-reactivity rule: penicillin allergy also excludes cephalosporins and
    # carbapenems
    for t in TREATMENTS.values():
        if {"cephalosporin", "carbapenem"} & set(t.allergy_classes):
            assert "penicillin" in t.allergy_classes, t.key


# --- per-profile checks ---------------------------------------------------------------


@pytest.mark.parametrize("p", ALL, ids=IDS)
def test_references_exist_and_kinds_match(p: DiseaseProfile) -> None:
    for table, kind in ((p.symptoms, "symptom"), (p.signs, "sign"), (p.history, "history")):
        for key in table:
            assert key in FEATURES, key
            assert FEATURES[key].kind == kind, f"{key} is a {FEATURES[key].kind}, not {kind}"
    for key in p.comorbidities:
        assert key in COMORBIDITIES, key
    for key in p.labs:
        assert key in LAB_TESTS, key
    for key in p.imaging:
        assert key in IMAGING, key
    for key in p.key_tests:
        assert key == "ecg" or key in LAB_TESTS or key in IMAGING, key
    assert set(p.scores) <= SCORES, set(p.scores) - SCORES
    treatments = {*p.first_line, *p.alternatives, *p.contraindicated}
    treatments |= {a for alts in p.alternatives.values() for a in alts}
    for key in treatments:
        assert key in TREATMENTS, key
    assert set(p.alternatives) <= set(p.first_line)


@pytest.mark.parametrize("p", ALL, ids=IDS)
def test_basic_fields(p: DiseaseProfile) -> None:
    assert re.fullmatch(r"[a-z0-9_]+", p.key)
    assert p.chief_complaints and all(c.strip() for c in p.chief_complaints)
    assert re.search(r"(19|20)\d\d", p.source), "source must cite a dated publication"
    assert 1 <= len(p.first_line) <= 4
    assert len(set(p.first_line)) == len(p.first_line)
    for system in p.exam:
        assert system in EXAM_SYSTEMS, system
    for key, (lo, hi) in p.vitals.items():
        assert key in VITAL_BOUNDS, key
        assert VITAL_BOUNDS[key][0] <= lo <= hi <= VITAL_BOUNDS[key][1], (key, lo, hi)


@pytest.mark.parametrize("p", ALL, ids=IDS)
def test_lab_values_plausible(p: DiseaseProfile) -> None:
    for key, spec in p.labs.items():
        test = LAB_TESTS[key]
        if test.categorical:
            assert isinstance(spec, str), f"{key} is categorical"
            assert spec.strip()
        else:
            assert not isinstance(spec, str), f"{key} is numeric"
            assert test.plausible is not None
            lo, hi = spec
            assert test.plausible[0] <= lo <= hi <= test.plausible[1], (key, spec)


@pytest.mark.parametrize("p", ALL, ids=IDS)
def test_key_tests_are_abnormal(p: DiseaseProfile) -> None:
    for key in p.key_tests:
        if key == "ecg":
            assert p.ecg and p.ecg != NORMAL_ECG
        elif key in IMAGING:
            assert key in p.imaging and p.imaging[key] != IMAGING[key].normal_report, key
        else:
            test, spec = LAB_TESTS[key], p.labs.get(key)
            assert spec is not None, f"key test {key} has no abnormal value"
            if test.categorical:
                assert spec != test.normal_text, key
            else:
                assert not isinstance(spec, str)
                assert test.low is not None and test.high is not None
                assert spec[0] > test.high or spec[1] < test.low, (key, spec)


@pytest.mark.parametrize("p", ALL, ids=IDS)
def test_score_features_modelled(p: DiseaseProfile) -> None:
    modelled = {**p.symptoms, **p.signs, **p.history}
    for score in p.scores:
        missing = SCORE_FEATURES.get(score, set()) - set(modelled)
        assert not missing, f"{score} needs {missing}"
    if "centor_mcisaac" in p.scores:
        assert p.symptoms["cough"] < 0.5  # cough is mostly absent in GAS pharyngitis


@pytest.mark.parametrize("p", ALL, ids=IDS)
def test_treatment_safety(p: DiseaseProfile) -> None:
    safe_set = set(p.first_line) | {a for alts in p.alternatives.values() for a in alts}
    assert not set(p.contraindicated) & safe_set, set(p.contraindicated) & safe_set
    for reason in p.contraindicated.values():
        assert reason.strip()
    for item in p.first_line:
        options = [TREATMENTS[a] for a in p.alternatives.get(item, ())]
        classes = set(TREATMENTS[item].allergy_classes)
        if classes:
            assert any(not classes & set(o.allergy_classes) for o in options), (
                f"{item}: no alternative outside allergy classes {classes}"
            )
        for comorbidity in TREATMENTS[item].contraindicated_in:
            assert any(comorbidity not in o.contraindicated_in for o in options), (
                f"{item}: no alternative for a patient with {comorbidity}"
            )


@pytest.mark.parametrize("p", ALL, ids=IDS)
def test_icd10_format(p: DiseaseProfile) -> None:
    assert ICD10.match(p.icd10), p.icd10


# --- cross-profile checks ---------------------------------------------------------------


def test_icd10_codes_are_real_leaf_codes() -> None:
    icd = pytest.importorskip("simple_icd_10_cm")
    for p in ALL:
        assert icd.is_valid_item(p.icd10), p.icd10
        assert icd.is_leaf(p.icd10), f"{p.key}: {p.icd10} is not a billable leaf code"


def test_icd10_codes_unique() -> None:
    codes = [p.icd10 for p in ALL]
    assert len(codes) == len(set(codes))


def test_synonyms_unique_across_profiles() -> None:
    owner: dict[str, str] = {}
    for p in ALL:
        for phrase in _phrases(p):
            low = phrase.lower()
            assert owner.get(low, p.key) == p.key, f"'{phrase}': {owner.get(low)} and {p.key}"
            owner[low] = p.key


def test_no_phrase_inside_another_profiles_phrase() -> None:
    """A diagnosis answer naming one profile must not also name another one."""
    for a, b in combinations(ALL, 2):
        for x, y in ((a, b), (b, a)):
            for phrase, pattern in PATTERNS[x.key]:
                for other in _phrases(y):
                    assert not pattern.search(other), f"'{phrase}' ({x.key}) in '{other}'"


def test_no_diagnosis_leaks_in_visible_text() -> None:
    leaks = [
        f"{where}: '{text}' contains '{phrase}' ({key})"
        for where, text in _visible_texts()
        for key, patterns in PATTERNS.items()
        for phrase, pattern in patterns
        if text and pattern.search(text)
    ]
    assert not leaks, "\n".join(leaks)


def _result(p: DiseaseProfile, test: str) -> str | tuple[float, float]:
    if test == "ecg":
        return p.ecg or NORMAL_ECG
    if test in IMAGING:
        return p.imaging.get(test, IMAGING[test].normal_report)
    spec, lab = p.labs.get(test), LAB_TESTS[test]
    if spec is not None:
        return spec
    if lab.categorical:
        assert lab.normal_text is not None
        return lab.normal_text
    assert lab.low is not None and lab.high is not None
    return (lab.low, lab.high)


def _differs(r1: str | tuple[float, float], r2: str | tuple[float, float]) -> bool:
    if isinstance(r1, str) or isinstance(r2, str):
        return r1 != r2
    return r1[1] < r2[0] or r2[1] < r1[0]


def test_profiles_distinguishable_by_key_tests() -> None:
    """Any two profiles give clearly different results on one of their key tests."""
    for a, b in combinations(ALL, 2):
        tests = set(a.key_tests) | set(b.key_tests)
        assert any(_differs(_result(a, t), _result(b, t)) for t in tests), (a.key, b.key)


@pytest.mark.parametrize(
    ("first", "second", "test"),
    [
        ("stemi", "nstemi", "ecg"),
        ("acute_pyelonephritis", "urosepsis", "lactate"),
        ("diabetic_ketoacidosis", "hyperosmolar_hyperglycaemic_state", "beta_hydroxybutyrate"),
        ("diabetic_ketoacidosis", "hyperosmolar_hyperglycaemic_state", "serum_osmolality"),
        ("copd_exacerbation", "asthma_exacerbation", "pco2"),
        ("siadh", "adrenal_crisis", "cortisol"),
        ("acute_gout", "septic_arthritis", "synovial_crystals"),
        ("acute_gout", "septic_arthritis", "synovial_gram_stain"),
        ("deep_vein_thrombosis", "cellulitis", "leg_venous_duplex"),
        ("acute_ischaemic_stroke", "subarachnoid_haemorrhage", "ct_head"),
        ("acute_pericarditis", "stemi", "ecg"),
        ("iron_deficiency_anaemia", "peptic_ulcer_bleeding", "mcv"),
    ],
)
def test_overlapping_presentations_differ(first: str, second: str, test: str) -> None:
    assert _differs(_result(PROFILES[first], test), _result(PROFILES[second], test))
