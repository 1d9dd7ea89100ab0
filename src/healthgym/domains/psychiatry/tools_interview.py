"""Interview tools of the psychiatry domain: history, mental state, medications, submission.

Every tool here is an ``observe`` tool (plus the ``submit`` tool): each composes its text
from the record's facts (symptom keys, episodes, history, medications) as the clinician
hears or sees them; none names a diagnosis, a criterion verdict, a risk level or a
disposition.  ``check_prescription`` shows only harms that
follow from facts in the record (interactions, kidney function, QTc, pregnancy, age,
alcohol use), never those that depend on the diagnosis the agent must make.
"""

from __future__ import annotations

from typing import Annotated, Literal

from ...tools import MaxLen, tool
from .conditions import DIAGNOSES, DISPOSITIONS, SEVERITIES
from .interview import INTERVIEWS, TOPICS
from .mse import mental_state
from .presentations import ago_text, duration_text
from .records import PsychRecord, PsychState
from .risk import RISK_LEVELS
from .safety import (
    formulary_drug,
    medication_pairs,
    pair_interactions,
    record_notes,
    record_warnings,
)
from .symptoms import ALL_SYMPTOMS, AUD_CRITERIA, AUD_PLAIN, MANIA_PLAIN, PTSD_ITEMS, keys
from .treatments import DRUG_KEYS, TREATMENT_KEYS

DrugKey = Literal[DRUG_KEYS]  # type: ignore[valid-type]
DiagnosisKey = Literal[tuple(DIAGNOSES)]  # type: ignore[valid-type]
SeverityKey = Literal[SEVERITIES]  # type: ignore[valid-type]
RiskKey = Literal[RISK_LEVELS]  # type: ignore[valid-type]
DispositionKey = Literal[DISPOSITIONS]  # type: ignore[valid-type]
Topic = Literal[TOPICS]  # type: ignore[valid-type]
TreatmentKey = Literal[TREATMENT_KEYS]  # type: ignore[valid-type]


def _seen(state: PsychState, name: str) -> None:
    state.seen.add(name)


@tool(kind="observe")
def get_presentation(state: PsychState) -> str:
    """Take the history of the presenting complaint in the patient's (and family's) words."""
    _seen(state, "get_presentation")
    r = state.record
    parts = [f'Chief complaint: "{r.chief_complaint}" {r.referral.capitalize()}.']
    parts += presenting_quotes(r)
    if "hopelessness" in r.risk_factors:
        parts.append('Sees no way forward: "I can\'t see things ever getting better."')
    e = r.current_mood_episode
    if e is not None:
        plain = ", ".join(MANIA_PLAIN[f] for f in e.features[:5])
        parts.append(
            f"The family report that for the past {e.duration_days} days the patient {plain}."
        )
    if r.trauma is not None and r.count(keys(PTSD_ITEMS)) >= 4:
        parts.append(f"It started after {r.trauma.what} {ago_text(r.trauma.months_ago)}.")
    if r.stressor is not None:
        parts.append(
            f"Things became difficult after {r.stressor.what} {ago_text(r.stressor.months_ago)}."
        )
    if r.panic_attacks_per_month:
        how = (
            "coming out of the blue"
            if r.has("panic.unexpected")
            else "each set off by reminders of what happened"
        )
        parts.append(
            f"Has about {r.panic_attacks_per_month} sudden surges of intense fear a "
            f"month, {how}, peaking within minutes."
        )
    if r.functional_decline:
        parts.append(
            f"The family describe {r.psychosis_months} months of withdrawal, "
            "suspiciousness and declining self-care."
        )
    if r.dangerousness:
        parts.append(f"Recently the patient {r.dangerousness}.")
    if r.cognitive_concern:
        parts.append(
            f"Increasing forgetfulness over {duration_text(r.symptom_weeks)}, "
            f"noticed by {r.cognitive_concern}."
        )
    aud = [AUD_PLAIN[k] for k in keys(AUD_CRITERIA) if r.has(k)][:2]
    if aud:
        parts.append("The patient " + " and ".join(aud) + ".")
    if r.impairment_text and r.impairment_text not in " ".join(parts):
        parts.append(r.impairment_text)
    return " ".join(parts)


