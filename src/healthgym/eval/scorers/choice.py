"""Multiple-choice scoring: which option a free-text answer picks, by
:func:`healthgym.datasets.extract_choice` (its module documents the rules and traps:
negations, hedges, letters inside words, option text instead of a letter, the last
explicit statement winning).  An answer that picks no option, or hedges between
several, is incorrect.
"""

from __future__ import annotations

import re

from ...datasets import extract_choice
from ..items import EvalItem, ScoreResult

MAX_ANSWER_CHARS = 20_000  # longer replies are cut by clip (head and tail kept)
# extract_choice costs grow with (length x number of letter mentions / "answer" cues), so
# multiple-choice replies are read from 8,000 characters (see clip), and degenerate
# replies (a generation loop: more than MAX_LETTER_TOKENS standalone letters) from 1,500
MCQ_MAX_CHARS = 8_000
DEGENERATE_MAX_CHARS = 1_500
MAX_LETTER_TOKENS = 300
_LETTER_TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Ja-j](?![A-Za-z0-9])")
_REPEATS = re.compile(r"(?<!\S)(\S{1,20})(?:[ \t]+\1(?!\S)){2,}")


def mcq_text(answer: str) -> str:
    """The part of a reply that multiple-choice extraction reads: :func:`clip` to
    ``MCQ_MAX_CHARS``, runs of one repeated token collapsed ("A A A A" -> "A"), and
    ``DEGENERATE_MAX_CHARS`` only when letters still stand alone hundreds of times."""
    text = _REPEATS.sub(r"\1", clip(answer, MCQ_MAX_CHARS))
    if len(_LETTER_TOKEN.findall(text)) > MAX_LETTER_TOKENS:
        text = clip(text, DEGENERATE_MAX_CHARS)
    return text


def clip(text: str, limit: int = MAX_ANSWER_CHARS) -> str:
    """``text`` (``""`` for ``None`` or a non-string), cut to ``limit`` characters when
    longer: its first quarter and its last three quarters, joined by a blank line, so
    an answer stated at the start or at the end is kept and extraction stays fast on
    pathological replies."""
    if not isinstance(text, str):
        return ""
    if len(text) <= limit:
        return text
    head = limit // 4
    return text[:head] + "\n\n" + text[len(text) - (limit - head) :]


def score_choice(item: EvalItem, answer: str) -> ScoreResult:
    """1 when the option the answer picks is ``item.gold`` (a letter), else 0."""
    letter = extract_choice(mcq_text(answer), item.options or "ABCD")
    ok = letter is not None and letter == str(item.gold).strip().upper()
    return ScoreResult(score=float(ok), correct=ok, extracted=letter)
