"""lookup_icd10: a reference tool over the full ICD-10-CM code set.

Its answers depend on the query only: diseases outside the task catalogue are found
like those inside it, so "no code found" never tells the agent what is not a candidate.
"""

from __future__ import annotations

import statistics
import time

import pytest

from healthgym.clinical.diseases import PROFILES
from healthgym.domains import get_domain
from healthgym.domains.clinical_diagnosis import icd10
from healthgym.domains.clinical_diagnosis.tools_record import lookup_icd10
from healthgym.tools import ToolError

DOMAIN = get_domain("clinical_diagnosis")


def lookup(query: str) -> str:
    return lookup_icd10(DOMAIN.new_state(DOMAIN.task(0)), query)


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("renal cell carcinoma", "C64.9"),  # Index: Carcinoma, renal cell -> Neoplasm, kidney
        ("Kawasaki", "M30.3"),
        ("kawasaki disease", "M30.3"),  # closest partial match
        ("Takotsubo", "I51.81"),
        ("sarcoidosis of lung", "D86.0"),
        ("multiple sclerosis", "G35"),
        ("lung cancer", "C34.90"),
        ("haemophilia", "D66"),  # British spelling
        ("DVT left leg", "I82.402"),  # abbreviation and 'leg' -> lower extremity
        ("heart attack", "I21.9"),
        ("acute appendicitis", "K35.80"),
    ],
)
def test_finds_codes_inside_and_outside_the_catalogue(query, code):
    out = lookup(query)
    assert f"\n{code} " in out, out


def test_catalogue_diseases_are_found_by_code():
    for p in PROFILES.values():
        out = lookup(p.icd10)
        assert out.startswith(f"{p.icd10} "), (p.key, out)


@pytest.mark.parametrize(
    ("query", "first_line"),
    [
        ("C64.1", "C64.1 Malignant neoplasm of right kidney, except renal pelvis (billable)"),
        ("m303", "M30.3 Mucocutaneous lymph node syndrome [Kawasaki] (billable)"),
        ("K35", "K35 Acute appendicitis (category: more specific codes below it)"),
    ],
)
def test_lookup_by_code(query, first_line):
    assert lookup(query).splitlines()[0] == first_line


def test_code_lookup_lists_parent_and_children_and_invalid_codes():
    out = lookup("K35")
    assert "Codes below it: K35.2 Acute appendicitis with generalized peritonitis" in out
    assert "Parent: J18 Pneumonia, unspecified organism" in lookup("J18.9")
    assert lookup("Z99.99").startswith("Z99.99 is not an ICD-10-CM code. Nearest valid code: Z99 ")
    assert lookup("U99") == "U99 is not an ICD-10-CM code."
    assert lookup("U07.1").startswith("U07.1 COVID-19 (billable)")


def test_every_word_must_match_and_output_is_bounded():
    out = lookup("fracture")
    lines = out.splitlines()
    assert len(lines) == icd10.MAX_HITS + 1
    assert "the 10 closest shown" in lines[0]
    narrowed = lookup("fracture femur neck right")
    assert all("femur" in line.lower() for line in narrowed.splitlines()[1:])
    assert lookup("zebra fever").startswith("No ICD-10-CM description contains all of")
    assert "[missing: zebra]" in lookup("zebra fever")
    assert lookup("qqqxyz").startswith("No ICD-10-CM description contains any of")


def test_ranking_prefers_close_descriptions_and_billable_codes():
    lines = lookup("appendicitis").splitlines()[1:]
    # descriptions with fewer extra words come first; billable before categories on a tie
    assert lines[0].startswith("K37 Unspecified appendicitis (billable)")
    acute = lookup("acute appendicitis").splitlines()[1:4]
    assert acute[0].startswith("K35.80 Unspecified acute appendicitis (billable)")
    assert any(line.startswith("K35 Acute appendicitis (category") for line in acute)


def test_answers_do_not_depend_on_the_task():
    queries = ["pneumonia", "renal cell carcinoma", "J18.9", "zebra fever"]
    for q in queries:
        outs = {lookup_icd10(DOMAIN.new_state(DOMAIN.task(i)), q) for i in range(0, 380, 19)}
        assert len(outs) == 1, q


def test_query_without_words_is_an_error():
    with pytest.raises(ToolError):
        lookup("!!!")
    with pytest.raises(ToolError):
        lookup("of the and")


def test_fast_after_the_index_is_built():
    icd10.icd10_index()  # built once per process
    queries = [
        "pneumonia", "fracture", "acute kidney failure", "malignant neoplasm", "diabetes",
        "renal cell carcinoma", "kawasaki disease", "community acquired pneumonia",
        "I21.4", "sepsis", "hemorrhage", "disease",
    ]  # fmt: skip
    times = []
    for q in queries:
        start = time.perf_counter()
        icd10.search_icd10(q)
        times.append(time.perf_counter() - start)
    assert statistics.median(times) < 0.05, times
    assert max(times) < 0.25, times
    assert icd10.icd10_index() is icd10.icd10_index()
