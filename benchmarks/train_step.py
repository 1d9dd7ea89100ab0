"""Seconds per training step of GRPO and TT-OPD on the same model and the same batch.

    python benchmarks/train_step.py [--repeats 7] [--model tiny] [--quick] [--json]

Both trainers start from the same weights (the tiny model of the same seed, or the
``--model`` of :class:`healthgym.train.config.TrainConfig`) and update on the *same fixed
trajectories* (one batch rolled out once, before timing): generation is excluded, so the
numbers compare the optimisation steps alone. A GRPO step is the policy forward +
backward + optimiser step; a TT-OPD step adds the hinted EMA teacher's scoring of the
same tokens (no gradient; the prompt before the hint encoded once per task group), the
turn-level KL term and the EMA/distance bookkeeping. Each trainer runs one warm-up update,
then ``--repeats`` timed updates (alternating GRPO and TT-OPD, so load on the machine
affects both alike); the medians are reported, with ``ratio = ttopd_s / grpo_s``.

``--quick`` (seconds): one task, groups of 2, 8 new tokens, one timed repeat.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

import torch

from healthgym.train.batch import usable
from healthgym.train.config import TrainConfig
from healthgym.train.trainer import Trainer


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("--model", default="tiny")
    ap.add_argument("--tasks", type=int, default=2, help="tasks per batch")
    ap.add_argument("--group-size", type=int, default=4)
    ap.add_argument("--max-new-tokens", type=int, default=16)
    ap.add_argument("--max-turns", type=int, default=2)
    ap.add_argument("--threads", type=int, default=None, help="torch CPU threads (see config)")
    ap.add_argument("--quick", action="store_true", help="1 task x 2, 8 tokens, 1 repeat")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.quick:
        args.repeats, args.tasks, args.group_size, args.max_new_tokens = 1, 1, 2, 8
        args.max_turns = 1
    torch.manual_seed(0)
    common = dict(
        model=args.model,
        tasks_per_step=args.tasks,
        group_size=args.group_size,
        max_new_tokens=args.max_new_tokens,
        max_turns=args.max_turns,
        out="/tmp/healthgym-bench-train",
        tensorboard=False,
        save_every=0,
        cpu_threads=args.threads,
    )
    grpo = Trainer(TrainConfig(algo="grpo", **common))
    ttopd = Trainer(TrainConfig(algo="tt-opd", **common))
    records, groups = grpo.collect(1)
    kept = [(r, g) for r, g in zip(records, groups, strict=True) if usable(r) is None]
    recs, grps = [r for r, _ in kept], [g for _, g in kept]
    times: dict[str, list[float]] = {"grpo": [], "ttopd": []}
    with grpo.threads():
        threads = torch.get_num_threads()
        for i in range(args.repeats + 1):
            for name, trainer in (("grpo", grpo), ("ttopd", ttopd)):
                t0 = time.perf_counter()
                trainer.update(recs, grps, i + 1)
                if i:  # the first round warms up
                    times[name].append(time.perf_counter() - t0)
    a, b = statistics.median(times["grpo"]), statistics.median(times["ttopd"])
    out = {
        "quick": args.quick,
        "grpo_s": round(a, 4),
        "ttopd_s": round(b, 4),
        "ratio": round(b / a, 3),
        "trajectories": len(recs),
        "policy_tokens": sum(int(sum(r["env_mask"])) for r in recs),
        "prompt_tokens": sum(len(r["prompt_ids"]) for r in recs),
        "repeats": args.repeats,
        "model": args.model,
        "device": str(grpo.device),
        "threads": threads,
        "generation": "excluded (fixed trajectories)",
    }
    if args.json:
        print(json.dumps(out))
    else:
        for k, v in out.items():
            print(f"{k:>16}: {v}")


if __name__ == "__main__":
    main()
