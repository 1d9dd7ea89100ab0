"""Benchmark loaders: exact record counts on the real files, schema checks, bad input."""

from __future__ import annotations

import json
from collections import Counter
from functools import cache

import pytest

from healthgym.datasets import (
    DatasetFormatError,
    MCQRecord,
    load_benchmark,
    load_medmcqa,
    load_medqa,
    load_mirage,
    load_mmlu_medical,
    load_pubmedqa,
    load_pubmedqa_test_ids,
)
from shared_data import BENCHMARKS, needs_shared

BENCH = BENCHMARKS
needs_files = needs_shared(BENCH)


@cache
def mirage() -> dict[str, MCQRecord]:
    return {r.uid.removeprefix("mirage/"): r for r in load_mirage(BENCH / "mirage")}


def _check_common(records: list[MCQRecord]) -> None:
    assert len({r.uid for r in records}) == len(records)
    for r in records:
        assert r.question and r.answer in r.options
        assert all(isinstance(v, str) for v in r.options.values())


@needs_files
def test_medqa_test_split():
    records = load_medqa(BENCH / "medqa_usmle_4opt")
    assert len(records) == 1273
    _check_common(records)
    assert all(list(r.options) == ["A", "B", "C", "D"] for r in records)
    assert Counter(r.subject for r in records) == {"step1": 679, "step2&3": 594}
    assert Counter(r.answer for r in records) == {"A": 353, "B": 309, "C": 346, "D": 265}
    first = records[0]
    assert first.id == "0000" and first.answer == "B"
    assert first.answer_text == "Tell the attending that he cannot fail to disclose this mistake"
    # the same file path given directly
    assert load_medqa(BENCH / "medqa_usmle_4opt" / "phrases_no_exclude_test.jsonl") == records


@needs_files
def test_medmcqa_dev_split():
    records = load_medmcqa(BENCH / "medmcqa" / "dev.jsonl")
    assert len(records) == 4183
    _check_common(records)
    assert Counter(r.answer for r in records) == {"A": 1348, "B": 1085, "C": 925, "D": 825}
    first = records[0]
    assert first.id == "45258d3d-b974-44dd-a161-c3fccbdadd88"
    assert first.answer == "A" and first.subject == "Physiology"
    assert first.answer_text.startswith("Impulse through myelinated fibers is slower")
    assert sum("exp" in r.meta for r in records) == 2206


@needs_files
def test_mmlu_medical_subsets():
    records = load_mmlu_medical(BENCH / "mmlu_medical")
    assert len(records) == 1089
    _check_common(records)
    assert Counter(r.subject for r in records) == {
        "anatomy": 135,
        "clinical_knowledge": 265,
        "college_biology": 144,
        "college_medicine": 173,
        "medical_genetics": 100,
        "professional_medicine": 272,
    }
    anatomy = load_mmlu_medical(BENCH / "mmlu_medical", subsets=["anatomy"])
    assert anatomy[0].id == "anatomy-000" and anatomy[0].answer == "A"
    assert anatomy[0].options["A"] == "paralysis of the facial muscles."
    # quoted fields with embedded commas and doubled quotes are parsed as CSV
    assert anatomy[1].question == 'A "dished face" profile is often associated with'


@needs_files
def test_pubmedqa_splits_and_contexts():
    everything = load_pubmedqa(BENCH / "pubmedqa" / "ori_pqal.json")
    test = load_pubmedqa(BENCH / "pubmedqa", split="test")
    train = load_pubmedqa(BENCH / "pubmedqa", split="train")
    assert (len(everything), len(test), len(train)) == (1000, 500, 500)
    assert not {r.id for r in test} & {r.id for r in train}
    _check_common(everything)
    decisions = Counter(r.answer_text for r in everything)
    assert decisions == {"yes": 552, "no": 338, "maybe": 110}
    assert all(r.is_yes_no and r.options == {"A": "yes", "B": "no", "C": "maybe"} for r in test)
    assert all(r.context and r.meta["long_answer"] for r in everything)
    truth = load_pubmedqa_test_ids(BENCH / "pubmedqa" / "test_ground_truth.json")
    assert {r.id: r.answer_text for r in test} == truth


@needs_files
def test_mirage_total_and_parts():
    records = load_mirage(BENCH / "mirage" / "benchmark.json")
    assert len(records) == 7663
    _check_common(records)
    assert Counter(r.source for r in records) == {
        "mirage/medqa": 1273,
        "mirage/medmcqa": 4183,
        "mirage/pubmedqa": 500,
        "mirage/bioasq": 618,
        "mirage/mmlu": 1089,
    }
    assert {len(r.options) for r in records if r.source == "mirage/bioasq"} == {2}
    assert len(load_mirage(BENCH / "mirage", subsets=["bioasq"])) == 618
    with pytest.raises(KeyError, match="no sub-benchmark"):
        load_mirage(BENCH / "mirage", subsets=["nope"])


