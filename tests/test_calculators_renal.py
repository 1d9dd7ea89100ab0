"""Kidney-function equations: worked examples, weight choice, invalid inputs, units, and
agreement with the ``medcalc`` package (used only here, as an external cross-check)."""

from __future__ import annotations

import importlib
import importlib.util
import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from healthgym.clinical.calculators.renal import ckd_epi_2021, cockcroft_gault, mdrd
from healthgym.clinical.errors import CalculatorInputError
from healthgym.clinical.units import Q

SETTINGS = settings(max_examples=200, deadline=None)


def hundredths(lo: float, hi: float) -> st.SearchStrategy[float]:
    return st.integers(int(lo * 100), int(hi * 100)).map(lambda n: n / 100)


def tenths(lo: float, hi: float) -> st.SearchStrategy[float]:
    return st.integers(int(lo * 10), int(hi * 10)).map(lambda n: n / 10)


def close(ours: float, theirs: float, rel: float = 0.01) -> bool:
    return math.isclose(ours, theirs, rel_tol=rel, abs_tol=0.002)


# --- Cockcroft-Gault -------------------------------------------------------------------


def test_cockcroft_gault_original_example():
    # Cockcroft & Gault 1976 form: (140 - 40) x 72 kg / (72 x 1.0) = 100 mL/min (male);
    # female x 0.85 = 85
    male = cockcroft_gault(age=40, sex="male", weight=72, creatinine=1.0, weight_type="actual")
    assert male.value == pytest.approx(100.0)
    assert male.unit == "mL/min"
    female = cockcroft_gault(age=40, sex="female", weight=72, creatinine=1.0, weight_type="actual")
    assert female.value == pytest.approx(85.0)
    assert male.steps[-1].endswith("= 100 mL/min")


def test_cockcroft_gault_auto_underweight_uses_actual():
    # BMI 48 / 1.63^2 = 18.07 < 18.5 -> actual weight: 53 x 48 / (72 x 1.4) = 25.238
    # (MedCalc-Bench dev row 1)
    r = cockcroft_gault(age=87, sex="male", weight=48, height=163, creatinine=1.4)
    assert r.value == pytest.approx(25.238, abs=1e-3)
    assert r.components["weight_used_kg"] == 48


def test_cockcroft_gault_auto_normal_uses_lesser_of_ibw_and_actual():
    # BMI 22.45 (normal); IBW 50 + 2.3 x (68.11 - 60) = 68.65 > 67.2 -> 67.2 kg (dev row 2)
    r = cockcroft_gault(age=83, sex="male", weight=67.2, height=173, creatinine=1.4)
    assert r.value == pytest.approx(38.0, abs=1e-3)
    # a normal-BMI patient heavier than IBW gets IBW: 180 cm, 78 kg (BMI 24.07)
    ibw = 50 + 2.3 * (180 / 2.54 - 60)
    r = cockcroft_gault(age=60, sex="male", weight=78, height=180, creatinine=1.0)
    assert r.components["weight_used_kg"] == pytest.approx(ibw)
    assert r.value == pytest.approx(80 * ibw / 72)


def test_cockcroft_gault_auto_obese_uses_adjusted():
    # 170 cm, 100 kg (BMI 34.6), female: IBW 45.5 + 2.3 x 6.929 = 61.437;
    # ABW = 61.437 + 0.4 x 38.563 = 76.862; CrCl = 70 x 76.862 x 0.85 / (72 x 0.9)
    r = cockcroft_gault(age=70, sex="female", weight=100, height=170, creatinine=0.9)
    ibw = 45.5 + 2.3 * (170 / 2.54 - 60)
    abw = ibw + 0.4 * (100 - ibw)
    assert r.components["weight_used_kg"] == pytest.approx(abw)
    assert r.value == pytest.approx(70 * abw * 0.85 / 64.8)
    assert "adjusted" in " ".join(r.steps)


def test_cockcroft_gault_weight_types():
    common = {"age": 50, "sex": "male", "weight": 100, "height": 175, "creatinine": 1.0}
    ibw = 50 + 2.3 * (175 / 2.54 - 60)
    assert cockcroft_gault(**common, weight_type="actual").value == pytest.approx(90 * 100 / 72)
    assert cockcroft_gault(**common, weight_type="ideal").value == pytest.approx(90 * ibw / 72)
    abw = ibw + 0.4 * (100 - ibw)
    assert cockcroft_gault(**common, weight_type="adjusted").value == pytest.approx(90 * abw / 72)


