"""Electrolyte and acid-base formulas: worked examples, invalid inputs, units, and
agreement with the ``medcalc`` package (used only here, as an external cross-check)."""

from __future__ import annotations

import importlib
import importlib.util
import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from healthgym.clinical.calculators.electrolytes import (
    albumin_corrected_anion_gap,
    albumin_corrected_delta_gap,
    albumin_corrected_delta_ratio,
    calcium_correction,
    delta_gap,
    delta_ratio,
    fena,
    free_water_deficit,
    serum_osmolality,
    sodium_correction_hyperglycemia,
)
from healthgym.clinical.errors import CalculatorInputError
from healthgym.clinical.units import Q

SETTINGS = settings(max_examples=200, deadline=None)


def tenths(lo: float, hi: float) -> st.SearchStrategy[float]:
    return st.integers(int(lo * 10), int(hi * 10)).map(lambda n: n / 10)


def close(ours: float, theirs: float, rel: float = 0.01, abs_tol: float = 0.002) -> bool:
    return math.isclose(ours, theirs, rel_tol=rel, abs_tol=abs_tol)


# --- worked examples -------------------------------------------------------------------


def test_calcium_correction_payne():
    # 8.6 + 0.8 x (4.0 - 3.1) = 9.32 mg/dL (MedCalc-Bench dev row 101)
    r = calcium_correction(calcium=8.6, albumin=3.1)
    assert r.value == pytest.approx(9.32)
    assert r.unit == "mg/dL"
    assert "normal" in r.interpretation
    # SI inputs: 2.0 mmol/L = 8.016 mg/dL, 25 g/L = 2.5 g/dL -> 8.016 + 1.2 = 9.216
    assert calcium_correction(calcium=Q(2.0, "mmol/L"), albumin=Q(25, "g/L")).value == (
        pytest.approx(9.216)
    )
    # normal albumin: no correction; custom reference albumin 4.4
    assert calcium_correction(calcium=9.0, albumin=4.0).value == pytest.approx(9.0)
    assert calcium_correction(calcium=9.0, albumin=3.4, normal_albumin=4.4).value == (
        pytest.approx(9.8)
    )


def test_sodium_correction_hillier():
    # 116 + 0.024 x (1010 - 100) = 137.84 (dev row 367)
    r = sodium_correction_hyperglycemia(sodium=116, glucose=1010)
    assert r.value == pytest.approx(137.84)
    assert r.unit == "mEq/L"
    # glucose below 100 gives a negative correction, as MedCalc-Bench applies it (row 366)
    assert sodium_correction_hyperglycemia(sodium=134, glucose=70).value == pytest.approx(133.28)
    # 30 mmol/L glucose = 540.48 mg/dL -> 130 + 0.024 x 440.48 = 140.57
    r = sodium_correction_hyperglycemia(sodium=Q(130, "mEq/L"), glucose=Q(30, "mmol/L"))
    assert r.value == pytest.approx(130 + 0.024 * (30 * 18.016 - 100))


def test_serum_osmolality():
    # 2 x 140 + 90/18 + 14/2.8 = 280 + 5 + 5 = 290 mOsm/kg
    r = serum_osmolality(sodium=140, glucose=90, bun=14)
    assert r.value == pytest.approx(290.0)
    assert r.unit == "mOsm/kg"
    assert "normal" in r.interpretation
    # dev row 405: 2 x 131 + 70/18 + 18/2.8 = 272.317
    assert serum_osmolality(sodium=131, glucose=70, bun=18).value == pytest.approx(272.317, 1e-5)
    # SI: glucose 5 mmol/L = 90.08 mg/dL; urea N 5 mmol/L = 14.006 mg/dL
    r = serum_osmolality(sodium=140, glucose=Q(5, "mmol/L"), bun=Q(5, "mmol/L"))
    assert r.value == pytest.approx(280 + 90.08 / 18 + (5 / 0.357) / 2.8)


@pytest.mark.parametrize(
    ("age", "sex", "fraction"),
    [
        (10, "male", 0.6),
        (Q(30, "months"), "female", 0.6),  # child
        (17.9, "female", 0.6),
        (18, "male", 0.6),
        (18, "female", 0.5),
        (64.9, "female", 0.5),
        (65, "male", 0.5),
        (65, "female", 0.45),
        (90, "female", 0.45),
    ],
)
def test_free_water_deficit_tbw_fractions(age, sex, fraction):
    # Adrogue & Madias 2000: deficit = TBW x (Na/140 - 1); 70 kg, Na 154 -> x 0.1
    r = free_water_deficit(sodium=154, weight=70, age=age, sex=sex)
    assert r.components["tbw_fraction"] == fraction
    assert r.value == pytest.approx(fraction * 70 * 0.1)
    assert "deficit" in r.interpretation