@needs_files
@pytest.mark.parametrize(
    ("source", "records"),
    [
        ("medqa", lambda: load_medqa(BENCH / "medqa_usmle_4opt")),
        ("medmcqa", lambda: load_medmcqa(BENCH / "medmcqa")),
        ("mmlu", lambda: load_mmlu_medical(BENCH / "mmlu_medical")),
        ("pubmedqa", lambda: load_pubmedqa(BENCH / "pubmedqa", split="test")),
    ],
)
def test_mirage_agrees_with_the_original_files(source, records):
    """MIRAGE re-packages the same questions: ids, options and answers agree exactly
    (this also pins MedMCQA's ``cop`` as 1-based and PubMedQA's letters)."""
    index = mirage()
    for r in records():
        m = index[f"{source}/{r.id}"]
        assert (m.options, m.answer) == (r.options, r.answer), r.uid


@needs_files
def test_load_benchmark_dispatch():
    assert len(load_benchmark("pubmedqa", BENCH / "pubmedqa", split="test")) == 500
    with pytest.raises(KeyError, match="unknown benchmark"):
        load_benchmark("medqa-xx", BENCH)


# ----------------------------------------------------------- malformed input (no files)


def test_missing_files_are_clear_errors(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_medqa(tmp_path)
    with pytest.raises(FileNotFoundError):
        load_mmlu_medical(tmp_path / "nothing")
    (tmp_path / "ori_pqal.json").write_text("{}")
    with pytest.raises(FileNotFoundError):
        load_pubmedqa(tmp_path, split="test")  # no test_ground_truth.json beside it
    with pytest.raises(ValueError, match="split"):
        load_pubmedqa(tmp_path, split="dev")  # type: ignore[arg-type]


def test_malformed_rows_name_the_line(tmp_path):
    good = {"question": "Q?", "options": {"A": "x", "B": "y"}, "answer_idx": "B"}
    p = tmp_path / "q.jsonl"
    p.write_text(json.dumps(good) + "\n\n" + "{not json\n")
    with pytest.raises(DatasetFormatError, match=r"q\.jsonl:3"):
        load_medqa(p)
    p.write_text(json.dumps({**good, "answer_idx": "E"}) + "\n")
    with pytest.raises(DatasetFormatError, match="answer 'E' is not an option"):
        load_medqa(p)
    p.write_text(json.dumps({"question": "Q", "options": {"A": "x"}}) + "\n")
    with pytest.raises(DatasetFormatError, match="missing field 'answer_idx'"):
        load_medqa(p)
    row = {"question": "Q", "opa": "1", "opb": "2", "opc": "3", "opd": "4", "cop": 0}
    p.write_text(json.dumps(row) + "\n")
    with pytest.raises(DatasetFormatError, match="'cop' must be 1-4"):
        load_medmcqa(p)
    p.write_text(json.dumps({**row, "cop": 4}) + "\n")
    (rec,) = load_medmcqa(p)
    assert rec.answer == "D" and rec.answer_text == "4" and rec.id == "00000"


def test_mmlu_rows_must_have_six_columns(tmp_path):
    (tmp_path / "anatomy_test.csv").write_text('Q,"a, b",c,d,e,C\nshort,row\n')
    with pytest.raises(DatasetFormatError, match="row 2: expected 6 columns"):
        load_mmlu_medical(tmp_path, subsets=["anatomy"])
    (tmp_path / "anatomy_test.csv").write_text('Q,"a, b",c,d,e,c\n')
    (rec,) = load_mmlu_medical(tmp_path, subsets=["anatomy"])
    assert rec.options["A"] == "a, b" and rec.answer == "C"


def test_record_validation():
    with pytest.raises(DatasetFormatError, match="lettered"):
        MCQRecord(id="1", source="x", question="q", options={"B": "x"}, answer="B")
    with pytest.raises(DatasetFormatError, match="empty question"):
        MCQRecord(id="1", source="x", question=" ", options={"A": "x"}, answer="A")
    r = MCQRecord(id="1", source="x", question="q", options={"A": "yes", "B": "no"}, answer="A")
    assert r.is_yes_no and r.uid == "x/1" and r.to_dict()["context"] == []
