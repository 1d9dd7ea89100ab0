"""Contamination check: n-gram overlap between generated tasks and public benchmarks.

``healthgym eval contamination --data-dir DIR`` asks whether any text the environment
shows or expects (a generated task's prompt, the outputs of its reference solution's
tool calls, its reference answer) shares long word sequences with a benchmark's
questions and answers: a model trained on the generated tasks must not be trained on
the test items it is later evaluated on.

Text and n-grams
    Text is normalised to word tokens: lower-cased, every run of letters or digits a
    token, everything else (punctuation, symbols, white space) a separator (``"mg/dL"``
    -> ``mg dl``; ``"3.5"`` -> ``3 5``). N-grams of 13 tokens (the size of the GPT-3
    and PaLM contamination studies) and of 8 tokens (a looser check) are taken within
    one text segment: never across the boundary of a question and an option, or of a
    prompt and a tool output.

    A task's segments: its prompt, the output of each non-terminal call of its
    reference solution (run against a fresh episode state with the domain's own tools,
    the cheap route: the tools are pure functions of the state, no environment or
    grading), and every string in its reference answer. A benchmark item's segments:
    its question, each context passage (PubMedQA's abstract, MedCalc-Bench's patient
    note), each option and a gold answer given as text (long-form references; a letter
    or a number yields no n-gram).

Method
    The benchmark items are loaded with the project's own loaders
    (:mod:`healthgym.eval.registry`) and every distinct n-gram of every item is put,
    as a hash, into one set per n; each task's n-grams are then looked up in that set
    (one hash and one set probe per n-gram), and the n-grams found are kept with the
    first task and the words that produced them. An item overlaps when at least one of
    its n-grams was found; its overlap is the share of its distinct n-grams found.

Output (:func:`contamination_report`)
    ``by_benchmark[b]``: ``items``; ``overlapping_items`` and ``max_overlap`` (the
    largest share of one item's n-grams found in the tasks) and ``max_shared_ngrams``,
    each a mapping ``{"13": ..., "8": ...}``; ``overlaps``: the overlapping items, the
    13-gram ones first (then by share), each with the benchmark, its item id, the
    first task that shares an n-gram with it, that n-gram and the counts, capped at
    ``max_examples`` (``overlaps_total`` counts them all); ``top_ngrams``: per n, the
    shared n-grams found in the most items (stock phrasing such as "which of the
    following is the most likely" rather than copied content shows there); ``tasks``:
    tasks scanned per domain; ``seconds``: the wall time of the whole check.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .items import Benchmark, EvalItem

NGRAM_SIZES: tuple[int, ...] = (13, 8)
DEFAULT_BENCHMARKS: tuple[str, ...] = ("medqa", "medmcqa", "mmlu_medical", "pubmedqa", "medcalc")
MAX_EXAMPLES = 50
TOP_NGRAMS = 10  # the shared n-grams found in the most benchmark items, per n
TASK_TEXT = (
    "prompt + outputs of the reference solution's non-terminal tool calls + reference "
    "answer strings"
)
ITEM_TEXT = "question + context passages + options + text gold answer"
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """``text`` as normalised word tokens: lower case, runs of letters or digits."""
    return _WORD.findall(text.lower())


def ngrams(tokens: list[str], n: int) -> Iterator[tuple[str, ...]]:
    """The ``n``-token windows of ``tokens``, in order."""
    for i in range(len(tokens) - n + 1):
        yield tuple(tokens[i : i + n])


def segment_hashes(segments: Iterable[str], n: int) -> dict[int, tuple[str, ...]]:
    """The distinct ``n``-grams of the segments (each segment on its own) by hash,
    first occurrence first."""
    out: dict[int, tuple[str, ...]] = {}
    for seg in segments:
        for gram in ngrams(words(seg), n):
            out.setdefault(hash(gram), gram)
    return out


# ------------------------------------------------------------------ the two sides
def item_segments(item: EvalItem) -> list[str]:
    """The text of a benchmark item's question and answers (see the module docstring)."""
    segments = [item.question, *item.context, *item.options.values()]
    if isinstance(item.gold, str) and item.gold not in item.options:
        segments.append(item.gold)
    return [s for s in segments if isinstance(s, str) and s.strip()]


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)


