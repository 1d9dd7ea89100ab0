"""Map a free-text diagnosis (name, synonym or ICD-10 code) to a disease profile key."""

from __future__ import annotations

import re
from functools import cache

from ..text import build_phrase_index, find_keys
from . import PROFILES

_ICD = re.compile(r"^[A-Za-z][0-9][0-9A-Za-z](\.?[0-9A-Za-z]{1,4})?$")


@cache
def _phrase_index() -> dict[str, str]:
    return build_phrase_index((p.key, (p.name, p.key, *p.synonyms)) for p in PROFILES.values())


@cache
def _icd_index() -> dict[str, str]:
    return {p.icd10.replace(".", "").upper(): p.key for p in PROFILES.values()}


def icd_lookup(code: str) -> str | None:
    """Profile key of an exact ICD-10 code (dot optional), else None."""
    code = code.strip()
    if not _ICD.match(code):
        return None
    return _icd_index().get(code.replace(".", "").upper())


def match_diagnosis(text: str) -> str | None:
    """The one profile a diagnosis text names, or None (unknown or ambiguous).

    Exact name/synonym/ICD-10 matches win; otherwise the text must contain the
    phrases of exactly one disease (a hedged "X or Y" answer matches nothing).
    """
    if not isinstance(text, str) or not text.strip():
        return None
    by_code = icd_lookup(text)
    if by_code:
        return by_code
    keys = find_keys(text[:500], _phrase_index())
    return keys.pop() if len(keys) == 1 else None
