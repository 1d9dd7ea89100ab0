"""The common multiple-choice record every benchmark loader returns."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

LETTERS = "ABCDEFGHIJ"
YES_NO_MAYBE = {"A": "yes", "B": "no", "C": "maybe"}


class DatasetFormatError(ValueError):
    """A benchmark file does not have the structure its loader expects."""


@dataclass(frozen=True)
class MCQRecord:
    """One multiple-choice question.

    ``id`` is the record's identifier inside its benchmark (the MedQA line number,
    the MedMCQA uuid, ``<subset>-<row>`` for MMLU, the PubMed id for PubMedQA),
    ``source`` names the benchmark (``medqa``, ``medmcqa``, ``mmlu``, ``pubmedqa``,
    ``mirage/<sub-benchmark>``), ``options`` maps letters ``A``, ``B``, ... to the
    option texts and ``answer`` is the correct letter.  ``context`` holds the
    abstract paragraphs of PubMedQA-style questions (empty otherwise) and ``meta``
    everything else the file carried (explanations, topics, MeSH terms).
    """

    id: str
    source: str
    question: str
    options: dict[str, str]
    answer: str
    subject: str = ""
    context: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        letters = list(self.options)
        if not letters or letters != list(LETTERS[: len(letters)]):
            raise DatasetFormatError(
                f"{self.uid}: options must be lettered A, B, ... in order, got {letters}"
            )
        if self.answer not in self.options:
            raise DatasetFormatError(f"{self.uid}: answer {self.answer!r} is not an option")
        if not self.question.strip():
            raise DatasetFormatError(f"{self.uid}: empty question")

    @property
    def uid(self) -> str:
        """Identifier unique across benchmarks: ``<source>/<id>``."""
        return f"{self.source}/{self.id}"

    @property
    def answer_text(self) -> str:
        return self.options[self.answer]

    @property
    def is_yes_no(self) -> bool:
        """True for yes/no(/maybe) questions (PubMedQA, BioASQ)."""
        return {v.strip().lower() for v in self.options.values()} <= {"yes", "no", "maybe"}

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["context"] = list(self.context)
        return d
