"""Matplotlib figures of one or several runs, returned as base64 PNG strings.

Every figure takes the domain order from the caller (one order for the whole report),
labels both axes with their units, and gives each run the same colour, marker and
hatch in every figure (:func:`run_style`).
"""

from __future__ import annotations

import base64
import io
from typing import Any

from ..rewards.reward import COMPONENTS
from .data import Run

PARTS = (*COMPONENTS, "reward")
COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf", "#7f7f7f")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
DASHES = ("-", "--", "-.", ":")
HATCHES = ("", "//", "..", "xx", "\\\\", "--", "++", "oo")
DPI = 90
WIDTH_IN = 12.5  # 1,125 px at DPI: the page's content width


def run_style(i: int) -> dict[str, str]:
    """The colour, marker, line style and hatch of the i-th run, the same in every figure."""
    return {
        "color": COLOURS[i % len(COLOURS)],
        "marker": MARKERS[i % len(MARKERS)],
        "linestyle": DASHES[(i // len(COLOURS) + i) % len(DASHES)],
        "hatch": HATCHES[i % len(HATCHES)],
    }


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _png(fig: Any) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, bbox_inches="tight")
    _pyplot().close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _legend_above(ax: Any, n: int) -> None:
    ax.legend(
        fontsize=9, ncol=min(n, 6), loc="lower left", bbox_to_anchor=(0.0, 1.01), frameon=False
    )


def accuracy_by_domain(runs: list[Run], domains: list[str], names: list[str]) -> str:
    """Mean accuracy per domain (rows, in ``domains`` order, top to bottom), one bar per
    run with its value written at its end (so a 0 is seen as 0); a domain a run did not
    play is marked "not run", one with nothing scored "n/a"."""
    plt = _pyplot()
    n = max(1, len(runs))
    height = 0.8 / n
    fig_h = max(2.4, len(domains) * (0.17 * n + 0.25) + 1.0)
    fig, ax = plt.subplots(figsize=(WIDTH_IN * 0.75, fig_h))
    size = 8 if n <= 4 else 7
    for k, run in enumerate(runs):
        style = run_style(k)
        by = run.summary["by_domain"]
        ys, xs = [], []
        for i, d in enumerate(domains):
            y = i + (k - (n - 1) / 2) * height
            value = (by.get(d) or {}).get("accuracy")
            if value is None:
                text = "not run" if d not in by else "n/a"
                ax.text(0.005, y, text, va="center", fontsize=size, color=style["color"])
                continue
            ys.append(y)
            xs.append(value)
            ax.text(value + 0.005, y, f"{value:.2f}", va="center", fontsize=size, color="#333")
        ax.barh(
            ys,
            xs,
            height,
            color=style["color"],
            hatch=style["hatch"],
            edgecolor="white",
            label=names[k],
        )
    ax.set_yticks(range(len(domains)), domains, fontsize=9)
    ax.set_ylim(len(domains) - 0.5, -0.5)  # the first domain on top
    ax.set_xlim(0, 1.08)
    ax.set_xticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    ax.set_xlabel("mean accuracy over scored episodes (0 = wrong or no answer, 1 = correct)")
    ax.set_ylabel("domain")
    ax.grid(axis="x", alpha=0.3)
    _legend_above(ax, n)
    return _png(fig)


def components_overall(runs: list[Run], names: list[str]) -> str:
    """The five reward components and the composite, over all domains, runs side by
    side; a zero bar is marked with a "0" so it is not mistaken for a missing one."""
    plt = _pyplot()
    n = max(1, len(runs))
    fig, ax = plt.subplots(figsize=(WIDTH_IN * 0.75, 3.4))
    width = 0.8 / n
    for k, run in enumerate(runs):
        style = run_style(k)
        overall = run.summary["overall"]
        xs, values = [], []
        for i, part in enumerate(PARTS):
            v = overall.get(part)
            x = i + (k - (n - 1) / 2) * width
            if v is None:
                ax.text(x, 0.02, "n/a", ha="center", fontsize=7, rotation=90)
                continue
            if v < 0.005:
                ax.text(x, 0.01, "0", ha="center", fontsize=7, color=style["color"])
            xs.append(x)
            values.append(v)
        ax.bar(
            xs,
            values,
            width,
            color=style["color"],
            hatch=style["hatch"],
            edgecolor="white",
            label=names[k],
        )
    labels = [*COMPONENTS, "composite\nreward"]
    ax.set_xticks(range(len(PARTS)), labels, fontsize=9)
    ax.set_xlabel("reward component (each in [0, 1]; the composite is gated, see the text)")
    ax.set_ylabel("mean over scored episodes")
    ax.set_ylim(0, 1.05)
    ax.grid(axis="y", alpha=0.3)
    _legend_above(ax, n)
    return _png(fig)


def _integer_shares(values: list[int]) -> dict[int, float]:
    out: dict[int, float] = {}
    for v in values:
        out[v] = out.get(v, 0.0) + 100.0 / len(values)
    return out


def _length_bins(values: list[float]) -> list[float]:
    top = max(values, default=1.0)
    return [top * i / 24 for i in range(25)] if top > 0 else [0.0, 1.0]


def distributions(runs: list[Run], names: list[str]) -> str:
    """Normalised distributions (the share of each run's own episodes or turns, so a
    run of 20 episodes is as visible as one of 1,000): turns and tool calls per episode
    (counts: one marker per value), response length per turn in characters and, where a
    run logged them, in model tokens (histograms)."""
    from matplotlib.lines import Line2D
    from matplotlib.ticker import MaxNLocator

    plt = _pyplot()
    series: list[tuple[str, str, str, Any, bool]] = [
        (
            "turns per episode",
            "assistant turns per episode",
            "share of episodes (%)",
            lambda r: [e.turns for e in r.episodes],
            True,
        ),
        (
            "tool calls per episode",
            "tool calls per episode",
            "share of episodes (%)",
            lambda r: [e.tool_calls for e in r.episodes],
            True,
        ),
        (
            "response length",
            "characters per assistant turn",
            "share of turns (%)",
            lambda r: [c for e in r.episodes for c in e.response_chars],
            False,
        ),
    ]
    if any(r.logs_tokens() for r in runs):
        series.append(
            (
                "response length (model tokens)",
                "model tokens per assistant turn",
                "share of turns (%)",
                lambda r: [t for e in r.episodes for t in e.response_tokens],
                False,
            )
        )
    fig, axes = plt.subplots(1, len(series), figsize=(WIDTH_IN, 3.2), squeeze=False)
    for ax, (title, xlabel, ylabel, get, discrete) in zip(axes[0], series, strict=True):
        everything = [v for r in runs for v in get(r)]
        bins = _length_bins(everything)
        for k, run in enumerate(runs):
            values = get(run)
            if not values:
                continue
            style = run_style(k)
            if discrete:
                shares = _integer_shares(values)
                xs = sorted(shares)
                ax.plot(
                    xs,
                    [shares[x] for x in xs],
                    linestyle=style["linestyle"],
                    color=style["color"],
                    marker=style["marker"],
                    markersize=6,
                    fillstyle="full" if k == 0 else "none",
                    linewidth=1.2,
                )
            else:
                weights = [100.0 / len(values)] * len(values)
                ax.hist(
                    values,
                    bins=bins,
                    weights=weights,
                    histtype="step",
                    linewidth=1.6,
                    color=style["color"],
                    linestyle=style["linestyle"],
                )
        if discrete:
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_title(title, fontsize=10)
        ax.set_xlabel(xlabel, fontsize=9)
        ax.set_ylabel(ylabel, fontsize=9)
        ax.set_ylim(bottom=0)
        ax.tick_params(labelsize=8)
        ax.grid(alpha=0.3)
    handles, labels = [], []
    for k, run in enumerate(runs):
        if not run.episodes:
            continue
        style = run_style(k)
        handles.append(
            Line2D(
                [],
                [],
                color=style["color"],
                linestyle=style["linestyle"],
                marker=style["marker"],
                fillstyle="full" if k == 0 else "none",
            )
        )
        turns = sum(len(e.response_chars) for e in run.episodes)
        labels.append(f"{names[k]} ({len(run.episodes):,} episodes, {turns:,} turns)")
    fig.tight_layout()
    if handles:
        fig.legend(
            handles,
            labels,
            loc="lower center",
            bbox_to_anchor=(0.5, 1.0),
            ncol=min(len(handles), 3),
            fontsize=9,
            frameon=False,
        )
    return _png(fig)


def pass_k_curves(runs: list[Run], names: list[str]) -> str:
    """pass^k (solid) and pass@k (dashed) against k over all domains, for runs with
    repeated trials."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(WIDTH_IN * 0.55, 3.4))
    drawn = 0
    for i, run in enumerate(runs):
        overall = run.summary["overall"]
        hats = overall.get("pass_hat_k") or {}
        ats = overall.get("pass_at_k") or {}
        if int(overall.get("trials") or 0) < 2 or not hats:
            continue
        style = run_style(i)
        ks = sorted(int(k) for k in hats)
        ax.plot(
            ks,
            [hats[str(k)] for k in ks],
            "-",
            color=style["color"],
            marker=style["marker"],
            label=f"{names[i]}: pass^k",
        )
        at_ks = sorted(int(k) for k in ats)
        ax.plot(
            at_ks,
            [ats[str(k)] for k in at_ks],
            "--",
            color=style["color"],
            marker=style["marker"],
            fillstyle="none",
            label=f"{names[i]}: pass@k",
        )
        drawn += 1
    ax.set_xlabel("k (trials of the same task)")
    ax.set_ylabel("share of tasks (0-1)")
    ax.set_ylim(0, 1.05)
    ax.grid(alpha=0.3)
    if drawn:
        ax.legend(fontsize=8)
    return _png(fig)
