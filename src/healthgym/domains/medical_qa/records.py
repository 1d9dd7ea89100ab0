"""Data model of medical_qa: a multiple-choice question and the episode state."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ...tasks import SafetyRule, Task

LETTERS = "ABCDE"


@dataclass(frozen=True)
class Option:
    """One answer option.

    ``key`` names what the option is in the project's vocabulary (a disease,
    laboratory/imaging or treatment key, a drug, a score value); ``phrases`` are
    the terms that identify it in free text (its name and synonyms), used by the
    grader's evidence and rationale checks.
    """

    text: str
    key: str
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class Question:
    """A generated question before it becomes a task.

    ``options`` are in display order (already shuffled) and ``answer`` is the
    correct letter.  ``query`` is the knowledge-base query of the reference
    solution ("" when no retrieval is needed), ``subject`` what a supporting passage
    states besides the answer, and ``calculation`` the score call
    of a calculator question (``{"score", "inputs", "value"}``).
    """

    kind: str
    topic: str
    stem: str
    options: tuple[Option, ...]
    answer: str
    query: str = ""
    # what a supporting passage must also state besides the answer: the disease of a
    # clinical question, the mechanism or effect a drug question quotes, the drug that
    # interacts (see :func:`.evidence.supports`); () when the answer is the fact
    subject: tuple[str, ...] = ()
    safety: tuple[SafetyRule, ...] = ()
    calculation: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        if not 2 <= len(self.options) <= len(LETTERS):
            raise ValueError(f"{self.kind}/{self.topic}: {len(self.options)} options")
        texts = [o.text.lower() for o in self.options]
        # imported benchmark questions keep their options as published (a few repeat one)
        if self.kind != "benchmark" and len(set(texts)) != len(texts):
            raise ValueError(f"{self.kind}/{self.topic}: duplicate option texts {texts}")
        if self.answer not in self.letters:
            raise ValueError(f"{self.kind}/{self.topic}: answer {self.answer} is not an option")

    @property
    def letters(self) -> str:
        return LETTERS[: len(self.options)]

    @property
    def correct(self) -> Option:
        return self.options[self.letters.index(self.answer)]

    def with_answer_at(self, position: int) -> Question:
        """The same question with its options rotated so the answer is at ``position``
        (the relative order of the options is kept)."""
        n = len(self.options)
        shift = (self.letters.index(self.answer) - position) % n
        options = self.options[shift:] + self.options[:shift]
        return replace(self, options=options, answer=LETTERS[position % n])

    def options_text(self) -> str:
        return "\n".join(f"{L}. {o.text}" for L, o in zip(self.letters, self.options, strict=True))


@dataclass
class QAState:
    """What the agent did in an episode that the grader needs beyond the call log."""

    task_id: str
    # score name -> values the calculate tool returned in this episode
    calculations: dict[str, list[float]] = field(default_factory=dict)


def new_state(task: Task) -> QAState:
    return QAState(task_id=task.id)
