"""The summary of an evaluation run: accuracies with bootstrap intervals, per benchmark."""

from __future__ import annotations

from typing import Any

from .stats import DEFAULT_RESAMPLES, bootstrap_ci


def _per_item(rows: list[dict[str, Any]], key: str) -> list[float]:
    """The mean of ``key`` over each item's records (its trials), items in first-seen
    order: one value per item, so a bootstrap resamples items, not trials."""
    by_item: dict[str, list[float]] = {}
    for r in rows:
        by_item.setdefault(str(r["uid"]), []).append(float(r[key]))
    return [sum(v) / len(v) for v in by_item.values()]


def trial_summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """pass^k, pass@k, the per-item success rate and the run-to-run noise of one
    benchmark's records: :func:`healthgym.runner.trial_stats` with the item as the task
    and ``correct`` as the success (a failed generation is a wrong answer, as in the
    accuracy). Records without ``trial`` are trial 0."""
    from ..runner import trial_stats

    episodes = [
        {
            "task_id": r["uid"],
            "trial": int(r.get("trial") or 0),
            "reward_components": {"accuracy": 1.0 if r["correct"] else 0.0},
        }
        for r in rows
    ]
    stats = trial_stats(episodes)
    stats.pop("tasks", None)  # "n" counts the items
    return stats


def summarize(
    records: list[dict[str, Any]],
    order: list[str] | None = None,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = 0,
    trials: int | None = None,
) -> dict[str, Any]:
    """Accuracy (``correct``) and mean score per benchmark, with 95% bootstrap
    intervals; ``macro_accuracy`` is the unweighted mean over the benchmarks.

    With several records per item (``trials``; inferred from the records when None)
    ``n`` counts items, the accuracy and mean score are means of per-item means (their
    intervals resample items) and ``records`` counts the records; each benchmark then
    gains :func:`trial_summary`'s fields, as it does whenever ``trials`` is given."""
    groups: dict[str, list[dict[str, Any]]] = {name: [] for name in order or []}
    for r in records:
        groups.setdefault(r["benchmark"], []).append(r)
    with_trials = trials is not None or any(r.get("trial") for r in records)
    by: dict[str, Any] = {}
    for name, rows in groups.items():
        acc = bootstrap_ci(_per_item(rows, "correct"), resamples, seed=seed)
        sc = bootstrap_ci(_per_item(rows, "score"), resamples, seed=seed)
        n = acc.n
        by[name] = {
            "n": n,
            "accuracy": acc.mean if n else None,
            "ci95": acc.ci if n else None,
            "mean_score": sc.mean if n else None,
            "score_ci95": sc.ci if n else None,
            "errors": sum(1 for r in rows if r.get("error")),
            "no_answer": sum(1 for r in rows if r.get("extracted") is None),
        }
        if with_trials:
            by[name]["records"] = len(rows)
            if rows:
                by[name].update(trial_summary(rows))
    scored = [b["accuracy"] for b in by.values() if b["n"]]
    total = sum(b["n"] for b in by.values())
    correct = sum(sum(_per_item(rows, "correct")) for rows in groups.values())
    return {
        "by_benchmark": by,
        "overall": {
            "n": total,
            "micro_accuracy": correct / total if total else None,
            "macro_accuracy": sum(scored) / len(scored) if scored else None,
        },
    }
