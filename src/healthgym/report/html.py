"""A self-contained HTML report: tables and embedded base64 PNG plots.

Layout, for a researcher reading it top to bottom: what was run; accuracy, then the
reward components, each with one line on what it measures, and the composite with
what it does and does not pay; per-domain tables (domains as rows, runs as columns,
one metric per table); pass^k where runs repeated trials; normalised distributions of
turns, tool calls and response lengths; how episodes ended; configurations. The page
fits a 1,280 px wide window without horizontal scrolling, and every table and figure
uses the same domain order (:func:`~healthgym.report.data.domain_order`).
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..rewards.reward import COMPONENTS, CRITICAL_CAP, DEFAULT_WEIGHTS, HYGIENE
from ..version import check_same_suite
from . import plots
from .data import Run, domain_means, domain_order, load_run, unique_names

CSS = """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0 auto;
padding:12px 24px 40px;color:#222;max-width:1200px;font-size:14px;line-height:1.45;
overflow-wrap:break-word}
h1{margin:0.3em 0}h2{margin-top:1.8em;border-bottom:1px solid #ddd}h3{margin-top:1.2em}
table{border-collapse:collapse;margin:0.5em 0 1em;font-size:13px;max-width:100%}
th,td{border:1px solid #d4d4d4;padding:3px 8px;text-align:right;vertical-align:top;
overflow-wrap:anywhere}
th{background:#f3f3f3;font-weight:600}td.l,th.l{text-align:left;overflow-wrap:normal}
table.left td,table.left th{text-align:left}
td.na{color:#999}tr.group th{background:#e6edf5;text-align:left}
.desc{display:block;color:#555;font-size:12px;font-weight:normal;max-width:44em}
.n{color:#777;font-size:11px}
img{max-width:100%;height:auto;display:block;margin:0.5em 0}
.note{background:#fff8e1;border-left:4px solid #e0a800;padding:8px 14px;margin:0.8em 0}
.warn{background:#fdecea;border-left:4px solid #d62728;padding:8px 14px;margin:0.8em 0}
details{margin:0.3em 0 0.6em}summary{cursor:pointer;font-weight:600}
nav{font-size:13px}nav a{margin-right:1.1em}
.small{color:#666;font-size:12px}ul.tight li{margin:0.15em 0}
"""

NA = "n/a"


class Raw(str):
    """HTML that a table cell takes as it is (already escaped)."""


@dataclass(frozen=True)
class Cell:
    """A table cell's HTML (already escaped) with an optional shade in [0, 1]."""

    html: str
    shade: float | None = None


class ReportSection(str):
    """An extra HTML section of the report that also names the runs it shows, so the
    page header counts them (:func:`healthgym.report.training.training_section`)."""

    runs: tuple[str, ...] = ()
    kind: str = "extra"

    def __new__(cls, text: str, runs: Sequence[str] = (), kind: str = "extra") -> ReportSection:
        obj = super().__new__(cls, text)
        obj.runs = tuple(runs)
        obj.kind = kind
        return obj


def _e(text: object) -> str:
    return html.escape(str(text))


def _fmt(value: object) -> str:
    if isinstance(value, Raw):
        return value
    if isinstance(value, bool):
        return _e(value)
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, int):
        return f"{value:,}"
    if value is None:  # a mean over nothing: not zero
        return NA
    return _e(value)


def _cell(value: object, first: bool, shade: float | None = None) -> str:
    if isinstance(value, Cell):
        value, shade = Raw(value.html), value.shade
    classes = ["l"] if first else []
    if value is None:
        classes.append("na")
    style = ""
    if shade is not None:
        alpha = 0.06 + 0.42 * min(1.0, max(0.0, shade))
        style = f' style="background:rgba(31,119,180,{alpha:.2f})"'
    cls = f' class="{" ".join(classes)}"' if classes else ""
    return f"<td{cls}{style}>{_fmt(value)}</td>"


def _table(
    header: list[str],
    rows: list[list[object]],
    shade: bool = False,
    left: bool = False,
) -> str:
    """A table whose first column is a row label; with ``shade`` numeric cells in [0, 1]
    get a background that darkens with the value; ``left`` aligns every cell left
    (text rather than numbers)."""
    head = "".join(f"<th{' class=l' if i == 0 else ''}>{_e(h)}</th>" for i, h in enumerate(header))
    body = []
    for r in rows:
        if len(r) == 1 and isinstance(r[0], Raw):  # a group heading spanning the table
            body.append(f'<tr class="group"><th colspan="{len(header)}">{r[0]}</th></tr>')
            continue
        cells = []
        for i, v in enumerate(r):
            s = v if shade and i > 0 and isinstance(v, float) else None
            cells.append(_cell(v, i == 0, s))
        body.append("<tr>" + "".join(cells) + "</tr>")
    cls = ' class="left"' if left else ""
    return f"<table{cls}><tr>{head}</tr>{''.join(body)}</table>"


def _img(b64: str, alt: str) -> str:
    return f'<img alt="{_e(alt)}" src="data:image/png;base64,{b64}">'


def _label(name: str, description: str) -> Raw:
    return Raw(f'{_e(name)}<span class="desc">{_e(description)}</span>')


# one line on what each component measures (see healthgym.rewards.reward)
DESCRIPTIONS = {
    "accuracy": "the domain grader's score of the final answer; 0 when nothing was submitted",
    "process": "share of the reference workup's required evidence the agent obtained "
    "(less up to 20% for repeated identical calls); 0 when no evidence was gathered",
    "safety": "1 minus the safety-violation penalties (critical 1.0, major 0.5, minor 0.2), "
    "floored at 0",
    "format": "well-formed tool calls / attempted calls (parses, known tool, arguments fit "
    "the schema); 0 when no call was attempted",
    "coherence": "share of the grader's consistency checks passed (the answer agrees with the "
    "tool results and the evidence seen); 0 when nothing was submitted",
}


def _weights_text() -> str:
    raw = {k: getattr(DEFAULT_WEIGHTS, k) for k in COMPONENTS}
    parts = ", ".join(f"{k} {raw[k]:.2f}" for k in COMPONENTS)
    return f"{parts}, divided by their sum ({sum(raw.values()):.2f})"


def _num(value: object, digits: int) -> object:
    """A mean of an unbounded quantity, to ``digits`` decimals (None stays "n/a")."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    return Raw(f"{value:,.{digits}f}")


def composite_caveat() -> str:
    """What the composite reward pays, stated from :mod:`healthgym.rewards.reward`."""
    hygiene = ", ".join(HYGIENE)
    return (
        '<div class="note"><b>Read accuracy first.</b> The composite reward is one weighted '
        f"blend (default weights {_e(_weights_text())}) and is gated: "
        f"{_e(hygiene)} are paid only in proportion to the episode's <i>engagement</i> "
        "(the mean of accuracy and process), so a policy that submits at once or calls tools "
        "at random cannot collect them for free; an episode that ends <b>without a valid "
        "submission scores a composite of 0</b> (turn limit, only invalid submits), although "
        "its components are still reported; any critical safety violation caps the composite "
        f"at {CRITICAL_CAP:g} (counted as critical-capped). The component rows are the "
        "ungated components: a policy can score safety and format near 1 there while its "
        "composite is near 0. Means are over scored episodes (failed episodes are counted, "
        "not averaged).</div>"
    )


def _scored_share(count: int, scored: object) -> Raw:
    if isinstance(scored, int) and scored > 0:
        return Raw(f'{count:,} <span class="n">({100 * count / scored:.0f}%)</span>')
    return Raw(f"{count:,}")


def overview(runs: list[Run], names: list[str] | None = None) -> str:
    """Runs as columns: episodes (counts), accuracy, the other components, the composite,
    behaviour (means per episode or per turn)."""
    names = names or [r.name for r in runs]
    overall = [r.summary["overall"] for r in runs]
    means = [domain_means(r) if r.episodes else None for r in runs]
    rows: list[list[object]] = [[Raw("Episodes (counts)")]]
    rows.append([_label("episodes", "tasks × trials run"), *[o.get("episodes") for o in overall]])
    rows.append(
        [
            _label("failed", "ended with an error; counted, not scored"),
            *[o.get("errors") for o in overall],
        ]
    )
    rows.append(
        [
            _label(
                "critical-capped",
                "scored episodes with a critical safety violation "
                f"(composite capped at {CRITICAL_CAP:g}); share of scored",
            ),
            *[_scored_share(int(o.get("critical_capped") or 0), o.get("scored")) for o in overall],
        ]
    )
    if any(o.get("env_errors") for o in overall):
        rows.append(
            [
                _label("environment errors", "tool or environment faults, not the agent's"),
                *[o.get("env_errors") for o in overall],
            ]
        )
    rows.append([Raw("Accuracy")])
    rows.append(
        [_label("accuracy", DESCRIPTIONS["accuracy"]), *[o.get("accuracy") for o in overall]]
    )
    if any(isinstance(o.get("success_rate"), dict) for o in overall):
        rows.append(
            [
                _label("solved", "share of tasks with accuracy 1.0 (pass^1)"),
                *[(o.get("success_rate") or {}).get("mean") for o in overall],
            ]
        )
    rows.append([Raw("Other reward components (each in [0, 1])")])
    for c in COMPONENTS[1:]:
        rows.append([_label(c, DESCRIPTIONS[c]), *[o.get(c) for o in overall]])
    rows.append([Raw("Composite reward (gated, see the note above)")])
    rows.append(
        [
            _label("composite", f"weights {_weights_text()}; 0 without a valid submission"),
            *[o.get("reward") for o in overall],
        ]
    )
    rows.append([Raw("Behaviour (means; from the trajectories)")])
    behaviour = [
        ("turns", "turns per episode", "assistant turns", 2),
        ("tool_calls", "tool calls per episode", "attempted calls, well-formed or not", 2),
        ("response_chars", "response length", "characters per assistant turn", 1),
        (
            "response_tokens",
            "response tokens",
            "model tokens per assistant turn; n/a for scripted policies, which generate none",
            1,
        ),
    ]
    for key, name, desc, digits in behaviour:
        values: list[object] = []
        for r, m in zip(runs, means, strict=True):
            if m is None:  # no trajectories: the summary's mean turns only
                turns = r.summary["overall"].get("mean_turns")
                values.append(_num(turns, digits) if key == "turns" else None)
            else:
                values.append(_num(m[key], digits))
        rows.append([_label(name, desc), *values])
    return _table(["", *names], rows, shade=False)


# per-domain tables: (key, title, unit line, kind) with kind "score" (a mean in [0, 1],
# shaded), "count" (an integer) or "mean" (an unbounded mean)
DOMAIN_METRICS: list[tuple[str, str, str, str]] = [
    ("accuracy", "accuracy", "mean over scored episodes, 0-1; (n) scored episodes", "score"),
    ("reward", "composite reward", "gated composite, 0-1", "score"),
    *[(c, c, f"mean, 0-1: {DESCRIPTIONS[c]}", "score") for c in COMPONENTS[1:]],
    ("episodes", "episodes", "count (tasks × trials)", "count"),
    ("errors", "failed episodes", "count; not scored", "count"),
    ("critical_capped", "critical-capped episodes", "count of scored episodes", "count"),
    ("turns", "turns per episode", "mean assistant turns", "mean"),
    ("tool_calls", "tool calls per episode", "mean attempted calls", "mean"),
    (
        "response_tokens",
        "response tokens per turn",
        "mean model tokens; n/a for scripted policies",
        "mean",
    ),
]


def _domain_value(run: Run, domain: str | None, key: str) -> object:
    s = run.summary["overall"] if domain is None else run.summary["by_domain"].get(domain)
    if s is None:
        return Raw('<span class="na">not run</span>')
    if key in ("turns", "tool_calls", "response_tokens"):
        digits = 1 if key == "response_tokens" else 2
        if run.episodes:
            return _num(domain_means(run, domain)[key], digits)
        return _num(s.get("mean_turns"), digits) if key == "turns" else None
    value = s.get(key)
    if key in ("episodes", "errors", "critical_capped"):
        return int(value or 0)
    if key == "accuracy" and isinstance(value, float | int):
        scored = int(s.get("scored") or 0)
        return Cell(f'{float(value):.3f} <span class="n">({scored:,})</span>', float(value))
    return value


def per_domain(
    runs: list[Run], names: list[str] | None = None, domains: list[str] | None = None
) -> str:
    """One table per metric, domains as rows (the report's order) and runs as columns;
    the accuracy table is open, the others fold out."""
    names = names or [r.name for r in runs]
    domains = domains if domains is not None else domain_order(runs)
    tokens = any(r.logs_tokens() for r in runs)
    parts = []
    for key, title, unit, kind in DOMAIN_METRICS:
        if key == "errors" and not any(r.summary["overall"].get("errors") for r in runs):
            continue
        if key == "response_tokens" and not tokens:
            continue
        rows: list[list[object]] = []
        for d in [*domains, None]:
            label = d if d is not None else Raw("<b>all domains</b>")
            rows.append([label, *[_domain_value(r, d, key) for r in runs]])
        table = _table(["domain", *names], rows, shade=kind == "score")
        is_open = " open" if key == "accuracy" else ""
        parts.append(
            f"<details{is_open}><summary>{_e(title)} <span class=small>({_e(unit)})</span>"
            f"</summary>{table}</details>"
        )
    return "\n".join(parts)


def _ks(k_max: int) -> list[int]:
    if k_max <= 5:
        return list(range(1, k_max + 1))
    return sorted({1, 2, k_max // 2, k_max - 1, k_max})


def pass_k(
    runs: list[Run], names: list[str] | None = None, domains: list[str] | None = None
) -> str:
    """pass^k (all k trials succeed) and pass@k (at least one does) per domain, for runs
    with ``--trials K`` (K >= 2), with the per-task success rate's and the run-to-run std;
    empty when no run repeated trials."""
    names = names or [r.name for r in runs]
    domains = domains if domains is not None else domain_order(runs)
    with_trials = [
        (r, n)
        for r, n in zip(runs, names, strict=True)
        if int(r.summary["overall"].get("trials") or 0) >= 2
    ]
    if not with_trials:
        return ""
    parts = [
        '<h2 id="passk">pass^k over repeated trials</h2>',
        '<p class="small">pass^k: the chance that all k of k trials of a task succeed '
        "(accuracy 1.0), C(c,k)/C(n,k) per task averaged over tasks (Yao et al. 2024, "
        "tau-bench); pass@k: at least one succeeds, 1 - C(n-c,k)/C(n,k) (Chen et al. 2021); "
        "a failed episode counts as a failure. Task success std: the spread of the per-task "
        "success rates; run std: the standard deviation of the mean accuracy across the "
        "trial runs.</p>",
        _img(plots.pass_k_curves(runs, names), "pass^k and pass@k against k"),
    ]
    for i, (r, name) in enumerate(with_trials):
        k_max = int(r.summary["overall"]["trials"])
        ks = [str(k) for k in _ks(k_max)]
        header = ["domain", "trials", "tasks", *[f"pass^{k}" for k in ks], f"pass@{k_max}"]
        header += ["task success std", "run std"]
        rows: list[list[object]] = []
        groups = [(d, r.summary["by_domain"].get(d)) for d in domains]
        for d, s in [*groups, ("all domains", r.summary["overall"])]:
            if not s or not s.get("trials"):
                continue
            hats = s.get("pass_hat_k") or {}
            ats = s.get("pass_at_k") or {}
            rows.append(
                [
                    d,
                    int(s["trials"]),
                    int(s.get("tasks") or 0),
                    *[hats.get(k) for k in ks],
                    ats.get(str(k_max)),
                    (s.get("success_rate") or {}).get("std"),
                    s.get("run_std"),
                ]
            )
        is_open = " open" if i == 0 else ""
        parts.append(
            f"<details{is_open}><summary>{_e(name)}: {k_max} trials per task</summary>"
            f"{_table(header, rows, shade=True)}</details>"
        )
    return "\n".join(parts)


def endings(runs: list[Run], names: list[str] | None = None) -> str:
    """How episodes ended (count and share of the run's episodes), runs as columns."""
    names = names or [r.name for r in runs]
    kinds = sorted({k for r in runs for k in r.ended_by()})
    if not kinds:
        return '<p class="small">No trajectories found.</p>'
    rows: list[list[object]] = []
    for k in kinds:
        row: list[object] = [k]
        for r in runs:
            total = len(r.episodes)
            count = r.ended_by()[k]
            row.append(_scored_share(count, total) if total else None)
        rows.append(row)
    return _table(["ended by (count, share)", *names], rows)


def _config_value(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "[]"
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True)
    return str(value)


def settings_table(configs: list[dict[str, Any]], names: list[str]) -> str:
    """Settings side by side: those that differ between the runs as a table (one row per
    setting), those shared by all listed once below it."""
    keys: list[str] = []
    for config in configs:
        keys += [k for k in config if k not in keys]
    if not keys:
        return '<p class="small">No configuration recorded.</p>'

    def value(config: dict[str, Any], key: str) -> str:
        return _config_value(config[key]) if key in config else "(not set)"

    differ = [k for k in keys if len({value(c, k) for c in configs}) > 1]
    shared = [k for k in keys if k not in differ]
    parts = []
    if differ:
        rows: list[list[object]] = [[k, *[value(c, k) for c in configs]] for k in differ]
        parts.append(_table(["setting", *names], rows, left=True))
    if shared:
        label = "Shared by all runs" if len(configs) > 1 else "Settings"
        items = "; ".join(f"<code>{_e(k)}</code> = {_e(value(configs[0], k))}" for k in shared)
        parts.append(f'<p class="small"><b>{label}:</b> {items}</p>')
    return "\n".join(parts)


def configurations(runs: list[Run], names: list[str] | None = None) -> str:
    """The runs' ``config`` side by side (:func:`settings_table`)."""
    names = names or [r.name for r in runs]
    return settings_table([r.summary.get("config") or {} for r in runs], names)


def _warnings(runs: list[Run], names: list[str]) -> str:
    items = []
    versions = {n: r.summary.get("suite_version") for r, n in zip(runs, names, strict=True)}
    warning = check_same_suite(versions)
    if warning:
        items.append(_e(warning))
    for r, n in zip(runs, names, strict=True):
        for w in r.summary.get("warnings") or []:
            items.append(f"{_e(n)}: {_e(w)}")
        if r.skipped_lines:
            items.append(
                f"{_e(n)}: {r.skipped_lines} line(s) of trajectories.jsonl were not JSON "
                "objects and were skipped"
            )
        if not r.episodes:
            items.append(f"{_e(n)}: no trajectories.jsonl: behaviour and endings not shown")
    if not items:
        return ""
    return (
        '<div class="warn"><b>Warnings</b><ul class="tight">'
        + "".join(f"<li>{i}</li>" for i in items)
        + "</ul></div>"
    )


def _runs_line(names: list[str], sections: Sequence[str]) -> str:
    extra = [s for s in sections if isinstance(s, ReportSection) and s.runs]
    total = len(names) + sum(len(s.runs) for s in extra)
    word = "run" if total == 1 else "runs"
    parts = [f"{len(names)} evaluation ({', '.join(names)})"]
    for s in extra:
        parts.append(f"{len(s.runs)} {s.kind} ({', '.join(s.runs)})")
    return f"{total} {word}: " + "; ".join(parts)


def render(runs: list[Run], sections: Sequence[str] = ()) -> str:
    """The report page; ``sections`` are extra HTML sections appended at the end (e.g.
    :func:`healthgym.report.training.training_section`; a :class:`ReportSection` also
    adds its runs to the count in the header)."""
    if not runs:
        raise ValueError("no runs to report")
    names = unique_names([r.name for r in runs], [r.path for r in runs])
    domains = domain_order(runs)
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    versions = {str(r.summary.get("suite_version")) for r in runs}
    suite = f"suite version {', '.join(sorted(versions))}"
    has_training = any(isinstance(s, ReportSection) and s.kind == "training" for s in sections)
    nav = [
        ("overview", "Overview"),
        ("domains", "Per domain"),
        *(
            [("passk", "pass^k")]
            if any(int(r.summary["overall"].get("trials") or 0) >= 2 for r in runs)
            else []
        ),
        ("distributions", "Distributions"),
        ("endings", "Endings"),
        ("config", "Configurations"),
        *([("training", "Training")] if has_training else []),
    ]
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>healthgym report</title><style>{CSS}</style></head><body>",
        "<h1>healthgym report</h1>",
        f'<p class="small">{_e(_runs_line(names, sections))}. {_e(suite)}; generated {when}; '
        f"{len(domains)} domain(s), in alphabetical order in every table and figure.</p>",
        "<nav>" + "".join(f'<a href="#{a}">{_e(t)}</a>' for a, t in nav) + "</nav>",
        _warnings(runs, names),
        '<h2 id="overview">Overview</h2>',
        composite_caveat(),
        overview(runs, names),
        "<h3>Accuracy by domain</h3>",
        _img(plots.accuracy_by_domain(runs, domains, names), "accuracy by domain"),
        "<h3>Reward components over all domains</h3>",
        _img(plots.components_overall(runs, names), "reward components over all domains"),
        '<h2 id="domains">Per-domain results</h2>',
        '<p class="small">One metric per table: domains as rows, runs as columns, the last '
        "row over all domains. Click a metric to open its table; shading darkens with the "
        "value of a 0-1 score.</p>",
        per_domain(runs, names, domains),
        pass_k(runs, names, domains),
        '<h2 id="distributions">Turns, tool calls and response lengths</h2>',
        '<p class="small">Normalised: each run\'s line is the share of its own episodes '
        "(turns and tool calls per episode: one marker per value) or of its own assistant "
        "turns (response lengths: histograms), so runs of different sizes compare; the legend "
        "gives the episodes and turns behind each line.</p>",
        _img(plots.distributions(runs, names), "distributions")
        if any(r.episodes for r in runs)
        else '<p class="small">No trajectories found.</p>',
        '<h2 id="endings">How episodes ended</h2>',
        endings(runs, names),
        '<h2 id="config">Configurations</h2>',
        configurations(runs, names),
        *sections,
        "</body></html>",
    ]
    return "\n".join(p for p in parts if p)


def write_report(
    paths: list[str | Path] | list[Path], out: str | Path, sections: Sequence[str] = ()
) -> Path:
    """Load the runs at ``paths`` and write the HTML report to ``out`` (``sections``: extra
    HTML sections, see :func:`render`)."""
    runs = [load_run(p) for p in paths]
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(runs, sections), encoding="utf-8")
    return out
