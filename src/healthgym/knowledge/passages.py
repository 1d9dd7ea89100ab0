"""The passage model: one retrievable unit of knowledge with its citation."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class KnowledgeBaseError(Exception):
    """A knowledge base is missing, empty, corrupt or cannot be built.

    The message names the path and says how to build the index.
    """


@dataclass(frozen=True)
class Passage:
    """A passage of text with its provenance.

    ``source`` is the citation (publication, guideline or site) the text comes
    from, ``url`` a link to it when known and ``collection`` the corpus the
    passage belongs to (``healthgym-builtin``, ``medquad``, ``pubmed``, ...).
    ``metadata`` holds extra JSON-serialisable fields (not searched).
    """

    id: str
    title: str
    text: str
    source: str = ""
    url: str = ""
    collection: str = ""
    metadata: Mapping[str, Any] = field(default_factory=dict)

    def citation(self) -> str:
        """``source`` and ``url`` as one line (either may be empty)."""
        parts = [p for p in (self.source.strip(), self.url.strip()) if p]
        return " - ".join(parts) if parts else "(no citation recorded)"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "text": self.text,
            "source": self.source,
            "url": self.url,
            "collection": self.collection,
            "metadata": dict(self.metadata),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Passage:
        return cls(
            id=str(d["id"]),
            title=str(d.get("title") or ""),
            text=str(d.get("text") or ""),
            source=str(d.get("source") or ""),
            url=str(d.get("url") or ""),
            collection=str(d.get("collection") or ""),
            metadata=dict(d.get("metadata") or {}),
        )

    def digest_bytes(self) -> bytes:
        """Canonical bytes of the searchable content, for content hashes."""
        return json.dumps(
            [self.id, self.title, self.text, self.source, self.url, self.collection],
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8", "surrogatepass")


@dataclass(frozen=True)
class SearchHit:
    """One ranked result: the passage, its BM25 score and its 1-based rank."""

    passage: Passage
    score: float
    rank: int


def content_hash(passages: Any) -> str:
    """SHA-256 (hex) over the canonical content of ``passages`` in order."""
    h = hashlib.sha256()
    for p in passages:
        h.update(p.digest_bytes())
        h.update(b"\n")
    return h.hexdigest()
