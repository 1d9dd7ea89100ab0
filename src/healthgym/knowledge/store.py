"""Where the default knowledge base lives, and the process-wide lazy instance.

``HEALTHGYM_KB_DIR`` decides:

* unset: the built-in corpus is built on first use into
  ``$XDG_CACHE_HOME/healthgym/kb/builtin-<version>-<hash>`` (``~/.cache`` when
  ``XDG_CACHE_HOME`` is unset);
* a directory holding an index (``manifest.json``): that index is used, whatever
  its corpus (MedQuAD, PubMed, ...); a damaged one raises
  :class:`KnowledgeBaseError`, it is never silently replaced;
* any other path: it is the cache root and the built-in index is built under it.

Two processes building the built-in index at once serialise on a lock file
(``fcntl.flock`` where available); the build itself goes to a temporary
directory renamed into place, so a reader never sees a partial index.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path

from .build import build_index
from .builtin import CORPUS_VERSION, builtin_passages
from .index import MANIFEST, KnowledgeBase
from .passages import KnowledgeBaseError, content_hash

ENV_VAR = "HEALTHGYM_KB_DIR"
BUILTIN_NAME = "healthgym-builtin"

_default: KnowledgeBase | None = None
_default_lock = threading.Lock()


def cache_root() -> Path:
    """The directory under which the built-in index is cached."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or "~/.cache"
    return Path(base).expanduser() / "healthgym" / "kb"


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: rely on the atomic rename alone
        yield
        return
    with path.open("a+") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _usable(path: Path) -> bool:
    try:
        KnowledgeBase.open(path)
    except KnowledgeBaseError:
        return False
    return True


def builtin_dir(root: str | Path | None = None) -> Path:
    """Where the current built-in corpus is (or would be) cached."""
    digest = content_hash(builtin_passages())
    base = Path(root).expanduser() if root is not None else cache_root()
    return base / f"builtin-{CORPUS_VERSION}-{digest[:12]}"


def ensure_builtin(root: str | Path | None = None) -> Path:
    """Build the built-in index under ``root`` unless a usable one is there; return it."""
    passages = list(builtin_passages())
    digest = content_hash(passages)
    base = Path(root).expanduser() if root is not None else cache_root()
    target = base / f"builtin-{CORPUS_VERSION}-{digest[:12]}"
    if (target / MANIFEST).is_file() and _usable(target):
        return target
    try:
        base.mkdir(parents=True, exist_ok=True)
        with _file_lock(base / f".{target.name}.lock"):
            if (target / MANIFEST).is_file() and _usable(target):
                return target
            build_index(
                passages,
                target,
                name=BUILTIN_NAME,
                overwrite=True,
                heap_mb=64,
                threads=1,
                extra_manifest={"corpus_version": CORPUS_VERSION},
            )
    except OSError as e:
        raise KnowledgeBaseError(
            f"cannot build the built-in knowledge base under {base} ({e}); set {ENV_VAR} "
            "to a writable directory"
        ) from None
    return target


def default_kb_path() -> Path:
    """The index the tools use (building the built-in one if needed)."""
    env = os.environ.get(ENV_VAR)
    if env and (Path(env).expanduser() / MANIFEST).exists():
        return Path(env).expanduser()
    return ensure_builtin()


def get_default_kb() -> KnowledgeBase:
    """The process-wide knowledge base, opened (and built) on first call."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = KnowledgeBase.open(default_kb_path())
    return _default


def reset_default_kb() -> None:
    """Forget the process-wide knowledge base (the next call reopens it)."""
    global _default
    with _default_lock:
        _default = None
