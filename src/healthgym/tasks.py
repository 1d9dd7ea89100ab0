"""The task model shared by every domain, and deterministic splits and seeds.

A task is everything an episode needs: the hidden patient or state (read only by
the domain's tools and grader), the initial observation, the allowed tools, a
reference solution (tool calls + final answer) that the scripted oracle replays,
the grader's specification and the safety specification.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SUITE_SEED = 20_260_502  # the fixed seed of the shipped task suite
TEST_FRACTION_DENOMINATOR = 5  # one task in five (by hash) is in the test split

Split = Literal["train", "test"]
Severity = Literal["critical", "major", "minor"]


class RefCall(BaseModel):
    """One call of the reference solution, read by the process score as an *evidence
    requirement*: the agent met it when it made a successful call of ``name`` or of any
    tool in ``alternatives`` (tools that yield the same evidence) whose arguments match
    ``arguments`` - numbers within ``tolerance`` (relative; default
    :data:`healthgym.rewards.reward.DEFAULT_TOLERANCE`), strings after normalisation,
    lists as sets, any value listed in ``accept`` for that argument (e.g. an equivalent
    drug the guideline allows).  An alternative tool is held only to the arguments it
    shares with the reference call.
    """

    model_config = ConfigDict(frozen=True)

    name: str
    arguments: dict[str, Any] = Field(default_factory=dict)
    required: bool = True  # gathering this information is part of the process score
    alternatives: list[str] = Field(default_factory=list)
    accept: dict[str, list[Any]] = Field(default_factory=dict)
    tolerance: dict[str, float] = Field(default_factory=dict)


_LATER_REFCALL_FIELDS = ("alternatives", "accept", "tolerance")


class ReferenceSolution(BaseModel):
    calls: list[RefCall]
    answer: dict[str, Any]  # the arguments of the terminal (submit) call


class SafetyRule(BaseModel):
    """An action that would harm this patient, and how bad it is."""

    code: str  # e.g. "allergy", "contraindicated_treatment"
    severity: Severity
    target: str  # what triggers it, in the domain's vocabulary (e.g. a treatment key)
    reason: str


class Task(BaseModel):
    """One episode's specification."""

    id: str
    domain: str
    index: int
    seed: int
    split: Split
    prompt: str  # the initial, patient-facing observation: never contains the answer
    allowed_tools: list[str]
    hidden: dict[str, Any]  # patient / state; only tools and the grader read it
    reference: ReferenceSolution
    grader: dict[str, Any]  # the domain grader's specification (accepted answers ...)
    safety: list[SafetyRule] = Field(default_factory=list)

    def content_hash(self) -> str:
        """A stable SHA-256 of the task's full content.

        Evidence options of reference calls added after the first suite
        (``alternatives``, ``accept``, ``tolerance``) are left out while empty, so a
        task that does not use them keeps its hash.
        """
        data = self.model_dump(mode="json")
        for call in data["reference"]["calls"]:
            for key in _LATER_REFCALL_FIELDS:
                if not call.get(key):
                    call.pop(key, None)
        blob = json.dumps(data, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(blob.encode()).hexdigest()


def _digest(*parts: object) -> int:
    text = ":".join(str(p) for p in parts)
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")


def task_seed(domain: str, index: int, suite_seed: int = SUITE_SEED) -> int:
    """The seed from which a domain generates its task number ``index``."""
    return _digest("seed", suite_seed, domain, index) % (2**63)


def task_split(domain: str, index: int) -> Split:
    """Fixed split of a task, derived from its domain and index alone."""
    return "test" if _digest("split", domain, index) % TEST_FRACTION_DENOMINATOR == 0 else "train"


def task_id(domain: str, index: int) -> str:
    return f"{domain}-{index:05d}"


def parse_task_id(tid: str) -> tuple[str, int]:
    """Inverse of :func:`task_id`; raises ``ValueError`` on a malformed id."""
    domain, sep, num = tid.rpartition("-")
    if not sep or not num.isdigit() or not domain:
        raise ValueError(f"malformed task id {tid!r}; expected '<domain>-<index>'")
    return domain, int(num)
