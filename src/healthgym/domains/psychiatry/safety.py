"""Safety rules of the psychiatry domain: what would harm this patient.

Targets are the grader's vocabulary: a treatment key, ``disposition:<value>``,
``risk:<value>`` or ``antidepressant_monotherapy`` (an antidepressant with no antimanic
agent in the plan).

Record-based warnings (:func:`record_warnings`; the ``check_prescription`` tool shows
them, since they follow from facts the agent can see):

* a pairwise interaction of **contraindicated** or **major** severity with a current
  medication, from the project formulary (:func:`healthgym.clinical.drugs.interaction`:
  MAOI + serotonergic drug - Boyer & Shannon, N Engl J Med 2005;352:1112-20; lithium +
  ACE inhibitor/ARB/thiazide/NSAID - Lithobid PI; two known-risk QT drugs - CredibleMeds;
  opioid + benzodiazepine - FDA boxed warning 2016) -> major;
* pregnancy: formulary pregnancy level ``contraindicated`` (valproate: boxed warning for
  major congenital malformations) -> critical, ``avoid`` (paroxetine) -> major;
* kidney function: the formulary renal band says avoid at this Cockcroft-Gault creatinine
  clearance, computed from the record's weight and serum creatinine (lithium, duloxetine
  < 30 mL/min; acamprosate <= 30 mL/min, Campral PI contraindication) -> major;
* a known-risk QT drug (CredibleMeds) with a QTc >= 500 ms, computed (Bazett) from the
  recorded ECG (Drew BJ, et al. AHA/ACCF scientific statement on torsade de pointes,
  Circulation 2010;121:1047-60) -> major;
* cirrhosis whose Child-Pugh class (computed from the liver tests) the label says to
  avoid the drug in (duloxetine, valproate; naltrexone in liver failure, ReVia PI) ->
  major; a long-acting benzodiazepine (chlordiazepoxide, diazepam) in Child-Pugh class C
  (ASAM 2020: lorazepam or oxazepam preferred; Librium PI: caution) -> major;
* naltrexone with a current opioid (naltrexone PI: contraindicated, precipitated
  withdrawal) -> major;
* bupropion with a seizure history or ongoing heavy drinking that is to stop (Wellbutrin
  PI: contraindicated in seizure disorder and abrupt alcohol discontinuation) -> major;
* a benzodiazepine with ongoing heavy drinking (NIAAA: > 14 drinks a week for men, > 7
  for women) unless it treats the alcohol withdrawal the patient is expected to have -
  ongoing drinking with a history of withdrawal, complicated or not (APA AUD guideline,
  Reus 2018: no benzodiazepines in alcohol use disorder except for withdrawal; ASAM
  Clinical Practice Guideline on Alcohol Withdrawal Management 2020: benzodiazepines,
  long-acting chlordiazepoxide or diazepam among them, are first-line for withdrawal,
  ambulatory for mild to moderate withdrawal without high-risk features) -> major;
* age >= 65 and a drug the AGS Beers Criteria 2023 say to avoid -> minor (benzodiazepines
  for alcohol withdrawal are exempt, as the Beers Criteria state).

Diagnosis-based rules (:func:`safety_rules` only; never shown before submission):

* bipolar I, current manic episode: any antidepressant -> critical; bipolar I depression:
  antidepressant monotherapy -> critical (ISBD Task Force, Pacchiarotti 2013); bipolar II
  depression: antidepressant monotherapy -> major (CANMAT/ISBD 2018: second line only);
* PTSD: benzodiazepines -> major (VA/DoD PTSD guideline 2023 recommends against);
* neurocognitive disorder: antipsychotics (FDA boxed warning, mortality in dementia),
  strongly anticholinergic drugs, benzodiazepines and Z-drugs (AGS Beers 2023
  drug-disease criteria) -> major;
* no psychiatric disorder: any psychotropic drug -> minor (no indication);
* high acute suicide risk: a disposition other than psychiatric admission -> critical;
  risk stated as low or moderate -> major; a current manic episode, psychosis with
  danger or grave disability, or complicated-withdrawal risk managed as an outpatient
  -> major.
"""

from __future__ import annotations

