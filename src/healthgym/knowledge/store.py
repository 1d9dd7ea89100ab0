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

The built-in index's directory is named after a digest of every passage, and
generating the passages takes longer than everything else a first ``gym.make``
does.  So the cache root also keeps ``builtin-sources.json``: the directory built
for each state of the package's source files (every file's path, size and
modification time, as Python's own bytecode cache decides freshness).  While the
sources are unchanged and no extra generator is registered, a process finds its
index there without generating (or importing) the corpus; after any change the
passages are generated and hashed as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

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
    from .builtin import CORPUS_VERSION, builtin_passages

    digest = content_hash(builtin_passages())
    base = Path(root).expanduser() if root is not None else cache_root()
    return base / f"builtin-{CORPUS_VERSION}-{digest[:12]}"


def ensure_builtin(root: str | Path | None = None) -> Path:
    """Build the built-in index under ``root`` unless a usable one is there; return it."""
    from .build import build_index
    from .builtin import CORPUS_VERSION, builtin_passages

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


SOURCES_FILE = "builtin-sources.json"
_PACKAGE = Path(__file__).resolve().parent.parent  # the healthgym package


def sources_fingerprint(package: Path = _PACKAGE) -> str | None:
    """Digest of the package's source files (path, size, modification time), or None
    when it cannot be trusted to stand for the corpus: a file cannot be read, or extra
    corpus generators are registered in this process."""
    builtin = sys.modules.get(f"{__package__}.builtin")
    if builtin is not None and tuple(builtin.GENERATORS) != builtin.BUILTIN_GENERATORS:
        return None
    h = hashlib.blake2b(digest_size=16)
    try:
        for root, dirs, files in os.walk(package):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
            for name in sorted(files):
                if name.endswith((".pyc", ".pyo")):
                    continue
                path = os.path.join(root, name)
                st = os.stat(path)
                h.update(
                    f"{os.path.relpath(path, package)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode()
                )
    except OSError:
        return None
    return h.hexdigest()


def _remembered(base: Path, fingerprint: str) -> Path | None:
    try:
        name = json.loads((base / SOURCES_FILE).read_text(encoding="utf-8")).get(fingerprint)
    except (OSError, ValueError, AttributeError):
        return None
    if not isinstance(name, str) or not name.startswith("builtin-") or "/" in name:
        return None
    target = base / name
    return target if (target / MANIFEST).is_file() else None


def _remember(base: Path, fingerprint: str, target: Path) -> None:
    """Record ``target`` for ``fingerprint`` (best effort: a failure only costs speed)."""
    path = base / SOURCES_FILE
    try:
        try:
            known = json.loads(path.read_text(encoding="utf-8"))
            known = known if isinstance(known, dict) else {}
        except (OSError, ValueError):
            known = {}
        known = dict(list(known.items())[-15:])  # the latest few states of the sources
        known[fingerprint] = target.name
        tmp = path.with_name(f".{SOURCES_FILE}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(known), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass


def default_kb_path() -> Path:
    """The index the tools use (building the built-in one if needed)."""
    env = os.environ.get(ENV_VAR)
    if env and (Path(env).expanduser() / MANIFEST).exists():
        return Path(env).expanduser()
    base = cache_root()
    fingerprint = sources_fingerprint()
    if fingerprint is not None:
        known = _remembered(base, fingerprint)
        if known is not None:
            return known
    target = ensure_builtin()
    if fingerprint is not None and target.parent == base:
        _remember(base, fingerprint, target)
    return target


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
