"""The terminal tool of triage_emergency and the parsing of its answer.

One tool serves the three task kinds; it checks that the fields the kind needs are
present and well formed (an answer that cannot be graded is refused with a clear
message and the episode goes on). It never says whether an answer is right.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from ...tools import MaxLen, Range, ToolError, tool
from .records import TriageState
from .vocab import MCI_CATEGORIES, Disposition, OrderKey

ScoreName = Literal["heart_score", "gcs", "shock_index", "qsofa", "rts"]
_SYNONYMS = {
    "red": "immediate",
    "yellow": "delayed",
    "green": "minor",
    "black": "expectant",
    "deceased": "expectant",
    "dead": "expectant",
}
_ENTRY = re.compile(r"^\s*([A-Za-z]\d{1,2})\s*[:=\-]\s*([A-Za-z]+)\s*$")


def parse_categories(entries: list[str]) -> dict[str, str]:
    """``["C1: immediate", "C2=delayed"]`` -> ``{"C1": "immediate", "C2": "delayed"}``;
    tag colours are accepted as synonyms; raises ``ValueError`` on a malformed entry."""
    out: dict[str, str] = {}
    for entry in entries:
        m = _ENTRY.match(entry)
        if not m:
            raise ValueError(f"cannot read {entry[:40]!r}; write '<casualty id>: <category>'")
        cid, word = m.group(1).upper(), m.group(2).lower()
        word = _SYNONYMS.get(word, word)
        if word not in MCI_CATEGORIES:
            raise ValueError(f"{word!r} is not one of: {', '.join(MCI_CATEGORIES)}")
        if cid in out:
            raise ValueError(f"{cid} is categorised twice")
        out[cid] = word
    return out


def _check(state: TriageState, args: dict) -> None:
    if state.kind == "single":
        missing = [k for k in ("esi_level", "disposition") if args.get(k) is None]
        if missing:
            raise ToolError(
                f"a single-patient triage needs {' and '.join(missing)} (and immediate_orders, "
                "possibly empty)"
            )
    elif state.kind == "queue":
        order = [str(x).strip().upper() for x in args.get("patient_order") or []]
        if sorted(order) != sorted(state.patients) or len(set(order)) != len(order):
            raise ToolError(
                "patient_order must list every patient exactly once, most urgent first: "
                + ", ".join(state.patients)
            )
    else:
        try:
            cats = parse_categories(args.get("mci_categories") or [])
        except ValueError as e:
            raise ToolError(str(e)) from None
        if set(cats) != set(state.casualties):
            raise ToolError(
                "mci_categories must give one category for each casualty: "
                + ", ".join(state.casualties)
            )


@tool(terminal=True)
def submit_triage(
    state: TriageState,
    esi_level: Annotated[int, Range(1, 5)] | None = None,
    disposition: Disposition | None = None,
    immediate_orders: Annotated[list[OrderKey], MaxLen(19)] | None = None,
    patient_order: Annotated[list[str], MaxLen(8)] | None = None,
    mci_categories: Annotated[list[str], MaxLen(12)] | None = None,
    score_name: ScoreName | None = None,
    score_value: float | None = None,
) -> str:
    """Submit the triage decision. Ends the episode. Single patient: esi_level, disposition
    and immediate_orders. Triage queue: patient_order. Mass casualty: mci_categories.

    Args:
        esi_level: ESI level 1 (most urgent) to 5 (single-patient tasks).
        disposition: the care area the patient goes to now (single-patient tasks).
        immediate_orders: orders and activations to start from triage (may be empty).
        patient_order: every patient id, the one to be seen first first (queue tasks).
        mci_categories: one entry per casualty, e.g. 'C1: immediate' (mass-casualty tasks).
        score_name: optional score that supports the decision (e.g. heart_score).
        score_value: the value of that score as computed in this episode.
    """
    _check(
        state,
        {
            "esi_level": esi_level,
            "disposition": disposition,
            "patient_order": patient_order,
            "mci_categories": mci_categories,
        },
    )
    return "Triage decision submitted."
