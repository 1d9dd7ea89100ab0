"""medical_qa parts: calculator tool and questions, question generators, grader."""

from __future__ import annotations

from collections import Counter
from functools import cache

import numpy as np
import pytest

from healthgym.clinical.diseases import PROFILES
from healthgym.clinical.drugs import drugs, interaction
from healthgym.clinical.registry import core_scores
from healthgym.clinical.scores import curb65
from healthgym.clinical.text import contains_phrase, normalize
from healthgym.clinical.treatments import ALLERGY_CLASSES, TREATMENTS
from healthgym.domains import get_domain
from healthgym.domains.medical_qa import calc_questions as cq
from healthgym.domains.medical_qa import drug_questions as dq
from healthgym.domains.medical_qa import questions as qs
from healthgym.domains.medical_qa.grading import grade
from healthgym.domains.medical_qa.records import Option, QAState, Question
from healthgym.domains.medical_qa.tasks import (
    DISEASE_VARIANTS,
    DRUG_TASKS_PER_KIND,
    N_TASKS,
    make_question,
    plan,
)
from healthgym.domains.medical_qa.tools import calculate, describe_score, submit_answer
from healthgym.episode import CallRecord, EpisodeLog
from healthgym.patients.generator import is_unsafe
from healthgym.tools import ToolError, validate_arguments

DOMAIN = get_domain("medical_qa")


@cache
def all_questions() -> tuple[Question, ...]:
    return tuple(make_question(i) for i in range(N_TASKS))


def by_kind(kind: str) -> list[Question]:
    return [q for q in all_questions() if q.kind == kind]


# ---------------------------------------------------------------------- calculate


def test_calculate_describes_inputs_and_computes():
    state = QAState(task_id="t")
    described = calculate(state, score="curb65", inputs="{}")
    assert described.startswith("CURB-65 severity score") and "bun_mg_dl (float)" in described
    assert "confusion (bool)" in described and state.calculations == {}
    # Lim 2003: confusion 1, BUN 25 > 19 1, RR 32 >= 30 1, BP 88/55 low 1, age 70 1 -> 5
    args = '{"confusion": true, "bun_mg_dl": 25, "respiratory_rate": 32, "sbp": 88, '
    args += '"dbp": 55, "age": 70}'
    out = calculate(state, score="curb65", inputs=args)
    assert out.startswith("CURB-65: 5 ") and state.calculations == {"curb65": [5.0]}
    assert calculate(state, score="gcs", inputs='{"eye": 3, "verbal": 4, "motor": 6}').startswith(
        "GCS: 13"
    )
    assert state.calculations["gcs"] == [13.0]


@pytest.mark.parametrize(
    ("inputs", "message"),
    [
        ("{not json", "must be a JSON object"),
        ("[1, 2]", "must be a JSON object"),
        ('{"eye": 3}', "missing"),
        ('{"eye": 3, "verbal": 4, "motor": 6, "pupils": 1}', "unexpected keyword"),
        ('{"eye": 9, "verbal": 4, "motor": 6}', "eye must be between 1 and 4"),
    ],
)
def test_calculate_rejects_bad_inputs_clearly(inputs, message):
    with pytest.raises(ToolError, match=message):
        calculate(QAState(task_id="t"), score="gcs", inputs=inputs)


def test_calculate_schema_is_fixed_and_valid():
    schema = calculate.parameters["properties"]["score"]
    assert set(schema["enum"]) <= set(core_scores()) and len(schema["enum"]) >= 20
    assert all(t.score in schema["enum"] for t in cq.TEMPLATES)
    assert validate_arguments(submit_answer, {"answer": "b", "rationale": "x"})["answer"] == "B"
    for score in schema["enum"]:
        assert "Inputs:" in describe_score(score)


def test_numeric_options_place_the_value_anywhere():
    rng = np.random.default_rng(0)
    positions = Counter(cq.numeric_options(3, 0, 6, 1, rng)[1] for _ in range(200))
    assert set(positions) == {0, 1, 2, 3}
    near_bottom = Counter(cq.numeric_options(1, 0, 6, 1, rng)[1] for _ in range(100))
    assert set(near_bottom) == {0, 1}  # only one value below 1 in range
    assert cq.numeric_options(0, 0, 5, 1, rng) == ([0, 1, 2, 3], 0)
    assert cq.numeric_options(5, 0, 5, 1, rng) == ([2, 3, 4, 5], 3)
    values, pos = cq.numeric_options(7.5, 0, 12.5, 1.5, rng)
    assert values[pos] == 7.5 and len(set(values)) == 4


