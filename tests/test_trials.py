"""pass^k, pass@k and run-to-run noise for ``healthgym run --trials K``.

pass^k (Yao et al. 2024, tau-bench): C(c,k)/C(n,k) per task, averaged over tasks;
pass@k (Chen et al. 2021): 1 - C(n-c,k)/C(n,k). The estimators are checked against
hand-computed values, and scripted policies (deterministic) against pass@1.
"""

from __future__ import annotations

import json
import math

import pytest
from typer.testing import CliRunner

from healthgym.cli import app
from healthgym.rollout import EpisodeSpec, trial_specs
from healthgym.runner import pass_at_k, pass_hat_k, summarize, trial_stats

runner = CliRunner()


@pytest.mark.parametrize(
    ("n", "c", "k", "hat", "at"),
    [
        (3, 2, 1, 2 / 3, 2 / 3),
        (3, 2, 2, 1 / 3, 1.0),  # C(2,2)/C(3,2) = 1/3; 1 - C(1,2)/C(3,2) = 1
        (3, 2, 3, 0.0, 1.0),
        (5, 3, 2, 3 / 10, 9 / 10),  # C(3,2)/C(5,2) = 3/10; 1 - C(2,2)/C(5,2) = 9/10
        (5, 3, 3, 1 / 10, 1.0),
        (4, 0, 2, 0.0, 0.0),
        (4, 4, 4, 1.0, 1.0),
        (10, 1, 1, 0.1, 0.1),
        (10, 1, 5, 0.0, 0.5),  # 1 - C(9,5)/C(10,5) = 1 - 126/252
    ],
)
def test_estimators_by_hand(n, c, k, hat, at):
    assert pass_hat_k(n, c, k) == pytest.approx(hat)
    assert pass_at_k(n, c, k) == pytest.approx(at)


def test_estimators_reject_k_outside_1_to_n():
    with pytest.raises(ValueError):
        pass_hat_k(3, 1, 4)
    with pytest.raises(ValueError):
        pass_at_k(3, 1, 0)


def _rec(task: str, trial: int, accuracy: float | None) -> dict:
    comps = None if accuracy is None else {"accuracy": accuracy, "capped": False}
    return {"task_id": task, "domain": "d", "trial": trial, "reward_components": comps}


def test_trial_stats_by_hand():
    # task a: success, success, partial (0.5); task b: fail, fail, error (a failure)
    rows = [
        _rec("a", 0, 1.0),
        _rec("a", 1, 1.0),
        _rec("a", 2, 0.5),
        _rec("b", 0, 0.0),
        _rec("b", 1, 0.0),
        _rec("b", 2, None),
    ]
    s = trial_stats(rows)
    assert s["trials"] == 3 and s["tasks"] == 2
    # a: c=2 of 3; b: c=0 of 3
    assert s["pass_hat_k"] == pytest.approx({"1": 1 / 3, "2": 1 / 6, "3": 0.0})
    assert s["pass_at_k"] == pytest.approx({"1": 1 / 3, "2": 0.5, "3": 0.5})
    rate = s["success_rate"]
    assert rate["mean"] == pytest.approx(1 / 3) and rate["min"] == 0 and rate["max"] == 2 / 3
    assert rate["std"] == pytest.approx(1 / 3)  # rates 2/3 and 0: population std 1/3
    assert rate["histogram"] == {"0": 1, "1": 0, "2": 1, "3": 0}
    # mean accuracy per trial over its scored episodes: 0.5, 0.5, 0.5 (the error left out)
    assert s["trial_accuracy"] == pytest.approx([0.5, 0.5, 0.5])
    assert s["run_std"] == pytest.approx(0.0)


