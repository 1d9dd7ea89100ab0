"""The combined evaluation table: benchmarks x runs, in the paper's layout.

Rows are benchmarks, columns are runs; a cell is the accuracy in percent with its 95%
bootstrap interval, ``57.3 (54.6-60.1)``, and the last row the unweighted average
over the benchmarks. Runs whose label names one of the paper's columns (text
baseline, agentic baseline, GRPO, TT-OPD; matched case- and punctuation-blind) come
first in that order, the others follow in the order given. A run's label is the one
given on the command line, else its ``summary.json`` ``config.label``, else the
folder's name.

:func:`write_report` writes the markdown table and, beside it, an HTML page with the
same table and a bar plot (matplotlib, imported only then) with the intervals. Runs made
with ``--trials K`` add a second table (:func:`trials_table`): per benchmark and run,
pass^k for k = 1..K, pass@K, the spread of the per-item success rate and the
run-to-run standard deviation of the accuracy.
"""

from __future__ import annotations

import base64
import html
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PAPER_COLUMNS = ("text baseline", "agentic baseline", "grpo", "tt-opd")


@dataclass(frozen=True)
class EvalRun:
    """One ``healthgym eval`` output."""

    label: str
    path: Path
    summary: dict[str, Any]

    @property
    def by_benchmark(self) -> dict[str, Any]:
        return self.summary.get("by_benchmark", {})


def load_eval_run(path: str | Path, label: str | None = None) -> EvalRun:
    """Read ``path/summary.json`` (or the file itself)."""
    p = Path(path)
    file = p / "summary.json" if p.is_dir() else p
    if not file.is_file():
        raise FileNotFoundError(f"no summary.json at {p}")
    try:
        summary = json.loads(file.read_text())
    except json.JSONDecodeError as e:
        raise ValueError(f"{file}: not JSON ({e.msg})") from None
    if not isinstance(summary, dict) or not isinstance(summary.get("by_benchmark"), dict):
        raise ValueError(f"{file}: not an eval summary (no by_benchmark)")
    name = label or (summary.get("config") or {}).get("label") or file.parent.name
    return EvalRun(str(name), file.parent, summary)


