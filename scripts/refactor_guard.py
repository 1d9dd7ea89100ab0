"""Guard a refactor: record every task's content hash and the scripted policies' rewards.

    python scripts/refactor_guard.py record OUT.json [--domains a,b] [--split test]
    python scripts/refactor_guard.py compare BEFORE.json AFTER.json [--markdown]

``record`` writes the SHA-256 content hash of every task of the suite (all splits)
and the oracle, lazy and random (seed 0) composite rewards and accuracies of every
task of ``--split`` (default: test).  ``compare`` lists every task whose hash or
reward changed and exits 1 when anything did, so a behaviour-preserving refactor
shows "0 changed".
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from healthgym.agents.factory import SCRIPTED, scripted_factory
from healthgym.domains import domain_names, get_domain
from healthgym.env import HealthGymEnv
from healthgym.runner import run_episode
from healthgym.version import suite_version


def record(domains: list[str], split: str) -> dict[str, Any]:
    out: dict[str, Any] = {"suite_version": suite_version(), "hashes": {}, "rewards": {}}
    for name in domains:
        d = get_domain(name)
        for i in range(d.n_tasks):
            t = d.make_task(i)
            out["hashes"][t.id] = t.content_hash()
        env = HealthGymEnv(domain=name, split=split)
        for policy_name in SCRIPTED:
            policy = scripted_factory(policy_name, 0)(name)
            for i in d.indices(split):
                r = run_episode(env, policy, i)
                key = f"{policy_name}:{r['task_id']}"
                out["rewards"][key] = [
                    round(r["reward"], 6),
                    round(r["reward_components"].get("accuracy", 0.0), 6),
                ]
    return out


def _domain(key: str) -> str:
    return key.split(":")[-1].rsplit("-", 1)[0]


def compare(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Changes from ``a`` to ``b`` over the domains ``b`` recorded."""
    domains = {_domain(k) for k in b["hashes"]}
    a = {
        "suite_version": a["suite_version"],
        "hashes": {k: v for k, v in a["hashes"].items() if _domain(k) in domains},
        "rewards": {k: v for k, v in a["rewards"].items() if _domain(k) in domains},
    }
    hash_changed = sorted(k for k in a["hashes"] if b["hashes"].get(k) != a["hashes"][k])
    reward_changed = sorted(k for k in a["rewards"] if b["rewards"].get(k) != a["rewards"][k])
    return {
        "before": a["suite_version"],
        "after": b["suite_version"],
        "tasks": len(a["hashes"]),
        "tasks_hash_changed": len(hash_changed),
        "episodes": len(a["rewards"]),
        "episodes_reward_changed": len(reward_changed),
        "hash_changed": hash_changed[:50],
        "reward_changed": [
            {"episode": k, "before": a["rewards"][k], "after": b["rewards"].get(k)}
            for k in reward_changed[:50]
        ],
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("record")
    r.add_argument("out", type=Path)
    r.add_argument("--domains", default="all")
    r.add_argument("--split", default="test")
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = p.parse_args(argv)
    if args.cmd == "record":
        names = domain_names() if args.domains == "all" else args.domains.split(",")
        start = time.perf_counter()
        data = record(names, args.split)
        args.out.write_text(json.dumps(data, sort_keys=True))
        print(
            f"recorded {len(data['hashes'])} task hashes and {len(data['rewards'])} episodes "
            f"in {time.perf_counter() - start:.1f} s -> {args.out}"
        )
        return 0
    result = compare(json.loads(args.before.read_text()), json.loads(args.after.read_text()))
    print(json.dumps(result, indent=2))
    return 1 if result["tasks_hash_changed"] or result["episodes_reward_changed"] else 0


if __name__ == "__main__":
    sys.exit(main())