from dataclasses import dataclass

from healthgym.clinical.drugs.model import Drug, Interaction, is_avoid_text

from ...tasks import SafetyRule
from . import formulary as psych_formulary
from .conditions import AnswerKey, Variant, alcohol_withdrawal_expected
from .records import PsychRecord
from .treatments import DRUG_KEYS, TREATMENTS, in_class, keys_in

_RANK = {"minor": 1, "major": 2, "critical": 3}
# long-acting benzodiazepines (active metabolites): ASAM 2020 prefers lorazepam or
# oxazepam in severe liver disease and older adults
LONG_ACTING_BENZODIAZEPINES = ("chlordiazepoxide", "diazepam")


@dataclass(frozen=True)
class DrugWarning:
    code: str
    severity: str
    text: str


def formulary_drug(key: str) -> Drug | None:
    """The drug's entry: the project formulary, else psychiatry's label supplement."""
    return psych_formulary.get(key)


def current_opioid(record: PsychRecord) -> str | None:
    for m in record.medications:
        d = formulary_drug(m.name)
        if d is not None and d.group == "opioid":
            return m.name
    return None


def heavy_drinking(record: PsychRecord) -> bool:
    limit = 14 if record.sex == "male" else 7
    return record.alcohol.ongoing and record.alcohol.drinks_per_week > limit


def pair_interactions(key: str, record: PsychRecord) -> list[Interaction]:
    """Formulary interactions of a proposed drug with each current medication."""
    if formulary_drug(key) is None:
        return []
    found = []
    for m in record.medications:
        ix = psych_formulary.interaction(key, m.name)
        if ix is not None:
            found.append(ix)
    return found


def medication_pairs(record: PsychRecord) -> list[Interaction]:
    """Formulary interactions among the current medications."""
    names = [m.name for m in record.medications if formulary_drug(m.name) is not None]
    found = []
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            ix = psych_formulary.interaction(a, b)
            if ix is not None:
                found.append(ix)
    return found


def withdrawal_treatment(record: PsychRecord, key: str) -> bool:
    """A benzodiazepine for the alcohol withdrawal this patient is expected to have
    (ASAM 2020: benzodiazepines are first-line for alcohol withdrawal)."""
    return in_class(key, "benzodiazepine") and alcohol_withdrawal_expected(record)


def record_warnings(record: PsychRecord, key: str) -> list[DrugWarning]:
    """Harms of prescribing ``key`` to this patient that follow from the record's facts.

    A value the record does not hold (creatinine, ECG, liver tests) fires no rule:
    there is no default.
    """
    out: list[DrugWarning] = []
    for ix in pair_interactions(key, record):
        if ix.severity in ("contraindicated", "major"):
            other = ix.other(key)
            out.append(
                DrugWarning(
                    "drug_interaction", "major", f"{ix.severity} with {other}: {ix.category}"
                )
            )
    d = formulary_drug(key)
    withdrawal_use = withdrawal_treatment(record, key)
    crcl, qtc, liver = record.crcl(), record.qtc(), record.child_pugh()
    if d is not None:
        if record.pregnant_weeks is not None and d.pregnancy[0] in ("contraindicated", "avoid"):
            sev = "critical" if d.pregnancy[0] == "contraindicated" else "major"
            out.append(
                DrugWarning("pregnancy", sev, f"pregnancy: {d.pregnancy[0]} ({d.pregnancy[1]})")
            )
        if d.renal is not None and d.renal.basis == "crcl" and crcl is not None:
            band = d.renal.band_for(crcl)
            if band.action == "avoid":
                text = (
                    f"{band.dose}; CrCl {crcl:g} mL/min"
                    if "contraindicated" in band.dose
                    else f"avoid at CrCl {crcl:g} mL/min (label)"
                )
                out.append(DrugWarning("renal", "major", text))
        if d.qt_risk == "known" and qtc is not None and qtc >= 500:
            out.append(
                DrugWarning("qt_prolongation", "major", f"known TdP risk with QTc {qtc:g} ms")
            )
        if liver is not None and d.hepatic_avoid(liver[1]):  # type: ignore[arg-type]
            guidance = _hepatic_guidance(d, liver[1])
            out.append(
                DrugWarning(
                    "hepatic", "major", f"Child-Pugh class {liver[1]} cirrhosis: {guidance}"
                )
            )
        if record.age >= 65 and d.beers_avoid and not withdrawal_use:
            out.append(
                DrugWarning("beers", "minor", "AGS Beers Criteria 2023: avoid in older adults")
            )
    if key in LONG_ACTING_BENZODIAZEPINES and liver is not None and liver[1] == "C":
        out.append(
            DrugWarning(
                "hepatic",
                "major",
                "long-acting benzodiazepine in Child-Pugh class C cirrhosis: lorazepam or "
                "oxazepam preferred (ASAM 2020; label: caution in hepatic impairment)",
            )
        )
    opioid = current_opioid(record)
    if d is None and in_class(key, "benzodiazepine") and opioid:  # the formulary covers its own
        out.append(
            DrugWarning("drug_interaction", "major", f"CNS depression with {opioid} (FDA 2016)")
        )
    if key == "naltrexone" and opioid:
        out.append(
            DrugWarning(
                "opioid_antagonist",
                "major",
                f"contraindicated with {opioid}: precipitates withdrawal (label)",
            )
        )
    if key == "bupropion" and (record.seizure_history or heavy_drinking(record)):
        reason = "seizure history" if record.seizure_history else "heavy drinking to be stopped"
        out.append(DrugWarning("seizure_threshold", "major", f"lowers seizure threshold: {reason}"))
    if in_class(key, "benzodiazepine") and heavy_drinking(record) and not withdrawal_use:
        out.append(
            DrugWarning("alcohol_benzodiazepine", "major", "ongoing heavy drinking (APA 2018)")
        )
    return out


