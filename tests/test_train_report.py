"""Training-dynamics report: metrics.jsonl of one or several runs -> HTML with PNG plots."""

from __future__ import annotations

import base64
import json
import re

import pytest
from typer.testing import CliRunner

from healthgym.cli import app
from healthgym.report.training import (
    dynamics_plot,
    flatten,
    is_training_run,
    load_training_run,
    panels,
    plotted_panels,
    render_training,
    summary_table,
    training_section,
    write_training_report,
)

pytest.importorskip("matplotlib")
runner = CliRunner()
PNG = b"\x89PNG\r\n\x1a\n"


def _step(step: int, algo: str) -> dict:
    rec = {
        "step": step,
        "reward": 0.3 + 0.01 * step,
        "reward_components": {"accuracy": 0.1 * (step % 3), "format": 0.5, "safety": 1.0},
        "accuracy": 0.1 * (step % 3),
        "response_tokens": 40 - step,
        "turns": 2.0,
        "format": 0.5,
        "tool_calls": 1.5,
        "grad_norm": 0.7,
        "lr": 1e-3,
    }
    if algo == "tt-opd":
        rec |= {
            "kl_turn_mean": 0.02 * step,
            "kl_per_turn": [0.01 * step, 0.03 * step],
            "teacher_distance": 0.0 if step < 5 else 0.1,
            "hint_tokens_inserted": 12,
            "hint_tokens_removed": 12,
            "kl_coef": 4.0,
        }
    return rec


def _write_run(path, algo: str, steps: int = 12, garbage: bool = False):
    path.mkdir(parents=True)
    lines = [json.dumps(_step(s, algo)) for s in range(steps)]
    if garbage:
        lines.insert(3, '{"step": 99, "reward": ')  # a line cut off mid-write
        lines.insert(5, "[1, 2]")  # JSON but not an object
    (path / "metrics.jsonl").write_text("\n".join(lines) + "\n")
    (path / "config.json").write_text(json.dumps({"algo": algo, "steps": steps}))
    return path


@pytest.fixture
def two_runs(tmp_path):
    return (
        _write_run(tmp_path / "grpo", "grpo"),
        _write_run(tmp_path / "ttopd", "tt-opd", garbage=True),
    )


def test_flatten_nested_metrics():
    assert flatten({"a": 1, "b": {"c": 2, "d": {"e": [3]}}}) == {"a": 1, "b/c": 2, "b/d/e": [3]}


def test_load_training_run_skips_bad_lines(two_runs):
    grpo, ttopd = two_runs
    run = load_training_run(ttopd)
    assert run.name == "ttopd (tt-opd)" and run.config["steps"] == 12
    assert len(run.steps) == 12 and run.skipped_lines == 2
    xs, ys = run.series("reward_components/accuracy")
    assert xs[:4] == [0.0, 1.0, 2.0, 3.0] and ys[:4] == pytest.approx([0.0, 0.1, 0.2, 0.0])
    assert run.list_series("kl_per_turn")[2] == (2.0, [0.02, 0.06])
    assert is_training_run(grpo) and is_training_run(grpo / "metrics.jsonl")
    assert not is_training_run(grpo.parent)
    assert load_training_run(grpo / "metrics.jsonl").name == "grpo"  # not "grpo (grpo)"
    with pytest.raises(FileNotFoundError):
        load_training_run(grpo.parent)


def test_panels_only_for_logged_metrics(two_runs):
    grpo = load_training_run(two_runs[0])
    titles = [t for t, _ in panels([grpo])]
    assert "training reward" in titles and "teacher-student parameter distance" not in titles
    both = dict(panels([grpo, load_training_run(two_runs[1])]))
    assert both["hint tokens"] == ["hint_tokens_inserted", "hint_tokens_removed"]
    assert both["reward components"] == [
        "format",
        "reward_components/accuracy",
        "reward_components/safety",
        "reward_components/format",
    ]
    assert both["KL coefficient"] == ["kl_coef"] and "KL to the reference" not in both


def test_plotted_panels_by_what_changed(two_runs):
    runs = [load_training_run(p) for p in two_runs]
    chosen, constant = plotted_panels(runs)
    titles = dict(chosen)
    assert (
        titles["training reward"] == ["reward"]
        and "reward_components/accuracy" in (titles["reward components"])
    )
    # constant in every run: listed with their values, not plotted
    assert "learning rate" not in titles and "grad norm" not in titles
    assert "KL coefficient" not in titles and "hint tokens" not in titles
    listed = dict(constant)
    assert listed["lr"] == [("grpo", 1e-3), ("ttopd (tt-opd)", 1e-3)]
    assert listed["kl_coef"] == [("ttopd (tt-opd)", 4.0)] and "format" in listed
    section = training_section(runs)
    assert section.runs == ("grpo", "ttopd (tt-opd)") and "not plotted" in section
    assert "<code>lr</code> = 0.001 (grpo, ttopd (tt-opd))" in section
    assert "moving average over 5 steps" in section


