"""Psychiatry answers read by meaning: the diagnosis and the plan items as free text.

Built on the shared matching layer (:mod:`healthgym.clinical.matching`): text is
canonicalised (case, punctuation, US/UK spelling, hyphenated prefixes), negation and
hedging are scoped NegEx-style, and each concept is named by its key, its DSM-5-TR name
and the synonyms and abbreviations below.

**Diagnoses** (:func:`read_diagnosis`).  Synonym sources: DSM-5-TR (APA 2022) names and
its ICD-10-CM coding table (e.g. mild alcohol use disorder coded F10.10 "alcohol abuse",
moderate/severe F10.20 "alcohol dependence"; "Bipolar I disorder, current or most recent
episode manic"); the ICD-10-CM alphabetic index and WHO ICD-10 chapter V titles (F32
"depressive episode", F33 "recurrent depressive disorder", F41.0 "episodic paroxysmal
anxiety", F43.1 "post-traumatic stress disorder", F06.7 "mild cognitive disorder", F43.2
"adjustment reaction"); SNOMED CT synonyms ("major depression", "unipolar depression",
"bipolar affective disorder type I", "mild cognitive impairment", "alcoholism"); and the
abbreviations in Stedman's Medical Abbreviations (MDD, GAD, PTSD, AUD, MCI, NCD, BPAD).
Rules a clinician applies:

* a negated diagnosis ("not MDD", "PTSD ruled out") is never asserted;
* two different diagnoses asserted at once ("MDD or GAD", "PTSD with comorbid MDD") name
  none; a hedged diagnosis ("possible bipolar II", "?PTSD") is not a committed answer;
* a bare "bipolar disorder" does not say which type; it is bipolar I only when the text
  states a manic episode (DSM-5-TR: one manic episode makes the diagnosis bipolar I);
* the episode wording of a bipolar diagnosis ("current episode depressed", "depressive
  episode") is a specifier of it, not a second diagnosis;
* "no psychiatric disorder" is the negation of a generic disorder (DSM-5-TR Z03.89 "No
  diagnosis or condition"): "no mental disorder", "no DSM-5 diagnosis", "psychiatrically
  well", with no specific diagnosis asserted;
* a severity stated in the diagnosis text ("MDD, single episode, moderate") must agree
  with the severity field (:attr:`DiagnosisReading.severity`).

**Plan items** (:func:`read_plan`): drugs by generic name, salt or brand (US prescribing
information), psychotherapies and interventions by name and abbreviation (CBT, IPT, BA,
CPT, EMDR, TF-CBT, SPI; "MI" is left out: it also reads as myocardial infarction), and
drug classes (SSRI, benzodiazepines ...) so that "avoid benzodiazepines" or "do not start
lithium" withhold, not prescribe.  Drugs of the shared formulary
(:mod:`healthgym.clinical.drugs`) and treatments of the shared vocabulary
(:mod:`healthgym.clinical.treatments`) outside psychiatry's options are recognised too,
as ``rx:<generic>`` and ``tx:<key>``, so that an unrelated extra lowers precision and a
harmful one is a safety violation (``plan.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ...clinical.drugs import drugs as formulary_drugs
from ...clinical.drugs import normalize_name
from ...clinical.matching import ConceptIndex, canonical
from ...clinical.matching.concepts import Composite
from ...clinical.matching.context import annotate
from ...clinical.treatments import TREATMENTS as SHARED_TREATMENTS
from .conditions import DIAGNOSES
from .treatments import TREATMENTS

NONE_KEY = "no_psychiatric_disorder"
_GENERIC = "generic_disorder"
_BIPOLAR_UNSPECIFIED = "bipolar_unspecified"
_MDE = "depressive_episode"  # an episode term: MDD alone, a specifier with bipolar


def _types(numeral: tuple[str, ...]) -> list[str]:
    out = []
    for n in numeral:
        out += [
            f"bipolar {n} disorder",
            f"bipolar disorder {n}",
            f"bipolar disorder type {n}",
            f"bipolar type {n} disorder",
            f"bipolar type {n}",
            f"type {n} bipolar disorder",
            f"type {n} bipolar",
            f"bipolar {n}",
            f"bipolar affective disorder type {n}",
            f"bipolar affective disorder {n}",
            f"bipolar {n} affective disorder",
            f"bp {n}",
            f"bpad {n}",
            f"bpad type {n}",
            f"bipolar {n} depression",
            f"bipolar {n} mania",
        ]
    return out


DIAGNOSIS_SYNONYMS: dict[str, tuple[str, ...]] = {
    "major_depressive_disorder": (
        "major depressive disorder",
        "major depression",
        "mdd",
        "unipolar depression",
        "unipolar major depression",
        "major depressive illness",
        "clinical depression",
        "recurrent depressive disorder",
        "recurrent major depression",
    ),
    "generalized_anxiety_disorder": (
        "generalized anxiety disorder",
        "generalized anxiety",
        "gad",
    ),
    "posttraumatic_stress_disorder": (
        "posttraumatic stress disorder",
        "post traumatic stress disorder",
        "posttraumatic stress",
        "post traumatic stress",
        "ptsd",
    ),
    "bipolar_i_disorder": tuple(_types(("i", "1", "one"))),
    "bipolar_ii_disorder": tuple(_types(("ii", "2", "two"))),
    "panic_disorder": (
        "panic disorder",
        "episodic paroxysmal anxiety",
        "panic disorder without agoraphobia",
    ),
    "alcohol_use_disorder": (
        "alcohol use disorder",
        "aud",
        "alcohol dependence",
        "alcohol dependence syndrome",
        "alcohol abuse",
        "alcoholism",
        "alcohol addiction",
    ),
    "schizophrenia": (
        "schizophrenia",
        "paranoid schizophrenia",
        "schizophrenic disorder",
        "first episode schizophrenia",
    ),
    "mild_neurocognitive_disorder": (
        "mild neurocognitive disorder",
        "mild ncd",
        "mild cognitive impairment",
        "mci",
        "mild cognitive disorder",
    ),
    "major_neurocognitive_disorder": (
        "major neurocognitive disorder",
        "major ncd",
        "dementia",
        "alzheimer dementia",
        "alzheimer disease dementia",
        "dementia of the alzheimer type",
        "senile dementia",
    ),
    "adjustment_disorder": ("adjustment disorder", "adjustment reaction"),
    NONE_KEY: (
        "psychiatrically well",
        "mentally well",
        "normal mental state",
        "no diagnosis or condition",
    ),
    # helpers, never an answer on their own
    _MDE: ("depressive episode", "major depressive episode", "mde"),
    _BIPOLAR_UNSPECIFIED: (
        "bipolar disorder",
        "bipolar affective disorder",
        "bipolar illness",
        "bpad",
        "manic depressive illness",
        "manic depression",
    ),
    _GENERIC: (
        "psychiatric disorder",
        "mental disorder",
        "psychiatric illness",
        "mental illness",
        "psychiatric diagnosis",
        "mental health disorder",
        "mental health diagnosis",
        "dsm diagnosis",
        "dsm 5 diagnosis",
        "dsm 5 tr diagnosis",
        "psychiatric condition",
        "mental health condition",
        "psychopathology",
        "diagnosis",
        "disorder",
    ),
}
# "bipolar disorder" + a manic episode in one clause: bipolar I (DSM-5-TR criteria)
_COMPOSITES = (
    Composite(
        "bipolar_i_disorder",
        (
            ("bipolar disorder", "bipolar affective disorder", "bipolar illness", "bpad"),
            ("manic", "mania", "manic episode", "current episode manic"),
        ),
    ),
)
_SPECIFIER_REWRITES = (
    (re.compile(r"\bcurrent\s+or\s+most\s+recent\s+episode\b", re.I), "current episode"),
    (re.compile(r"\bsingle\s+or\s+recurrent\b", re.I), ""),
    (re.compile(r"\bwith\s+or\s+without\b", re.I), "with"),
)
_SEVERITY_WORDS = {"mild": "mild", "moderate": "moderate", "severe": "severe"}
SEVERITY_DIAGNOSES = ("major_depressive_disorder", "alcohol_use_disorder")


@cache
def diagnosis_index() -> ConceptIndex:
    entries = []
    for key, names in DIAGNOSIS_SYNONYMS.items():
        label = DIAGNOSES.get(key)
        base = (key.replace("_", " "), label) if label and key != NONE_KEY else ()
        entries.append((key, (*base, *names)))
    return ConceptIndex(entries, composites=_COMPOSITES, qualifier_classes=())


@dataclass(frozen=True)
class DiagnosisReading:
    """What a submitted diagnosis text asserts (``key`` None when none, two or hedged)."""

    key: str | None
    asserted: tuple[str, ...] = ()
    negated: tuple[str, ...] = ()
    hedged: bool = False
    severity: str | None = None  # a severity word stated outside the diagnosis name


def _prepare(text: str) -> str:
    text = text.replace("_", " ")  # a key written as the answer ("bipolar_i_disorder")
    for pattern, repl in _SPECIFIER_REWRITES:
        text = pattern.sub(repl, text)
    return text[:600]


_NEGATION_WORDS = re.compile(
    r"\b(?:no|not|never|without|none|ruled\s+out|excluded|negative|absence|absent|denie[sd])\b",
    re.I,
)


def _double_negation(text: str) -> bool:
    """A clause that negates twice ("not no psychiatric disorder", "no psychiatric disorder
    ruled out") asserts that some disorder is present: it is not 'no disorder'."""
    return any(len(_NEGATION_WORDS.findall(c)) >= 2 for c in re.split(r"[.;:!?\n]", text))


def read_diagnosis(text: object) -> DiagnosisReading:
    """The one diagnosis key a free-text answer commits to (never raises)."""
    if not isinstance(text, str) or not text.strip():
        return DiagnosisReading(None)
    prepared = _prepare(text)
    mentions = diagnosis_index().mentions(prepared)
    asserted = {m.key for m in mentions if not m.negated}
    negated = {m.key for m in mentions if m.negated} - asserted
    bipolar = asserted & {"bipolar_i_disorder", "bipolar_ii_disorder"}
    if bipolar:  # the episode wording and the bare family name specify the type named
        asserted -= {_MDE, _BIPOLAR_UNSPECIFIED}
    elif _MDE in asserted:  # a depressive episode without bipolar disorder: MDD
        asserted = (asserted - {_MDE}) | {"major_depressive_disorder"}
    specific = asserted - {_GENERIC}
    hedged = any(m.hedged for m in mentions if not m.negated and m.key in specific)
    key: str | None = None
    if len(specific) == 1:
        key = next(iter(specific))
        if key == _BIPOLAR_UNSPECIFIED:  # the type is not stated
            key = None
    elif not specific and _GENERIC in negated and not _double_negation(prepared):
        key = NONE_KEY  # "no psychiatric disorder", "no DSM-5 diagnosis"
        hedged = any(m.hedged for m in mentions if m.key == _GENERIC)
    if hedged:
        key = None
    severity = None
    spans = [(m.start, m.end) for m in mentions]
    for i, tok in enumerate(annotate(prepared)):
        inside = any(a <= i < b for a, b in spans)
        if tok.text in _SEVERITY_WORDS and not tok.negated and not inside:
            severity = _SEVERITY_WORDS[tok.text]
    return DiagnosisReading(
        key=key,
        asserted=tuple(sorted(specific)),
        negated=tuple(sorted(negated)),
        hedged=hedged,
        severity=severity,
    )


# ---------------------------------------------------------------------- plan items

# brand names and salts (US prescribing information), other names and abbreviations
TREATMENT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "sertraline": ("zoloft",),
    "escitalopram": ("lexapro", "cipralex"),
    "citalopram": ("celexa", "cipramil"),
    "fluoxetine": ("prozac",),
    "paroxetine": ("paxil", "seroxat"),
    "venlafaxine": ("effexor", "venlafaxine xr", "effexor xr"),
    "duloxetine": ("cymbalta",),
    "bupropion": ("wellbutrin", "bupropion sr", "bupropion xl"),
    "mirtazapine": ("remeron",),
    "amitriptyline": ("elavil",),
    "lithium": ("lithium carbonate", "lithium citrate", "lithobid", "priadel", "camcolit"),
    "valproate": (
        "divalproex",
        "divalproex sodium",
        "sodium valproate",
        "valproic acid",
        "depakote",
        "depakene",
        "epilim",
    ),
    "lamotrigine": ("lamictal",),
    "quetiapine": ("seroquel", "quetiapine xr", "seroquel xr"),
    "olanzapine": ("zyprexa",),
    "risperidone": ("risperdal",),
    "aripiprazole": ("abilify",),
    "haloperidol": ("haldol",),
    "clozapine": ("clozaril",),
    "naltrexone": ("revia", "vivitrol", "naltrexone hydrochloride"),
    "acamprosate": ("campral", "acamprosate calcium"),
    "disulfiram": ("antabuse",),
    "chlordiazepoxide": ("librium",),
    "lorazepam": ("ativan",),
    "diazepam": ("valium",),
    "alprazolam": ("xanax",),
    "clonazepam": ("klonopin", "rivotril"),
    "zolpidem": ("ambien",),
    "buspirone": ("buspar",),
    "prazosin": ("minipress",),
    "donepezil": ("aricept",),
    "rivastigmine": ("exelon",),
    "galantamine": ("razadyne", "reminyl"),
    "memantine": ("namenda",),
    "cbt": (
        "cognitive behavioral therapy",
        "cognitive behavior therapy",
        "cognitive therapy",
        "cbt for anxiety",
        "individual cbt",
    ),
    "behavioural_activation": ("behavioral activation", "behavioral activation therapy", "ba"),
    "interpersonal_therapy": ("interpersonal psychotherapy", "ipt", "interpersonal therapy"),
    "problem_solving_therapy": ("problem solving therapy", "pst", "problem solving treatment"),
    "supportive_psychotherapy": ("supportive therapy", "supportive counselling"),
    "trauma_focused_psychotherapy": (
        "trauma focused psychotherapy",
        "trauma focused therapy",
        "trauma focused cbt",
        "tf cbt",
        "prolonged exposure",
        "prolonged exposure therapy",
        "cognitive processing therapy",
        "cpt",
        "emdr",
        "eye movement desensitization and reprocessing",
        "written exposure therapy",
    ),
    "motivational_interviewing": (
        "motivational interviewing",
        "brief intervention",
        "motivational enhancement therapy",
        "met",
    ),
    "safety_planning_intervention": (
        "safety planning intervention",
        "safety planning",
        "safety plan",
        "stanley brown safety plan",
        "spi",
        "crisis safety plan",
    ),
    "lethal_means_counselling": (
        "lethal means counselling",
        "lethal means safety counselling",
        "lethal means counseling",
        "means restriction counselling",
        "means restriction",
        "counselling on access to lethal means",
        "counseling on access to lethal means",
        "firearm safety counselling",
    ),
    "exercise_program": (
        "exercise program",
        "structured exercise",
        "regular exercise",
        "exercise",
        "physical activity program",
        "aerobic exercise",
    ),
    "cognitive_training": ("cognitive training", "computerized cognitive training"),
    "psychoeducation": ("psychoeducation", "family psychoeducation", "group psychoeducation"),
}
# classes named in plan text (to withhold them: "avoid benzodiazepines")
CLASS_SYNONYMS: dict[str, tuple[str, ...]] = {
    "antidepressant": ("antidepressant", "antidepressant medication"),
    "ssri": ("ssri", "selective serotonin reuptake inhibitor"),
    "snri": ("snri", "serotonin norepinephrine reuptake inhibitor"),
    "tca": ("tca", "tricyclic", "tricyclic antidepressant"),
    "antipsychotic": ("antipsychotic", "neuroleptic", "antipsychotic medication"),
    "mood_stabilizer": ("mood stabilizer", "mood stabiliser"),
    "benzodiazepine": ("benzodiazepine", "benzo", "bzd"),
    "hypnotic": ("hypnotic", "z drug", "sleeping pill", "sedative hypnotic", "sedative"),
    "stimulant": ("stimulant", "psychostimulant"),
    "cholinesterase_inhibitor": ("cholinesterase inhibitor", "acetylcholinesterase inhibitor"),
    "opioid": ("opioid", "opiate", "narcotic"),
    "psychotherapy": ("psychotherapy", "talking therapy", "therapy", "counselling"),
    "medication": ("medication", "pharmacotherapy", "drug", "psychotropic"),
}


