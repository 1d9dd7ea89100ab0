"""The terminal tool of triage_emergency and the parsing of its answer.

One tool serves the three task kinds.  Every schema-valid submission is final and
graded as it stands: a field the task kind needs that is missing or malformed (no ESI
level, an order that leaves a patient out, an unreadable casualty entry) scores 0 for
that part.  Nothing is refused after the schema check, so a wrong answer cannot be
"tried" and then replaced by another in the same or a later turn (issue 16,
``submit_twice``), and the tool never says whether an answer is right.
"""

from __future__ import annotations

import re
from typing import Annotated

from ...tools import MaxLen, Range, tool
from .records import TriageState
from .vocab import MCI_CATEGORIES, Disposition, OrderKey

# a score's name as the agent writes it ("HEART", "heart_score", "qSOFA"): the grader
# reads it with healthgym.clinical.matching.match_score_name (case, synonyms)
ScoreName = Annotated[str, MaxLen(40)]
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
        score_name: optional score that supports the decision (e.g. heart_score, HEART,
            qSOFA, shock index, GCS, RTS).
        score_value: the value of that score as computed in this episode.
    """
    return "Triage decision submitted."
