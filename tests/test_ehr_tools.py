"""ehr_management tools, scores and write actions on a hand-built record.

Every expected value below is computed by hand from the rows in ``tiny_tables``.
"""

from __future__ import annotations

import pytest

from healthgym.domains.ehr_management import actions as act
from healthgym.domains.ehr_management import score_tools as sc
from healthgym.domains.ehr_management import tools_read as t
from healthgym.domains.ehr_management.comorbidity import lace_conditions
from healthgym.domains.ehr_management.drugs import match_drug
from healthgym.domains.ehr_management.records import EhrState, parse_time
from healthgym.tools import ToolError

SID, A1, A2 = 10000001, 21000001, 21000002
NOW = "2150-03-03 12:00:00"


def _vitals(hadm, stay, when, hr, sbp, dbp, mbp, rr, spo2, temp, fio2, eye, verbal, motor):
    items = {
        220045: hr,
        220179: sbp,
        220180: dbp,
        220181: mbp,
        220210: rr,
        220277: spo2,
        223762: temp,
        223835: fio2,
        220739: eye,
        223900: verbal,
        223901: motor,
    }
    return [[SID, hadm, stay, when, i, str(v), v, ""] for i, v in items.items()]


def _lab(n, hadm, itemid, when, value, low, high):
    flag = "abnormal" if value < low or value > high else None
    return [n, SID, hadm, itemid, when, str(value), value, "", low, high, flag]


def _order(n, hadm, drug, start, stop):
    poe = f"{SID}-{n}"
    status = "Active" if stop is None else "Inactive"
    return (
        [poe, n, SID, hadm, start, "Medications", "x", drug, status, None, None],
        [n, poe, SID, hadm, start, stop, "MAIN", drug, "1", "unit", "IV", 1],
    )


