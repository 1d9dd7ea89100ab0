"""State of one work-up of a patient: the hidden record and what has been revealed.

:class:`EncounterState` is what the record tools of :mod:`.record` (and the record-bound
score tools) read and write; a domain's episode state extends it (clinical_diagnosis
adds the working differential, cross_domain the pathway record).

What the agent has been *shown* is kept in the episode's elicitation record
(:func:`healthgym.tools.elicit.elicited`).  Every successful observe call is recorded
under its tool name (``get_vitals``, ``order_ecg``, ...); the tools that take a
system, panel, test or study also record a finer key built by the helpers below
(``examine:abdominal``, ``order_lab_panel:bmp``, ``order_lab_test:bun``,
``order_imaging:chest_xray``), so a score can require exactly what it reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...patients.model import Patient

# tool names whose calls show a part of the record (recorded under the tool name)
HPI = "get_history_of_present_illness"
PMH = "get_past_medical_history"
SOCIAL = "get_social_history"
MEDICATIONS = "get_medications"
VITALS = "get_vitals"
ECG = "order_ecg"


def exam_key(system: str) -> str:
    """Elicitation key of the examination of one body system."""
    return f"examine:{system}"


def lab_key(test: str) -> str:
    """Elicitation key of one laboratory result (recorded by the test and by its panel)."""
    return f"order_lab_test:{test}"


def panel_key(panel: str) -> str:
    """Elicitation key of one laboratory panel."""
    return f"order_lab_panel:{panel}"


def imaging_key(study: str) -> str:
    """Elicitation key of one imaging or diagnostic study."""
    return f"order_imaging:{study}"


# tool -> the argument its finer elicitation keys carry
_KEY_ARGUMENT = {
    "examine": "system",
    "order_lab_panel": "panel",
    "order_lab_test": "test",
    "order_imaging": "study",
}


def key_call(key: str) -> tuple[str, dict[str, str]]:
    """The tool call that shows an elicitation key: ``examine:neck`` -> examine(system=neck)."""
    name, _, value = key.partition(":")
    return name, ({_KEY_ARGUMENT[name]: value} if value else {})


@dataclass
class EncounterState:
    """The patient of one work-up and the tests whose results have been shown."""

    patient: Patient
    revealed_labs: set[str] = field(default_factory=set)
    imaging_done: set[str] = field(default_factory=set)
    ecg_done: bool = False
    # score name (e.g. 'curb65') -> value the agent computed with the score tool
    score_values: dict[str, float] = field(default_factory=dict)

    def observed_tests(self) -> set[str]:
        """Lab and imaging keys (and 'ecg') whose results the agent has seen."""
        seen = set(self.revealed_labs) | set(self.imaging_done)
        if self.ecg_done:
            seen.add("ecg")
        return seen