def _shared_drug(key: str) -> str | None:
    t = SHARED_TREATMENTS.get(key)
    if t is None or t.kind != "drug":
        return None
    return normalize_name(t.name) or normalize_name(key.replace("_", " "))


@cache
def plan_index() -> ConceptIndex:
    """Concept index over psychiatry's options, drug classes, and the shared formulary and
    treatment vocabulary (psychiatry's own keys win: they are listed first)."""
    entries: list[tuple[str, tuple[str, ...]]] = []
    for key, t in TREATMENTS.items():
        entries.append((key, (key.replace("_", " "), t.name, *TREATMENT_SYNONYMS.get(key, ()))))
    for cls, names in CLASS_SYNONYMS.items():
        entries.append((f"class:{cls}", names))
    for name, d in formulary_drugs().items():
        if name in TREATMENTS:
            continue
        entries.append((f"rx:{name}", (name, *d.brands, *d.salts, *d.aliases)))
    for key, t in SHARED_TREATMENTS.items():
        drug = _shared_drug(key)
        if drug in TREATMENTS or key in TREATMENTS:
            continue
        label = f"rx:{drug}" if drug else f"tx:{key}"
        entries.append((label, (key.replace("_", " "), t.name, *t.synonyms)))
    merged: dict[str, list[str]] = {}
    for key, names in entries:
        merged.setdefault(key, []).extend(v for n in names if n for v in _spellings(n))
    own = {canon for k in TREATMENTS for canon in _canon_all(merged[k])}
    out = []
    for key, names in merged.items():
        if key in TREATMENTS or key.startswith("class:"):
            out.append((key, tuple(names)))
        else:  # a shared name that is also one of psychiatry's phrases is psychiatry's
            out.append((key, tuple(n for n in names if _canon(n) not in own)))
    return ConceptIndex(out, qualifier_classes=())


