"""Grader of medical_qa: the chosen letter, safety of the choice, and its support.

* accuracy = 1 if the submitted letter is the correct option, else 0.
* safety: the task's rules name option keys; choosing an option that a rule
  targets is that rule's violation (a treatment the patient is allergic to or one
  contraindicated by the disease is critical, one contraindicated by a
  comorbidity is major).
* coherence checks (deterministic, through the shared matching layer
  :mod:`healthgym.clinical.matching`: options' names, synonyms and abbreviations after
  normalisation, negation and hedging scoped NegEx-style):

  - ``rationale_names_choice`` - the rationale asserts the chosen option (a negated
    mention - "not B", "B is ruled out" - does not count) and asserts no other option
    as the answer: other options may be named to be rejected ("not cholangitis
    because ...") or as hedged alternatives beside a committed choice, but a second
    option stated outright, or two options both hedged ("A or B"), fails - so naming
    every option earns nothing.  Numeric options (calculator values) need only the
    chosen value, asserted: other numbers occur in any arithmetic;
  - ``evidence_supports_choice`` (knowledge questions) - a passage the agent read
    with ``read_passage`` in this episode *supports* the chosen option: it states the
    option together with the question's subject, both asserted
    (:func:`.evidence.supports`);
  - ``calculation_supports_choice`` (calculator questions) - the ``calculate``
    tool returned the chosen value for the question's score in this episode.
"""

from __future__ import annotations

from ...clinical.matching import ConceptIndex
from ...clinical.text import contains_phrase, normalize
from ...episode import EpisodeLog
from ...rewards import Grade, Violation
from ...tasks import Task
from .evidence import INTERACTION_CUES, supports
from .records import QAState

VALUE_TOLERANCE = 1e-6


def names_option(text: str, phrases: list[str]) -> bool:
    """Whether ``text`` contains one of ``phrases`` as whole words (normalised)."""
    haystack = normalize(text)
    return any(contains_phrase(haystack, normalize(p)) for p in phrases)


def _option_index(options: dict[str, dict]) -> ConceptIndex:
    entries = []
    for letter, o in sorted(options.items()):
        entries.append((letter, (*o["phrases"], o["text"])))
    return ConceptIndex(entries, qualifier_classes=())


def _numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def rationale_names_choice(rationale: str, chosen: str, options: dict[str, dict]) -> bool:
    """Whether the rationale commits to the chosen option and to no other (see the
    module doc)."""
    if not isinstance(rationale, str) or chosen not in options:
        return False
    mentions = _option_index(options).mentions(rationale, limit=len(rationale))
    mine = [m for m in mentions if m.key == chosen and m.asserted]
    if not mine:
        return False
    if all(_numeric(o["text"]) for o in options.values()):
        return True
    others = [m for m in mentions if m.key != chosen and m.asserted]
    if any(not m.hedged for m in others):
        return False  # a second option stated as the answer
    committed = any(not m.hedged for m in mine)
    return committed or not others  # two hedged options: no choice made


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def passages_read(log: EpisodeLog) -> list[str]:
    """The text of every passage the agent read successfully in this episode."""
    return [c.observation for c in log.successful("read_passage")]


def grade(task: Task, state: QAState, log: EpisodeLog) -> Grade:
    g = task.grader
    answer = log.answer
    if answer is None:
        return Grade(accuracy=0.0, details={"correct": False, "chosen": None})
    chosen = str(answer.get("answer", "")).strip().upper()
    options: dict[str, dict] = g["options"]
    correct = chosen == g["answer"]
    details = {"correct": correct, "chosen": chosen, "kind": g["kind"]}
    if chosen not in options:
        return Grade(accuracy=0.0, details={**details, "not_an_option": True})
    option = options[chosen]
    violations = [
        Violation(r.code, r.severity, f"{option['text']}: {r.reason}")
        for r in task.safety
        if r.target == option["key"]
    ]
    phrases = tuple(option["phrases"])
    rationale = str(answer.get("rationale", ""))
    checks = {"rationale_names_choice": rationale_names_choice(rationale, chosen, options)}
    if g.get("evidence"):
        subject = tuple(g.get("subject") or ())
        cue = INTERACTION_CUES if g["kind"] == "interaction" else ()
        checks["evidence_supports_choice"] = any(
            supports(text, phrases, subject, cue) for text in passages_read(log)
        )
    calc = g.get("calculation")
    if calc:
        value = _number(option["key"])
        got = state.calculations.get(calc["score"], [])
        checks["calculation_supports_choice"] = value is not None and any(
            abs(v - value) <= VALUE_TOLERANCE + 0.005 for v in got
        )
    return Grade(
        accuracy=1.0 if correct else 0.0,
        violations=violations,
        coherence_checks=checks,
        details=details,
    )
