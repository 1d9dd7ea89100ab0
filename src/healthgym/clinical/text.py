"""Normalisation of free-text clinical terms for matching answers to vocabularies."""

from __future__ import annotations

import re
from collections.abc import Iterable

# British -> American spellings that occur in diagnosis and drug names
_SPELLING = (
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


def normalize(text: str) -> str:
    """Lower-case, American spelling, punctuation to single spaces."""
    t = text.lower()
    for gb, us in _SPELLING:
        t = t.replace(gb, us)
    return _NON_WORD.sub(" ", t).strip()


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
