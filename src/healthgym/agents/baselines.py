"""Scripted reference policies that bound what a learned agent should score.

* :class:`OraclePolicy` replays the task's reference solution, one call per turn:
  it proves every task solvable and should score accuracy 1.0.
* :class:`LazyPolicy` submits the most common reference answer of the training
  split at once, without looking at the patient: the floor a real agent must beat.
* :class:`RandomToolPolicy` calls random tools with random, schema-valid
  arguments, then submits a random answer.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import numpy as np

from ..domains import get_domain
from ..tasks import Task
from ..tools.parse import format_hermes


class OraclePolicy:
    name = "oracle"

    def __init__(self) -> None:
        self._queue: list[str] = []

    def reset(self, task: Task, observation: str, info: dict[str, Any]) -> None:
        self._queue = [format_hermes(c.name, c.arguments) for c in task.reference.calls]

    def act(self, observation: str) -> str:
        return self._queue.pop(0) if self._queue else "I have nothing more to add."


def most_common_answer(domain: str, split: str = "train") -> dict[str, Any]:
    """The reference answer that occurs most often in a split (ties: first in order)."""
    d = get_domain(domain)
    counts: Counter[str] = Counter()
    for i in d.indices(split):
        counts[json.dumps(d.task(i).reference.answer, sort_keys=True)] += 1
    return json.loads(counts.most_common(1)[0][0])


class LazyPolicy:
    name = "lazy"

    def __init__(self, submit_tool: str, answer: dict[str, Any]) -> None:
        self.submit_tool = submit_tool
        self.answer = answer

    @classmethod
    def for_domain(cls, domain: str) -> LazyPolicy:
        return cls(get_domain(domain).submit_tool, most_common_answer(domain))

    def reset(self, task: Task, observation: str, info: dict[str, Any]) -> None:
        pass

    def act(self, observation: str) -> str:
        return format_hermes(self.submit_tool, self.answer)


_WORDS = (
    "pain",
    "fever",
    "acute",
    "chronic",
    "left",
    "right",
    "infection",
    "failure",
    "syndrome",
    "aspirin",
    "fluids",
    "oxygen",
    "heparin",
    "observation",
)


def random_value(schema: dict[str, Any], rng: np.random.Generator) -> Any:
    """A random value that fits a JSON-Schema fragment of a tool parameter."""
    if "enum" in schema:
        return schema["enum"][int(rng.integers(len(schema["enum"])))]
    kind = schema.get("type")
    if kind == "boolean":
        return bool(rng.integers(2))
    if kind in ("integer", "number"):
        lo = schema.get("minimum", 0)
        hi = schema.get("maximum", 100)
        value = float(rng.uniform(lo, hi))
        return round(value) if kind == "integer" else round(value, 2)
    if kind == "array":
        n = int(rng.integers(1, min(4, schema.get("maxItems", 4)) + 1))
        return [random_value(schema["items"], rng) for _ in range(n)]
    n = int(rng.integers(1, 4))
    text = " ".join(_WORDS[int(rng.integers(len(_WORDS)))] for _ in range(n))
    return text[: schema.get("maxLength", 200)]


def random_arguments(parameters: dict[str, Any], rng: np.random.Generator) -> dict[str, Any]:
    props = parameters.get("properties", {})
    required = set(parameters.get("required", []))
    return {
        k: random_value(s, rng) for k, s in props.items() if k in required or rng.random() < 0.5
    }


class RandomToolPolicy:
    name = "random"

    def __init__(self, seed: int = 0, submit_probability: float = 0.15) -> None:
        self.seed = seed
        self.rng = np.random.default_rng(seed)
        self.submit_probability = submit_probability
        self._tools: list[dict[str, Any]] = []
        self._submit: dict[str, Any] | None = None

    def reset(self, task: Task, observation: str, info: dict[str, Any]) -> None:
        # per-task stream: an episode's actions do not depend on which ran before it
        self.rng = np.random.default_rng([self.seed, task.seed])
        fns = [s["function"] for s in info["tools"]]
        submit = get_domain(task.domain).submit_tool
        self._submit = next(f for f in fns if f["name"] == submit)
        self._tools = [f for f in fns if f["name"] != submit]

    def act(self, observation: str) -> str:
        assert self._submit is not None
        if not self._tools or self.rng.random() < self.submit_probability:
            fn = self._submit
        else:
            fn = self._tools[int(self.rng.integers(len(self._tools)))]
        return format_hermes(fn["name"], random_arguments(fn["parameters"], self.rng))
