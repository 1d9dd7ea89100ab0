"""radiology_report tools and grader against hand-computed expectations."""

from __future__ import annotations

import pytest

from healthgym.domains import get_domain
from healthgym.domains.radiology_report import report_tools as rt
from healthgym.domains.radiology_report import rule_tools as rule
from healthgym.domains.radiology_report import tools_record as t
from healthgym.domains.radiology_report.grading import (
    impression_categories,
    normalize_category,
)
from healthgym.domains.radiology_report.records import (
    Clinician,
    Finding,
    PatientInfo,
    PriorStudy,
    RadiologyState,
    Study,
)
from healthgym.env import HealthGymEnv
from healthgym.tools import ArgumentError, ToolError, format_hermes, validate_arguments

DOMAIN = get_domain("radiology_report")


def make_study(prior: bool = True) -> Study:
    return Study(
        accession="CT12345678",
        exam="CT pulmonary angiogram",
        modality="CT",
        date="2024-03-10",
        time="14:05",
        patient=PatientInfo(name="Grace Kim", age=61, sex="female", mrn="MRN1234567"),
        ordering=Clinician(name="Dr Omar Haddad", service="Emergency Medicine", phone="x4471"),
        indication="Acute pleuritic chest pain.",
        history=["Smoking: current smoker, 40 pack-years."],
        technique=["CT pulmonary angiogram, arterial phase."],
        findings=[
            Finding(
                id="F1",
                location="Right upper lobe",
                summary="solid nodule",
                details=["Long axis 9 mm, short axis 5 mm."],
                kind="pulmonary_nodule",
            ),
            Finding(
                id="F2",
                location="Pulmonary arteries",
                summary="intraluminal filling defect",
                details=["Central filling defect in the right interlobar artery."],
                kind="critical",
            ),
        ],
        normal=["Heart: normal size; no pericardial fluid."],
        prior=PriorStudy(
            date="2023-03-10", exam="CT chest", lines=["Right upper lobe nodule 6 x 4 mm."]
        )
        if prior
        else None,
    )


def state(prior: bool = True) -> RadiologyState:
    return RadiologyState(study=make_study(prior))


def test_record_tools_render_the_study():
    s = state()
    assert t.get_study_info(s) == (
        "CT pulmonary angiogram (CT), accession CT12345678, performed 2024-03-10 at 14:05. "
        "Patient: Grace Kim, 61-year-old female, MRN1234567. Ordering clinician: Dr Omar "
        "Haddad, Emergency Medicine, x4471."
    )
    assert t.get_clinical_history(s) == (
        "Indication: Acute pleuritic chest pain. Smoking: current smoker, 40 pack-years."
    )
    assert t.get_technique(s) == "CT pulmonary angiogram, arterial phase."
    assert t.list_findings(s) == (
        "Findings:\nF1 - Right upper lobe: solid nodule\nF2 - Pulmonary arteries: intraluminal "
        "filling defect\nOtherwise:\nHeart: normal size; no pericardial fluid."
    )
    assert s.described == set()
    assert t.describe_finding(s, "f1") == (
        "F1 - Right upper lobe: solid nodule. Long axis 9 mm, short axis 5 mm."
    )
    assert s.described == {"F1"}
    assert t.get_prior_study(s) == "Prior: CT chest, 2023-03-10. Right upper lobe nodule 6 x 4 mm."
    assert t.get_prior_study(state(prior=False)) == "No prior imaging is available for comparison."
    assert s.record_tools == {
        "get_study_info",
        "get_clinical_history",
        "get_technique",
        "list_findings",
        "get_prior_study",
    }


def test_describe_unknown_finding_lists_the_ids():
    with pytest.raises(ToolError, match="F1, F2"):
        t.describe_finding(state(), "F9")


