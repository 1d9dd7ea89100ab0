"""ehr_management grader: answer matching, end-state grading, safety and coherence."""

from __future__ import annotations

import simple_icd_10_cm as icd

from healthgym.domains import get_domain
from healthgym.domains.ehr_management.catalog import ICD10_CM
from healthgym.domains.ehr_management.grading import answer_accuracy, lab_key, organism_key
from healthgym.domains.ehr_management.tasks import KINDS
from healthgym.env import HealthGymEnv
from healthgym.tools import format_hermes

DOMAIN = get_domain("ehr_management")


def first_of(kind: str):
    index = next(i for i in range(len(KINDS)) if KINDS[i].name == kind)
    return DOMAIN.task(index)


def play(task, calls: list[tuple[str, dict]]) -> dict:
    """Run scripted calls then return the final reward components."""
    env = HealthGymEnv(domain="ehr_management", split=None)
    env.reset(options={"task": task})
    info: dict = {}
    for name, args in calls:
        _, _, done, _, info = env.step(format_hermes(name, args))
        if done:
            break
    return info["reward_components"]


def test_numbers_times_and_names_are_normalised():
    spec = {"kind": "peak_lab", "value": 3.51, "tol": 0.005, "charttime": "2150-01-12 06:00"}
    assert answer_accuracy(spec, {"value": 3.51, "charttime": "2150-01-12T06:00:00"})[0] == 1
    assert answer_accuracy(spec, {"value": 3.514, "charttime": "2150-01-12 6:00"})[0] == 1
    assert answer_accuracy(spec, {"value": 3.52, "charttime": "2150-01-12 06:00"})[0] == 0.4
    assert answer_accuracy(spec, {"value": "3.51", "charttime": "2150-01-12"})[0] == 0.6
    assert answer_accuracy(spec, {"value": "high"})[0] == 0.0
    med = {"kind": "home_med_not_restarted", "drug": "apixaban"}
    assert answer_accuracy(med, {"answer": "Eliquis 5 mg"})[0] == 1.0
    culture = {
        "kind": "first_positive_culture",
        "date": "2150-01-10",
        "organism": "ESCHERICHIA COLI",
    }
    assert answer_accuracy(culture, {"answer": "E. coli", "charttime": "2150-01-10 09:00"})[0] == 1
    assert answer_accuracy(culture, {"answer": "Klebsiella", "charttime": "2150-01-10"})[0] == 0.5
    assert organism_key("Staphylococcus aureus") == "STAPH AUREUS COAG +"
    assert lab_key("Platelet Count") == lab_key("platelets") == "platelets"
    news = {"kind": "news2_response", "level": "low-medium", "value": 3.0, "tol": 0.01}
    assert answer_accuracy(news, {"answer": "Low medium", "value": 3})[0] == 1.0
    crit = {"kind": "critical_values", "labs": ["bicarbonate", "glucose", "ph"]}
    assert answer_accuracy(crit, {"items": ["Bicarbonate", "Glucose", "pH"]})[0] == 1.0
    assert answer_accuracy(crit, {"items": ["glucose", "pH"]})[0] == 2 / 3
    assert answer_accuracy(crit, {"items": ["glucose", "ph", "bicarbonate", "sodium"]})[0] == 0.75


def test_action_graded_on_end_state_with_partial_credit():
    task = first_of("stop_nephrotoxins")
    targets = task.grader["discontinue"]
    review = ("get_medications", {"hadm_id": DOMAIN.new_state(task).open_hadm})
    consult = ("place_order", {"order_type": "consult", "item": "nephrology"})
    done = ("submit_answer", {"answer": "done"})
    c = play(
        task, [review, *[("discontinue_order", {"order_id": p}) for p in targets], consult, done]
    )
    assert c["accuracy"] == 1.0 and c["coherence"] == 1.0 and not c["violations"]
    # saying "done" changes nothing in the record: no credit
    assert play(task, [done])["accuracy"] == 0.0
    partial = play(task, [review, consult, done])
    assert partial["accuracy"] == 1 / (len(targets) + 1)
    # acting without reviewing the orders first is incoherent
    blind = play(task, [*[("discontinue_order", {"order_id": p}) for p in targets], consult, done])
    assert blind["accuracy"] == 1.0 and blind["coherence"] == 0.0


