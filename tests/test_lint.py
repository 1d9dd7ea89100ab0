"""The task lint: each rule fires on a deliberately broken record and passes a sound one."""

from __future__ import annotations

import json
import re

import pytest
import typer
from typer.testing import CliRunner

from healthgym.clinical.diseases import PROFILES
from healthgym.lint import RULES, PatientView, check, lint_suite
from healthgym.lint.views import clinical_diagnosis as cd_view
from healthgym.patients.generator import generate_patient
from healthgym.tasks import ReferenceSolution, Task


def fired(view: PatientView, rule: str) -> list[str]:
    return [d for name, d in check(view, {rule}) if name == rule]


def base(**kw) -> PatientView:
    v = PatientView(task_id="t-00000", age=60, sex="male", weight_kg=80.0, height_cm=178.0)
    for k, x in kw.items():
        setattr(v, k, x)
    return v


def test_every_rule_cites_a_source():
    for name, fn in RULES.items():
        # a dated publication or a drug label
        assert fn.__doc__ and re.search(r"(19|20)\d\d|prescribing information", fn.__doc__), name


def test_contraindicated_co_prescription_fires():
    v = base(medications=["sacubitril/valsartan", "lisinopril", "metoprolol succinate"])
    (d,) = fired(v, "home_medication_conflict")
    assert "lisinopril" in d and "sacubitril" in d
    assert not fired(
        base(medications=["sacubitril/valsartan", "metoprolol"]), "home_medication_conflict"
    )


def test_duplicate_class_fires_unless_the_task_is_about_the_regimen():
    v = base(medications=["ciprofloxacin", "levofloxacin"])
    assert fired(v, "home_medication_conflict")
    assert fired(base(medications=["atorvastatin", "atorvastatin"]), "home_medication_conflict")
    v.regimen_is_subject = True
    assert not fired(v, "home_medication_conflict")


def test_sglt2_without_glycosuria_fires():
    v = base(medications=["dapagliflozin"], labs={"ua_glucose": "Negative"})
    assert fired(v, "sglt2_glycosuria")
    v.labs["ua_glucose"] = "Positive (3+)"
    assert not fired(v, "sglt2_glycosuria")


def test_loop_diuretic_potassium_fires():
    v = base(medications=["furosemide"], labs={"sodium": 140.0}, explained_labs=set())
    assert fired(v, "loop_diuretic_potassium")  # electrolytes without potassium
    v.labs["potassium"] = 5.8
    assert fired(v, "loop_diuretic_potassium")  # hyperkalaemia, nothing raising it
    v.medications.append("spironolactone")
    assert not fired(v, "loop_diuretic_potassium")


def test_warfarin_without_inr_fires():
    v = base(medications=["warfarin"], labs={"creatinine": 1.0})
    assert fired(v, "anticoagulant_inr")
    v.labs["inr"] = 1.0
    assert fired(v, "anticoagulant_inr")
    v.labs["inr"] = 2.4
    assert not fired(v, "anticoagulant_inr")
    assert not fired(base(medications=["warfarin"], labs={"glucose": 90.0}), "anticoagulant_inr")


def test_hfref_with_low_bnp_fires():
    v = base(conditions={"hfref"}, labs={"bnp": 42.0})
    assert not fired(v, "hf_natriuretic_peptide")  # 42 >= 35: compatible with chronic HF
    v.labs["bnp"] = 20.0
    assert fired(v, "hf_natriuretic_peptide")
    acute = base(conditions={"acute_hf"}, labs={"bnp": 42.0})
    assert fired(acute, "hf_natriuretic_peptide")


def test_dka_without_ketones_or_acidosis_fires():
    good = {
        "beta_hydroxybutyrate": 5.0,
        "ph": 7.1,
        "bicarbonate": 10.0,
        "sodium": 135.0,
        "chloride": 100.0,
    }
    assert not fired(base(conditions={"dka"}, labs=dict(good)), "dka_ketones_acidosis")
    no_ketones = {**good, "beta_hydroxybutyrate": 0.3, "ua_ketones": "Negative"}
    assert fired(base(conditions={"dka"}, labs=no_ketones), "dka_ketones_acidosis")
    no_acid = {**good, "ph": 7.40, "bicarbonate": 25.0, "chloride": 102.0}
    assert fired(base(conditions={"dka"}, labs=no_acid), "dka_ketones_acidosis")


def test_ckd_with_normal_egfr_fires():
    v = base(conditions={"ckd"}, labs={"creatinine": 0.8})
    assert fired(v, "ckd_egfr")
    v.labs["creatinine"] = 2.0
    assert not fired(v, "ckd_egfr")


def test_symptom_asserted_and_denied_fires():
    v = base(
        sections=[
            ("history", "Denies shortness of breath."),
            ("triage breathing", "Breathless at rest; speaking in short phrases."),
        ]
    )
    (d,) = fired(v, "symptom_contradiction")
    assert "breathlessness" in d
    ok = base(
        sections=[
            ("history", "Cannot lie flat without becoming breathless."),
            ("history", "Reports shortness of breath."),
        ]
    )
    assert not fired(ok, "symptom_contradiction")