def test_run_std_is_the_sample_std_of_the_trial_means():
    rows = [_rec("a", 0, 1.0), _rec("a", 1, 0.0), _rec("a", 2, 1.0)]
    rows += [_rec("b", 0, 1.0), _rec("b", 1, 0.0), _rec("b", 2, 0.0)]
    s = trial_stats(rows)
    assert s["trial_accuracy"] == pytest.approx([1.0, 0.0, 0.5])
    assert s["run_std"] == pytest.approx(0.5)  # sample std (n - 1) of 1, 0, 0.5
    assert trial_stats(rows[:1])["run_std"] is None  # one run: no spread


def test_summarize_adds_trial_stats_only_to_trial_runs():
    rows = [_rec("a", t, 1.0) | {"reward": 1.0, "turns": []} for t in range(2)]
    for r in rows:
        r["reward_components"] |= dict.fromkeys(("process", "safety", "format", "coherence"), 1.0)
    s = summarize(rows)
    assert s["by_domain"]["d"]["trials"] == 2 and s["overall"]["pass_hat_k"] == {"1": 1.0, "2": 1.0}
    plain = summarize([{k: v for k, v in r.items() if k != "trial"} for r in rows])
    assert "pass_hat_k" not in plain["by_domain"]["d"]


def test_trial_specs_seed_each_trial():
    specs = trial_specs([EpisodeSpec("medical_qa", 1), EpisodeSpec("medical_qa", 4)], 3, seed=7)
    assert [(s.index, s.trial, s.seed) for s in specs] == [
        (1, 0, 7),
        (4, 0, 7),
        (1, 1, 8),
        (4, 1, 8),
        (1, 2, 9),
        (4, 2, 9),
    ]


def _run(tmp_path, policy: str, trials: int, limit: int = 12) -> dict:
    out = tmp_path / f"{policy}-{trials}"
    args = ["run", "--policy", policy, "--domains", "medical_qa", "--split", "test"]
    args += ["--limit-per-domain", str(limit), "--trials", str(trials), "--out", str(out)]
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    return json.loads((out / "summary.json").read_text())


def test_scripted_policies_are_deterministic_pass_hat_k_equals_pass_at_1(tmp_path):
    # lazy gets some medical_qa tasks right and others wrong, the same way every trial
    single = _run(tmp_path, "lazy", 1)["by_domain"]["medical_qa"]
    s = _run(tmp_path, "lazy", 3)["by_domain"]["medical_qa"]
    assert s["trials"] == 3 and s["episodes"] == 36 and s["tasks"] == 12
    p1 = single["pass_hat_k"]["1"]
    assert 0.0 < p1 < 1.0
    assert s["pass_hat_k"] == pytest.approx({"1": p1, "2": p1, "3": p1})
    assert s["pass_at_k"] == pytest.approx({"1": p1, "2": p1, "3": p1})
    assert s["run_std"] == 0.0 and s["trial_accuracy"] == [s["accuracy"]] * 3
    hist = s["success_rate"]["histogram"]
    assert hist["1"] == hist["2"] == 0 and hist["0"] + hist["3"] == 12
    assert math.isclose(s["success_rate"]["mean"], p1)


def test_oracle_trials_cli(tmp_path):
    out = tmp_path / "oracle"
    args = ["run", "--policy", "oracle", "--trials", "3", "--domains", "medical_qa"]
    args += ["--split", "test", "--limit-per-domain", "4", "--report", "--out", str(out)]
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    summary = json.loads((out / "summary.json").read_text())
    d = summary["by_domain"]["medical_qa"]
    assert d["pass_hat_k"] == {"1": 1.0, "2": 1.0, "3": 1.0} and d["run_std"] == 0.0
    assert summary["config"]["trials"] == 3
    records = [json.loads(x) for x in (out / "trajectories.jsonl").read_text().splitlines()]
    assert sorted({(x["trial"], x["seed"]) for x in records}) == [(0, 0), (1, 1), (2, 2)]
    html = (out / "report.html").read_text()
    assert "pass^k over repeated trials" in html and "pass^3" in html and "pass@3" in html
