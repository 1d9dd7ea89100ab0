"""HealthGym tasks as verl RL parquet rows (``verl.utils.dataset.RLHFDataset``).

One row per task::

    {"data_source": "healthgym/<domain>",
     "prompt": [{"role": "user", "content": <the task's initial observation>}],
     "ability": "medical/<domain>",
     "reward_model": {"style": "rule", "ground_truth": <task id>},
     "agent_name": "tool_agent",
     "extra_info": {"split", "index", "task_id", "domain",
                    "tools_kwargs": {<tool>: {"create_kwargs": {"task_id", "domain"}}},
                    "need_tools_kwargs": True,
                    "tool_selection": [<the tools this task allows>]}}

The ground truth is the *task id*: the environment's grader scores the episode against
the task's hidden state, so no hidden answer is written to the file (rows hold only
what the model may see plus the task's identity). ``tool_selection`` lets verl's tool
agent loop show each task only the tools it allows; ``tools_kwargs`` hands every tool
instance the task to open (see :mod:`.tool`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

DATA_SOURCE_PREFIX = "healthgym/"
AGENT_NAME = "tool_agent"  # verl's registered multi-turn tool agent loop


def data_source(domain: str) -> str:
    return DATA_SOURCE_PREFIX + domain


def domain_of(source: str) -> str | None:
    """The domain of a ``healthgym/<domain>`` data source, else None."""
    if isinstance(source, str) and source.startswith(DATA_SOURCE_PREFIX):
        return source[len(DATA_SOURCE_PREFIX) :] or None
    return None


def task_rows(
    domain: str,
    split: str | None = "train",
    *,
    limit: int | None = None,
    system_prompt: str | None = None,
    agent_name: str = AGENT_NAME,
    max_turns: int = 20,
) -> list[dict[str, Any]]:
    """The verl rows of the first ``limit`` tasks of ``domain``'s split."""
    from ...env import HealthGymEnv

    env = HealthGymEnv(domain, split=None, max_turns=max_turns)
    indices = env.domain.indices(split)
    if limit is not None:
        indices = indices[: max(0, limit)]
    all_tools = [t.name for t in env.domain.toolkit]
    rows = []
    for i in indices:
        obs, info = env.reset(options={"index": i})
        task = env.task
        assert task is not None
        prompt = [{"role": "system", "content": system_prompt}] if system_prompt else []
        prompt.append({"role": "user", "content": obs})
        create = {"task_id": task.id, "domain": domain}
        rows.append(
            {
                "data_source": data_source(domain),
                "prompt": prompt,
                "ability": f"medical/{domain}",
                "reward_model": {"style": "rule", "ground_truth": task.id},
                "agent_name": agent_name,
                "extra_info": {
                    "split": task.split,
                    "index": i,
                    "task_id": task.id,
                    "domain": domain,
                    "tools_kwargs": {name: {"create_kwargs": dict(create)} for name in all_tools},
                    "need_tools_kwargs": True,
                    "tool_selection": [s["function"]["name"] for s in info["tools"]],
                },
            }
        )
    return rows


def export_rows(
    domains: Sequence[str],
    split: str | None = "train",
    *,
    limit_per_domain: int | None = None,
    system_prompt: str | None = None,
    agent_name: str = AGENT_NAME,
) -> list[dict[str, Any]]:
    """The rows of several domains, domain by domain."""
    rows: list[dict[str, Any]] = []
    for d in domains:
        rows += task_rows(
            d, split, limit=limit_per_domain, system_prompt=system_prompt, agent_name=agent_name
        )
    return rows


def write_parquet(rows: list[dict[str, Any]], path: str | Path) -> Path:
    """Write rows to one parquet file (pyarrow); returns its path."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows), path)
    return path


def export_parquet(
    domains: Sequence[str],
    out_dir: str | Path,
    splits: Sequence[str] = ("train", "test"),
    *,
    limit_per_domain: int | None = None,
    system_prompt: str | None = None,
) -> dict[str, Path]:
    """``out_dir/<split>.parquet`` for each split; returns ``{split: path}``."""
    out = Path(out_dir)
    return {
        s: write_parquet(
            export_rows(domains, s, limit_per_domain=limit_per_domain, system_prompt=system_prompt),
            out / f"{s}.parquet",
        )
        for s in splits
    }


def read_parquet(path: str | Path) -> list[dict[str, Any]]:
    """The rows of a parquet file as dicts (as verl's dataset reads them)."""
    import pyarrow.parquet as pq

    return pq.read_table(Path(path)).to_pylist()


__all__ = [
    "AGENT_NAME",
    "DATA_SOURCE_PREFIX",
    "data_source",
    "domain_of",
    "export_parquet",
    "export_rows",
    "read_parquet",
    "task_rows",
    "write_parquet",
]
