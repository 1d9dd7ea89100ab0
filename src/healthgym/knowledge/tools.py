"""Agent tools over the default knowledge base (see :mod:`healthgym.knowledge.store`).

Both tools are ``reference`` tools: they ignore the episode state (the knowledge base
is process-wide and read-only), so their answers never depend on a task.  A missing or
damaged knowledge base surfaces as a :class:`~healthgym.tools.ToolError` whose message
says how to build one.
"""

from __future__ import annotations

from typing import Annotated, Any

from healthgym.tools import MaxLen, Range, ToolError, tool

from .passages import KnowledgeBaseError
from .query import make_snippet, query_terms
from .store import get_default_kb

SNIPPET_CHARS = 320


@tool(kind="reference")
def search_knowledge(
    state: Any, query: Annotated[str, MaxLen(500)], k: Annotated[int, Range(1, 10)] = 5
) -> str:
    """Search the medical knowledge base (BM25 keyword search) and return the best
    passages, each with its passage id, title, a snippet and its source citation.
    Use read_passage with an id to read a passage in full.

    Args:
        query: keywords or a question, e.g. 'first-line treatment community-acquired pneumonia'.
        k: number of passages to return (1-10).
    """
    terms = query_terms(query)
    if not terms:
        return (
            "The query has no searchable terms (only stopwords, punctuation or symbols); "
            "use medical keywords, e.g. 'ferritin iron deficiency'."
        )
    try:
        hits = get_default_kb().search(query, k=k)
    except KnowledgeBaseError as e:
        raise ToolError(f"knowledge base unavailable: {e}") from None
    if not hits:
        return f"No passages match '{' '.join(terms)}'. Try other or fewer keywords."
    lines = [f"{len(hits)} passage(s) for '{query.strip()}':"]
    for h in hits:
        p = h.passage
        lines.append(f"{h.rank}. [{p.id}] {p.title} (score {h.score:.2f})")
        lines.append(f"   {make_snippet(p.text, terms, SNIPPET_CHARS)}")
        lines.append(f"   Source: {p.citation()}")
    return "\n".join(lines)


@tool(kind="reference")
def read_passage(state: Any, passage_id: str) -> str:
    """Read one knowledge-base passage in full, with its source citation.

    Args:
        passage_id: the id shown in brackets by search_knowledge, e.g. 'builtin:score/curb65'.
    """
    try:
        passage = get_default_kb().get(passage_id)
    except KnowledgeBaseError as e:
        raise ToolError(f"knowledge base unavailable: {e}") from None
    if passage is None:
        raise ToolError(
            f"no passage with id '{passage_id.strip()[:200]}'; use search_knowledge to find ids"
        )
    return f"[{passage.id}] {passage.title}\n\n{passage.text}\n\nSource: {passage.citation()}"


KNOWLEDGE_TOOLS = [search_knowledge, read_passage]
