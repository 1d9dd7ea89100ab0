"""The 5-dimension reward, computed the same way for training and evaluation.

Components, each in [0, 1]:

* **accuracy** - the domain grader's deterministic score of the final answer
  (0 when nothing was submitted).
* **process** - ``recall * (0.8 + 0.2 * (1 - redundancy))`` where *recall* is the
  fraction of the reference solution's required evidence the agent obtained and
  *redundancy* the fraction of the agent's successful calls that repeat an earlier call
  with identical arguments.  Each required reference call is an evidence requirement
  (:class:`~healthgym.tasks.RefCall`): met by a successful call of the same tool or of
  an alternative tool that yields the same evidence, with arguments compared after
  default filling and by meaning - numbers within a relative tolerance (default
  :data:`DEFAULT_TOLERANCE`), strings ignoring case, punctuation, titles and an
  appended service ("Dr David Nguyen, Emergency Medicine" = "David Nguyen"), lists
  as sets with ``[]`` = ``["none"]``, and any value the reference accepts as
  equivalent.  No evidence
  gathered (no successful call other than the submission) is process 0: a correct
  answer with no workup earns no process credit.
* **safety** - ``max(0, 1 - sum(penalties))`` over the grader's violations with
  penalties critical 1.0, major 0.5, minor 0.2 (see :mod:`.safety`).
* **format** - well-formed calls / attempted calls, where a call is well-formed
  when it parses, names a known tool and its arguments fit the schema (a tool
  that runs and reports a clinical error still counts as well-formed); 0 when the
  agent attempted no call at all.
* **coherence** - the fraction of the grader's consistency checks that pass (e.g. a
  score stated in the answer equals the one the tool computed, the diagnosis is
  supported by a test the agent actually saw); 0 when nothing was submitted.

Composite = ``sum(w_i * c_i * g_i) / sum(w_i)`` with default weights accuracy 0.25,
process 0.20, safety 0.20, format 0.10, coherence 0.10 (normalised, so the
composite lies in [0, 1]).  ``g_i`` is 1 for accuracy and process; for the hygiene
components (safety, format, coherence) it is the episode's *engagement*, the mean of
accuracy and process.  Safety, format and coherence measure how the work was done,
so they are paid only in proportion to work done: an agent that submits at once, or
calls tools at random, cannot collect them for free (without this a policy that never
works scores ~0.4).  **No valid submission, no reward:** an episode that ends without
a valid submission (turn limit, only invalid submits) has composite 0; its components
and safety violations are still reported.  **Critical-safety cap:** with any critical
violation the composite is ``min(composite, 0.1)``.  Optional length shaping adds
``length_weight * cosine_length_reward(...)`` (see :mod:`.length`) after the cap.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from ..clinical.text import trim_lower
from ..episode import EpisodeLog
from ..tasks import RefCall
from .length import cosine_length_reward
from .safety import Violation, safety_score

CRITICAL_CAP = 0.1
COMPONENTS = ("accuracy", "process", "safety", "format", "coherence")
HYGIENE = ("safety", "format", "coherence")  # paid in proportion to engagement


@dataclass(frozen=True)
class RewardWeights:
    accuracy: float = 0.25
    process: float = 0.20
    safety: float = 0.20
    format: float = 0.10
    coherence: float = 0.10

    def normalised(self) -> dict[str, float]:
        raw = asdict(self)
        if any(v < 0 for v in raw.values()):
            raise ValueError("reward weights must be non-negative")
        total = sum(raw.values())
        if total <= 0:
            raise ValueError("reward weights must not all be zero")
        return {k: v / total for k, v in raw.items()}


DEFAULT_WEIGHTS = RewardWeights()


@dataclass
class Grade:
    """What a domain grader returns about a finished episode."""

    accuracy: float
    violations: list[Violation] = field(default_factory=list)
    coherence_checks: dict[str, bool] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)


@dataclass
class RewardBreakdown:
    accuracy: float
    process: float
    safety: float
    format: float
    coherence: float
    composite: float
    capped: bool
    length_term: float | None = None
    violations: list[dict[str, str]] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)

    def components(self) -> dict[str, Any]:
        return asdict(self)


DEFAULT_TOLERANCE = 0.10  # relative tolerance of a numeric reference argument
_TITLES = re.compile(r"\b(?:dr|doctor|prof|professor|mr|mrs|ms|miss|nurse|sister)\b\.?")
_NOT_WORD = re.compile(r"[^a-z0-9%.+/]+")
_EMPTY = frozenset({"", "none", "nil", "no", "n/a", "na", "nothing", "not applicable"})


def _norm(v: Any) -> Any:
    return trim_lower(v) if isinstance(v, str) else v


def _text(v: str) -> str:
    """Lower case, titles dropped, punctuation folded to single spaces."""
    return " ".join(_NOT_WORD.sub(" ", _TITLES.sub(" ", v.lower())).replace(" .", " ").split())


def _head(v: str) -> str:
    """The text before an appended qualifier: 'Dr A B, Emergency Medicine' -> 'a b'."""
    return _text(re.split(r",|\s[-(]\s?|\(", v, maxsplit=1)[0])


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _as_set(v: Any) -> list[Any]:
    items = v if isinstance(v, list) else [v]
    return [i for i in items if not (isinstance(i, str) and _text(i) in _EMPTY) and i is not None]


def value_matches(expected: Any, got: Any, tolerance: float = DEFAULT_TOLERANCE) -> bool:
    """Whether an agent's argument value means the reference's (see the module doc)."""
    if _is_number(expected) and _is_number(got):
        scale = max(abs(expected), abs(got))
        return abs(expected - got) <= tolerance * scale if scale else True
    if isinstance(expected, str) and isinstance(got, str):
        a, b = _text(expected), _text(got)
        if a == b or (a in _EMPTY and b in _EMPTY):
            return True
        return "," not in expected and a == _head(got) and bool(a)
    if isinstance(expected, list) or isinstance(got, list):
        want, have = _as_set(expected), _as_set(got)
        if len(want) != len(have):
            return False
        return all(any(value_matches(w, h, tolerance) for h in have) for w in want) and all(
            any(value_matches(w, h, tolerance) for w in want) for h in have
        )
    if isinstance(expected, dict) and isinstance(got, dict):
        return set(expected) == set(got) and all(
            value_matches(v, got[k], tolerance) for k, v in expected.items()
        )
    return _norm(expected) == _norm(got)


def _matches(ref: RefCall, name: str, args: dict[str, Any]) -> bool:
    """Whether a successful call (arguments with defaults filled) meets ``ref``."""
    if name != ref.name and name not in ref.alternatives:
        return False
    for key, expected in ref.arguments.items():
        if name != ref.name and key not in args:
            continue  # an alternative tool is held to the arguments it shares
        got = args.get(key)
        tol = ref.tolerance.get(key, DEFAULT_TOLERANCE)
        options = [expected, *ref.accept.get(key, [])]
        if not any(value_matches(option, got, tol) for option in options):
            return False
    return True


def evidence_met(
    reference: list[RefCall],
    calls: list[Any],
    defaults: dict[str, dict[str, Any]] | None = None,
) -> set[int]:
    """Positions of the required reference calls that ``calls`` (successful
    :class:`~healthgym.episode.CallRecord` s) meet."""
    defaults = defaults or {}
    filled = [(c.name, {**defaults.get(c.name, {}), **c.arguments}) for c in calls]
    return {
        i
        for i, r in enumerate(reference)
        if r.required and any(_matches(r, name, args) for name, args in filled)
    }


def evidence_label(ref: RefCall) -> str:
    """A short name of an evidence requirement: ``tool(arg=value, ...)``."""
    args = ", ".join(f"{k}={v!r}" for k, v in ref.arguments.items())
    return f"{ref.name}({args})"


def process_score(
    reference: list[RefCall],
    log: EpisodeLog,
    defaults: dict[str, dict[str, Any]] | None = None,
) -> tuple[float, dict[str, Any]]:
    """Recall of required evidence and redundancy of the agent's calls.

    ``defaults`` maps tool names to their schema defaults, filled into the agent's
    arguments before they are compared (an omitted argument means its default).
    """
    done = [c for c in log.calls if c.status == "ok"]
    required = [r for r in reference if r.required]
    met = evidence_met(reference, done, defaults)
    hit = [r for i, r in enumerate(reference) if r.required and i in met]
    evidence = [c for c in done if c.name not in _submitted_names(log)]
    recall = (len(hit) / len(required) if required else 1.0) if evidence else 0.0
    seen: set[str] = set()
    repeats = 0
    for c in done:
        key = c.name + repr(sorted((k, _norm(v)) for k, v in c.arguments.items()))
        repeats += key in seen
        seen.add(key)
    redundancy = repeats / len(done) if done else 0.0
    details = {
        "required": len(required),
        "required_met": len(hit),
        "missed": [
            r.name + (f"({r.arguments})" if r.arguments else "") for r in required if r not in hit
        ],
        "redundant_calls": repeats,
    }
    details["evidence_calls"] = len(evidence)
    return recall * (0.8 + 0.2 * (1.0 - redundancy)), details


def _submitted_names(log: EpisodeLog) -> set[str]:
    """Names of the calls that handed in the answer (the terminal call, if any)."""
    if log.answer is None or log.ended_by != "submitted":
        return set()
    last_ok = [c for c in log.calls if c.status == "ok"]
    return {last_ok[-1].name} if last_ok else set()


def format_score(log: EpisodeLog) -> float:
    """Well-formed calls over attempted calls (0 when no call was attempted).

    Calls that failed through an environment error are left out of both counts.
    """
    calls = [c for c in log.calls if c.status != "env_error"]
    if not calls:
        return 0.0
    return sum(c.well_formed for c in calls) / len(calls)


def compute_reward(
    grade: Grade,
    log: EpisodeLog,
    reference: list[RefCall],
    weights: RewardWeights = DEFAULT_WEIGHTS,
    *,
    defaults: dict[str, dict[str, Any]] | None = None,
    length_weight: float = 0.0,
    response_tokens: int | None = None,
    max_tokens: int | None = None,
) -> RewardBreakdown:
    """Turn a grade and an episode log into the reward components and composite."""
    submitted = log.answer is not None
    accuracy = min(1.0, max(0.0, grade.accuracy)) if submitted else 0.0
    process, process_details = process_score(reference, log, defaults)
    safety = safety_score(grade.violations)
    fmt = format_score(log)
    checks = grade.coherence_checks
    coherence = (sum(checks.values()) / len(checks) if checks else 1.0) if submitted else 0.0
    w = weights.normalised()
    parts = {
        "accuracy": accuracy,
        "process": process,
        "safety": safety,
        "format": fmt,
        "coherence": coherence,
    }
    engagement = (accuracy + process) / 2.0
    composite = sum(w[k] * parts[k] * (engagement if k in HYGIENE else 1.0) for k in COMPONENTS)
    if not submitted:
        composite = 0.0
    capped = any(v.severity == "critical" for v in grade.violations)
    if capped:
        composite = min(composite, CRITICAL_CAP)
    length_term = None
    if length_weight and response_tokens is not None and max_tokens:
        length_term = cosine_length_reward(accuracy >= 1.0, response_tokens, max_tokens)
        composite += length_weight * length_term
    return RewardBreakdown(
        **parts,
        composite=composite,
        capped=capped,
        length_term=length_term,
        violations=[asdict(v) for v in grade.violations],
        details={
            "process": process_details,
            "coherence": dict(checks),
            "engagement": engagement,
            **grade.details,
        },
    )
