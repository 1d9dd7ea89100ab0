"""Grader of the psychiatry domain: diagnosis, severity, risk, disposition, treatment.

Accuracy (deterministic, in [0, 1]):

    0.45 * diagnosis + 0.10 * severity + 0.25 * treatment + 0.10 * risk + 0.10 * disposition

* *diagnosis*: the free-text diagnosis, read by meaning (:func:`.answers.read_diagnosis`:
  names, synonyms and abbreviations - MDD, major depression, bipolar 2, PTSD, alcohol
  dependence ...), commits to the task's diagnosis: a negated one, two at once or a
  hedged one ("possible PTSD") is wrong;
* *severity* and *treatment* count only with the right diagnosis (they depend on it);
  severity must equal the DSM-5 specifier (``not_applicable`` for diagnoses without one),
  and a severity the diagnosis text states ("MDD, single episode, severe") must agree;
* *treatment* = coverage x (0.5 + 0.5 x precision) over the free-text plan read by
  :func:`.plan.grade_plan` (items that only withhold - "avoid benzodiazepines", "do not
  start lithium" - prescribe nothing): coverage is the fraction of the
  task's treatment groups (safe first-line options, see ``conditions.treatment_groups``)
  the plan satisfies; precision is the fraction of prescribed treatments that belong to
  some group (1 for an empty plan), so listing every option or adding unrelated drugs,
  procedures or vague items does not pay; home medications continued and accepted add-ons
  (``conditions.accepted_add_ons``: lethal means counselling at moderate or high risk,
  VA/DoD 2019; psychoeducation in bipolar disorder, CANMAT/ISBD 2018; motivational
  interviewing in alcohol use disorder, APA 2018/NIAAA; a benzodiazepine for expected
  alcohol withdrawal, ASAM 2020) are neutral, unless a safety rule makes them harmful;
* *risk* and *disposition* are exact matches.

Safety: each rule of the task (``safety.py``) whose target the answer hits - a
treatment key, ``disposition:<value>``, ``risk:<value>`` or
``antidepressant_monotherapy`` - is a violation of the rule's severity; a drug of the
shared formulary in a class a diagnosis rule forbids (a tricyclic in mania) hits that
rule; and harmful extras found with the shared drug knowledge (:mod:`.plan`: duplicate
class, interactions with other planned drugs or home medications, record-based harms of
drugs outside psychiatry's list, unindicated high-alert drugs or procedures).

Coherence checks (answer consistent with what the agent saw and judged in this episode):
``diagnosis_supported`` - the agent's own criterion judgments, passed to
``dsm5_checklist``, meet the criteria set of the submitted diagnosis (the manic episode
set for bipolar I, the hypomanic for bipolar II, the major or mild form of the
neurocognitive set, with a MoCA or MMSE administered; the presentation for no disorder);
``severity_consistent`` (major depression or alcohol use disorder) - the severity matches
the count the agent passed to the checklist; ``risk_assessed`` - the C-SSRS was
administered; ``risk_consistent`` - the stated risk is the Columbia triage of the
answers the agent was shown; ``medications_reviewed`` (when a drug is prescribed) - the
medication list was read.

Validity rule: *tools observe and compute; the agent judges*.  Observe tools return
facts (symptoms reported or denied with durations, episodes, item answers, histories,
risk and protective factors); compute tools apply published arithmetic to what the
agent passed or was already shown (questionnaire totals; DSM-5-TR counting rules over
the agent's criterion judgments); reference tools print constant frameworks (Columbia
triage, disposition criteria, cut-offs).  No tool states a diagnosis, a criterion
verdict from the record, a risk level or a disposition, so every graded part is the
agent's judgment.  ``check_prescription`` shows only record-based harms, not
diagnosis-based ones (antidepressants in bipolar disorder, antipsychotics in
neurocognitive disorder), which the agent must know.
"""

from __future__ import annotations

from ...episode import EpisodeLog
from ...rewards import Grade, Violation
from ...tasks import Task
from .answers import SEVERITY_DIAGNOSES, DiagnosisReading, read_diagnosis
from .conditions import aud_severity, mdd_severity
from .plan import drug_class, grade_plan, is_drug
from .records import PsychState
from .risk import acute_risk
from .safety import answer_targets
from .treatments import TREATMENTS, in_class

WEIGHTS = {
    "diagnosis": 0.45,
    "severity": 0.10,
    "treatment": 0.25,
    "risk": 0.10,
    "disposition": 0.10,
}
# diagnosis -> the checklist verdict (over the agent's judgments) that supports it
SUPPORT: dict[str, str] = {
    "major_depressive_disorder": "major_depressive_episode",
    "generalized_anxiety_disorder": "generalized_anxiety",
    "posttraumatic_stress_disorder": "posttraumatic_stress",
    "bipolar_i_disorder": "manic_episode",
    "bipolar_ii_disorder": "hypomanic_episode",
    "panic_disorder": "panic",
    "alcohol_use_disorder": "alcohol_use",
    "schizophrenia": "psychosis",
    "mild_neurocognitive_disorder": "neurocognitive_mild",
    "major_neurocognitive_disorder": "neurocognitive_major",
    "adjustment_disorder": "adjustment",
}
COGNITIVE_TESTS = {"administer_moca", "administer_mmse"}
# diagnosis rules written per option of a class (safety._diagnosis_rules)
CLASS_RULE_CODES = frozenset(
    {
        "antidepressant_in_mania",
        "benzodiazepine_in_ptsd",
        "cognitive_impairment_drug",
        "no_indication",
    }
)


