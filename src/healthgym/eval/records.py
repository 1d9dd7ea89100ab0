"""Per-item records of an evaluation run and the file that holds them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .config import EvalConfig
from .items import Benchmark, EvalItem, ScoreResult


def jsonable(value: Any) -> Any:
    """``value`` if it is JSON-serialisable, else its ``repr``."""
    try:
        json.dumps(value)
        return value
    except (TypeError, ValueError):
        return repr(value)


def item_record(
    item: EvalItem, cfg: EvalConfig, answer: str | None, result: ScoreResult, **extra: Any
) -> dict[str, Any]:
    """One per-item record (JSON-serialisable)."""
    record = {
        "uid": item.uid,
        "benchmark": item.benchmark,
        "id": item.id,
        "kind": item.kind,
        "mode": cfg.mode,
        "policy": cfg.policy,
        "answer": answer,
        "extracted": jsonable(result.extracted),
        "score": float(result.score),
        "correct": bool(result.correct),
        "gold": jsonable(item.gold),
        "details": jsonable(result.details),
        "error": None,
    }
    record.update({k: jsonable(v) for k, v in extra.items()})
    return record


def safe_score(bench: Benchmark, item: EvalItem, answer: str | None) -> ScoreResult:
    """The benchmark's score of ``answer`` (no answer: 0); a scorer error is recorded in
    the details, never raised."""
    if answer is None:
        return ScoreResult(0.0, False, None)
    try:
        return bench.score(item, answer)
    except Exception as e:  # a scorer bug must not end the run; it is recorded
        return ScoreResult(0.0, False, None, {"scorer_error": f"{type(e).__name__}: {e}"[:300]})


def read_records(path: Path) -> list[dict[str, Any]]:
    """The records of a ``records.jsonl`` (a truncated last line is ignored)."""
    out: list[dict[str, Any]] = []
    if not path.is_file():
        return out
    for line in path.read_text().splitlines():
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(rec, dict) and "uid" in rec:
            out.append(rec)
    return out
