"""``healthgym eval --trials K``: pass^k, pass@k and run-to-run noise per benchmark.

A tiny benchmark defined here, answered by a fake model whose answer depends on the
trial's sampling seed, gives numbers computed by hand; scripted policies are
deterministic (lazy, oracle: pass^k = pass@k = pass^1 and no run-to-run spread)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

import pytest
from typer.testing import CliRunner

from healthgym.cli import app
from healthgym.eval import EvalConfig, run_eval
from healthgym.eval.items import Benchmark, EvalItem, ScoreResult
from healthgym.eval.records import read_records
from healthgym.eval.report import write_report
from healthgym.eval.scorers.choice import score_choice
from healthgym.eval.summary import summarize
from shared_data import BENCHMARKS, needs_shared

OPTIONS = {"A": "aspirin", "B": "heparin", "C": "warfarin", "D": "alteplase"}
ITEMS = [
    EvalItem(id=f"q{i}", benchmark="tiny", kind="mcq", question=f"Question {i}?", gold=g,
             options=dict(OPTIONS))
    for i, g in enumerate("ABC")
]  # fmt: skip
TINY = Benchmark("tiny", "mcq", lambda d: list(ITEMS), lambda i, a: score_choice(i, a))
# the fake model's answer to each question under sampling seed 0, 1, 2 (trials 0-2):
# q0 always right (3 of 3), q1 right in trials 0 and 2 (2 of 3), q2 never (0 of 3)
ANSWERS = {"Question 0?": "AAA", "Question 1?": "BDB", "Question 2?": "DDD"}


@dataclass
class _Gen:
    text: str
    completion_tokens: int = 1
    finish_reason: str = "stop"


class _Session:
    def __init__(self, prompt: str) -> None:
        self.prompt = prompt
        self.seed: int | None = None

    def set_seed(self, seed: int) -> None:
        self.seed = seed

    async def generate(self, max_new_tokens: int | None = None) -> _Gen:
        question = next(q for q in ANSWERS if q in self.prompt)
        assert self.seed is not None, "the trial's seed was not set"
        return _Gen(f"The answer is {ANSWERS[question][self.seed]}.")

    def close(self) -> None:
        pass


class SeededModel:
    """A model policy whose answer is a function of the question and the seed."""

    name = "seeded"

    def start(self, task: Any, observation: str, info: dict[str, Any]) -> _Session:
        return _Session(observation)

    async def aclose(self) -> None:
        pass


def test_pass_hat_k_by_hand(tmp_path):
    cfg = EvalConfig(benchmarks=["tiny"], data_dir=".", policy="openai", trials=3, resamples=200)
    summary = run_eval(cfg, tmp_path, [TINY], agent=SeededModel())
    b = summary["by_benchmark"]["tiny"]
    assert b["trials"] == 3 and b["n"] == 3 and b["records"] == 9
    # per item c of n=3: 3, 2, 0
    # pass^k = mean C(c,k)/C(3,k): k=1 (1 + 2/3 + 0)/3, k=2 (1 + 1/3 + 0)/3, k=3 (1 + 0 + 0)/3
    assert b["pass_hat_k"] == pytest.approx({"1": 5 / 9, "2": 4 / 9, "3": 1 / 3})
    # pass@k = mean 1 - C(3-c,k)/C(3,k): k=1 (1 + 2/3 + 0)/3, k=2 (1 + 1 + 0)/3, k=3 the same
    assert b["pass_at_k"] == pytest.approx({"1": 5 / 9, "2": 2 / 3, "3": 2 / 3})
    assert b["accuracy"] == pytest.approx(5 / 9)  # = pass^1, the mean per-item rate
    rate = b["success_rate"]
    assert rate["mean"] == pytest.approx(5 / 9)
    assert rate["std"] == pytest.approx(math.sqrt(14 / 81))  # rates 1, 2/3, 0
    assert (rate["min"], rate["max"]) == (0.0, 1.0)
    assert rate["histogram"] == {"0": 1, "1": 0, "2": 1, "3": 1}
    # trial accuracies 2/3, 1/3, 2/3: sample std sqrt(((1/9)^2 + (2/9)^2 + (1/9)^2) / 2)
    assert b["trial_accuracy"] == pytest.approx([2 / 3, 1 / 3, 2 / 3])
    assert b["run_std"] == pytest.approx(math.sqrt(1 / 27))
    # the interval resamples the 3 items (rates 1, 2/3, 0), not the 9 records
    assert 0.0 <= b["ci95"][0] <= 5 / 9 <= b["ci95"][1] <= 1.0
    recs = read_records(tmp_path / "records.jsonl")
    assert [(r["id"], r["trial"], r["seed"]) for r in recs[:4]] == [
        ("q0", 0, 0),
        ("q1", 0, 0),
        ("q2", 0, 0),
        ("q0", 1, 1),
    ]
    assert summary["overall"]["micro_accuracy"] == pytest.approx(5 / 9)
    assert summary["config"]["trials"] == 3


@pytest.mark.parametrize("mode", ["direct", "agentic"])
@pytest.mark.parametrize("policy", ["lazy", "oracle"])
def test_scripted_policies_are_deterministic(tmp_path, policy, mode):
    cfg = EvalConfig(
        benchmarks=["tiny"], data_dir=".", policy=policy, mode=mode, trials=3, resamples=50
    )
    b = run_eval(cfg, tmp_path, [TINY])["by_benchmark"]["tiny"]
    acc = 1.0 if policy == "oracle" else 1 / 3  # lazy answers A: right on q0 only
    assert b["accuracy"] == pytest.approx(acc)
    assert b["pass_hat_k"] == pytest.approx({"1": acc, "2": acc, "3": acc})
    assert b["pass_at_k"] == pytest.approx({"1": acc, "2": acc, "3": acc})
    assert b["run_std"] == 0.0
    assert b["success_rate"]["histogram"] == (
        {"0": 0, "1": 0, "2": 0, "3": 3} if policy == "oracle" else {"0": 2, "1": 0, "2": 0, "3": 1}
    )


def test_random_policy_draws_per_trial(tmp_path):
    many = [
        EvalItem(id=f"r{i}", benchmark="rnd", kind="mcq", question=f"R{i}?", gold="A",
                 options=dict(OPTIONS))
        for i in range(40)
    ]  # fmt: skip
    bench = Benchmark("rnd", "mcq", lambda d: list(many), lambda i, a: score_choice(i, a))
    cfg = EvalConfig(benchmarks=["rnd"], data_dir=".", policy="random", trials=4, resamples=50)
    b = run_eval(cfg, tmp_path, [bench])["by_benchmark"]["rnd"]
    recs = read_records(tmp_path / "records.jsonl")
    by_item: dict[str, set[str]] = {}
    for r in recs:
        by_item.setdefault(r["id"], set()).add(r["answer"])
    assert any(len(a) > 1 for a in by_item.values())  # trial t draws with seed + t
    hats, ats = b["pass_hat_k"], b["pass_at_k"]
    assert hats["1"] == pytest.approx(ats["1"]) == pytest.approx(b["accuracy"])
    assert hats["4"] <= hats["2"] <= hats["1"] <= ats["2"] <= ats["4"]
    assert b["run_std"] > 0


def test_resume_runs_only_the_missing_trials(tmp_path):
    calls: list[str] = []

    def counting(item: EvalItem, answer: str) -> ScoreResult:
        calls.append(item.id)
        return score_choice(item, answer)

    bench = Benchmark("tiny", "mcq", lambda d: list(ITEMS), counting)
    cfg = EvalConfig(benchmarks=["tiny"], data_dir=".", policy="lazy", trials=2, resamples=50)
    run_eval(cfg, tmp_path, [bench])
    assert len(calls) == 6
    cfg = EvalConfig(
        benchmarks=["tiny"], data_dir=".", policy="lazy", trials=3, resamples=50, resume=True
    )
    b = run_eval(cfg, tmp_path, [bench])["by_benchmark"]["tiny"]
    assert calls[6:] == ["q0", "q1", "q2"]  # trial 2 only
    assert b["trials"] == 3 and b["records"] == 9 and b["n"] == 3


def test_one_trial_keeps_the_plain_summary(tmp_path):
    cfg = EvalConfig(benchmarks=["tiny"], data_dir=".", policy="lazy", resamples=50)
    b = run_eval(cfg, tmp_path, [TINY])["by_benchmark"]["tiny"]
    assert "pass_hat_k" not in b and "trial" not in read_records(tmp_path / "records.jsonl")[0]
    assert b["n"] == 3 and b["accuracy"] == pytest.approx(1 / 3)


def test_summarize_counts_items_not_records():
    recs = [
        {"uid": f"t/{i}", "benchmark": "t", "correct": c, "score": float(c), "trial": t}
        for t, row in enumerate([[1, 0], [1, 1]])
        for i, c in enumerate(row)
    ]
    b = summarize(recs, resamples=50)["by_benchmark"]["t"]
    assert b["n"] == 2 and b["records"] == 4 and b["accuracy"] == pytest.approx(0.75)
    assert b["pass_hat_k"] == pytest.approx({"1": 0.75, "2": 0.5})


def test_loglik_refuses_trials():
    cfg = EvalConfig(benchmarks=["tiny"], data_dir=".", policy="smollm2", mode="loglik", trials=2)
    with pytest.raises(ValueError, match="no sampling"):
        cfg.validate()
    with pytest.raises(ValueError, match="at least 1"):
        EvalConfig(benchmarks=["tiny"], data_dir=".", trials=0).validate()


def test_report_shows_pass_hat_k(tmp_path):
    cfg = EvalConfig(benchmarks=["tiny"], data_dir=".", policy="openai", trials=3, resamples=50)
    run_eval(cfg, tmp_path / "seeded", [TINY], agent=SeededModel())
    run_eval(EvalConfig(benchmarks=["tiny"], data_dir=".", resamples=50), tmp_path / "lazy", [TINY])
    md, page = write_report([tmp_path / "seeded", tmp_path / "lazy"], tmp_path / "r.md")
    text = md.read_text()
    assert "## pass^k over repeated trials (%)" in text
    assert (
        "| Benchmark | Run | trials | pass^1 | pass^2 | pass^3 | pass@K | item std | run std |"
        in text
    )
    # pass^1 55.6, pass^2 44.4, pass^3 33.3, pass@3 66.7, item std 41.6, run std 19.2
    assert "| tiny | openai (direct) | 3 | 55.6 | 44.4 | 33.3 | 66.7 | 41.6 | 19.2 |" in text
    assert "lazy (direct) | 3" not in text  # a one-trial run has no row
    assert "pass^k over repeated trials" in page.read_text()


SHARED = BENCHMARKS


@needs_shared(SHARED)
def test_cli_trials(tmp_path):
    out = tmp_path / "rnd"
    args = ["eval", "--benchmarks", "medqa,pubmedqa", "--data-dir", str(SHARED), "--limit", "20"]
    result = CliRunner().invoke(
        app, [*args, "--policy", "random", "--trials", "3", "--out", str(out), "--report"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads((out / "summary.json").read_text())
    for b in summary["by_benchmark"].values():
        assert b["trials"] == 3 and b["n"] == 20 and b["records"] == 60
        assert set(b["pass_hat_k"]) == set(b["pass_at_k"]) == {"1", "2", "3"}
    assert "pass^3" in result.output and "run std" in result.output
    assert "pass^k over repeated trials" in (out / "report.md").read_text()