def presenting_quotes(r: PsychRecord) -> list[str]:
    """The patient's own words, grouped by how long each symptom has lasted.

    Symptoms of the presenting problem are quoted over its duration (at most three);
    a symptom that began later (``onset_weeks``: thoughts of death in the past weeks of a
    years-long drinking problem) is quoted with its own duration.
    """
    voiced = [k for k in r.symptoms if k in ALL_SYMPTOMS and ALL_SYMPTOMS[k].voice]
    main = [k for k in voiced if k not in r.onset_weeks][:3]
    groups: dict[int, list[str]] = {}
    if main:
        groups[r.symptom_weeks] = main
    for k in voiced:
        if k in r.onset_weeks:
            groups.setdefault(r.onset_weeks[k], []).append(k)
    out = []
    for weeks, ks in sorted(groups.items(), key=lambda kv: -kv[0]):
        quoted = " ".join(f'"{ALL_SYMPTOMS[k].voice}"' for k in ks)
        if weeks == r.symptom_weeks and ks == main:
            out.append(f"For {duration_text(weeks)}: {quoted}")
        else:
            out.append(f"For the past {duration_text(weeks).removeprefix('about ')}: {quoted}")
    return out


def _episode_text(
    years_ago: int,
    days: int,
    features: list[str],
    hospitalized: bool,
    psychotic: bool,
    marked: bool = False,
) -> str:
    plain = ", ".join(MANIA_PLAIN[f] for f in features)
    text = f"About {years_ago} years ago: a {days}-day period when the patient {plain}"
    if marked:
        text += "; could not work and the family had to step in"
    text += "; admitted to hospital" if hospitalized else "; no treatment was sought"
    if psychotic:
        text += "; at the time believed they had been chosen for a special mission"
    return text + "."


@tool(kind="observe")
def get_psychiatric_history(state: PsychState) -> str:
    """Take the past psychiatric history: episodes, admissions, treatments, self-harm, family."""
    _seen(state, "get_psychiatric_history")
    r = state.record
    lines = [
        f"Previous depressive episodes: {r.past_depressive_episodes}."
        if r.past_depressive_episodes
        else "No previous depressive episodes."
    ]
    lines += [
        _episode_text(
            e.years_ago,
            e.duration_days,
            e.features,
            e.hospitalized,
            e.psychotic,
            e.marked_impairment,
        )
        for e in r.past_elevated_episodes
    ] or ["No previous periods of elevated mood reported."]
    lines.append(
        "Psychiatric admissions: " + "; ".join(r.psychiatric_admissions) + "."
        if r.psychiatric_admissions
        else "No psychiatric admissions."
    )
    if r.past_treatments:
        lines.append("Past treatment: " + "; ".join(r.past_treatments) + ".")
    if r.failed_antipsychotic_trials:
        lines.append("Antipsychotic trials: " + "; ".join(r.failed_antipsychotic_trials) + ".")
    c = r.cssrs
    lines.append(
        f"Previous suicide attempt: {c.behaviour_text}."
        if c.behaviour_text
        else "No previous suicide attempts."
    )
    withdrawal = {
        "seizure": "Had a withdrawal seizure when stopping drinking two years ago.",
        "delirium_tremens": "Developed delirium tremens during a hospital stay when unable "
        "to drink.",
        "uncomplicated": "Gets morning shakes and sweats when not drinking.",
    }
    if r.alcohol.withdrawal in withdrawal:
        lines.append(withdrawal[r.alcohol.withdrawal])
    if r.trauma is not None:
        lines.append(f"Trauma history: {r.trauma.what}, {ago_text(r.trauma.months_ago)}.")
    lines.append(
        "Family history: " + "; ".join(r.family_history) + "."
        if r.family_history
        else "No known psychiatric illness in the family."
    )
    return " ".join(lines)


