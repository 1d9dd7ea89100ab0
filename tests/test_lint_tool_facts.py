"""The task lint's tool-output rule (issue 17): every number an observe tool prints is
traceable to the task's hidden record (:mod:`healthgym.lint.tool_facts`)."""

from __future__ import annotations

import dataclasses

import pytest

from healthgym.domains import get_domain
from healthgym.lint import ALL_RULES, RULES, TASK_RULES, lint_suite, lint_task
from healthgym.lint.printed import Printed, numbers
from healthgym.lint.tool_facts import RULE, ToolFactStats, check_task, tool_fact_traceable
from healthgym.lint.trace import build_trace


def patch_tool(monkeypatch, domain: str, name: str, extra: str) -> None:
    """Make ``name`` of ``domain`` print ``extra`` after its real output."""
    toolkit = get_domain(domain).toolkit
    real = toolkit.get(name)
    assert real is not None and real.kind == "observe"

    def invented(state, *args, **kwargs):
        return real.fn(state, *args, **kwargs) + extra

    monkeypatch.setitem(toolkit.tools, name, dataclasses.replace(real, fn=invented))


def test_the_rule_is_registered_and_documented():
    assert RULE == "tool_fact_traceable"
    assert RULE in TASK_RULES and RULE in ALL_RULES and RULE not in RULES
    doc = tool_fact_traceable.__doc__ or ""
    assert "Limits" in doc and "Excluded" in doc and "2024" in doc


def test_an_invented_value_fires(monkeypatch):
    task = get_domain("clinical_diagnosis").make_task(0)
    assert list(tool_fact_traceable("clinical_diagnosis", task)) == []
    patch_tool(monkeypatch, "clinical_diagnosis", "get_vitals", "; Lactate 7.77 mmol/L.")
    (detail,) = tool_fact_traceable("clinical_diagnosis", task)
    assert detail.startswith("get_vitals printed 7.77, not in the record")
    # through the runner, as the CLI runs it
    (v,) = lint_task("clinical_diagnosis", 0, [RULE])
    assert v.rule == RULE and v.task_id == task.id and "7.77" in v.detail


def test_an_invented_date_and_a_value_beside_a_reference_fire(monkeypatch):
    task = get_domain("psychiatry").make_task(3)
    patch_tool(
        monkeypatch,
        "psychiatry",
        "get_medical_history",
        " Seen on 2031-02-29. TSH 9.87 mU/L (ref 0.4-4.0).",
    )
    details = list(tool_fact_traceable("psychiatry", task))
    assert any("2031-02-29" in d for d in details)
    assert any("printed 9.87" in d for d in details)
    # the reference interval is a published constant, not an invented fact
    assert not any("printed 0.4" in d or "printed 4.0," in d for d in details)


def test_a_published_constant_is_allowed_only_as_a_reference():
    task = get_domain("clinical_diagnosis").make_task(0)
    trace = build_trace(task, [4.5, 11.0])
    eleven = Printed(11.0, 0, 0, 2, "11")
    if not trace.found(eleven):  # 11 may happen to be a record value
        assert trace.found(eleven, reference=True)


def test_formatting_conversions_and_derived_values_are_traceable():
    task = get_domain("clinical_diagnosis").make_task(0)
    p = task.hidden["patient"]
    trace = build_trace(task)

    def ok(text: str) -> bool:
        return all(trace.found(n, after=text[n.end :]) for n in numbers(text))

    wbc = p["labs"]["wbc"]
    assert ok(f"{wbc:.2f}") and ok(f"{wbc:.1f}")  # 16.80 = 16.8
    fahrenheit = p["vitals"]["temp_c"] * 1.8 + 32
    assert ok(f"{fahrenheit:.1f} F")  # Celsius as Fahrenheit, where the unit says so
    assert not ok(f"{fahrenheit:.1f}") or ok(f"{fahrenheit:.1f} C")
    if "glucose" in p["labs"]:
        assert ok(f"{p['labs']['glucose'] / 18.016:.1f} mmol/L")  # mg/dL as mmol/L
    assert ok(f"{p['age'] * 12} months")
    bmi = p["weight_kg"] / (p["height_cm"] / 100) ** 2
    assert ok(f"{bmi:.1f}")
    assert not ok("123456.7")