def test_harmful_actions_are_violations_and_cap_the_reward():
    task = first_of("stop_nephrotoxins")
    state = DOMAIN.new_state(task)
    rows = state.db.execute(
        "SELECT poe_id, drug FROM prescriptions WHERE hadm_id = ? AND stoptime IS NULL",
        (state.open_hadm,),
    ).fetchall()
    antibiotic = next(p for p, d in rows if d == "Piperacillin-Tazobactam")
    c = play(
        task,
        [
            ("discontinue_order", {"order_id": antibiotic}),
            ("place_order", {"order_type": "medication", "item": "ibuprofen"}),
            ("submit_answer", {"answer": "done"}),
        ],
    )
    codes = {(v["code"], v["severity"]) for v in c["violations"]}
    assert codes == {("stopped_needed_drug", "critical"), ("contraindicated_order", "major")}
    assert c["capped"] and c["composite"] <= 0.1 and c["safety"] == 0.0


def test_stopping_the_wrong_duplicate_halves_accuracy():
    task = first_of("stop_duplicate")
    keep = task.grader["keep"][0]
    c = play(task, [("discontinue_order", {"order_id": keep}), ("submit_answer", {"answer": "d"})])
    assert c["accuracy"] == 0.0 and c["details"]["parts"]["kept"] is False
    assert [v["code"] for v in c["violations"]] == ["wrong_order_stopped"]
    both = [("discontinue_order", {"order_id": p}) for p in [keep, *task.grader["discontinue"]]]
    c = play(task, [*both, ("submit_answer", {"answer": "done"})])
    assert c["accuracy"] == 0.5


def test_note_task_reads_the_new_note():
    task = first_of("document_note")
    note = task.grader["note"]
    text = next(c.arguments["text"] for c in task.reference.calls if c.name == "write_note")
    wrong = text.replace(note["date"], "2000-01-01") if "date" in note else text + " stage 9"
    ok = play(
        task,
        [
            ("write_note", {"category": "Progress", "text": text}),
            ("submit_answer", {"answer": "done"}),
        ],
    )
    assert ok["accuracy"] == 1.0
    if "date" in note:
        bad = play(
            task,
            [
                ("write_note", {"category": "Progress", "text": wrong}),
                ("submit_answer", {"answer": "d"}),
            ],
        )
        assert bad["accuracy"] == 0.5


def test_chart_review_penalises_unrequested_orders_and_ungrounded_answers():
    task = first_of("lace_band")
    answer = task.reference.answer
    c = play(
        task,
        [
            ("place_order", {"order_type": "lab", "item": "potassium"}),
            ("submit_answer", answer),
        ],
    )
    # right answer, but never computed in the episode and an order nobody asked for
    assert c["accuracy"] == 1.0 and c["coherence"] == 0.0
    assert [v["code"] for v in c["violations"]] == ["unrequested_action"]
    assert c["safety"] == 0.8


def test_safety_rules_follow_the_admission_in_progress():
    task = first_of("hold_antithrombotics")
    targets = {r.target: r.severity for r in task.safety}
    assert targets["order:apixaban"] == "critical" and targets["order:aspirin"] == "major"
    assert not any(t.startswith("discontinue:apixaban") for t in targets)  # the goal itself
    assert "order:any" not in targets  # actions are requested in an action task
    review = first_of("lace_band")
    assert {"order:any", "discontinue:any"} <= {r.target for r in review.safety}


def test_icd10_titles_are_the_official_ones():
    for code, title in ICD10_CM.items():
        assert icd.is_valid_item(code), code
        assert icd.get_description(code) == title, code