def task_segments(task: Any, domain: Any) -> list[str]:
    """The text of a generated task: prompt, reference tool outputs, reference answer.

    The reference solution's non-terminal calls run against a fresh state of the
    domain (``domain.new_state(task)``); a call that fails is skipped (its output is
    not text the environment would show)."""
    from ..tools.registry import validate_arguments

    segments = [task.prompt]
    state = domain.new_state(task)
    for call in task.reference.calls:
        tool = domain.toolkit.get(call.name)
        if tool is None or tool.terminal:
            continue
        try:
            out = tool(state, **validate_arguments(tool, call.arguments))
        except Exception:  # a failing reference call shows no text
            continue
        segments.append(str(out))
    segments += list(_strings(task.reference.answer))
    return [s for s in segments if s.strip()]


def generated_tasks(
    domains: list[str], limit_per_domain: int | None = None
) -> Iterator[tuple[str, list[str]]]:
    """(task id, text segments) of every task of the shipped suite of ``domains``
    (all splits), the first ``limit_per_domain`` of each when set."""
    from ..domains import get_domain

    for name in domains:
        domain = get_domain(name)
        n = domain.n_tasks if not limit_per_domain else min(limit_per_domain, domain.n_tasks)
        for index in range(n):
            task = domain.make_task(index)
            yield task.id, task_segments(task, domain)


# ------------------------------------------------------------------ the check
@dataclass
class _Item:
    benchmark: str
    id: str
    grams: dict[int, list[int]]  # n -> distinct n-gram hashes of the item


@dataclass
class _Index:
    """The benchmark side: every item's n-gram hashes and their union per n."""

    items: list[_Item] = field(default_factory=list)
    hashes: dict[int, set[int]] = field(default_factory=dict)

    def add(self, item: EvalItem, sizes: tuple[int, ...]) -> None:
        segments = item_segments(item)
        grams = {n: list(segment_hashes(segments, n)) for n in sizes}
        for n, hs in grams.items():
            self.hashes.setdefault(n, set()).update(hs)
        self.items.append(_Item(item.benchmark, item.id, grams))


def _ngram_text(gram: tuple[str, ...]) -> str:
    return " ".join(gram)


