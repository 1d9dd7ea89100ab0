"""psychiatry validity: the tools observe and compute, the agent judges.

An adversary that reads tool output without any clinical reasoning must do no better
than the lazy policy (+ 0.15).  It calls every observe and compute tool once with
default arguments (observe tools first, so that gated calculators run) on a fresh
episode, then maps the text to an answer with plain string rules: the answer's own
vocabulary (diagnosis labels, synonyms and acronyms, the risk and disposition words,
severity words) and the verdict phrases tools used to print ("acute suicide risk:
high", "positive screen", "probable PTSD", "criteria ... met", "zone IV").  Where it
finds nothing it falls back to the lazy policy's answer.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any

from healthgym.agents.baselines import most_common_answer
from healthgym.domains import get_domain
from healthgym.domains.psychiatry.conditions import DIAGNOSES, DISPOSITIONS
from healthgym.domains.psychiatry.grading import grade
from healthgym.episode import EpisodeLog
from healthgym.tools import ToolError

NAME = "psychiatry"
DOMAIN = get_domain(NAME)
MARGIN = 0.15
FIELDS = ("diagnosis", "suicide_risk", "disposition", "severity")

# answer vocabulary: every way a text could name each diagnosis
SYNONYMS: dict[str, tuple[str, ...]] = {
    "major_depressive_disorder": ("major depress", "depressive disorder", "mdd", "unipolar"),
    "generalized_anxiety_disorder": ("generali", "gad", "anxiety disorder"),
    "posttraumatic_stress_disorder": ("ptsd", "posttraumatic", "post-traumatic", "post traumatic"),
    "bipolar_i_disorder": (
        "bipolar i ",
        "bipolar 1",
        "bipolar spectrum",
        "manic episode criteria: met",
        "mania",
        "positive screen",
    ),
    "bipolar_ii_disorder": ("bipolar ii", "bipolar 2", "hypomanic episode criteria: met"),
    "panic_disorder": ("panic disorder", "panic attacks: met"),
    "alcohol_use_disorder": (
        "alcohol use disorder",
        "alcohol dependence",
        "alcoholism",
        "possible dependence",
        "zone iv",
        "zone iii",
    ),
    "schizophrenia": ("schizo", "psychotic disorder"),
    "mild_neurocognitive_disorder": (
        "mild neurocognitive",
        "mild cognitive impairment",
        "mci",
        "mild form (a, c, d with b absent): met",
    ),
    "major_neurocognitive_disorder": (
        "major neurocognitive",
        "dementia",
        "alzheimer",
        "major form (a, b, c, d): met",
    ),
    "adjustment_disorder": ("adjustment disorder", "adjustment reaction"),
    "no_psychiatric_disorder": ("no psychiatric disorder", "no mental disorder", "healthy"),
}
RISK_PATTERNS = (  # most specific first
    re.compile(r"suicide risk(?:\s+level)?\s*[:=]?\s*(low|moderate|high)\b"),
    re.compile(r"\b(low|moderate|high)\s+(?:acute\s+)?suicide\s+risk\b"),
    re.compile(r"(?:triage|screen) level (\d)"),
    re.compile(r"\brisk(?:\s+level)?\s*[:=]\s*(low|moderate|high)\b"),
    re.compile(r"\b(low|moderate|high)\s+risk\b"),
)
DISPOSITION_WORDS: dict[str, tuple[str, ...]] = {
    "psychiatric_admission": (
        "psychiatric admission",
        "admit now",
        "admission indicated",
        "hospitalisation indicated",
        "hospitalization indicated",
        "inpatient psychiatric",
    ),
    "medically_managed_withdrawal": (
        "medically managed",
        "withdrawal management",
        "inpatient detox",
    ),
    "outpatient": ("outpatient", "routine care", "follow up in clinic"),
}
NEGATION = re.compile(r"\b(no|not|denies|never|without)\b")


def default_arguments(schema: dict[str, Any]) -> dict[str, Any]:
    """Schema-valid default arguments: the default, else the first enum value, else empty."""
    args: dict[str, Any] = {}
    for key, prop in schema["properties"].items():
        if "default" in prop:
            args[key] = prop["default"]
        elif "enum" in prop:
            args[key] = prop["enum"][0]
        elif prop.get("type") == "array":
            args[key] = []
        elif prop.get("type") in ("integer", "number"):
            args[key] = prop.get("minimum", 0)
        elif prop.get("type") == "boolean":
            args[key] = False
        else:
            args[key] = ""
    return args


def read_tools(task) -> str:
    """Every observe tool, then every compute tool, once with default arguments."""
    state = DOMAIN.new_state(task)
    texts = []
    for kind in ("observe", "compute"):
        for t in DOMAIN.toolkit:
            if t.kind != kind:
                continue
            try:
                texts.append(t(state, **default_arguments(t.parameters)))
            except ToolError as e:
                texts.append(str(e))
    return "\n".join(texts)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.;\n])\s*", text.lower()) if s]


def string_matcher(text: str, fallback: dict[str, Any]) -> dict[str, Any]:
    """An answer from plain string rules over the tool text (no clinical reasoning)."""
    low = text.lower()
    answer = dict(fallback)
    hits = Counter()
    for dx, words in SYNONYMS.items():
        label = (dx.replace("_", " "), DIAGNOSES[dx].lower())
        for w in (*label, *words):
            hits[dx] += len(re.findall(r"(?<![a-z])" + re.escape(w.strip()) + r"(?![a-z])", low))
    if hits and hits.most_common(1)[0][1] > 0:
        answer["diagnosis"] = hits.most_common(1)[0][0]
    for pattern in RISK_PATTERNS:
        found = pattern.findall(low)
        if found:
            level = Counter(found).most_common(1)[0][0]
            if level.isdigit():
                level = {"0": "low", "1": "low", "2": "moderate", "3": "high"}[level]
            answer["suicide_risk"] = level
            break
    votes = Counter()
    for sentence in _sentences(text):
        if NEGATION.search(sentence):
            continue
        for disposition, words in DISPOSITION_WORDS.items():
            votes[disposition] += sum(w in sentence for w in words)
    if votes and votes.most_common(1)[0][1] > 0:
        answer["disposition"] = votes.most_common(1)[0][0]
    severity = Counter(re.findall(r"\b(mild|moderate|severe)\b", low))
    if severity:
        answer["severity"] = severity.most_common(1)[0][0]
    assert answer["disposition"] in DISPOSITIONS
    return answer


@cache
def scores() -> dict[str, dict[str, float]]:
    lazy = most_common_answer(NAME)
    tasks = [DOMAIN.task(i) for i in DOMAIN.indices("test")]
    out: dict[str, dict[str, float]] = {"lazy": Counter(), "reader": Counter()}
    for task in tasks:
        guess = string_matcher(read_tools(task), lazy)
        gold = task.grader
        for who, answer in (("lazy", lazy), ("reader", guess)):
            state = DOMAIN.new_state(task)
            out[who]["accuracy"] += grade(task, state, EpisodeLog(answer=answer)).accuracy
            for f in FIELDS:
                out[who][f] += answer[f] == gold[f]
    return {who: {k: v / len(tasks) for k, v in c.items()} for who, c in out.items()}


def test_the_matcher_would_catch_what_the_tools_used_to_print():
    lazy = most_common_answer(NAME)
    old = (
        "Risk factors (VA/DoD 2019): lives alone. Acute suicide risk: high (Columbia triage "
        "level 3). MDQ: positive screen for bipolar spectrum disorder. Psychiatric admission "
        "indicated."
    )
    guess = string_matcher(old, lazy)
    assert guess["suicide_risk"] == "high" and guess["diagnosis"] == "bipolar_i_disorder"
    assert guess["disposition"] == "psychiatric_admission"
    assert string_matcher("PCL-5 40: probable PTSD", lazy)["diagnosis"] == (
        "posttraumatic_stress_disorder"
    )
    assert string_matcher("No psychiatric admissions.", lazy)["disposition"] == lazy["disposition"]


def test_tool_output_does_not_give_the_answer_away():
    s = scores()
    lazy, reader = s["lazy"], s["reader"]
    assert reader["accuracy"] <= lazy["accuracy"] + MARGIN, s
    for f in FIELDS:
        assert reader[f] <= lazy[f] + MARGIN, (f, s)


def test_default_calls_reach_every_observe_and_compute_tool():
    task = DOMAIN.task(DOMAIN.indices("test")[0])
    text = read_tools(task)
    assert "Chief complaint" in text and "C-SSRS screen answers" in text
    assert "PHQ-9 total" in text  # the gated calculator ran after the observe calls
    assert "DSM-5-TR counting rules" in text
