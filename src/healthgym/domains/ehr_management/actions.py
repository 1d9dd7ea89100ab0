"""Write actions of ehr_management (orders and notes) and the submission tool.

Write actions change the episode's database - the grader of an action task reads the
database's end state, not the transcript.  They act on the admission in progress at
the current time; a finished admission cannot receive orders or notes.
"""

from __future__ import annotations

from typing import Annotated, Literal

from ...tools import MaxLen, ToolError, tool
from .catalog import CONSULT_SERVICES, LAB_ITEMS, STUDIES
from .drugs import DRUGS, match_drug
from .records import EhrState, show

OrderType = Literal["medication", "consult", "lab", "imaging", "procedure"]
Route = Literal["PO", "IV", "SC", "IM", "IH", "NEB", "SL", "PR", "TD"]
NoteCategory = Literal["Progress", "Consult", "Physician", "Nursing"]
_POE_TYPE = {
    "medication": "Medications",
    "consult": "Consults",
    "lab": "Lab",
    "imaging": "Radiology",
    "procedure": "General Care",
}


def _open_admission(state: EhrState) -> int:
    if state.open_hadm is None:
        raise ToolError(
            "the patient is not in hospital now: orders and notes need an open admission"
        )
    return state.open_hadm


def _normal(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").split())


def _item(order_type: str, item: str) -> tuple[str, str]:
    """(canonical item key, display text) for an order, or a ToolError."""
    if order_type == "medication":
        key = match_drug(item)
        if key is None:
            raise ToolError(f"'{item[:60]}' is not in the formulary; use the generic drug name")
        return key, DRUGS[key].name
    if order_type == "consult":
        wanted = _normal(item).removesuffix(" consult").removesuffix(" service")
        for service in CONSULT_SERVICES:
            if wanted == service or wanted == service.replace(" ", ""):
                return service, f"Consult {service}"
        raise ToolError(f"unknown service '{item[:60]}'; services: {', '.join(CONSULT_SERVICES)}")
    if order_type == "lab":
        wanted = _normal(item)
        for key, lab in LAB_ITEMS.items():
            if wanted in (key.replace("_", " "), _normal(lab.label)):
                return key, lab.label
        raise ToolError(f"unknown lab '{item[:60]}'; labs: {', '.join(LAB_ITEMS)}")
    wanted = _normal(item)
    for study in STUDIES:
        if wanted in (study, study.replace(" ", ""), study.replace("-", " ")):
            return study, study
    raise ToolError(f"unknown study or procedure '{item[:60]}'; options: {', '.join(STUDIES)}")


@tool(kind="act")
def place_order(
    state: EhrState,
    order_type: OrderType,
    item: Annotated[str, MaxLen(80)],
    dose: Annotated[str, MaxLen(40)] | None = None,
    route: Route | None = None,
) -> str:
    """Place an order for the admission in progress: a drug, a consult, a lab or a study.

    Args:
        order_type: what kind of order.
        item: the drug (generic name), consulting service, lab analyte or study.
        dose: medication dose with unit (default: the formulary's usual dose).
        route: medication route (default: the formulary's usual route).
    """
    hadm = _open_admission(state)
    key, text = _item(order_type, item)
    seq = 1 + state.db.execute("SELECT COALESCE(MAX(poe_seq), 0) FROM poe").fetchone()[0]
    poe_id = f"{state.subject_id}-{seq}"
    subtype = DRUGS[key].drug_class if order_type == "medication" else key
    if order_type == "medication":
        drug = DRUGS[key]
        text = f"{drug.name} {dose or drug.dose + ' ' + drug.unit} {route or drug.route}"
    state.db.execute(
        "INSERT INTO poe VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Active', NULL, NULL)",
        (poe_id, seq, state.subject_id, hadm, state.now, _POE_TYPE[order_type], subtype, text),
    )
    if order_type == "medication":
        drug = DRUGS[key]
        pharmacy = (
            1
            + state.db.execute(
                "SELECT COALESCE(MAX(pharmacy_id), 0) FROM prescriptions"
            ).fetchone()[0]
        )
        state.db.execute(
            "INSERT INTO prescriptions VALUES (?, ?, ?, ?, ?, NULL, 'MAIN', ?, ?, ?, ?, ?)",
            (
                pharmacy,
                poe_id,
                state.subject_id,
                hadm,
                state.now,
                drug.name,
                dose or drug.dose,
                "" if dose else drug.unit,
                route or drug.route,
                drug.per_day,
            ),
        )
    state.db.commit()
    return f"Order {poe_id} placed at {show(state.now)}: {text}."


@tool(kind="act")
def discontinue_order(
    state: EhrState,
    order_id: Annotated[str, MaxLen(40)],
    reason: Annotated[str, MaxLen(300)] | None = None,
) -> str:
    """Discontinue an active order of the admission in progress (a drug stops now).

    Args:
        order_id: the order's id (poe_id, e.g. '12345678-12').
        reason: why it is stopped (optional).
    """
    hadm = _open_admission(state)
    row = state.db.execute(
        "SELECT hadm_id, order_status, order_text FROM poe WHERE poe_id = ?", (order_id.strip(),)
    ).fetchone()
    if row is None or row[0] != hadm:
        raise ToolError(f"no order {order_id[:40]!r} in the admission in progress")
    if row[1] != "Active":
        raise ToolError(f"order {order_id[:40]} is not active")
    state.db.execute(
        "UPDATE poe SET order_status = 'Inactive', discontinue_time = ?, discontinue_reason = ? "
        "WHERE poe_id = ?",
        (state.now, (reason or "").strip()[:300] or None, order_id.strip()),
    )
    state.db.execute(
        "UPDATE prescriptions SET stoptime = ? WHERE poe_id = ? AND stoptime IS NULL",
        (state.now, order_id.strip()),
    )
    state.db.commit()
    return f"Order {order_id.strip()} ({row[2]}) discontinued at {show(state.now)}."


@tool(kind="act")
def write_note(state: EhrState, category: NoteCategory, text: Annotated[str, MaxLen(4000)]) -> str:
    """Write a clinical note into the admission in progress.

    Args:
        category: the note type.
        text: the note's text.
    """
    hadm = _open_admission(state)
    if not text.strip():
        raise ToolError("the note is empty")
    note_id = 1 + state.db.execute("SELECT COALESCE(MAX(note_id), 0) FROM noteevents").fetchone()[0]
    state.db.execute(
        "INSERT INTO noteevents VALUES (?, ?, ?, ?, ?, ?)",
        (note_id, state.subject_id, hadm, state.now, category, text.strip()),
    )
    state.db.commit()
    return f"Note {note_id} ({category}) saved at {show(state.now)}."


@tool(terminal=True)
def submit_answer(
    state: EhrState,
    answer: Annotated[str, MaxLen(300)],
    value: float | None = None,
    charttime: Annotated[str, MaxLen(20)] | None = None,
    items: Annotated[list[str], MaxLen(10)] | None = None,
) -> str:
    """Submit the final answer (the task says which fields to fill). Ends the episode.

    Args:
        answer: the main answer text (a name, a category, yes/no, or 'done' for actions).
        value: the numeric answer, when the task asks for a number.
        charttime: the date or time asked for, 'YYYY-MM-DD HH:MM' (or 'YYYY-MM-DD').
        items: a list answer (several names), when the task asks for one.
    """
    return "Answer submitted."


ACTION_TOOLS = [place_order, discontinue_order, write_note]