def tiny_tables() -> dict[str, list[list]]:
    cr, k, plt, bili, po2 = 50912, 50971, 51265, 50885, 50821
    labs = [
        _lab(1, A1, cr, "2150-01-10 08:30:00", 1.10, 0.7, 1.3),
        _lab(2, A1, cr, "2150-01-11 06:00:00", 1.80, 0.7, 1.3),
        _lab(3, A1, cr, "2150-01-12 06:00:00", 2.40, 0.7, 1.3),
        _lab(4, A1, cr, "2150-01-13 06:00:00", 1.90, 0.7, 1.3),
        _lab(5, A1, cr, "2150-01-14 06:00:00", 1.30, 0.7, 1.3),
        _lab(6, A2, cr, "2150-03-01 10:30:00", 1.50, 0.7, 1.3),
        _lab(7, A2, cr, "2150-03-02 06:00:00", 2.10, 0.7, 1.3),
        _lab(8, A2, cr, "2150-03-03 06:00:00", 2.60, 0.7, 1.3),
        _lab(9, A2, k, "2150-03-03 06:00:00", 6.4, 3.5, 5.0),
        _lab(10, A2, plt, "2150-03-02 06:00:00", 90, 150, 400),
        _lab(11, A2, plt, "2150-03-03 06:00:00", 80, 150, 400),
        _lab(12, A2, bili, "2150-03-02 06:00:00", 2.5, 0.2, 1.2),
        _lab(13, A2, po2, "2150-03-03 06:00:00", 70, 80, 100),
    ]
    stay = 30000002
    charts = [[SID, A2, None, "2150-03-01 10:10:00", 226512, "70", 70.0, "kg"]]
    charts += _vitals(A2, stay, "2150-03-02 16:00:00", 120, 98, 53, 68, 26, 91, 38.9, 50, 4, 4, 6)
    charts += _vitals(A2, stay, "2150-03-03 04:00:00", 112, 105, 55, 72, 24, 93, 38.4, 40, 4, 5, 6)
    urine = [
        [SID, A2, stay, f"2150-03-{d:02d} {h:02d}:00:00", 226559, 60, "mL"]
        for d, hours in ((2, range(2, 24, 2)), (3, range(0, 13, 2)))
        for h in hours
    ]
    orders = [
        _order(1, A2, "Piperacillin-Tazobactam", "2150-03-01 11:00:00", None),
        _order(2, A2, "Ketorolac", "2150-03-01 12:00:00", None),
        _order(3, A2, "Heparin", "2150-03-01 12:00:00", "2150-03-02 12:00:00"),
        _order(4, A2, "Enoxaparin Sodium", "2150-03-02 12:00:00", None),
        _order(5, A1, "Atorvastatin", "2150-01-10 10:00:00", "2150-01-15 12:00:00"),
    ]
    ed = [
        [34000001, SID, A1, "2150-01-10 04:00:00", "2150-01-10 08:00:00", "ADMITTED"],
        [34000002, SID, None, "2149-09-01 10:00:00", "2149-09-01 14:00:00", "HOME"],
        [34000003, SID, None, "2149-12-20 10:00:00", "2149-12-20 15:00:00", "HOME"],
        [34000004, SID, None, "2149-06-01 10:00:00", "2149-06-01 13:00:00", "HOME"],
    ]
    adm = ["EW EMER.", "EMERGENCY ROOM"]
    return {
        "patients": [[SID, "F", 70, 2150, None]],
        "admissions": [
            [
                *(A1, SID, "2150-01-10 08:00:00", "2150-01-15 12:00:00", None, *adm, "HOME"),
                *("Medicare", "2150-01-10 04:00:00", "2150-01-10 08:00:00", 0),
            ],
            [A2, SID, "2150-03-01 10:00:00", None, None, *adm, None, "Medicare", None, None, 0],
        ],
        "edstays": ed,
        "icustays": [
            [30000001, SID, A1, "MICU", "MICU", "2150-01-10 10:00:00", "2150-01-12 10:00:00", 2.0],
            [stay, SID, A2, "MICU", "MICU", "2150-03-02 00:00:00", None, None],
        ],
        "labevents": labs,
        "chartevents": charts,
        "outputevents": urine,
        "inputevents": [
            [
                *(SID, A2, stay, "2150-03-03 02:00:00", "2150-03-03 08:00:00", 221906, 0.08),
                *("mcg/kg/min", 70.0),
            ]
        ],
        "microbiologyevents": [
            [
                *(1, SID, A1, "2150-01-10 00:00:00", "2150-01-10 09:00:00", "BLOOD CULTURE"),
                *("Blood Culture, Routine", "ESCHERICHIA COLI"),
            ],
            [
                *(2, SID, A1, "2150-01-12 00:00:00", "2150-01-12 09:00:00", "BLOOD CULTURE"),
                *("Blood Culture, Routine", None),
            ],
        ],
        "poe": [o[0] for o in orders],
        "prescriptions": [o[1] for o in orders],
        "medrecon": [
            [SID, A1, "2150-01-10 07:30:00", "Lisinopril", "10 mg", "daily"],
            [SID, A1, "2150-01-10 07:30:00", "Atorvastatin", "40 mg", "daily"],
        ],
        "diagnoses_icd": [
            [SID, A1, i, code, 10]
            for i, code in enumerate(["I50.22", "J44.9", "E11.22", "N18.30", "I10"], 1)
        ],
        "procedures_icd": [],
        "noteevents": [[1, SID, A1, "2150-01-15 12:00:00", "Discharge summary", "Text."]],
    }


@pytest.fixture
def state() -> EhrState:
    return EhrState.from_hidden({"tables": tiny_tables(), "now": NOW})


def test_summary_and_admissions(state):
    assert state.open_hadm == A2
    summary = t.get_patient_summary(state)
    assert "female, age 70" in summary and f"admission {A2}, in progress" in summary
    listing = t.list_admissions(state)
    assert f"admission {A1}: 2150-01-10 08:00 to 2150-01-15 12:00, EW EMER." in listing
    assert "2150-01-10 10:00 to 2150-01-12 10:00 (los 2.00 d)" in listing
    assert "2150-03-02 00:00 to in progress" in listing


