"""Conditions of the psychiatry domain and the answer key each one implies.

A *variant* is a condition with its DSM-5 severity (``mdd_moderate`` ...); whether a
depressed patient has suicidal ideation is drawn per patient (``generator.py``).  For a
generated patient, :func:`answer_key` derives the expected answer from the record's
facts with the rules below; the reference solution and the grader both use it.

* **Severity** (DSM-5-TR specifiers): major depressive disorder by the number of
  criterion-A symptoms - this environment's operationalisation of the DSM-5 text ("mild:
  few, if any, symptoms in excess of those required"; "severe: the number of symptoms
  is substantially in excess"): 5 mild, 6-7 moderate, 8-9 severe; alcohol use disorder
  by the number of the 11 criteria: 2-3 mild, 4-5 moderate, >= 6 severe.  Every other
  diagnosis: ``not_applicable``.
* **Disposition**: ``psychiatric_admission`` for high acute suicide risk (VA/DoD 2019;
  Wortzel 2014), a current manic episode (APA Practice Guideline for Bipolar Disorder,
  2nd ed., 2002: hospitalisation for severe mania, dangerousness or psychosis) or
  psychosis with danger to others or grave disability (APA Practice Guideline for
  Schizophrenia, 2nd ed., 2004); ``medically_managed_withdrawal`` for ongoing drinking
  with a history of withdrawal seizures or delirium tremens (ASAM Clinical Practice
  Guideline on Alcohol Withdrawal Management, 2020); ``outpatient`` otherwise.
* **Treatment groups** (each satisfied by any one of its options, listed in order of
  preference; see :func:`treatment_groups` for the sources), and **accepted add-ons**
  (:func:`accepted_add_ons`): guideline-endorsed extras that do not lower the score.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .records import PsychRecord
from .risk import RiskLevel, risk_of
from .symptoms import AUD_CRITERIA, MDD_A, keys

DIAGNOSES: dict[str, str] = {
    "major_depressive_disorder": "Major depressive disorder",
    "generalized_anxiety_disorder": "Generalized anxiety disorder",
    "posttraumatic_stress_disorder": "Posttraumatic stress disorder",
    "bipolar_i_disorder": "Bipolar I disorder",
    "bipolar_ii_disorder": "Bipolar II disorder",
    "panic_disorder": "Panic disorder",
    "alcohol_use_disorder": "Alcohol use disorder",
    "schizophrenia": "Schizophrenia",
    "mild_neurocognitive_disorder": "Mild neurocognitive disorder",
    "major_neurocognitive_disorder": "Major neurocognitive disorder",
    "adjustment_disorder": "Adjustment disorder",
    "no_psychiatric_disorder": "No psychiatric disorder",
}
SEVERITIES = ("not_applicable", "mild", "moderate", "severe")
DISPOSITIONS = ("outpatient", "psychiatric_admission", "medically_managed_withdrawal")
Disposition = Literal["outpatient", "psychiatric_admission", "medically_managed_withdrawal"]


@dataclass(frozen=True)
class Variant:
    key: str
    diagnosis: str
    severity: str = "not_applicable"
    episode: str = ""  # bipolar: "manic" or "depressed"


VARIANTS: tuple[Variant, ...] = (
    Variant("mdd_mild", "major_depressive_disorder", "mild"),
    Variant("mdd_moderate", "major_depressive_disorder", "moderate"),
    Variant("mdd_severe", "major_depressive_disorder", "severe"),
    Variant("gad", "generalized_anxiety_disorder"),
    Variant("ptsd", "posttraumatic_stress_disorder"),
    Variant("bipolar_i_manic", "bipolar_i_disorder", episode="manic"),
    Variant("bipolar_i_depressed", "bipolar_i_disorder", episode="depressed"),
    Variant("bipolar_ii_depressed", "bipolar_ii_disorder", episode="depressed"),
    Variant("panic", "panic_disorder"),
    Variant("aud_mild", "alcohol_use_disorder", "mild"),
    Variant("aud_moderate", "alcohol_use_disorder", "moderate"),
    Variant("aud_severe", "alcohol_use_disorder", "severe"),
    Variant("schizophrenia", "schizophrenia"),
    Variant("mild_ncd", "mild_neurocognitive_disorder"),
    Variant("major_ncd", "major_neurocognitive_disorder"),
    Variant("adjustment", "adjustment_disorder"),
    Variant("no_disorder", "no_psychiatric_disorder"),
)
VARIANT_BY_KEY = {v.key: v for v in VARIANTS}


def mdd_severity(n_symptoms: int) -> str:
    """DSM-5 specifier from the criterion-A count (5 mild, 6-7 moderate, 8-9 severe)."""
    if n_symptoms < 5:
        return "not_applicable"
    return "mild" if n_symptoms == 5 else "moderate" if n_symptoms <= 7 else "severe"


def aud_severity(n_criteria: int) -> str:
    """DSM-5 alcohol use disorder severity: 2-3 mild, 4-5 moderate, >= 6 severe."""
    if n_criteria < 2:
        return "not_applicable"
    return "mild" if n_criteria <= 3 else "moderate" if n_criteria <= 5 else "severe"


def severity_of(diagnosis: str, record: PsychRecord) -> str:
    if diagnosis == "major_depressive_disorder":
        return mdd_severity(record.count(keys(MDD_A)))
    if diagnosis == "alcohol_use_disorder":
        return aud_severity(record.count(keys(AUD_CRITERIA)))
    return "not_applicable"


def complicated_withdrawal_risk(record: PsychRecord) -> bool:
    """Ongoing drinking with past withdrawal seizures or delirium tremens (ASAM 2020)."""
    return record.alcohol.ongoing and record.alcohol.withdrawal in ("seizure", "delirium_tremens")


def alcohol_withdrawal_expected(record: PsychRecord) -> bool:
    """Ongoing drinking with a history of withdrawal (any): stopping will bring withdrawal
    that a benzodiazepine treats (ASAM 2020)."""
    return record.alcohol.ongoing and record.alcohol.withdrawal != "none"


def disposition_of(variant: Variant, record: PsychRecord, risk: RiskLevel) -> Disposition:
    if risk == "high" or variant.episode == "manic" or record.dangerousness:
        return "psychiatric_admission"
    if variant.diagnosis == "alcohol_use_disorder" and complicated_withdrawal_risk(record):
        return "medically_managed_withdrawal"
    return "outpatient"


_ANTIDEPRESSANTS = [
    "sertraline",
    "escitalopram",
    "fluoxetine",
    "citalopram",
    "venlafaxine",
    "duloxetine",
    "bupropion",
    "mirtazapine",
]
_THERAPY = ["cbt", "behavioural_activation", "interpersonal_therapy"]


def treatment_groups(variant: Variant, record: PsychRecord, risk: RiskLevel) -> list[list[str]]:
    """First-line options, one list per element a correct plan needs.

    Sources: depression - NICE NG222 (2022): psychological treatment first for less
    severe depression, an antidepressant combined with a psychological treatment for
    more severe depression; VA/DoD MDD guideline (2022): psychotherapy or pharmacotherapy
    for uncomplicated moderate depression.  GAD and panic - NICE CG113 (2011, updated
    2020): CBT or an SSRI/SNRI.  PTSD - VA/DoD PTSD guideline (2023): trauma-focused
    psychotherapy, or sertraline, paroxetine or venlafaxine.  Bipolar - CANMAT/ISBD
    guidelines (Yatham LN, et al. Bipolar Disord 2018;20:97-170): first-line acute mania
    lithium, quetiapine, divalproex, risperidone, aripiprazole; bipolar I depression
    quetiapine, lithium, lamotrigine; bipolar II depression quetiapine (lithium,
    lamotrigine second line).  Alcohol - APA Practice Guideline for Pharmacological
    Treatment of Patients With Alcohol Use Disorder (Reus VI, et al. Am J Psychiatry
    2018;175:86-90): naltrexone or acamprosate for moderate to severe disorder; brief
    intervention for mild; benzodiazepines for withdrawal (ASAM 2020).  Schizophrenia -
    APA guideline (2020, 3rd ed.): an antipsychotic; clozapine after two failed adequate
    trials (treatment resistance).  Mild NCD - AAN guideline on mild cognitive
    impairment (Petersen RC, et al. Neurology 2018;90:126-135): regular exercise, cognitive
    training.  Major NCD - NICE NG97 (2018): donepezil, galantamine or rivastigmine for
    mild to moderate Alzheimer's disease.  Adjustment disorder - psychological therapy
    first (O'Donnell ML, et al. Int J Environ Res Public Health 2019;16:2537).  Elevated
    suicide risk - VA/DoD suicide guideline (2019): safety planning intervention, and
    lethal means safety counselling when a firearm is accessible.
    """
    d = variant.diagnosis
    groups: list[list[str]] = []
    if d == "major_depressive_disorder":
        if variant.severity == "mild":
            groups.append([*_THERAPY, "problem_solving_therapy"])
        elif variant.severity == "moderate":
            groups.append([*_THERAPY, *_ANTIDEPRESSANTS])
        else:
            groups += [list(_ANTIDEPRESSANTS), list(_THERAPY)]
    elif d == "generalized_anxiety_disorder":
        groups.append(["cbt", "sertraline", "escitalopram", "venlafaxine", "duloxetine"])
    elif d == "panic_disorder":
        groups.append(["cbt", "sertraline", "escitalopram", "fluoxetine", "venlafaxine"])
    elif d == "posttraumatic_stress_disorder":
        groups.append(["trauma_focused_psychotherapy", "sertraline", "venlafaxine", "paroxetine"])
    elif d == "bipolar_i_disorder" and variant.episode == "manic":
        groups.append(["lithium", "quetiapine", "valproate", "risperidone", "aripiprazole"])
    elif d in ("bipolar_i_disorder", "bipolar_ii_disorder"):
        groups.append(["quetiapine", "lithium", "lamotrigine"])
    elif d == "alcohol_use_disorder":
        if variant.severity == "mild":
            groups.append(["motivational_interviewing", "cbt"])
        else:
            groups.append(["naltrexone", "acamprosate"])
        if complicated_withdrawal_risk(record):
            groups.append(["chlordiazepoxide", "lorazepam", "diazepam"])
    elif d == "schizophrenia":
        if len(record.failed_antipsychotic_trials) >= 2:
            groups.append(["clozapine"])
        else:
            groups.append(
                ["risperidone", "aripiprazole", "olanzapine", "quetiapine", "haloperidol"]
            )
    elif d == "mild_neurocognitive_disorder":
        groups.append(["exercise_program", "cognitive_training"])
    elif d == "major_neurocognitive_disorder":
        groups.append(["donepezil", "rivastigmine", "galantamine"])
    elif d == "adjustment_disorder":
        groups.append(["supportive_psychotherapy", "problem_solving_therapy", "cbt"])
    if risk in ("moderate", "high"):
        groups.append(["safety_planning_intervention"])
        if record.firearm_access:
            groups.append(["lethal_means_counselling"])
    return groups


# plan items a guideline endorses as add-ons: neither required nor counted against
# the plan's precision (issue 16/17); each with its source
ADD_ON_SOURCES: dict[str, str] = {
    "lethal_means_counselling": "VA/DoD Clinical Practice Guideline for the Assessment and "
    "Management of Patients at Risk for Suicide (2019): lethal means safety counselling "
    "for patients at elevated risk, covering firearms, medications and other means (not "
    "limited to firearms)",
    "psychoeducation": "CANMAT/ISBD guidelines for bipolar disorder (Yatham LN, et al. "
    "Bipolar Disord 2018;20:97-170): psychoeducation is a first-line adjunctive "
    "psychosocial treatment",
    "motivational_interviewing": "APA Practice Guideline for the Pharmacological Treatment "
    "of Patients With Alcohol Use Disorder (Reus VI, et al. 2018) with psychosocial "
    "treatment; NIAAA Helping Patients Who Drink Too Much (2005): brief intervention / "
    "motivational interviewing at every severity",
    "withdrawal_benzodiazepine": "ASAM Clinical Practice Guideline on Alcohol Withdrawal "
    "Management (2020): benzodiazepines (long-acting chlordiazepoxide or diazepam, or "
    "lorazepam) are first-line for alcohol withdrawal, ambulatory for mild to moderate "
    "withdrawal without high-risk features",
}


def accepted_add_ons(variant: Variant, record: PsychRecord, risk: RiskLevel) -> list[str]:
    """Guideline-endorsed plan items beyond the required groups (see ADD_ON_SOURCES).

    Lethal means counselling at moderate or high risk (VA/DoD 2019); psychoeducation in
    bipolar disorder (CANMAT/ISBD 2018); motivational interviewing in alcohol use disorder
    of any severity; a benzodiazepine for expected alcohol withdrawal managed as an
    outpatient (ASAM 2020).  Safety rules still apply to them (``safety.safe_add_ons``).
    """
    d = variant.diagnosis
    items: list[str] = []
    if risk in ("moderate", "high"):
        items.append("lethal_means_counselling")
    if d in ("bipolar_i_disorder", "bipolar_ii_disorder"):
        items.append("psychoeducation")
    if d == "alcohol_use_disorder":
        items.append("motivational_interviewing")
        if alcohol_withdrawal_expected(record):
            items += ["chlordiazepoxide", "diazepam", "lorazepam"]
    return items


@dataclass(frozen=True)
class AnswerKey:
    diagnosis: str
    severity: str
    risk: RiskLevel
    disposition: Disposition
    groups: tuple[tuple[str, ...], ...]  # all first-line options (safety not applied)
    add_ons: tuple[str, ...] = ()  # accepted, neither required nor penalised


def answer_key(variant: Variant, record: PsychRecord) -> AnswerKey:
    risk = risk_of(record.cssrs)
    return AnswerKey(
        diagnosis=variant.diagnosis,
        severity=severity_of(variant.diagnosis, record),
        risk=risk,
        disposition=disposition_of(variant, record, risk),
        groups=tuple(tuple(g) for g in treatment_groups(variant, record, risk)),
        add_ons=tuple(accepted_add_ons(variant, record, risk)),
    )
