"""Medication orders of a pathway graded as a set: required, neutral, extra and harmful.

* **Required** drugs fill the pathway's slots (empirical antimicrobials,
  :func:`.antibiotics.slots_for`; acute coronary syndrome antithrombotics,
  :func:`.antithrombotics.acs_slots`; the pulmonary-embolism anticoagulant; an IV
  proton-pump inhibitor in high-risk upper GI bleeding).  Their own checks grade which
  and how many (one drug per slot).
* **Neutral** drugs are guideline-endorsed options for the condition that the pathway
  does not require (:data:`NEUTRAL`, each with its source); they do not count against
  the answer.
* Every other drug given is an **extra**: the episode's accuracy is multiplied by the
  precision of its orders, ``in-scope drugs / all drugs given`` (distinct drugs; 1 when
  nothing was given - doing nothing earns nothing from the phase checks anyway).
* **Harmful** combinations are safety violations found with the shared drug knowledge
  (:mod:`healthgym.clinical.drugs`), not only the task's own rules:
  ``duplicate_therapy`` (major) - two drugs given of one therapeutic group or
  duplication family (STOPP v2 criterion A3, O'Mahony D et al. Age Ageing
  2015;44:213-8), except drugs that fill different required slots (aspirin with a
  P2Y12 inhibitor is dual antiplatelet therapy), or a non-required drug that duplicates
  a home drug's family; ``contraindicated_combination`` (critical) /
  ``major_combination`` (major) - a drug that no slot requires with a contraindicated /
  major interaction (the interaction table) with a home drug or another drug given
  (antimicrobials are checked against home drugs by their own rules, and the ACS
  antithrombotic combination is the guideline regimen).
"""

from __future__ import annotations

from ...clinical.drugs import drugs
from ...clinical.drugs.hazards import ix_of, same_family
from ...tasks import Task
from . import antibiotics as ab
from .records import PathwayState

_SSC = (
    "Evans L et al. Surviving Sepsis Campaign 2021, Crit Care Med 2021;49:e1063-e1143 "
    "(VTE prophylaxis with LMWH or heparin: strong; stress ulcer prophylaxis with risk "
    "factors for GI bleeding: weak; hydrocortisone in septic shock on vasopressors: weak)"
)
_ACS = (
    "Amsterdam EA et al. 2014 AHA/ACC NSTE-ACS guideline, Circulation 2014;130:e344-e426 "
    "(sublingual nitroglycerin for ongoing ischaemic pain, class I; oral beta-blocker "
    "within 24 h without heart failure or shock, class I; high-intensity statin, class I; "
    "morphine for refractory pain, IIb); O'Gara PT et al. 2013 ACCF/AHA STEMI guideline"
)
_STROKE = (
    "Powers WJ et al. AHA/ASA 2019, Stroke 2019;50:e344-e418, 3.5 (labetalol or "
    "nicardipine to lower blood pressure below 185/110 mmHg before thrombolysis, class I)"
)
_GIB = (
    "Gralnek IM et al. ESGE 2021, Endoscopy 2021;53:300-32 (IV erythromycin 250 mg 30-120 "
    "min before endoscopy; high-dose PPI before endoscopy); Laine L et al. ACG 2021, Am J "
    "Gastroenterol 2021;116:899-917"
)
_MSK = (
    "Proulx AM, Zryd TW. Costochondritis: diagnosis and treatment. Am Fam Physician "
    "2009;80:617-20 (acetaminophen or an NSAID for chest wall pain)"
)
_FEVER = (
    "O'Grady NP et al. SCCM/IDSA 2023 guideline on new fever in critically ill adults, "
    "Crit Care Med 2023;51:1570-86 (antipyretics for comfort)"
)
# pathway -> {drug: source}: options the guideline endorses that the pathway does not
# require
NEUTRAL: dict[str, dict[str, str]] = {
    "sepsis": {
        "enoxaparin": _SSC,
        "heparin": _SSC,
        "pantoprazole": _SSC,
        "esomeprazole": _SSC,
        "acetaminophen": _FEVER,
    },
    "chest_pain": {
        "nitroglycerin": _ACS,
        "morphine": _ACS,
        "metoprolol": _ACS,
        "atorvastatin": _ACS,
        "rosuvastatin": _ACS,
    },
    "low_risk_chest_pain": {"acetaminophen": _MSK, "ibuprofen": _MSK, "naproxen": _MSK},
    "stroke": {"labetalol": _STROKE},
    "dka": {},
    "gi_bleed": {"erythromycin": _GIB, "pantoprazole": _GIB, "esomeprazole": _GIB},
    "postop_fever": {"acetaminophen": _FEVER},
}
PPIS = ("pantoprazole", "esomeprazole")