def test_query_labs_window_and_flags(state):
    out = t.query_labs(state, "creatinine", A1, "2150-01-11 00:00", "2150-01-13 06:00")
    assert out.splitlines() == [
        "Creatinine (itemid 50912, mg/dL, ref 0.7-1.3):",
        "2150-01-11 06:00  1.80  abnormal",
        "2150-01-12 06:00  2.40  abnormal",
        "2150-01-13 06:00  1.90  abnormal",
    ]
    assert "no results" in t.query_labs(state, "lactate", A1)
    with pytest.raises(ToolError, match="no admission 5"):
        t.query_labs(state, "creatinine", 5)
    with pytest.raises(ToolError, match="YYYY-MM-DD"):
        t.query_labs(state, "creatinine", None, "yesterday")


def test_lab_trend_direction(state):
    out = t.lab_trend(state, "creatinine", A1)
    assert out.endswith("Direction: rose then fell; last minus first +0.20.")
    assert "peak" not in out.lower() and "max" not in out.lower()
    assert t.trend_direction([1.0, 1.5, 2.0], 0.1) == "rising"
    assert t.trend_direction([2.0, 1.5, 1.0], 0.1) == "falling"
    assert t.trend_direction([1.0, 1.05, 1.02], 0.1) == "stable"
    assert t.trend_direction([2.0, 1.0, 2.1], 0.1) == "fell then rose"
    # pH 7.07 -> 7.35 is a large move on its own scale: a quarter of 7.35-7.45 is 0.025
    ph = t.LAB_ITEMS["ph"]
    assert t.trend_tolerance(ph, 7.07) == pytest.approx(0.025)
    assert t.trend_direction([7.07, 7.18, 7.29, 7.35], t.trend_tolerance(ph, 7.07)) == "rising"


def test_vitals_medications_home_meds_micro(state):
    vit = t.get_vitals(state, "2150-03-03 04:00", 1)
    assert vit == (
        "2150-03-03 04:00  HR 112 | BP 105/55 (MAP 72) | RR 24 | SpO2 93% | Temp 38.4 C | "
        "FiO2 40% | GCS E4 V5 M6"
    )
    active = t.get_medications(state, A2, "2150-03-02 12:00")
    assert [line.split(":")[0] for line in active.splitlines()] == [
        f"{SID}-1",
        f"{SID}-2",
        f"{SID}-4",
    ]  # heparin stopped exactly then: orders run over [starttime, stoptime)
    assert "Lisinopril 10 mg daily" in t.get_home_medications(state, A1)
    micro = t.get_microbiology(state)
    assert micro.splitlines()[0].endswith(
        "BLOOD CULTURE (Blood Culture, Routine): ESCHERICHIA COLI"
    )
    assert micro.splitlines()[1].endswith("no growth")
    assert t.get_diagnoses(state, A1).splitlines()[0] == (
        "1. I50.22: Chronic systolic (congestive) heart failure"
    )
    assert "Not coded yet" in t.get_diagnoses(state, A2)


def _observe_for_scores(state):
    """Look at every row the score tools read (they are gated on it)."""
    t.list_admissions(state)
    t.get_vitals(state, "2150-03-02 12:00", 24)
    for lab in ("po2", "platelets", "bilirubin_total", "creatinine"):
        t.query_labs(state, lab)
    for hadm in (A1, A2):
        t.get_icu_flowsheet(state, hadm)
        t.get_diagnoses(state, hadm)
    t.get_ed_visits(state)


