"""``healthgym train`` on the tiny model: the metrics every step must log, config files,
and (slow) the 20-step TT-OPD evidence that each component is active."""

from __future__ import annotations

import json
import math
import subprocess
import sys

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")

from typer.testing import CliRunner

from healthgym.cli import app
from healthgym.train.metrics import read_metrics

COMMON = [
    "step", "reward", "accuracy", "process", "safety", "format", "coherence",
    "response_tokens", "turns", "tool_calls", "clip_fraction", "grad_norm", "lr", "loss",
    "kl_coef", "failed_rollouts", "step_seconds",
]  # fmt: skip
TTOPD = [
    "kl_turn_mean", "kl_per_turn", "teacher_distance", "hint_tokens_inserted",
    "hint_tokens_removed",
]  # fmt: skip


def _train(*args: str):
    result = CliRunner().invoke(app, ["train", *args])
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("algo", ["grpo", "tt-opd"])
def test_six_steps_log_every_metric(tmp_path, algo):
    out = tmp_path / algo
    result = _train("--algo", algo, "--model", "tiny", "--steps", "6", "--out", str(out))
    assert json.loads(result.stdout.strip().splitlines()[-1])["run_dir"] == str(out)
    rows = read_metrics(out / "metrics.jsonl")
    assert [r["step"] for r in rows] == [1, 2, 3, 4, 5, 6]
    for r in rows:
        keys = COMMON + TTOPD if algo == "tt-opd" else COMMON
        missing = [k for k in keys if r.get(k) is None]
        assert not missing, missing
        assert r["failed_rollouts"] == 0 and r["episodes"] == 4  # 1 task x group of 4
        assert r["turns"] == 2.0 and 0 < r["response_tokens"] <= 32  # 2 turns x 16 tokens
        assert r["lr"] == pytest.approx(1e-3)
    config = json.loads((out / "config.json").read_text())
    assert config["algo"] == algo and config["model"] == "tiny"
    assert (out / "checkpoints" / "step_000006" / "state.pt").is_file()
    assert (out / "final" / "model.safetensors").is_file()
    try:
        import tensorboard  # noqa: F401
    except ImportError:
        return
    assert any((out / "tensorboard").iterdir())  # the scalars are mirrored to TensorBoard


def test_config_file_with_command_line_overrides(tmp_path):
    cfg = tmp_path / "run.yaml"
    cfg.write_text(
        "algo: tt-opd\nsteps: 5\ntasks_per_step: 1\ngroup_size: 2\nmax_new_tokens: 4\n"
        "kl_max_tokens: 2\nkl_max_turns: 1\ntensorboard: false\n"
    )
    out = tmp_path / "run"
    _train("--config", str(cfg), "--steps", "1", "--out", str(out))
    (row,) = read_metrics(out / "metrics.jsonl")
    saved = json.loads((out / "config.json").read_text())
    assert saved["steps"] == 1 and saved["group_size"] == 2 and saved["algo"] == "tt-opd"
    assert row["episodes"] == 2
    # truncation: only the first turn (K=1) and its first 2 tokens (T=2) count
    assert row["kl_tokens"] == 2 * 2 and len(row["kl_per_turn"]) == 1
    assert not (out / "tensorboard").exists()


def test_bad_options_are_reported_not_raised(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"stpes": 3}))
    r = CliRunner().invoke(app, ["train", "--config", str(bad), "--out", str(tmp_path / "o")])
    assert r.exit_code != 0 and "stpes" in r.output
    r = CliRunner().invoke(app, ["train", "--steps", "2"])
    assert r.exit_code != 0 and "--out" in r.output
    r = CliRunner().invoke(app, ["train", "--domains", "nope", "--out", str(tmp_path / "o")])
    assert r.exit_code != 0


def test_the_cli_does_not_import_torch_until_training():
    code = "import sys, healthgym.cli; assert 'torch' not in sys.modules; print('ok')"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


@pytest.mark.slow
def test_twenty_ttopd_steps_show_every_component_active(tmp_path):
    out = tmp_path / "ttopd20"
    _train("--algo", "tt-opd", "--model", "tiny", "--steps", "20", "--out", str(out))
    rows = read_metrics(out / "metrics.jsonl")
    assert [r["step"] for r in rows] == list(range(1, 21))
    for r in rows:
        assert not [k for k in COMMON + TTOPD if r.get(k) is None]
        # the hint went into the teacher's context and every hint position was stripped
        assert r["hint_tokens_inserted"] > 0
        assert r["hint_tokens_removed"] == r["hint_tokens_inserted"]
        assert math.isfinite(r["kl_turn_mean"]) and r["kl_tokens"] > 0
        assert r["kl_per_turn"] and all(math.isfinite(x) for x in r["kl_per_turn"])
        assert r["kl_coef"] == 4.0 and math.isfinite(r["grad_norm"]) and r["grad_norm"] > 0
    updates = [r for r in rows if r["teacher_update"] == "ema"]
    assert [r["step"] for r in updates] == [5, 10, 15, 20]  # k = 5
    assert updates[0]["teacher_distance"] > 0
    for r in updates:  # theta_T - theta_S shrinks by exactly alpha at an EMA update
        assert r["teacher_distance"] == pytest.approx(
            0.995 * r["teacher_distance_before_update"], rel=1e-6
        )
    distances = [r["teacher_distance"] for r in rows]
    assert all(0 < d < 10 for d in distances)