def test_calculator_questions_are_computed_by_the_score_library():
    questions = by_kind("calculator")
    assert len(questions) == len(cq.TEMPLATES) * 5
    for q in questions:
        calc = q.calculation
        assert calc is not None
        value = float(core_scores()[calc["score"]](**calc["inputs"]).value)
        assert value == calc["value"] and float(q.correct.text) == value
        numbers = [float(o.text) for o in q.options]
        assert numbers == sorted(numbers) and len(set(numbers)) == 4
    assert set(Counter(q.answer for q in questions)) == {"A", "B", "C", "D"}


def test_curb65_template_states_every_input():
    q = cq.calculator_question(cq.TEMPLATE_BY_SCORE["curb65"], np.random.default_rng(11))
    i = q.calculation["inputs"]
    assert f"Respiratory rate {i['respiratory_rate']}/min" in q.stem
    assert f"blood pressure {i['sbp']}/{i['dbp']} mmHg" in q.stem
    assert f"Blood urea nitrogen {i['bun_mg_dl']} mg/dL" in q.stem
    assert ("newly confused" in q.stem) == i["confusion"]
    assert q.calculation["value"] == curb65(**i).value


# ------------------------------------------------------------------- generators


def test_plan_covers_every_disease_and_kind():
    kinds = Counter(k for k, _, _ in plan())
    assert kinds == {
        "diagnosis": 4 * len(PROFILES),
        "next_step": 3 * len(PROFILES),
        "treatment": 4 * len(PROFILES),
        "calculator": 5 * len(cq.TEMPLATES),
        "mechanism": DRUG_TASKS_PER_KIND,
        "adverse_effect": DRUG_TASKS_PER_KIND,
        "interaction": DRUG_TASKS_PER_KIND,
    }
    for kind, n in DISEASE_VARIANTS.items():
        topics = Counter(t for k, t, _ in plan() if k == kind)
        assert set(topics) == set(PROFILES) and set(topics.values()) == {n}


def test_confusable_ranks_by_similarity():
    for key, p in PROFILES.items():
        order = qs.confusable(key)
        assert key not in order and len(order) == len(PROFILES) - 1
        scores = [qs.similarity(p, PROFILES[k]) for k in order]
        assert scores == sorted(scores, reverse=True)
        assert scores[0] > 0
    order = qs.confusable("acute_pyelonephritis")
    assert order[0] == "urosepsis"  # other system, but the same findings and tests
    assert "stemi" in qs.confusable("nstemi")[:2]


def test_diagnosis_options_are_distinct_diseases():
    for q in by_kind("diagnosis"):
        assert len(q.options) == 5 and q.correct.key == q.topic
        assert all(o.key in PROFILES for o in q.options)
        pool = qs.confusable(q.topic)[: qs.DIAGNOSIS_POOL]
        assert all(o.key in pool for o in q.options if o.key != q.topic)


def test_next_step_answer_is_a_key_test_and_distractors_are_not():
    for q in by_kind("next_step"):
        key_tests = set(PROFILES[q.topic].key_tests)
        assert q.correct.key in key_tests
        assert not {o.key for o in q.options if o is not q.correct} & key_tests


def test_treatment_answer_is_safe_and_distractors_are_not_accepted():
    allergy_traps = 0
    for index, q in enumerate(all_questions()):
        if q.kind != "treatment":
            continue
        profile = PROFILES[q.topic]
        accepted = set(profile.first_line) | {a for v in profile.alternatives.values() for a in v}
        assert q.correct.key in accepted
        assert not [r for r in q.safety if r.target == q.correct.key], index
        for o in q.options:
            if o is not q.correct and o.key in accepted:
                # only a first-line drug this patient cannot have may appear as a distractor
                assert o.key in profile.first_line and [r for r in q.safety if r.target == o.key]
        allergy_traps += any(
            r.code == "allergy" and r.target in profile.first_line for r in q.safety
        )
    assert allergy_traps >= 15


