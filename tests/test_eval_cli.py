"""``healthgym eval``: the interface the checks use, and ``healthgym eval report``."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from healthgym.cli import app
from healthgym.eval.registry import benchmark_names
from shared_data import BENCHMARKS, needs_shared

SHARED = BENCHMARKS
needs_shared = needs_shared(SHARED)
runner = CliRunner()


@needs_shared
def test_the_checks_interface_writes_summary_json(tmp_path):
    names = [
        n
        for n in ("medqa", "medmcqa", "mmlu_medical", "pubmedqa", "medcalc")
        if n in benchmark_names()
    ]
    out = tmp_path / "lazy"
    args = ["eval", "--benchmarks", ",".join(names), "--data-dir", str(SHARED)]
    result = runner.invoke(app, [*args, "--policy", "lazy", "--mode", "direct", "--out", str(out)])
    assert result.exit_code == 0, result.output
    summary = json.loads((out / "summary.json").read_text())
    assert list(summary["by_benchmark"]) == names
    expected_n = {
        "medqa": 1273,
        "medmcqa": 4183,
        "mmlu_medical": 1089,
        "pubmedqa": 500,
        "medcalc": 164,
    }
    for name, b in summary["by_benchmark"].items():
        assert set(b) >= {"n", "accuracy", "ci95"}
        assert b["n"] == expected_n.get(name, b["n"])
        assert 0.0 <= b["ci95"][0] <= b["accuracy"] <= b["ci95"][1] <= 1.0
    assert summary["by_benchmark"]["pubmedqa"]["accuracy"] == 276 / 500
    assert summary["config"]["label"] == "lazy (direct)"
    assert (out / "records.jsonl").read_text().count("\n") == sum(
        b["n"] for b in summary["by_benchmark"].values()
    )


@needs_shared
def test_eval_then_combined_report(tmp_path):
    base = ["eval", "--benchmarks", "medqa,pubmedqa", "--data-dir", str(SHARED), "--limit", "30"]
    for policy, mode in (("lazy", "direct"), ("oracle", "agentic")):
        out = tmp_path / policy
        result = runner.invoke(app, [*base, "--policy", policy, "--mode", mode, "--out", str(out)])
        assert result.exit_code == 0, result.output
    report = tmp_path / "table.md"
    result = runner.invoke(
        app,
        [
            "eval",
            "report",
            str(tmp_path / "oracle"),
            str(tmp_path / "lazy"),
            "--labels",
            "Agentic baseline,Text baseline",
            "--out",
            str(report),
        ],
    )
    assert result.exit_code == 0, result.output
    lines = report.read_text().splitlines()
    assert lines[2] == "| Benchmark | n | Text baseline | Agentic baseline |"
    assert lines[6].startswith("| Average |  | ")
    assert lines[6].endswith(" | 100.0 |")
    assert (tmp_path / "table.html").read_text().count("data:image/png;base64,") == 1


def test_bad_arguments_give_a_clear_error(tmp_path):
    result = runner.invoke(app, ["eval", "--benchmarks", "medqa"])
    assert result.exit_code == 2 and "required" in result.output
    args = ["eval", "--benchmarks", "nope", "--data-dir", str(tmp_path), "--out", str(tmp_path)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "unknown benchmark" in result.output
    args = ["eval", "--benchmarks", "medqa", "--data-dir", str(tmp_path), "--out", str(tmp_path)]
    result = runner.invoke(app, [*args, "--mode", "loglik"])
    assert result.exit_code == 2 and "loglik" in result.output
    result = runner.invoke(app, ["eval", "report", str(tmp_path / "missing")])
    assert result.exit_code == 2 and "summary.json" in result.output


def test_list_names_the_registered_benchmarks():
    result = runner.invoke(app, ["eval", "list", "--format", "tsv"])
    assert result.exit_code == 0
    assert [line.split("\t")[0] for line in result.output.splitlines()] == benchmark_names()
    result = runner.invoke(app, ["eval", "list", "--format", "json"])
    assert [b["name"] for b in json.loads(result.stdout)] == benchmark_names()
