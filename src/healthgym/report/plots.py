"""Matplotlib figures of one or several runs, returned as base64 PNG strings."""

from __future__ import annotations

import base64
import io
from typing import Any

from ..rewards.reward import COMPONENTS
from .data import Run

PARTS = (*COMPONENTS, "reward")


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _png(fig: Any) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90, bbox_inches="tight")
    _pyplot().close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def components_by_domain(run: Run) -> str:
    """Grouped bars: every reward component for each domain of one run."""
    plt = _pyplot()
    domains = run.domains
    fig, ax = plt.subplots(figsize=(max(6.0, 1.1 * len(domains) + 2), 3.6))
    width = 0.8 / len(PARTS)
    for k, part in enumerate(PARTS):
        # a domain with nothing scored has null means: drawn as 0
        values = [run.summary["by_domain"][d].get(part) or 0.0 for d in domains]
        xs = [i + (k - (len(PARTS) - 1) / 2) * width for i in range(len(domains))]
        ax.bar(xs, values, width, label=part)
    ax.set_xticks(range(len(domains)), domains, rotation=30, ha="right")
    ax.set_ylim(0, 1.05)
    ax.set_title(f"Reward components by domain: {run.name}")
    ax.legend(ncol=len(PARTS), fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.35))
    return _png(fig)


def reward_by_domain(runs: list[Run]) -> str:
    """Composite reward per domain, the runs side by side."""
    plt = _pyplot()
    domains = sorted({d for r in runs for d in r.domains})
    fig, ax = plt.subplots(figsize=(max(6.0, 1.1 * len(domains) + 2), 3.6))
    width = 0.8 / len(runs)
    for k, run in enumerate(runs):
        by = run.summary["by_domain"]
        values = [(by[d]["reward"] or 0.0) if d in by else 0.0 for d in domains]
        xs = [i + (k - (len(runs) - 1) / 2) * width for i in range(len(domains))]
        ax.bar(xs, values, width, label=run.name)
    ax.set_xticks(range(len(domains)), domains, rotation=30, ha="right")
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("mean composite reward")
    ax.legend(fontsize=7, ncol=min(4, len(runs)), loc="upper center", bbox_to_anchor=(0.5, -0.35))
    return _png(fig)


def distributions(runs: list[Run]) -> str:
    """Histograms of turns and tool calls per episode and response length per turn."""
    plt = _pyplot()
    fig, axes = plt.subplots(1, 3, figsize=(12, 3.2))
    series = [
        ("turns per episode", lambda r: [e.turns for e in r.episodes]),
        ("tool calls per episode", lambda r: [e.tool_calls for e in r.episodes]),
        (
            "response length (chars per turn)",
            lambda r: [c for e in r.episodes for c in e.response_chars],
        ),
    ]
    for ax, (title, get) in zip(axes, series, strict=True):
        for run in runs:
            values = get(run)
            if values:
                ax.hist(values, bins=20, histtype="step", linewidth=1.5, label=run.name)
        ax.set_title(title, fontsize=10)
        ax.set_ylabel("count")
    if any(r.episodes for r in runs):
        axes[0].legend(fontsize=7)
    return _png(fig)