def test_treatment_respects_the_stated_allergy():
    """Odd treatment variants look for an allergic patient: the stem states the
    allergy, the blocked first-line drug is a trap and the answer is its substitute."""
    checked = 0
    for (kind, topic, _), q in zip(plan(), all_questions(), strict=True):
        traps = [
            r for r in q.safety if r.code == "allergy" and r.target in PROFILES[topic].first_line
        ]
        if kind != "treatment" or not traps:
            continue
        allergen = next(
            a
            for a in ALLERGY_CLASSES
            if traps[0].reason.startswith(f"patient is allergic to {a} (")
        )
        assert f"Documented drug allergies: {allergen}" in q.stem
        assert ALLERGY_CLASSES[allergen] not in TREATMENTS[q.correct.key].allergy_classes
        assert not is_unsafe(q.correct.key, {ALLERGY_CLASSES[allergen]}, set())
        checked += 1
    assert checked >= 15


def test_question_validation():
    a, b = Option("x", "x", ("x",)), Option("y", "y", ("y",))
    with pytest.raises(ValueError, match="duplicate"):
        Question(kind="diagnosis", topic="t", stem="s", options=(a, a), answer="A")
    with pytest.raises(ValueError, match="not an option"):
        Question(kind="diagnosis", topic="t", stem="s", options=(a, b), answer="C")
    Question(kind="benchmark", topic="t", stem="s", options=(a, a), answer="B")  # as published


# ------------------------------------------------------------------------ grader


def _log(answer: str, rationale: str = "", read: tuple[str, ...] = ()) -> EpisodeLog:
    log = EpisodeLog()
    for i, text in enumerate(read):
        log.calls.append(CallRecord(i + 1, "read_passage", {"passage_id": "p"}, "ok", text))
    log.calls.append(CallRecord(9, "submit_answer", {}, "ok", ""))
    log.answer = {"answer": answer, "rationale": rationale}
    return log


def _task_of_kind(kind: str, predicate=lambda t: True):
    for i in range(N_TASKS):
        t = DOMAIN.task(i)
        if t.grader["kind"] == kind and predicate(t):
            return t
    raise AssertionError(kind)


def test_grader_scores_letter_rationale_and_evidence():
    t = _task_of_kind("diagnosis")
    right = t.grader["answer"]
    name = t.grader["options"][right]["text"]
    wrong = next(x for x in t.grader["options"] if x != right)
    feature = t.grader["subject"][0]  # a passage that states the disease with its findings
    passage = (f"{name}: presentation", f"{name} presents with {feature}.")
    g = grade(t, QAState(task_id=t.id), _log(right, f"It is {name}.", ("\n".join(passage),)))
    assert g.accuracy == 1.0 and not g.violations
    assert g.coherence_checks == {"rationale_names_choice": True, "evidence_supports_choice": True}
    g = grade(t, QAState(task_id=t.id), _log(wrong, f"It is {name}.", ("unrelated text",)))
    assert g.accuracy == 0.0
    assert g.coherence_checks == {
        "rationale_names_choice": False,
        "evidence_supports_choice": False,
    }
    g = grade(t, QAState(task_id=t.id), EpisodeLog())
    assert g.accuracy == 0.0 and g.details["chosen"] is None


def test_grader_flags_an_allergy_trap_as_critical():
    t = _task_of_kind("treatment", lambda t: any(r.code == "allergy" for r in t.safety))
    rule = next(r for r in t.safety if r.code == "allergy")
    letter = next(L for L, o in t.grader["options"].items() if o["key"] == rule.target)
    g = grade(t, QAState(task_id=t.id), _log(letter, "x"))
    assert g.accuracy == 0.0
    assert [v.severity for v in g.violations if v.code == "allergy"] == ["critical"]


