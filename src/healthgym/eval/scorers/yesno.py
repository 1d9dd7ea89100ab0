"""PubMedQA scoring (Jin et al., EMNLP 2019): the answer is one of yes / no / maybe.

The reply may state the word ("Answer: yes", a reply starting with "No,") or the
option letter (A = yes, B = no, C = maybe); :func:`healthgym.datasets.extract_choice`
reads both.  Anything else (no decision, a hedge between two letters) is incorrect.
"""

from __future__ import annotations

from ...datasets import YES_NO_MAYBE, extract_choice
from ..items import EvalItem, ScoreResult
from .choice import mcq_text


def score_yes_no(item: EvalItem, answer: str) -> ScoreResult:
    """1 when the decision read from ``answer`` equals ``item.gold`` (yes/no/maybe)."""
    options = item.options or YES_NO_MAYBE
    letter = extract_choice(mcq_text(answer), options)
    word = options[letter].strip().lower() if letter is not None else None
    ok = word is not None and word == str(item.gold).strip().lower()
    return ScoreResult(score=float(ok), correct=ok, extracted=word)
