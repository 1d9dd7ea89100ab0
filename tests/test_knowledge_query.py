"""Query building never fails on user text and never injects query syntax."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthgym.knowledge import KnowledgeBase, Passage, build_index
from healthgym.knowledge.query import MAX_TERMS, analyze, make_snippet, query_terms

OPERATORS = "AND OR NOT + - : ^ ~ * ? ( ) [ ] { } / \" \\ ' ! && || TO"


@pytest.fixture(scope="module")
def kb(tmp_path_factory) -> KnowledgeBase:
    out = tmp_path_factory.mktemp("kbq") / "kb"
    texts = [
        ("Acromegaly", "Acromegaly is caused by excess growth hormone from a pituitary adenoma."),
        ("Gout", "Gout is an inflammatory arthritis caused by monosodium urate crystals."),
        ("AND OR NOT", "A passage whose title is made of query operators: AND OR NOT."),
        ("Café au lait", "Café-au-lait macules are seen in neurofibromatosis type 1."),
        (
            "Hypertension",
            "Blood pressure above 130/80 mmHg; first-line drugs include ACE inhibitors.",
        ),
    ]
    passages = [Passage(f"q{i}", t, x, source="test") for i, (t, x) in enumerate(texts)]
    build_index(passages, out, heap_mb=32, threads=1)
    return KnowledgeBase.open(out)


def test_terms_are_stemmed_and_stopwords_dropped():
    assert query_terms("What is acromegaly?") == ["acromegali"]
    assert query_terms("treatments of the kidneys") == ["treatment", "kidney"]
    assert query_terms("gout gout GOUT") == ["gout"]  # distinct terms, first occurrence kept


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\t\n", "?!.,;", "the of and is what", OPERATORS, "\x00\x01\x1f", "--- ***"],
)
def test_no_searchable_terms_gives_empty_list(text, kb):
    assert query_terms(text) == []
    assert kb.search(text) == []
    assert kb.search_ids(text) == []


def test_operators_are_plain_words(kb):
    assert query_terms(OPERATORS) == []  # all stopwords or punctuation
    hits = kb.search('"acromegaly" AND (growth OR hormone) NOT title:gout^3 ~ * [a TO z] {x}')
    assert hits and hits[0].passage.id == "q0"
    assert query_terms("title:gout") == ["titl", "gout"]  # no field syntax


def test_term_cap_and_long_input(kb):
    words = [f"word{i}" for i in range(200)]
    assert len(query_terms(" ".join(words))) == MAX_TERMS
    assert query_terms(" ".join(words))[:2] == ["word0", "word1"]
    assert kb.search("x" * 10_000) == []  # one over-long token is dropped
    long_text = "acromegaly " + "lorem ipsum " * 1000
    assert len(long_text) > 10_000
    assert kb.search(long_text)[0].passage.id == "q0"


def test_non_ascii_control_and_surrogates(kb):
    assert query_terms("café") == ["café"]
    assert kb.search("Café au lait")[0].passage.id == "q3"
    assert query_terms("gout\x00\x07arthritis\r\n") == ["gout", "arthriti"]
    assert query_terms("gout \ud800 urate") == ["gout", "urat"]  # lone surrogate dropped
    assert kb.search("\ud83d gout")[0].passage.id == "q1"
    assert query_terms(None) == [] and query_terms(12345) == ["12345"]


def test_analyzer_matches_index_tokenizer(kb):
    searcher = kb._ensure_open()
    for word in ("Acromegaly", "inflammatory", "macules", "neurofibromatosis", "inhibitors"):
        (term,) = analyze(word)
        assert searcher.doc_freq("text", term) >= 1, term


def test_snippet_prefers_the_sentence_with_query_terms():
    text = "First sentence about nothing. " * 20 + "Gout flares respond to colchicine. " * 3
    snip = make_snippet(text, query_terms("colchicine gout"), 120)
    assert snip.startswith("... Gout flares") and len(snip) < 140
    assert make_snippet("short text", ["x"]) == "short text"


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.text(alphabet=st.characters(blacklist_categories=()), max_size=300),
        st.text(alphabet=OPERATORS + "abc xyz\t\n\x00é中", max_size=300),
        st.text(max_size=3000),
    )
)
def test_any_text_searches_without_raising(kb, text):
    hits = kb.search(text, k=3)
    assert isinstance(hits, list) and len(hits) <= 3
    assert isinstance(kb.search_ids(text, 3), list)
    assert len(query_terms(text)) <= MAX_TERMS


def test_british_and_american_spellings_find_each_other():
    from healthgym.knowledge.query import query_terms

    assert {"anemia", "anaemia"} <= set(query_terms("anaemia"))
    assert {"hemorrhag", "haemorrhag"} <= set(query_terms("hemorrhage"))
    assert {"esophag", "oesophag"} <= set(query_terms("esophageal varices"))
    # short fragments are not rewritten inside words
    assert query_terms("chemotherapy infection") == ["chemotherapi", "infect"]


def test_spelling_variants_reach_passages_written_the_other_way():
    from healthgym.knowledge.store import get_default_kb

    kb = get_default_kb()
    for us, uk in (("hyponatremia", "hyponatraemia"), ("hemorrhage", "haemorrhage")):
        a = [pid for pid, _ in kb.search_ids(us, k=5)]
        b = [pid for pid, _ in kb.search_ids(uk, k=5)]
        assert a and set(a) & set(b)
