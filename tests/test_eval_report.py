"""The combined evaluation report: benchmarks x runs in the paper's layout."""

from __future__ import annotations

import json

import pytest

from healthgym.eval.report import cell, load_eval_run, paper_order, table, write_report


def _run(path, label, accs, **config):
    path.mkdir(parents=True)
    by = {
        name: {"n": n, "accuracy": acc, "ci95": [acc - 0.02, acc + 0.03]}
        for name, (n, acc) in accs.items()
    }
    summary = {"by_benchmark": by, "config": {"label": label, **config}}
    (path / "summary.json").write_text(json.dumps(summary))
    return path


def test_cells_are_percentages_with_the_interval():
    assert cell({"n": 10, "accuracy": 0.573, "ci95": [0.546, 0.601]}) == "57.3 (54.6-60.1)"
    assert cell(None) == "-"
    assert cell({"n": 0, "accuracy": None, "ci95": None}) == "-"


def test_paper_columns_come_first_in_the_papers_order(tmp_path):
    a = _run(tmp_path / "a", "tt-opd", {"medqa": (100, 0.6)})
    b = _run(tmp_path / "b", "my ablation", {"medqa": (100, 0.4)})
    c = _run(tmp_path / "c", "Text Baseline", {"medqa": (100, 0.3)})
    d = _run(tmp_path / "d", "GRPO", {"medqa": (100, 0.5)})
    e = _run(tmp_path / "e", "agentic_baseline", {"medqa": (100, 0.45)})
    runs = paper_order([load_eval_run(p) for p in (a, b, c, d, e)])
    assert [r.label for r in runs] == [
        "Text Baseline",
        "agentic_baseline",
        "GRPO",
        "tt-opd",
        "my ablation",
    ]


def test_markdown_table_and_html(tmp_path):
    text = _run(
        tmp_path / "text",
        "Text baseline",
        {"medqa": (1273, 0.5), "pubmedqa": (500, 0.7)},
        policy="smollm2",
        mode="direct",
    )
    agentic = _run(tmp_path / "agentic", "ignored", {"medqa": (1273, 0.25)}, mode="agentic")
    md, page = write_report([agentic, text], tmp_path / "out" / "t.md", ["GRPO", "Text baseline"])
    assert (md.name, page.name) == ("t.md", "t.html")
    lines = md.read_text().splitlines()
    assert lines[2:7] == [
        "| Benchmark | n | Text baseline | GRPO |",
        "|---|---|---|---|",
        "| medqa | 1273 | 50.0 (48.0-53.0) | 25.0 (23.0-28.0) |",
        "| pubmedqa | 500 | 70.0 (68.0-73.0) | - |",
        "| Average |  | 60.0 | - |",
    ]
    assert "- **Text baseline**: policy=smollm2, mode=direct" in lines
    html = page.read_text()
    assert "<td>50.0 (48.0-53.0)</td>" in html and "data:image/png;base64," in html
    header, rows = table([load_eval_run(text)])
    assert header == ["Benchmark", "n", "Text baseline"] and len(rows) == 3


def test_label_falls_back_to_the_folder_name(tmp_path):
    path = tmp_path / "run7"
    path.mkdir()
    (path / "summary.json").write_text(json.dumps({"by_benchmark": {}}))
    assert load_eval_run(path).label == "run7"
    assert load_eval_run(path / "summary.json", "X").label == "X"


def test_bad_inputs(tmp_path):
    with pytest.raises(ValueError, match="no runs"):
        write_report([], tmp_path / "r.md")
    with pytest.raises(FileNotFoundError):
        load_eval_run(tmp_path / "nothing")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "summary.json").write_text("{not json")
    with pytest.raises(ValueError, match="not JSON"):
        load_eval_run(bad)
    (bad / "summary.json").write_text(json.dumps({"overall": {}}))
    with pytest.raises(ValueError, match="not an eval summary"):
        load_eval_run(bad)
    ok = _run(tmp_path / "ok", "a", {"medqa": (1, 1.0)})
    with pytest.raises(ValueError, match="labels"):
        write_report([ok], tmp_path / "r.md", ["a", "b"])