def _hepatic_guidance(d: Drug, cp_class: str) -> str:
    """The label's hepatic guidance for this class (the most specific class <= it)."""
    for c in "CBA"["CBA".index(cp_class) :]:
        if c in d.hepatic:
            return d.hepatic[c]
    return ""


def record_notes(record: PsychRecord, key: str) -> list[str]:
    """Cautions that change how (not whether) ``key`` is given, and values not recorded.

    Shown by ``check_prescription`` as "monitor" lines; they are not safety rules.
    Renal dose bands and hepatic guidance from the label (formulary); ASAM 2020 for
    long-acting benzodiazepines in older adults.
    """
    d = formulary_drug(key)
    if d is None:
        return []
    notes: list[str] = []
    crcl, qtc, liver = record.crcl(), record.qtc(), record.child_pugh()
    if d.renal is not None:
        if crcl is None:
            notes.append("kidney function not recorded: the label doses by creatinine clearance")
        else:
            band = d.renal.band_for(crcl)
            if band.action == "reduce":
                notes.append(f"renal dose at CrCl {crcl:g} mL/min: {band.dose} (label)")
    if d.qt_risk == "known" and qtc is None:
        notes.append("known TdP risk (CredibleMeds): QTc not recorded")
    if liver is not None and not d.hepatic_avoid(liver[1]):  # type: ignore[arg-type]
        guidance = _hepatic_guidance(d, liver[1])
        if guidance:
            notes.append(f"Child-Pugh class {liver[1]} cirrhosis: {guidance}")
    if record.liver is None and any(is_avoid_text(g) for g in d.hepatic.values()):
        notes.append("liver tests not recorded (the label restricts use in liver disease)")
    if key in LONG_ACTING_BENZODIAZEPINES and record.age >= 65:
        notes.append("older adult: lorazepam or oxazepam may be preferred (ASAM 2020)")
    return notes


