"""Derived values of the shared patient model: one documented rule each, computed once.

Creatinine clearance is Cockcroft-Gault with actual body weight (Cockcroft DW, Gault MH.
Nephron 1976;16:31-41): CrCl = (140 - age) x weight / (72 x creatinine), x 0.85 if
female.  The expected values below are worked by hand from that formula, the Bazett
correction QT / sqrt(RR) (Bazett HC. Heart 1920;7:353-70) and BMI = kg / m^2.
"""

from __future__ import annotations

import pytest

from healthgym.clinical.calculators.renal import cockcroft_gault
from healthgym.clinical.diseases import PROFILES
from healthgym.domains.drug_interaction.records import DrugPatient
from healthgym.patients import derived
from healthgym.patients.generator import generate_patient
from healthgym.patients.model import Patient, PatientCore


def drug_patient(**overrides) -> DrugPatient:
    fields = dict(
        id="P-1",
        name="Test Patient",
        age=60,
        sex="male",
        weight_kg=72.0,
        height_cm=175.0,
        creatinine_mg_dl=1.0,
        potassium=4.2,
        bilirubin_mg_dl=0.8,
        albumin_g_dl=4.0,
        inr=1.0,
        alt=20,
        ast=22,
    )
    return DrugPatient(**{**fields, **overrides})


@pytest.mark.parametrize(
    ("age", "sex", "weight", "creatinine", "expected"),
    [
        # (140 - 60) x 72 / (72 x 1.0) = 80.0
        (60, "male", 72.0, 1.0, 80.0),
        # (140 - 65) x 60 / (72 x 1.2) x 0.85 = 44.27 -> 44.3
        (65, "female", 60.0, 1.2, 44.3),
        # (140 - 80) x 50 / (72 x 2.0) = 20.83 -> 20.8
        (80, "male", 50.0, 2.0, 20.8),
    ],
)
def test_cockcroft_gault_worked_examples(age, sex, weight, creatinine, expected):
    assert derived.creatinine_clearance(age, sex, weight, creatinine) == expected
    p = drug_patient(age=age, sex=sex, weight_kg=weight, creatinine_mg_dl=creatinine)
    assert p.crcl() == expected
    assert p.renal_value("crcl") == expected


def test_the_weight_rule_is_actual_body_weight_even_in_obesity():
    # 50-year-old man, 120 kg, 175 cm (BMI 39.2), creatinine 1.0: (90 x 120) / 72 = 150.0
    p = drug_patient(age=50, weight_kg=120.0, height_cm=175.0, creatinine_mg_dl=1.0)
    assert p.crcl() == 150.0
    adjusted = cockcroft_gault(
        age=50, sex="male", weight=120.0, creatinine=1.0, height=175.0, weight_type="auto"
    )
    assert round(float(adjusted.value), 1) < 150.0  # the calculator's BMI rule differs
    assert "actual" in " ".join(p.crcl_result().explanation()).lower()


def test_egfr_bmi_and_qtc():
    p = drug_patient(age=60, sex="female", creatinine_mg_dl=1.0, weight_kg=70.0, height_cm=175.0)
    # CKD-EPI 2021, female, Scr/k = 1.0/0.7 > 1:
    # 142 x 1.4286^-1.2 (0.6518) x 0.9938^60 (0.6886) x 1.012 = 64.5
    assert p.egfr() == 64.5
    assert p.bmi == 22.9  # 70 / 1.75^2 = 22.86
    assert derived.body_mass_index(70.0, 175.0) == 22.9
    assert derived.qtc_bazett(400, 60) == pytest.approx(400.0, abs=0.5)  # RR 1.0 s
    assert derived.qtc_bazett(360, 100) == pytest.approx(464.8, abs=0.5)  # 360 / sqrt(0.6)
    assert p.qtc() is None
    assert drug_patient(qtc_ms=512).qtc() == 512.0


def test_drug_patient_is_built_on_the_shared_patient_core():
    assert issubclass(DrugPatient, PatientCore) and issubclass(Patient, PatientCore)
    p = drug_patient(qtc_ms=470)
    core = list(PatientCore.model_fields)
    assert list(DrugPatient.model_fields)[: len(core)] == core  # the record's JSON order
    assert list(p.model_dump())[: len(core)] == core
    d = p.derived()
    assert (d.bmi, d.crcl_ml_min, d.egfr_ml_min_1_73m2, d.qtc_ms) == (
        p.bmi,
        p.crcl(),
        p.egfr(),
        470.0,
    )


def test_the_encounter_patient_derives_from_its_laboratory_creatinine():
    p = generate_patient(PROFILES["urosepsis"], 7, patient_id="P-7")
    creatinine = float(p.labs["creatinine"])
    assert p.serum_creatinine() == creatinine
    assert p.crcl() == derived.creatinine_clearance(p.age, p.sex, p.weight_kg, creatinine)
    assert p.derived().crcl_ml_min == p.crcl() and p.derived().qtc_ms is None
    no_labs = p.model_copy(update={"labs": {}})
    assert no_labs.derived().crcl_ml_min is None
    with pytest.raises(ValueError, match="no serum creatinine"):
        no_labs.crcl()
