"""cross_domain composes the shared core: it imports no internals of a sibling domain.

What it reuses from clinical_diagnosis, drug_interaction and triage_emergency lives in
the shared layers (:mod:`healthgym.clinical`, :mod:`healthgym.patients`,
:mod:`healthgym.tools.library`), the record-bound score tools included.
"""

from __future__ import annotations

import ast
from pathlib import Path

import healthgym.domains.cross_domain as cross_domain

SIBLINGS = ("clinical_diagnosis", "drug_interaction", "triage_emergency")


def sibling_imports() -> list[tuple[str, str]]:
    found = []
    for path in sorted(Path(cross_domain.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            modules: list[str] = []
            if isinstance(node, ast.ImportFrom):
                module = node.module or ""
                if node.level == 2:  # from ..sibling.module import x
                    modules.append(module)
                elif node.level == 0 and module.startswith("healthgym.domains."):
                    modules.append(module.removeprefix("healthgym.domains."))
                if node.level == 2 and not module:  # from .. import sibling
                    modules += [alias.name for alias in node.names]
            elif isinstance(node, ast.Import):
                modules += [
                    a.name.removeprefix("healthgym.domains.")
                    for a in node.names
                    if a.name.startswith("healthgym.domains.")
                ]
            for module in modules:
                if module.split(".")[0] in SIBLINGS:
                    found.append((path.name, module))
    return found


def test_cross_domain_imports_no_sibling_internals():
    assert sibling_imports() == []


def test_the_reused_tools_come_from_the_shared_tool_library():
    from healthgym.domains.cross_domain import tools as toolkit
    from healthgym.tools.library import drugs, record, triage

    shared = {t.name for t in (*record.RECORD_TOOLS, *triage.DECISION_TOOLS)}
    shared |= {t.name for t in (drugs.drug_monograph, drugs.check_interaction)}
    shared |= {drugs.check_allergy.name, triage.assess_mental_status.name}
    shared |= {triage.lookup_protocol.name}
    mine = {t.name for t in (*toolkit.RECORD_TOOLS, *toolkit.TRIAGE_TOOLS)}
    mine |= {t.name for t in toolkit.REFERENCE_TOOLS[:3]}
    assert mine == shared
