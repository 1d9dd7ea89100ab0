"""Training dynamics of one or several ``healthgym train`` runs, as an HTML page.

    healthgym report runs/grpo runs/tt-opd --out training.html

A training run is a directory holding ``metrics.jsonl`` (one JSON object per step, as
the trainer writes it). Each panel plots one quantity the paper studies against the
step, every run as its own line so runs compare side by side: reward and its
components, accuracy, response length, turns and tool calls per episode, the
turn-level KL (mean and per turn), the teacher-student parameter distance, hint
tokens, the KL coefficient, and the optimisation statistics. A panel appears only
when some run logged one of its keys (GRPO runs have no teacher keys). Nested
objects are flattened with ``/`` (``{"reward_components": {"format": 1}}`` is
``reward_components/format``). Lines that are not JSON objects are skipped and
counted, so a run cut off mid-write still reports.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..rewards.reward import COMPONENTS
from .html import CSS, _e, _img, _table
from .plots import _png, _pyplot

METRICS_FILE = "metrics.jsonl"


@dataclass
class TrainingRun:
    """One run's per-step metrics (flattened), in step order."""

    name: str
    path: Path
    steps: list[dict[str, Any]] = field(default_factory=list)
    skipped_lines: int = 0
    config: dict[str, Any] = field(default_factory=dict)

    def keys(self) -> set[str]:
        return {k for s in self.steps for k in s}

    def series(self, key: str) -> tuple[list[float], list[float]]:
        """``(steps, values)`` of the finite numeric values of ``key``."""
        xs, ys = [], []
        for i, rec in enumerate(self.steps):
            v = rec.get(key)
            if _number(v):
                xs.append(float(rec.get("step", i)) if _number(rec.get("step")) else float(i))
                ys.append(float(v))
        return xs, ys

    def list_series(self, key: str) -> list[tuple[float, list[float]]]:
        """``(step, values)`` for a key whose value is a list of numbers each step."""
        out = []
        for i, rec in enumerate(self.steps):
            v = rec.get(key)
            if isinstance(v, list) and v and all(_number(x) or x is None for x in v):
                step = float(rec["step"]) if _number(rec.get("step")) else float(i)
                out.append((step, [float(x) if _number(x) else math.nan for x in v]))
        return out


