"""Medical VQA scoring (VQA-RAD, Lau et al. 2018; SLAKE, Liu et al. 2021; PathVQA,
He et al. 2020).

Answers are normalised as in SQuAD's evaluation (Rajpurkar et al., 2016): lower case,
punctuation and the articles a/an/the removed, whitespace collapsed.  The answer text
is what follows the last "answer is" / "answer:" cue, else the whole reply.

* Closed questions: yes/no golds compare the yes/no decision read by
  :func:`healthgym.datasets.extract_yes_no_maybe` ("Yes, there is a fracture" -> yes);
  other closed golds ("left", "CT") need a normalised exact match of the answer text
  or of its first sentence.  Score 1 or 0.
* Open questions: ``score`` = SQuAD token F1 between answer text and gold;
  ``correct`` = normalised exact match (SQuAD's EM).
"""

from __future__ import annotations

import re
from collections import Counter

from ...clinical.text import squad_normalize
from ...datasets import extract_yes_no_maybe
from ..items import EvalItem, ScoreResult
from .choice import clip

_CUE = re.compile(r"\banswer\b(?:\s+(?:is|would\s+be)\b)?\s*[:=]?\s*", re.IGNORECASE)


def normalize(text: str) -> str:
    """SQuAD-style normalisation (:func:`healthgym.clinical.text.squad_normalize`)."""
    return squad_normalize(text)


def token_f1(prediction: str, gold: str) -> float:
    """SQuAD token F1 of two texts after :func:`normalize`."""
    pred, ref = normalize(prediction).split(), normalize(gold).split()
    if not pred or not ref:
        return float(pred == ref)
    common = sum((Counter(pred) & Counter(ref)).values())
    if common == 0:
        return 0.0
    p, r = common / len(pred), common / len(ref)
    return 2 * p * r / (p + r)


def answer_text(reply: str) -> str:
    """What follows the last answer cue (to the end of its line), else the reply."""
    text = clip(reply).replace("**", "").strip()
    cues = list(_CUE.finditer(text))
    if cues:
        tail = text[cues[-1].end() :].strip().split("\n", 1)[0].strip()
        if tail:
            return tail
    return text


def score_vqa(item: EvalItem, answer: str) -> ScoreResult:
    """Score a VQA answer by the item's answer type (see the module doc)."""
    gold = str(item.gold)
    text = answer_text(answer)
    if item.meta.get("answer_type") == "closed":
        if normalize(gold) in ("yes", "no"):
            word = extract_yes_no_maybe(text)
            ok = word is not None and word == normalize(gold)
            return ScoreResult(float(ok), ok, extracted=word)
        first = re.split(r"(?<=[.!?])\s|\n", text, maxsplit=1)[0]
        ok = normalize(gold) in (normalize(text), normalize(first))
        return ScoreResult(float(ok), ok, extracted=normalize(text)[:200])
    f1 = token_f1(text, gold)
    ok = bool(normalize(text)) and normalize(text) == normalize(gold)
    return ScoreResult(f1, ok, extracted=normalize(text)[:200], details={"f1": f1})
