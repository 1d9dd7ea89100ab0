"""The on-disk BM25 knowledge base: schema, validation on open, and search.

An index directory holds tantivy's files, ``manifest.json`` (format, passage
count, sources, build time, content hash) and ``ids.txt`` (passage ids in
build order).  ``title`` and ``text`` are tokenised with tantivy's ``en_stem``
analyzer and scored with BM25 (k1 = 1.2, b = 0.75); a query term's title match
is multiplied by the title boost at query time.

Search is exact top-k BM25.  Because tantivy-py evaluates every posting of
every query term (its ``Searcher.search`` always collects through a
``MultiCollector``, even with ``count=False``, and that collector never calls
tantivy's Block-WAND ``for_each_pruning``; measured: a plain union of unboosted term
queries is as slow as the boosted one), a query containing
very common terms is first run as a *pruned* query: only documents containing
at least one of the rarer ("light") terms are candidates, while the common
("heavy") terms still add their score to those candidates (each heavy term is
intersected with the candidates, so tantivy seeks through its skip list instead of
scoring every posting).  The result is kept
only when provably equal to the full query's: a document outside the
candidates can score at most the sum of the heavy terms' BM25 upper bounds
(boost x idf x (k1 + 1)), so the pruned top k is exact when its k-th score
exceeds that bound; otherwise the full query runs.  The build records each
common term's exact maximum score per field (``maxscores.json``, computed with
tantivy's own scoring), which makes the bound tight and the pruned plan succeed
far more often.
"""

from __future__ import annotations

import json
import math
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tantivy

from .passages import KnowledgeBaseError, Passage, SearchHit
from .query import query_terms

FORMAT = "healthgym-kb"
SCHEMA_VERSION = 1
MANIFEST = "manifest.json"
IDS_FILE = "ids.txt"
MAXSCORES_FILE = "maxscores.json"
TITLE_BOOST = 2.0
K1 = 1.2  # tantivy's BM25 constants
MAX_K = 1000
HEAVY_FRACTION = 0.01  # a term in more than this share of passages is "heavy"
PRUNE_MIN_DOCS = 20_000  # below this, every query runs unpruned (it is fast anyway)
MAXSCORE_MIN_FRACTION = 0.005  # terms this common get their exact maximum score recorded
QUERY_CACHE_SIZE = 4096  # (terms, k) -> hits kept per open index
PASSAGE_CACHE_SIZE = 4096  # parsed passages kept per open index
SOURCES = ("builtin", "jsonl", "medquad", "medquad-xml", "pubmed", "text")


def build_hint(path: str | Path) -> str:
    """How to build a knowledge base at ``path``."""
    return (
        f"build one with `healthgym kb build --source {{{','.join(SOURCES)}}} "
        f"--path <input> --out {path}` (the built-in corpus needs no --path)"
    )