def _number(v: object) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested mappings flattened to ``a/b`` keys; other values kept as they are."""
    out: dict[str, Any] = {}
    for k, v in record.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(flatten(v, f"{key}/"))
        else:
            out[key] = v
    return out


def metrics_file(path: str | Path) -> Path | None:
    """The ``metrics.jsonl`` of a run directory (or the file itself), else None."""
    p = Path(path)
    if p.is_file() and p.name == METRICS_FILE:
        return p
    f = p / METRICS_FILE
    return f if f.is_file() else None


def is_training_run(path: str | Path) -> bool:
    return metrics_file(path) is not None


def _read_config(folder: Path) -> dict[str, Any]:
    for name in ("config.json", "train_config.json"):
        f = folder / name
        if f.is_file():
            try:
                data = json.loads(f.read_text())
            except (OSError, ValueError):
                return {}
            return data if isinstance(data, dict) else {}
    return {}


def load_training_run(path: str | Path) -> TrainingRun:
    """A training run from its directory (or its ``metrics.jsonl``)."""
    f = metrics_file(path)
    if f is None:
        raise FileNotFoundError(f"no {METRICS_FILE} in {path}")
    folder = f.parent
    config = _read_config(folder)
    label = config.get("algo")
    name = f"{folder.name} ({label})" if label else folder.name
    run = TrainingRun(name=name, path=folder, config=config)
    with f.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except ValueError:
                run.skipped_lines += 1
                continue
            if not isinstance(rec, dict):
                run.skipped_lines += 1
                continue
            run.steps.append(flatten(rec))
    run.steps.sort(key=lambda r: r["step"] if _number(r.get("step")) else math.inf)
    return run


# panel title -> candidate keys (each present key is one line per run); the trainer logs
# the components at the top level, other writers may nest them under reward_components
_NESTED = [
    f"{prefix}{c}"
    for c in (*COMPONENTS, "composite", "cosine", "length")
    for prefix in ("reward_components/", "reward/")
]
PANELS: list[tuple[str, list[str]]] = [
    ("training reward", ["reward"]),
    ("reward parts (env composite, cosine length)", ["reward_env", "length_reward"]),
    ("reward components", ["process", "safety", "format", "coherence", *_NESTED]),
    ("accuracy", ["accuracy", "correct"]),
    ("response length (model tokens per episode)", ["response_tokens"]),
    ("turns per episode", ["turns"]),
    ("tool calls per episode", ["tool_calls"]),
    ("turn-level KL (mean over turns)", ["kl_turn_mean"]),
    ("teacher-student parameter distance", ["teacher_distance"]),
    ("hint tokens", ["hint_tokens_inserted", "hint_tokens_removed"]),
    ("KL coefficient", ["kl_coef"]),
    ("KL to the reference", ["kl_ref"]),
    ("loss", ["loss", "loss_grpo"]),
    ("clip fraction", ["clip_fraction"]),
    ("grad norm", ["grad_norm"]),
    ("learning rate", ["lr"]),
    ("failed rollouts", ["failed_rollouts"]),
]
PER_TURN_KEY = "kl_per_turn"


def _present(runs: list[TrainingRun], keys: list[str]) -> list[str]:
    return [k for k in keys if any(r.series(k)[0] for r in runs)]


def _smooth(ys: list[float], window: int) -> list[float]:
    out, acc = [], 0.0
    for i, y in enumerate(ys):
        acc += y
        if i >= window:
            acc -= ys[i - window]
        out.append(acc / min(i + 1, window))
    return out


def panels(runs: list[TrainingRun]) -> list[tuple[str, list[str]]]:
    """The panels that have data in at least one run, with their present keys."""
    out = [(title, _present(runs, keys)) for title, keys in PANELS]
    return [(t, ks) for t, ks in out if ks]


def dynamics_plot(runs: list[TrainingRun], smooth: int = 5) -> str:
    """One figure: a grid of panels, each run a colour, each key a line style. With more
    than ``2 * smooth`` points a moving average (window ``smooth``) is drawn over the raw
    values (thin)."""
    plt = _pyplot()
    chosen = panels(runs)
    per_turn = any(r.list_series(PER_TURN_KEY) for r in runs)
    n = len(chosen) + (1 if per_turn else 0)
    if n == 0:
        raise ValueError("no plottable metrics in the training runs")
    cols = min(3, n)
    rows = math.ceil(n / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(5.0 * cols, 3.0 * rows), squeeze=False)
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    styles = ["-", "--", ":", "-."]
    flat = [ax for row in axes for ax in row]
    for ax, (title, keys) in zip(flat, chosen, strict=False):
        for ri, run in enumerate(runs):
            colour = colours[ri % len(colours)]
            for ki, key in enumerate(keys):
                xs, ys = run.series(key)
                if not xs:
                    continue
                label = run.name if len(keys) == 1 else f"{run.name}: {key.rsplit('/', 1)[-1]}"
                style = styles[ki % len(styles)]
                if len(ys) > 2 * smooth:
                    ax.plot(xs, ys, style, color=colour, alpha=0.3, linewidth=0.8)
                    ax.plot(xs, _smooth(ys, smooth), style, color=colour, label=label)
                else:
                    ax.plot(xs, ys, style, color=colour, marker="o", markersize=3, label=label)
        ax.set_title(title, fontsize=10)
        ax.set_xlabel("step", fontsize=8)
        ax.tick_params(labelsize=8)
        ax.legend(fontsize=6)
    if per_turn:
        ax = flat[len(chosen)]
        for ri, run in enumerate(runs):
            colour = colours[ri % len(colours)]
            data = run.list_series(PER_TURN_KEY)
            width = max((len(v) for _, v in data), default=0)
            for t in range(width):
                pts = [(s, v[t]) for s, v in data if t < len(v) and math.isfinite(v[t])]
                if pts:
                    ax.plot(
                        [p[0] for p in pts],
                        [p[1] for p in pts],
                        styles[t % len(styles)],
                        color=colour,
                        label=f"{run.name}: turn {t}",
                    )
        ax.set_title("turn-level KL per assistant turn", fontsize=10)
        ax.set_xlabel("step", fontsize=8)
        ax.tick_params(labelsize=8)
        ax.legend(fontsize=6)
    for ax in flat[n:]:
        ax.axis("off")
    fig.tight_layout()
    return _png(fig)


def _window_mean(values: list[float], first: bool, k: int) -> float | str:
    if not values:
        return ""
    part = values[:k] if first else values[-k:]
    return sum(part) / len(part)


def summary_table(runs: list[TrainingRun], k: int = 5) -> str:
    """Per run: steps logged, and the mean of the first and last ``k`` steps of the main
    quantities."""
    keys = ["reward", "accuracy", "response_tokens", "turns", "tool_calls", "kl_turn_mean"]
    keys += ["teacher_distance"]
    header = ["run", "steps", "skipped lines"]
    for key in keys:
        header += [f"{key} (first {k})", f"{key} (last {k})"]
    rows: list[list[object]] = []
    for r in runs:
        row: list[object] = [r.name, len(r.steps), r.skipped_lines]
        for key in keys:
            ys = r.series(key)[1]
            row += [_window_mean(ys, True, k), _window_mean(ys, False, k)]
        rows.append(row)
    return _table(header, rows)


def training_section(runs: list[TrainingRun]) -> str:
    """The HTML of the training section (a heading, the summary table, the figure)."""
    parts = ["<h2>Training dynamics</h2>", summary_table(runs)]
    if any(r.steps for r in runs) and panels(runs) + [
        (PER_TURN_KEY, []) for r in runs if r.list_series(PER_TURN_KEY)
    ]:
        parts.append(_img(dynamics_plot(runs), "training dynamics"))
    else:
        parts.append('<p class="small">No plottable metrics logged yet.</p>')
    configs = [[r.name, json.dumps(r.config, sort_keys=True)] for r in runs if r.config]
    if configs:
        parts += ["<h3>Training configurations</h3>", _table(["run", "config"], configs)]
    return "\n".join(parts)


def render_training(runs: list[TrainingRun]) -> str:
    """A self-contained HTML page of the training runs."""
    if not runs:
        raise ValueError("no training runs to report")
    return "\n".join(
        [
            "<!doctype html><html><head><meta charset='utf-8'>",
            f"<title>healthgym training report</title><style>{CSS}</style></head><body>",
            "<h1>healthgym training report</h1>",
            f'<p class="small">{len(runs)} run(s): {_e(", ".join(r.name for r in runs))}</p>',
            training_section(runs),
            "</body></html>",
        ]
    )


def write_training_report(paths: list[str | Path] | list[Path], out: str | Path) -> Path:
    """Load the training runs at ``paths`` and write their HTML page to ``out``."""
    runs = [load_training_run(p) for p in paths]
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_training(runs))
    return out