def test_measurement_tools_hand_computed():
    s = state()
    # (9 + 5) / 2 = 7 mm; pi * 7^3 / 6 = 179.6 mm3
    assert rule.nodule_mean_diameter(s, 9, 5) == (
        "Mean diameter (9 + 5) / 2 = 7 mm; rounded 7 mm; spherical volume pi*d^3/6 = 180 mm3."
    )
    # 5 -> 7 mm from 2023-03-10 to 2024-03-10 (spans 29 February 2024: 366 days):
    # VDT = 366 ln2 / (3 ln(7/5)) = 366 * 0.693147 / 1.009417 = 251.3 days
    out = rule.calculate_nodule_growth(s, 5, 7, "2023-03-10", "2024-03-10")
    assert out == (
        "Interval 366 days. Mean diameter 5 -> 7 mm: change +2 mm. Volumes 65 -> 180 mm3; "
        "volume doubling time 251 days."
    )
    assert s.growth_results[-1]["growth_mm"] == 2.0
    assert s.growth_results[-1]["vdt_days"] == pytest.approx(251.32, abs=0.01)
    assert "not defined" in rule.calculate_nodule_growth(s, 7, 7, "2023-03-10", "2024-03-10")
    with pytest.raises(ToolError, match="short axis"):
        rule.nodule_mean_diameter(s, 4, 6)
    with pytest.raises(ToolError, match="before"):
        rule.calculate_nodule_growth(s, 5, 7, "2024-03-10", "2023-03-10")


def test_classification_tools_report_and_record_their_result():
    s = state()
    out = rule.fleischner_recommendation(s, "solid", "single", 7, "high")
    assert out == (
        "Fleischner 2017: mean diameter 7 mm, size category 6-8 mm; basis: single solid nodule "
        "6-8 mm, high-risk patient (Table 1). Recommendation "
        "[ct_6_12_months_then_ct_18_24_months]: CT at 6-12 months, then CT at 18-24 months."
    )
    assert s.rule_results["fleischner_2017"] == {
        "category": "6-8 mm",
        "follow_up": "ct_6_12_months_then_ct_18_24_months",
    }
    out = rule.tirads_assessment(
        s, "solid", "hypoechoic", "wider_than_tall", "smooth", ["macrocalcifications"], 12
    )
    assert out == (
        "ACR TI-RADS: composition 2 + echogenicity 2 + shape 0 + margin 0 + echogenic foci 1 = "
        "5 points -> TR4 (moderately suspicious); maximum diameter 1.2 cm (FNA if >= 1.5 cm, "
        "follow-up if >= 1.0 cm). Recommendation [ultrasound_follow_up]: Follow-up ultrasound. "
        "Schedule: ultrasound at 1, 2, 3 and 5 years."
    )
    assert s.rule_results["acr_tirads"]["points"] == 5
    out = rule.birads_assessment(s, "diagnostic", "asymmetry", asymmetry_type="developing")
    assert out.startswith("BI-RADS: developing asymmetry -> category 4 (suspicious).")
    out = rule.bosniak_classification(s, "mri", 1, 5, 2, True, fluid_signal="simple_fluid")
    assert out.startswith("Bosniak 2019: many (>= 4) smooth thin enhancing septa -> class IIF.")
    with pytest.raises(ToolError, match="solid_component_mm"):
        rule.fleischner_recommendation(s, "part_solid", "single", 9, "low")


def test_rule_tools_never_read_the_study():
    # the rule tools run without any episode state: their output is their arguments'
    assert rule.fleischner_recommendation(None, "ground_glass", "single", 8, "low").endswith(
        "CT every 2 years until 5 years."
    )
    assert "TR5" in rule.tirads_assessment(
        None, "solid", "very_hypoechoic", "taller_than_wide", "smooth", ["none"], 9
    )
    assert "class IV" in rule.bosniak_classification(
        None, "ct", 2, 0, 0, True, "acute", 3, unenhanced_attenuation_hu=12
    )
    assert "category 1" in rule.birads_assessment(None, "screening", "none")