# British spellings the shared normaliser does not fold yet (counselling, programme)
_UK_US = (("counselling", "counseling"), ("programme", "program"), ("counsellor", "counselor"))


def _spellings(name: str) -> tuple[str, ...]:
    us = name
    for gb, am in _UK_US:
        us = us.replace(gb, am)
    return (name,) if us == name else (name, us)


def _canon(name: str) -> str:
    return canonical(name)


def _canon_all(names: list[str]) -> set[str]:
    return {_canon(n) for n in names}


@dataclass
class ItemReading:
    """One plan item: what it prescribes and what it withholds."""

    text: str
    given: list[tuple[str, bool]] = field(default_factory=list)  # (key, hedged)
    withheld: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)  # classes named without an agent
    alternatives: bool = False  # options offered in one item ("X or Y")
    sequence: bool = False  # "X then Y"

    @property
    def unrecognised(self) -> bool:
        """An item that names no treatment at all (neither given nor withheld)."""
        return not self.given and not self.withheld and not self.classes


_SEQUENCE = re.compile(r"\b(then|followed by|switch(?:ing|ed)? to|taper|cross[- ]?taper)\b", re.I)
_ALT = re.compile(r"\b(or|either|versus|vs)\b", re.I)


def read_item(text: object) -> ItemReading:
    if not isinstance(text, str):
        return ItemReading(str(text))
    mentions = plan_index().mentions(text[:400])
    item = ItemReading(text)
    agents = [m for m in mentions if not m.key.startswith("class:")]
    for m in agents:
        if m.negated:
            item.withheld.add(m.key)
        elif (m.key, m.hedged) not in item.given:
            item.given.append((m.key, m.hedged))
    given = {k for k, _ in item.given}
    item.withheld -= given
    for m in mentions:
        if m.key.startswith("class:"):
            if m.negated:
                item.withheld.add(m.key)
            elif not given:
                item.classes.add(m.key.removeprefix("class:"))
    item.alternatives = bool(_ALT.search(text)) and len(item.given) > 1
    item.sequence = bool(_SEQUENCE.search(text))
    return item


def read_plan(plan: object) -> list[ItemReading]:
    return [read_item(x) for x in plan] if isinstance(plan, list) else []


def planned_keys(plan: object) -> set[str]:
    """Every treatment key (psychiatry's, ``rx:`` or ``tx:``) the plan prescribes."""
    return {k for item in read_plan(plan) for k, _ in item.given}