def test_grader_flags_contraindications():
    t = _task_of_kind(
        "treatment", lambda t: any(r.code == "contraindicated_treatment" for r in t.safety)
    )
    rule = next(r for r in t.safety if r.code == "contraindicated_treatment")
    letter = next(L for L, o in t.grader["options"].items() if o["key"] == rule.target)
    g = grade(t, QAState(task_id=t.id), _log(letter, "x"))
    assert "critical" in {v.severity for v in g.violations}
    t = _task_of_kind(
        "treatment", lambda t: any(r.code == "comorbidity_contraindication" for r in t.safety)
    )
    rule = next(r for r in t.safety if r.code == "comorbidity_contraindication")
    letter = next(L for L, o in t.grader["options"].items() if o["key"] == rule.target)
    g = grade(t, QAState(task_id=t.id), _log(letter, "x"))
    assert "major" in {v.severity for v in g.violations}


def test_grader_checks_the_calculation():
    t = _task_of_kind("calculator")
    calc, right = t.grader["calculation"], t.grader["answer"]
    state = QAState(task_id=t.id, calculations={calc["score"]: [calc["value"]]})
    g = grade(t, state, _log(right, f"= {calc['value']:g}"))
    assert g.accuracy == 1.0 and g.coherence_checks == {
        "rationale_names_choice": True,
        "calculation_supports_choice": True,
    }
    g = grade(t, QAState(task_id=t.id), _log(right, "guess"))
    assert g.coherence_checks["calculation_supports_choice"] is False
    g = grade(t, state, _log("E", "x"))  # calculator questions have four options
    assert g.accuracy == 0.0 and g.details["not_an_option"]


# ------------------------------------------------------------- pharmacology (formulary)


def test_drug_questions_have_one_defensible_answer():
    """Generated for every eligible drug: distractors never share the answer's
    mechanism, never list the adverse effect, never interact with the patient's drug;
    the stem never names the answer."""
    topics = dq.drug_topics()
    assert {k: len(v) >= 100 for k, v in topics.items()} == dict.fromkeys(dq.DRUG_QUESTIONS, True)
    formulary = drugs()
    for kind, make in dq.DRUG_QUESTIONS.items():
        for i, name in enumerate(topics[kind]):
            q = make(name, np.random.default_rng(i))
            assert len(q.options) == 5 and q.topic == name and q.kind == kind
            answer = formulary[q.correct.key]
            others = [formulary[o.key] for o in q.options if o.key != answer.name]
            stem = normalize(q.stem)
            assert not any(contains_phrase(stem, normalize(p)) for p in q.correct.phrases)
            if kind == "mechanism":
                assert all(d.group != answer.group for d in others)
                assert not any(dq.same_mechanism(d.mechanism, answer.mechanism) for d in others)
            elif kind == "adverse_effect":
                effect = normalize(q.stem.rsplit(": ", 1)[1].rstrip("?"))
                assert any(normalize(a).startswith(effect) for a in answer.adverse_effects)
                assert not any(effect in normalize(a) for d in others for a in d.adverse_effects)
            else:
                victim = q.stem.split("takes ", 1)[1].split(" long term")[0]
                assert victim == name
                assert interaction(victim, answer.name).severity in ("major", "contraindicated")
                assert all(interaction(victim, d.name) is None for d in others)


def test_same_mechanism_ignores_prodrug_and_parenthesis_wording():
    assert dq.mechanism_core("Prodrug; blocks the AT1 receptor") == "blocks the at1 receptor"
    assert dq.same_mechanism(
        "Binds the 50S ribosomal subunit",
        "Binds the 50S ribosomal subunit (23S rRNA); weak reversible MAO inhibition",
    )
    assert dq.same_mechanism(
        "Blocks L-type calcium channels, slowing AV-node conduction",
        "Blocks L-type calcium channels in vascular smooth muscle",
    )
    assert not dq.same_mechanism(
        "Prodrug; blocks the AT1 receptor",
        "Prodrug of enalaprilat; inhibits angiotensin-converting enzyme",
    )


def test_with_answer_at_rotates_and_keeps_the_order():
    opts = tuple(Option(t, t, (t,)) for t in ("p", "q", "r", "s", "t"))
    q = Question(kind="diagnosis", topic="x", stem="s", options=opts, answer="B")
    for position in range(5):
        moved = q.with_answer_at(position)
        assert moved.answer == "ABCDE"[position] and moved.correct.text == "q"
        texts = "".join(o.text for o in moved.options)
        assert texts in "pqrstpqrst"  # a rotation of the original order
