"""``healthgym eval contamination``: n-gram overlap of generated tasks with benchmarks.

A benchmark file written in ``tmp_path`` that copies 13 words of a generated task is
found (with the shares computed by hand), a clean one is not, n-grams never cross a
segment boundary, and on the shared benchmarks (located relative to the repository)
no medical_qa task shares a 13-gram with MedQA, MedMCQA, MMLU-medical, PubMedQA or
MedCalc-Bench.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from healthgym.cli import app
from healthgym.domains import get_domain
from healthgym.eval.contamination import (
    contamination_report,
    item_segments,
    task_segments,
    words,
)
from healthgym.eval.items import Benchmark, EvalItem, ScoreResult
from shared_data import BENCHMARKS, needs_shared

SHARED = BENCHMARKS
needs_shared = needs_shared(SHARED)
runner = CliRunner()
CLEAN = "zebra quantum violin harbour marmalade telescope"


def _medqa_file(folder: Path, questions: list[str]) -> Path:
    """A MedQA-format file (the project's loader reads it) with these questions."""
    d = folder / "medqa_usmle_4opt"
    d.mkdir(parents=True)
    rows = [
        {
            "question": q,
            "options": {"A": "alpha", "B": "beta", "C": "gamma", "D": "delta"},
            "answer_idx": "A",
            "meta_info": "step1",
        }
        for q in questions
    ]
    (d / "phrases_no_exclude_test.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    return folder


def _thirteen_words_of_task0() -> list[str]:
    task = get_domain("medical_qa").make_task(0)
    toks = words(task.prompt)
    assert len(toks) >= 33
    return toks[20:33]


def _run(data_dir: Path, *extra: str) -> dict:
    args = ["eval", "contamination", "--data-dir", str(data_dir), "--benchmarks", "medqa"]
    args += ["--domains", "medical_qa", "--limit-per-domain", "2", "--format", "json", *extra]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout[result.stdout.index("{") :])


def test_words_are_lower_case_without_punctuation():
    assert words("Hello, World! 3.5 mg/dL (HbA1c) don't") == [
        "hello",
        "world",
        "3",
        "5",
        "mg",
        "dl",
        "hba1c",
        "don",
        "t",
    ]


def test_a_copied_13_gram_is_found(tmp_path):
    copied = _thirteen_words_of_task0()
    # the copy in upper case with punctuation: normalisation must still match it
    question = " ".join(w.upper() + "," for w in copied)
    report = _run(_medqa_file(tmp_path, [question, CLEAN]))
    b = report["by_benchmark"]["medqa"]
    assert set(b) >= {"items", "overlapping_items", "max_overlap"}
    assert b["items"] == 2
    # item 0000: one 13-gram (its question; options are one word), found; 6 8-grams, found
    assert b["overlapping_items"] == {"13": 1, "8": 1}
    assert b["max_overlap"] == {"13": 1.0, "8": 1.0}
    assert b["max_shared_ngrams"] == {"13": 1, "8": 6}
    [hit] = report["overlaps"]
    assert hit == {
        "benchmark": "medqa",
        "item": "0000",
        "task": "medical_qa-00000",
        "n": 13,
        "ngram": " ".join(copied),
        "shared_ngrams": 1,
        "item_ngrams": 1,
        "overlap": 1.0,
    }
    assert report["overlaps_total"] == 1
    assert report["tasks"] == {"medical_qa": 2}
    assert report["seconds"] > 0


def test_a_clean_benchmark_has_no_overlap(tmp_path):
    report = _run(_medqa_file(tmp_path, [CLEAN, CLEAN.upper() + " again and again"]))
    assert set(report) >= {"by_benchmark", "seconds", "overlaps", "overlaps_total"}
    b = report["by_benchmark"]["medqa"]
    assert b == {
        "items": 2,
        "overlapping_items": {"13": 0, "8": 0},
        "max_overlap": {"13": 0.0, "8": 0.0},
        "max_shared_ngrams": {"13": 0, "8": 0},
    }
    assert report["overlaps"] == [] and report["overlaps_total"] == 0


def test_ngrams_never_cross_a_segment_boundary():
    copied = " ".join(_thirteen_words_of_task0())
    first, second = copied.split()[:6], copied.split()[6:]

    def load(_d: Path) -> list[EvalItem]:
        # 6 words end the question, 7 words are option A: together the copied 13-gram
        return [
            EvalItem(
                id="split",
                benchmark="toy",
                kind="mcq",
                question="zebra quantum " + " ".join(first),
                gold="B",
                options={"A": " ".join(second), "B": "no"},
            ),
            EvalItem(id="whole", benchmark="toy", kind="long_form", question="q", gold=copied),
        ]

    toy = Benchmark("toy", "mcq", load, lambda i, a: ScoreResult(0.0, False))
    tasks = [("medical_qa-00000", [copied])]
    report = contamination_report(".", [toy], tasks=tasks)
    b = report["by_benchmark"]["toy"]
    assert b["items"] == 2
    assert b["overlapping_items"]["13"] == 1  # only the text gold answer ("whole")
    assert [e["item"] for e in report["overlaps"]] == ["whole"]
    assert item_segments(load(Path())[1]) == ["q", copied]


def test_task_text_holds_the_reference_tool_outputs():
    domain = get_domain("medical_qa")
    task = domain.make_task(3)  # searches the knowledge base, reads a passage, submits
    segments = task_segments(task, domain)
    assert segments[0] == task.prompt
    outputs = [s for s in segments[1:] if s not in (task.reference.answer.values())]
    assert len(outputs) == 2  # search_knowledge and read_passage
    assert task.reference.answer["rationale"] in segments


def test_text_format_and_bad_arguments(tmp_path):
    data = _medqa_file(tmp_path, [CLEAN])
    args = ["eval", "contamination", "--data-dir", str(data), "--benchmarks", "medqa"]
    result = runner.invoke(app, [*args, "--domains", "medical_qa", "--limit-per-domain", "1"])
    assert result.exit_code == 0, result.output
    assert "overlap@13" in result.stdout and "medqa" in result.stdout
    result = runner.invoke(app, [*args, "--format", "xml"])
    assert result.exit_code == 2 and "json" in result.output
    result = runner.invoke(app, [*args, "--domains", "nope"])
    assert result.exit_code == 2 and "unknown domain" in result.output


@needs_shared
def test_medical_qa_tasks_share_no_13_gram_with_the_shared_benchmarks():
    report = contamination_report(SHARED, domains=["medical_qa"], limit_per_domain=60)
    items = {b: s["items"] for b, s in report["by_benchmark"].items()}
    assert items == {
        "medqa": 1273,
        "medmcqa": 4183,
        "mmlu_medical": 1089,
        "pubmedqa": 500,
        "medcalc": 164,
    }
    for name, s in report["by_benchmark"].items():
        assert s["overlapping_items"]["13"] == 0, (name, report["overlaps"][:3])
    # the 8-gram overlaps are stock question stems, not copied content
    assert report["top_ngrams"]["8"][0]["ngram"].startswith("which of the following is the")
