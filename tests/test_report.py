"""The HTML report: one run or several side by side, plots embedded as base64 PNG."""

from __future__ import annotations

import base64
import json
import re

import pytest
from typer.testing import CliRunner

from healthgym.cli import app
from healthgym.report import load_run, render, write_report

pytest.importorskip("matplotlib")
runner = CliRunner()


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    root = tmp_path_factory.mktemp("runs")
    for policy in ("oracle", "random"):
        args = ["run", "--policy", policy, "--domains", "medical_qa,psychiatry"]
        args += ["--limit-per-domain", "3", "--out", str(root / policy)]
        assert runner.invoke(app, args).exit_code == 0
    # a run with a failed episode, as the rollout records it
    lines = (root / "random" / "trajectories.jsonl").read_text().splitlines()
    failed = json.loads(lines[0]) | {"reward": None, "reward_components": None, "turns": []}
    failed["error"] = {"type": "TimeoutError", "message": "episode timeout"}
    (root / "random" / "trajectories.jsonl").write_text("\n".join([*lines, json.dumps(failed)]))
    return root


def test_load_run_derives_episode_stats(runs):
    run = load_run(runs / "oracle")
    assert run.name == "oracle (oracle)" and run.domains == ["medical_qa", "psychiatry"]
    assert len(run.episodes) == 6
    assert all(e.tool_calls == e.turns and e.response_chars for e in run.episodes)
    assert load_run(runs / "random" / "summary.json").ended_by()["error: TimeoutError"] == 1


def test_report_of_several_runs(runs, tmp_path):
    out = write_report([runs / "oracle", runs / "random"], tmp_path / "r" / "report.html")
    text = out.read_text()
    assert text.startswith("<!doctype html>") and text.count("oracle (oracle)") >= 3
    pngs = re.findall(r"data:image/png;base64,([A-Za-z0-9+/=]+)", text)
    assert len(pngs) == 4  # reward by domain, one components chart per run, distributions
    assert all(base64.b64decode(p)[:8] == b"\x89PNG\r\n\x1a\n" for p in pngs)
    for label in ("Per-domain results", "psychiatry", "tool calls", "error: TimeoutError"):
        assert label in text


def test_report_cli(runs, tmp_path):
    out = tmp_path / "cli.html"
    r = runner.invoke(
        app, ["report", str(runs / "oracle"), str(runs / "random"), "--out", str(out)]
    )
    assert r.exit_code == 0, r.output
    assert out.stat().st_size > 10_000
    bad = runner.invoke(app, ["report", str(tmp_path / "missing"), "--out", str(out)])
    assert bad.exit_code != 0


def test_render_needs_a_run():
    with pytest.raises(ValueError):
        render([])


def test_html_is_escaped(runs, tmp_path):
    summary = json.loads((runs / "oracle" / "summary.json").read_text())
    summary["config"]["policy_name"] = "<script>x</script>"
    (tmp_path / "evil").mkdir()
    (tmp_path / "evil" / "summary.json").write_text(json.dumps(summary))
    text = render([load_run(tmp_path / "evil")])
    assert "<script>" not in text and "&lt;script&gt;" in text
