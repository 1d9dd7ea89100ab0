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
from .data import unique_names
from .html import CSS, ReportSection, _e, _img, _table, settings_table
from .plots import DASHES, _png, _pyplot, run_style

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
    label = str(config.get("algo") or "")
    name = folder.resolve().name or str(folder)
    if label and label.lower() not in name.lower():
        name = f"{name} ({label})"
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
# the y-axis label (with its unit) of each panel
YLABELS: dict[str, str] = {
    "training reward": "reward per episode",
    "reward parts (env composite, cosine length)": "reward per episode",
    "reward components": "mean component (0-1)",
    "accuracy": "mean accuracy (0-1)",
    "response length (model tokens per episode)": "tokens per episode",
    "turns per episode": "turns per episode",
    "tool calls per episode": "tool calls per episode",
    "turn-level KL (mean over turns)": "KL (nats per token)",
    "teacher-student parameter distance": "L2 distance",
    "hint tokens": "tokens per step",
    "KL coefficient": "coefficient",
    "KL to the reference": "KL (nats per token)",
    "loss": "loss",
    "clip fraction": "share of tokens clipped",
    "grad norm": "gradient L2 norm",
    "learning rate": "learning rate",
    "failed rollouts": "episodes per step",
}
PER_TURN_KEY = "kl_per_turn"
PER_TURN_TITLE = "turn-level KL per assistant turn"
SMOOTH = 5  # moving-average window (steps) of the plotted lines
# a run's tool calls per episode "collapse" when the mean of its last steps is at most
# this share of the mean of its first steps (and the first steps made at least 0.2 calls)
COLLAPSE_SHARE = 0.5


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


def _varies(values: list[float]) -> bool:
    return bool(values) and max(values) - min(values) > 1e-12 * max(1.0, abs(max(values)))


def panels(runs: list[TrainingRun]) -> list[tuple[str, list[str]]]:
    """The panels that have data in at least one run, with their present keys."""
    out = [(title, _present(runs, keys)) for title, keys in PANELS]
    return [(t, ks) for t, ks in out if ks]


def _per_turn_varies(runs: list[TrainingRun]) -> bool:
    values = [x for r in runs for _, v in r.list_series(PER_TURN_KEY) for x in v]
    return _varies([x for x in values if math.isfinite(x)])


def plotted_panels(
    runs: list[TrainingRun],
) -> tuple[list[tuple[str, list[str]]], list[tuple[str, list[tuple[str, float]]]]]:
    """The panels worth plotting and the constant series.

    A key is plotted when it changed over the steps in at least one run (every run's
    line is then drawn, for comparison); a key that stayed at one value in every run
    that logged it is listed instead, as ``(key, [(run name, value), ...])``; a panel
    with no changing key is left out."""
    chosen: list[tuple[str, list[str]]] = []
    constant: list[tuple[str, list[tuple[str, float]]]] = []
    for title, keys in panels(runs):
        varying = []
        for key in keys:
            series = [(r.name, r.series(key)[1]) for r in runs]
            if any(_varies(ys) for _, ys in series):
                varying.append(key)
            else:
                constant.append((key, [(name, ys[0]) for name, ys in series if ys]))
        if varying:
            chosen.append((title, varying))
    return chosen, constant


def _run_legend(fig: Any, runs: list[TrainingRun]) -> None:
    from matplotlib.lines import Line2D

    handles = [
        Line2D(
            [],
            [],
            color=run_style(i)["color"],
            marker=run_style(i)["marker"],
            linewidth=max(1.1, 3.0 - 0.8 * i),
            fillstyle="full" if i == 0 else "none",
            markersize=8,
        )
        for i in range(len(runs))
    ]
    fig.legend(
        handles,
        [r.name for r in runs],
        loc="lower center",
        bbox_to_anchor=(0.5, 1.0),
        ncol=min(len(runs), 4),
        fontsize=10,
        frameon=False,
    )