@tool(kind="observe")
def get_social_history(state: PsychState) -> str:
    """Take the social history: living situation, work, supports, substances, firearms."""
    _seen(state, "get_social_history")
    r = state.record
    a = r.alcohol
    alcohol = (
        f"Alcohol: about {a.drinks_per_week} standard drinks a week ({a.pattern})"
        + ("" if a.ongoing else ", stopped recently")
        + "."
        if a.drinks_per_week
        else "Does not drink alcohol."
    )
    parts = [
        f"{r.living.capitalize()}; {r.occupation}; {r.education_years} years of education.",
        f"Supports: {r.supports}.",
        alcohol,
        f"Drug use: {r.drug_use}.",
        "A firearm is kept at home." if r.firearm_access else "No firearms at home.",
    ]
    if "religious_faith" in r.protective_factors:
        parts.append("Faith: their religious beliefs forbid suicide.")
    if "engaged_in_care" in r.protective_factors:
        parts.append("Sees their GP regularly and keeps appointments.")
    if r.stressor is not None:
        parts.append(f"Recent stressor: {r.stressor.what} ({ago_text(r.stressor.months_ago)}).")
    if r.iadl_text:
        parts.append(f"Daily functioning: {r.iadl_text}")
    return " ".join(parts)


def _kidney_text(r: PsychRecord) -> str:
    body = []
    if r.weight_kg is not None:
        body.append(f"Weight {r.weight_kg:g} kg")
    if r.height_cm is not None:
        body.append(f"height {r.height_cm:g} cm")
    size = (", ".join(body) + ". ") if body else "Weight not recorded. "
    crcl = r.crcl()
    if r.creatinine_mg_dl is None:
        return size + "Serum creatinine: not recorded (creatinine clearance not recorded)."
    if crcl is None:
        return (
            size + f"Serum creatinine {r.creatinine_mg_dl:g} mg/dL; creatinine clearance "
            "not recorded (no weight)."
        )
    return (
        size + f"Serum creatinine {r.creatinine_mg_dl:g} mg/dL; creatinine clearance "
        f"(Cockcroft-Gault, actual body weight) {crcl:g} mL/min."
    )


def _ecg_text(r: PsychRecord) -> str:
    e = r.ecg
    if e is None:
        return "ECG: not recorded (QTc not recorded)."
    return (
        f"ECG: {e.rhythm}, rate {e.heart_rate}/min, QT {e.qt_ms} ms, QTc (Bazett) {r.qtc():g} ms."
    )


def _liver_text(r: PsychRecord) -> str:
    lv = r.liver
    if lv is None:
        return "Liver tests: not recorded."
    text = (
        f"Liver tests: ALT {lv.alt_u_l} U/L, AST {lv.ast_u_l} U/L, GGT {lv.ggt_u_l} U/L, "
        f"bilirubin {lv.bilirubin_mg_dl:g} mg/dL, albumin {lv.albumin_g_dl:g} g/dL, INR "
        f"{lv.inr:g}."
    )
    cp = r.child_pugh()
    if cp is not None:
        ascites = {
            "none": "no ascites",
            "mild": "mild ascites",
            "moderate_severe": "moderate ascites",
        }[lv.ascites]
        enceph = "no encephalopathy" if lv.encephalopathy == "none" else "encephalopathy"
        text += f" Cirrhosis: {ascites}, {enceph}; Child-Pugh {cp[0]} (class {cp[1]})."
    return text


@tool(kind="observe")
def get_medical_history(state: PsychState) -> str:
    """Return medical conditions, body size, kidney function, ECG, liver tests, pregnancy
    status and recent labs (a value not measured is reported as not recorded)."""
    _seen(state, "get_medical_history")
    r = state.record
    conditions = "; ".join(r.conditions) if r.conditions else "none"
    parts = [f"Medical conditions: {conditions}.", _kidney_text(r), _ecg_text(r), _liver_text(r)]
    if r.sex == "female" and r.age <= 50:
        parts.append(
            f"Pregnant, {r.pregnant_weeks} weeks."
            if r.pregnant_weeks is not None
            else "Pregnancy test negative."
        )
    parts.append("History of seizures." if r.seizure_history else "No history of seizures.")
    parts.append(f"Recent blood tests: {r.labs}")
    return " ".join(parts)


