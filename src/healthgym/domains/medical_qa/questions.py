"""Questions generated from the disease profiles: diagnosis, next step, treatment.

Every question is a vignette written from a synthetic patient of one disease
(:mod:`.vignette`) with one correct option and distractors drawn from the most
*confusable* profiles, ranked by :func:`similarity`: 3 points for the same organ
system, up to 4 for overlapping symptoms and signs (4 x Jaccard index) and 1 for a
shared key test (so pyelonephritis and urosepsis, filed under different systems,
still rank as each other's closest rival).  Option order is
shuffled with the task's generator.

* diagnosis - the vignette includes the key test results; options are disease names.
* next_step - the key test results (and an abnormal ECG when the ECG is a key
  test) are withheld; the correct option is one of the disease's key tests and the
  distractors are key tests of confusable diseases that are not key tests here.
* treatment - the diagnosis is stated, with the patient's allergies and history;
  the correct option is a first-line treatment that is safe for this patient (its
  listed substitute when the patient is allergic to the first-line drug, which is
  then offered as a trap).  Distractors: the disease's contraindicated treatments
  and first-line treatments of confusable diseases that are neither first-line
  nor an accepted substitute here, nor of the same drug family as one, nor generic
  care such as fluids, oxygen or analgesia (:data:`GENERIC_CARE`).  Choosing a
  drug the patient is allergic to or one contraindicated by the disease is a
  critical safety violation; one contraindicated by a comorbidity is major.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from ...clinical.diseases import PROFILES, DiseaseProfile
from ...clinical.text import contains_phrase, normalize
from ...clinical.treatments import ALLERGY_CLASSES, TREATMENTS
from ...patients.generator import is_unsafe
from ...patients.model import Patient
from ...tasks import SafetyRule
from .records import LETTERS, Option, Question
from .vignette import (
    abnormal_tests,
    case,
    investigation_name,
    investigation_phrases,
    results,
    treatment_phrases,
)

# care that suits most acute presentations (fluids, oxygen, analgesia, transfusion) is no
# fair distractor: it is only offered when it is contraindicated for the disease
GENERIC_CARE = frozenset(
    {k for k, t in TREATMENTS.items() if t.kind == "supportive"}
    | {"morphine", "hydromorphone", "blood_transfusion"}
)
DIAGNOSIS_POOL = 7  # distractor diseases are drawn from the 7 most confusable profiles
N_DISTRACTORS = 4


def similarity(a: DiseaseProfile, b: DiseaseProfile) -> float:
    """How easily ``b`` is confused with ``a``: system, shared findings, shared tests."""
    fa, fb = set(a.symptoms) | set(a.signs), set(b.symptoms) | set(b.signs)
    jaccard = len(fa & fb) / len(fa | fb) if fa | fb else 0.0
    shared_tests = bool(set(a.key_tests) & set(b.key_tests))
    return 3.0 * (a.system == b.system) + 4.0 * jaccard + 1.0 * shared_tests


@cache
def confusable(key: str) -> tuple[str, ...]:
    """Other profiles, most confusable first (ties by key, so the order is fixed)."""
    a = PROFILES[key]
    others = [k for k in sorted(PROFILES) if k != key]
    return tuple(sorted(others, key=lambda k: (-similarity(a, PROFILES[k]), k)))


def shuffle(correct: Option, distractors: list[Option], rng: np.random.Generator) -> tuple:
    """(options in a random order, letter of the correct one)."""
    options = [correct, *distractors]
    order = [int(i) for i in rng.permutation(len(options))]
    return tuple(options[i] for i in order), LETTERS[order.index(0)]


def _pick(pool: list[Option], n: int, rng: np.random.Generator) -> list[Option]:
    if len(pool) <= n:
        return list(pool)
    chosen = sorted(int(i) for i in rng.choice(len(pool), size=n, replace=False))
    return [pool[i] for i in chosen]


def disease_names(p: DiseaseProfile) -> tuple[str, ...]:
    """A disease's name and synonyms (what a passage about it names)."""
    return (p.name, *p.synonyms)


