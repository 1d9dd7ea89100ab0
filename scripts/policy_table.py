"""Print the README's reference-policy table: accuracy / composite of the oracle, lazy and
random policies on every domain's test split (the numbers `healthgym run --policy P
--domains all --split test` writes to summary.json).

    python scripts/policy_table.py [--json]
"""

from __future__ import annotations

import argparse
import json
import time

from healthgym.agents.factory import AgentOptions, make_agent
from healthgym.domains import domain_names
from healthgym.rollout import RolloutConfig, episode_specs, rollout
from healthgym.runner import summarize
from healthgym.version import suite_version

POLICIES = ("oracle", "lazy", "random")


def measure() -> dict:
    names = domain_names()
    specs = episode_specs(names, "test", None)
    out: dict = {"suite_version": suite_version(), "policies": {}}
    for policy in POLICIES:
        t0 = time.perf_counter()
        agent = make_agent(AgentOptions(policy=policy, seed=0))
        summary = summarize(rollout(agent, specs, RolloutConfig(max_turns=20)))
        summary["seconds"] = round(time.perf_counter() - t0, 1)
        out["policies"][policy] = summary
    return out


def table(result: dict) -> str:
    pols = result["policies"]
    lines = [
        "| domain | test tasks | " + " | ".join(POLICIES) + " |",
        "|---|---|" + "---|" * len(POLICIES),
    ]
    rows = [*domain_names(), "overall"]
    for d in rows:
        cells = []
        for p in POLICIES:
            s = pols[p]["overall"] if d == "overall" else pols[p]["by_domain"][d]
            cells.append(f"{s['accuracy']:.3f} / {s['reward']:.3f}")
        n = (pols["oracle"]["overall"] if d == "overall" else pols["oracle"]["by_domain"][d])[
            "episodes"
        ]
        lines.append(f"| {d} | {n:,} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    result = measure()
    print(json.dumps(result, indent=2) if args.json else table(result))


if __name__ == "__main__":
    main()