def test_schema_validation_gives_clear_errors():
    tool = DOMAIN.toolkit.get("fleischner_recommendation")
    good = {"nodule_type": "solid", "multiplicity": "single", "mean_diameter_mm": 7, "risk": "low"}
    assert validate_arguments(tool, {**good, "risk": "HIGH"})["risk"] == "high"
    with pytest.raises(ArgumentError, match="not one of: solid, part_solid, ground_glass"):
        validate_arguments(tool, {**good, "nodule_type": "calcified"})
    with pytest.raises(ArgumentError, match="missing required argument"):
        validate_arguments(tool, {"nodule_type": "solid"})
    with pytest.raises(ArgumentError, match="below the minimum"):
        validate_arguments(tool, {**good, "mean_diameter_mm": 0})
    with pytest.raises(ArgumentError, match="unknown argument"):
        validate_arguments(tool, {**good, "lobe": "RUL"})
    foci = DOMAIN.toolkit.get("tirads_assessment")
    with pytest.raises(ArgumentError, match="echogenic_foci\\[0\\]"):
        validate_arguments(
            foci,
            {
                "composition": "solid",
                "echogenicity": "isoechoic",
                "shape": "wider_than_tall",
                "margin": "smooth",
                "echogenic_foci": ["microcalcification"],
                "max_diameter_mm": 10,
            },
        )


def test_critical_communication_records_who_when_how():
    s = state()
    with pytest.raises(ToolError, match="not a clinician responsible"):
        rt.communicate_critical_result(s, "pulmonary_embolism", "Dr Smith", "telephone")
    assert s.notifications == []
    out = rt.communicate_critical_result(s, "pulmonary_embolism", "dr haddad", "telephone")
    assert out == (
        "Communicated pulmonary embolism by telephone to Dr Omar Haddad (Emergency Medicine) "
        "at 14:35 on 2024-03-10. Record it in the report."
    )
    rt.communicate_critical_result(s, "pneumothorax", "Omar Haddad", "email")
    assert [(n.finding, n.recipient, n.method, n.time) for n in s.notifications] == [
        ("pulmonary_embolism", "Dr Omar Haddad", "telephone", "14:35 on 2024-03-10"),
        ("pneumothorax", "Dr Omar Haddad", "email", "14:40 on 2024-03-10"),
    ]


def test_report_template_is_per_system_not_per_task():
    a = rt.get_report_template(state(), "acr_tirads")
    assert a == rt.get_report_template(None, "acr_tirads")
    assert "TR1 to TR5" in a and "fine_needle_aspiration" in a
    assert "ct_6_12_months_then_ct_18_24_months" in rt.get_report_template(None, "fleischner_2017")


def test_category_normalisation_and_impression_reading():
    assert normalize_category("acr_tirads", "TI-RADS 4") == "TR4"
    assert normalize_category("acr_tirads", "tr5") == "TR5"
    assert normalize_category("birads", "BI-RADS 4B") == "4"
    assert normalize_category("birads", "7") is None
    assert normalize_category("bosniak_2019", "2F") == "IIF"
    assert normalize_category("bosniak_2019", "Bosniak III") == "III"
    assert normalize_category("fleischner_2017", "≥6 mm") == ">=6 mm"
    assert normalize_category("fleischner_2017", "6 to 8 mm") == "6-8 mm"
    assert impression_categories("birads", "BI-RADS 4: biopsy. Prior BI-RADS 2.", "") == {"4", "2"}
    assert impression_categories("bosniak_2019", "Bosniak IIF cyst.", "") == {"IIF"}
    assert impression_categories("acr_tirads", "ACR TI-RADS TR3 (3 points)", "") == {"TR3"}
    assert impression_categories("fleischner_2017", "9 x 5 mm solid nodule.", "solid") == {"6-8 mm"}
    assert impression_categories("fleischner_2017", "Nodule, >8 mm category.", "solid") == {">8 mm"}