def treatment_score(
    plan: list[str], groups: list[list[str]], add_ons: list[str] | tuple[str, ...] = ()
) -> tuple[float, float, float]:
    """(score, coverage, precision) of a plan of treatment keys against the task's groups.

    Accepted add-ons (guideline-endorsed extras, ``conditions.accepted_add_ons``) that are
    in no group are neutral: left out of the precision's numerator and denominator.
    (Submitted plans are free text: :func:`.plan.grade_plan` reads them.)
    """
    accepted = {o for g in groups for o in g}
    items = set(plan) - (set(add_ons) - accepted)
    covered = sum(1 for g in groups if items & set(g))
    coverage = covered / len(groups) if groups else 1.0
    precision = len(items & accepted) / len(items) if items else 1.0
    return coverage * (0.5 + 0.5 * precision), coverage, precision


def severity_correct(reading: DiagnosisReading, stated: object, truth: str, dx: str) -> bool:
    """The severity field is right and the diagnosis text states no other severity."""
    if stated != truth:
        return False
    return reading.severity is None or dx not in SEVERITY_DIAGNOSES or reading.severity == truth


def class_rule_violations(task: Task, planned: set[str]) -> list[Violation]:
    """Diagnosis rules written for psychiatry's options of a class (antidepressants in
    mania, benzodiazepines in PTSD, antipsychotics in cognitive impairment, psychotropics
    without a disorder), applied to a drug of that class from the shared formulary."""
    out: list[Violation] = []
    outside = {drug_class(k) for k in planned if k not in TREATMENTS and drug_class(k)}
    seen: set[str] = set()
    for r in task.safety:
        if r.code in CLASS_RULE_CODES and r.code not in seen and drug_class(r.target) in outside:
            seen.add(r.code)
            out.append(Violation(r.code, r.severity, f"{drug_class(r.target)}: {r.reason}"))
    return out


def _targets(planned: set[str], answer: dict) -> set[str]:
    targets = answer_targets(
        sorted(planned), str(answer.get("disposition")), str(answer.get("suicide_risk"))
    )
    antidepressant = any(drug_class(k) == "antidepressant" for k in planned)
    antimanic = any(in_class(k, "antimanic") or drug_class(k) == "antipsychotic" for k in planned)
    if antidepressant and not antimanic:
        targets.add("antidepressant_monotherapy")
    return targets


def _coherence(
    answer: dict, state: PsychState, diagnosis: str, planned: set[str]
) -> dict[str, bool]:
    seen = state.seen
    if diagnosis == "no_psychiatric_disorder":
        supported = "get_presentation" in seen
    else:
        supported = state.checklist_met.get(SUPPORT.get(diagnosis, ""), False)
        if diagnosis.endswith("neurocognitive_disorder"):
            supported = supported and bool(COGNITIVE_TESTS & seen)
    checks = {"diagnosis_supported": supported}
    counts = state.checklist_counts
    if diagnosis == "major_depressive_disorder":
        n = counts.get("major_depressive_episode")
        checks["severity_consistent"] = n is not None and mdd_severity(n) == answer.get("severity")
    elif diagnosis == "alcohol_use_disorder":
        n = counts.get("alcohol_use")
        checks["severity_consistent"] = n is not None and aud_severity(n) == answer.get("severity")
    checks["risk_assessed"] = "cssrs" in state.results
    if "cssrs" in state.results:
        level = acute_risk(int(state.results["cssrs"]))
        checks["risk_consistent"] = level == answer.get("suicide_risk")
    if any(is_drug(k) for k in planned):
        checks["medications_reviewed"] = "get_medications" in seen
    return checks


def grade(task: Task, state: PsychState, log: EpisodeLog) -> Grade:
    answer = log.answer
    if answer is None:
        return Grade(accuracy=0.0, details={"diagnosis_correct": False})
    g = task.grader
    reading = read_diagnosis(answer.get("diagnosis"))
    dx = reading.key == g["diagnosis"]
    rule_targets = {r.target for r in task.safety}
    plan = grade_plan(
        answer.get("treatment", []),
        g["treatment_groups"],
        g.get("accepted_add_ons", ()),
        state.record,
        rule_targets,
    )
    parts = {
        "diagnosis": float(dx),
        "severity": float(
            dx and severity_correct(reading, answer.get("severity"), g["severity"], g["diagnosis"])
        ),
        "treatment": plan.score if dx else 0.0,
        "risk": float(answer.get("suicide_risk") == g["suicide_risk"]),
        "disposition": float(answer.get("disposition") == g["disposition"]),
    }
    accuracy = sum(WEIGHTS[k] * v for k, v in parts.items())
    targets = _targets(plan.planned, answer)
    violations = [
        Violation(r.code, r.severity, f"{r.target}: {r.reason}")
        for r in task.safety
        if r.target in targets
    ]
    violations += class_rule_violations(task, plan.planned)
    task_no_indication = any(v.code == "no_indication" for v in violations)
    violations += [  # the task's own no-indication rule already covers a drug-free disorder
        v for v in plan.violations if not (v.code == "no_indication" and task_no_indication)
    ]
    return Grade(
        accuracy=round(accuracy, 6),
        violations=violations,
        coherence_checks=_coherence(answer, state, reading.key or "", plan.planned),
        details={
            "diagnosis_correct": dx,
            "submitted_diagnosis": reading.key,
            "diagnosis_negated": list(reading.negated),
            "diagnosis_hedged": reading.hedged,
            "diagnosis_asserted": list(reading.asserted),
            "parts": parts,
            "treatment_coverage": plan.coverage,
            "treatment_precision": plan.precision,
            "treatment_required": plan.required,
            "treatment_neutral": plan.neutral,
            "treatment_extras": plan.extras,
            "treatment_withheld": plan.withheld,
        },
    )
