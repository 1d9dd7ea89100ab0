"""Map free-text plan items to treatment keys of :mod:`healthgym.clinical.treatments`."""

from __future__ import annotations

from functools import cache

from .text import build_phrase_index, find_keys
from .treatments import TREATMENTS


@cache
def _index() -> dict[str, str]:
    return build_phrase_index((t.key, (t.key, t.name, *t.synonyms)) for t in TREATMENTS.values())


def match_treatments(item: str) -> set[str]:
    """Treatment keys named in one plan item (several if it names several)."""
    if not isinstance(item, str):
        return set()
    return find_keys(item[:500], _index())
