"""Answer matching by meaning: diagnoses (issue 16 part 1)."""

from __future__ import annotations

import itertools

import pytest

from healthgym.clinical.diseases import PROFILES
from healthgym.clinical.diseases.match import match_diagnosis, match_diagnosis_detail
from healthgym.clinical.matching import canonical, match_score_name

EQUIVALENT = [
    ("pyelonephritis", "acute_pyelonephritis"),
    ("acute pyelonephritis (N10)", "acute_pyelonephritis"),
    ("Acute Pyelonephritis.", "acute_pyelonephritis"),
    ("probable acute pyelonephritis", "acute_pyelonephritis"),
    ("Atrial fibrillation", "af_rvr"),
    ("AF", "af_rvr"),
    ("AFib", "af_rvr"),
    ("rapid AF", "af_rvr"),
    ("A-fib with rapid ventricular response", "af_rvr"),
    ("septic shock from pyelonephritis", "urosepsis"),
    ("sepsis secondary to a urinary tract infection", "urosepsis"),
    ("Urosepsis (A41.51)", "urosepsis"),
    ("exacerbation of COPD", "copd_exacerbation"),
    ("COPD exacerbation", "copd_exacerbation"),
    ("acute exacerbation of chronic obstructive airways disease", "copd_exacerbation"),
    ("pulmonary emboli", "pulmonary_embolism"),
    ("Acute PE", "pulmonary_embolism"),
    ("Subarachnoid haemorrhage", "subarachnoid_haemorrhage"),
    ("subarachnoid hemorrhage", "subarachnoid_haemorrhage"),
    ("Iron deficiency anaemia", "iron_deficiency_anaemia"),
    ("iron-deficiency anemia", "iron_deficiency_anaemia"),
    ("Non-ST-elevation MI", "nstemi"),
    ("NSTEMI", "nstemi"),
    ("inferior STEMI", "stemi"),
    ("acute on chronic HFrEF", "acute_decompensated_heart_failure"),
    ("decompensated heart failure", "acute_decompensated_heart_failure"),
    ("Community acquired pneumonia, right lower lobe", "community_acquired_pneumonia"),
    ("DKA", "diabetic_ketoacidosis"),
    ("hyperkalemia", "hyperkalaemia"),
    ("Hypoglycaemic episode", "hypoglycaemia"),
    ("PE unlikely; community-acquired pneumonia", "community_acquired_pneumonia"),
    ("Pneumonia. Pulmonary embolism ruled out.", "community_acquired_pneumonia"),
    ("Temporal arteritis", "giant_cell_arteritis"),
    ("strep throat", "streptococcal_pharyngitis"),
    ("C. diff colitis", "c_difficile_colitis"),
    ("Stanford type A aortic dissection", "aortic_dissection"),
]

NEAR_MISS = [
    ("Not acute pyelonephritis", "acute_pyelonephritis"),
    ("Acute pyelonephritis ruled out", "acute_pyelonephritis"),
    ("no evidence of pyelonephritis", "acute_pyelonephritis"),
    ("pyelonephritis excluded", "acute_pyelonephritis"),
    ("pyelonephritis is unlikely", "acute_pyelonephritis"),
    ("chronic pyelonephritis", "acute_pyelonephritis"),
    ("cystitis", "acute_pyelonephritis"),
    ("urinary tract infection", "acute_pyelonephritis"),
    ("renal cell carcinoma", "acute_pyelonephritis"),
    ("N10", "acute_pyelonephritis"),
    ("pyelonephritis or cholecystitis", "acute_pyelonephritis"),
    ("pyelonephritis vs appendicitis", "acute_pyelonephritis"),
    ("differential includes pneumonia and pulmonary embolism", "community_acquired_pneumonia"),
    ("hospital-acquired pneumonia", "community_acquired_pneumonia"),
    ("aspiration pneumonia", "community_acquired_pneumonia"),
    ("viral pneumonia", "community_acquired_pneumonia"),
    ("viral meningitis", "bacterial_meningitis"),
    ("haemorrhagic stroke", "acute_ischaemic_stroke"),
    ("NSTEMI", "stemi"),
    ("anterior STEMI", "stemi"),
    ("STEMI", "nstemi"),
    ("type B aortic dissection", "aortic_dissection"),
    ("aortic dissection, type B", "aortic_dissection"),
    ("lower GI bleed", "peptic_ulcer_bleeding"),
    ("variceal upper GI bleeding", "peptic_ulcer_bleeding"),
    ("gallstone pancreatitis", "acute_pancreatitis"),
    ("tension pneumothorax", "primary_spontaneous_pneumothorax"),
    ("atrial flutter", "af_rvr"),
    ("heart failure", "acute_decompensated_heart_failure"),
    ("sepsis", "urosepsis"),
    ("sepsis, not from a urinary source", "urosepsis"),
    ("acalculous cholecystitis", "acute_cholecystitis"),
    ("septic arthritis", "acute_gout"),
    ("pseudogout", "acute_gout"),
    ("not DKA, this is HHS", "diabetic_ketoacidosis"),
]


