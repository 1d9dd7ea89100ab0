"""Long-form consumer-health QA benchmarks as ``long_form`` items.

* K-QA (Manes et al., 2024; github.com/Itaymanes/K-QA): ``questions_w_answers.jsonl``,
  201 physician-answered questions with a free-form answer and must-have /
  nice-to-have statements (gold = the free-form answer; statements in ``meta``).
  The 1,212 unanswered ``questions.jsonl`` are not loaded: they have nothing to
  score against but a judge.
* LiveQA TREC-2017 medical test (Ben Abacha et al., TREC 2017): the converted
  ``liveqa_medical_test.jsonl``, 104 questions, each with one or more reference
  answers (gold = the tuple of reference answer texts).  The question is the
  consumer's message, preceded by its subject line when it has one.
* MedicationQA (Ben Abacha et al., MEDINFO 2019): ``medicationqa.csv``, one item per
  row (a question with several answer types has one row per type), 690 rows.
* HealthSearchQA-style question lists (Singhal et al., Nature 2023): plain questions
  in ``.txt`` (one per line), ``.csv`` (a ``question`` column, else the first column),
  ``.jsonl`` (``{"question": ...}`` per line) or ``.json`` (a list of strings or of such
  objects); no reference answers (gold ``None``), so only a judge can score them.
"""

from __future__ import annotations

import csv
from pathlib import Path

from ...datasets import DatasetFormatError
from ...datasets.loaders import read_jsonl
from ..items import EvalItem
from ._files import need, need_strings, need_text, read_csv, read_json, resolve, text

KQA_FOLDER, KQA_FILE = "k_qa", "questions_w_answers.jsonl"
LIVEQA_FOLDER, LIVEQA_FILE = "liveqa_trec2017", "liveqa_medical_test.jsonl"
MEDICATIONQA_FOLDER, MEDICATIONQA_FILE = "medicationqa", "medicationqa.csv"
HEALTHSEARCHQA_FOLDER = "healthsearchqa"
QUESTION_LIST_SUFFIXES = (".txt", ".csv", ".jsonl", ".json")


def load_kqa_items(data_dir: str | Path) -> list[EvalItem]:
    """K-QA's 201 answered questions."""
    path = resolve(data_dir, KQA_FOLDER, KQA_FILE)
    items = []
    for i, (n, row) in enumerate(read_jsonl(path)):
        where = f"{path}:{n}"
        must = need_strings(row, "Must_have", where)
        if not must:
            raise DatasetFormatError(f"{where}: no Must_have statements")
        items.append(
            EvalItem(
                id=f"{i:04d}",
                benchmark="kqa",
                kind="long_form",
                question=need_text(row, "Question", where),
                gold=need_text(row, "Free_form_answer", where),
                meta={
                    "must_have": list(must),
                    "nice_to_have": list(need_strings(row, "Nice_to_have", where)),
                    "icd10": text(row.get("ICD_10_diag")),
                },
            )
        )
    return items


def load_liveqa_items(data_dir: str | Path) -> list[EvalItem]:
    """LiveQA TREC-2017 medical test: 104 questions with reference answers."""
    path = resolve(data_dir, LIVEQA_FOLDER, LIVEQA_FILE)
    items = []
    for n, row in read_jsonl(path):
        where = f"{path}:{n}"
        qid = need_text(row, "qid", where)
        message = need_text(row, "message", where)
        refs = need(row, "reference_answers", where)
        if not isinstance(refs, list) or not refs:
            raise DatasetFormatError(f"{where}: 'reference_answers' must be a non-empty list")
        answers = []
        for j, ref in enumerate(refs):
            if not isinstance(ref, dict) or not text(ref.get("answer")):
                raise DatasetFormatError(f"{where}: reference answer {j} has no 'answer' text")
            answers.append(text(ref["answer"]))
        subject = text(row.get("subject"))
        items.append(
            EvalItem(
                id=qid,
                benchmark="liveqa",
                kind="long_form",
                question=f"{subject}\n\n{message}" if subject else message,
                gold=tuple(answers),
                meta={
                    "subject": subject,
                    "nlm_summary": text(row.get("nlm_summary")),
                    "reference_urls": [text(r.get("url")) for r in refs],
                    "types": [text(t.get("text")) for t in row.get("types") or []],
                },
            )
        )
    return items


