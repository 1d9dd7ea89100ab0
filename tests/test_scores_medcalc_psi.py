"""Tests for the Pneumonia Severity Index (Fine 1997 NEJM).

Expected values are hand-computed from Fine 1997's point table; where a case reuses a
MedCalc-Bench patient, the value is our own hand computation (not MedCalc's label).
"""

from __future__ import annotations

from typing import Any

import pytest

from healthgym.clinical.scores import psi
from healthgym.clinical.units import Q


def test_psi_worked_example() -> None:
    # Hand-computed (patient of MedCalc-Bench dev row 829): male 64 (64), liver disease
    # (20), renal disease (10), altered mental status (20), pleural effusion (10), RR 34
    # (20), Na 128.4 (20), glucose 251 (10); 38.0 C, pH 7.6, SBP 94, BUN 26.8, Hct 37 and
    # PaO2 75 are normal -> 174, class V.
    result = psi(
        age=64,
        sex="male",
        liver_disease=True,
        renal_disease=True,
        altered_mental_status=True,
        pleural_effusion=True,
        respiratory_rate=34,
        sbp=94,
        temperature_c=38.0,
        heart_rate=94,
        arterial_ph=7.6,
        bun_mg_dl=26.75,
        sodium_mmol_l=128.43,
        glucose_mg_dl=251.12,
        hematocrit_pct=37,
        pao2_mmhg=75,
    )
    assert result.value == 174
    assert "class V" in result.interpretation and "27.0-31.1%" in result.interpretation


@pytest.mark.parametrize(
    ("kwargs", "value", "risk_class"),
    [
        ({"age": 40, "sex": "male"}, 40, "class I:"),
        ({"age": 40, "sex": "male", "arterial_ph": 7.2}, 70, "class I:"),  # labs: step 2 only
        ({"age": 40, "sex": "male", "heart_rate": 125}, 50, "class II"),
        ({"age": 51, "sex": "male"}, 51, "class II"),
        ({"age": 80, "sex": "female"}, 70, "class II"),
        ({"age": 71, "sex": "male"}, 71, "class III"),
        ({"age": 80, "sex": "male", "renal_disease": True}, 90, "class III"),
        ({"age": 81, "sex": "male", "renal_disease": True}, 91, "class IV"),
        ({"age": 80, "sex": "male", "neoplastic_disease": True, "sbp": 85}, 130, "class IV"),
        ({"age": 81, "sex": "male", "neoplastic_disease": True, "sbp": 85}, 131, "class V"),
    ],
)
def test_psi_classes(kwargs: dict[str, Any], value: int, risk_class: str) -> None:
    result = psi(**kwargs)
    assert result.value == value
    assert risk_class in result.interpretation


@pytest.mark.parametrize(
    ("field", "value", "points"),
    [
        ("temperature_c", 35, 0),
        ("temperature_c", 34.9, 15),
        ("temperature_c", 39.9, 0),
        ("temperature_c", 40, 15),
        ("temperature_c", Q(104, "degrees fahrenheit"), 15),
        ("bun_mg_dl", 30, 20),
        ("bun_mg_dl", Q(11, "mmol/L"), 20),
        ("glucose_mg_dl", Q(14, "mmol/L"), 10),
        ("glucose_mg_dl", 249, 0),
        ("hematocrit_pct", 29, 10),
        ("pao2_mmhg", 59, 10),
        ("respiratory_rate", 29, 0),
        ("sodium_mmol_l", 129.9, 20),
    ],
)
def test_psi_thresholds(field: str, value: Any, points: int) -> None:
    result = psi(age=60, sex="male", **{field: value})
    assert result.value == 60 + points


@pytest.mark.parametrize(("field", "bad"), [("sex", "m"), ("age", -5), ("heart_rate", "fast")])
def test_psi_invalid(field: str, bad: Any) -> None:
    with pytest.raises(ValueError, match=field):
        psi(**{"age": 60, "sex": "male", field: bad})