def test_free_water_deficit_examples():
    # 142 lb = 64.41 kg, adult man: 0.6 x 64.41 x (137/140 - 1) = -0.828 L (dev row 467)
    r = free_water_deficit(sodium=Q(137, "mmol/L"), weight=Q(142, "lbs"), age=23, sex="male")
    assert r.value == pytest.approx(-0.828, abs=1e-3)
    assert "excess" in r.interpretation
    assert free_water_deficit(sodium=140, weight=70, age=40, sex="male").value == 0


def test_fena():
    # 100 x (0.6 x 32) / (129 x 60.3) = 0.247 % (dev row 507)
    r = fena(sodium=129, creatinine=0.6, urine_sodium=32, urine_creatinine=60.3)
    assert r.value == pytest.approx(0.24683, abs=1e-5)
    assert r.unit == "%"
    assert "prerenal" in r.interpretation
    # units cancel: creatinine in umol/L on both sides gives the same answer
    r2 = fena(
        sodium=Q(129, "mmol/L"),
        creatinine=Q(0.6 * 88.4, "umol/L"),
        urine_sodium=32,
        urine_creatinine=Q(60.3 * 88.4, "umol/L"),
    )
    assert r2.value == pytest.approx(r.value)
    assert (
        "tubular"
        in fena(sodium=133, creatinine=1.57, urine_sodium=127, urine_creatinine=36).interpretation
    )


def test_anion_gap_family():
    # Na 139, Cl 108, HCO3 4.6: AG 26.4, delta gap 14.4 (dev row 728),
    # delta ratio 14.4 / 19.4 = 0.742 (mixed high- and normal-gap acidosis)
    assert delta_gap(sodium=139, chloride=108, bicarbonate=4.6).value == pytest.approx(14.4)
    r = delta_ratio(sodium=139, chloride=108, bicarbonate=4.6)
    assert r.value == pytest.approx(14.4 / 19.4)
    assert "0.4-0.8" in r.interpretation
    assert r.unit == ""
    # Na 134, Cl 100, HCO3 7.2: AG 26.8, delta ratio 14.8 / 16.8 = 0.881 (dev row 749)
    r = delta_ratio(sodium=134, chloride=100, bicarbonate=Q(7.2, "mmol/L"))
    assert r.value == pytest.approx(0.881, abs=1e-3)
    assert "uncomplicated" in r.interpretation


def test_albumin_corrected_family():
    # Na 133, Cl 89, HCO3 23.7, albumin 2.1: AG 20.3; corrected 20.3 + 2.5 x 1.9 = 25.05;
    # delta gap 13.05; delta ratio 13.05 / 0.3 = 43.5 (dev row 810)
    args = {"sodium": 133, "chloride": 89, "bicarbonate": 23.7, "albumin": 2.1}
    assert albumin_corrected_anion_gap(**args).value == pytest.approx(25.05)
    assert albumin_corrected_delta_gap(**args).value == pytest.approx(13.05)
    r = albumin_corrected_delta_ratio(**args)
    assert r.value == pytest.approx(43.5)
    assert "alkalosis" in r.interpretation
    assert r.components["corrected_anion_gap"] == pytest.approx(25.05)
    # albumin 4.0 g/dL: no correction
    assert albumin_corrected_anion_gap(
        sodium=140, chloride=104, bicarbonate=24, albumin=4.0
    ).value == pytest.approx(12)


def test_albumin_units():
    # 42 g/L = 4.2 g/dL = 4200 mg/dL: AG 12 + 2.5 x (4 - 4.2) = 11.5
    for albumin in (4.2, Q(42, "g/L"), Q(4200, "mg/dL")):
        r = albumin_corrected_anion_gap(sodium=140, chloride=104, bicarbonate=24, albumin=albumin)
        assert r.value == pytest.approx(11.5)


def test_sodium_in_mg_dl():
    # 1 mmol/L sodium = 2.299 mg/dL: 321.86 mg/dL = 140 mmol/L
    r = delta_gap(sodium=Q(321.86, "mg/dL"), chloride=104, bicarbonate=24)
    assert r.value == pytest.approx(0.0, abs=1e-3)


def test_steps_show_the_working():
    r = albumin_corrected_delta_ratio(sodium=137, chloride=116, bicarbonate=12.1, albumin=3.7)
    text = "\n".join(r.explanation())
    assert "137 - (116 + 12.1)" in text
    assert "8.9 + 2.5 x (4 - 3.7) = 9.65" in text
    assert "-2.35 / (24 - 12.1) = -0.197" in text