def given(state: PathwayState) -> list[str]:
    """Distinct drugs given with give_medication, in order."""
    return list(dict.fromkeys(str(a.details["drug"]) for a in state.of("give_medication")))


def required_slots(task: Task, state: PathwayState) -> list[tuple[str, ...]]:
    """The drug options of each slot the pathway requires for this patient."""
    pathway, variant = task.grader["pathway"], task.grader["variant"]
    p = state.patient
    source = state.facts.source if state.facts else None
    out: list[tuple[str, ...]] = []
    if source and not (pathway == "postop_fever" and variant in ("early", "vte")):
        out += [tuple(options) for _, options in ab.slots_for(source, p)]
    if pathway == "chest_pain" and task.grader.get("acs_slots"):
        out += [tuple(options) for _, options in task.grader["acs_slots"]]
    if pathway == "postop_fever" and variant == "vte":
        out.append(tuple(task.grader["pe_anticoagulants"]))
    if pathway == "gi_bleed" and variant == "high":
        out.append(PPIS)
    return out


def neutral(task: Task, state: PathwayState) -> set[str]:
    """Neutral drugs of the task's condition (:data:`NEUTRAL`; whether one is safe for
    this patient is graded by safety, not here)."""
    pathway = task.grader["pathway"]
    if pathway == "chest_pain" and task.grader["variant"] == "low_risk":
        pathway = "low_risk_chest_pain"
    return set(NEUTRAL.get(pathway, {}))


def precision(task: Task, state: PathwayState) -> tuple[float, list[str]]:
    """(precision of the drugs given, the extras)."""
    names = given(state)
    if not names:
        return 1.0, []
    scope = {n for slot in required_slots(task, state) for n in slot} | neutral(task, state)
    extras = [n for n in names if n not in scope]
    return (len(names) - len(extras)) / len(names), extras


def _slot_partners(slots: list[tuple[str, ...]], a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` fill two different required slots."""
    return any(
        a in s1 and b in s2 for i, s1 in enumerate(slots) for j, s2 in enumerate(slots) if i != j
    )


def duplicates(task: Task, state: PathwayState) -> list[str]:
    """Therapeutic duplications among the drugs given, and with home drugs."""
    names = [n for n in given(state) if n in drugs()]
    slots = required_slots(task, state)
    in_slot = {n for s in slots for n in s}
    out = []
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if same_family(a, b) and not _slot_partners(slots, a, b):
                out.append(f"{a} with {b}: same therapeutic class")
        if a not in in_slot:
            for h in ab.home_drugs(state.patient):
                if h != a and h in drugs() and same_family(a, h):
                    out.append(f"{a} duplicates home {h}")
    return out


def combinations(task: Task, state: PathwayState, severity: str) -> list[str]:
    """Drugs no slot requires that interact at ``severity`` with a home drug or another
    drug given."""
    names = [n for n in given(state) if n in drugs()]
    in_slot = {n for s in required_slots(task, state) for n in s}
    home = [h for h in ab.home_drugs(state.patient) if h in drugs()]
    out = []
    for a in names:
        if a in in_slot:
            continue
        for other in dict.fromkeys([*home, *names]):
            if other == a:
                continue
            ix = ix_of(a, other)
            if ix is not None and ix.severity == severity:
                out.append(f"{a} + {other}: {ix.severity} interaction ({ix.category})")
    return out