@tool(kind="observe")
def get_medications(state: PsychState) -> str:
    """List current medications and the interactions among them (project formulary)."""
    _seen(state, "get_medications")
    meds = state.record.medications
    if not meds:
        return "No regular medications."
    lines = [f"{m.name} {m.dose} ({m.indication})" for m in meds]
    pairs = [
        f"{ix.drug_a} + {ix.drug_b}: {ix.severity}, {ix.category}"
        for ix in medication_pairs(state.record)
    ]
    text = "; ".join(lines) + "."
    text += " Interactions among them: " + ("; ".join(pairs) if pairs else "none") + "."
    return text


@tool(kind="observe")
def check_prescription(state: PsychState, drug: DrugKey) -> str:
    """Check a drug you are considering against this patient's medications and record.

    Args:
        drug: the drug to check.
    """
    _seen(state, f"check_prescription:{drug}")
    r = state.record
    warnings = [f"{w.severity.upper()} - {w.text}" for w in record_warnings(r, drug)]
    minor = [
        f"{ix.severity} with {ix.other(drug)}: {ix.category} - {ix.management}"
        for ix in pair_interactions(drug, r)
        if ix.severity in ("moderate", "minor")
    ]
    minor += record_notes(r, drug)
    head = f"Check of {drug} for this patient"
    if formulary_drug(drug) is None:  # pragma: no cover - every option is in the formulary
        head += " (not in the formulary; record checks only)"
    if not warnings and not minor:
        return f"{head}: no interaction or contraindication found in the record."
    body = warnings + [f"monitor - {m}" for m in minor]
    return f"{head}: " + " | ".join(body)


@tool(kind="observe")
def mental_status_exam(state: PsychState) -> str:
    """Perform the mental status examination."""
    _seen(state, "mental_status_exam")
    return mental_state(state.record)


@tool(kind="observe")
def interview_symptoms(state: PsychState, topic: Topic) -> str:
    """Structured interview on one area: each symptom reported or denied, with duration and impact.

    Args:
        topic: mood (depressive symptoms), elevated_mood (periods of high or irritable
            mood), worry, panic, trauma, alcohol, psychosis or cognition (decline and
            everyday independence).
    """
    _seen(state, f"interview_symptoms:{topic}")
    return INTERVIEWS[topic](state.record)


@tool(terminal=True)
def submit_assessment(
    state: PsychState,
    diagnosis: Annotated[str, MaxLen(200)],
    severity: SeverityKey,
    suicide_risk: RiskKey,
    disposition: DispositionKey,
    treatment: Annotated[list[Annotated[str, MaxLen(200)]], MaxLen(12)],
) -> str:
    """Submit the assessment and initial plan. Ends the episode.

    Args:
        diagnosis: the primary DSM-5-TR diagnosis, in words (one diagnosis; 'no
            psychiatric disorder' when none is present).
        severity: DSM-5 severity specifier: for major depressive disorder by the number
            of criterion-A symptoms (5 mild, 6-7 moderate, 8-9 severe), for alcohol use
            disorder by the number of criteria (2-3 mild, 4-5 moderate, 6+ severe);
            not_applicable for every other diagnosis.
        suicide_risk: acute suicide risk (low, moderate or high).
        disposition: outpatient care, psychiatric admission, or medically managed
            (inpatient) alcohol withdrawal.
        treatment: the initial treatment, one item per entry: drugs, psychotherapies
            and the safety interventions the suicide risk calls for (empty when nothing
            is indicated).
    """
    return "Assessment submitted."


RECORD_TOOLS = [
    get_presentation,
    get_psychiatric_history,
    get_social_history,
    get_medical_history,
    get_medications,
    check_prescription,
    mental_status_exam,
    interview_symptoms,
]
