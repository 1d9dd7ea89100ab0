"""psychiatry, issue 17 (clinical truth): derived values, references and coherent records.

Defects and their tests:

1. CrCl and QTc were random draws with silent defaults: they are now computed from the
   record (weight + serum creatinine -> Cockcroft-Gault; ECG rate + QT -> Bazett), a
   value not measured is "not recorded" and fires no rule
   (``test_derived_values_recompute_from_the_record``,
   ``test_older_patients_have_plausible_kidney_function``,
   ``test_missing_values_fire_no_rule_and_are_reported_not_recorded``).
2. Chlordiazepoxide for outpatient alcohol withdrawal follows ASAM 2020
   (``test_benzodiazepine_for_expected_alcohol_withdrawal_follows_asam_2020``).
3. Every offered drug is in the formulary, with its label's key contraindications
   (``test_every_offered_drug_is_checked_against_the_formulary``,
   ``test_label_contraindications_of_the_alcohol_medications``).
4. Records are coherent over every task, train and test
   (``test_presenting_quotes_fit_the_condition_and_its_duration``,
   ``test_every_risk_factor_is_reported_by_a_history_tool``,
   ``test_living_situation_is_consistent_across_sections``).
5. Guideline-endorsed add-ons do not lower accuracy; unrelated or harmful extras do
   (``test_guideline_add_ons_are_neutral_and_other_extras_count_against``).
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from healthgym.clinical.calculators.qtc import qtc_bazett
from healthgym.clinical.calculators.renal import ckd_epi_2021, cockcroft_gault
from healthgym.domains import get_domain
from healthgym.domains.psychiatry import tools_interview as t
from healthgym.domains.psychiatry.conditions import VARIANT_BY_KEY
from healthgym.domains.psychiatry.grading import grade
from healthgym.domains.psychiatry.records import (
    Alcohol,
    Cssrs,
    Ecg,
    LiverTests,
    Mdq,
    PsychRecord,
    PsychState,
)
from healthgym.domains.psychiatry.safety import record_warnings
from healthgym.domains.psychiatry.symptoms import ALL_SYMPTOMS
from healthgym.domains.psychiatry.treatments import DRUG_KEYS
from healthgym.episode import EpisodeLog
from healthgym.tasks import task_split

NAME = "psychiatry"
DOMAIN = get_domain(NAME)
ALL = range(DOMAIN.n_tasks)
TEST = [i for i in ALL if task_split(NAME, i) == "test"]


@cache
def task(i: int):
    return DOMAIN.task(i)


def rec(i: int) -> PsychRecord:
    return PsychRecord.model_validate(task(i).hidden["record"])


def fresh(r: PsychRecord) -> PsychState:
    return PsychState(record=r)


@cache
def outputs(i: int) -> dict[str, str]:
    r = rec(i)
    s = fresh(r)
    return {
        "presentation": t.get_presentation(s),
        "psychiatric": t.get_psychiatric_history(s),
        "social": t.get_social_history(s),
        "medical": t.get_medical_history(s),
        "cognition": t.interview_symptoms(s, "cognition"),
        "mse": t.mental_status_exam(s),
    }


def base(**overrides) -> PsychRecord:
    fields = dict(
        id="P1",
        name="Test Patient",
        age=45,
        sex="male",
        education_years=12,
        referral="self-referred",
        chief_complaint="I want to get my drinking under control.",
        symptoms=["aud.1", "aud.2", "aud.4", "aud.6", "aud.11"],
        symptom_weeks=200,
        living="lives with partner",
        occupation="works in retail",
        supports="a good group of friends",
        alcohol=Alcohol(
            drinks_per_week=40,
            pattern="beer most evenings",
            ongoing=True,
            withdrawal="uncomplicated",
        ),
        phq9=[0] * 9,
        gad7=[0] * 7,
        audit=[4, 3, 3, 2, 2, 2, 2, 1, 0, 4],
        cage=[True, True, True, True],
        dast10=[False, False, True] + [False] * 7,
        mdq=Mdq(items=[False] * 13, same_period=False, impairment="none"),
        cssrs=Cssrs(),
        weight_kg=80.0,
        height_cm=178.0,
        creatinine_mg_dl=0.9,
        ecg=Ecg(heart_rate=70, qt_ms=390),
        liver=LiverTests(
            alt_u_l=40, ast_u_l=80, ggt_u_l=150, bilirubin_mg_dl=0.8, albumin_g_dl=4.2, inr=1.0
        ),
    )
    fields.update(overrides)
    return PsychRecord(**fields)


def codes(r: PsychRecord, key: str) -> set[str]:
    return {w.code for w in record_warnings(r, key)}


# ------------------------------------------------------------------ 1. derived values

_CRCL = re.compile(r"reatinine clearance[^0-9.]*?([\d.]+) mL/min")
_QTC = re.compile(r"QTc[^0-9]*?([\d.]+) ms")


def test_derived_values_recompute_from_the_record():
    """Every CrCl, QTc and Child-Pugh class a tool prints recomputes from the record's
    measured inputs with the project's calculators (Cockcroft & Gault 1976, actual body
    weight; Bazett 1920; Pugh 1973), over every task."""
    assert "crcl_ml_min" not in PsychRecord.model_fields  # no stored draw
    assert "qtc_ms" not in PsychRecord.model_fields
    for i in ALL:
        r, medical = rec(i), outputs(i)["medical"]
        if r.creatinine_mg_dl is not None and r.weight_kg is not None:
            expected = cockcroft_gault(
                age=r.age,
                sex=r.sex,
                weight=r.weight_kg,
                creatinine=r.creatinine_mg_dl,
                weight_type="actual",
            ).value
            assert r.crcl() == pytest.approx(expected, abs=0.051)
            assert float(_CRCL.search(medical).group(1)) == pytest.approx(expected, abs=0.051)
        else:
            assert r.crcl() is None and "creatinine clearance not recorded" in medical
        if r.ecg is not None:
            expected = qtc_bazett(heart_rate=r.ecg.heart_rate, qt=r.ecg.qt_ms).value
            assert float(_QTC.search(medical).group(1)) == pytest.approx(expected, abs=0.05)
            prolonged = "prolonged QTc on a previous ECG" in r.conditions
            assert (expected >= 500) == prolonged, (i, expected)
        else:
            assert "ECG: not recorded" in medical
        if "chronic kidney disease stage 4" in r.conditions:
            egfr = ckd_epi_2021(age=r.age, sex=r.sex, creatinine=r.creatinine_mg_dl).value
            assert 15 <= egfr < 30, (i, egfr)  # KDIGO G4
        cp = r.child_pugh()
        if cp is not None:
            assert f"Child-Pugh {cp[0]} (class {cp[1]})" in medical
            assert "alcohol-related liver cirrhosis" in r.conditions


def test_older_patients_have_plausible_kidney_function():
    """Issue 17: 5 of 18 patients aged >= 80 had a drawn CrCl >= 100 mL/min.  Computed by
    Cockcroft-Gault from plausible weight and creatinine, none does; body size and
    creatinine are within plausible adult ranges for every patient."""
    old = 0
    for i in ALL:
        r = rec(i)
        text = outputs(i)["medical"]
        m = _CRCL.search(text)
        if r.age >= 80 and m:
            old += 1
            assert float(m.group(1)) < 100, (i, r.age, m.group(0))
        assert r.weight_kg is not None and r.height_cm is not None
        bmi = r.weight_kg / (r.height_cm / 100) ** 2
        assert 17.5 <= bmi <= 41 and 135 <= r.height_cm <= 200, (i, bmi, r.height_cm)
        if r.creatinine_mg_dl is not None and "chronic kidney disease stage 4" not in r.conditions:
            assert 0.5 <= r.creatinine_mg_dl <= 1.25, (i, r.creatinine_mg_dl)
    assert old >= 10


def test_missing_values_fire_no_rule_and_are_reported_not_recorded():
    missing = base(creatinine_mg_dl=None, ecg=None, liver=None)
    medical = t.get_medical_history(fresh(missing))
    assert "Serum creatinine: not recorded (creatinine clearance not recorded)." in medical
    assert "ECG: not recorded (QTc not recorded)." in medical
    assert "Liver tests: not recorded." in medical
    assert "renal" not in codes(missing, "lithium")
    assert "qt_prolongation" not in codes(missing, "citalopram")
    check = t.check_prescription(fresh(missing), "lithium")
    assert "kidney function not recorded" in check
    assert "QTc not recorded" in t.check_prescription(fresh(missing), "citalopram")
    # the same drugs with measured values that call for the rules
    low = base(creatinine_mg_dl=3.6, ecg=Ecg(heart_rate=60, qt_ms=510))
    assert low.crcl() == pytest.approx(29.3, abs=0.05)  # (140-45) x 80 / (72 x 3.6)
    assert "renal" in codes(low, "lithium")
    assert "qt_prolongation" in codes(low, "citalopram")


# ------------------------------------------------------------ 2. ASAM 2020 withdrawal


def test_benzodiazepine_for_expected_alcohol_withdrawal_follows_asam_2020():
    """ASAM 2020: benzodiazepines (chlordiazepoxide among them) are first-line for
    alcohol withdrawal, ambulatory when mild to moderate without high-risk features;
    lorazepam or oxazepam are preferred in severe liver disease."""
    outpatient = base()  # ongoing heavy drinking, uncomplicated withdrawal
    for drug in ("chlordiazepoxide", "diazepam", "lorazepam"):
        assert record_warnings(outpatient, drug) == [], drug
    assert "MAJOR" not in t.check_prescription(fresh(outpatient), "chlordiazepoxide")
    older = base(age=68)  # Beers exemption for withdrawal; ASAM note, not a violation
    assert record_warnings(older, "chlordiazepoxide") == []
    assert "lorazepam or oxazepam may be preferred" in t.check_prescription(
        fresh(older), "chlordiazepoxide"
    )
    # heavy drinking without withdrawal: no benzodiazepine indication (APA 2018)
    no_withdrawal = base(
        alcohol=Alcohol(drinks_per_week=30, pattern="beer", ongoing=True, withdrawal="none")
    )
    assert "alcohol_benzodiazepine" in codes(no_withdrawal, "chlordiazepoxide")
    # decompensated cirrhosis: long-acting benzodiazepines flagged, lorazepam not
    class_c = base(
        liver=LiverTests(
            alt_u_l=40,
            ast_u_l=90,
            ggt_u_l=200,
            bilirubin_mg_dl=4.0,
            albumin_g_dl=2.5,
            inr=2.0,
            cirrhosis=True,
            ascites="moderate_severe",
        ),
        conditions=["alcohol-related liver cirrhosis"],
    )
    assert class_c.child_pugh() == (12, "C")
    assert "hepatic" in codes(class_c, "chlordiazepoxide")
    assert "hepatic" in codes(class_c, "diazepam")
    assert record_warnings(class_c, "lorazepam") == []
    # in the generated tasks, no outpatient withdrawal plan is flagged without a reason
    for i in ALL:
        g = task(i).grader
        if g["diagnosis"] != "alcohol_use_disorder":
            continue
        r = rec(i)
        if r.alcohol.withdrawal == "uncomplicated" and r.child_pugh() is None:
            assert "alcohol_benzodiazepine" not in {
                x.code for x in task(i).safety if x.target == "chlordiazepoxide"
            }


# ------------------------------------------------------------------- 3. formulary


def test_every_offered_drug_is_checked_against_the_formulary():
    s = fresh(base())
    for drug in DRUG_KEYS:
        text = t.check_prescription(s, drug)
        assert "not in the formulary" not in text, drug


def test_label_contraindications_of_the_alcohol_medications():
    from healthgym.domains.psychiatry.formulary import get

    naltrexone, acamprosate, chlordiazepoxide = (
        get(k) for k in ("naltrexone", "acamprosate", "chlordiazepoxide")
    )
    assert {"receiving opioid analgesics", "acute hepatitis", "liver failure"} <= set(
        naltrexone.contraindications
    )
    band = acamprosate.renal.band_for
    assert band(30.0).action == "avoid" and band(30.1).action == "reduce"  # <= 30 contraindicated
    assert band(50.0).action == "reduce" and band(50.1).action == "usual"  # 30-50: 333 mg tid
    assert "caution" in chlordiazepoxide.hepatic["B"]
    # the record checks that follow
    opioid = base(medications=[{"name": "oxycodone", "dose": "10 mg", "indication": "pain"}])
    assert "opioid_antagonist" in codes(opioid, "naltrexone")
    failing = base(
        liver=LiverTests(
            alt_u_l=40,
            ast_u_l=90,
            ggt_u_l=200,
            bilirubin_mg_dl=4.0,
            albumin_g_dl=2.5,
            inr=2.0,
            cirrhosis=True,
            ascites="moderate_severe",
        )
    )
    assert "hepatic" in codes(failing, "naltrexone") and not codes(failing, "acamprosate")
    moderate = base(creatinine_mg_dl=1.9)  # (140-45) x 80 / (72 x 1.9) = 55.6 -> usual
    assert "renal" not in codes(moderate, "acamprosate")
    reduced = base(creatinine_mg_dl=2.5)  # 42.2 mL/min: 333 mg three times daily
    assert "333 mg three times daily" in t.check_prescription(fresh(reduced), "acamprosate")
    assert "renal" in codes(base(creatinine_mg_dl=3.6), "acamprosate")  # 29.3 mL/min


# ------------------------------------------------------------- 4. coherent records

# symptoms the presenting problem of each diagnosis may be voiced with (its criteria set
# and the DSM-5 overlap symptoms the generator codes with it)
_MDD = {k for k in ALL_SYMPTOMS if k.startswith("mdd.")}
PRESENTING: dict[str, set[str]] = {
    "major_depressive_disorder": _MDD,
    "bipolar_i_disorder": _MDD,
    "bipolar_ii_disorder": _MDD,
    "adjustment_disorder": _MDD,
    "no_psychiatric_disorder": {"mdd.a4", "mdd.a6"},
    "generalized_anxiety_disorder": {k for k in ALL_SYMPTOMS if k.startswith("gad.")}
    | {"mdd.a4", "mdd.a6", "mdd.a8"},
    "posttraumatic_stress_disorder": {k for k in ALL_SYMPTOMS if k.startswith("ptsd.")}
    | {"mdd.a2", "mdd.a4", "mdd.a8"},
    "panic_disorder": {k for k in ALL_SYMPTOMS if k.startswith("panic.")},
    "alcohol_use_disorder": set(),
    "schizophrenia": set(),
    "mild_neurocognitive_disorder": set(),
    "major_neurocognitive_disorder": set(),
}
VOICE = {s.voice: k for k, s in ALL_SYMPTOMS.items() if s.voice}
_SEGMENT = re.compile(r'For (the past )?([^:"]+): ((?:"[^"]+"\s?)+)')


def test_presenting_quotes_fit_the_condition_and_its_duration():
    """Issue 17: an alcohol-use patient quoted "I keep thinking about death" for four
    years.  A quote over the presenting problem's duration is a symptom of the condition;
    a symptom that began later is quoted with its own (shorter) duration; thoughts of
    death are quoted only when the C-SSRS holds them."""
    for i in ALL:
        r, text = rec(i), outputs(i)["presentation"]
        diagnosis = task(i).grader["diagnosis"]
        for later, duration, quotes in _SEGMENT.findall(text):
            for q in re.findall(r'"([^"]+)"', quotes):
                key = VOICE[q]
                assert key in r.symptoms, (i, q)
                if not later:
                    assert key in PRESENTING[diagnosis], (i, diagnosis, q, duration)
                    assert duration == t.duration_text(r.symptom_weeks), (i, duration)
                else:
                    own = t.duration_text(r.onset_weeks[key]).removeprefix("about ")
                    assert duration == own, (i, q, duration)
                if key == "mdd.a9":
                    assert r.cssrs.wish_to_be_dead or r.cssrs.suicidal_thoughts, i
                    if diagnosis not in PRESENTING or not PRESENTING[diagnosis] >= {"mdd.a9"}:
                        assert r.weeks_of(key) <= 12, (i, duration)
        if "liver tests" in r.chief_complaint:  # the complaint needs abnormal tests
            assert r.liver is not None and (r.liver.ggt_u_l > 45 or r.liver.cirrhosis), i
    # the reported example: alcohol use disorder with thoughts of death
    aud = [
        i
        for i in ALL
        if task(i).grader["diagnosis"] == "alcohol_use_disorder" and rec(i).has("mdd.a9")
    ]
    assert aud and all(
        '"I keep thinking about death."'
        not in re.split(r"For the past", outputs(i)["presentation"])[0]
        for i in aud
    )


def _history(i: int) -> str:
    o = outputs(i)
    return " ".join(o[k] for k in ("presentation", "psychiatric", "social", "medical"))


def test_every_risk_factor_is_reported_by_a_history_tool():
    """Issue 17: family history of suicide and hopelessness were known only to the risk
    interview.  Each VA/DoD 2019 factor the risk tool or the grader uses is a fact some
    history tool reports."""
    for i in ALL:
        r, o = rec(i), outputs(i)
        h = _history(i)
        limit = 14 if r.sex == "male" else 7
        evidence = {
            "prior_attempt": "Previous suicide attempt: " in o["psychiatric"]
            and r.cssrs.behaviour_text in o["psychiatric"],
            "firearm_access": "A firearm is kept at home." in o["social"],
            "recent_loss": "Recent stressor:" in o["social"] or "Trauma history:" in h,
            "living_alone": any(
                w in o["social"].split(";")[0].lower() for w in ("alone", "homeless")
            ),
            "substance_misuse": (
                f"about {r.alcohol.drinks_per_week} standard drinks" in o["social"]
                and r.alcohol.drinks_per_week > limit
            )
            or "daily" in o["social"],
            "chronic_pain": "chronic low back pain" in o["medical"],
            "unemployment": "unemployed" in o["social"],
            "hopelessness": "can't see things ever getting better" in o["presentation"],
            "family_history_suicide": "died by suicide" in o["psychiatric"],
            "recent_discharge": "discharged" in h,
        }
        for factor in r.risk_factors:
            assert evidence[factor], (i, factor)
        if task(i).grader["treatment_groups"] and r.firearm_access:
            assert "A firearm is kept at home." in o["social"]
        protective = {
            "religious_faith": "Faith:" in o["social"],
            "engaged_in_care": "Sees their GP regularly" in o["social"],
            "children_at_home": "children" in o["social"],
            "social_support": f"Supports: {r.supports}." in o["social"],
        }
        for factor in r.protective_factors:
            assert protective.get(factor, True), (i, factor)


_PARTNER = re.compile(r"\b(spouse|husband|wife|partner)\b", re.IGNORECASE)


def test_living_situation_is_consistent_across_sections():
    """Issue 17: "Lives alone" while the collateral mentions a spouse.  A spouse or
    partner named anywhere else means one at home; a recent divorce means none."""
    checked = 0
    for i in ALL:
        r, o = rec(i), outputs(i)
        living = r.living
        others = (
            " ".join(v for k, v in o.items() if k != "social") + " " + o["social"].split(";")[-1]
        )
        together = "spouse" in living or "partner" in living
        if "divorce" in others:
            assert not together, (i, living)
        elif _PARTNER.search(others):
            checked += 1
            assert together, (i, living, _PARTNER.search(others).group(0))
        if "living_alone" in r.risk_factors:
            assert "alone" in living or "homeless" in living
        if "children_at_home" in r.protective_factors:
            assert "children" in living
    assert checked >= 20


# ------------------------------------------------------------------- 5. add-ons


def _accuracy(i: int, treatment: list[str]) -> tuple[float, set[str]]:
    tk = task(i)
    answer = dict(tk.reference.answer, treatment=treatment)
    log = EpisodeLog(answer=answer)
    g = grade(tk, fresh(rec(i)), log)
    return g.accuracy, {v.code for v in g.violations}


def test_guideline_add_ons_are_neutral_and_other_extras_count_against():
    """Lethal means counselling at moderate risk (VA/DoD 2019), psychoeducation in
    bipolar disorder (CANMAT/ISBD 2018), motivational interviewing in alcohol use
    disorder (APA 2018; NIAAA) do not lower accuracy; an unrelated extra (cognitive
    training in depression) or a harmful one (a benzodiazepine in PTSD) does."""
    seen = {"lethal": 0, "psychoeducation": 0, "mi": 0}
    for i in TEST:
        tk = task(i)
        g, ref = tk.grader, list(tk.reference.answer["treatment"])
        full, _ = _accuracy(i, ref)
        add = []
        if g["suicide_risk"] in ("moderate", "high"):
            add.append("lethal_means_counselling")
            seen["lethal"] += 1
        if g["diagnosis"] in ("bipolar_i_disorder", "bipolar_ii_disorder"):
            add.append("psychoeducation")
            seen["psychoeducation"] += 1
        if g["diagnosis"] == "alcohol_use_disorder":
            add.append("motivational_interviewing")
            seen["mi"] += 1
        for extra in add:
            if extra not in ref:
                assert _accuracy(i, [*ref, extra])[0] == pytest.approx(full), (i, extra)
        if g["diagnosis"] == "major_depressive_disorder":
            assert _accuracy(i, [*ref, "cognitive_training"])[0] < full
        if g["diagnosis"] == "posttraumatic_stress_disorder":
            acc, violations = _accuracy(i, [*ref, "lorazepam"])
            assert acc < full and "benzodiazepine_in_ptsd" in violations
    assert all(n >= 3 for n in seen.values()), seen
    assert VARIANT_BY_KEY  # the variants the add-ons are keyed by exist
