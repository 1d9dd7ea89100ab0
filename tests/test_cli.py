from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from healthgym.cli import app

runner = CliRunner()


def test_tools_list_json():
    r = runner.invoke(app, ["tools", "list", "--format", "json"])
    assert r.exit_code == 0, r.output
    tools = json.loads(r.stdout)
    names = {t["name"] for t in tools}
    assert {"get_vitals", "submit_diagnosis", "calculate_curb65"} <= names
    for t in tools:
        assert set(t) == {"name", "kind", "domains", "description", "parameters", "needs"}
        assert t["kind"] in ("observe", "compute", "reference", "act", "submit")
        assert t["parameters"]["type"] == "object" and t["domains"]


def test_tasks_stats_json():
    r = runner.invoke(app, ["tasks", "stats", "--format", "json"])
    assert r.exit_code == 0, r.output
    stats = json.loads(r.stdout)
    d = stats["by_domain"]["clinical_diagnosis"]
    assert stats["total"] == sum(v["train"] + v["test"] for v in stats["by_domain"].values())
    assert d["train"] > d["test"] > 0


def test_tasks_show_hides_answer_unless_revealed():
    r = runner.invoke(app, ["tasks", "show", "clinical_diagnosis-00003"])
    assert r.exit_code == 0
    shown = json.loads(r.stdout)
    assert "hidden" not in shown and "reference" not in shown
    r = runner.invoke(app, ["tasks", "show", "clinical_diagnosis-00003", "--reveal"])
    assert "reference" in json.loads(r.stdout)
    assert runner.invoke(app, ["tasks", "show", "nope"]).exit_code != 0


def test_run_writes_summary_and_trajectories(tmp_path):
    out = tmp_path / "oracle"
    r = runner.invoke(
        app,
        [
            "run",
            "--policy",
            "oracle",
            "--domains",
            "clinical_diagnosis",
            "--split",
            "test",
            "--limit-per-domain",
            "5",
            "--out",
            str(out),
        ],
    )
    assert r.exit_code == 0, r.output
    summary = json.loads((out / "summary.json").read_text())
    d = summary["by_domain"]["clinical_diagnosis"]
    assert {"episodes", "reward", "accuracy", "process", "safety", "format", "coherence"} <= set(d)
    assert d["episodes"] == 5 and d["accuracy"] == 1.0
    lines = (out / "trajectories.jsonl").read_text().splitlines()
    assert len(lines) == 5 and json.loads(lines[0])["policy"] == "oracle"


def test_run_rejects_unknown_domain(tmp_path):
    r = runner.invoke(
        app, ["run", "--policy", "lazy", "--domains", "astrology", "--out", str(tmp_path)]
    )
    assert r.exit_code != 0


def test_core_import_does_not_need_torch():
    code = (
        "import sys, healthgym, gymnasium as gym; env = gym.make('healthgym/ClinicalDiagnosis-v0');"
        "env.reset(seed=0); assert 'torch' not in sys.modules; print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


def test_run_rejects_zero_trials_and_bad_extra_body(tmp_path):
    base = ["run", "--policy", "oracle", "--domains", "medical_qa", "--out", str(tmp_path)]
    assert runner.invoke(app, [*base, "--trials", "0"]).exit_code != 0
    assert runner.invoke(app, [*base, "--extra-body", "{oops"]).exit_code != 0
