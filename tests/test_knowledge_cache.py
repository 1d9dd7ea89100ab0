"""Kept query plans, hits, passages and snippets give the same answers as a fresh index."""

from __future__ import annotations

from healthgym.knowledge import KnowledgeBase
from healthgym.knowledge.query import _query_terms, _snippet, make_snippet, query_terms
from healthgym.knowledge.store import get_default_kb
from healthgym.knowledge.tools import search_knowledge

QUERIES = (
    "first-line treatment community-acquired pneumonia",
    "warfarin amiodarone interaction",
    "haemorrhage anaemia",  # British spellings: variants added
    "!!! the of and",  # no searchable terms
)


def test_repeated_searches_come_from_the_kept_hits_and_equal_a_fresh_index():
    kb = get_default_kb()
    fresh = KnowledgeBase(kb.path)  # a second, cold instance over the same files
    for query in QUERIES:
        first = kb.search(query, k=5)
        cached_before = kb.plan_counts["cached"]
        again = kb.search(query, k=5)
        assert again == first == fresh.search(query, k=5)
        if query_terms(query):
            assert kb.plan_counts["cached"] == cached_before + 1
        assert kb.search_ids(query, k=3) == fresh.search_ids(query, k=3)
    assert kb.get("builtin:score/curb65") == fresh.get("builtin:score/curb65")


def test_query_terms_and_snippets_are_cached_copies():
    for query in QUERIES:
        terms = query_terms(query)
        assert terms == _query_terms(query)
        terms.append("mutated")  # the caller's list is its own
        assert "mutated" not in query_terms(query)
    assert query_terms(None) == [] and query_terms(12345) == _query_terms(12345)
    text = "Alpha beta. Pneumonia is treated with amoxicillin first. " * 20
    terms = query_terms("pneumonia amoxicillin")
    assert make_snippet(text, terms, 80) == _snippet.__wrapped__(text, tuple(terms), 80)
    assert make_snippet(text, terms, 80) is make_snippet(text, list(terms), 80)


def test_search_tool_output_is_stable_across_repeats():
    outputs = {search_knowledge.fn(None, QUERIES[0], 3) for _ in range(3)}
    assert len(outputs) == 1 and "passage(s) for" in outputs.pop()
