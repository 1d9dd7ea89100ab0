"""The six pathways: their phases, the action tools that record each phase's
decisions, and the published rule behind each phase's grade.

A pathway is an ordered list of phases.  The phase list (with each phase's action
tools) is the same for every patient of a pathway and is shown in the task prompt,
so it says how the work is organised, never what the right decision is.  Actions are
not locked to a phase: each is recorded with the minute it happened, and where the
order matters clinically (cultures before antimicrobials, CT before thrombolysis,
potassium before insulin, an ECG within 10 minutes) the grader checks the order from
those minutes.  Each phase is graded on its own checks (see :mod:`.phase_checks`);
the episode's accuracy is the mean over the phases that apply to the patient.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Phase:
    key: str
    title: str
    actions: tuple[str, ...]  # tools that record this phase's decisions ('' for none)
    hint: str = ""  # what the phase covers, shown in the prompt


@dataclass(frozen=True)
class Pathway:
    key: str
    title: str
    phases: tuple[Phase, ...]
    setting: str  # 'ed' (emergency department arrival) or 'ward' (inpatient)

    @property
    def phase_keys(self) -> tuple[str, ...]:
        return tuple(p.key for p in self.phases)

    def phase_of(self, tool: str) -> str | None:
        """The phase whose decisions ``tool`` records in this pathway (None: none)."""
        return next((p.key for p in self.phases if tool in p.actions), None)


_TRIAGE = Phase("triage", "Triage", ("assign_triage_level",), "ESI level")
_DISPO = ("set_disposition",)

PATHWAYS: dict[str, Pathway] = {
    p.key: p
    for p in (
        Pathway(
            "sepsis",
            "Suspected sepsis",
            (
                _TRIAGE,
                Phase("screen", "Sepsis screen", ("activate_protocol",), "qSOFA, lactate"),
                Phase("cultures", "Cultures", (), "cultures before antimicrobials"),
                Phase("antimicrobials", "Antimicrobials", ("give_medication",), "the sepsis hour"),
                Phase("fluids", "Fluid resuscitation", ("give_fluids",), "crystalloid volume"),
                Phase(
                    "disposition",
                    "Reassessment and disposition",
                    ("start_vasopressor", *_DISPO),
                    "after the fluid bolus",
                ),
            ),
            "ed",
        ),
        Pathway(
            "chest_pain",
            "Acute chest pain",
            (
                _TRIAGE,
                Phase("ecg_troponin", "ECG and troponin", ("activate_protocol",), "ECG timing"),
                Phase("risk", "Risk stratification", (), "HEART score, without ST elevation"),
                Phase("management", "Management", ("give_medication", *_DISPO), "and disposition"),
            ),
            "ed",
        ),
        Pathway(
            "stroke",
            "Stroke code",
            (
                Phase("triage", "Triage", ("assign_triage_level", "activate_protocol"), "ESI"),
                Phase("nihss", "NIH Stroke Scale", ("calculate_nihss",), "item by item"),
                Phase("imaging", "Imaging", (), "brain and vessel imaging"),
                Phase("thrombolysis", "Thrombolysis", ("thrombolysis_decision",), "eligibility"),
                Phase("disposition", "Disposition", _DISPO, "thrombectomy or stroke unit"),
            ),
            "ed",
        ),
        Pathway(
            "dka",
            "Hyperglycaemic emergency",
            (
                _TRIAGE,
                Phase("diagnosis", "Diagnosis", ("activate_protocol",), "acid-base and ketones"),
                Phase("fluids", "Fluids", ("give_fluids",), "first-hour volume"),
                Phase(
                    "insulin_potassium",
                    "Potassium and insulin",
                    ("potassium_decision", "start_insulin_infusion"),
                    "by the serum potassium",
                ),
                Phase("disposition", "Disposition", _DISPO, "by severity"),
            ),
            "ed",
        ),
        Pathway(
            "gi_bleed",
            "Acute gastrointestinal bleeding",
            (
                _TRIAGE,
                Phase("risk", "Risk", ("activate_protocol",), "Glasgow-Blatchford score"),
                Phase(
                    "resuscitation",
                    "Resuscitation",
                    ("red_cell_transfusion", "give_medication"),
                    "transfusion threshold",
                ),
                Phase("endoscopy", "Endoscopy", ("schedule_endoscopy",), "timing"),
                Phase("disposition", "Disposition", _DISPO, ""),
            ),
            "ed",
        ),
        Pathway(
            "postop_fever",
            "Post-operative fever",
            (
                Phase(
                    "escalation",
                    "Escalation",
                    ("escalate_care", "activate_protocol"),
                    "NEWS2 response, sepsis screen",
                ),
                Phase("source", "Source", ("document_fever_source",), "by post-operative day"),
                Phase("treatment", "Treatment", ("give_medication",), "if any"),
                Phase("handover", "Handover", (), "working diagnosis"),
            ),
            "ward",
        ),
    )
}
PATHWAY_ORDER: tuple[str, ...] = tuple(PATHWAYS)


def phase_lines(pathway: str) -> str:
    """The phase list as shown in every prompt of a pathway."""
    lines = []
    for i, ph in enumerate(PATHWAYS[pathway].phases, 1):
        tools = ", ".join(ph.actions) if ph.actions else "no action tool: graded on your orders"
        hint = f" ({ph.hint})" if ph.hint else ""
        lines.append(f"{i}. {ph.title}{hint} - {tools}")
    return "\n".join(lines)