# --- invalid inputs --------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: delta_ratio(sodium=140, chloride=100, bicarbonate=24),  # division by zero
        lambda: albumin_corrected_delta_ratio(sodium=140, chloride=100, bicarbonate=24, albumin=3),
        lambda: delta_gap(sodium=14, chloride=100, bicarbonate=24),
        lambda: delta_gap(sodium=140, chloride=100, bicarbonate=-1),
        lambda: albumin_corrected_anion_gap(sodium=140, chloride=100, bicarbonate=24, albumin=40),
        lambda: calcium_correction(calcium=0, albumin=3),
        lambda: calcium_correction(calcium=9, albumin=3, normal_albumin=0),
        lambda: serum_osmolality(sodium=140, glucose=0, bun=10),
        lambda: serum_osmolality(sodium=140, glucose=90, bun=-3),
        lambda: free_water_deficit(sodium=150, weight=70, age=40, sex="x"),
        lambda: free_water_deficit(sodium=150, weight=70, age=-1, sex="male"),
        lambda: fena(sodium=140, creatinine=1, urine_sodium=20, urine_creatinine=0),
        lambda: sodium_correction_hyperglycemia(sodium="140", glucose=300),
        lambda: sodium_correction_hyperglycemia(sodium=140, glucose=Q(300, "g")),
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
SODIUM = tenths(110, 170)
CHLORIDE = tenths(70, 130)
BICARBONATE = tenths(2, 40)
ALBUMIN = tenths(1, 5.5)


def lytes(na: float, cl: float, hco3: float) -> dict[str, tuple[float, str]]:
    return {"sodium": (na, "mEq/L"), "chloride": (cl, "mEq/L"), "bicarbonate": (hco3, "mEq/L")}


@needs_medcalc
@SETTINGS
@given(ca=tenths(4, 15), alb=ALBUMIN)
def test_calcium_correction_matches_medcalc(ca, alb):
    theirs = mc("calcium_correction").calculate_corrected_calcium_explanation(
        {"calcium": (ca, "mg/dL"), "albumin": (alb, "g/dL")}
    )["Answer"]
    assert close(calcium_correction(calcium=ca, albumin=alb).value, theirs)


@needs_medcalc
@SETTINGS
@given(na=SODIUM, glucose=st.integers(40, 2000))
def test_sodium_correction_matches_medcalc(na, glucose):
    theirs = mc("sch").compute_sodium_correction_hyperglycemia_explanation(
        {"sodium": (na, "mEq/L"), "glucose": (glucose, "mg/dL")}
    )["Answer"]
    assert close(sodium_correction_hyperglycemia(sodium=na, glucose=glucose).value, theirs)


@needs_medcalc
@SETTINGS
@given(na=SODIUM, glucose=st.integers(40, 2000), bun=tenths(2, 150))
def test_serum_osmolality_matches_medcalc(na, glucose, bun):
    theirs = mc("sOsm").compute_serum_osmolality_explanation(
        {"sodium": (na, "mmol/L"), "glucose": (glucose, "mg/dL"), "bun": (bun, "mg/dL")}
    )["Answer"]
    assert close(serum_osmolality(sodium=na, glucose=glucose, bun=bun).value, theirs)


@needs_medcalc
@SETTINGS
@given(
    na=SODIUM,
    weight=tenths(3, 200),
    age=st.integers(0, 100),
    sex=st.sampled_from(["Male", "Female"]),
)
def test_free_water_deficit_matches_medcalc(na, weight, age, sex):
    theirs = mc("free_water_deficit").free_water_deficit_explanation(
        {"sodium": (na, "mmol/L"), "weight": (weight, "kg"), "age": (age, "years"), "sex": sex}
    )["Answer"]
    ours = free_water_deficit(sodium=na, weight=weight, age=age, sex=sex.lower()).value
    assert close(ours, theirs)


@needs_medcalc
@SETTINGS
@given(na=SODIUM, scr=tenths(0.3, 12), una=st.integers(1, 250), ucr=tenths(5, 400))
def test_fena_matches_medcalc(na, scr, una, ucr):
    theirs = mc("compute_fena").compute_fena_explanation(
        {
            "sodium": (na, "mEq/L"),
            "creatinine": (scr, "mg/dL"),
            "urine_sodium": (una, "mEq/L"),
            "urine_creatinine": (ucr, "mg/dL"),
        }
    )["Answer"]
    ours = fena(sodium=na, creatinine=scr, urine_sodium=una, urine_creatinine=ucr).value
    assert close(ours, theirs)