def test_numbers_skip_identifiers_and_read_separators():
    got = [(n.text, n.value) for n in numbers("P1 SpO2 97 %, 1,250 mL, x10^9/L, -2.5 and 3-5")]
    assert got == [("97", 97.0), ("1,250", 1250.0), ("-2.5", -2.5), ("3", 3.0), ("5", 5.0)]


@pytest.mark.parametrize("domain", ["clinical_diagnosis", "psychiatry", "cross_domain"])
def test_real_tasks_pass(domain):
    dom = get_domain(domain)
    stats = ToolFactStats()
    for i in range(0, dom.n_tasks, dom.n_tasks // 12):
        task = dom.make_task(i)
        assert list(check_task(dom, task, stats)) == [], task.id
    assert stats.calls > 100 and stats.numbers > 300 and stats.untraced == 0


def test_ids_come_from_the_prompt_and_unfillable_tools_are_counted():
    dom = get_domain("triage_emergency")
    task = dom.make_task(0)  # a single patient, "Patient id: P1"
    stats = ToolFactStats()
    list(check_task(dom, task, stats))
    assert stats.calls >= 8  # the patient tools ran with patient_id P1
    assert "mci_assess_casualty" in stats.skipped  # no casualty ids in this task
    ehr = get_domain("ehr_management")
    stats = ToolFactStats()
    list(check_task(ehr, ehr.make_task(0), stats))
    assert "run_sql" in stats.skipped and stats.calls > 5  # hadm_id from list_admissions


def test_lint_suite_accepts_the_rule():
    report = lint_suite(["radiology_report"], rules=[RULE], workers=1, limit=10)
    assert report.tasks == 10 and report.violations == []


def test_the_rule_runs_by_default_now_the_suite_is_clean(monkeypatch):
    from healthgym.lint.tool_facts import OPT_IN

    assert RULE not in OPT_IN
    patch_tool(monkeypatch, "clinical_diagnosis", "get_vitals", "; Lactate 7.77 mmol/L.")
    named = lint_task("clinical_diagnosis", 0, [RULE])
    default = lint_task("clinical_diagnosis", 0)
    assert [v.rule for v in named] == [RULE]
    assert (RULE in OPT_IN) == (not any(v.rule == RULE for v in default))


def _cirrhosis_task():
    dom = get_domain("psychiatry")
    for i in range(dom.n_tasks):
        task = dom.make_task(i)
        liver = task.hidden["record"].get("liver") or {}
        if liver.get("cirrhosis"):
            return dom, task
    raise AssertionError("no psychiatry task with cirrhosis")


def test_a_child_pugh_score_is_recomputed_from_the_recorded_liver_tests():
    from healthgym.domains.psychiatry.records import PsychRecord

    dom, task = _cirrhosis_task()
    score, _ = PsychRecord.model_validate(task.hidden["record"]).child_pugh()
    trace = build_trace(task)
    assert score in trace.derived  # recomputed, not a record value
    assert list(check_task(dom, task)) == []
    # by the calculator's points (Pugh 1973): bilirubin 2.5 mg/dL 2, albumin 3.0 g/dL 2,
    # INR 1.5 1, mild ascites 2, no encephalopathy 1 -> 8; another vocabulary gives none
    from healthgym.lint.trace import child_pugh_scores

    liver = {"bilirubin_mg_dl": 2.5, "albumin_g_dl": 3.0, "inr": 1.5, "ascites": "mild"}
    assert list(child_pugh_scores({"liver": {**liver, "encephalopathy": "none"}})) == [8.0]
    assert list(child_pugh_scores({"liver": {**liver, "encephalopathy": "some"}})) == []


def test_an_instrument_constant_is_allowed_only_in_its_phrase(monkeypatch):
    dom = get_domain("psychiatry")
    task = next(
        t
        for t in (dom.make_task(i) for i in range(dom.n_tasks))
        if "administer_moca" in t.allowed_tools
    )
    stats = ToolFactStats()
    assert list(check_task(dom, task, stats)) == []
    # the MoCA legend's "correct subtractions of 5" is the instrument's, any record
    trace = build_trace(task.model_copy(update={"hidden": {}, "prompt": ""}))
    legend = "serial sevens: correct subtractions of 5"
    from healthgym.lint.tool_facts import _check_output

    assert list(_check_output("administer_moca", legend, trace, ToolFactStats())) == []
    # elsewhere the same 5 must be a record value
    assert list(_check_output("administer_moca", "took 5 tablets", trace, ToolFactStats()))