def test_cockcroft_gault_umol_and_lbs():
    # 183 umol/L = 2.070 mg/dL; female 51 y, 50 kg, 160 cm (BMI 19.5, IBW 52.38 > 50):
    # 89 x 50 x 0.85 / (72 x 2.0701) = 25.38 (dev row 3; MedCalc rounds Scr to 2.1 -> 25.017)
    r = cockcroft_gault(
        age=51, sex="female", weight=Q(110.231, "lbs"), height=160, creatinine=Q(183, "µmol/L")
    )
    assert r.value == pytest.approx(89 * 50 * 0.85 / (72 * 183 / 88.4), rel=1e-4)
    assert any("µmol/L" in s for s in r.steps)


def test_cockcroft_gault_needs_height_unless_actual():
    with pytest.raises(CalculatorInputError, match="height"):
        cockcroft_gault(age=50, sex="male", weight=70, creatinine=1.0)
    with pytest.raises(CalculatorInputError, match="weight_type"):
        cockcroft_gault(age=50, sex="male", weight=70, creatinine=1.0, weight_type="lean")


# --- CKD-EPI 2021 ----------------------------------------------------------------------


def test_ckd_epi_2021_at_the_knot():
    # At Scr = kappa both power terms are 1: 142 x 0.9938^age (x 1.012 female)
    assert ckd_epi_2021(age=50, sex="male", creatinine=0.9).value == pytest.approx(142 * 0.9938**50)
    assert ckd_epi_2021(age=50, sex="female", creatinine=0.7).value == pytest.approx(
        142 * 0.9938**50 * 1.012
    )


def test_ckd_epi_2021_worked_examples():
    # female 57 y, Scr 366 umol/L = 4.140 mg/dL: 142 x (4.140/0.7)^-1.2 x 0.9938^57 x 1.012
    # = 11.95 (dev row 22: MedCalc rounds Scr to 4.1 -> 12.086, within its 5 % band)
    r = ckd_epi_2021(age=57, sex="female", creatinine=Q(366, "µmol/L"))
    assert r.value == pytest.approx(142 * (366 / 88.4 / 0.7) ** -1.2 * 0.9938**57 * 1.012)
    assert r.value == pytest.approx(11.95, abs=0.01)
    assert "G5" in r.interpretation
    # male 60 y, Scr 0.8 (below the knot): 142 x (0.8/0.9)^-0.302 x 0.9938^60 = 101.2 (G1)
    r = ckd_epi_2021(age=60, sex="male", creatinine=0.8)
    assert r.value == pytest.approx(142 * (0.8 / 0.9) ** -0.302 * 0.9938**60)
    assert "G1" in r.interpretation


def test_ckd_epi_2021_flags_children():
    assert "adults" in ckd_epi_2021(age=12, sex="male", creatinine=0.5).interpretation


# --- MDRD ------------------------------------------------------------------------------


def test_mdrd_worked_examples():
    # 175 x 1.9^-1.154 x 60^-0.203 = 36.341 (dev row 141)
    assert mdrd(age=60, sex="male", creatinine=1.9).value == pytest.approx(36.341, abs=1e-3)
    # female, Black: 175 x 14.6^-1.154 x 27^-0.203 x 0.742 x 1.212 = 3.654 (dev row 142)
    r = mdrd(age=27, sex="female", creatinine=14.6, black=True)
    assert r.value == pytest.approx(3.654, abs=1e-3)
    assert r.components["race_factor"] == 1.212
    # Scr 1 mg/dL, age 1 year: exactly 175
    assert mdrd(age=Q(12, "months"), sex="male", creatinine=1).value == pytest.approx(175)


# --- invalid inputs --------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: ckd_epi_2021(age=50, sex="male", creatinine=0),
        lambda: ckd_epi_2021(age=50, sex="male", creatinine=88),  # umol/L as a plain number
        lambda: ckd_epi_2021(age=-1, sex="male", creatinine=1.0),
        lambda: ckd_epi_2021(age=200, sex="male", creatinine=1.0),
        lambda: ckd_epi_2021(age=50, sex="Male", creatinine=1.0),
        lambda: ckd_epi_2021(age="50", sex="male", creatinine=1.0),
        lambda: mdrd(age=0, sex="male", creatinine=1.0),
        lambda: mdrd(age=50, sex="male", creatinine=1.0, black="yes"),
        lambda: cockcroft_gault(age=50, sex="male", weight=0, height=170, creatinine=1.0),
        lambda: cockcroft_gault(age=50, sex="male", weight=70, height=170, creatinine=None),
        lambda: cockcroft_gault(
            age=50, sex="male", weight=70, height=170, creatinine=Q(1.0, "mg/L/x")
        ),
    ],
)
def test_invalid_inputs_raise(call):
    with pytest.raises(CalculatorInputError):
        call()


# --- agreement with the medcalc package ------------------------------------------------