# ------------------------------------------------------------------------- grader


def _task(pred):
    return next(DOMAIN.task(i) for i in range(DOMAIN.n_tasks) if pred(DOMAIN.task(i)))


def play(task, skip=(), replace=None, answer=None):
    """Replay the reference with some calls skipped or replaced, then submit."""
    env = HealthGymEnv(domain="radiology_report", split=None)
    env.reset(options={"task": task})
    calls = [c for c in task.reference.calls if c.name not in skip and c.name != "submit_report"]
    for c in calls:
        args = (replace or {}).get(c.name, c.arguments)
        env.step(format_hermes(c.name, args))
    final = {**task.reference.answer, **(answer or {})}
    _, reward, done, _, info = env.step(format_hermes("submit_report", final))
    assert done
    return reward, info["reward_components"]


def test_missing_critical_communication_is_a_critical_violation():
    task = _task(lambda t: t.grader["critical_finding"] != "none")
    reward, c = play(task, skip=("communicate_critical_result",))
    assert c["accuracy"] == 1.0
    assert [v["code"] for v in c["violations"]] == ["critical_result_not_communicated"]
    assert c["safety"] == 0.0 and c["capped"] and reward <= 0.1


def test_indirect_communication_and_under_management_are_major():
    task = _task(lambda t: t.grader["critical_finding"] != "none")
    ref = next(x for x in task.reference.calls if x.name == "communicate_critical_result")
    reward, c = play(task, replace={ref.name: {**ref.arguments, "method": "email"}})
    assert [v["code"] for v in c["violations"]] == ["indirect_critical_communication"]
    assert c["safety"] == 0.5 and not c["capped"]
    task = _task(lambda t: t.grader["follow_up"] == "tissue_diagnosis")
    _, c = play(task, answer={"follow_up": "routine_screening"})
    assert [v["code"] for v in c["violations"]] == ["under_management"]
    assert 0 < c["accuracy"] < 1.0
    assert c["details"]["coherence"]["follow_up_matches_tool"] is False


def test_wrong_category_scores_zero_and_incoherent_impression_is_flagged():
    task = _task(lambda t: t.grader["system"] == "acr_tirads" and t.grader["category"] == "TR4")
    _, c = play(task, answer={"category": "TR3"})
    assert c["accuracy"] == 0.0
    assert c["details"]["coherence"]["category_matches_tool"] is False
    # the impression is the report's conclusion: stating another category there is wrong
    # (issue 16: the category must be asserted in the impression, not only in a field)
    _, c = play(task, answer={"impression": "Thyroid nodule, ACR TI-RADS TR5."})
    assert c["accuracy"] == 0.0
    assert c["details"]["coherence"]["impression_matches_category"] is False
    _, c = play(task, answer={"impression": "Thyroid nodule, not TI-RADS TR4."})
    assert c["accuracy"] == 0.0
    blank = {"technique": "", "comparison": "  "}
    _, c = play(task, answer=blank)
    assert c["accuracy"] == pytest.approx((1 + 1 + 1 + 4 / 6 + 1 + 1) / 6)


def test_false_alert_and_undocumented_communication():
    task = _task(lambda t: t.grader["critical_finding"] == "none")
    name = task.grader["recipient"]
    env = HealthGymEnv(domain="radiology_report", split=None)
    env.reset(options={"task": task})
    env.step(
        format_hermes(
            "communicate_critical_result",
            {"finding": "pneumothorax", "recipient": name, "method": "telephone"},
        )
    )
    _, _, _, _, info = env.step(format_hermes("submit_report", task.reference.answer))
    c = info["reward_components"]
    assert [v["code"] for v in c["violations"]] == ["unwarranted_critical_alert"]
    checks = c["details"]["coherence"]
    assert checks["communication_documented"] is False
    assert checks["critical_matches_communication"] is False
    assert checks["findings_seen"] is False
