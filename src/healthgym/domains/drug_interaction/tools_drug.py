"""Drug-knowledge tools: monographs, interaction checks, CYP, QT and serotonergic profiles.

Every tool here is ``reference``: its answer depends on the drugs the call names and
the formulary/interaction table (:mod:`healthgym.clinical.drugs`) only, never on the
patient's record.  To check the patient's regimen the agent reads the medication list
(``get_medication_list``, observe) and passes the names.

Evidence rule (what an observation may say, see :mod:`.tasks`): a tool reports facts
about what the call named (a drug, a pair, a list of drugs) and never a verdict about
the task's question.  Pair severities are always printed as ``Severity: <LEVEL>`` by
:func:`severity_line`; :func:`screen_interactions` flags interacting pairs among the
drugs it is given without severity (no ranking), and a severity appears only for pairs
the agent asks about (``check_interaction``, :func:`check_interactions`, or
``find_alternatives`` with ``avoid``).  ``drug_monograph`` and ``check_interaction``
are the shared drug tools of :mod:`healthgym.tools.library.drugs` (also offered by
cross_domain).
"""

from __future__ import annotations

from typing import Annotated

from ...clinical.drugs import ENZYME_LABEL, ENZYMES, Drug, Interaction, drugs
from ...clinical.drugs.hazards import ix_of
from ...tools import MaxLen, ToolError, tool
from ...tools.library.drugs import (
    Name,
    check_interaction,
    cyp_text,
    drug_monograph,
    record_severity,
    resolve,
    severity_line,
)
from .records import DrugState

Names = Annotated[list[Annotated[str, MaxLen(120)]], MaxLen(30)]
# QTc thresholds quoted as reference text (never applied to a patient here): AHA/ACCF
# 2010 scientific statement (Drew BJ et al. Circulation 2010;121:1047-60): QTc > 500 ms
# marks high torsades risk; > 470 ms (men) / > 480 ms (women) is prolonged.
QTC_HIGH_RISK = 500
QTC_PROLONGED = {"male": 470, "female": 480}


def resolve_all(state: DrugState, names: list[str]) -> list[str]:
    """Generic names of the drugs listed (duplicates dropped, order kept)."""
    if not names:
        raise ToolError("list at least one drug (generic or brand names)")
    return list(dict.fromkeys(resolve(state, n) for n in names))


@tool(kind="reference")
def check_interactions(state: DrugState, drug: Name, others: Names) -> str:
    """Check one drug against each drug of a list you give (e.g. the home medications):
    severity, mechanism and management of every pair, in the order listed.

    Args:
        drug: the drug to check (generic or brand name).
        others: the drugs to check it against.
    """
    a = resolve(state, drug)
    lines = []
    for b in resolve_all(state, others):
        if b == a:
            continue
        ix = ix_of(a, b)
        record_severity(state, a, b, ix)
        lines.append("- " + severity_line(a, b, ix))
    if not lines:
        return f"No other drug to check {a} against."
    return f"{a} checked against {len(lines)} drugs:\n" + "\n".join(lines)


def _pairs(regimen: list[str]) -> list[tuple[str, str, Interaction]]:
    out = []
    for i, a in enumerate(regimen):
        for b in regimen[i + 1 :]:
            ix = ix_of(a, b)
            if ix is not None:
                out.append((a, b, ix))
    return out


@tool(kind="reference")
def screen_interactions(state: DrugState, drugs: Names) -> str:
    """Screen every pair among the drugs you list and flag the pairs that interact, with
    their mechanism category only (no severity; use check_interaction for a pair).

    Args:
        drugs: the drugs to screen together (e.g. the home medications plus a new order).
    """
    names = resolve_all(state, drugs)
    flagged = _pairs(names)
    n = len(names) * (len(names) - 1) // 2
    if not flagged:
        return f"Screened {n} pairs among {len(names)} drugs: no interacting pairs flagged."
    lines = [f"- {a} + {b}: {ix.category}" for a, b, ix in flagged]
    return (
        f"Screened {n} pairs among {len(names)} drugs; {len(flagged)} interacting pairs "
        "flagged (severity not shown; use check_interaction):\n" + "\n".join(lines)
    )


@tool(kind="reference")
def cyp_profile(state: DrugState, drugs: Names) -> str:
    """CYP450 and P-gp roles of the drugs you list, grouped by enzyme.

    Args:
        drugs: one or more drugs (generic or brand names).
    """
    names = resolve_all(state, drugs)
    table = _table()
    if len(names) == 1:
        return f"{names[0]}: {cyp_text(table[names[0]])}."
    lines = []
    for e in ENZYMES:
        roles = []
        for name in names:
            d = table[name]
            for kind, roles_of in (("substrate", d.substrate), ("inhibitor", d.inhibits)):
                if e in roles_of:
                    roles.append(f"{name} ({roles_of[e]} {kind})")
            if e in d.induces:
                roles.append(f"{name} ({d.induces[e]} inducer)")
        if roles:
            lines.append(f"{ENZYME_LABEL[e]}: " + ", ".join(roles))
    return "CYP450/P-gp profile:\n" + ("\n".join(lines) or "no significant roles")


def _table() -> dict[str, Drug]:
    return drugs()


@tool(kind="reference")
def qt_burden(state: DrugState, drugs: Names) -> str:
    """List which of the drugs you name prolong the QT interval (CredibleMeds category),
    with the AHA/ACCF QTc thresholds; compare them with the ECG in get_labs yourself.

    Args:
        drugs: the drugs to check.
    """
    names = resolve_all(state, drugs)
    found = [f"{n} ({_table()[n].qt_risk} risk)" for n in names if _table()[n].qt_risk]
    return (
        f"QT-prolonging drugs ({len(found)} of {len(names)}): "
        + (", ".join(found) if found else "none")
        + f". Reference (AHA/ACCF 2010): QTc > {QTC_PROLONGED['male']} ms (men) / > "
        f"{QTC_PROLONGED['female']} ms (women) is prolonged; > {QTC_HIGH_RISK} ms marks high "
        "torsades risk."
    )


@tool(kind="reference")
def serotonergic_burden(state: DrugState, drugs: Names) -> str:
    """List which of the drugs you name are serotonergic or MAO inhibitors.

    Args:
        drugs: the drugs to check.
    """
    names = resolve_all(state, drugs)
    found = [
        n + (f" (MAO inhibitor, {_table()[n].maoi})" if _table()[n].maoi else "")
        for n in names
        if _table()[n].serotonergic or _table()[n].maoi
    ]
    return (
        f"Serotonergic drugs ({len(found)} of {len(names)}): "
        + (", ".join(found) if found else "none")
        + "."
    )


DRUG_TOOLS = [
    drug_monograph,
    check_interaction,
    check_interactions,
    screen_interactions,
    cyp_profile,
    qt_burden,
    serotonergic_burden,
]
