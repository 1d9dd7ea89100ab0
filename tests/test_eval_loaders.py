"""Evaluation loaders and registry: exact counts on the shared benchmark files, gold
answers kept out of what the policy sees, and a clear DatasetFormatError for every
malformed file."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from healthgym.datasets import DatasetFormatError
from healthgym.eval.items import Benchmark, EvalItem
from healthgym.eval.loaders.ehrsql import (
    DB_ENV,
    load_ehrsql_for_eval,
    load_ehrsql_items,
)
from healthgym.eval.loaders.longform import (
    load_question_list_items,
)
from healthgym.eval.loaders.mcq import load_pubmedqa_items
from healthgym.eval.loaders.medcalc import load_medcalc_items
from healthgym.eval.loaders.vqa import load_vqa_items
from healthgym.eval.registry import BENCHMARKS, benchmark_names, get_benchmark
from shared_data import BENCHMARKS as SHARED_BENCHMARKS
from shared_data import needs_shared

BENCH = SHARED_BENCHMARKS
needs_files = needs_shared(BENCH)


@cache
def loaded(name: str) -> tuple[EvalItem, ...]:
    return tuple(get_benchmark(name).load(BENCH))


# ----------------------------------------------------------------------------- registry
def test_registry_names_and_lookup():
    assert benchmark_names() == [
        "medqa",
        "medmcqa",
        "mmlu_medical",
        "pubmedqa",
        "mirage",
        "medcalc",
        "kqa",
        "liveqa",
        "medicationqa",
        "healthsearchqa",
        "ehrsql",
        "vqa_rad",
        "slake",
        "pathvqa",
        "vqa",
    ]
    assert all(isinstance(b, Benchmark) and b.name == n for n, b in BENCHMARKS.items())
    assert get_benchmark(" MedQA ") is BENCHMARKS["medqa"]
    assert get_benchmark("medcalc").tools == ("knowledge", "calculators")
    assert get_benchmark("ehrsql").kind == "sql"
    with pytest.raises(KeyError, match=r"unknown benchmark 'nope'; registered: medqa, medmcqa"):
        get_benchmark("nope")


# ------------------------------------------------------------------- counts (shared files)
EXPECTED = {
    "medqa": 1273,
    "medmcqa": 4183,
    "mmlu_medical": 1089,
    "pubmedqa": 500,
    "mirage": 7663,
    "medcalc": 164,
    "kqa": 201,
    "liveqa": 104,
    "medicationqa": 690,
}


@needs_files
@pytest.mark.parametrize(("name", "count"), EXPECTED.items())
def test_counts_on_shared_files(name, count):
    items = loaded(name)
    assert len(items) == count
    assert len({i.uid for i in items}) == count
    b = get_benchmark(name)
    assert all(i.benchmark == name and i.kind == b.kind for i in items)


@needs_files
def test_mcq_gold_distribution():
    assert Counter(i.gold for i in loaded("medqa")) == {"A": 353, "C": 346, "B": 309, "D": 265}
    assert Counter(i.meta["subject"] for i in loaded("mirage")) == {
        "medmcqa": 4183,
        "medqa": 1273,
        "mmlu": 1089,
        "bioasq": 618,
        "pubmedqa": 500,
    }
    for item in loaded("medmcqa")[:50]:
        assert "exp" not in item.meta  # the explanation gives the answer away


@needs_files
def test_pubmedqa_official_test_split():
    items = loaded("pubmedqa")
    truth = json.loads((BENCH / "pubmedqa" / "test_ground_truth.json").read_text())
    assert {i.id: i.gold for i in items} == truth
    assert Counter(i.gold for i in items) == {"yes": 276, "no": 169, "maybe": 55}
    assert len(load_pubmedqa_items(BENCH, split="all")) == 1000
    item = items[0]
    assert item.kind == "yes_no" and item.options == {"A": "yes", "B": "no", "C": "maybe"}
    assert item.context and "long_answer" not in item.meta


@needs_files
def test_medcalc_rows():
    items = loaded("medcalc")
    assert Counter(i.meta["output_type"] for i in items) == {
        "decimal": 101,
        "integer": 57,
        "date": 6,
    }
    assert len({i.meta["calculator_id"] for i in items}) == 55
    first = items[0]
    assert first.id == "dev_data-1" and first.gold == "25.238"
    assert first.meta["lower"] == "23.9761" and first.meta["upper"] == "26.4999"
    assert first.meta["output_type"] == "decimal" and first.meta["calculator_id"] == 2
    assert "explanation" not in first.meta and "entities" not in first.meta
    assert len(first.context) == 1 and first.context[0].startswith("An 87-year-old man")
    ga = [i for i in items if i.meta["calculator_id"] == 69]
    assert ga[0].gold == "('0 weeks', '6 days')"


@needs_files
def test_medcalc_reads_every_csv_in_the_folder(tmp_path):
    folder = tmp_path / "medcalc_bench"
    folder.mkdir()
    lines = (BENCH / "medcalc_bench" / "dev_data.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(lines)))
    for name, part in (("a.csv", rows[1:4]), ("b.csv", rows[4:6])):
        with (folder / name).open("w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows([rows[0], *part])
    items = load_medcalc_items(tmp_path)
    assert [i.id for i in items] == ["a-1", "a-2", "a-3", "b-21", "b-22"]


@needs_files
def test_longform_items():
    kqa = loaded("kqa")
    assert sum(len(i.meta["must_have"]) for i in kqa) == 889
    assert sum(len(i.meta["nice_to_have"]) for i in kqa) == 697
    assert kqa[0].question.startswith("Alright so I dont know much about Lexapro")
    liveqa = loaded("liveqa")
    assert sum(len(i.gold) for i in liveqa) == 167  # reference answers
    assert (liveqa[0].id, liveqa[-1].id) == ("TQ1", "TQ104")
    assert liveqa[0].question.startswith("Noonan syndrome\n\nWhat are the references")
    med = loaded("medicationqa")
    assert med[0].question == "how does rivatigmine and otc sleep medicine interact"
    assert med[0].meta["focus"] == "rivastigmine"
    for items in (kqa, liveqa, med):
        for item in items:
            golds = [item.gold] if isinstance(item.gold, str) else list(item.gold)
            shown = " ".join([item.question, *item.context, *item.options.values()])
            assert not any(g in shown for g in golds)
            assert item.options == {} and item.image is None


@needs_files
def test_ehrsql_valid_and_test_splits(monkeypatch):
    monkeypatch.delenv(DB_ENV, raising=False)
    items = load_ehrsql_items(BENCH)
    assert len(items) == 1163
    assert sum(not i.meta["answerable"] for i in items) == 232
    assert all((i.gold is None) == (not i.meta["answerable"]) for i in items)
    answers = json.loads((BENCH / "ehrsql_2024_mimic_iv" / "valid" / "answer.json").read_text())
    assert all(str(i.gold) == answers[i.id] for i in items if i.gold is not None)
    first = items[0]
    assert first.id == "b9bf51c5e3af21242ac2e487" and first.gold == [["iv"]]
    assert first.meta["sql"].startswith("SELECT DISTINCT prescriptions.route")
    assert first.meta["db_path"] is None
    schema = first.context[0]
    lines = schema.splitlines()
    assert lines[0] == "Database schema (SQLite):" and len(lines) == 1 + 17 + 1
    assert lines[10].startswith("prescriptions(row_id number, subject_id number")
    assert lines[-1].startswith("The current time is 2100-12-31 23:59:00")
    assert all(i.meta["sql"] is None or i.meta["sql"] not in schema for i in items)
    assert len(load_ehrsql_items(BENCH, split="test")) == 1167


@needs_files
def test_ehrsql_registry_loader_needs_the_database(tmp_path, monkeypatch):
    monkeypatch.delenv(DB_ENV, raising=False)
    with pytest.raises(FileNotFoundError, match=r"mimic_iv\.sqlite"):
        get_benchmark("ehrsql").load(BENCH)
    db = tmp_path / "demo.sqlite"
    sqlite3.connect(db).close()
    monkeypatch.setenv(DB_ENV, str(db))
    items = load_ehrsql_for_eval(BENCH)
    assert len(items) == 1163 and {i.meta["db_path"] for i in items} == {str(db)}
    monkeypatch.setenv(DB_ENV, str(tmp_path / "missing.sqlite"))
    with pytest.raises(FileNotFoundError, match=r"missing\.sqlite"):
        load_ehrsql_items(BENCH)


def test_missing_benchmark_folders_are_reported(tmp_path):
    for name in ("medcalc", "kqa", "liveqa", "medicationqa", "healthsearchqa", "vqa_rad"):
        with pytest.raises(FileNotFoundError):
            get_benchmark(name).load(tmp_path)


# ------------------------------------------------------------------------- VQA folders
def _image(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x89PNG\r\n\x1a\n")


def test_vqa_rad_style_folder(tmp_path):
    folder = tmp_path / "vqa_rad"
    _image(folder / "VQA_RAD Image Folder" / "synpic1.jpg")
    records = [
        {
            "qid": 7,
            "image_name": "synpic1.jpg",
            "question": "Is there a fracture?",
            "answer": "Yes",
            "answer_type": "CLOSED",
        },
        {
            "qid": 8,
            "image_name": "synpic1.jpg",
            "question": "Which organ?",
            "answer": "Left lung",
            "answer_type": "OPEN",
        },
    ]
    (folder / "VQA_RAD Dataset Public.json").write_text(json.dumps(records))
    items = get_benchmark("vqa_rad").load(tmp_path)
    assert [(i.id, i.gold, i.meta["answer_type"]) for i in items] == [
        ("7", "Yes", "closed"),
        ("8", "Left lung", "open"),
    ]
    assert items[0].image == str(folder / "VQA_RAD Image Folder" / "synpic1.jpg")
    assert all(i.kind == "vqa" and i.benchmark == "vqa_rad" for i in items)
    assert all(i.gold not in i.question for i in items)


def test_slake_style_folder_keeps_english(tmp_path):
    folder = tmp_path / "slake"
    _image(folder / "imgs" / "xmlab1" / "source.jpg")
    rows = [
        {"qid": 1, "img_name": "xmlab1/source.jpg", "question": "Is this a CT?", "answer": "No",
         "answer_type": "CLOSED", "q_lang": "en"},
        {"qid": 2, "img_name": "xmlab1/source.jpg", "question": "这是CT吗?", "answer": "不是",
         "answer_type": "CLOSED", "q_lang": "zh"},
        {"qid": 3, "img_name": "xmlab1/source.jpg", "question": "Which plane?",
         "answer": "Transverse Plane", "answer_type": "OPEN", "q_lang": "en"},
    ]  # fmt: skip
    (folder / "train.json").write_text(json.dumps(rows[:1]))
    (folder / "test.json").write_text(json.dumps(rows))
    items = get_benchmark("slake").load(tmp_path)
    assert [i.id for i in items] == ["1", "3"]
    assert len(load_vqa_items(folder, languages=None)) == 3


def test_pathvqa_style_jsonl_infers_answer_type(tmp_path):
    folder = tmp_path / "pathvqa"
    _image(folder / "images" / "test_0001.jpg")
    lines = [
        {"image": "test_0001.jpg", "question": "Is this necrosis?", "answer": "yes"},
        {"image": "test_0001.jpg", "question": "What is present?", "answer": "granuloma"},
        {"image": "test_0001.jpg", "question": "How many nuclei?", "answer": 3},
    ]
    (folder / "test.jsonl").write_text("\n".join(json.dumps(x) for x in lines))
    items = get_benchmark("pathvqa").load(tmp_path)
    assert [(i.id, i.gold, i.meta["answer_type"]) for i in items] == [
        ("00000", "yes", "closed"),
        ("00001", "granuloma", "open"),
        ("00002", "3", "open"),
    ]


# ---------------------------------------------------------------- HealthSearchQA lists
def test_question_lists_in_every_format(tmp_path):
    folder = tmp_path / "healthsearchqa"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Are benign brain tumors serious?\n\n  How do you get rid of flu? \n"
    )
    (folder / "b.csv").write_text("id,question\n1,What does a high CRP mean?\n2,\n")
    (folder / "c.jsonl").write_text('{"question": "Can you die from a panic attack?"}\n')
    (folder / "d.json").write_text(json.dumps(["Is eczema contagious?", {"question": "Why?"}]))
    items = get_benchmark("healthsearchqa").load(tmp_path)
    assert [i.question for i in items] == [
        "Are benign brain tumors serious?",
        "How do you get rid of flu?",
        "What does a high CRP mean?",
        "Can you die from a panic attack?",
        "Is eczema contagious?",
        "Why?",
    ]
    assert items[0].id == "a-0000" and all(i.gold is None for i in items)
    headerless = tmp_path / "plain.csv"
    headerless.write_text("Is it serious?\nCan it spread?\n")
    assert [i.question for i in load_question_list_items(headerless)] == [
        "Is it serious?",
        "Can it spread?",
    ]


# ------------------------------------------------------------------- malformed files
def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


MEDCALC_HEADER = (
    "Row Number,Calculator ID,Calculator Name,Category,Output Type,Note ID,Note Type,"
    "Patient Note,Question,Relevant Entities,Ground Truth Answer,Lower Limit,Upper Limit,"
    "Ground Truth Explanation\n"
)


@pytest.mark.parametrize(
    ("relpath", "content", "name", "message"),
    [
        ("medqa_usmle_4opt/phrases_no_exclude_test.jsonl", "{not json\n", "medqa", "invalid JSON"),
        ("medmcqa/dev.jsonl", json.dumps({"question": "q", "opa": "a", "opb": "b", "opc": "c",
         "opd": "d", "cop": 7}), "medmcqa", "'cop' must be 1-4"),
        ("pubmedqa/ori_pqal.json", "[1, 2]", "pubmedqa", "expected a JSON object"),
        ("mirage/benchmark.json", '{"medqa": {"1": {"question": "q"}}}', "mirage",
         "missing field 'options'"),
        ("medcalc_bench/x.csv", "Row Number,Question\n1,q\n", "medcalc", "missing columns"),
        ("medcalc_bench/x.csv", MEDCALC_HEADER + '1,2,CrCl,lab,decimal,1,x,note,q,"{\'a\': ",'
         "5,4,6,e\n", "medcalc", "malformed MedCalc-Bench row"),
        ("medcalc_bench/x.csv", MEDCALC_HEADER + '1,2,CrCl,lab,fraction,1,x,note,q,{},5,4,6,e\n',
         "medcalc", "unknown Output Type 'fraction'"),
        ("medcalc_bench/x.csv", MEDCALC_HEADER + "1,2,CrCl,lab,decimal,1,x,note,q,{},5,,,e\n",
         "medcalc", "decimal row without numeric limits"),
        ("k_qa/questions_w_answers.jsonl", json.dumps({"Question": "q", "Free_form_answer": "a",
         "Must_have": "not a list", "Nice_to_have": []}), "kqa", "'Must_have' must be a list"),
        ("k_qa/questions_w_answers.jsonl", json.dumps({"Question": "q", "Must_have": ["s"],
         "Nice_to_have": []}), "kqa", "missing field 'Free_form_answer'"),
        ("k_qa/questions_w_answers.jsonl", "[1]\n", "kqa", "expected a JSON object per line"),
        ("liveqa_trec2017/liveqa_medical_test.jsonl", json.dumps({"qid": "TQ1", "message": "m",
         "reference_answers": []}), "liveqa", "'reference_answers' must be a non-empty list"),
        ("medicationqa/medicationqa.csv", "Q,A\nx,y\n", "medicationqa",
         "expected columns 'Question' and 'Answer'"),
        ("medicationqa/medicationqa.csv", "Question,Answer\nwhat?,\n", "medicationqa",
         "row 2: empty Question or Answer"),
        ("healthsearchqa/q.json", '{"question": "x"}', "healthsearchqa", "expected a JSON list"),
        ("healthsearchqa/q.jsonl", '{"text": "x"}\n', "healthsearchqa", "missing field 'question'"),
        ("healthsearchqa/q.txt", "\n\n", "healthsearchqa", "no questions found"),
        ("vqa/test.json", '[{"image": "a.png", "question": "q", "answer": "yes"}]', "vqa",
         "image 'a.png' not found"),
        ("vqa/test.json", '[{"image": "x", "question": "q", "answer": {"a": 1}}]', "vqa",
         "'answer' must be a string or a number"),
        ("vqa/test.json", '{"data": 5}', "vqa", "expected a list of question records"),
    ],
)  # fmt: skip
def test_malformed_files_raise_dataset_format_error(tmp_path, relpath, content, name, message):
    path = _write(tmp_path / relpath, content)
    with pytest.raises(DatasetFormatError, match=message) as info:
        get_benchmark(name).load(tmp_path)
    assert path.name in str(info.value) or path.parent.name in str(info.value)


MMLU_SUBSETS = (
    "anatomy",
    "clinical_knowledge",
    "college_biology",
    "college_medicine",
    "medical_genetics",
    "professional_medicine",
)


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        ("q,a,b,c,D\n", "expected 6 columns, got 5"),
        ("q,a,b,c,d,E\n", "answer 'E' is not an option"),
    ],
)
def test_malformed_mmlu(tmp_path, bad_row, message):
    for subset in MMLU_SUBSETS:
        _write(tmp_path / "mmlu_medical" / f"{subset}_test.csv", "q,a,b,c,d,A\n")
    assert len(get_benchmark("mmlu_medical").load(tmp_path)) == 6
    _write(tmp_path / "mmlu_medical" / "anatomy_test.csv", "q,a,b,c,d,A\n" + bad_row)
    with pytest.raises(DatasetFormatError, match=message):
        get_benchmark("mmlu_medical").load(tmp_path)


@pytest.mark.parametrize(
    ("relpath", "content", "name"),
    [
        ("medqa_usmle_4opt/phrases_no_exclude_test.jsonl", b"\xff\xfe{", "medqa"),
        ("mirage/benchmark.json", b'{"medqa": [1, 2]}', "mirage"),
        ("k_qa/questions_w_answers.jsonl", b"\xff\xfe{", "kqa"),
        ("medicationqa/medicationqa.csv", b"Question,Answer\n\xff,\xfe\n", "medicationqa"),
        ("vqa/test.json", b"\x00\xff", "vqa"),
    ],
)
def test_binary_or_misshapen_files(tmp_path, relpath, content, name):
    path = tmp_path / relpath
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with pytest.raises(DatasetFormatError, match=r"malformed|not UTF-8|invalid JSON"):
        get_benchmark(name).load(tmp_path)


def test_malformed_vqa_folders(tmp_path):
    folder = tmp_path / "vqa"
    _image(folder / "a.png")
    _write(folder / "one.json", '[{"image": "a.png", "question": "q", "answer": "x"}]')
    _write(folder / "two.json", "[]")
    with pytest.raises(DatasetFormatError, match=r"several annotation files \(one.json, two"):
        get_benchmark("vqa").load(tmp_path)
    _write(folder / "test.json", json.dumps([{"image": "a.png", "question": "q", "answer": "x",
                                              "answer_type": "maybe"}]))  # fmt: skip
    with pytest.raises(DatasetFormatError, match="answer_type must be CLOSED or OPEN"):
        get_benchmark("vqa").load(tmp_path)


def _ehrsql_split(root: Path, data: object, labels: object, answers: object) -> None:
    split = root / "ehrsql_2024_mimic_iv" / "valid"
    _write(split / "data.json", json.dumps(data))
    _write(split / "label.json", json.dumps(labels))
    _write(split / "answer.json", json.dumps(answers))


@pytest.mark.parametrize(
    ("data", "labels", "answers", "message"),
    [
        ([1], {}, {}, r"expected \{'version', 'data'"),
        ({"data": [{"id": "a", "question": "q"}]}, {}, {"a": "null"}, "no SQL label for id a"),
        ({"data": [{"id": "a", "question": "q"}]}, {"a": "SELECT 1"}, {}, "no answer for id a"),
        ({"data": [{"id": "a", "question": "q"}]}, {"a": "SELECT 1"}, {"a": "rows"},
         "answer is not a list of rows"),
        ({"data": [{"id": "a", "question": "q"}]}, {"a": "null"}, {"a": "[['1']]"},
         "disagree on answerability"),
        ({"data": [{"id": "a"}]}, {"a": "null"}, {"a": "null"}, "missing 'id' or 'question'"),
    ],
)  # fmt: skip
def test_malformed_ehrsql(tmp_path, monkeypatch, data, labels, answers, message):
    monkeypatch.delenv(DB_ENV, raising=False)
    _ehrsql_split(tmp_path, data, labels, answers)
    with pytest.raises(DatasetFormatError, match=message):
        load_ehrsql_items(tmp_path)


def test_ehrsql_without_answer_file_keeps_gold_sql(tmp_path, monkeypatch):
    monkeypatch.delenv(DB_ENV, raising=False)
    split = tmp_path / "ehrsql_2024_mimic_iv" / "valid"
    _write(split / "data.json", json.dumps({"data": [{"id": "a", "question": "How many?"}]}))
    _write(split / "label.json", json.dumps({"a": "SELECT COUNT(*) FROM patients"}))
    (item,) = load_ehrsql_items(tmp_path)
    assert item.gold is None and item.meta["answerable"] is True
    assert item.meta["sql"] == "SELECT COUNT(*) FROM patients" and item.context == ()
