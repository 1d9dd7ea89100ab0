"""Treatment vocabulary of the psychiatry domain: drugs, psychotherapies, interventions.

Each option has a key (the value the agent submits) and the classes the safety rules
use.  Drug classes follow the US prescribing information; ``antimanic`` marks the agents
the ISBD Task Force on antidepressants in bipolar disorder (Pacchiarotti I, et al. Am J
Psychiatry 2013;170:1249-1262) accepts as protection against a switch when an
antidepressant is added (lithium, valproate and antipsychotics; lamotrigine is not
antimanic).  Pharmacological facts (serotonergic action, MAO inhibition, QT risk,
renal bands, pregnancy level, Beers status) are read from the project formulary
(:mod:`healthgym.clinical.drugs`) for the drugs it holds; see ``safety.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Treatment:
    key: str
    name: str
    kind: Literal["drug", "psychotherapy", "intervention"]
    classes: frozenset[str] = frozenset()


def _drug(key: str, *classes: str) -> Treatment:
    return Treatment(key, key, "drug", frozenset(classes))


def _other(key: str, name: str, kind: Literal["psychotherapy", "intervention"]) -> Treatment:
    return Treatment(key, name, kind)


_AD = "antidepressant"
_AP = "antipsychotic"
_BZ = "benzodiazepine"

TREATMENT_LIST: tuple[Treatment, ...] = (
    _drug("sertraline", _AD, "ssri"),
    _drug("escitalopram", _AD, "ssri"),
    _drug("citalopram", _AD, "ssri"),
    _drug("fluoxetine", _AD, "ssri"),
    _drug("paroxetine", _AD, "ssri", "anticholinergic"),
    _drug("venlafaxine", _AD, "snri"),
    _drug("duloxetine", _AD, "snri"),
    _drug("bupropion", _AD),
    _drug("mirtazapine", _AD),
    _drug("amitriptyline", _AD, "tca", "anticholinergic"),
    _drug("lithium", "mood_stabilizer", "antimanic"),
    _drug("valproate", "mood_stabilizer", "antimanic"),
    _drug("lamotrigine", "mood_stabilizer"),
    _drug("quetiapine", _AP, "antimanic"),
    _drug("olanzapine", _AP, "antimanic", "anticholinergic"),
    _drug("risperidone", _AP, "antimanic"),
    _drug("aripiprazole", _AP, "antimanic"),
    _drug("haloperidol", _AP, "antimanic"),
    _drug("clozapine", _AP, "antimanic", "anticholinergic"),
    _drug("naltrexone", "aud_medication", "opioid_antagonist"),
    _drug("acamprosate", "aud_medication"),
    _drug("disulfiram", "aud_medication"),
    _drug("chlordiazepoxide", _BZ),
    _drug("lorazepam", _BZ),
    _drug("diazepam", _BZ),
    _drug("alprazolam", _BZ),
    _drug("clonazepam", _BZ),
    _drug("zolpidem", "hypnotic"),
    _drug("buspirone", "anxiolytic"),
    _drug("prazosin", "alpha_blocker"),
    _drug("donepezil", "cholinesterase_inhibitor"),
    _drug("rivastigmine", "cholinesterase_inhibitor"),
    _drug("galantamine", "cholinesterase_inhibitor"),
    _drug("memantine", "nmda_antagonist"),
    _other("cbt", "cognitive behavioural therapy", "psychotherapy"),
    _other("behavioural_activation", "behavioural activation", "psychotherapy"),
    _other("interpersonal_therapy", "interpersonal psychotherapy", "psychotherapy"),
    _other("problem_solving_therapy", "problem-solving therapy", "psychotherapy"),
    _other("supportive_psychotherapy", "supportive psychotherapy", "psychotherapy"),
    _other(
        "trauma_focused_psychotherapy",
        "trauma-focused psychotherapy (prolonged exposure, cognitive processing therapy, EMDR)",
        "psychotherapy",
    ),
    _other(
        "motivational_interviewing",
        "brief intervention / motivational interviewing",
        "psychotherapy",
    ),
    _other("safety_planning_intervention", "safety planning intervention", "intervention"),
    _other("lethal_means_counselling", "lethal means safety counselling", "intervention"),
    _other("exercise_program", "structured exercise programme", "intervention"),
    _other("cognitive_training", "cognitive training", "intervention"),
    _other("psychoeducation", "psychoeducation", "intervention"),
)
TREATMENTS: dict[str, Treatment] = {t.key: t for t in TREATMENT_LIST}
TREATMENT_KEYS: tuple[str, ...] = tuple(TREATMENTS)
DRUG_KEYS: tuple[str, ...] = tuple(t.key for t in TREATMENT_LIST if t.kind == "drug")


def in_class(key: str, cls: str) -> bool:
    t = TREATMENTS.get(key)
    return t is not None and cls in t.classes


def keys_in(cls: str) -> list[str]:
    return [t.key for t in TREATMENT_LIST if cls in t.classes]