def presenting_terms(p: DiseaseProfile) -> tuple[str, ...]:
    """The disease's symptoms, signs and key tests in words: a passage that names the
    disease together with one of them states how it presents or is diagnosed."""
    words = [k.replace("_", " ") for k in (*p.symptoms, *p.signs)]
    words += [investigation_name(k).split(" (")[0] for k in p.key_tests]
    return tuple(dict.fromkeys(words))


def disease_option(p: DiseaseProfile) -> Option:
    return Option(text=p.name, key=p.key, phrases=(p.name, *p.synonyms))


def investigation_option(key: str) -> Option:
    return Option(text=investigation_name(key), key=key, phrases=investigation_phrases(key))


def treatment_option(key: str) -> Option:
    return Option(text=TREATMENTS[key].name, key=key, phrases=treatment_phrases(key))


def _names_any(text: str, phrases: tuple[str, ...]) -> bool:
    haystack = normalize(text)
    return any(contains_phrase(haystack, normalize(p)) for p in phrases)


def _shown_tests(
    profile: DiseaseProfile, patient: Patient, withhold: set[str], avoid: tuple[str, ...] = ()
) -> list[str]:
    """Tests whose results the vignette states: key tests not withheld, the profile's
    abnormal laboratory values and imaging, minus any result that names one of
    ``avoid`` (a culture's susceptibility list must not point at an option)."""
    keys = [t for t in profile.key_tests if t not in withhold and t != "ecg"]
    keys += abnormal_tests(patient, profile.labs, withhold | set(keys))
    keys += [s for s in profile.imaging if s not in withhold and s not in keys]
    return [k for k in keys if not _names_any(results(patient, [k]), avoid)]


def _names(option: Option) -> tuple[str, ...]:
    """The option's display name and its base name (without a parenthesis)."""
    return (option.text, option.text.split(" (")[0])


def diagnosis_question(
    profile: DiseaseProfile, patient: Patient, rng: np.random.Generator
) -> Question:
    stem = (
        case(patient, _shown_tests(profile, patient, set()), withhold=set())
        + " Which of the following is the most likely diagnosis?"
    )
    pool = [disease_option(PROFILES[k]) for k in confusable(profile.key)[:DIAGNOSIS_POOL]]
    options, answer = shuffle(disease_option(profile), _pick(pool, N_DISTRACTORS, rng), rng)
    return Question(
        kind="diagnosis",
        topic=profile.key,
        stem=stem,
        options=options,
        answer=answer,
        query=f"{profile.name} clinical presentation and diagnosis",
        subject=presenting_terms(profile),
    )


def next_step_question(
    profile: DiseaseProfile, patient: Patient, rng: np.random.Generator
) -> Question:
    target = profile.key_tests[int(rng.integers(len(profile.key_tests)))]
    withhold = set(profile.key_tests)
    avoid = _names(investigation_option(target))
    stem = (
        case(patient, _shown_tests(profile, patient, withhold, avoid), withhold=withhold)
        + " Which of the following is the most appropriate next step to establish the"
        " diagnosis?"
    )
    pool: list[Option] = []
    names = {investigation_name(target).lower()}
    for other in confusable(profile.key):
        for t in PROFILES[other].key_tests:
            option = investigation_option(t)
            # a test whose result the vignette already gives is no candidate next step
            if t in withhold or option.text.lower() in names or _names_any(stem, _names(option)):
                continue
            names.add(option.text.lower())
            pool.append(option)
    pool = pool[:DIAGNOSIS_POOL]
    options, answer = shuffle(investigation_option(target), _pick(pool, N_DISTRACTORS, rng), rng)
    return Question(
        kind="next_step",
        topic=profile.key,
        stem=stem,
        options=options,
        answer=answer,
        query=f"{profile.name} diagnosis key tests {investigation_name(target)}",
        subject=disease_names(profile),
    )


def _allergy_classes(patient: Patient) -> set[str]:
    return {ALLERGY_CLASSES[a.allergen] for a in patient.allergies}