def _key_legend(ax: Any, keys: list[str], labels: list[str]) -> None:
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], color="#333", linestyle=DASHES[i % len(DASHES)], linewidth=1.6)
        for i in range(len(keys))
    ]
    ax.legend(handles, labels, fontsize=8, loc="best")


def _draw(
    ax: Any,
    xs: list[float],
    ys: list[float],
    run_index: int,
    dash: str,
    smooth: int,
) -> None:
    """One run's line: the first run widest and underneath, later runs narrower and on
    top with hollow markers, so lines that coincide stay visible."""
    style = run_style(run_index)
    width = max(1.1, 3.0 - 0.8 * run_index)
    marker = {
        "marker": style["marker"],
        "markersize": max(4.0, 7.0 - run_index),
        "fillstyle": "full" if run_index == 0 else "none",
        "markeredgewidth": 1.3,
    }
    z = 2 + run_index
    if len(ys) > 2 * smooth:
        ax.plot(xs, ys, dash, color=style["color"], alpha=0.3, linewidth=0.8, zorder=z)
        every = max(1, len(xs) // 8)
        ax.plot(
            xs,
            _smooth(ys, smooth),
            dash,
            color=style["color"],
            linewidth=width,
            markevery=every,
            zorder=z,
            **marker,
        )
    else:
        ax.plot(xs, ys, dash, color=style["color"], linewidth=width, zorder=z, **marker)


def _same_series(runs: list[TrainingRun], a: str, b: str) -> bool:
    return all(r.series(a) == r.series(b) for r in runs)


def _merge_identical(runs: list[TrainingRun], keys: list[str]) -> list[tuple[str, str]]:
    """``(key, legend label)`` with keys whose series are identical in every run drawn
    once, labelled ``a = b`` (e.g. hint tokens inserted = removed)."""
    out: list[tuple[str, list[str]]] = []
    for key in keys:
        for kept, labels in out:
            if _same_series(runs, kept, key):
                labels.append(key.rsplit("/", 1)[-1])
                break
        else:
            out.append((key, [key.rsplit("/", 1)[-1]]))
    return [(k, "\n= ".join(labels)) for k, labels in out]


def dynamics_plot(runs: list[TrainingRun], smooth: int = SMOOTH) -> str:
    """One figure: a grid of the panels that changed (:func:`plotted_panels`); each run
    has its own colour and marker (legend above the grid), each key in a panel its own
    line style (the panel's legend). With more than ``2 * smooth`` points a run's line is
    the trailing moving average over ``smooth`` steps, drawn over the raw values (thin)."""
    plt = _pyplot()
    from matplotlib.ticker import MaxNLocator

    chosen, _ = plotted_panels(runs)
    per_turn = _per_turn_varies(runs)
    n = len(chosen) + (1 if per_turn else 0)
    if n == 0:
        raise ValueError("no plottable metrics in the training runs (none changed over the steps)")
    cols = min(3, n)
    rows = math.ceil(n / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(4.2 * cols, 3.0 * rows), squeeze=False)
    flat = [ax for row in axes for ax in row]
    for ax, (title, keys) in zip(flat, chosen, strict=False):
        drawn = _merge_identical(runs, keys)
        for ri, run in enumerate(runs):
            for ki, (key, _) in enumerate(drawn):
                xs, ys = run.series(key)
                if xs:
                    _draw(ax, xs, ys, ri, DASHES[ki % len(DASHES)], smooth)
        ax.set_title(title, fontsize=10)
        ax.set_ylabel(YLABELS.get(title, title), fontsize=9)
        if len(drawn) > 1 or len(keys) > 1:
            _key_legend(ax, [k for k, _ in drawn], [label for _, label in drawn])
    if per_turn:
        ax = flat[len(chosen)]
        for ri, run in enumerate(runs):
            data = run.list_series(PER_TURN_KEY)
            width = max((len(v) for _, v in data), default=0)
            for t in range(width):
                pts = [(s, v[t]) for s, v in data if t < len(v) and math.isfinite(v[t])]
                if pts:
                    _draw(
                        ax,
                        [p[0] for p in pts],
                        [p[1] for p in pts],
                        ri,
                        DASHES[t % len(DASHES)],
                        smooth,
                    )
        width = max((len(v) for r in runs for _, v in r.list_series(PER_TURN_KEY)), default=0)
        _key_legend(ax, [str(t) for t in range(width)], [f"turn {t}" for t in range(width)])
        ax.set_title(PER_TURN_TITLE, fontsize=10)
        ax.set_ylabel("KL (nats per token)", fontsize=9)
    for ax in flat[:n]:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel("training step", fontsize=9)
        ax.tick_params(labelsize=9)
        ax.grid(alpha=0.3)
    for ax in flat[n:]:
        ax.axis("off")
    fig.tight_layout()
    _run_legend(fig, runs)
    return _png(fig)


def _window(values: list[float], k: int) -> tuple[float, float, int] | None:
    """Means of the first and last ``k`` values (``k`` at most half of them, at least 1)."""
    if not values:
        return None
    k = max(1, min(k, len(values) // 2))
    return sum(values[:k]) / k, sum(values[-k:]) / k, k


SUMMARY_KEYS = [
    ("reward", "training reward"),
    ("reward_env", "environment composite"),
    ("length_reward", "cosine length term"),
    ("accuracy", "accuracy"),
    ("format", "format"),
    ("response_tokens", "model tokens per episode"),
    ("turns", "turns per episode"),
    ("tool_calls", "tool calls per episode"),
    ("kl_turn_mean", "turn-level KL"),
    ("teacher_distance", "teacher-student distance"),
]


def summary_table(runs: list[TrainingRun], k: int = 5) -> str:
    """Quantities as rows, runs as columns: steps logged, then for each main quantity the
    mean of the first ``k`` steps -> the mean of the last ``k`` (``k`` at most half the
    steps, so the two windows never overlap)."""
    names = [r.name for r in runs]
    rows: list[list[object]] = [
        ["steps logged", *[len(r.steps) for r in runs]],
    ]
    if any(r.skipped_lines for r in runs):
        rows.append(["lines skipped (not JSON objects)", *[r.skipped_lines for r in runs]])
    for key, label in SUMMARY_KEYS:
        cells: list[object] = []
        for r in runs:
            w = _window(r.series(key)[1], k)
            cells.append(None if w is None else f"{w[0]:.3f} → {w[1]:.3f}")
        if any(c is not None for c in cells):
            rows.append([f"{label} ({key})", *cells])
    return _table([f"first {k} → last {k} steps (means)", *names], rows)


def _fmt_num(v: float) -> str:
    return f"{v:.4g}"


def _notes(
    runs: list[TrainingRun], constant: list[tuple[str, list[tuple[str, float]]]], smooth: int
) -> list[str]:
    notes = [
        f"Lines: thin, the value logged at each step; thick, the trailing moving average "
        f"over {smooth} steps (drawn when a run has more than {2 * smooth} steps; shorter "
        "runs show the raw values with markers). Each run has one colour and marker in every "
        "panel; in a panel with several quantities each has its own line style."
    ]
    for r in runs:
        xs, ys = r.series("length_reward")
        if not ys:
            continue
        weight = r.config.get("length_weight")
        params = r.config.get("length_params") or {}
        exceed = params.get("r_exceed", -1.0) if isinstance(params, dict) else -1.0
        if not _varies(ys):
            text = (
                f"<b>{_e(r.name)}: the length reward is a constant {_fmt_num(ys[0])}</b> "
                f"over all {len(ys)} steps"
            )
            if _number(exceed) and abs(ys[0] - exceed) < 1e-9:
                text += (
                    " — the cosine length term's truncation value: every episode was "
                    "truncated (it ended by the turn limit or the token budget, "
                    "<code>truncated_by</code> in the config)"
                )
            if _number(weight):
                text += (
                    f"; with length_weight {_fmt_num(weight)} it shifts every episode's "
                    f"training reward by {_fmt_num(weight * ys[0])} and carries no "
                    "learning signal"
                )
            else:
                text += "; it carries no learning signal"
            notes.append(text + ".")
        else:
            w = _window(ys, 5)
            assert w is not None
            notes.append(
                f"{_e(r.name)}: the length reward moved from {w[0]:.3f} (mean of the first "
                f"{w[2]} steps) to {w[1]:.3f} (last {w[2]}), range {min(ys):.3f} to "
                f"{max(ys):.3f}."
            )
    for r in runs:
        xs, ys = r.series("tool_calls")
        w = _window(ys, 5)
        if w is None or len(ys) < 4:
            continue
        first, last, k = w
        if first >= 0.2 and last <= COLLAPSE_SHARE * first:
            notes.append(
                f"<b>{_e(r.name)}: tool calls collapsed</b> from {first:.2f} per episode (mean "
                f"of the first {k} steps; {ys[0]:.2f} at step {xs[0]:g}) to {last:.2f} (last "
                f"{k}; {ys[-1]:.2f} at step {xs[-1]:g}): the policy stopped calling tools, so "
                "a change in its reward is not better tool use; read it with the turns, "
                "format and accuracy rows."
            )
    if constant:
        items = []
        for key, values in constant:
            by_value: dict[str, list[str]] = {}
            for name, v in values:
                by_value.setdefault(_fmt_num(v), []).append(name)
            if len(runs) == 1:
                text = "; ".join(by_value)
            else:
                text = "; ".join(f"{v} ({', '.join(ns)})" for v, ns in by_value.items())
            items.append(f"<code>{_e(key)}</code> = {_e(text)}")
        notes.append("Constant over every logged step, so not plotted: " + ", ".join(items) + ".")
    return notes


def training_section(runs: list[TrainingRun]) -> ReportSection:
    """The HTML of the training section (a heading, the summary table, notes, the
    figure, configurations); it names its runs, so a report's header counts them."""
    names = unique_names([r.name for r in runs], [r.path for r in runs])
    for r, n in zip(runs, names, strict=True):
        r.name = n
    parts = ['<h2 id="training">Training dynamics</h2>', summary_table(runs)]
    chosen, constant = plotted_panels(runs) if any(r.steps for r in runs) else ([], [])
    per_turn = _per_turn_varies(runs)
    if any(r.steps for r in runs):
        notes = _notes(runs, constant, SMOOTH)
        parts.append('<ul class="tight">' + "".join(f"<li>{n}</li>" for n in notes) + "</ul>")
    if chosen or per_turn:
        parts.append(_img(dynamics_plot(runs), "training dynamics"))
    elif any(r.steps for r in runs):
        parts.append(
            '<p class="small">No logged metric changed over the steps: nothing to '
            "plot (the constant values are listed above).</p>"
        )
    else:
        parts.append('<p class="small">No plottable metrics logged yet.</p>')
    configs = [r for r in runs if r.config]
    if configs:
        parts += [
            "<h3>Training configurations</h3>",
            settings_table([r.config for r in configs], [r.name for r in configs]),
        ]
    return ReportSection("\n".join(parts), runs=names, kind="training")


def render_training(runs: list[TrainingRun]) -> str:
    """A self-contained HTML page of the training runs."""
    if not runs:
        raise ValueError("no training runs to report")
    section = training_section(runs)
    word = "run" if len(runs) == 1 else "runs"
    return "\n".join(
        [
            "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
            "<meta name='viewport' content='width=device-width, initial-scale=1'>",
            f"<title>healthgym training report</title><style>{CSS}</style></head><body>",
            "<h1>healthgym training report</h1>",
            f'<p class="small">{len(runs)} training {word}: {_e(", ".join(section.runs))}</p>',
            section,
            "</body></html>",
        ]
    )


def write_training_report(paths: list[str | Path] | list[Path], out: str | Path) -> Path:
    """Load the training runs at ``paths`` and write their HTML page to ``out``."""
    runs = [load_training_run(p) for p in paths]
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_training(runs), encoding="utf-8")
    return out
