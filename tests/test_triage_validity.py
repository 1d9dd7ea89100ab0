"""triage_emergency validity: tools observe and compute, the agent judges.

* An adversary - a plain string matcher over the outputs of every observe and compute
  tool, each called once with schema-valid default arguments (``patient_id`` P1) -
  must not reproduce the ESI level: its accuracy on the single-patient tasks of the
  test split stays within 0.15 of the lazy policy's (which submits one constant level).
  Before issue 15 the first rule family below (the decision-point verdicts: "[life-saving
  intervention category]", "High-risk features: ...", "Expected resources: N", "IN the
  danger zone") reproduced the gold level on every single-patient task.
* No observe or compute tool output states a level, a decision-point verdict, a
  resource classification or count, a risk level, or a START/JumpSTART category.
* Record-reading compute tools are gated per patient on the observations they read.
* Doing nothing earns little: lazy composite <= 0.25, random <= 0.30 on the test split.
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from healthgym.agents import LazyPolicy, RandomToolPolicy
from healthgym.domains import get_domain
from healthgym.runner import run_suite, summarize
from healthgym.tools import ToolError, validate_arguments

NAME = "triage_emergency"
DOMAIN = get_domain(NAME)
MARGIN = 0.15


def default_arguments(t) -> dict:
    """Schema-valid default arguments: P1 / C1, the first enum value, the minimum."""
    args: dict = {}
    for name, prop in t.parameters["properties"].items():
        if name not in t.parameters["required"]:
            continue
        if name == "patient_id":
            args[name] = "P1"
        elif name == "casualty_id":
            args[name] = "C1"
        elif "enum" in prop:
            args[name] = prop["enum"][0]
        elif prop.get("type") in ("number", "integer"):
            args[name] = prop.get("minimum", 1)
        elif prop.get("type") == "boolean":
            args[name] = False
        elif prop.get("type") == "array":
            args[name] = []
        else:
            args[name] = "x"
    return args


def tool_texts(task) -> list[str]:
    """Every observe tool, then every compute tool, once each, on a fresh episode."""
    state = DOMAIN.new_state(task)
    tools = [t for t in DOMAIN.toolkit if t.kind in ("observe", "compute")]
    tools.sort(key=lambda t: t.kind != "observe")  # observations first: gates open
    out = []
    for t in tools:
        try:
            out.append(t(state, **validate_arguments(t, default_arguments(t))))
        except ToolError as e:
            out.append(str(e))
    return out


# ------------------------------------------------------------------ the adversary


def _verdicts(text: str) -> int | None:
    m = re.search(r"\bESI\s*(?:level\s*)?([1-5])\b", text, re.IGNORECASE)
    if m:
        return int(m.group(1))
    if "life-saving intervention category" in text:
        return 1
    if (
        re.search(r"High-risk features: (?!none)", text)
        or "confusion, lethargy or disorientation: yes" in text
        or "(severe;" in text
    ):
        return 2
    m = re.search(r"Expected resources: (\d+)", text)
    if m:
        n = int(m.group(1))
        if n < 2:
            return 5 - n
        return 2 if "IN the danger zone" in text else 3
    return None


def _alarm_words(text: str) -> int | None:
    if re.search(r"No palpable pulse|AVPU:? [PU]\b|apnoeic|not responding", text):
        return 1
    if re.search(
        r"high[- ]risk|severe|danger zone|upgrade|up-triage|is above|is below|AVPU:? V", text, re.I
    ):
        return 2
    return None


def _list_length(text: str) -> int:
    n = len(re.findall(r"^- ", text, re.MULTILINE))
    return 5 if n <= 2 else (4 if n == 3 else 3)


MATCHERS = {
    "verdicts, alarm words, list length": (_verdicts, _alarm_words, _list_length),
    "alarm words, list length": (_alarm_words, _list_length),
    "alarm words": (_alarm_words,),
    "list length": (_list_length,),
}

# A reader WITH a clinical lexicon: the ESI handbook's resource table as keywords, pain
# >= 7, AVPU.  It is not a shallow reader - it applies decision points C and D, which
# given a concrete list of anticipated care are mechanical by design (the care items
# are findings the agent must classify).  What it must not solve is the judgment at
# decision point B (is this situation high risk?), which no tool states.
_RESOURCE_TYPES = (
    r"\b(CBC|electrolytes|urinalysis|culture|blood tests|laborator)",
    r"12-lead ECG",
    r"radiograph",
    r"\b(CT|MRI|ultrasound|angiograph)",
    r"IV fluids",
    r"(IV|IM|nebulised) (medication|antibiotic|magnesium|bronchodilator|salbutamol)|nebulised",
    r"consultation",
    r"(sutures|catheter insertion|incision and drainage|lumbar puncture)",
    r"sedation",
    r"sedation",  # a complex procedure counts two
)


def lexicon_reader(text: str) -> int:
    if re.search(r"No palpable pulse|AVPU:? [PU]\b|apnoeic", text):
        return 1
    if re.search(r"in severe distress|Pain: ([7-9]|10)/10|AVPU:? V", text):
        return 2
    m = re.search(r"Anticipated emergency department care.*?(?=\n[^-]|\Z)", text, re.S)
    block = m.group(0) if m else ""
    n = sum(1 for pattern in _RESOURCE_TYPES if re.search(pattern, block))
    if n < 2:
        return 5 - n
    return 2 if " is above " in text or " is below " in text else 3


def match(text: str, rules) -> int:
    for rule in rules:
        level = rule(text)
        if level is not None:
            return level
    return 3


@cache
def single_test_tasks() -> list:
    tasks = [DOMAIN.task(i) for i in DOMAIN.indices("test")]
    return [t for t in tasks if t.grader["kind"] == "single"]


@cache
def lazy_esi_accuracy() -> float:
    level = LazyPolicy.for_domain(NAME).answer.get("esi_level")
    tasks = single_test_tasks()
    return sum(t.grader["esi"] == level for t in tasks) / len(tasks)


def matcher_accuracies() -> dict[str, float]:
    tasks = single_test_tasks()
    texts = ["\n".join(tool_texts(t)) for t in tasks]
    return {
        name: sum(match(x, rules) == t.grader["esi"] for x, t in zip(texts, tasks, strict=True))
        / len(tasks)
        for name, rules in MATCHERS.items()
    }


def test_string_matcher_does_not_reproduce_the_esi_level():
    accuracies = matcher_accuracies()
    bound = lazy_esi_accuracy() + MARGIN
    assert max(accuracies.values()) <= bound, (accuracies, lazy_esi_accuracy())


def test_a_lexicon_reader_does_not_solve_the_high_risk_judgment():
    tasks = [t for t in single_test_tasks() if t.grader["decided_at"] == "B"]
    hits = sum(lexicon_reader("\n".join(tool_texts(t))) == t.grader["esi"] for t in tasks)
    assert len(tasks) >= 15 and hits / len(tasks) <= 0.25


def test_the_old_verdicts_are_gone():
    """The rules that read the pre-issue-15 verdicts find nothing to read."""
    for task in single_test_tasks()[:30]:
        assert _verdicts("\n".join(tool_texts(task))) is None, task.id


# ------------------------------------------------------------------ no verdict text

VERDICT = re.compile(
    r"\bESI\s*(?:level\s*)?[1-5]\b|\blevel\s*[1-5]\b|Expected resources|"
    r"life-saving intervention|not a resource|resource \(|resources?:|counts 2|"
    r"High-risk features|high[- ]risk|danger zone\b|IN the danger|up-?triage|upgrade|"
    r"Screen result|\b(?:low|moderate|high) risk|risk level|no risk identified|"
    r"disposition|care area|resuscitation bay|fast[- ]track",
    re.IGNORECASE,
)
MCI_CATEGORY = re.compile(r"\b(immediate|delayed|minor|expectant|red|yellow|green|black)\b", re.I)


def _all_outputs(task) -> list[str]:
    """Every observe/compute tool on every patient (or casualty) of the task, after
    every observation of that patient (so the gated tools run)."""
    state = DOMAIN.new_state(task)
    ids = list(state.patients) or ["P1"]
    observe = [t for t in DOMAIN.toolkit if t.kind == "observe"]
    compute = [t for t in DOMAIN.toolkit if t.kind == "compute"]
    out = []
    for pid in ids:
        for t in observe + compute:
            args = default_arguments(t)
            args.update({"patient_id": pid} if "patient_id" in args else {})
            variants = [args]
            if t.name == "point_of_care_test":
                variants = [{**args, "test": x} for x in ("glucose", "troponin", "urine_hcg")]
            for a in variants:
                try:
                    out.append(t(state, **validate_arguments(t, a)))
                except ToolError as e:
                    out.append(str(e))
    for cid in state.casualties:
        out.append(DOMAIN.toolkit.get("mci_assess_casualty")(state, casualty_id=cid))
    return out


@pytest.mark.parametrize("step", [0, 1, 2, 3, 4])
def test_no_observe_or_compute_output_states_a_verdict(step):
    for index in range(step, DOMAIN.n_tasks, 5 * 3):
        task = DOMAIN.task(index)
        for text in _all_outputs(task):
            found = VERDICT.search(text)
            assert not found, (task.id, found.group(0), text)
            if task.grader["kind"] == "mci":
                found = MCI_CATEGORY.search(text)
                assert not found, (task.id, found.group(0), text)


def test_kinds_of_the_triage_tools():
    kinds = {t.name: t.kind for t in DOMAIN.toolkit}
    assert kinds == {
        "get_presentation": "observe",
        "get_vitals": "observe",
        "assess_abc": "observe",
        "assess_mental_status": "observe",
        "esi_lifesaving_needs": "observe",
        "esi_high_risk_review": "observe",
        "esi_expected_resources": "observe",
        "check_danger_zone_vitals": "compute",
        "obtain_triage_ecg": "observe",
        "point_of_care_test": "observe",
        "calculate_gcs": "compute",
        "calculate_shock_index": "compute",
        "calculate_qsofa": "compute",
        "calculate_sirs": "compute",
        "sepsis_screen": "compute",
        "calculate_rts": "compute",
        "calculate_heart_score": "compute",
        "suicide_risk_screen": "observe",
        "lookup_protocol": "reference",
        "mci_assess_casualty": "observe",
        "submit_triage": "submit",
        # the shared knowledge-base tools every domain carries
        "search_knowledge": "reference",
        "read_passage": "reference",
    }
    # every compute tool that reads the record is gated on a per-patient observation
    for t in DOMAIN.toolkit:
        if t.kind == "compute" and "patient_id" in t.parameters["properties"]:
            assert t.needs and all("{patient_id}" in k for n in t.needs for k in n.keys), t.name


def test_compute_tools_are_gated_per_patient():
    task = next(
        DOMAIN.task(i)
        for i in range(DOMAIN.n_tasks)
        if DOMAIN.task(i).grader["kind"] == "queue"
        and all(p["age_days"] >= 18 * 366 for p in DOMAIN.task(i).hidden["patients"])
    )
    state = DOMAIN.new_state(task)
    kit = DOMAIN.toolkit
    kit.get("get_vitals")(state, patient_id="P1")
    kit.get("assess_mental_status")(state, patient_id="P1")
    for name in ("check_danger_zone_vitals", "calculate_shock_index", "calculate_qsofa"):
        assert kit.get(name)(state, patient_id="P1")
        with pytest.raises(ToolError, match="call get_vitals first"):
            kit.get(name)(state, patient_id="P2")


def test_esi_protocol_describes_the_decision_points():
    text = DOMAIN.toolkit.get("lookup_protocol")(None, protocol="esi")
    for needle in (
        "A - Does the patient need an immediate life-saving intervention",
        "B - Should the patient not wait",
        "C - How many different resources",
        "D - Danger-zone vital signs",
        "Not resources:",
        "> 180/min and respiratory rate > 50/min under 3 months",
        "SpO2 < 92%",
        "Gilboy N, Tanabe P, Travers D, Rosenau AM",
        "2012 Edition",
    ):
        assert needle in text, needle


# ------------------------------------------------------------------ doing nothing


def test_lazy_and_random_earn_little():
    lazy = summarize(list(run_suite(LazyPolicy.for_domain, [NAME], "test")))["overall"]
    rand = summarize(list(run_suite(lambda d: RandomToolPolicy(seed=3), [NAME], "test")))
    assert lazy["reward"] <= 0.25, lazy
    assert rand["overall"]["reward"] <= 0.30, rand["overall"]
