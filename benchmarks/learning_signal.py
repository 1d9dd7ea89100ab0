"""Learning signal: an SFT-warmed tiny model below the ceiling, then GRPO / TT-OPD.

    python benchmarks/learning_signal.py [--algo grpo|tt-opd|grpo,tt-opd] [--steps 24]
        [--out DIR] [--quick] [--json]

1. A tiny random Qwen2 (:mod:`healthgym.train.tiny`, hidden size ``--hidden``) is
   warmed up by supervised fine-tuning on the oracle's trajectories
   (:mod:`healthgym.train.sft`) for a deliberately small number of steps, so it writes
   tool calls but not reliably well-formed ones: it starts below the ceiling.
2. The single-machine trainer (:func:`healthgym.train.trainer.train`) then runs GRPO
   (or TT-OPD) on the same domain; the training reward of every step is printed, with
   the means of the first and last ``--window`` steps and their difference.

The task subset is medical_qa's train split with a one-turn limit (``--max-turns 1``):
one assistant turn per episode keeps every trajectory short (a CPU run of minutes).
Every episode then ends at the turn limit without a submission, so the environment's
composite is 0 (no valid submission, no reward) and the cosine length term is its
constant truncation value (-1, times ``length_weight`` 0.5). The signal is the format
component, weighted 0.4 (``component_weights``): the training reward is
``0.4 * format - 0.5``, -0.5 for a malformed call and -0.1 (the ceiling of this
setting) for a well-formed one. Rollouts sample at ``--temperature`` 0.6: at 1.0
the warmed-up model almost never completes a call, so GRPO groups have no reward
differences to learn from.
With ``--json`` one JSON object is printed: the per-step curve (training reward,
environment composite, format), the SFT losses, start/end means, seconds.
``--quick`` (seconds, a smoke test: no learning is expected) overrides the sizes with
:data:`QUICK`: 8 SFT examples, 10 SFT steps, 2 RL steps of 1 task x 2.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import torch

from healthgym.train.config import TrainConfig
from healthgym.train.metrics import read_metrics
from healthgym.train.sft import SFTConfig, warm_start
from healthgym.train.tiny import tiny_model, tiny_tokenizer
from healthgym.train.trainer import train

POLICY_KWARGS = {"compact_tools": True}
DEFAULTS: dict[str, Any] = {
    "domain": "medical_qa",
    "algo": "grpo",
    "hidden": 64,
    "sft_examples": 32,
    "sft_steps": 150,
    "sft_batch": 4,
    "sft_lr": 1e-2,
    "steps": 20,
    "tasks_per_step": 2,
    "group_size": 8,
    "max_turns": 1,
    "format_weight": 0.4,
    "max_new_tokens": 56,
    "temperature": 0.6,
    "lr": 1e-3,
    "seed": 0,
    "window": 5,
}


QUICK: dict[str, Any] = {
    "sft_examples": 8,
    "sft_steps": 10,
    "steps": 2,
    "tasks_per_step": 1,
    "group_size": 2,
    "max_new_tokens": 16,
    "window": 1,
}


def _mean(xs: list[float]) -> float:
    return sum(xs) / len(xs) if xs else float("nan")


def warm_up(**overrides: Any) -> dict[str, Any]:
    """Step 1 alone: the SFT-warmed tiny model (reusable by several RL runs)."""
    p = _params(overrides)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # a tiny model: one thread is fastest, and reproducible
    try:
        t0 = time.perf_counter()
        tok = tiny_tokenizer()
        model = tiny_model(len(tok), seed=p["seed"], hidden_size=p["hidden"])
        sft_cfg = SFTConfig(
            steps=p["sft_steps"], batch_size=p["sft_batch"], lr=p["sft_lr"], seed=p["seed"]
        )
        sft, records = warm_start(
            model,
            tok,
            [p["domain"]],
            n_per_domain=p["sft_examples"],
            max_turns=p["max_turns"],
            policy_kwargs=POLICY_KWARGS,
            config=sft_cfg,
        )
    finally:
        torch.set_num_threads(threads)
    return {
        "model": model,
        "tokenizer": tok,
        "sft": sft,
        "records": records,
        "seconds": time.perf_counter() - t0,
    }


def _params(overrides: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(overrides) - set(DEFAULTS))
    if unknown:
        raise ValueError(f"unknown option(s): {', '.join(unknown)}")
    return {**DEFAULTS, **overrides}


def run_learning_signal(
    out: str | Path | None = None, warmed: dict[str, Any] | None = None, **overrides: Any
) -> dict[str, Any]:
    """SFT warm-up then RL; returns the curve and its start/end means (see the module).

    ``warmed``: the result of :func:`warm_up` with the same SFT options; a copy of its
    model is trained, so one warm-up serves several algorithms."""
    p = _params(overrides)
    if warmed is None:
        warmed = warm_up(**overrides)
    model = copy.deepcopy(warmed["model"])
    tok, sft, records = warmed["tokenizer"], warmed["sft"], warmed["records"]
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        t1 = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            run_dir = Path(out) if out is not None else Path(tmp) / "run"
            config = TrainConfig(
                algo=p["algo"],
                model="tiny",
                domains=[p["domain"]],
                steps=p["steps"],
                tasks_per_step=p["tasks_per_step"],
                group_size=p["group_size"],
                seed=p["seed"],
                out=str(run_dir),
                device="cpu",
                cpu_threads=1,
                max_turns=p["max_turns"],
                max_new_tokens=p["max_new_tokens"],
                temperature=p["temperature"],
                batch_wait_s=0.05,
                lr=p["lr"],
                component_weights={"format": p["format_weight"]},
                save_every=0,
                tensorboard=False,
            )
            train(config, model, tok, policy_kwargs=POLICY_KWARGS)
            metrics = read_metrics(run_dir / "metrics.jsonl")
        t2 = time.perf_counter()
    finally:
        torch.set_num_threads(threads)
    reward = [float(m["reward"]) for m in metrics if m.get("reward") is not None]
    w = p["window"]
    start, end = _mean(reward[:w]), _mean(reward[-w:])
    return {
        "params": p,
        "sft_examples": len(records),
        "sft_loss_first": sft.losses[0],
        "sft_loss_last": sft.losses[-1],
        "reward": reward,
        "reward_env": [m.get("reward_env") for m in metrics],
        "format": [m.get("format") for m in metrics],
        "accuracy": [m.get("accuracy") for m in metrics],
        "start_mean": start,
        "end_mean": end,
        "gain": end - start,
        "sft_seconds": round(warmed["seconds"], 1),
        "rl_seconds": round(t2 - t1, 1),
    }


def _print(result: dict[str, Any]) -> None:
    print(
        f"{result['params']['algo']}: SFT on {result['sft_examples']} oracle trajectories, "
        f"loss {result['sft_loss_first']:.3f} -> {result['sft_loss_last']:.3f} "
        f"({result['sft_seconds']} s)"
    )
    print("step  reward  env     format")
    for i, (r, e, f) in enumerate(
        zip(result["reward"], result["reward_env"], result["format"], strict=False), 1
    ):
        print(f"{i:4d}  {r:.3f}  {e:.3f}  {f:.3f}")
    w = result["params"]["window"]
    print(
        f"mean reward: first {w} steps {result['start_mean']:.3f}, last {w} steps "
        f"{result['end_mean']:.3f}, gain {result['gain']:+.3f} ({result['rl_seconds']} s)"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for key, value in DEFAULTS.items():
        ap.add_argument(f"--{key.replace('_', '-')}", type=type(value), default=value)
    ap.add_argument(
        "--out",
        default=None,
        help="keep the run directory here (several --algo values: OUT/train-<algo>)",
    )
    ap.add_argument("--quick", action="store_true", help="a smoke test of seconds (QUICK)")
    ap.add_argument("--json", action="store_true")
    args = vars(ap.parse_args(argv))
    as_json, out, quick = args.pop("json"), args.pop("out"), args.pop("quick")
    if quick:
        args.update(QUICK)
    algos = [a.strip() for a in args.pop("algo").split(",") if a.strip()]
    warmed = warm_up(**args)  # one SFT warm-up; each algorithm trains a copy of it
    results = {}
    for algo in algos:
        run_out = out if out is None or len(algos) == 1 else Path(out) / f"train-{algo}"
        results[algo] = run_learning_signal(run_out, warmed=warmed, algo=algo, **args)
    for result in results.values():
        result["quick"] = quick
    if as_json:
        print(json.dumps(results[algos[0]] if len(algos) == 1 else results))
        return 0
    for result in results.values():
        _print(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
