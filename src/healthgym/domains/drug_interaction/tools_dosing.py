"""Patient-specific dosing and safety tools, therapeutic alternatives, and the answer.

Kinds: the renal, hepatic and allergy tools are record-reading calculators (``compute``)
gated on the observations that show the values they read (:mod:`healthgym.tools.elicit`):

* ``renal_dose_adjustment`` computes CrCl (Cockcroft-Gault, actual body weight) and
  eGFR (CKD-EPI 2021) from age, sex and weight (``get_patient_summary``) and serum
  creatinine (``get_labs``), and prints the drug's whole labelled band table without
  marking a band: choosing the band is the agent's job;
* ``hepatic_dose_adjustment`` computes Child-Pugh from the liver tests and findings
  (``get_labs``) for a patient whose problem list (``get_problem_list``) has been read;
* ``check_allergy`` (the shared tool of :mod:`healthgym.tools.library.drugs`) compares
  a drug with the allergies the agent has read (``get_allergies``): class
  cross-reactivity, and for beta-lactams the reaction's severity and R1 side chain
  (AAAAI/ACAAI 2022 practice parameter,
  :func:`healthgym.clinical.treatments.allergy_conflict`).

``pregnancy_lactation_safety`` and ``find_alternatives`` are ``reference``: the drug's
PLLR summary, and every other member of the drug's therapeutic group annotated with one
hazard the agent names (an interaction with one drug, or one allergy class); neither
reads the record nor judges overall safety.
"""

from __future__ import annotations

from typing import Annotated, Literal

from ...clinical.drugs import ALLERGY_CLASS_NAMES, drugs, group_members, normalize_name
from ...clinical.drugs.hazards import ix_of
from ...clinical.treatments import ALLERGY_CLASSES
from ...tools import MaxLen, Range, ToolError, tool
from ...tools.elicit import Need
from ...tools.library.drugs import Name, check_allergy, record_severity, resolve
from .records import DrugState

Reason = Literal["interaction", "allergy", "renal", "hepatic", "pregnancy", "beers", "other"]
SeverityArg = Literal["contraindicated", "major", "moderate", "minor"]
DEMOGRAPHICS = Need("the patient's age, sex and weight", ("get_patient_summary",))
LABS = Need("the laboratory results (creatinine, liver tests)", ("get_labs",))
PROBLEMS = Need("the problem list (liver disease)", ("get_problem_list",))


@tool(kind="compute", needs=(DEMOGRAPHICS, LABS))
def renal_dose_adjustment(state: DrugState, drug: Name) -> str:
    """Compute the patient's creatinine clearance (Cockcroft-Gault) and eGFR (CKD-EPI 2021)
    from the summary and labs you have read, and show the drug's labelled renal dose bands.

    Args:
        drug: generic or brand name.
    """
    d = drugs()[resolve(state, drug)]
    p = state.patient
    state.renal_checked.add(d.name)
    crcl = p.crcl_result()
    head = (
        f"Creatinine clearance (Cockcroft-Gault, actual body weight {p.weight_kg:g} kg, age "
        f"{p.age}, {p.sex}, creatinine {p.creatinine_mg_dl:g} mg/dL): {p.crcl():.1f} mL/min. "
        f"eGFR (CKD-EPI 2021): {p.egfr():.1f} mL/min/1.73 m2."
    )
    if crcl.value is None:  # pragma: no cover - calculator always returns a value
        raise ToolError("creatinine clearance could not be computed")
    if d.renal is None:
        note = d.renal_note or "no renal dose adjustment is labelled"
        return f"{head}\n{d.name}: no labelled renal dose bands ({note})."
    bands = "\n".join(f"- {d.renal.measure} {b.label()}: {b.dose}" for b in d.renal.bands)
    return f"{head}\n{d.name} renal dosing by {d.renal.measure} ({d.renal.unit}):\n{bands}" + (
        f"\nNote: {d.renal_note}" if d.renal_note else ""
    )


