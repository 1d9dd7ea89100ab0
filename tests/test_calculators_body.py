"""Body-size formulas: worked examples, invalid inputs, units, and agreement with the
``medcalc`` package (MedCalc-Bench's reference implementation, used only as a cross-check)."""

from __future__ import annotations

import importlib
import importlib.util
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from healthgym.clinical.calculators.body import (
    adjusted_body_weight,
    bmi,
    bsa,
    ideal_body_weight,
    maintenance_fluids,
    mean_arterial_pressure,
    target_weight,
)
from healthgym.clinical.errors import CalculatorInputError, UnitError
from healthgym.clinical.units import Q

SETTINGS = settings(max_examples=200, deadline=None)


def tenths(lo: float, hi: float) -> st.SearchStrategy[float]:
    """Values with one decimal, as charted measurements are."""
    return st.integers(int(lo * 10), int(hi * 10)).map(lambda n: n / 10)


def close(ours: float, theirs: float, rel: float = 0.01, abs_tol: float = 0.002) -> bool:
    return math.isclose(ours, theirs, rel_tol=rel, abs_tol=abs_tol)


# --- worked examples -------------------------------------------------------------------


def test_bmi_worked_example():
    # 81 kg, 1.70 m: 81 / 2.89 = 28.028 (MedCalc-Bench dev row 83)
    r = bmi(weight=81, height=170)
    assert r.value == pytest.approx(28.0277, abs=1e-4)
    assert r.unit == "kg/m^2"
    assert "overweight" in r.interpretation
    assert r.steps and "28.028" in r.steps[-1]


def test_bmi_classes():
    assert "underweight" in bmi(weight=50, height=180).interpretation
    assert "normal" in bmi(weight=70, height=180).interpretation
    assert "class III" in bmi(weight=150, height=170).interpretation


def test_bmi_units():
    # 178.574 lb = 81 kg; 5.5774 ft = 170 cm
    r = bmi(weight=Q(178.574, "lbs"), height=Q(1.7, "m"))
    assert r.value == pytest.approx(28.028, abs=1e-3)
    assert any("lbs" in s for s in r.steps)
    assert bmi(weight=Q(81000, "g"), height=Q(66.929, "in")).value == pytest.approx(28.028, 1e-4)
    assert bmi(weight=81, height=Q(5.5774, "ft")).value == pytest.approx(28.028, 1e-4)


def test_bsa_mosteller_example():
    # Mosteller: sqrt(176.1 cm x 77.1 kg / 3600) = sqrt(3.7715) = 1.942 m^2 (dev row 683)
    r = bsa(weight=77.1, height=176.1)
    assert r.value == pytest.approx(1.9420, abs=1e-4)
    assert r.unit == "m^2"
    # 180 cm, 80 kg: sqrt(4) = 2.0 exactly
    assert bsa(weight=80, height=180).value == pytest.approx(2.0)


def test_ideal_body_weight_devine():
    # Devine: 60 in (152.4 cm) is the anchor: 50 kg men, 45.5 kg women
    assert ideal_body_weight(sex="male", height=152.4).value == pytest.approx(50.0)
    assert ideal_body_weight(sex="female", height=Q(60, "in")).value == pytest.approx(45.5)
    # 6 ft = 72 in: 50 + 2.3 x 12 = 77.6 kg
    assert ideal_body_weight(sex="male", height=Q(6, "ft")).value == pytest.approx(77.6)
    # 177 cm = 69.685 in: 50 + 2.3 x 9.685 = 72.276 (dev row 161)
    assert ideal_body_weight(sex="male", height=177).value == pytest.approx(72.276, abs=1e-3)


def test_ideal_body_weight_non_positive_raises():
    # 50 + 2.3 x (35.4 - 60) < 0 for a 90 cm "male"
    with pytest.raises(CalculatorInputError, match="non-positive"):
        ideal_body_weight(sex="male", height=90)


def test_adjusted_body_weight_example():
    # female 168 cm: IBW 45.5 + 2.3 x (66.142 - 60) = 59.627; ABW = 59.627 + 0.4 x 20.373
    # = 67.776 kg (dev row 708)
    r = adjusted_body_weight(sex="female", height=168, weight=80)
    assert r.value == pytest.approx(67.776, abs=1e-3)
    assert r.components["ideal_body_weight_kg"] == pytest.approx(59.626, abs=1e-3)
    # weight equal to IBW: ABW = IBW
    assert adjusted_body_weight(sex="male", height=152.4, weight=50).value == pytest.approx(50)


