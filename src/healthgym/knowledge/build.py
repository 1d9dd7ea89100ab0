"""Build an on-disk knowledge base index from a stream of passages.

The index is written into a temporary sibling directory and renamed into place
only once it is complete (tantivy commit, merges finished, manifest and id
table written), so a reader never sees a half-built index and an interrupted
build leaves the old one untouched.  Passages are streamed: memory grows with
the writer heap and the set of ids seen, not with the corpus.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import tantivy

from .index import (
    FORMAT,
    IDS_FILE,
    MANIFEST,
    MAXSCORES_FILE,
    SCHEMA_VERSION,
    TITLE_BOOST,
    build_hint,
    compute_max_scores,
    index_schema,
)
from .passages import KnowledgeBaseError, Passage

Progress = Callable[[int], None]
PROGRESS_EVERY = 2_000
MAX_ID_CHARS = 512
MAX_LABEL_CHARS = 200


def default_threads() -> int:
    """Indexing threads: the CPU count, at most 4 (tantivy needs at least 1)."""
    return max(1, min(4, os.cpu_count() or 1))


def build_index(
    passages: Iterable[Passage],
    out: str | Path,
    *,
    name: str = "",
    overwrite: bool = False,
    heap_mb: int = 1024,
    threads: int | None = None,
    progress: Progress | None = None,
    extra_manifest: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Index ``passages`` into the directory ``out`` and return the manifest.

    Passages with an empty id or text, an id with a line break, or an id already
    seen are skipped and counted in ``manifest["skipped"]``.  ``out`` must not
    exist unless ``overwrite`` is true.  Raises :class:`KnowledgeBaseError` when
    nothing could be indexed or the target cannot be written.
    """
    out = Path(out).expanduser()
    if out.exists() and not overwrite:
        raise KnowledgeBaseError(
            f"{out} already exists; choose another --out or rebuild it with --force"
        )
    if out.exists() and not out.is_dir():
        raise KnowledgeBaseError(f"{out} exists and is not a directory")
    if out.exists() and any(out.iterdir()) and not (out / MANIFEST).exists():
        raise KnowledgeBaseError(
            f"{out} is a non-empty directory that is not a knowledge base; refusing to replace it"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.parent / f".{out.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    try:
        manifest = _write(passages, tmp, name, heap_mb, threads, progress, extra_manifest)
        _move_into_place(tmp, out, overwrite)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return manifest


def _write(
    passages: Iterable[Passage],
    tmp: Path,
    name: str,
    heap_mb: int,
    threads: int | None,
    progress: Progress | None,
    extra: Mapping[str, Any] | None,
) -> dict[str, Any]:
    t0 = time.perf_counter()
    threads = threads or default_threads()
    heap = max(int(heap_mb), 16 * threads) * 1_000_000
    schema = index_schema()
    index = tantivy.Index(schema, path=str(tmp))
    writer = index.writer(heap_size=heap, num_threads=threads)
    digest = hashlib.sha256()
    seen: set[str] = set()
    collections: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    n = 0
    with (tmp / IDS_FILE).open("w", encoding="utf-8", newline="\n") as ids:
        for p in passages:
            pid = p.id.strip() if isinstance(p.id, str) else ""
            if not pid or len(pid) > MAX_ID_CHARS or "\n" in pid or "\r" in pid:
                skipped["bad_id"] += 1
                continue
            if not (p.text or "").strip():
                skipped["empty_text"] += 1
                continue
            if pid in seen:
                skipped["duplicate_id"] += 1
                continue
            seen.add(pid)
            collection = (p.collection or "")[:MAX_LABEL_CHARS]
            doc = tantivy.Document()
            doc.add_text("id", pid)
            doc.add_text("title", p.title or "")
            doc.add_text("text", p.text)
            doc.add_text("collection", collection)
            doc.add_bytes("source", (p.source or "").encode("utf-8", "replace"))
            doc.add_bytes("url", (p.url or "").encode("utf-8", "replace"))
            if p.metadata:
                doc.add_bytes("meta", json.dumps(dict(p.metadata), default=str).encode())
            doc.add_unsigned("ord", n)
            writer.add_document(doc)
            ids.write(pid + "\n")
            digest.update(p.digest_bytes())
            digest.update(b"\n")
            collections[collection] += 1
            n += 1
            if progress is not None and n % PROGRESS_EVERY == 0:
                progress(n)
    if n == 0:
        writer.rollback()
        raise KnowledgeBaseError(
            f"no passages to index (skipped: {dict(skipped) or 'none'}); check the input"
        )
    writer.commit()
    writer.wait_merging_threads()
    (tmp / MAXSCORES_FILE).write_text(json.dumps(compute_max_scores(tmp)), encoding="utf-8")
    if progress is not None:
        progress(n)
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "name": name,
        "passages": n,
        "sources": dict(sorted(collections.items())),
        "skipped": dict(sorted(skipped.items())),
        "content_hash": digest.hexdigest(),
        "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "build_seconds": round(time.perf_counter() - t0, 3),
        "tokenizer": "en_stem",
        "title_boost": TITLE_BOOST,
        "writer": {"heap_mb": heap // 1_000_000, "threads": threads},
    }
    if extra:
        manifest.update(extra)
    data = json.dumps(manifest, indent=2, ensure_ascii=False).encode("utf-8")
    with (tmp / MANIFEST).open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    return manifest


def _move_into_place(tmp: Path, out: Path, overwrite: bool) -> None:
    if out.exists():
        if not overwrite:
            raise KnowledgeBaseError(f"{out} appeared while building; another build won")
        trash = out.parent / f".{out.name}.old-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        os.rename(out, trash)
        os.rename(tmp, out)
        shutil.rmtree(trash, ignore_errors=True)
        return
    try:
        os.rename(tmp, out)
    except OSError as e:
        raise KnowledgeBaseError(f"cannot move the new index into {out}: {e}") from None


__all__ = ["build_hint", "build_index", "default_threads"]
