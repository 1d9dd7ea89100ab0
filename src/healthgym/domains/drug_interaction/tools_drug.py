"""Drug-knowledge tools: monographs, interaction checks, CYP, QT and serotonergic burden.

Evidence rule (what an observation may say, see :mod:`.tasks`): a tool reports facts
about what the call named (a drug, a pair, the regimen) and never a verdict about the
task's question.  Pair severities are always printed as ``Severity: <LEVEL>`` by
:func:`severity_line`; :func:`screen_regimen` flags interacting pairs without severity,
and :func:`check_regimen` (severities for every pair) is withheld from
'most severe interaction' tasks.
"""

from __future__ import annotations

from typing import Annotated

from ...clinical.drugs import ENZYME_LABEL, ENZYMES, Drug, Interaction, drugs
from ...tools import MaxLen, tool
from .hazards import ix_of
from .records import DrugState
from .tools_record import regimen_with, resolve

Name = Annotated[str, MaxLen(120)]
QTC_HIGH_RISK = 500  # ms: AHA/ACCF 2010 scientific statement (Drew BJ et al. Circulation
# 2010;121:1047-60): QTc > 500 ms marks high torsades risk; > 470 (men) / > 480 (women)
QTC_PROLONGED = {"male": 470, "female": 480}


def severity_line(a: str, b: str, ix: Interaction | None) -> str:
    if ix is None:
        return f"{a} + {b}: no clinically significant interaction listed."
    return (
        f"{a} + {b}: Severity: {ix.severity.upper()}. Category: {ix.category}. "
        f"Mechanism: {ix.mechanism} Effect: {ix.effect} Management: {ix.management}"
    )


def _record(state: DrugState, a: str, b: str, ix: Interaction | None) -> None:
    state.seen_severity[(a, b) if a < b else (b, a)] = ix.severity if ix else "none"


def _cyp_text(d: Drug) -> str:
    parts = []
    for label, roles in (("substrate of", d.substrate), ("inhibits", d.inhibits)):
        if roles:
            parts.append(
                label + " " + ", ".join(f"{ENZYME_LABEL[e]} ({v})" for e, v in roles.items())
            )
    if d.induces:
        parts.append(
            "induces " + ", ".join(f"{ENZYME_LABEL[e]} ({v})" for e, v in d.induces.items())
        )
    return "; ".join(parts) if parts else "no significant CYP450/P-gp role"


@tool
def drug_monograph(state: DrugState, drug: Name) -> str:
    """Return a drug's monograph: class, mechanism, CYP roles, renal and hepatic dosing,
    QT and serotonergic risk, pregnancy/lactation, contraindications and adverse effects.

    Args:
        drug: generic or brand name.
    """
    d = drugs()[resolve(state, drug)]
    state.monographs.add(d.name)
    renal = "no labelled renal bands"
    if d.renal:
        bands = "; ".join(f"{d.renal.measure} {b.label()}: {b.dose}" for b in d.renal.bands)
        renal = f"{bands} ({d.renal.measure} in {d.renal.unit})"
    lines = [
        f"{d.name} ({', '.join(d.brands) or 'generic'}): {d.drug_class}.",
        f"Mechanism: {d.mechanism}.",
        f"Usual adult dose: {d.usual_dose}.",
        f"CYP450/P-gp: {_cyp_text(d)}.",
        f"Renal dosing: {renal}." + (f" Note: {d.renal_note}." if d.renal_note else ""),
        "Hepatic (Child-Pugh): "
        + ("; ".join(f"{k}: {v}" for k, v in d.hepatic.items()) or "no class-specific advice")
        + ".",
        f"QT risk: {d.qt_risk or 'not listed'}. Serotonergic: {'yes' if d.serotonergic else 'no'}"
        + (f" (MAO inhibitor, {d.maoi})" if d.maoi else "")
        + ".",
        f"Pregnancy: {d.pregnancy[0]} - {d.pregnancy[1]}. Lactation: {d.lactation[0]} - "
        f"{d.lactation[1]}.",
        "Contraindications: " + ("; ".join(d.contraindications) or "hypersensitivity") + ".",
        "Allergy classes: " + (", ".join(d.allergy_classes) or "none") + ".",
        "Adverse effects: " + "; ".join(d.adverse_effects) + ".",
    ]
    if d.beers:
        lines.append(f"AGS Beers 2023 (age >= 65): {d.beers[0]} - {d.beers[1]}.")
    return "\n".join(lines)


@tool
def check_interaction(state: DrugState, drug_a: Name, drug_b: Name) -> str:
    """Check one pair of drugs: severity, mechanism, effect and management.

    Args:
        drug_a: first drug (generic or brand name).
        drug_b: second drug.
    """
    a, b = resolve(state, drug_a), resolve(state, drug_b)
    if a == b:
        return f"{drug_a} and {drug_b} are the same drug ({a})."
    ix = ix_of(a, b)
    _record(state, a, b, ix)
    return severity_line(a, b, ix)


def _pairs(regimen: list[str]) -> list[tuple[str, str, Interaction]]:
    out = []
    for i, a in enumerate(regimen):
        for b in regimen[i + 1 :]:
            ix = ix_of(a, b)
            if ix is not None:
                out.append((a, b, ix))
    return out


