"""The agent tools search_knowledge and read_passage."""

from __future__ import annotations

import pytest

from healthgym.knowledge import Passage, build_index, reset_default_kb
from healthgym.knowledge.tools import KNOWLEDGE_TOOLS, read_passage, search_knowledge
from healthgym.tools import ArgumentError, ToolError, Toolkit, validate_arguments


@pytest.fixture(autouse=True)
def kb_dir(tmp_path, monkeypatch):
    path = tmp_path / "kb"
    passages = [
        Passage("g1", "Gout: treatment", "Colchicine or an NSAID treats a gout flare.", "EULAR"),
        Passage(
            "g2",
            "Gout: diagnosis",
            "Urate crystals in synovial fluid confirm gout.",
            "ACR",
            "https://example.org/gout",
        ),
        Passage("c1", "Cellulitis", "Cephalexin treats non-purulent cellulitis. " * 30, "IDSA"),
    ]
    build_index(passages, path, heap_mb=32, threads=1)
    monkeypatch.setenv("HEALTHGYM_KB_DIR", str(path))
    reset_default_kb()
    yield path
    reset_default_kb()


def test_schemas():
    kit = Toolkit(KNOWLEDGE_TOOLS)
    assert [t.name for t in kit] == ["search_knowledge", "read_passage"]
    props = search_knowledge.parameters["properties"]
    assert props["query"]["maxLength"] == 500
    assert (props["k"]["minimum"], props["k"]["maximum"], props["k"]["default"]) == (1, 10, 5)
    assert search_knowledge.parameters["required"] == ["query"]
    assert read_passage.parameters["required"] == ["passage_id"]
    with pytest.raises(ArgumentError, match="above the maximum"):
        validate_arguments(search_knowledge, {"query": "gout", "k": 11})
    with pytest.raises(ArgumentError, match="exceeds 500"):
        validate_arguments(search_knowledge, {"query": "x" * 501})


def test_search_knowledge_output():
    out = search_knowledge(None, "how is gout treated?", k=2)
    lines = out.splitlines()
    assert lines[0].startswith("2 passage(s)")
    assert lines[1].startswith("1. [g1] Gout: treatment (score ")
    assert "Source: EULAR" in out and "Source: ACR - https://example.org/gout" in out
    long = search_knowledge(None, "cellulitis cephalexin", k=1)
    assert "[c1]" in long and len(long) < 800  # snippets, not whole passages


def test_search_without_terms_or_hits():
    assert "no searchable terms" in search_knowledge(None, "  ?? the of ")
    assert "No passages match" in search_knowledge(None, "zzzunknownzzz")


def test_read_passage():
    out = read_passage(None, "g2")
    assert out.startswith("[g2] Gout: diagnosis") and "Urate crystals" in out
    assert out.endswith("Source: ACR - https://example.org/gout")
    with pytest.raises(ToolError, match="no passage with id 'nope'"):
        read_passage(None, "nope")


def test_unavailable_knowledge_base_is_a_tool_error(tmp_path, monkeypatch, kb_dir):
    (kb_dir / "manifest.json").write_text("{}")
    reset_default_kb()
    with pytest.raises(ToolError, match="knowledge base unavailable"):
        search_knowledge(None, "gout")
    with pytest.raises(ToolError, match="healthgym kb build"):
        read_passage(None, "g1")


def test_knowledge_tools_are_reference_tools():
    assert [t.kind for t in KNOWLEDGE_TOOLS] == ["reference", "reference"]
    assert not any(t.needs for t in KNOWLEDGE_TOOLS)
