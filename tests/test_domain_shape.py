"""Every domain has one shape and uses only the shared layers' public APIs.

The shape is written down in ``docs/adding-a-domain.md``: a package with
``records.py`` (``new_state``), ``tools.py`` (``ALL_TOOLS``), ``tasks.py`` (``N_TASKS``,
``make_task``), ``grading.py`` (``grade``) and an ``__init__.py`` declaring ``DOMAIN``
from them.  Imports are read from the source (``ast``), so the import-graph check
sees every module of a domain, imported at run time or not.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

import healthgym.domains as domains_pkg
from healthgym.domains import domain_modules, domain_names, get_domain
from healthgym.domains.base import Domain

SRC = Path(domains_pkg.__file__).parent
BUILTIN = [n for n, m in domain_modules().items() if m.startswith("healthgym.domains.")]
SHAPE = ("__init__", "records", "tools", "tasks", "grading")
# the shared layers a domain may import (their public names only)
ALLOWED = (
    "healthgym.clinical",
    "healthgym.patients",
    "healthgym.tools",
    "healthgym.rewards",
    "healthgym.knowledge",
    "healthgym.datasets",
    "healthgym.tasks",
    "healthgym.episode",
    "healthgym.domains.base",
)


def _imports(path: Path, package: str) -> list[tuple[int, str, list[str]]]:
    """(line, absolute module, imported names) of every import in ``path``."""
    tree = ast.parse(path.read_text(), filename=str(path))
    module = f"{package}.{path.stem}" if path.stem != "__init__" else package
    parts = module.split(".")
    is_pkg = path.stem == "__init__"
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend((node.lineno, a.name, []) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = parts if is_pkg else parts[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            out.append((node.lineno, target, [a.name for a in node.names]))
    return out


def test_domains_are_discovered_not_listed():
    assert len(BUILTIN) >= 10
    found = sorted(
        m.name
        for m in pkgutil.iter_modules([str(SRC)])
        if m.ispkg and not m.name.startswith("_")
    )
    assert found == sorted(BUILTIN)
    assert set(BUILTIN) <= set(domain_names())
    source = (SRC / "__init__.py").read_text()
    for name in BUILTIN:  # no hand-written list of domains in the registry
        assert f'"{name}"' not in source


@pytest.mark.parametrize("name", BUILTIN)
def test_domain_package_has_the_shape(name):
    folder = SRC / name
    missing = [m for m in SHAPE if not (folder / f"{m}.py").is_file()]
    assert not missing, f"{name} lacks {missing}"
    pkg = f"healthgym.domains.{name}"
    records = importlib.import_module(f"{pkg}.records")
    tools = importlib.import_module(f"{pkg}.tools")
    tasks = importlib.import_module(f"{pkg}.tasks")
    grading = importlib.import_module(f"{pkg}.grading")
    domain = importlib.import_module(pkg).DOMAIN
    assert isinstance(domain, Domain) and domain.name == name
    assert domain.new_state is records.new_state
    assert domain.make_task is tasks.make_task
    assert domain.grade is grading.grade
    assert domain.n_tasks == tasks.N_TASKS
    assert [t.name for t in domain.toolkit] == [t.name for t in tools.ALL_TOOLS]
    terminal = [t.name for t in tools.ALL_TOOLS if t.terminal]
    assert len(terminal) == 1, f"{name}: one submit tool, not {terminal}"


@pytest.mark.parametrize("name", BUILTIN)
def test_domain_imports_only_public_shared_layers(name):
    pkg = f"healthgym.domains.{name}"
    bad = []
    for path in sorted((SRC / name).rglob("*.py")):
        rel = path.relative_to(SRC / name).with_suffix("")
        package = ".".join([pkg, *rel.parts[:-1]])
        for line, target, names in _imports(path, package):
            where = f"{path.relative_to(SRC)}:{line} {target}"
            if not target.startswith("healthgym"):
                continue
            if target == pkg or target.startswith(pkg + "."):
                continue
            if not any(target == a or target.startswith(a + ".") for a in ALLOWED):
                bad.append(f"{where} (not a shared layer)")
                continue
            private = [p for p in target.split(".") if p.startswith("_") and p != "__init__"]
            private += [n for n in names if n.startswith("_") and n != "__future__"]
            if private:
                bad.append(f"{where} imports private {private}")
    assert not bad, "\n".join(bad)


def test_shared_layers_do_not_import_domains():
    """One-way dependencies: the layers under the domains never import a domain."""
    root = SRC.parent
    bad = []
    for layer in ("clinical", "patients", "tools", "rewards", "knowledge", "datasets"):
        for path in sorted((root / layer).rglob("*.py")):
            rel = path.relative_to(root).with_suffix("")
            package = ".".join(["healthgym", *rel.parts[:-1]])
            for line, target, _ in _imports(path, package):
                if target.startswith("healthgym.domains") and target != "healthgym.domains.base":
                    bad.append(f"{path.relative_to(root)}:{line} {target}")
    assert not bad, "\n".join(bad)


def test_only_registered_domains_reach_the_environment():
    """Everything outside the domains uses the registry or a domain package's public
    ``__init__`` exports, never a domain's internal modules."""
    root = SRC.parent
    bad = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        if rel.parts[0] == "domains":
            continue
        package = ".".join(["healthgym", *rel.with_suffix("").parts[:-1]])
        for line, target, _ in _imports(path, package):
            base = target == "healthgym.domains.base"
            in_domain = target.startswith("healthgym.domains.") and not base
            if in_domain and len(target.split(".")) > 3:  # healthgym.domains.<name>.<module>
                bad.append(f"{rel}:{line} {target}")
    assert not bad, "\n".join(bad)


def test_every_domain_loads():
    for name in BUILTIN:
        assert get_domain(name).name == name
