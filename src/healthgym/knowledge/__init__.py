"""A BM25 knowledge base for agents: passages, an on-disk tantivy index, loaders for
downloadable corpora, a built-in corpus generated from :mod:`healthgym.clinical`, and
the ``search_knowledge`` / ``read_passage`` tools (:mod:`healthgym.knowledge.tools`).

    from healthgym.knowledge import KnowledgeBase, build_index, load_medquad_jsonl

    build_index(load_medquad_jsonl("medquad/"), "kb/medquad")
    for hit in KnowledgeBase("kb/medquad").search("What is acromegaly", k=3):
        print(hit.rank, hit.passage.title, hit.passage.citation())
"""

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