@pytest.mark.parametrize(("text", "key"), EQUIVALENT)
def test_equivalent_wordings_match(text, key):
    assert match_diagnosis(text) == key, match_diagnosis_detail(text)


@pytest.mark.parametrize(("text", "key"), NEAR_MISS)
def test_near_misses_do_not_match(text, key):
    assert match_diagnosis(text) != key


def test_structured_result_negated_hedged_code():
    r = match_diagnosis_detail("Not acute pyelonephritis")
    assert r.key is None and r.negated == ("acute_pyelonephritis",)
    r = match_diagnosis_detail("possible pyelonephritis", code="N10")
    assert r.key == "acute_pyelonephritis" and r.hedged and r.code_confirms is True
    assert not r.names("acute_pyelonephritis", allow_hedged=False)
    r = match_diagnosis_detail("pyelonephritis", code="J18.9")
    assert r.key == "acute_pyelonephritis" and r.code_confirms is False
    assert not r.names("acute_pyelonephritis", require_code=True)
    r = match_diagnosis_detail("CAP or PE")
    assert r.key is None and r.ambiguous and r.hedged


@pytest.mark.parametrize("text", ["renal cell carcinoma", "infection", "N10", "", "see notes"])
def test_code_never_replaces_text(text):
    r = match_diagnosis_detail(text, code="N10")
    assert r.key is None and r.code_confirms is None
    assert r.code_key == "acute_pyelonephritis"


def test_every_profile_matches_its_names_and_rejects_its_rejected_terms():
    for p in PROFILES.values():
        assert match_diagnosis(p.name) == p.key
        for syn in p.synonyms:
            assert match_diagnosis(syn) == p.key, (p.key, syn)
            assert match_diagnosis(f"not {syn}") is None, (p.key, syn)
            assert match_diagnosis(f"{syn} ruled out") is None, (p.key, syn)
        for term in p.broader_accepted:
            assert match_diagnosis(term) == p.key, (p.key, term)
        for term in p.rejected_terms:
            assert match_diagnosis(term) != p.key, (p.key, term)
        assert p.synonym_source


def test_two_profiles_together_match_neither():
    names = [p.name for p in PROFILES.values()]
    for a, b in itertools.pairwise(names):
        assert match_diagnosis(f"{a} or {b}") is None
        assert match_diagnosis(f"{a} versus {b}") is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("haemorrhage", "hemorrhage"),
        ("oesophageal", "esophageal"),
        ("anaemia", "anemia"),
        ("hospitalised", "hospitalized"),
        ("ischaemic", "ischemic"),
        ("AF", "atrial fibrillation"),
        ("STEMI", "ST-elevation myocardial infarction"),
        ("CHF", "congestive heart failure"),
        ("UTI", "urinary tract infection"),
        ("non-ST elevation", "nonST-elevation"),
        ("pre-renal", "prerenal"),
    ],
)
def test_canonical_spelling_and_abbreviations(a, b):
    assert canonical(a) == canonical(b)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Alvarado", "alvarado"),
        ("alvarado score", "alvarado"),
        ("MANTRELS", "alvarado"),
        ("calculate_alvarado", "alvarado"),
        ("CURB-65", "curb65"),
        ("curb 65", "curb65"),
        ("Child-Turcotte-Pugh", "child_pugh"),
        ("qsofa", "qsofa"),
        ("modified Centor", "centor_mcisaac"),
    ],
)
def test_score_names(text, key):
    assert match_score_name(text) == key


def test_score_name_disambiguated_by_allowed_set():
    assert match_score_name("Wells", ("wells_pe", "perc")) == "wells_pe"
    assert match_score_name("Wells", ("wells_dvt",)) == "wells_dvt"
    assert match_score_name("not CURB-65") is None