def test_target_weight():
    # 19.2 x 1.96^2 = 73.759 kg (dev row 968)
    assert target_weight(target_bmi=19.2, height=196).value == pytest.approx(73.759, abs=1e-3)
    assert target_weight(target_bmi=Q(25, "kg/m^2"), height=Q(2, "m")).value == pytest.approx(100)
    assert target_weight(target_bmi=22, height=Q(70, "in")).value == pytest.approx(
        22 * (70 * 0.0254) ** 2
    )
    with pytest.raises(CalculatorInputError):
        target_weight(target_bmi=5, height=170)


@pytest.mark.parametrize(
    ("weight", "expected"),
    [
        (2.3, 9.2),  # < 10 kg: 4 mL/kg/h (dev row 322)
        (10, 40),  # boundary: 40 either way
        (17, 54),  # 40 + 2 x 7 (dev row 320)
        (20, 60),  # boundary
        (70, 110),  # 60 + 50: the adult "weight + 40" shortcut
        (Q(3400, "g"), 13.6),
        (Q(154.324, "lbs"), 60 + (154.324 * 0.45359237 - 20)),
    ],
)
def test_maintenance_fluids(weight, expected):
    r = maintenance_fluids(weight=weight)
    assert r.value == pytest.approx(expected, abs=1e-6)
    assert r.unit == "mL/h"
    assert "mL/day" in r.interpretation


def test_mean_arterial_pressure():
    # 2/3 x 80 + 1/3 x 140 = 100 (dev row 61)
    r = mean_arterial_pressure(systolic=140, diastolic=80)
    assert r.value == pytest.approx(100.0)
    assert r.unit == "mmHg"
    assert mean_arterial_pressure(systolic=80, diastolic=45).value == pytest.approx(56.667, 1e-4)
    assert "below 65" in mean_arterial_pressure(systolic=80, diastolic=45).interpretation
    # kPa input (1 kPa = 7.50062 mmHg): 16 kPa = 120.01, 10.6667 kPa = 80.007 mmHg
    r = mean_arterial_pressure(systolic=Q(16, "kPa"), diastolic=Q(10.6667, "kPa"))
    assert r.value == pytest.approx((120.01 + 2 * 80.007) / 3, abs=0.01)


# --- invalid inputs --------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: bmi(weight=0, height=170),
        lambda: bmi(weight=-5, height=170),
        lambda: bmi(weight=70, height=1.7),  # metres passed as a plain number (cm expected)
        lambda: bmi(weight="70", height=170),
        lambda: bmi(weight=True, height=170),
        lambda: bmi(weight=float("nan"), height=170),
        lambda: bsa(weight=70, height=float("inf")),
        lambda: ideal_body_weight(sex="M", height=170),
        lambda: ideal_body_weight(sex=None, height=170),
        lambda: maintenance_fluids(weight=0),
        lambda: maintenance_fluids(weight=1000),
        lambda: mean_arterial_pressure(systolic=80, diastolic=120),
        lambda: mean_arterial_pressure(systolic=500, diastolic=80),
        lambda: adjusted_body_weight(sex="female", height=168, weight=None),
    ],
)
def test_invalid_inputs_raise(call):
    with pytest.raises(CalculatorInputError):
        call()


def test_unknown_unit_raises_unit_error():
    with pytest.raises(UnitError):
        bmi(weight=Q(70, "stone"), height=170)
    with pytest.raises(UnitError):
        bmi(weight=70, height=Q(170, "mg/dL"))


def test_keyword_only():
    with pytest.raises(TypeError):
        bmi(70, 170)  # type: ignore[misc]


# --- agreement with the medcalc package ------------------------------------------------


def mc(module: str):
    """A module of the ``medcalc`` package (imported only here, in tests)."""
    return importlib.import_module(f"medcalc.{module}")


needs_medcalc = pytest.mark.skipif(
    importlib.util.find_spec("medcalc") is None, reason="medcalc-bench not installed"
)
# medcalc.target_weight cannot be imported (it imports a helper missing from the package's
# utils.height_conversion), so target_weight is checked only against worked examples.

SEX = st.sampled_from(["Male", "Female"])