def test_score_tools_are_gated_on_what_was_shown(state):
    for fn, arg in (
        (sc.calculate_news2, "2150-03-03 12:00"),
        (sc.calculate_qsofa, "2150-03-03 12:00"),
        (sc.calculate_sofa, "2150-03-03 12:00"),
        (sc.calculate_kdigo_stage, "2150-03-03 12:00"),
        (sc.calculate_lace, A1),
    ):
        with pytest.raises(ToolError, match="not been shown"):
            fn(state, arg)
    assert state.score_log == []
    # a vital-sign set at another time does not unlock NEWS2 at 12:00 (set 04:00)
    t.get_vitals(state, "2150-03-02 16:00", 0.5)
    with pytest.raises(ToolError, match="vital signs charted 2150-03-03 04:00"):
        sc.calculate_news2(state, "2150-03-03 12:00")
    t.get_vitals(state, "2150-03-03 04:00", 0.5)
    assert sc.calculate_news2(state, "2150-03-03 12:00").endswith("Total 10.")
    # KDIGO reads the creatinine of both admissions and the ICU urine output
    t.query_labs(state, "creatinine", hadm_id=A2)
    with pytest.raises(ToolError, match=f"Creatinine results of admission {A1}"):
        sc.calculate_kdigo_stage(state, "2150-03-03 12:00")
    t.query_labs(state, "creatinine", hadm_id=A1)
    with pytest.raises(ToolError, match=f"get_icu_flowsheet.hadm_id={A2}"):
        sc.calculate_kdigo_stage(state, "2150-03-03 12:00")
    # a query of the table counts as having seen it
    from healthgym.domains.ehr_management.sql_tool import run_sql

    run_sql(state, "SELECT charttime, value FROM outputevents")
    assert sc.calculate_kdigo_stage(state, "2150-03-03 12:00").endswith("Stage 2.")


def test_news2_and_qsofa_by_hand(state):
    # last set 03-03 04:00: RR 24 -> 2, SpO2 93 -> 2, oxygen (FiO2 40) -> 2, SBP 105 -> 1,
    # HR 112 -> 2, GCS 15 alert -> 0, temp 38.4 -> 1: total 10
    _observe_for_scores(state)
    out = sc.calculate_news2(state, "2150-03-03 12:00")
    assert out.endswith("Total 10.") and state.scores("news2") == [10.0]
    assert "risk" not in out.lower() and "high" not in out.lower()
    # qSOFA at 03-03 12:00: RR 24 >= 22 only -> 1; at 03-02 20:00 (set 16:00): RR 26,
    # SBP 98 <= 100, GCS 14 < 15 -> 3
    assert sc.calculate_qsofa(state, "2150-03-03 12:00").endswith("Total 1.")
    assert sc.calculate_qsofa(state, "2150-03-02 20:00").endswith("Total 3.")
    with pytest.raises(ToolError, match="after the current time"):
        sc.calculate_news2(state, "2150-03-04 12:00")
    with pytest.raises(ToolError, match="not in hospital"):
        sc.calculate_news2(state, "2150-02-01 12:00")


def test_kdigo_by_hand(state):
    # current 2.60; baseline = min(7-day values 1.50 2.10 2.60, last pre-admission 1.30)
    # = 1.30 -> ratio 2.00 (stage 2); 48-h rise 2.60 - 2.10 = 0.50; urine 30 mL/h / 70 kg
    # = 0.43 mL/kg/h for 6, 12 and 24 h: < 0.5 for >= 12 h -> stage 2
    _observe_for_scores(state)
    out = sc.calculate_kdigo_stage(state, "2150-03-03 12:00")
    assert "baseline 1.3 (from the 7 days before and the last pre-admission value)" in out
    assert "ratio 2.00, rise within 48 h +0.50" in out
    assert "0.429 mL/kg/h over 6 h; 0.429 mL/kg/h over 12 h; 0.429 mL/kg/h over 24 h" in out
    assert out.endswith("Stage by creatinine 2, by urine output 2. Stage 2.")


def test_sofa_by_hand(state):
    # window 03-02 12:00 .. 03-03 12:00: PaO2 70 / FiO2 0.40 = 175 no support -> 2;
    # platelets 80 -> 2; bilirubin none in window, 2.5 carried forward -> 2; MAP 68 with
    # noradrenaline 0.08 -> 3; GCS min 14 -> 1; creatinine 2.60 -> 2 (urine 720 mL/24 h
    # >= 500 -> 0): total 12
    _observe_for_scores(state)
    out = sc.calculate_sofa(state, "2150-03-03 12:00")
    assert "respiration 2 (PaO2 70 / FiO2 0.40 = 175, without respiratory support)" in out
    assert "coagulation 2 (platelets 80)" in out and "liver 2 (bilirubin 2.5)" in out
    assert "cardiovascular 3 (MAP 68, vasopressors mcg/kg/min: norepinephrine 0.08)" in out
    assert "cns 1 (GCS 14)" in out and "renal 2 (creatinine 2.6; urine 720 mL/24 h)" in out
    assert out.endswith("Total 12.") and state.scores("sofa") == [12.0]