def test_implausible_values_fire():
    assert fired(base(labs={"sodium": 230.0}), "implausible_value")
    assert fired(base(sex="male", sex_specific=[("pregnancy", "female")]), "implausible_value")
    assert fired(base(vitals={"hr": 400.0}), "implausible_value")
    assert fired(base(weight_kg=300.0, height_cm=150.0), "implausible_value")
    # an abnormal value the scenario does not explain
    assert fired(base(labs={"bnp": 900.0}, explained_labs=set()), "implausible_value")
    assert not fired(base(labs={"bnp": 900.0}, explained_labs={"bnp"}), "implausible_value")


def test_drawn_derived_values_fire():
    assert fired(base(stated={"bmi": 31.0}), "derived_value")  # 80 kg / 1.78 m^2 = 25.2
    assert fired(base(stated={"crcl": 95.0}), "derived_value")  # no creatinine on record
    cg = (140 - 60) * 80 / (72 * 1.2)
    assert not fired(base(stated={"crcl": cg}, labs={"creatinine": 1.2}), "derived_value")
    assert fired(base(stated={"crcl": 2 * cg}, labs={"creatinine": 1.2}), "derived_value")
    qt = base(stated={"qtc_ms": 520.0}, qt_ms=400.0, heart_rate=60.0)
    assert fired(qt, "derived_value")
    qt.stated["qtc_ms"] = 400.0
    assert not fired(qt, "derived_value")


def _task(patient) -> Task:
    return Task(
        id="clinical_diagnosis-99999",
        domain="clinical_diagnosis",
        index=99999,
        seed=0,
        split="train",
        prompt="",
        allowed_tools=[],
        hidden={"patient": patient.model_dump(mode="json")},
        reference=ReferenceSolution(calls=[], answer={}),
        grader={},
    )


def test_the_issue_record_is_caught_through_the_clinical_diagnosis_view():
    """The record of issue 17: ARNI with lisinopril, negative urine glucose on
    dapagliflozin, BNP 20 in HFrEF, breathlessness denied and reported."""
    from healthgym.patients.model import Medication

    p = generate_patient(PROFILES["community_acquired_pneumonia"], 3, "P")
    meds = [
        Medication(name="sacubitril/valsartan", dose="49/51 mg twice daily"),
        Medication(name="dapagliflozin", dose="10 mg once daily"),
        Medication(name="lisinopril", dose="10 mg once daily"),
    ]
    labs = {**p.labs, "ua_glucose": "Negative", "bnp": 20.0}
    broken = p.model_copy(
        update={
            "comorbidities": sorted({*p.comorbidities, "heart_failure"}),
            "medications": meds,
            "labs": labs,
            "chief_complaint": "cough and breathlessness",
            "features": [f for f in p.features if f != "dyspnea"],
            "pertinent_negatives": [*p.pertinent_negatives, "dyspnea"],
        }
    )
    rules = {name for view in cd_view(_task(broken)) for name, _ in check(view)}
    assert {
        "home_medication_conflict",
        "sglt2_glycosuria",
        "hf_natriuretic_peptide",
        "symptom_contradiction",
    } <= rules


def test_task_generation_errors_are_findings(monkeypatch):
    from healthgym.lint import runner

    def boom(domain, index, rules=None):
        raise AssertionError

    monkeypatch.setattr(runner, "get_domain", lambda d: (_ for _ in ()).throw(KeyError(d)))
    (v,) = runner.lint_task("clinical_diagnosis", 0)
    assert v.rule == "task_generation"


def test_clinical_diagnosis_lints_clean_and_the_cli_reports_json():
    from healthgym.cli_lint import tasks_lint

    report = lint_suite(["clinical_diagnosis"], limit=60, workers=1)
    assert report.tasks == 60
    assert report.violations == []
    app = typer.Typer()
    tasks = typer.Typer()
    app.add_typer(tasks, name="tasks")
    tasks.command("lint")(tasks_lint)
    tasks.command("noop")(lambda: None)
    result = CliRunner().invoke(
        app,
        ["tasks", "lint", "--domains", "clinical_diagnosis", "--limit", "10", "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["tasks"] == 10 and data["violations"] == [] and data["seconds"] >= 0


@pytest.mark.parametrize("rule", sorted(RULES))
def test_each_rule_has_a_firing_test(rule):
    """Guard: a new rule needs its own firing test in this module."""
    import inspect
    import sys

    source = inspect.getsource(sys.modules[__name__])
    assert f'"{rule}"' in source


def test_the_cli_accepts_task_rule_names_and_rejects_unknown_ones():
    """``--rules`` is validated against ALL_RULES: the task rule tool_fact_traceable is a
    rule name the CLI accepts, an unknown name is refused."""
    from healthgym.cli_lint import tasks_lint

    app = typer.Typer()
    tasks = typer.Typer()
    app.add_typer(tasks, name="tasks")
    tasks.command("lint")(tasks_lint)
    tasks.command("noop")(lambda: None)
    base = ["tasks", "lint", "--domains", "clinical_diagnosis", "--limit", "3", "--format", "json"]
    result = CliRunner().invoke(app, [*base, "--rules", "tool_fact_traceable"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["violations"] == []
    result = CliRunner().invoke(app, [*base, "--rules", "no_such_rule"])
    assert result.exit_code != 0 and "no_such_rule" in result.output