@tool
def screen_regimen(state: DrugState, proposed_drug: Name | None = None) -> str:
    """Screen every pair of the home regimen (plus a proposed drug) and flag the pairs that
    interact, with their mechanism category only; use check_interaction for severity.

    Args:
        proposed_drug: optional drug to screen together with the home medications.
    """
    regimen = regimen_with(state, proposed_drug)
    state.screened.add(resolve(state, proposed_drug) if proposed_drug else "")
    flagged = _pairs(regimen)
    n = len(regimen) * (len(regimen) - 1) // 2
    if not flagged:
        return f"Screened {n} pairs among {len(regimen)} drugs: no interacting pairs flagged."
    lines = [f"- {a} + {b}: {ix.category}" for a, b, ix in flagged]
    return (
        f"Screened {n} pairs among {len(regimen)} drugs; {len(flagged)} interacting pairs "
        "flagged (severity not shown; use check_interaction):\n" + "\n".join(lines)
    )


@tool
def check_regimen(state: DrugState, proposed_drug: Name | None = None) -> str:
    """Full interaction check of the home regimen plus an optional proposed drug: every
    interacting pair with its severity and management.

    Args:
        proposed_drug: optional drug to check together with the home medications.
    """
    regimen = regimen_with(state, proposed_drug)
    proposed = resolve(state, proposed_drug) if proposed_drug else ""
    state.regimen_checked.add(proposed)
    for other in regimen:
        if proposed and other != proposed:
            _record(state, proposed, other, ix_of(proposed, other))
    found = _pairs(regimen)
    for a, b, ix in found:
        _record(state, a, b, ix)
    if not found:
        return f"No interactions listed among {len(regimen)} drugs ({', '.join(regimen)})."
    noun = "pair" if len(found) == 1 else "pairs"
    return f"{len(found)} interacting {noun} among {len(regimen)} drugs:\n" + "\n".join(
        "- " + severity_line(a, b, ix) for a, b, ix in found
    )


@tool
def cyp_profile(state: DrugState, drug: Name | None = None) -> str:
    """CYP450 and P-gp roles of one drug, or (without a drug) of the whole home regimen
    grouped by enzyme.

    Args:
        drug: optional drug; omit it to profile the regimen.
    """
    if drug:
        d = drugs()[resolve(state, drug)]
        return f"{d.name}: {_cyp_text(d)}."
    regimen = state.patient.regimen()
    lines = []
    for e in ENZYMES:
        roles = []
        for name in regimen:
            d = drugs()[name]
            for kind, table in (("substrate", d.substrate), ("inhibitor", d.inhibits)):
                if e in table:
                    roles.append(f"{name} ({table[e]} {kind})")
            if e in d.induces:
                roles.append(f"{name} ({d.induces[e]} inducer)")
        if roles:
            lines.append(f"{ENZYME_LABEL[e]}: " + ", ".join(roles))
    return "Regimen CYP450/P-gp profile:\n" + ("\n".join(lines) or "no significant roles")


def _burden(state: DrugState, proposed: str | None, pick: str) -> tuple[list[str], list[str]]:
    regimen = regimen_with(state, proposed)
    out = []
    for name in regimen:
        d = drugs()[name]
        if pick == "qt" and d.qt_risk:
            out.append(f"{name} ({d.qt_risk} risk)")
        if pick == "sero" and (d.serotonergic or d.maoi):
            out.append(f"{name}" + (f" (MAO inhibitor, {d.maoi})" if d.maoi else ""))
    return regimen, out


@tool
def qt_burden(state: DrugState, proposed_drug: Name | None = None) -> str:
    """List the QT-prolonging drugs (CredibleMeds category) in the regimen plus an optional
    proposed drug, with the patient's latest QTc.

    Args:
        proposed_drug: optional drug to include.
    """
    regimen, found = _burden(state, proposed_drug, "qt")
    p = state.patient
    if p.qtc_ms is None:
        qtc = "no ECG on file"
    else:
        flag = (
            "high risk (> 500 ms)"
            if p.qtc_ms > QTC_HIGH_RISK
            else "prolonged"
            if p.qtc_ms > QTC_PROLONGED[p.sex]
            else "within normal limits"
        )
        qtc = f"latest QTc {p.qtc_ms} ms ({flag})"
    drugs_text = ", ".join(found) if found else "none"
    return f"QT-prolonging drugs ({len(found)} of {len(regimen)}): {drugs_text}. ECG: {qtc}."


@tool
def serotonergic_burden(state: DrugState, proposed_drug: Name | None = None) -> str:
    """List the serotonergic drugs and MAO inhibitors in the regimen plus an optional
    proposed drug.

    Args:
        proposed_drug: optional drug to include.
    """
    regimen, found = _burden(state, proposed_drug, "sero")
    return (
        f"Serotonergic drugs ({len(found)} of {len(regimen)}): "
        + (", ".join(found) if found else "none")
        + "."
    )


DRUG_TOOLS = [
    drug_monograph,
    check_interaction,
    screen_regimen,
    check_regimen,
    cyp_profile,
    qt_burden,
    serotonergic_burden,
]
