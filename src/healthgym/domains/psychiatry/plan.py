"""Psychiatry plans graded as sets: recall, precision, and harmful extras.

A plan (free-text items, read by :func:`.answers.read_plan`) prescribes a set of
treatments; items that only withhold ("avoid benzodiazepines", "do not start lithium")
prescribe nothing.  Each prescribed treatment is

* **required** - an option of one of the task's treatment groups (safe first-line
  options, ``conditions.treatment_groups``);
* **neutral** - a guideline-endorsed add-on for this patient
  (``conditions.accepted_add_ons`` with ``conditions.ADD_ON_SOURCES``), or the
  continuation of a medicine the patient already takes;
* **extra** - anything else: another psychotropic, a drug or procedure of the shared
  vocabulary with no indication here, a bare class ("an SSRI": no agent chosen), or an
  item that names no treatment at all.  Extras lower precision.

Harmful plans are safety violations found with the shared drug knowledge, besides the
task's own rules (``safety.py``):

* ``duplicate_class`` (major) - two agents of one class started together: two
  antidepressants, two antipsychotics, two benzodiazepines, two cholinesterase
  inhibitors (ISMP: therapeutic duplication, Medication Safety Alert 2019; APA Practice
  Guideline for Schizophrenia 3rd ed. 2020 - antipsychotic monotherapy, polypharmacy only
  after clozapine; NICE NG222 2022 - one antidepressant at a time, combinations only
  after an inadequate response; AGS Beers Criteria 2023 - avoid >= 3 CNS-active drugs).
  Alternatives offered in one item ("sertraline or escitalopram") and a switch ("taper
  X then start Y") are not duplicates;
* ``drug_interaction`` - a prescribed drug that interacts with another prescribed drug
  or a home medication in the shared interaction table
  (:func:`.formulary.interaction`, the project table plus label-derived pairs):
  contraindicated -> critical, major -> major.  Pairs a task rule already covers (an
  option of psychiatry's own list against a home medication) are not raised twice;
* record-based harms of a drug outside psychiatry's list (pregnancy, kidney function,
  QTc, liver, Beers; :func:`.safety.record_warnings`, the same rules ``check_prescription``
  applies);
* ``unindicated_high_risk`` (major) - an anticoagulant or thrombolytic (ISMP List of
  High-Alert Medications in Acute Care Settings, 2018) or an invasive procedure with no
  indication in a psychiatric assessment.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...clinical.drugs import drugs as formulary_drugs
from ...clinical.drugs import normalize_name
from ...clinical.treatments import TREATMENTS as SHARED_TREATMENTS
from ...rewards import Violation
from . import formulary as psych_formulary
from .answers import ItemReading, read_plan
from .records import PsychRecord
from .safety import record_warnings
from .treatments import TREATMENTS, in_class

DUPLICATE_CLASSES = (
    "antidepressant",
    "antipsychotic",
    "benzodiazepine",
    "cholinesterase_inhibitor",
)
# formulary therapeutic groups (healthgym.clinical.drugs) -> duplicate-therapy class
FORMULARY_GROUP_CLASS = {
    "ssri": "antidepressant",
    "snri": "antidepressant",
    "tca": "antidepressant",
    "maoi": "antidepressant",
    "tetracyclic_antidepressant": "antidepressant",
    "sari": "antidepressant",
    "atypical_antipsychotic": "antipsychotic",
    "typical_antipsychotic": "antipsychotic",
    "benzodiazepine": "benzodiazepine",
}
_HIGH_ALERT = {"tx:alteplase", "tx:tenecteplase", "tx:bivalirudin", "tx:insulin_infusion"}


def drug_name(key: str) -> str | None:
    """Formulary name of a prescribed key (psychiatry's drug, ``rx:`` or a shared drug)."""
    if key in TREATMENTS:
        return key if TREATMENTS[key].kind == "drug" else None
    if key.startswith("rx:"):
        return key[3:]
    if key.startswith("tx:"):
        t = SHARED_TREATMENTS.get(key[3:])
        if t is not None and t.kind == "drug":
            return normalize_name(t.name)
    return None


def is_drug(key: str) -> bool:
    if key in TREATMENTS:
        return TREATMENTS[key].kind == "drug"
    if key.startswith("rx:"):
        return True
    t = SHARED_TREATMENTS.get(key.removeprefix("tx:"))
    return t is not None and t.kind == "drug"


def drug_class(key: str) -> str | None:
    """The duplicate-therapy class of a drug key, if any (:data:`DUPLICATE_CLASSES`)."""
    for cls in DUPLICATE_CLASSES:
        if in_class(key, cls):
            return cls
    d = formulary_drugs().get(drug_name(key) or "")
    return None if d is None else FORMULARY_GROUP_CLASS.get(d.group)


def high_risk(key: str) -> bool:
    if key in _HIGH_ALERT:
        return True
    t = SHARED_TREATMENTS.get(key.removeprefix("tx:"))
    if key.startswith("tx:") and t is not None and t.kind == "procedure":
        return True
    d = formulary_drugs().get(drug_name(key) or "")
    return d is not None and d.bleeding >= 3


def home_keys(record: PsychRecord) -> set[str]:
    """Keys under which the patient's current medicines would be read."""
    out: set[str] = set()
    for m in record.medications:
        name = normalize_name(m.name) or m.name
        out.add(name if name in TREATMENTS else f"rx:{name}")
    return out


@dataclass
class PlanGrade:
    score: float
    coverage: float
    precision: float
    planned: set[str]
    required: list[str]
    neutral: list[str]
    extras: list[str]
    withheld: list[str]
    violations: list[Violation] = field(default_factory=list)


def _duplicates(items: list[ItemReading]) -> list[tuple[str, str, str]]:
    flat = [(i, k, h) for i, item in enumerate(items) for k, h in item.given if is_drug(k)]
    out: set[tuple[str, str, str]] = set()
    for x, (i, a, ha) in enumerate(flat):
        for j, b, hb in flat[x + 1 :]:
            if a == b:
                continue
            ca, cb = drug_class(a), drug_class(b)
            if ca is None or ca != cb:
                continue
            if i == j and (items[i].alternatives or items[i].sequence or ha or hb):
                continue
            a2, b2 = sorted((a, b))
            out.add((a2, b2, ca))
    return sorted(out)


def grade_plan(
    plan: object,
    groups: list[list[str]],
    add_ons: list[str] | tuple[str, ...],
    record: PsychRecord,
    rule_targets: set[str],
) -> PlanGrade:
    """Score ``coverage x (0.5 + 0.5 x precision)``, the sets, and harmful extras."""
    items = read_plan(plan)
    planned = {k for item in items for k, _ in item.given}
    accepted = {o for g in groups for o in g}
    home = home_keys(record)
    neutral_keys = (set(add_ons) | home) - accepted - rule_targets
    covered = sum(1 for g in groups if planned & set(g))
    coverage = covered / len(groups) if groups else 1.0
    required = sorted(planned & accepted)
    neutral = sorted(planned & neutral_keys)
    extras = sorted(planned - accepted - neutral_keys)
    # items that prescribe no agent: a bare class or nothing recognisable (not a withholding)
    vague = [it.text for it in items if not it.given and (it.classes or it.unrecognised)]
    counted = len(required) + len(extras) + len(vague)
    precision = len(required) / counted if counted else 1.0
    score = coverage * (0.5 + 0.5 * precision)

    violations: list[Violation] = []
    for a, b, cls in _duplicates(items):
        violations.append(
            Violation(
                "duplicate_class",
                "major",
                f"{a} + {b}: two {cls.replace('_', ' ')}s started together (therapeutic "
                "duplication)",
            )
        )
    home_names = {normalize_name(m.name) or m.name for m in record.medications}
    names = {k: drug_name(k) for k in planned}
    flagged: set[frozenset[str]] = set()
    for k in sorted(planned):
        nk = names[k]
        if nk is None:
            continue
        others = {names[o] for o in planned if o != k and names[o]} | home_names
        for other in sorted(o for o in others if o and o != nk):
            pair = frozenset((nk, other))
            if pair in flagged or (nk in home_names and other in home_names):
                continue
            if k in TREATMENTS and other in home_names and other not in names.values():
                continue  # a task rule (record_warnings) covers psychiatry's option + home
            ix = psych_formulary.interaction(nk, other)
            if ix is None or ix.severity not in ("contraindicated", "major"):
                continue
            flagged.add(pair)
            sev = "critical" if ix.severity == "contraindicated" else "major"
            violations.append(
                Violation("drug_interaction", sev, f"{nk} + {other}: {ix.severity}, {ix.category}")
            )
    for k in extras:
        nk = names.get(k)
        if nk is not None and not high_risk(k):
            # a drug started with no indication for this patient's disorder (STOPP/START
            # v2, criterion A1: "any drug prescribed without an evidence-based clinical
            # indication"; O'Mahony D et al., Age Ageing 2015;44:213-8)
            violations.append(
                Violation(
                    "no_indication",
                    "minor",
                    f"{nk}: started with no indication for this patient's disorder",
                )
            )
        if k in TREATMENTS:
            continue  # psychiatry's own options: the task's rules hold their record harms
        if nk is not None and psych_formulary.get(nk) is not None:
            for w in record_warnings(record, nk):
                if w.code == "drug_interaction":
                    continue  # raised above from the shared table
                violations.append(Violation(w.code, w.severity, f"{nk}: {w.text}"))  # type: ignore[arg-type]
        if high_risk(k):
            violations.append(
                Violation(
                    "unindicated_high_risk",
                    "major",
                    f"{k.split(':', 1)[-1]}: high-alert medication or invasive procedure with "
                    "no indication in this patient",
                )
            )
    withheld = sorted({w for it in items for w in it.withheld} - planned)
    return PlanGrade(
        score=score,
        coverage=coverage,
        precision=precision,
        planned=planned,
        required=required,
        neutral=neutral,
        extras=extras + vague,
        withheld=withheld,
        violations=violations,
    )