def index_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("title", stored=True, tokenizer_name="en_stem", index_option="freq")
    sb.add_text_field("text", stored=True, tokenizer_name="en_stem", index_option="freq")
    sb.add_text_field("collection", stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_bytes_field("source", stored=True, indexed=False)
    sb.add_bytes_field("url", stored=True, indexed=False)
    sb.add_bytes_field("meta", stored=True, indexed=False)
    sb.add_unsigned_field("ord", stored=False, indexed=False, fast=True)
    return sb.build()


def compute_max_scores(path: Path, min_fraction: float = MAXSCORE_MIN_FRACTION) -> dict[str, Any]:
    """Exact maximum BM25 score (boost 1) of every term in more than ``min_fraction``
    of the passages, per field, for the freshly built index at ``path``."""
    index = tantivy.Index.open(str(path))
    index.reload()
    searcher, schema = index.searcher(), index.schema
    n = int(searcher.num_docs)
    fields: dict[str, dict[str, float]] = {}
    if n >= PRUNE_MIN_DOCS:
        for field in ("text", "title"):
            scores: dict[str, float] = {}
            for term, df in searcher.terms_with_prefix(field, ""):
                if df > min_fraction * n:
                    q = tantivy.Query.term_query(schema, field, term, index_option="freq")
                    hits = searcher.search(q, 1, count=False).hits
                    if hits:
                        scores[term] = float(hits[0][0])
            fields[field] = scores
    return {"num_docs": n, "min_fraction": min_fraction, "fields": fields}


def read_manifest(path: Path) -> dict[str, Any]:
    """The validated manifest of the index at ``path``; KnowledgeBaseError if unusable."""
    if not path.exists():
        raise KnowledgeBaseError(f"no knowledge base at {path}: {build_hint(path)}")
    if not path.is_dir():
        raise KnowledgeBaseError(f"{path} is not a directory: {build_hint(path)}")
    mpath = path / MANIFEST
    if not mpath.is_file():
        raise KnowledgeBaseError(
            f"{path} is not a knowledge base (no {MANIFEST}; empty or unfinished build): "
            f"{build_hint(path)}"
        )
    try:
        manifest = json.loads(mpath.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise KnowledgeBaseError(
            f"corrupt manifest {mpath} ({e}); rebuild the index: {build_hint(path)}"
        ) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise KnowledgeBaseError(f"{mpath} is not a {FORMAT} manifest: {build_hint(path)}")
    if manifest.get("schema_version") != SCHEMA_VERSION:
        raise KnowledgeBaseError(
            f"{path} has index schema version {manifest.get('schema_version')!r}, this "
            f"healthgym reads version {SCHEMA_VERSION}; rebuild it: {build_hint(path)}"
        )
    n = manifest.get("passages")
    if not isinstance(n, int) or n <= 0:
        raise KnowledgeBaseError(f"{path} holds no passages: {build_hint(path)}")
    return manifest


@dataclass(frozen=True)
class _Clause:
    field: str
    term: str
    boost: float
    df: int
    bound: float  # upper bound of this clause's BM25 contribution to any document

    def query(self, schema: tantivy.Schema) -> tantivy.Query:
        q = tantivy.Query.term_query(schema, self.field, self.term, index_option="freq")
        return q if self.boost == 1.0 else tantivy.Query.boost_query(q, self.boost)


def _idf(df: int, n: int) -> float:
    return math.log(1.0 + (n - df + 0.5) / (df + 0.5))


class KnowledgeBase:
    """A BM25 index on disk, opened lazily on first use and safe to share
    between threads (one tantivy searcher serves concurrent searches)."""

    def __init__(self, path: str | Path, *, title_boost: float | None = None) -> None:
        self.path = Path(path).expanduser()
        self._title_boost = title_boost
        self._lock = threading.Lock()
        self._manifest: dict[str, Any] | None = None
        self._searcher: Any = None
        self._schema: Any = None
        self._ids: list[str] | None = None
        self._max_scores: dict[str, dict[str, float]] = {}
        self.heavy_fraction = HEAVY_FRACTION
        self.prune_min_docs = PRUNE_MIN_DOCS
        # how queries were answered: "full", "pruned" or "pruned+full" (pruning not exact),
        # or "cached" (the same terms and k answered before by this open index)
        self.plan_counts: Counter[str] = Counter()
        # the index is read-only once open: a query's hits and a document's passage never
        # change, so both are kept (least recently used out first)
        self._hits: OrderedDict[tuple[tuple[str, ...], int], list[tuple[float, Any]]] = (
            OrderedDict()
        )
        self._passages: OrderedDict[tuple[int, int], Passage] = OrderedDict()
        self._cache_lock = threading.Lock()

    @classmethod
    def open(cls, path: str | Path, *, title_boost: float | None = None) -> KnowledgeBase:
        """Open and validate now (raises :class:`KnowledgeBaseError` if unusable)."""
        kb = cls(path, title_boost=title_boost)
        kb._ensure_open()
        return kb

    # ------------------------------------------------------------------ opening

    def _ensure_open(self) -> Any:
        if self._searcher is None:
            with self._lock:
                if self._searcher is None:
                    self._open()
        return self._searcher

    def _open(self) -> None:
        manifest = read_manifest(self.path)
        try:
            index = tantivy.Index.open(str(self.path))
            index.reload()
            searcher = index.searcher()
            schema = index.schema
            for field in ("text", "title", "id"):
                searcher.doc_freq(field, "healthgym")
            num_docs = searcher.num_docs
        except (ValueError, OSError, RuntimeError) as e:
            raise KnowledgeBaseError(
                f"cannot open the index at {self.path} ({e}); it is corrupt or from another "
                f"version: rebuild it: {build_hint(self.path)}"
            ) from None
        if num_docs != manifest["passages"]:
            raise KnowledgeBaseError(
                f"the index at {self.path} holds {num_docs} passages but its manifest says "
                f"{manifest['passages']}; it is damaged or incomplete: {build_hint(self.path)}"
            )
        self._manifest, self._schema = manifest, schema
        self._max_scores = self._read_max_scores(num_docs)
        self._searcher = searcher

    @property
    def manifest(self) -> dict[str, Any]:
        self._ensure_open()
        assert self._manifest is not None
        return dict(self._manifest)

    @property
    def title_boost(self) -> float:
        if self._title_boost is not None:
            return float(self._title_boost)
        return float(self.manifest.get("title_boost", TITLE_BOOST))

    def __len__(self) -> int:
        return int(self.manifest["passages"])

    # ------------------------------------------------------------------ search

    def search(self, query: object, k: int = 5) -> list[SearchHit]:
        """The ``k`` best passages for ``query`` (any text; none if it has no terms)."""
        self._ensure_open()
        hits = self._top(query_terms(query), k)
        return [
            SearchHit(self._passage_at(addr), float(score), rank)
            for rank, (score, addr) in enumerate(hits, start=1)
        ]

    def search_ids(self, query: object, k: int = 10) -> list[tuple[str, float]]:
        """``(passage id, score)`` of the ``k`` best passages, without reading their text."""
        searcher = self._ensure_open()
        hits = self._top(query_terms(query), k)
        if not hits:
            return []
        ids = self._id_table()
        ords = searcher.fast_field_values("ord", [addr for _, addr in hits])
        return [(ids[int(o)], float(score)) for o, (score, _) in zip(ords, hits, strict=True)]

    def get(self, passage_id: str) -> Passage | None:
        """The passage with this exact id, or None."""
        self._ensure_open()
        if not isinstance(passage_id, str) or not passage_id.strip():
            return None
        pid = passage_id.strip().encode("utf-8", "ignore").decode("utf-8")
        q = tantivy.Query.term_query(self._schema, "id", pid, index_option="basic")
        hits = self._run(q, 1)
        return self._passage_at(hits[0][1]) if hits else None

    def stats(self) -> dict[str, Any]:
        """Manifest facts plus the path and size on disk."""
        m = self.manifest
        size = sum(f.stat().st_size for f in self.path.rglob("*") if f.is_file())
        return {"path": str(self.path), "size_bytes": size, "size_mb": round(size / 1e6, 2), **m}

    # ------------------------------------------------------------------ internals

    def _read_max_scores(self, num_docs: int) -> dict[str, dict[str, float]]:
        """Recorded term maxima (optional: without them bounds use idf x (k1 + 1))."""
        try:
            data = json.loads((self.path / MAXSCORES_FILE).read_text(encoding="utf-8"))
            if data.get("num_docs") == num_docs and isinstance(data.get("fields"), dict):
                return {f: dict(v) for f, v in data["fields"].items() if isinstance(v, dict)}
        except (OSError, ValueError, AttributeError, TypeError):
            pass
        return {}

    def _id_table(self) -> list[str]:
        if self._ids is None:
            with self._lock:
                if self._ids is None:
                    try:
                        text = (self.path / IDS_FILE).read_text(encoding="utf-8")
                    except OSError as e:
                        raise KnowledgeBaseError(
                            f"missing {IDS_FILE} in {self.path} ({e}): {build_hint(self.path)}"
                        ) from None
                    self._ids = text.split("\n")
        return self._ids

    def _run(self, query: tantivy.Query, k: int) -> list[tuple[float, Any]]:
        try:
            return list(self._searcher.search(query, k, count=False).hits)
        except (ValueError, OSError, RuntimeError) as e:
            raise KnowledgeBaseError(
                f"search failed in {self.path} ({e}); the index may be damaged: "
                f"{build_hint(self.path)}"
            ) from None

    def _doc(self, addr: Any) -> tantivy.Document:
        try:
            return self._searcher.doc(addr)
        except (ValueError, OSError, RuntimeError) as e:
            raise KnowledgeBaseError(
                f"cannot read a stored passage in {self.path} ({e}); the index may be "
                f"damaged: {build_hint(self.path)}"
            ) from None

    def _passage_at(self, addr: Any) -> Passage:
        """The passage stored at ``addr`` (read and parsed once per open index)."""
        key = (int(addr.segment_ord), int(addr.doc))
        with self._cache_lock:
            passage = self._passages.get(key)
            if passage is not None:
                self._passages.move_to_end(key)
                return passage
        passage = self._passage(self._doc(addr))
        with self._cache_lock:
            self._passages[key] = passage
            if len(self._passages) > PASSAGE_CACHE_SIZE:
                self._passages.popitem(last=False)
        return passage

    def _clauses(self, terms: list[str]) -> list[_Clause]:
        searcher = self._searcher
        n = max(int(searcher.num_docs), 1)
        out = []
        for term in terms:
            for field, boost in (("text", 1.0), ("title", self.title_boost)):
                df = int(searcher.doc_freq(field, term))
                if df:
                    top = self._max_scores.get(field, {}).get(term)
                    top = (K1 + 1.0) * _idf(df, n) if top is None else top
                    out.append(_Clause(field, term, boost, df, boost * top * 1.0001 + 1e-6))
        return out

    def _top(self, terms: list[str], k: int) -> list[tuple[float, Any]]:
        """The ``k`` best (score, address) for ``terms``: planned and run once per open
        index, then answered from the kept hits (a GRPO group repeats its queries)."""
        k = max(1, min(int(k), MAX_K))
        key = (tuple(terms), k)
        with self._cache_lock:
            hits = self._hits.get(key)
            if hits is not None:
                self._hits.move_to_end(key)
                self.plan_counts["cached"] += 1
                return list(hits)
        hits = self._plan_and_run(terms, k)
        with self._cache_lock:
            self._hits[key] = hits
            if len(self._hits) > QUERY_CACHE_SIZE:
                self._hits.popitem(last=False)
        return list(hits)

    def _plan_and_run(self, terms: list[str], k: int) -> list[tuple[float, Any]]:
        clauses = self._clauses(terms)
        if not clauses:
            return []
        schema = self._schema
        should = tantivy.Occur.Should
        n = int(self._searcher.num_docs)
        if n >= self.prune_min_docs:
            limit = self.heavy_fraction * n
            heavy = [c for c in clauses if c.df > limit]
            light = [c for c in clauses if c.df <= limit]
            if heavy and light:
                hits = self._run(self._pruned_query(light, heavy), k)
                if len(hits) == k and hits[-1][0] > sum(c.bound for c in heavy):
                    self.plan_counts["pruned"] += 1
                    return hits
                self.plan_counts["pruned+full"] += 1
            else:
                self.plan_counts["full"] += 1
        full = tantivy.Query.boolean_query([(should, c.query(schema)) for c in clauses])
        return self._run(full, k)

    def _pruned_query(self, light: list[_Clause], heavy: list[_Clause]) -> tantivy.Query:
        """Light clauses as usual; each heavy clause only scored on documents that
        match a light clause (intersected with them, so tantivy skips, not scans)."""
        schema = self._schema
        should, must = tantivy.Occur.Should, tantivy.Occur.Must
        bq = tantivy.Query.boolean_query
        candidates = tantivy.Query.const_score_query(
            bq(
                [
                    (should, tantivy.Query.term_query(schema, c.field, c.term, "basic"))
                    for c in light
                ]
            ),
            0.0,
        )
        sub = [(should, c.query(schema)) for c in light]
        sub += [(should, bq([(must, candidates), (must, c.query(schema))])) for c in heavy]
        return bq(sub)

    def _passage(self, doc: tantivy.Document) -> Passage:
        d = doc.to_dict()

        def first(name: str) -> Any:
            values = d.get(name) or [""]
            return values[0]

        def text(name: str) -> str:
            v = first(name)
            return bytes(v).decode("utf-8", "replace") if isinstance(v, (bytes, list)) else v

        meta_raw = text("meta")
        try:
            meta = json.loads(meta_raw) if meta_raw else {}
        except json.JSONDecodeError:
            meta = {}
        return Passage(
            id=first("id"),
            title=first("title"),
            text=first("text"),
            source=text("source"),
            url=text("url"),
            collection=first("collection"),
            metadata=meta if isinstance(meta, dict) else {},
        )