def _diagnosis_rules(variant: Variant, key: AnswerKey) -> list[SafetyRule]:
    rules: list[SafetyRule] = []

    def add(code: str, severity: str, targets: list[str], reason: str) -> None:
        rules.extend(
            SafetyRule(code=code, severity=severity, target=t, reason=reason)  # type: ignore[arg-type]
            for t in targets
        )

    ads = keys_in("antidepressant")
    if variant.diagnosis == "bipolar_i_disorder" and variant.episode == "manic":
        add(
            "antidepressant_in_mania",
            "critical",
            ads,
            "antidepressant during a manic episode (ISBD Task Force 2013)",
        )
    elif variant.diagnosis == "bipolar_i_disorder":
        add(
            "antidepressant_monotherapy_bipolar",
            "critical",
            ["antidepressant_monotherapy"],
            "antidepressant without an antimanic agent in bipolar I (ISBD Task Force 2013)",
        )
    elif variant.diagnosis == "bipolar_ii_disorder":
        add(
            "antidepressant_monotherapy_bipolar",
            "major",
            ["antidepressant_monotherapy"],
            "antidepressant monotherapy in bipolar II depression (CANMAT/ISBD 2018)",
        )
    if variant.diagnosis == "posttraumatic_stress_disorder":
        add(
            "benzodiazepine_in_ptsd",
            "major",
            keys_in("benzodiazepine"),
            "benzodiazepines in PTSD (VA/DoD 2023 recommends against)",
        )
    if variant.diagnosis in ("mild_neurocognitive_disorder", "major_neurocognitive_disorder"):
        harmful = keys_in("antipsychotic") + keys_in("anticholinergic")
        harmful += [*keys_in("benzodiazepine"), "zolpidem"]
        add(
            "cognitive_impairment_drug",
            "major",
            sorted(set(harmful)),
            "antipsychotic, anticholinergic or sedative in cognitive impairment "
            "(FDA boxed warning; AGS Beers 2023)",
        )
    if variant.diagnosis == "no_psychiatric_disorder":
        add("no_indication", "minor", list(DRUG_KEYS), "psychotropic drug without a disorder")
    if key.risk == "high":
        add(
            "missed_high_suicide_risk",
            "critical",
            ["disposition:outpatient", "disposition:medically_managed_withdrawal"],
            "high acute suicide risk needs psychiatric admission (VA/DoD 2019)",
        )
        add(
            "risk_underestimated",
            "major",
            ["risk:low", "risk:moderate"],
            "high acute suicide risk stated lower (Columbia Protocol)",
        )
    elif key.disposition != "outpatient":
        reason = {
            "psychiatric_admission": "mania or dangerous psychosis managed as an outpatient "
            "(APA 2002, 2004)",
            "medically_managed_withdrawal": "complicated withdrawal risk managed as an "
            "outpatient (ASAM 2020)",
        }[key.disposition]
        add("unsafe_setting", "major", ["disposition:outpatient"], reason)
    return rules


def safety_rules(variant: Variant, key: AnswerKey, record: PsychRecord) -> list[SafetyRule]:
    """Every rule for this patient, one per target (the most severe one kept)."""
    rules = _diagnosis_rules(variant, key)
    for drug in DRUG_KEYS:
        rules += [
            SafetyRule(code=w.code, severity=w.severity, target=drug, reason=w.text)  # type: ignore[arg-type]
            for w in record_warnings(record, drug)
        ]
    best: dict[str, SafetyRule] = {}
    for r in rules:
        if r.target not in best or _RANK[r.severity] > _RANK[best[r.target].severity]:
            best[r.target] = r
    return sorted(best.values(), key=lambda r: r.target)


def answer_targets(treatment: list[str], disposition: str, risk: str) -> set[str]:
    """The safety targets a submitted answer hits."""
    plan = {t for t in treatment if t in TREATMENTS}
    targets = set(plan) | {f"disposition:{disposition}", f"risk:{risk}"}
    if any(in_class(t, "antidepressant") for t in plan) and not any(
        in_class(t, "antimanic") for t in plan
    ):
        targets.add("antidepressant_monotherapy")
    return targets


def safe_groups(groups: tuple[tuple[str, ...], ...], rules: list[SafetyRule]) -> list[list[str]]:
    """Each group's options with every option that hits a safety rule removed."""
    unsafe = {r.target for r in rules}
    return [[o for o in g if o not in unsafe] for g in groups]


def safe_add_ons(add_ons: tuple[str, ...], rules: list[SafetyRule]) -> list[str]:
    """The accepted add-ons that hit no safety rule (a harmful extra still counts)."""
    unsafe = {r.target for r in rules}
    return [o for o in add_ons if o not in unsafe]
