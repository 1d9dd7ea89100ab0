"""Pharmacology questions generated from the formulary (:mod:`healthgym.clinical.drugs`).

* mechanism - "which drug acts this way?": the stem quotes the drug's mechanism;
  distractors are drugs of other therapeutic groups and classes whose mechanism's
  first informative clause neither equals nor extends the answer's
  (:func:`same_mechanism`: "binds the 50S ribosomal subunit" rules out every
  other 50S binder).
* adverse_effect - "which drug is most associated with this adverse effect?": the
  effect is one of the drug's listed effects that at most :data:`RARE_AE` formulary
  drugs list; no distractor lists it (or a wording that contains it).
* interaction - "which of these drugs has a clinically significant interaction
  with the patient's drug?": the answer has a major or contraindicated
  interaction with it (:func:`healthgym.clinical.drugs.interaction`); every
  distractor has none at all.

Distractors are preferred among drugs that share an indication with the answer
(plausible alternatives), then drawn from the rest of the formulary; the drug
order is fixed (sorted names) so the task seed alone decides every choice.
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np

from ...clinical.drugs import Drug, drugs, interaction
from ...clinical.text import normalize
from .records import Option, Question

N_DISTRACTORS = 4
RARE_AE = 3  # an adverse effect listed by at most this many drugs is distinctive
SIGNIFICANT = ("major", "contraindicated")


@cache
def formulary() -> tuple[Drug, ...]:
    return tuple(sorted(drugs().values(), key=lambda d: d.name))


def drug_option(d: Drug) -> Option:
    return Option(text=d.name.capitalize(), key=d.name, phrases=(d.name, *d.brands))


def mechanism_core(text: str) -> str:
    """The mechanism's first informative clause, normalised ("Prodrug; blocks the AT1
    receptor" -> "blocks the at1 receptor"; parentheses dropped)."""
    clauses = [normalize(re.sub(r"\([^)]*\)", "", c)) for c in re.split(r"[;,]", text)]
    informative = [c for c in clauses if c and not c.startswith("prodrug")]
    return informative[0] if informative else normalize(text)


def mechanism_phrases(text: str) -> tuple[str, ...]:
    """The mechanism's first informative clause as a passage would state it, with and
    without its parenthesis ("Activates GLP-1 receptors: ..." -> "Activates GLP-1
    receptors")."""
    clauses = [c.strip() for c in re.split(r"[;:,]", text)]
    informative = [c for c in clauses if c and not c.lower().startswith("prodrug")]
    first = informative[0] if informative else text
    bare = " ".join(re.sub(r"\([^)]*\)", " ", first).split())
    return tuple(dict.fromkeys((first, bare)))


def same_mechanism(a: str, b: str) -> bool:
    ca, cb = mechanism_core(a), mechanism_core(b)
    return ca.startswith(cb) or cb.startswith(ca)


def _ae_base(effect: str) -> str:
    return normalize(effect.split(" (")[0])


@cache
def _ae_counts() -> dict[str, int]:
    counts: dict[str, int] = {}
    for d in formulary():
        for e in {_ae_base(a) for a in d.adverse_effects}:
            counts[e] = counts.get(e, 0) + 1
    return counts


def _lists_effect(d: Drug, effect: str) -> bool:
    mine = [_ae_base(a) for a in d.adverse_effects]
    return any(effect in m or m in effect for m in mine)


def _distractors(
    answer: Drug, ok: list[Drug], rng: np.random.Generator, n: int = N_DISTRACTORS
) -> list[Drug]:
    """``n`` of ``ok``: first those sharing an indication with ``answer``, in random order."""
    near = [d for d in ok if set(d.indications) & set(answer.indications)]
    far = [d for d in ok if d not in near]
    chosen: list[Drug] = []
    for pool in (near, far):
        order = [int(i) for i in rng.permutation(len(pool))]
        chosen += [pool[i] for i in order[: n - len(chosen)]]
    return chosen


