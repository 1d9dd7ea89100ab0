"""Text normalisation: the one implementation of each way the package folds text.

Every grader, parser and agent that compares strings calls one of these, so two places
never normalise "the same" way with different rules:

* :func:`normalize` - clinical terms for vocabulary matching: lower case, British
  spellings as American (:data:`SPELLING`), every run of characters other than a-z/0-9
  as one space;
* :func:`fold` - the same without the spelling table; :func:`fold_no_article` also
  drops a leading article (answer options);
* :func:`lower_words` - lower case, underscores as spaces, whitespace collapsed
  (punctuation kept: tool and argument names);
* :func:`trim_lower` - surrounding whitespace dropped, lower case (exact values);
* :func:`squad_normalize` - SQuAD's answer normalisation (Rajpurkar P et al. SQuAD:
  100,000+ Questions for Machine Comprehension of Text. EMNLP 2016, official
  evaluation script): lower case, punctuation and the articles a/an/the removed,
  whitespace collapsed;
* :func:`plain_typography` - Unicode minus and en dash as ``-``, no-break space as a
  space, Markdown bold and code marks removed (before reading numbers).

Token-level canonicalisation (abbreviations, word forms, clauses) builds on these in
:mod:`healthgym.clinical.matching.normalise`.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

# British -> American spellings that occur in diagnosis and drug names
SPELLING = (
    ("oesophag", "esophag"),
    ("haem", "hem"),
    ("aemia", "emia"),
    ("aemic", "emic"),
    ("oedema", "edema"),
    ("ischaem", "ischem"),
    ("glycaem", "glycem"),
    ("kalaem", "kalem"),
    ("natraem", "natrem"),
    ("calcaem", "calcem"),
    ("paed", "ped"),
    ("foetal", "fetal"),
    ("sulph", "sulf"),
    ("diarrhoea", "diarrhea"),
    ("tumour", "tumor"),
    ("labour", "labor"),
)
_NON_WORD = re.compile(r"[^a-z0-9]+")
_LEADING_ARTICLE = re.compile(r"^(?:the|an|a)\s+")
_SPACES = re.compile(r"\s+")
_SQUAD_PUNCT = re.compile(f"[{re.escape(string.punctuation)}‘’“”]")
_SQUAD_ARTICLES = re.compile(r"\b(?:a|an|the)\b")


def _squash(lowered: str) -> str:
    return _NON_WORD.sub(" ", lowered).strip()


def normalize(text: str) -> str:
    """Lower-case, American spelling, punctuation to single spaces."""
    t = text.lower()
    for gb, us in SPELLING:
        t = t.replace(gb, us)
    return _squash(t)


def fold(text: str) -> str:
    """Lower case, every run of characters other than a-z/0-9 as one space, stripped."""
    return _squash(text.lower())


def fold_no_article(text: str) -> str:
    """:func:`fold`, then a leading "the", "an" or "a" dropped."""
    return _LEADING_ARTICLE.sub("", fold(text))


def lower_words(text: str) -> str:
    """Underscores as spaces, whitespace runs as one space, stripped, lower case."""
    return _SPACES.sub(" ", text.replace("_", " ")).strip().lower()


def trim_lower(text: str) -> str:
    """Surrounding whitespace dropped, lower case."""
    return text.strip().lower()


def squad_normalize(text: str | None) -> str:
    """SQuAD-style normalisation (see the module docstring); None reads as empty."""
    t = _SQUAD_PUNCT.sub(" ", (text or "").lower())
    return " ".join(_SQUAD_ARTICLES.sub(" ", t).split())


def plain_typography(text: str) -> str:
    """Unicode minus and en dash as ``-``, no-break space as a space, ``**`` and
    backticks removed."""
    return (
        text.replace("\u2212", "-")
        .replace("\u2013", "-")
        .replace("\u00a0", " ")
        .replace("**", "")
        .replace("`", "")
    )


def contains_phrase(haystack_norm: str, phrase_norm: str) -> bool:
    """Whole-word containment of a normalised phrase in a normalised text."""
    if not phrase_norm:
        return False
    return f" {phrase_norm} " in f" {haystack_norm} "


def build_phrase_index(entries: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    """{normalised phrase: key} from (key, phrases); a phrase claimed twice is an error."""
    index: dict[str, str] = {}
    for key, phrases in entries:
        for phrase in phrases:
            n = normalize(phrase)
            if n and index.get(n, key) != key:
                raise ValueError(f"phrase {phrase!r} names both {index[n]!r} and {key!r}")
            if n:
                index[n] = key
    return index


def find_keys(text: str, index: dict[str, str]) -> set[str]:
    """Keys whose phrases occur in ``text``: exact match first, then whole-word containment."""
    n = normalize(text)
    if n in index:
        return {index[n]}
    return {key for phrase, key in index.items() if contains_phrase(n, phrase)}