@needs_medcalc
@SETTINGS
@given(weight=tenths(2, 250), height=tenths(50, 220))
def test_bmi_matches_medcalc(weight, height):
    theirs = mc("bmi_calculator").bmi_calculator_explanation(
        {"weight": (weight, "kg"), "height": (height, "cm")}
    )["Answer"]
    assert close(bmi(weight=weight, height=height).value, theirs)


@needs_medcalc
@SETTINGS
@given(weight=tenths(2, 250), height=tenths(50, 220))
def test_bsa_matches_medcalc(weight, height):
    theirs = mc("bsa_calculator").bsa_calculator_explaination(
        {"weight": (weight, "kg"), "height": (height, "cm")}
    )["Answer"]
    assert close(bsa(weight=weight, height=height).value, theirs)


@needs_medcalc
@SETTINGS
@given(sex=SEX, height=tenths(130, 220), unit=st.sampled_from(["cm", "in", "m"]))
def test_ideal_body_weight_matches_medcalc(sex, height, unit):
    value = {"cm": height, "in": round(height / 2.54, 2), "m": height / 100}[unit]
    theirs = mc("ideal_body_weight").ibw_explanation({"sex": sex, "height": (value, unit)})[
        "Answer"
    ]
    ours = ideal_body_weight(sex=sex.lower(), height=Q(value, unit)).value
    assert close(ours, theirs)


@needs_medcalc
@SETTINGS
@given(sex=SEX, height=tenths(130, 220), weight=tenths(30, 250))
def test_adjusted_body_weight_matches_medcalc(sex, height, weight):
    theirs = mc("adjusted_body_weight").abw_explanation(
        {"sex": sex, "height": (height, "cm"), "weight": (weight, "kg")}
    )["Answer"]
    assert close(adjusted_body_weight(sex=sex.lower(), height=height, weight=weight).value, theirs)


@needs_medcalc
@SETTINGS
@given(weight=tenths(0.5, 200), unit=st.sampled_from(["kg", "lbs", "g"]))
def test_maintenance_fluids_matches_medcalc(weight, unit):
    value = {"kg": weight, "lbs": round(weight / 0.45359237, 1), "g": weight * 1000}[unit]
    theirs = mc("maintenance_fluid_calc").maintenance_fluid_explanation({"weight": (value, unit)})[
        "Answer"
    ]
    assert close(maintenance_fluids(weight=Q(value, unit)).value, theirs)


@needs_medcalc
@SETTINGS
@given(sbp=st.integers(60, 250), pulse=st.integers(0, 120))
def test_mean_arterial_pressure_matches_medcalc(sbp, pulse):
    dbp = max(sbp - pulse, 20)
    theirs = mc("mean_arterial_pressure").mean_arterial_pressure_explanation(
        {"sys_bp": (sbp, "mm hg"), "dia_bp": (dbp, "mm hg")}
    )["Answer"]
    ours = mean_arterial_pressure(systolic=Q(sbp, "mm hg"), diastolic=Q(dbp, "mm hg")).value
    assert close(ours, theirs)


# --- MedCalc-Bench adapter (entity names and units) ------------------------------------


@pytest.mark.parametrize(
    ("cid", "entities", "expected"),
    [
        (
            5,
            {"Systolic Blood Pressure": [120, "mmhg"], "Diastolic Blood Pressure": [90, "mm hg"]},
            100.0,
        ),
        (6, {"weight": [80.0, "kg"], "height": [2.0, "m"]}, 20.0),
        (10, {"sex": "Female", "height": [60, "in"]}, 45.5),
        (22, {"weight": [33.07, "lbs"]}, 40 + 2 * (33.07 * 0.45359237 - 10)),
        (22, {"weight": [3500.0, "g"]}, 14.0),
        (60, {"weight": [80.0, "kg"], "height": [180.0, "cm"]}, 2.0),
        (61, {"Body Mass Index (BMI)": [25, "kg/m^2"], "height": [1.8, "m"]}, 81.0),
        (62, {"sex": "Male", "weight": [90.0, "kg"], "height": [152.4, "cm"]}, 50 + 0.4 * 40),
    ],
)
def test_medcalc_adapters(cid, entities, expected):
    from healthgym.clinical.medcalc import compute

    assert compute(cid, entities) == pytest.approx(expected, rel=1e-6)
