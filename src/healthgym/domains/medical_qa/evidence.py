"""Evidence of a knowledge question: which passages of the corpus support its answer.

A passage *supports* an answer when it states the fact the question tests: it names
the answer (the option's name, synonyms or abbreviations) and the question's subject
(the disease of a clinical question, the drug's mechanism or adverse effect, the drug
that interacts), each *asserted* - a negated mention ("avoid NSAIDs", "CT is not
required") states the opposite fact and does not count.  Mentions are found with the
shared matching layer (:class:`healthgym.clinical.matching.ConceptIndex`: case,
punctuation, US/UK spelling, abbreviations, NegEx-style negation).

:func:`supporting_passages` lists every passage of the built-in corpus that supports
an answer (the process score accepts reading any of them, not only the one a search
ranked first); :func:`supporting_passage` is the one the reference solution reads: the
first of the top :data:`SEARCH_K` hits for the question's query that supports the
answer (preferring a passage about the question's disease), so the oracle's own search
returns it - or, when no top hit states the fact, the corpus's own passage that does.
Task generation always uses the built-in corpus
(:func:`healthgym.knowledge.ensure_builtin`), whatever ``HEALTHGYM_KB_DIR`` says, so the
suite does not depend on a user's index; the oracle replays the reference through the
tools, which read the default knowledge base, i.e. the built-in one unless a different
index is configured.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from ...clinical.matching import ConceptIndex
from ...clinical.matching.normalise import canonical_phrase, canonical_tokens
from ...clinical.text import contains_phrase, normalize
from ...knowledge import KnowledgeBase, ensure_builtin

SEARCH_K = 5
# words that mark a passage as stating a drug interaction (interaction questions)
INTERACTION_CUES = ("interaction", "interacts", "interact", "coadministration", "combination")


@cache
def builtin_kb() -> KnowledgeBase:
    """The built-in knowledge base (built into the cache on first use)."""
    return KnowledgeBase.open(ensure_builtin())


def names_any(text: str, phrases: tuple[str, ...] | list[str]) -> bool:
    """Whether ``text`` contains one of ``phrases`` as whole words (normalised)."""
    haystack = normalize(text)
    return any(contains_phrase(haystack, normalize(p)) for p in phrases)


def _canon(text: str) -> str:
    return " " + " ".join(canonical_tokens(text)) + " "


@cache
def _corpus() -> tuple[tuple[str, str, str], ...]:
    """(id, full text, canonical text) of every built-in passage, read once."""
    from ...knowledge.builtin import builtin_passages

    out = []
    for p in builtin_passages():
        full = f"{p.title}\n{p.text}"
        out.append((p.id, full, _canon(full)))
    return tuple(out)


def _canonical_forms(phrases: Iterable[str]) -> list[str]:
    return [" " + " ".join(c) + " " for p in phrases if (c := canonical_phrase(p))]


@cache
def _index(answer: tuple[str, ...], about: tuple[str, ...]) -> ConceptIndex:
    entries = [("answer", answer)]
    if about:
        entries.append(("about", about))
    return ConceptIndex(entries, qualifier_classes=())


def _asserted(index: ConceptIndex, text: str) -> dict[str, set[int]]:
    """key -> clauses where the key is named and not negated."""
    out: dict[str, set[int]] = {}
    for m in index.mentions(text, limit=len(text)):
        if m.asserted:
            out.setdefault(m.key, set()).add(m.clause)
    return out


def supports(
    text: str, answer: tuple[str, ...], about: tuple[str, ...] = (), cue: tuple[str, ...] = ()
) -> bool:
    """Whether a passage (first line = its title) states the answer with the subject.

    The answer (one of its phrases) and the subject (one of ``about``) must both be
    asserted, and stated together: one of them in the title and the other in the body,
    or both in one clause of the body - a passage that names the drug in one paragraph
    and the disease in an unrelated one does not state that the drug treats it.  With
    ``cue``, one cue phrase must also be asserted (an interaction question needs a
    passage about an interaction, not one that lists both drugs as options).
    """
    if not isinstance(text, str) or not text.strip() or not answer:
        return False
    about = tuple(a for a in about if a)
    index = _index(tuple(answer), about)
    title, _, body = text.strip().partition("\n")
    in_title, in_body = _asserted(index, title), _asserted(index, body)
    if "answer" not in in_title and "answer" not in in_body:
        return False
    if cue and "answer" not in _asserted(_index(tuple(cue), ()), text):
        return False
    if not about:
        return True
    title_answer, title_about = "answer" in in_title, "about" in in_title
    if (title_answer and "about" in in_body) or (title_about and "answer" in in_body):
        return True
    if title_answer and title_about:
        return True
    return bool(in_body.get("answer", set()) & in_body.get("about", set()))


def _prefilter(canon: str, forms: list[str]) -> bool:
    """Cheap test on canonical text: the passage contains one of the forms (content
    words only, so a phrase with filler words may still be found by the full check)."""
    return any(all(w in canon for w in f.split()) for f in forms)


@cache
def supporting_passages(
    answer: tuple[str, ...], about: tuple[str, ...] = (), cue: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """Ids of every built-in passage that supports the answer (see :func:`supports`)."""
    a_forms, b_forms = _canonical_forms(answer), _canonical_forms(about)
    found = []
    for pid, full, canon in _corpus():
        if not _prefilter(canon, a_forms) or (b_forms and not _prefilter(canon, b_forms)):
            continue
        if supports(full, answer, about, cue):
            found.append(pid)
    return tuple(found)


def supporting_passage(
    query: str,
    phrases: tuple[str, ...],
    about: str = "",
    subject: tuple[str, ...] = (),
    cue: tuple[str, ...] = (),
) -> str:
    """Id of the best-ranked passage for ``query`` that supports the answer named by
    ``phrases`` (with ``subject``), preferring passages whose id contains ``about``
    (e.g. ``disease/<key>/``)."""
    hits = [
        h.passage
        for h in builtin_kb().search(query, k=SEARCH_K)
        if supports(f"{h.passage.title}\n{h.passage.text}", phrases, subject, cue)
    ]
    preferred = [p for p in hits if about and about in p.id]
    if preferred or hits:
        return (preferred or hits)[0].id
    # the search ranks no supporting passage first (e.g. interaction passages that only
    # name the drug): read the corpus's own passage that states the fact
    found = supporting_passages(tuple(phrases), tuple(subject), tuple(cue))
    preferred_ids = [p for p in found if about and about in p]
    if preferred_ids or found:
        return (preferred_ids or found)[0]
    raise LookupError(
        f"no passage among the top {SEARCH_K} for {query!r} supports {phrases[0]!r}: "
        "the built-in corpus does not support this question"
    )


def retrieving_query(query: str, passage_id: str) -> str:
    """``query`` when its top :data:`SEARCH_K` hits include the passage, else the
    passage's title with the query (so the reference's own search returns what it
    reads)."""
    kb = builtin_kb()
    if any(h.passage.id == passage_id for h in kb.search(query, k=SEARCH_K)):
        return query
    passage = kb.get(passage_id)
    title = passage.title if passage is not None else ""
    for candidate in (f"{title} {query}", title):
        if candidate.strip() and any(
            h.passage.id == passage_id for h in kb.search(candidate, k=SEARCH_K)
        ):
            return candidate
    return query
