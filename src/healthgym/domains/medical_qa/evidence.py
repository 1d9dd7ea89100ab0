"""The supporting passage of a knowledge question, found in the built-in corpus.

A reference solution searches the knowledge base with the question's query and
reads the first of the top :data:`SEARCH_K` hits that names the correct option
(preferring a passage about the question's disease), so
the oracle's own search returns the passage it then reads.  Task generation always
uses the built-in corpus (:func:`healthgym.knowledge.ensure_builtin`), whatever
``HEALTHGYM_KB_DIR`` says, so the suite does not depend on a user's index; the
oracle replays the reference through the tools, which read the default knowledge
base, i.e. the built-in one unless a different index is configured.
"""

from __future__ import annotations

from functools import cache

from ...clinical.text import contains_phrase, normalize
from ...knowledge import KnowledgeBase, ensure_builtin

SEARCH_K = 5


@cache
def builtin_kb() -> KnowledgeBase:
    """The built-in knowledge base (built into the cache on first use)."""
    return KnowledgeBase.open(ensure_builtin())


def names_any(text: str, phrases: tuple[str, ...] | list[str]) -> bool:
    """Whether ``text`` contains one of ``phrases`` as whole words (normalised)."""
    haystack = normalize(text)
    return any(contains_phrase(haystack, normalize(p)) for p in phrases)


def supporting_passage(query: str, phrases: tuple[str, ...], about: str = "") -> str:
    """Id of the best-ranked passage for ``query`` that names one of ``phrases``,
    preferring passages whose id contains ``about`` (e.g. ``disease/<key>/``)."""
    hits = [
        h.passage
        for h in builtin_kb().search(query, k=SEARCH_K)
        if names_any(f"{h.passage.title}\n{h.passage.text}", phrases)
    ]
    preferred = [p for p in hits if about and about in p.id]
    if preferred or hits:
        return (preferred or hits)[0].id
    raise LookupError(
        f"no passage among the top {SEARCH_K} for {query!r} names {phrases[0]!r}: "
        "the built-in corpus does not support this question"
    )
