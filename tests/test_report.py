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
    assert run.name == "oracle" and run.domains == ["medical_qa", "psychiatry"]  # not doubled
    assert len(run.episodes) == 6
    assert all(e.tool_calls == e.turns and e.response_chars for e in run.episodes)
    assert load_run(runs / "random" / "summary.json").ended_by()["error: TimeoutError"] == 1


def test_report_of_several_runs(runs, tmp_path):
    out = write_report([runs / "oracle", runs / "random"], tmp_path / "r" / "report.html")
    text = out.read_text()
    assert text.startswith("<!doctype html>") and "oracle (oracle)" not in text
    assert "2 runs: 2 evaluation (oracle, random)" in text
    pngs = re.findall(r"data:image/png;base64,([A-Za-z0-9+/=]+)", text)
    assert len(pngs) == 3  # accuracy by domain, components overall, distributions
    assert all(base64.b64decode(p)[:8] == b"\x89PNG\r\n\x1a\n" for p in pngs)
    for label in ("Per-domain results", "psychiatry", "tool calls", "error: TimeoutError"):
        assert label in text


def test_accuracy_first_and_the_composite_explained(runs):
    text = render([load_run(runs / "oracle"), load_run(runs / "random")])
    overview = text[text.index('id="overview"') : text.index('id="domains"')]
    # accuracy before the other components, the composite after them, with its caveat
    order = [overview.index(f'<td class="l">{k}<') for k in ("accuracy", "process", "composite")]
    assert order == sorted(order)
    assert "without a valid submission scores a composite of 0" in overview
    assert "engagement" in overview and "0.1" in overview
    # scripted policies log no model tokens: n/a, not 0.000
    row = re.search(r"response tokens<span.*?</tr>", overview).group(0)
    assert row.count(">n/a<") == 2 and "0.000" not in row
    # critical_capped is a count (with its share), not a mean
    capped = re.search(r"critical-capped<span.*?</tr>", overview).group(0)
    assert re.search(r"<td>\d+ <span class=\"n\">\(\d+%\)</span></td>", capped)


def test_one_domain_order_and_one_metric_per_table(runs):
    text = render([load_run(runs / "oracle"), load_run(runs / "random")])
    tables = re.findall(r"<details[^>]*><summary>(.*?)</summary>(.*?)</details>", text, re.S)
    titles = [re.sub(r"<.*?>.*", "", t).strip() for t, _ in tables]
    assert titles[:3] == ["accuracy", "composite reward", "process"]
    for _, table in tables:
        header = re.search(r"<tr>(.*?)</tr>", table).group(1)
        assert header.count("<th") == 3  # domain + one column per run
        rows = re.findall(r'<td class="l">([^<]*)</td>', table)
        assert rows == ["medical_qa", "psychiatry"]  # then the "all domains" row


def test_pass_k_shown_for_repeated_trials(tmp_path):
    args = ["run", "--policy", "random", "--domains", "medical_qa", "--limit-per-domain", "2"]
    r = runner.invoke(app, [*args, "--trials", "3", "--out", str(tmp_path / "k3")])
    assert r.exit_code == 0, r.output
    text = render([load_run(tmp_path / "k3")])
    assert "pass^k over repeated trials" in text and "3 trials per task" in text
    for col in ("pass^1", "pass^2", "pass^3", "pass@3", "run std"):
        assert f"<th>{col}</th>" in text
    assert len(re.findall(r"data:image/png;base64,", text)) == 4  # + the pass^k curve


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


def test_malformed_summary_is_an_error_not_a_crash(runs, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "summary.json").write_text(json.dumps({"overall": [], "by_domain": {}}))
    with pytest.raises(ValueError, match="not a healthgym run summary"):
        load_run(bad)
    (bad / "summary.json").write_text("{not json")
    with pytest.raises(ValueError, match="not valid JSON"):
        load_run(bad)
    r = runner.invoke(app, ["report", str(bad), "--out", str(tmp_path / "r.html")])
    assert r.exit_code != 0 and "not valid JSON" in r.output


def test_same_folder_names_are_told_apart(runs, tmp_path):
    import shutil

    for parent in ("a", "b"):
        shutil.copytree(runs / "oracle", tmp_path / parent / "oracle")
    text = render([load_run(tmp_path / "a" / "oracle"), load_run(tmp_path / "b" / "oracle")])
    assert "<th>a/oracle</th>" in text and "<th>b/oracle</th>" in text