def mc(module: str):
    return importlib.import_module(f"medcalc.{module}")


needs_medcalc = pytest.mark.skipif(
    importlib.util.find_spec("medcalc") is None, reason="medcalc-bench not installed"
)
SEX = st.sampled_from(["Male", "Female"])


@needs_medcalc
@SETTINGS
@given(
    age=st.integers(18, 100),
    sex=SEX,
    weight=tenths(35, 200),
    height=tenths(145, 210),
    scr=hundredths(0.4, 8),
)
def test_cockcroft_gault_matches_medcalc(age, sex, weight, height, scr):
    bmi = weight / (height / 100) ** 2
    # MedCalc bands on BMI rounded to 3 decimals; stay clear of the band edges
    assume(abs(bmi - 18.5) > 0.01 and abs(bmi - 24.9) > 0.01)
    theirs = mc("creatinine_clearance").generate_cockcroft_gault_explanation(
        {
            "sex": sex,
            "age": (age, "years"),
            "weight": (weight, "kg"),
            "height": (height, "cm"),
            "creatinine": (scr, "mg/dL"),
        }
    )["Answer"]
    ours = cockcroft_gault(age=age, sex=sex.lower(), weight=weight, height=height, creatinine=scr)
    assert close(ours.value, theirs)


@needs_medcalc
@SETTINGS
@given(age=st.integers(18, 100), sex=SEX, scr=hundredths(0.3, 12))
def test_ckd_epi_2021_matches_medcalc(age, sex, scr):
    # medcalc's ckd_epi_2021() (the numeric function) uses the published kappa values
    theirs = mc("ckd_epi_2021_creatinine").ckd_epi_2021(
        {"sex": sex, "age": (age, "years"), "creatinine": (scr, "mg/dL")}
    )
    assert close(ckd_epi_2021(age=age, sex=sex.lower(), creatinine=scr).value, theirs)


@needs_medcalc
@SETTINGS
@given(age=st.integers(18, 100), scr=hundredths(0.3, 0.9))
def test_ckd_epi_2021_medcalc_explanation_uses_wrong_kappa_for_men(age, scr):
    # MedCalc-Bench's explanation generator (which produced its ground truths) uses
    # kappa = 0.7 instead of 0.9 for men with Scr <= 0.9 mg/dL (Inker 2021: kappa = 0.9 for
    # men). We keep the published equation; the difference is exactly (0.9/0.7)^-0.302.
    theirs = mc("ckd_epi_2021_creatinine").ckd_epi_2021_explanation(
        {"sex": "Male", "age": (age, "years"), "creatinine": (scr, "mg/dL")}
    )["Answer"]
    ours = ckd_epi_2021(age=age, sex="male", creatinine=scr).value
    assert close(theirs, ours * (0.9 / 0.7) ** -0.302)
    assert not close(theirs, ours)


@needs_medcalc
@SETTINGS
@given(age=st.integers(18, 100), sex=SEX, scr=hundredths(0.3, 12), black=st.booleans())
def test_mdrd_matches_medcalc(age, sex, scr, black):
    params = {"sex": sex, "age": (age, "years"), "creatinine": (scr, "mg/dL")}
    if black:
        params["race"] = "Black"
    theirs = mc("mdrd_gfr").mrdr_gfr_explanation(params)["Answer"]
    ours = mdrd(age=age, sex=sex.lower(), creatinine=scr, black=black).value
    assert close(ours, theirs)


# --- MedCalc-Bench adapter (entity names and units) ------------------------------------


@pytest.mark.parametrize(
    ("cid", "entities", "expected"),
    [
        (
            2,
            {
                "sex": "Male",
                "age": [60, "years"],
                "weight": [70.0, "kg"],
                "height": [5, "ft", 10, "in"],  # 177.8 cm, BMI 22.1, IBW 73.0 > 70
                "creatinine": [88.4, "µmol/L"],
            },
            80 * 70 / 72,
        ),
        (
            3,
            {"sex": "Female", "age": [50, "years"], "creatinine": [0.7, "mg/dL"]},
            142 * 0.9938**50 * 1.012,
        ),
        (
            9,
            {"sex": "Male", "age": [50, "years"], "creatinine": [1.0, "mg/dL"], "Race": "Black"},
            175 * 50**-0.203 * 1.212,
        ),
        (
            9,
            {"sex": "Male", "age": [50, "years"], "creatinine": [1.0, "mg/dL"], "Race": "White"},
            175 * 50**-0.203,
        ),
    ],
)
def test_medcalc_adapters(cid, entities, expected):
    from healthgym.clinical.medcalc import compute

    assert compute(cid, entities) == pytest.approx(expected, rel=1e-5)
