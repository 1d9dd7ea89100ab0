"""A self-contained HTML report: tables and embedded base64 PNG plots."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path

from ..rewards.reward import COMPONENTS
from ..version import check_same_suite
from . import plots
from .data import Run, domain_means, load_run

CSS = """
body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}
table{border-collapse:collapse;margin:1em 0;font-size:13px}
th,td{border:1px solid #ccc;padding:4px 8px;text-align:right}
th{background:#f3f3f3}td.l,th.l{text-align:left}
img{max-width:100%;margin:0.5em 0}h2{margin-top:1.6em;border-bottom:1px solid #ddd}
.small{color:#666;font-size:12px}
"""


def _e(text: object) -> str:
    return html.escape(str(text))


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    if value is None:  # a mean over nothing scored
        return "n/a"
    return _e(value)


def _table(header: list[str], rows: list[list[object]]) -> str:
    head = "".join(
        f'<th class="{"l" if i == 0 else ""}">{_e(h)}</th>' for i, h in enumerate(header)
    )
    body = "".join(
        "<tr>"
        + "".join(f'<td class="{"l" if i == 0 else ""}">{_fmt(v)}</td>' for i, v in enumerate(r))
        + "</tr>"
        for r in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _img(b64: str, alt: str) -> str:
    return f'<img alt="{_e(alt)}" src="data:image/png;base64,{b64}">'


def overview(runs: list[Run]) -> str:
    keys = ["episodes", "errors", "reward", *COMPONENTS, "critical_capped", "mean_turns"]
    rows: list[list[object]] = []
    for k in keys:
        rows.append([k, *[r.summary["overall"].get(k, "") for r in runs]])
    for k in ("tool_calls", "response_chars", "response_tokens"):
        rows.append([f"mean {k}", *[domain_means(r)[k] for r in runs]])
    return _table(["", *[r.name for r in runs]], rows)


def per_domain(runs: list[Run]) -> str:
    domains = sorted({d for r in runs for d in r.domains})
    header = ["domain"]
    for r in runs:
        prefix = f"{r.name}: " if len(runs) > 1 else ""
        header += [f"{prefix}{c}" for c in ("n", "reward", *COMPONENTS, "turns", "tool calls")]
    rows = []
    for d in domains:
        row: list[object] = [d]
        for r in runs:
            s = r.summary["by_domain"].get(d)
            if s is None:
                row += [""] * (len(COMPONENTS) + 4)
                continue
            m = domain_means(r, d) if r.episodes else {"turns": s["mean_turns"], "tool_calls": ""}
            row += [s["episodes"], s["reward"], *[s[c] for c in COMPONENTS]]
            row += [m["turns"], m["tool_calls"]]
        rows.append(row)
    return _table(header, rows)


def pass_k(runs: list[Run]) -> str:
    """pass^k (all k trials succeed) and pass@k (at least one does) per domain, for runs
    with ``--trials K``, with the per-task success rate and the run-to-run std."""
    rows: list[list[object]] = []
    k_max = max(
        (int(s.get("trials") or 0) for r in runs for s in r.summary["by_domain"].values()),
        default=0,
    )
    if k_max == 0:
        return ""
    ks = [str(k) for k in range(1, k_max + 1)]
    for r in runs:
        groups = [*r.summary["by_domain"].items(), ("overall", r.summary["overall"])]
        for d, s in groups:
            if not s.get("trials"):
                continue
            rate = s.get("success_rate") or {}
            hats = s.get("pass_hat_k") or {}
            ats = s.get("pass_at_k") or {}
            label = f"{r.name}: {d}" if len(runs) > 1 else d
            rows.append(
                [
                    label,
                    s["trials"],
                    s.get("tasks", ""),
                    *[hats.get(k, "") for k in ks],
                    *[ats.get(k, "") for k in ks],
                    rate.get("std"),
                    s.get("run_std"),
                ]
            )
    header = ["domain", "trials", "tasks", *[f"pass^{k}" for k in ks]]
    header += [*[f"pass@{k}" for k in ks], "task success std", "run std"]
    note = (
        '<p class="small">pass^k: the chance that all k of k trials of a task succeed '
        "(accuracy 1.0), C(c,k)/C(n,k) per task averaged over tasks (Yao et al. 2024, "
        "tau-bench); pass@k: at least one succeeds, 1 - C(n-c,k)/C(n,k) (Chen et al. 2021); "
        "run std: the standard deviation of the mean accuracy across the trial runs.</p>"
    )
    return "<h2>pass^k over repeated trials</h2>" + note + _table(header, rows)


def endings(runs: list[Run]) -> str:
    kinds = sorted({k for r in runs for k in r.ended_by()})
    if not kinds:
        return '<p class="small">No trajectories found.</p>'
    return _table(
        ["ended by", *[r.name for r in runs]],
        [[k, *[r.ended_by()[k] for r in runs]] for k in kinds],
    )


def render(runs: list[Run], sections: Sequence[str] = ()) -> str:
    """The report page; ``sections`` are extra HTML sections appended at the end (e.g.
    :func:`healthgym.report.training.training_section`)."""
    if not runs:
        raise ValueError("no runs to report")
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'><title>healthgym report</title>",
        f"<style>{CSS}</style></head><body><h1>healthgym report</h1>",
        f'<p class="small">{len(runs)} run(s); generated {when}</p>',
        _suite_note(runs),
        "<h2>Overview</h2>",
        overview(runs),
        "<h2>Composite reward by domain</h2>",
        _img(plots.reward_by_domain(runs), "reward by domain"),
        "<h2>Per-domain results</h2>",
        per_domain(runs),
        pass_k(runs),
        "<h2>Reward components</h2>",
        *[_img(plots.components_by_domain(r), f"components {r.name}") for r in runs],
        "<h2>Turns, tool calls and response lengths</h2>",
        _img(plots.distributions(runs), "distributions"),
        "<h2>How episodes ended</h2>",
        endings(runs),
        "<h2>Configurations</h2>",
        _table(
            ["run", "config"],
            [
                [r.name, ", ".join(f"{k}={v}" for k, v in r.summary.get("config", {}).items())]
                for r in runs
            ],
        ),
        *sections,
        "</body></html>",
    ]
    return "\n".join(parts)


def _suite_note(runs: list[Run]) -> str:
    """The runs' suite version, or a warning when they came from different suites."""
    versions = {r.name: r.summary.get("suite_version") for r in runs}
    warning = check_same_suite(versions)
    if warning:
        return f'<p class="warn"><b>Warning:</b> {html.escape(warning)}</p>'
    return f'<p class="small">suite version {html.escape(str(next(iter(versions.values()))))}</p>'


def write_report(
    paths: list[str | Path] | list[Path], out: str | Path, sections: Sequence[str] = ()
) -> Path:
    """Load the runs at ``paths`` and write the HTML report to ``out`` (``sections``: extra
    HTML sections, see :func:`render`)."""
    runs = [load_run(p) for p in paths]
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(runs, sections))
    return out