def load_medicationqa_items(data_dir: str | Path) -> list[EvalItem]:
    """MedicationQA: one item per CSV row (690 in the converted file)."""
    path = resolve(data_dir, MEDICATIONQA_FOLDER, MEDICATIONQA_FILE)
    rows = read_csv(path)
    if rows and not {"Question", "Answer"} <= set(rows[0]):
        raise DatasetFormatError(
            f"{path}: expected columns 'Question' and 'Answer', got {list(rows[0])}"
        )
    items = []
    for i, row in enumerate(rows):
        where = f"{path} row {i + 2}"
        question, answer = text(row.get("Question")), text(row.get("Answer"))
        if not question or not answer:
            raise DatasetFormatError(f"{where}: empty Question or Answer")
        items.append(
            EvalItem(
                id=f"{i:04d}",
                benchmark="medicationqa",
                kind="long_form",
                question=question,
                gold=answer,
                meta={
                    "focus": text(row.get("Focus (Drug)")),
                    "question_type": text(row.get("Question Type")),
                    "section": text(row.get("Section Title")),
                    "url": text(row.get("URL")),
                },
            )
        )
    return items


def _questions_in(path: Path) -> list[str]:
    suffix = path.suffix.lower()
    if suffix == ".txt":
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError:
            raise DatasetFormatError(f"{path}: not UTF-8 text") from None
        return [ln.strip() for ln in lines if ln.strip()]
    if suffix == ".csv":
        try:
            with path.open(encoding="utf-8-sig", newline="") as f:
                table = list(csv.reader(f))
        except (csv.Error, UnicodeDecodeError) as e:
            raise DatasetFormatError(f"{path}: malformed CSV ({e})") from None
        if not table:
            return []
        header = [h.strip().lower() for h in table[0]]
        col = header.index("question") if "question" in header else 0
        body = table[1:] if "question" in header else table
        return [r[col].strip() for r in body if len(r) > col and r[col].strip()]
    if suffix == ".jsonl":
        return [need_text(row, "question", f"{path}:{n}") for n, row in read_jsonl(path)]
    data = read_json(path)
    if not isinstance(data, list):
        raise DatasetFormatError(f"{path}: expected a JSON list of questions")
    out = []
    for j, entry in enumerate(data):
        if isinstance(entry, str) and entry.strip():
            out.append(entry.strip())
        elif isinstance(entry, dict):
            out.append(need_text(entry, "question", f"{path}[{j}]"))
        else:
            raise DatasetFormatError(f"{path}[{j}]: expected a question string or object")
    return out


def load_question_list_items(
    data_dir: str | Path, benchmark: str = "healthsearchqa"
) -> list[EvalItem]:
    """HealthSearchQA-style questions: a list file, or every list file in
    ``data_dir/healthsearchqa`` (or ``data_dir``), sorted by name; gold ``None``."""
    p = Path(data_dir)
    if p.is_file():
        files = [p]
    else:
        folder = p / HEALTHSEARCHQA_FOLDER if (p / HEALTHSEARCHQA_FOLDER).is_dir() else p
        files = sorted(f for f in folder.iterdir() if f.suffix.lower() in QUESTION_LIST_SUFFIXES)
        if not files:
            raise FileNotFoundError(
                f"no HealthSearchQA-style question list: expected {p / HEALTHSEARCHQA_FOLDER}/ "
                "(or a folder or file given directly) with .txt, .csv, .jsonl or .json questions"
            )
    items = []
    for f in files:
        if f.suffix.lower() not in QUESTION_LIST_SUFFIXES:
            raise DatasetFormatError(f"{f}: a question list must be .txt, .csv, .jsonl or .json")
        for j, q in enumerate(_questions_in(f)):
            items.append(
                EvalItem(
                    id=f"{f.stem}-{j:04d}",
                    benchmark=benchmark,
                    kind="long_form",
                    question=q,
                    gold=None,
                    meta={"reference_free": True, "file": f.name},
                )
            )
    if not items:
        raise DatasetFormatError(f"no questions found in {', '.join(map(str, files))}")
    return items