@tool(kind="compute", needs=(LABS, PROBLEMS))
def hepatic_dose_adjustment(state: DrugState, drug: Name) -> str:
    """Compute the Child-Pugh class from the labs and problem list you have read and show
    the drug's hepatic guidance.

    Args:
        drug: generic or brand name.
    """
    d = drugs()[resolve(state, drug)]
    p = state.patient
    state.hepatic_checked.add(d.name)
    cp = p.child_pugh_result()
    cls = p.child_pugh_class()
    head = (
        f"Child-Pugh score {cp.value:g} (class {cls}) from bilirubin {p.bilirubin_mg_dl:g} mg/dL, "
        f"albumin {p.albumin_g_dl:g} g/dL, INR {p.inr:g}, ascites "
        f"{p.ascites.replace('_', '-')}, encephalopathy {p.encephalopathy.replace('_', '-')}."
    )
    if not p.cirrhosis:  # Child-Pugh grades cirrhosis; it does not apply to a normal liver
        return (
            f"{head} No cirrhosis or chronic liver disease documented: no hepatic dose "
            "adjustment applies."
        )
    advice = d.hepatic.get(cls)
    milder = [c for c in "AB"[: "ABC".index(cls)] if c in d.hepatic]
    if advice is None and milder:
        advice = f"(class {milder[-1]} advice applies) {d.hepatic[milder[-1]]}"
    return f"{head} {d.name} in Child-Pugh {cls}: {advice or 'no class-specific advice listed'}."


@tool(kind="reference")
def pregnancy_lactation_safety(state: DrugState, drug: Name) -> str:
    """Show a drug's pregnancy and lactation safety (the patient's pregnancy and
    breastfeeding status is in get_patient_summary).

    Args:
        drug: generic or brand name.
    """
    d = drugs()[resolve(state, drug)]
    state.pregnancy_checked.add(d.name)
    return (
        f"{d.name} in pregnancy: {d.pregnancy[0].upper()} - {d.pregnancy[1]}. In lactation: "
        f"{d.lactation[0].upper()} - {d.lactation[1]}."
    )


def _allergy_class(text: str) -> str | None:
    t = text.strip().lower()
    if t in ALLERGY_CLASS_NAMES:
        return t
    for label, cls in ALLERGY_CLASSES.items():
        if t == label.lower():
            return cls
    return None


@tool(kind="reference")
def find_alternatives(state: DrugState, drug: Name, avoid: Name | None = None) -> str:
    """List the other drugs of the same therapeutic class; with ``avoid`` (a drug name or
    an allergy class), show for each whether it interacts with that drug or belongs to
    that allergy class. Overall safety for the patient is not judged.

    Args:
        drug: the drug to replace.
        avoid: optional drug whose interaction, or allergy class (e.g. 'sulfonamide'), to
            check for each alternative.
    """
    d = drugs()[resolve(state, drug)]
    state.alternatives_listed.add(d.name)
    members = [m for m in group_members(d.group) if m != d.name]
    if not members:
        return f"{d.name}: no other drug of its class ({d.drug_class}) is in the formulary."
    avoid_drug = avoid_class = None
    if avoid:
        avoid_class = _allergy_class(avoid)
        if avoid_class is None:
            avoid_drug = normalize_name(avoid)
            if avoid_drug is None:
                raise ToolError(
                    f"'avoid' must be a drug or an allergy class "
                    f"({', '.join(ALLERGY_CLASS_NAMES)}), not {avoid[:60]!r}"
                )
    lines = [f"Alternatives to {d.name} ({d.drug_class}):"]
    for m in members:
        md = drugs()[m]
        note = ""
        if avoid_drug:
            ix = ix_of(m, avoid_drug) if m != avoid_drug else None
            record_severity(state, m, avoid_drug, ix)
            note = f"; with {avoid_drug}: " + (
                f"Severity: {ix.severity.upper()} ({ix.category})" if ix else "no interaction"
            )
        elif avoid_class:
            hit = avoid_class in md.allergy_classes
            note = f"; {avoid_class} class: {'yes' if hit else 'no'}"
        lines.append(f"- {m}: {md.drug_class}{note}")
    return "\n".join(lines)


@tool(terminal=True)
def submit_answer(
    state: DrugState,
    decision: Literal["approve", "reject"] | None = None,
    drugs: Annotated[list[Annotated[str, MaxLen(120)]], MaxLen(4)] | None = None,
    severity: SeverityArg | None = None,
    reason: Reason | None = None,
    drug: Name | None = None,
    dose: Annotated[str, MaxLen(300)] | None = None,
    renal_function: Annotated[float, Range(0, 300)] | None = None,
) -> str:
    """Submit the final answer (ends the episode). Fill the fields the task asks for.

    Args:
        decision: approve or reject a new order.
        drugs: the interacting pair, the drug to stop, the culprit of a rejection, or the
            chosen alternative.
        severity: severity of the interaction you report.
        reason: main reason for a rejection or a deprescribing choice.
        drug: the drug being dosed.
        dose: the dosing instruction you recommend.
        renal_function: the CrCl (mL/min) or eGFR (mL/min/1.73 m2) the dose is based on.
    """
    return "Answer submitted."


DOSING_TOOLS = [
    renal_dose_adjustment,
    hepatic_dose_adjustment,
    check_allergy,
    pregnancy_lactation_safety,
    find_alternatives,
]
