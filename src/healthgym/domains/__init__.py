"""Domain registry: domains are discovered, never listed by hand.

A domain is any sub-package of :mod:`healthgym.domains` (a package scan, so
adding a folder adds a domain), any module named by an installed distribution's
``healthgym.domains`` entry point (``name = "package.module"``; the module holds
``DOMAIN``), or a :class:`Domain` object passed to :func:`register_domain` (e.g. the
evaluation harness's benchmark domains).  Packages are imported only when a domain
is first used.  ``docs/adding-a-domain.md`` describes the package shape.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import pkgutil
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .base import Domain

# ``Domain`` (and with it pydantic, numpy and the reward code) is imported on first use,
# so ``import healthgym`` registers the Gymnasium ids without loading any domain.


def __getattr__(name: str) -> Any:
    if name == "Domain":
        from .base import Domain

        globals()["Domain"] = Domain
        return Domain
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


ENTRY_POINT_GROUP = "healthgym.domains"
_NOT_DOMAINS = frozenset({"base"})  # modules of this package that are not domains

_lock = threading.Lock()
_modules: dict[str, str] | None = None  # name -> module holding DOMAIN (discovered)
_registered: dict[str, Domain] = {}  # name -> Domain registered at run time
_loaded: dict[str, Domain] = {}


def _discover() -> dict[str, str]:
    """Built-in sub-packages (sorted by name), then entry points (sorted by name)."""
    found: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.ispkg and info.name not in _NOT_DOMAINS and not info.name.startswith("_"):
            found[info.name] = f"{__name__}.{info.name}"
    eps = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
    for ep in sorted(eps, key=lambda e: e.name):
        if ep.name in found and found[ep.name] != ep.value:
            raise ValueError(
                f"entry point {ep.name!r} ({ep.value}) clashes with domain module {found[ep.name]}"
            )
        found[ep.name] = ep.value.split(":")[0]
    return found


def domain_modules() -> dict[str, str]:
    """Discovered domain name -> module path (computed once per process)."""
    global _modules
    with _lock:
        if _modules is None:
            _modules = _discover()
        return dict(_modules)


def rediscover() -> None:
    """Scan again (after installing a distribution with a domain entry point) and
    register a Gymnasium id for each newly found domain."""
    global _modules
    with _lock:
        _modules = None
        _loaded.clear()
    from .. import register_envs  # the package registers ids at import; new domains here

    register_envs()


def register_domain(domain: Domain) -> None:
    """Make ``domain`` available under ``domain.name`` for this process.

    Registering the same object again is a no-op; another domain under a taken name is
    an error (a discovered domain cannot be shadowed).
    """
    from .base import Domain

    if not isinstance(domain, Domain):
        raise TypeError(f"register_domain needs a Domain, not {type(domain).__name__}")
    with _lock:
        current = _registered.get(domain.name)
        if current is domain:
            return
        if current is not None:
            raise ValueError(f"a different domain is already registered as {domain.name!r}")
    if domain.name in domain_modules():
        raise ValueError(f"{domain.name!r} is a discovered domain and cannot be re-registered")
    with _lock:
        _registered[domain.name] = domain
        _loaded.pop(domain.name, None)


def domain_names() -> list[str]:
    """Discovered domains (built-in first, then installed), not run-time registrations."""
    return list(domain_modules())


def _available() -> list[str]:
    return [*domain_modules(), *_registered]


def _load(name: str) -> Domain:
    from .base import Domain

    if name in _registered:
        return _registered[name]
    modules = domain_modules()
    if name not in modules:
        raise KeyError(f"unknown domain {name!r}; available: {', '.join(_available())}")
    domain = getattr(importlib.import_module(modules[name]), "DOMAIN", None)
    if not isinstance(domain, Domain):
        raise TypeError(f"module {modules[name]} does not define DOMAIN = Domain(...)")
    if domain.name != name:
        raise ValueError(f"module {modules[name]} declares domain {domain.name!r}, not {name!r}")
    return domain


def get_domain(name: str) -> Domain:
    """The domain called ``name`` with the shared tools added; a clear error for an unknown one."""
    if name in _loaded:
        return _loaded[name]
    domain = _load(name)
    if name not in _registered:  # a run-time registration brings its own complete toolkit
        domain = _with_shared_tools(domain)
    with _lock:
        return _loaded.setdefault(name, domain)


def _with_shared_tools(domain: Domain) -> Domain:
    import dataclasses

    from ..tools.registry import Toolkit
    from ..tools.shared import shared_tools

    extra = [t for t in shared_tools() if t.name not in domain.toolkit]
    if not extra:
        return domain
    toolkit = Toolkit([*domain.toolkit, *extra], domain=domain.name)
    return dataclasses.replace(domain, toolkit=toolkit)


def resolve_domains(spec: str) -> list[str]:
    """'all' or a comma-separated list -> validated domain names."""
    if spec.strip() == "all":
        return domain_names()
    names = [s.strip() for s in spec.split(",") if s.strip()]
    available = _available()
    for n in names:
        if n not in available:
            raise KeyError(f"unknown domain {n!r}; available: {', '.join(available)}")
    return names


__all__ = [
    "ENTRY_POINT_GROUP",
    "Domain",
    "domain_modules",
    "domain_names",
    "get_domain",
    "rediscover",
    "register_domain",
    "resolve_domains",
]