def _question(
    kind: str,
    answer: Drug,
    others: list[Drug],
    stem: str,
    query: str,
    rng: np.random.Generator,
    topic: str = "",
    subject: tuple[str, ...] = (),
) -> Question:
    options = [drug_option(answer), *(drug_option(d) for d in others)]
    order = [int(i) for i in rng.permutation(len(options))]
    shuffled = tuple(options[i] for i in order)
    return Question(
        kind=kind,
        topic=topic or answer.name,
        stem=stem,
        options=shuffled,
        answer="ABCDE"[order.index(0)],
        query=query,
        subject=subject,
    )


def mechanism_question(drug_name: str, rng: np.random.Generator) -> Question:
    answer = drugs()[drug_name]
    ok = [
        d
        for d in formulary()
        if d.group != answer.group
        and d.drug_class != answer.drug_class
        and not same_mechanism(d.mechanism, answer.mechanism)
    ]
    stem = f'Which of the following drugs has this mechanism of action: "{answer.mechanism}"?'
    query = f"{answer.name} mechanism of action {answer.drug_class}"
    subject = mechanism_phrases(answer.mechanism)
    others = _distractors(answer, ok, rng)
    return _question("mechanism", answer, others, stem, query, rng, subject=subject)


@cache
def _drug_name_words() -> frozenset[str]:
    """Normalised names and brands of every formulary drug."""
    return frozenset(normalize(n) for d in formulary() for n in (d.name, *d.brands))


def _names_a_drug(effect: str) -> bool:
    """Whether an effect's wording names a formulary drug or brand (e.g. "allopurinol
    hypersensitivity syndrome"), which would hand the answer to the question."""
    words = normalize(effect).split()
    phrases = {
        " ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)
    }
    return bool(phrases & _drug_name_words())


def distinctive_effects(d: Drug) -> list[str]:
    """The drug's adverse effects that at most :data:`RARE_AE` formulary drugs list and
    whose wording names no drug."""
    counts = _ae_counts()
    return [a for a in d.adverse_effects if counts[_ae_base(a)] <= RARE_AE and not _names_a_drug(a)]


def adverse_effect_question(drug_name: str, rng: np.random.Generator) -> Question:
    answer = drugs()[drug_name]
    effects = distinctive_effects(answer)
    effect = effects[int(rng.integers(len(effects)))]
    base = _ae_base(effect)
    ok = [d for d in formulary() if d.group != answer.group and not _lists_effect(d, base)]
    stem = (
        "Which of the following drugs is most associated with this adverse effect: "
        f"{effect.split(' (')[0]}?"
    )
    query = f"{answer.name} adverse effects {effect.split(' (')[0]}"
    others = _distractors(answer, ok, rng)
    subject = (base,)
    return _question("adverse_effect", answer, others, stem, query, rng, subject=subject)


def significant_partners(drug_name: str) -> list[Drug]:
    """Drugs with a major or contraindicated interaction with ``drug_name``."""
    out = []
    for d in formulary():
        found = interaction(drug_name, d.name) if d.name != drug_name else None
        if found is not None and found.severity in SIGNIFICANT:
            out.append(d)
    return out


def interaction_question(drug_name: str, rng: np.random.Generator) -> Question:
    victim = drugs()[drug_name]
    partners = significant_partners(drug_name)
    answer = partners[int(rng.integers(len(partners)))]
    ok = [
        d
        for d in formulary()
        if d.name != drug_name
        and d.group not in (answer.group, victim.group)
        and interaction(drug_name, d.name) is None
    ]
    stem = (
        f"A patient takes {victim.name} long term. Which of the following drugs has a "
        f"clinically significant interaction with {victim.name}?"
    )
    query = f"{victim.name} {answer.name} interaction"
    others = _distractors(answer, ok, rng)
    subject = (victim.name, *victim.brands)
    return _question(
        "interaction", answer, others, stem, query, rng, topic=drug_name, subject=subject
    )


@cache
def drug_topics() -> dict[str, tuple[str, ...]]:
    """The drugs each kind of question is asked about (sorted)."""
    names = [d.name for d in formulary()]
    return {
        "mechanism": tuple(names),
        "adverse_effect": tuple(n for n in names if distinctive_effects(drugs()[n])),
        "interaction": tuple(n for n in names if significant_partners(n)),
    }


DRUG_QUESTIONS = {
    "mechanism": mechanism_question,
    "adverse_effect": adverse_effect_question,
    "interaction": interaction_question,
}
