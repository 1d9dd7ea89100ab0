"""Record tools of triage_emergency: what the triage nurse sees, hears and measures.

Every ``observe`` tool reads the episode's hidden record of one patient
(``patient_id``) or one mass-casualty victim and records that the agent has seen it:
in ``state.seen`` (the grader's coherence checks) and in the episode's elicitation
record under ``"<tool>:<patient id>"`` (``"poc_<test>:<patient id>"`` for a
point-of-care test), which gates the record-reading ``compute`` tools per patient.
The ESI decision-point tools, ``assess_mental_status`` and ``lookup_protocol`` are the
shared triage tools of :mod:`healthgym.tools.library.triage`.  No tool states a triage
level, a care area, an order to give or a mass-casualty category.
"""

from __future__ import annotations

from ...clinical.triage import INJURY_PATTERNS
from ...patients.encounter import TriagePatient
from ...patients.esi import avpu
from ...tools import ToolError, tool
from ...tools.elicit import elicited
from ...tools.library.triage import PatientId, get_patient, pain_scale
from .generator import HS_TNT_URL, MMOL_TO_MG_DL_GLUCOSE, age_text, clock, person_word
from .mci import assessment_text
from .records import TriageState
from .vocab import PocTest


def _history(p: TriagePatient) -> str:
    pmh = p.pmh_lines()
    meds = ", ".join(p.medications) or "none"
    allergies = ", ".join(p.allergies) or "no known drug allergies"
    return (
        f"Past history: {'; '.join(pmh) or 'none significant'}. Medications: {meds}. "
        f"Allergies: {allergies}."
    )


@tool(kind="observe")
def get_presentation(state: TriageState, patient_id: PatientId) -> str:
    """Take the triage history: arrival, chief complaint, history of the complaint,
    mechanism of injury, visible injuries, past history, medications, allergies, pain.

    Args:
        patient_id: the patient's id as listed in the task (e.g. P1).
    """
    p = get_patient(state, patient_id, "get_presentation", observe=True)
    lines = [
        f"{p.id}: {age_text(p.age_days)} {person_word(p.sex, p.age_years)}, arrived "
        f"{clock(p.arrival_minute)} ({p.arrival_mode}).",
        f'Chief complaint: "{p.chief_complaint}".',
        "History: " + " ".join(p.hpi),
    ]
    if p.mechanism:
        lines.append(f"Mechanism of injury: {p.mechanism}")
    if p.injuries:
        lines.append(
            "Visible injuries: " + "; ".join(INJURY_PATTERNS[k][0] for k in p.injuries) + "."
        )
    if p.deficits:
        lines.append("Neurological deficits now: " + ", ".join(p.deficits) + ".")
    lines.append(_history(p))
    if avpu(p) in ("P", "U"):
        lines.append("Pain: cannot be rated (not responding to voice).")
    else:
        lines.append(f"Pain: {p.pain}/10 ({pain_scale(p.age_years)}).")
    if p.appearance:
        lines.append(f"Appearance: {p.appearance}")
    return "\n".join(lines)


def _vital(value: float, fmt: str, absent: str) -> str:
    return fmt.format(value) if value > 0 else absent


@tool(kind="observe")
def get_vitals(state: TriageState, patient_id: PatientId) -> str:
    """Measure the triage vital signs (heart rate, blood pressure, respiratory rate,
    SpO2 on room air, temperature, capillary refill) and the weight.

    Args:
        patient_id: the patient's id (e.g. P1).
    """
    p = get_patient(state, patient_id, "get_vitals", observe=True)
    v = p.vitals
    parts = [
        _vital(v.hr, "Heart rate {:g}/min", "No palpable pulse"),
        f"blood pressure {v.sbp:g}/{v.dbp:g} mmHg" if v.sbp > 0 else "no measurable blood pressure",
        _vital(v.rr, "respiratory rate {:g}/min", "apnoeic"),
        _vital(v.spo2, "SpO2 {:g}% on room air", "SpO2 not recordable"),
        f"temperature {v.temp_c:g} C",
        f"capillary refill {v.cap_refill_s:g} s",
        f"weight {p.weight_kg:g} kg",
    ]
    return "; ".join(parts) + "."


