"""The shared calculator tools and the `healthgym calc` command."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from healthgym.cli import app
from healthgym.clinical.registry import calculators
from healthgym.env import HealthGymEnv
from healthgym.tools import ToolError, format_hermes, validate_arguments
from healthgym.tools import calculators as ct

runner = CliRunner()


def call(t, **args):
    return t(None, **validate_arguments(t, args))


def test_renal_function_cockcroft_gault_by_hand():
    # (140 - 60) x 70 / (72 x 1.0) = 77.78 mL/min (actual weight; male)
    out = call(
        ct.calc_renal_function,
        equation="cockcroft_gault",
        age=60,
        sex="male",
        creatinine=1.0,
        weight_kg=70,
        weight_type="actual",
    )
    assert "77.7778" in out or "77.78" in out
    assert "Working:" in out
    # the same creatinine in umol/L (88.4 umol/L = 1 mg/dL)
    out2 = call(
        ct.calc_renal_function,
        equation="cockcroft_gault",
        age=60,
        sex="male",
        creatinine=88.4,
        creatinine_unit="umol/L",
        weight_kg=70,
        weight_type="actual",
    )
    assert out.split("\n")[0] == out2.split("\n")[0]
    with pytest.raises(ToolError, match="weight_kg"):
        call(ct.calc_renal_function, equation="cockcroft_gault", age=60, sex="male", creatinine=1)


def test_body_size_and_pressure():
    # BMI 70 / 1.75^2 = 22.86; MAP (120 + 2 x 80) / 3 = 93.33
    assert "22.857" in call(ct.calc_body_size, measure="bmi", weight_kg=70, height_cm=175)
    assert "93.33" in call(ct.calc_mean_arterial_pressure, sbp=120, dbp=80)
    with pytest.raises(ToolError, match="sex"):
        call(ct.calc_body_size, measure="ideal_body_weight", height_cm=175)


def test_acid_base_and_electrolytes():
    # AG 140 - (100 + 24) = 16; albumin-corrected: 16 + 2.5 x (4 - 2) = 21
    assert "Anion gap: 16" in call(
        ct.calc_acid_base, measure="anion_gap", sodium=140, chloride=100, bicarbonate=24
    )
    out = call(
        ct.calc_acid_base,
        measure="albumin_corrected_anion_gap",
        sodium=140,
        chloride=100,
        bicarbonate=24,
        albumin_g_dl=2.0,
    )
    assert ": 21" in out
    # 2 x 140 + 90/18 + 14/2.8 = 290
    out = call(
        ct.calc_electrolytes, measure="serum_osmolality", sodium=140, glucose_mg_dl=90, bun_mg_dl=14
    )
    assert ": 290" in out


def test_qtc_dates_drugs_and_risk():
    # Bazett: 400 / sqrt(60/75) = 447.2 ms
    assert "447.2" in call(ct.calc_qtc, formula="bazett", heart_rate=75, qt_ms=400)
    assert "2024-10-07" in call(ct.calc_pregnancy_dates, measure="due_date", lmp="2024-01-01")
    # 10 mg oxycodone x 3/day = 30 mg x 1.5 = 45 MME
    assert ": 45" in call(ct.calc_opioid_mme, drugs=["oxycodone"], doses=[10], doses_per_day=[3])
    with pytest.raises(ToolError):
        call(ct.calc_opioid_mme, drugs=["oxycodone"], doses=[10, 2], doses_per_day=[3])
    with pytest.raises(ToolError, match="unknown opioid"):
        call(ct.calc_opioid_mme, drugs=["unicorn"], doses=[1], doses_per_day=[1])
    # prednisone 50 mg = dexamethasone 7.5 mg
    assert ": 7.5" in call(
        ct.calc_steroid_conversion,
        dose_mg=50,
        from_steroid="prednisone",
        to_steroid="dexamethasone",
    )
    # FIB-4: 50 x 40 / (200 x sqrt(25)) = 2.0
    assert (
        ": 2 " in call(ct.calc_liver_fibrosis, age=50, ast=40, alt=25, platelets_10e9_l=200) + " "
    )


def test_calculator_tools_in_an_episode():
    env = HealthGymEnv()
    env.reset(seed=0)
    obs, *_ = env.step(
        format_hermes("calc_body_size", {"measure": "bmi", "weight_kg": 80, "height_cm": 180})
    )
    assert "24.69" in obs
    obs, *_ = env.step(
        format_hermes("calc_body_size", {"measure": "bmi", "weight_kg": -5, "height_cm": 180})
    )
    assert "Error" in obs and env.log.calls[-1].status == "tool_error"


def test_calc_cli_runs_and_reports_errors():
    r = runner.invoke(
        app, ["calc", "bmi", "--json", '{"weight": [154, "lb"], "height": [70, "in"]}']
    )
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["value"] == pytest.approx(22.1, abs=0.05) and data["steps"]
    r = runner.invoke(app, ["calc", "bmi", "--json", '{"weight": -1, "height": 170}'])
    assert r.exit_code == 2
    r = runner.invoke(app, ["calc", "nope"])
    assert r.exit_code != 0
    r = runner.invoke(app, ["calc", "--list"])
    assert "cockcroft_gault(" in r.stdout


def test_registry_has_every_family():
    names = set(calculators())
    assert len(names) >= 90
    assert {
        "cockcroft_gault",
        "apache_ii",
        "phq9",
        "bishop_score",
        "qtc_hodges",
        "due_date",
        "morphine_milligram_equivalents",
        "kdigo_aki_stage",
        "nihss",
    } <= names


def test_calculators_are_compute_tools_over_their_arguments():
    """Kind 'compute', no elicitation gate: every input is an argument, the state unread."""
    for t in ct.CALCULATOR_TOOLS:
        assert t.kind == "compute" and not t.needs, t.name
    out = call(ct.calc_mean_arterial_pressure, sbp=120, dbp=80)
    assert out == ct.calc_mean_arterial_pressure(object(), sbp=120.0, dbp=80.0)