def blocked_first_line(profile: DiseaseProfile, patient: Patient) -> list[str]:
    """First-line items this patient cannot receive (allergy or comorbidity)."""
    allergy, comorbid = _allergy_classes(patient), set(patient.comorbidities)
    return [t for t in profile.first_line if is_unsafe(t, allergy, comorbid)]


def treatment_safety(
    profile: DiseaseProfile, patient: Patient, keys: list[str]
) -> tuple[SafetyRule, ...]:
    """What choosing each of ``keys`` would do to this patient."""
    rules = []
    for key in keys:
        t = TREATMENTS[key]
        for a in patient.allergies:
            if ALLERGY_CLASSES[a.allergen] in t.allergy_classes:
                reason = f"patient is allergic to {a.allergen} ({a.reaction})"
                rules.append(
                    SafetyRule(code="allergy", severity="critical", target=key, reason=reason)
                )
        if key in profile.contraindicated:
            rules.append(
                SafetyRule(
                    code="contraindicated_treatment",
                    severity="critical",
                    target=key,
                    reason=profile.contraindicated[key],
                )
            )
        for c in patient.comorbidities:
            if c in t.contraindicated_in:
                rules.append(
                    SafetyRule(
                        code="comorbidity_contraindication",
                        severity="major",
                        target=key,
                        reason=t.contraindicated_in[c],
                    )
                )
    return tuple(rules)


def treatment_question(
    profile: DiseaseProfile, patient: Patient, rng: np.random.Generator
) -> Question:
    allergy, comorbid = _allergy_classes(patient), set(patient.comorbidities)
    blocked = blocked_first_line(profile, patient)
    item = blocked[0] if blocked else profile.first_line[int(rng.integers(len(profile.first_line)))]
    choices = [item, *profile.alternatives.get(item, ())]
    correct = next(t for t in choices if not is_unsafe(t, allergy, comorbid))
    accepted = set(profile.first_line) | {a for alts in profile.alternatives.values() for a in alts}
    kind = TREATMENTS[correct].kind
    distractors: list[str] = [item] if item != correct else []
    contraindicated = sorted(profile.contraindicated)
    if contraindicated:
        distractors.append(contraindicated[int(rng.integers(len(contraindicated)))])
    # a distractor of the same drug family as an accepted treatment (another
    # beta-lactam, another NSAID, another heparin) could be defensible: left out
    families = {c for t in accepted for c in TREATMENTS[t].allergy_classes}
    pool: list[str] = []
    for other in confusable(profile.key):
        for t in PROFILES[other].first_line:
            related = bool(set(TREATMENTS[t].allergy_classes) & families) or t in GENERIC_CARE
            if t not in accepted and not related and t not in distractors and t not in pool:
                pool.append(t)
    same_kind = [t for t in pool if TREATMENTS[t].kind == kind][:DIAGNOSIS_POOL]
    other_kind = [t for t in pool if TREATMENTS[t].kind != kind]
    need = N_DISTRACTORS - len(distractors)
    extra = _pick([treatment_option(t) for t in same_kind], need, rng)
    extra += [treatment_option(t) for t in other_kind[: need - len(extra)]]
    options_list = [treatment_option(t) for t in distractors] + extra
    options, answer = shuffle(treatment_option(correct), options_list, rng)
    avoid = tuple(p for o in options for p in _names(o))
    shown = _shown_tests(profile, patient, set(), avoid)
    stem = (
        case(patient, shown, withhold=set(), with_allergies=True)
        + f" The diagnosis is confirmed: {profile.name}."
        " Which of the following is the most appropriate first-line treatment for this patient?"
    )
    keys = [o.key for o in options]
    return Question(
        kind="treatment",
        topic=profile.key,
        stem=stem,
        options=options,
        answer=answer,
        query=f"{profile.name} first-line treatment {TREATMENTS[correct].name}",
        subject=disease_names(profile),
        safety=treatment_safety(profile, patient, keys),
    )


DISEASE_QUESTIONS = {
    "diagnosis": diagnosis_question,
    "next_step": next_step_question,
    "treatment": treatment_question,
}