@tool(kind="observe")
def assess_abc(state: TriageState, patient_id: PatientId) -> str:
    """Primary survey at triage: airway, breathing and circulation findings.

    Args:
        patient_id: the patient's id (e.g. P1).
    """
    p = get_patient(state, patient_id, "assess_abc", observe=True)
    return f"Airway: {p.airway}\nBreathing: {p.breathing}\nCirculation: {p.circulation}"


def _leads(values: dict[str, float]) -> str:
    return ", ".join(f"{lead} {mm:g} mm" for lead, mm in values.items())


@tool(kind="observe")
def obtain_triage_ecg(state: TriageState, patient_id: PatientId) -> str:
    """Record a 12-lead ECG at triage and return rhythm, rate and ST deviation by lead.

    Args:
        patient_id: the patient's id (e.g. P1).
    """
    p = get_patient(state, patient_id, "obtain_triage_ecg", observe=True)
    e = p.ecg
    text = f"12-lead ECG: {e.rhythm}" + (f", rate {e.rate}/min." if e.rate else ".")
    if e.st_elevation_mm:
        text += f" ST elevation: {_leads(e.st_elevation_mm)}."
    if e.st_depression_mm:
        text += f" ST depression: {_leads(e.st_depression_mm)}."
    if not (e.st_elevation_mm or e.st_depression_mm) and e.rate:
        text += " No ST elevation or depression."
    if e.other:
        text += " " + "; ".join(e.other).capitalize() + "."
    return text


@tool(kind="observe")
def point_of_care_test(state: TriageState, patient_id: PatientId, test: PocTest) -> str:
    """Run a bedside point-of-care test: capillary glucose, high-sensitivity troponin,
    venous lactate or urine hCG.

    Args:
        patient_id: the patient's id (e.g. P1).
        test: the test to run.
    """
    p = get_patient(state, patient_id, f"poc_{test}", observe=True)
    value = p.poc.get(test)
    if test == "glucose":
        mg = round(float(value) * MMOL_TO_MG_DL_GLUCOSE)  # type: ignore[arg-type]
        return f"Capillary glucose {value:g} mmol/L ({mg} mg/dL); reference 3.9-7.8 mmol/L."
    if test == "troponin":
        if value is None:
            raise ToolError("the point-of-care troponin assay is validated for adults only")
        return (
            f"hs-troponin T {value:g} ng/L (99th-percentile upper reference limit "
            f"{HS_TNT_URL:g} ng/L)."
        )
    if test == "lactate":
        return f"Venous lactate {value:g} mmol/L (reference < 2.0)."
    if value is None:
        raise ToolError("urine hCG applies to patients who could be pregnant (female, 12-55 y)")
    return f"Urine hCG: {value}."


@tool(kind="observe")
def mci_assess_casualty(state: TriageState, casualty_id: PatientId) -> str:
    """Rapid mass-casualty assessment of one casualty: walking, breathing (and the response to
    airway positioning or rescue breaths), pulse / capillary refill, mental status.

    Args:
        casualty_id: the casualty's id as listed in the task (e.g. C1).
    """
    if state.kind != "mci":
        raise ToolError("there is no mass-casualty incident in this task")
    cid = casualty_id.strip().upper()
    if cid not in state.casualties:
        raise ToolError(
            f"unknown casualty_id {casualty_id[:8]!r}; casualties: {', '.join(state.casualties)}"
        )
    state.seen.add(("mci_assess_casualty", cid))
    elicited(state).show(f"mci_assess_casualty:{cid}")
    return assessment_text(state.casualties[cid])