def test_summary_table_first_and_last_means(two_runs):
    html = summary_table([load_training_run(two_runs[0])], k=5)
    # reward 0.30..0.41: first five mean 0.32, last five (steps 7..11) mean 0.39
    assert "<td>0.320 → 0.390</td>" in html
    # never overlapping windows: 3 steps give first 1 -> last 1
    short = load_training_run(two_runs[0])
    short.steps = short.steps[:3]
    assert "<td>0.300 → 0.320</td>" in summary_table([short], k=5)


def test_length_reward_and_tool_call_collapse_called_out(tmp_path):
    run_dir = tmp_path / "collapse"
    run_dir.mkdir()
    rows = [
        {"step": s, "reward": -0.5, "length_reward": -1.0, "tool_calls": 1.0 if s <= 5 else 0.03,
         "turns": 2.0 - 0.05 * s}
        for s in range(1, 21)
    ]  # fmt: skip
    (run_dir / "metrics.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    (run_dir / "config.json").write_text(json.dumps({"algo": "tt-opd", "length_weight": 0.5}))
    section = training_section([load_training_run(run_dir)])
    assert "the length reward is a constant -1</b> over all 20 steps" in section
    assert "truncation value" in section and "by -0.5" in section
    assert "tool calls collapsed</b> from 1.00 per episode" in section
    assert "to 0.03 (last 5; 0.03 at step 20)" in section


def test_training_report_embeds_pngs(two_runs, tmp_path):
    out = write_training_report(list(two_runs), tmp_path / "out" / "training.html")
    text = out.read_text()
    assert text.startswith("<!doctype html>") and "Training dynamics" in text
    pngs = re.findall(r"data:image/png;base64,([A-Za-z0-9+/=]+)", text)
    assert len(pngs) == 1 and base64.b64decode(pngs[0])[:8] == PNG
    assert "2 training runs: grpo, ttopd (tt-opd)" in text and "grpo (grpo)" not in text


def test_empty_or_unplottable_runs(tmp_path):
    run_dir = tmp_path / "empty"
    run_dir.mkdir()
    (run_dir / "metrics.jsonl").write_text("not json\n")
    run = load_training_run(run_dir)
    assert run.steps == [] and run.skipped_lines == 1
    assert "No plottable metrics" in render_training([run])
    with pytest.raises(ValueError):
        dynamics_plot([run])
    with pytest.raises(ValueError):
        render_training([])


def test_report_cli_training_and_mixed(two_runs, tmp_path):
    out = tmp_path / "t.html"
    r = runner.invoke(app, ["report", str(two_runs[0]), str(two_runs[1]), "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert "healthgym training report" in out.read_text()
    # an evaluation run plus a training run: the eval report with a training section
    eval_dir = tmp_path / "eval"
    args = ["run", "--policy", "oracle", "--domains", "medical_qa", "--limit-per-domain", "2"]
    assert runner.invoke(app, [*args, "--out", str(eval_dir)]).exit_code == 0
    mixed = tmp_path / "m.html"
    r = runner.invoke(app, ["report", str(eval_dir), str(two_runs[1]), "--out", str(mixed)])
    assert r.exit_code == 0, r.output
    text = mixed.read_text()
    assert "Per-domain results" in text and "Training dynamics" in text
    assert "2 runs: 1 evaluation (eval (oracle)); 1 training (ttopd (tt-opd))" in text
    assert len(re.findall(r"data:image/png;base64,", text)) == 4


def test_report_of_a_real_training_run(tmp_path):
    """A real (short) TT-OPD run of the tiny model: every logged quantity is plotted."""
    pytest.importorskip("torch")
    from healthgym.train.config import TrainConfig
    from healthgym.train.trainer import train

    config = TrainConfig(
        algo="tt-opd", steps=3, out=str(tmp_path / "ttopd"), save_every=0, tensorboard=False
    )
    run_dir = train(config)
    run = load_training_run(run_dir)
    assert run.name == "ttopd (tt-opd)" and [s["step"] for s in run.steps] == [1, 2, 3]
    titles = dict(panels([run]))
    for title in ("training reward", "teacher-student parameter distance", "hint tokens"):
        assert title in titles
    assert run.list_series("kl_per_turn")
    out = tmp_path / "report.html"
    r = runner.invoke(app, ["report", str(run_dir), "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert len(re.findall(r"data:image/png;base64,", out.read_text())) == 1