def test_lace_by_hand(state):
    # L: 01-10 -> 01-15 = 5 days -> 4; A: emergency -> 3; C: heart failure 2 + COPD 2 +
    # complicated diabetes 2 + mild renal disease 2 = 8 -> 5; E: ED visits 2149-09-01 and
    # 2149-12-20 (2149-06-01 is > 6 months before; the admitting visit does not count) -> 2
    _observe_for_scores(state)
    out = sc.calculate_lace(state, A1)
    assert "L 4 (length of stay 5 days); A 3 (emergency admission); C 5" in out
    assert "E 2 (2 ED visits" in out and out.endswith("Total 14.")
    with pytest.raises(ToolError, match="in progress"):
        sc.calculate_lace(state, A2)


def test_lace_comorbidity_weights():
    assert lace_conditions(["I50.22", "J44.9", "I10"]) == {
        "congestive_heart_failure": 2,
        "chronic_pulmonary_disease": 2,
    }
    # the complicated form replaces the uncomplicated one (Charlson hierarchy)
    assert lace_conditions(["E11.9", "E11.22"]) == {"diabetes_end_organ_damage": 2}
    assert lace_conditions(["I25.2", "C61", "C78.00"]) == {
        "myocardial_infarction": 1,
        "metastatic_solid_tumor": 6,
    }
    assert lace_conditions(["N18.30"]) == {"mild_renal_disease": 2}
    assert lace_conditions(["N18.4"]) == {"moderate_severe_renal_disease": 4}


def test_write_actions_change_the_database(state):
    out = act.discontinue_order(state, f"{SID}-2", "nephrotoxic in AKI")
    assert out.startswith(f"Order {SID}-2 (Ketorolac")
    stop = state.db.execute(
        "SELECT stoptime FROM prescriptions WHERE poe_id = ?", (f"{SID}-2",)
    ).fetchone()
    assert stop == (NOW,)
    with pytest.raises(ToolError, match="not active"):
        act.discontinue_order(state, f"{SID}-2")
    with pytest.raises(ToolError, match="no order"):
        act.discontinue_order(state, f"{SID}-5")  # belongs to the finished admission
    assert "Consult nephrology" in act.place_order(state, "consult", "Nephrology consult")
    placed = act.place_order(state, "medication", "Toradol")
    assert "Ketorolac" in placed
    new = state.db.execute(
        "SELECT drug, starttime, stoptime FROM prescriptions WHERE pharmacy_id = 6"
    )
    assert new.fetchone() == ("Ketorolac", NOW, None)
    with pytest.raises(ToolError, match="formulary"):
        act.place_order(state, "medication", "snake oil")
    with pytest.raises(ToolError, match="unknown service"):
        act.place_order(state, "consult", "astrology")
    assert "Note 2 (Progress)" in act.write_note(state, "Progress", "Creatinine 2.6 mg/dL.")


def test_no_orders_without_an_open_admission():
    tables = tiny_tables()
    tables["admissions"][1][3] = "2150-03-05 10:00:00"
    closed = EhrState.from_hidden({"tables": tables, "now": "2150-04-01 00:00:00"})
    with pytest.raises(ToolError, match="not in hospital"):
        act.place_order(closed, "lab", "potassium")
    with pytest.raises(ToolError, match="not in hospital"):
        act.write_note(closed, "Progress", "x")


def test_drug_and_time_normalisation():
    assert match_drug("Eliquis") == "apixaban"
    assert match_drug("MetFORMIN (Glucophage)") == "metformin"
    assert match_drug("pantoprazole 40 mg IV") == "pantoprazole"
    assert match_drug("Losartan Potassium") == "losartan"
    assert match_drug("unobtainium") is None
    assert parse_time("2150-03-03T04:05").hour == 4
    with pytest.raises(ToolError):
        parse_time("2150-13-03 04:05")