def contamination_report(
    data_dir: str | Path,
    benchmarks: list[str | Benchmark] | None = None,
    domains: list[str] | None = None,
    limit_per_domain: int | None = None,
    sizes: tuple[int, ...] = NGRAM_SIZES,
    max_examples: int = MAX_EXAMPLES,
    tasks: Iterable[tuple[str, list[str]]] | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Measure the n-gram overlap of generated tasks with benchmark items.

    ``benchmarks``: registered names or :class:`Benchmark` objects (default: MedQA,
    MedMCQA, MMLU-medical, PubMedQA, MedCalc-Bench), read from ``data_dir`` by their
    loaders; ``domains``: whose task suites to scan (default: every domain);
    ``tasks``: (task id, text segments) pairs to scan instead of generated ones (tests).
    """
    from ..domains import domain_names
    from .harness import resolve_benchmarks

    start = time.perf_counter()
    sizes = tuple(sorted(set(sizes), reverse=True))
    if not sizes or min(sizes) < 1:
        raise ValueError("n-gram sizes must be positive")
    benches = resolve_benchmarks(list(benchmarks or DEFAULT_BENCHMARKS))
    index = _Index(hashes={n: set() for n in sizes})
    counts: dict[str, int] = {}
    for bench in benches:
        items = bench.load(Path(data_dir))
        counts[bench.name] = len(items)
        for item in items:
            index.add(item, sizes)
    load_seconds = time.perf_counter() - start
    if progress:
        n_hashes = ", ".join(f"{n}-grams {len(index.hashes[n])}" for n in sizes)
        progress(f"indexed {sum(counts.values())} benchmark items ({n_hashes})")

    # the task side: every n-gram probed against the benchmark index
    domain_list = list(domains) if domains else domain_names()
    source = tasks if tasks is not None else generated_tasks(domain_list, limit_per_domain)
    found: dict[int, dict[int, tuple[str, tuple[str, ...]]]] = {n: {} for n in sizes}
    scanned: dict[str, int] = {}
    task_start = time.perf_counter()
    for task_id, segments in source:
        key = task_id.rsplit("-", 1)[0] if "-" in task_id else task_id
        scanned[key] = scanned.get(key, 0) + 1
        toks = [words(s) for s in segments]
        for n in sizes:
            bench_hashes, hits = index.hashes[n], found[n]
            for t in toks:
                for i in range(len(t) - n + 1):
                    gram = tuple(t[i : i + n])
                    h = hash(gram)
                    if h in bench_hashes and h not in hits:
                        hits[h] = (task_id, gram)
    task_seconds = time.perf_counter() - task_start

    # per item: the share of its n-grams found
    by: dict[str, Any] = {
        name: {
            "items": counts[name],
            "overlapping_items": {str(n): 0 for n in sizes},
            "max_overlap": {str(n): 0.0 for n in sizes},
            "max_shared_ngrams": {str(n): 0 for n in sizes},
        }
        for name in counts
    }
    overlaps: list[dict[str, Any]] = []
    spread: dict[int, Counter[int]] = {n: Counter() for n in sizes}
    for item in index.items:
        entry: dict[str, Any] | None = None
        b = by[item.benchmark]
        for n in sizes:
            grams = item.grams[n]
            shared = [h for h in grams if h in found[n]]
            if not shared:
                continue
            share = len(shared) / len(grams)
            spread[n].update(shared)
            b["overlapping_items"][str(n)] += 1
            b["max_overlap"][str(n)] = max(b["max_overlap"][str(n)], round(share, 4))
            b["max_shared_ngrams"][str(n)] = max(b["max_shared_ngrams"][str(n)], len(shared))
            if entry is None:  # the largest n the item shares names it
                task_id, gram = found[n][shared[0]]
                entry = {
                    "benchmark": item.benchmark,
                    "item": item.id,
                    "task": task_id,
                    "n": n,
                    "ngram": _ngram_text(gram),
                    "shared_ngrams": len(shared),
                    "item_ngrams": len(grams),
                    "overlap": round(share, 4),
                }
        if entry is not None:
            overlaps.append(entry)
    overlaps.sort(key=lambda e: (-e["n"], -e["overlap"], e["benchmark"], e["item"]))
    top = {
        str(n): [
            {"ngram": _ngram_text(found[n][h][1]), "items": k, "task": found[n][h][0]}
            for h, k in spread[n].most_common(TOP_NGRAMS)
        ]
        for n in sizes
    }
    return {
        "by_benchmark": by,
        "overlaps": overlaps[:max_examples],
        "overlaps_total": len(overlaps),
        "top_ngrams": top,
        "ngram_sizes": list(sizes),
        "tokens": "lower-case runs of letters or digits (punctuation and symbols stripped)",
        "task_text": TASK_TEXT,
        "item_text": ITEM_TEXT,
        "domains": domain_list if tasks is None else sorted(scanned),
        "tasks": scanned,
        "data_dir": str(data_dir),
        "seconds": round(time.perf_counter() - start, 3),
        "seconds_detail": {
            "benchmarks": round(load_seconds, 3),
            "tasks": round(task_seconds, 3),
        },
    }


def text_report(report: dict[str, Any]) -> str:
    """The report as a plain-text table and the listed overlaps."""
    sizes = [str(n) for n in report["ngram_sizes"]]
    head = ["benchmark", "items"]
    for n in sizes:
        head += [f"overlap@{n}", f"max@{n}"]
    rows = [head]
    for name, b in report["by_benchmark"].items():
        row = [name, str(b["items"])]
        for n in sizes:
            row += [str(b["overlapping_items"][n]), f"{b['max_overlap'][n]:.3f}"]
        rows.append(row)
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    tasks = ", ".join(f"{d} {k}" for d, k in report["tasks"].items())
    lines += ["", f"tasks scanned: {tasks}", f"task text: {report['task_text']}"]
    shown = report["overlaps"]
    if shown:
        lines += ["", f"overlapping items ({len(shown)} of {report['overlaps_total']}):"]
        lines += [
            f"  {e['benchmark']}/{e['item']} ~ {e['task']} ({e['n']}-gram, "
            f"{e['shared_ngrams']}/{e['item_ngrams']}): {e['ngram']}"
            for e in shown
        ]
    for n in sizes:
        top = report.get("top_ngrams", {}).get(n) or []
        if top:
            lines += ["", f"most widespread shared {n}-grams (items):"]
            lines += [f"  {t['items']:5d}  {t['ngram']}" for t in top]
    lines.append(f"\n{report['seconds']:.1f} s")
    return "\n".join(lines)