def _key(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", label.lower()).strip()


def paper_order(runs: list[EvalRun]) -> list[EvalRun]:
    """The paper's columns first (in its order), then the other runs as given."""
    rank = {_key(c): i for i, c in enumerate(PAPER_COLUMNS)}
    known = sorted((r for r in runs if _key(r.label) in rank), key=lambda r: rank[_key(r.label)])
    return known + [r for r in runs if _key(r.label) not in rank]


def benchmarks_of(runs: list[EvalRun]) -> list[str]:
    names: list[str] = []
    for r in runs:
        names += [b for b, s in r.by_benchmark.items() if b not in names and s.get("n")]
    return names


def cell(stats: dict[str, Any] | None) -> str:
    """``57.3 (54.6-60.1)``; ``-`` when the run has no such benchmark."""
    if not stats or not stats.get("n") or stats.get("accuracy") is None:
        return "-"
    lo, hi = stats["ci95"]
    return f"{100 * stats['accuracy']:.1f} ({100 * lo:.1f}-{100 * hi:.1f})"


def average(run: EvalRun, names: list[str]) -> float | None:
    """Unweighted mean accuracy over ``names`` (None unless the run has all of them)."""
    values = [run.by_benchmark.get(n, {}).get("accuracy") for n in names]
    if not values or any(v is None for v in values):
        return None
    return sum(values) / len(values)


def table(runs: list[EvalRun]) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the combined table (runs already ordered)."""
    names = benchmarks_of(runs)
    header = ["Benchmark", "n", *[r.label for r in runs]]
    rows = []
    for b in names:
        n = next((r.by_benchmark[b]["n"] for r in runs if r.by_benchmark.get(b, {}).get("n")), 0)
        rows.append([b, str(n), *[cell(r.by_benchmark.get(b)) for r in runs]])
    avgs = [average(r, names) for r in runs]
    rows.append(["Average", "", *["-" if a is None else f"{100 * a:.1f}" for a in avgs]])
    return header, rows


TRIALS_NOTE = (
    "pass^k: the chance that all k of k trials of an item are correct (tau-bench's "
    "C(c,k)/C(n,k)); pass@k: that at least one is (1 - C(n-c,k)/C(n,k)); both in %, "
    "averaged over items. Item std: the spread of the per-item success rate; run std: "
    "the standard deviation of the accuracy between trials (the noise floor of one run)."
)


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}"


def trials_table(runs: list[EvalRun]) -> tuple[list[str], list[list[str]]] | None:
    """pass^k per benchmark and run, for runs with ``--trials K`` (K > 1); None if none."""
    ks = max((int(s.get("trials") or 0) for r in runs for s in r.by_benchmark.values()), default=0)
    if ks < 2:
        return None
    header = ["Benchmark", "Run", "trials", *[f"pass^{k}" for k in range(1, ks + 1)]]
    header += ["pass@K", "item std", "run std"]
    rows = []
    for b in benchmarks_of(runs):
        for r in runs:
            s = r.by_benchmark.get(b) or {}
            k = int(s.get("trials") or 0)
            if k < 2:
                continue
            hats = s.get("pass_hat_k") or {}
            rate = s.get("success_rate") or {}
            rows.append(
                [
                    b,
                    r.label,
                    str(k),
                    *[_pct(hats.get(str(j))) for j in range(1, ks + 1)],
                    _pct((s.get("pass_at_k") or {}).get(str(k))),
                    _pct(rate.get("std")),
                    _pct(s.get("run_std")),
                ]
            )
    return header, rows


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] * len(header)) + "|"]
    return lines + ["| " + " | ".join(r) + " |" for r in rows]


def markdown(runs: list[EvalRun]) -> str:
    header, rows = table(runs)
    lines = _md_table(header, rows)
    notes = [f"- **{r.label}**: {_describe(r)}" for r in runs]
    trials = trials_table(runs)
    extra = ""
    if trials is not None:
        extra = (
            "\n## pass^k over repeated trials (%)\n\n"
            + "\n".join(_md_table(*trials))
            + f"\n\n{TRIALS_NOTE}\n"
        )
    return (
        "# Benchmark accuracy (%), 95% bootstrap interval\n\n"
        + "\n".join(lines)
        + "\n"
        + extra
        + "\nRuns:\n"
        + "\n".join(notes)
        + "\n"
    )


def _describe(run: EvalRun) -> str:
    c = run.summary.get("config") or {}
    keys = ("policy", "model", "mode", "limit", "seed")
    parts = [f"{k}={c[k]}" for k in keys if c.get(k)]
    if (c.get("trials") or 1) > 1:
        parts.append(f"trials={c['trials']}")
    return ", ".join(parts) or str(run.path)


def bar_plot(runs: list[EvalRun]) -> str:
    """Grouped bars of accuracy per benchmark with the 95% intervals (base64 PNG)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = benchmarks_of(runs)
    fig, ax = plt.subplots(figsize=(max(6.0, 1.3 * len(names) + 2), 3.8))
    width = 0.8 / max(1, len(runs))
    for k, run in enumerate(runs):
        xs, ys, err = [], [], [[], []]
        for i, b in enumerate(names):
            s = run.by_benchmark.get(b)
            if not s or not s.get("n") or s.get("accuracy") is None:
                continue
            acc, (lo, hi) = 100 * s["accuracy"], s["ci95"]
            xs.append(i + (k - (len(runs) - 1) / 2) * width)
            ys.append(acc)
            err[0].append(max(0.0, acc - 100 * lo))
            err[1].append(max(0.0, 100 * hi - acc))
        ax.bar(xs, ys, width, yerr=err, capsize=2, label=run.label)
    ax.set_xticks(range(len(names)), names, rotation=20, ha="right")
    ax.set_ylim(0, 100)
    ax.set_ylabel("accuracy (%)")
    ax.legend(fontsize=8, ncol=min(4, len(runs)), loc="upper center", bbox_to_anchor=(0.5, -0.3))
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90, bbox_inches="tight")
    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def html_page(runs: list[EvalRun]) -> str:
    header, rows = table(runs)
    e = html.escape
    head = "".join(f"<th>{e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{e(v)}</td>" for v in r) + "</tr>" for r in rows)
    notes = "".join(f"<li><b>{e(r.label)}</b>: {e(_describe(r))}</li>" for r in runs)
    trials = trials_table(runs)
    trials_html = ""
    if trials is not None:
        t_head = "".join(f"<th>{e(h)}</th>" for h in trials[0])
        t_body = "".join(
            "<tr>" + "".join(f"<td>{e(v)}</td>" for v in r) + "</tr>" for r in trials[1]
        )
        trials_html = (
            "<h2>pass^k over repeated trials (%)</h2>"
            f"<table><tr>{t_head}</tr>{t_body}</table><p>{e(TRIALS_NOTE)}</p>"
        )
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>healthgym eval</title>"
        "<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1200px}"
        "table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:4px 8px}"
        "th{background:#f3f3f3}td:not(:first-child){text-align:right}</style></head><body>"
        "<h1>Benchmark accuracy (%), 95% bootstrap interval</h1>"
        f"<table><tr>{head}</tr>{body}</table>"
        f'<img alt="accuracy by benchmark" src="data:image/png;base64,{bar_plot(runs)}">'
        f"{trials_html}"
        f"<h2>Runs</h2><ul>{notes}</ul></body></html>"
    )


def write_report(
    paths: list[str | Path] | list[Path], out: str | Path, labels: list[str] | None = None
) -> list[Path]:
    """Write ``out`` (markdown) and ``out`` with ``.html``; return both paths."""
    if not paths:
        raise ValueError("no runs to report")
    if labels is not None and len(labels) != len(paths):
        raise ValueError(f"{len(labels)} labels for {len(paths)} runs")
    runs = [load_eval_run(p, labels[i] if labels else None) for i, p in enumerate(paths)]
    runs = paper_order(runs)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    md = out if out.suffix == ".md" else out.with_suffix(".md")
    md.write_text(markdown(runs))
    page = md.with_suffix(".html")
    page.write_text(html_page(runs))
    return [md, page]