@needs_medcalc
@SETTINGS
@given(na=SODIUM, cl=CHLORIDE, hco3=BICARBONATE)
def test_delta_gap_matches_medcalc(na, cl, hco3):
    theirs = mc("delta_gap").compute_delta_gap_explanation(lytes(na, cl, hco3))["Answer"]
    assert close(delta_gap(sodium=na, chloride=cl, bicarbonate=hco3).value, theirs)


@needs_medcalc
@SETTINGS
@given(na=SODIUM, cl=CHLORIDE, hco3=BICARBONATE, alb=ALBUMIN)
def test_albumin_corrected_gaps_match_medcalc(na, cl, hco3, alb):
    params = {**lytes(na, cl, hco3), "albumin": (alb, "g/dL")}
    args = {"sodium": na, "chloride": cl, "bicarbonate": hco3, "albumin": alb}
    acag = mc("albumin_corrected_anion").compute_albumin_corrected_anion_explanation(params)
    assert close(albumin_corrected_anion_gap(**args).value, acag["Answer"])
    acdg = mc("albumin_corrected_delta_gap").compute_albumin_corrected_delta_gap_explanation(params)
    assert close(albumin_corrected_delta_gap(**args).value, acdg["Answer"])


@needs_medcalc
@SETTINGS
@given(na=SODIUM, cl=CHLORIDE, hco3=BICARBONATE, alb=ALBUMIN)
def test_albumin_corrected_delta_ratio_matches_medcalc(na, cl, hco3, alb):
    assume(abs(24 - hco3) >= 1)
    params = {**lytes(na, cl, hco3), "albumin": (alb, "g/dL")}
    theirs = mc("albumin_delta_ratio").compute_albumin_delta_ratio_explanation(params)["Answer"]
    ours = albumin_corrected_delta_ratio(sodium=na, chloride=cl, bicarbonate=hco3, albumin=alb)
    assert close(ours.value, theirs)


# medcalc has no plain delta-ratio module; check it against delta_gap / (24 - HCO3)
@SETTINGS
@given(na=SODIUM, cl=CHLORIDE, hco3=BICARBONATE)
def test_delta_ratio_is_delta_gap_over_bicarbonate_fall(na, cl, hco3):
    assume(hco3 != 24)
    dg = delta_gap(sodium=na, chloride=cl, bicarbonate=hco3).value
    ratio = delta_ratio(sodium=na, chloride=cl, bicarbonate=hco3).value
    assert ratio == pytest.approx(dg / (24 - hco3), rel=1e-6, abs=1e-4)


# --- MedCalc-Bench adapter (entity names and units) ------------------------------------

LYTES = {"Sodium": [140.0, "mmol/L"], "Chloride": [100.0, "mEq/L"], "Bicarbonate": [12.0, "mmol/L"]}


@pytest.mark.parametrize(
    ("cid", "entities", "expected"),
    [
        (7, {"Calcium": [2.0, "mmol/L"], "Albumin": [30.0, "g/L"]}, 8.016 + 0.8),
        (26, {"Sodium": [130.0, "mEq/L"], "Glucose": [600.0, "mg/dL"]}, 142.0),
        (
            30,
            {
                "Sodium": [140.0, "mEq/L"],
                "Glucose": [90.0, "mg/dL"],
                "Blood Urea Nitrogen (BUN)": [14.0, "mg/dL"],
            },
            290.0,
        ),
        (
            38,
            {
                "Sodium": [154.0, "mmol/L"],
                "weight": [10.0, "kg"],
                "age": [18, "months"],
                "sex": "Female",
            },
            0.6,
        ),
        (
            38,
            {
                "Sodium": [154.0, "mmol/L"],
                "weight": [70.0, "kg"],
                "age": [70, "years"],
                "sex": "Female",
            },
            0.45 * 7,
        ),
        (39, LYTES, 28.0),
        (
            40,
            {
                "Sodium": [140.0, "mEq/L"],
                "creatinine": [2.0, "mg/dL"],
                "Urine sodium": [70.0, "mmol/L"],
                "Urine creatinine": [100.0, "mg/dL"],
            },
            1.0,
        ),
        (63, LYTES, 16.0),
        (64, {**LYTES, "Sodium": [321.86, "mg/dL"]}, 16.0 / 12),
        (65, {**LYTES, "Albumin": [2000.0, "mg/dL"]}, 33.0),
        (66, {**LYTES, "Albumin": [20.0, "g/L"]}, 21.0),
        (67, {**LYTES, "Albumin": [2.0, "g/dL"]}, 21.0 / 12),
    ],
)
def test_medcalc_adapters(cid, entities, expected):
    from healthgym.clinical.medcalc import compute

    assert compute(cid, entities) == pytest.approx(expected, rel=1e-4)
