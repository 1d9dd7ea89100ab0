"""The matching layer never raises on arbitrary text, and is fast."""

from __future__ import annotations

import statistics
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from healthgym.clinical.diseases.match import match_diagnosis, match_diagnosis_detail
from healthgym.clinical.drugs import drugs
from healthgym.clinical.matching import match_band, match_score_name, parse_regimens
from healthgym.clinical.treatment_match import match_treatments, treatment_mentions

_VOCAB = (
    "no not avoid hold ruled out , . ; ? or vs possible AF PE CAP pneumonia acute chronic "
    "pyelonephritis sepsis from urinary 500 mg q8h every 12 hours BID IV PO / - ( ) N10 "
    "haemorrhage ceftriaxone instead of rather than then but start stop"
)
_WORDS = st.sampled_from(_VOCAB.split())
_CLINICAL = st.lists(_WORDS, max_size=30).map(" ".join)
_TEXT = st.one_of(st.text(max_size=300), _CLINICAL)
_BANDS = [(b.dose, b.action) for b in drugs()["amoxicillin"].renal.bands]


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.one_of(st.none(), st.text(max_size=10)))
def test_never_raises(text, code):
    match_diagnosis(text)
    match_diagnosis_detail(text, code=code)
    match_treatments(text)
    treatment_mentions(text)
    parse_regimens(text)
    match_band(text, _BANDS)
    match_score_name(text)


def test_one_answer_against_all_profiles_is_fast():
    answers = [
        "Acute pyelonephritis ruled out; septic shock from a urinary source (A41.51)",
        "possible community-acquired pneumonia vs pulmonary embolism",
        "AF with RVR",
        "Not DKA. Hyperosmolar hyperglycaemic state in a patient with T2DM",
    ]
    for a in answers:  # warm caches
        match_diagnosis_detail(a + " warm")
    times = []
    for i in range(400):
        a = answers[i % len(answers)] + f" {i}"  # defeat the token cache
        t0 = time.perf_counter()
        match_diagnosis_detail(a)
        times.append(time.perf_counter() - t0)
    assert statistics.median(times) < 1e-3, statistics.median(times)
