"""A BM25 knowledge base for agents: passages, an on-disk tantivy index, loaders for
downloadable corpora, a built-in corpus generated from :mod:`healthgym.clinical`, and
the ``search_knowledge`` / ``read_passage`` tools (:mod:`healthgym.knowledge.tools`).

    from healthgym.knowledge import KnowledgeBase, build_index, load_medquad_jsonl

    build_index(load_medquad_jsonl("medquad/"), "kb/medquad")
    for hit in KnowledgeBase("kb/medquad").search("What is acromegaly", k=3):
        print(hit.rank, hit.passage.title, hit.passage.citation())
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names below, for type checkers (at run time: on first use)
    from .build import build_index
    from .builtin import CORPUS_VERSION, builtin_passages, register_generator
    from .index import KnowledgeBase
    from .loaders import (
        LOADERS,
        LoadStats,
        load_jsonl,
        load_medquad_jsonl,
        load_medquad_xml,
        load_pubmed_xml,
        load_text_folder,
    )
    from .passages import KnowledgeBaseError, Passage, SearchHit
    from .query import query_terms
    from .store import default_kb_path, ensure_builtin, get_default_kb, reset_default_kb

# Loaded on first use (PEP 562): opening the default index needs neither the corpus
# generators nor the loaders, so ``import healthgym.knowledge.store`` stays cheap.
_LAZY = {
    "build_index": "build",
    "CORPUS_VERSION": "builtin",
    "builtin_passages": "builtin",
    "register_generator": "builtin",
    "KnowledgeBase": "index",
    "LOADERS": "loaders",
    "LoadStats": "loaders",
    "load_jsonl": "loaders",
    "load_medquad_jsonl": "loaders",
    "load_medquad_xml": "loaders",
    "load_pubmed_xml": "loaders",
    "load_text_folder": "loaders",
    "KnowledgeBaseError": "passages",
    "Passage": "passages",
    "SearchHit": "passages",
    "query_terms": "query",
    "default_kb_path": "store",
    "ensure_builtin": "store",
    "get_default_kb": "store",
    "reset_default_kb": "store",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "CORPUS_VERSION",
    "LOADERS",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "LoadStats",
    "Passage",
    "SearchHit",
    "build_index",
    "builtin_passages",
    "default_kb_path",
    "ensure_builtin",
    "get_default_kb",
    "load_jsonl",
    "load_medquad_jsonl",
    "load_medquad_xml",
    "load_pubmed_xml",
    "load_text_folder",
    "query_terms",
    "register_generator",
    "reset_default_kb",
]
