"""Public API of healthgym.clinical.guidelines: published boundary cases of each rule."""

from __future__ import annotations

import ast
import datetime as dt
import math
from pathlib import Path

import pytest

import healthgym.clinical.guidelines as guidelines
from healthgym.clinical.errors import CalculatorInputError
from healthgym.clinical.guidelines.cognitive import (
    MMSE_ITEMS,
    MOCA_ITEMS,
    mmse,
    moca,
    serial_sevens_points,
)
from healthgym.clinical.guidelines.dermoscopy import tds_band, total_dermoscopy_score
from healthgym.clinical.guidelines.imaging_breast import birads_assessment
from healthgym.clinical.guidelines.imaging_chest import (
    fleischner_recommendation,
    mean_diameter,
    nodule_growth,
    volume_doubling_time,
)
from healthgym.clinical.guidelines.imaging_renal import bosniak_classification
from healthgym.clinical.guidelines.imaging_thyroid import (
    tirads_action,
    tirads_assessment,
    tirads_level,
)
from healthgym.clinical.guidelines.obstetric_dating import (
    best_dating,
    crl_to_ga_days,
    induction_plan,
    redating_band,
)
from healthgym.clinical.guidelines.obstetric_fetal import (
    acceleration_qualifies,
    apgar_band,
    bpp_band,
    nichd_category,
    variability_class,
)
from healthgym.clinical.guidelines.obstetric_maternal import (
    HypertensionFindings,
    classify_hypertension,
    ogtt_75g_abnormal,
    ogtt_100g_abnormal,
    rhig_indicated,
)
from healthgym.clinical.guidelines.plan import Plan

PACKAGE = Path(guidelines.__file__).parent


def test_no_module_imports_a_domain():
    for path in sorted(PACKAGE.glob("*.py")):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                name = "." * node.level + (node.module or "")
                assert "domains" not in name.split("."), f"{path.name} imports {name}"
                assert node.level <= 2, f"{path.name} reaches above healthgym.clinical"
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    assert not alias.name.startswith("healthgym.domains"), path.name


def test_package_docstring_lists_every_module():
    doc = guidelines.__doc__ or ""
    for path in PACKAGE.glob("*.py"):
        if path.stem != "__init__":
            assert f":mod:`.{path.stem}`" in doc, path.stem


# --------------------------------------------------------------- Bosniak 2019 (renal)
def _ct(**kw):
    args = dict(
        modality="ct",
        wall_thickness_mm=1.0,
        septa_count=0,
        max_septum_thickness_mm=0.0,
        enhancing=False,
        unenhanced_attenuation_hu=10.0,
    )
    return bosniak_classification(**{**args, **kw})


@pytest.mark.parametrize(
    "kw, cls",
    [
        ({"unenhanced_attenuation_hu": 20.0}, "I"),  # simple fluid -9 to 20 HU
        ({"unenhanced_attenuation_hu": -9.0}, "I"),
        ({"unenhanced_attenuation_hu": 21.0}, "II"),  # homogeneous > 20 HU
        ({"unenhanced_attenuation_hu": 70.0}, "II"),  # >= 70 HU at noncontrast CT
        ({"septa_count": 3, "max_septum_thickness_mm": 1.0}, "II"),  # few thin septa
        ({"calcification": True}, "II"),  # calcification excludes class I
        ({"enhancing": True, "septa_count": 4, "max_septum_thickness_mm": 2.0}, "IIF"),
        ({"enhancing": True, "wall_thickness_mm": 3.0}, "IIF"),  # minimally thickened
        ({"enhancing": True, "wall_thickness_mm": 4.0}, "III"),  # thick >= 4 mm
        ({"enhancing": True, "protrusion": "obtuse", "protrusion_size_mm": 3.0}, "III"),
        ({"enhancing": True, "protrusion": "obtuse", "protrusion_size_mm": 4.0}, "IV"),
        ({"enhancing": True, "protrusion": "acute", "protrusion_size_mm": 1.0}, "IV"),
    ],
)
def test_bosniak_class_boundaries(kw, cls):
    assert _ct(**kw).bosniak_class == cls


def test_bosniak_management_and_refusals():
    assert _ct(enhancing=True, wall_thickness_mm=3.0).management == (
        "imaging_6_12_months_then_annually_to_5_years"
    )
    assert _ct().management == "no_follow_up"
    with pytest.raises(ValueError):
        _ct(unenhanced_attenuation_hu=-10.0)  # fat: not a cystic mass
    with pytest.raises(ValueError):
        _ct(wall_thickness_mm=3.0)  # thick but non-enhancing: no class
    mri = bosniak_classification(
        "mri", 1.0, 0, 0.0, False, fluid_signal="t1_heterogeneous_hyperintense"
    )
    assert mri.bosniak_class == "IIF"


# ------------------------------------------------------------ Fleischner 2017 (chest)
@pytest.mark.parametrize(
    "diameter, risk, code",
    [
        (5.4, "low", "no_routine_follow_up"),  # rounds to 5 mm: < 6 mm
        (5.4, "high", "optional_ct_at_12_months"),
        (5.5, "low", "ct_6_12_months_then_consider_ct_18_24_months"),  # rounds to 6 mm
        (8.4, "high", "ct_6_12_months_then_ct_18_24_months"),  # rounds to 8 mm
        (8.5, "low", "consider_ct_3_months_pet_ct_or_tissue_sampling"),  # rounds to 9 mm
    ],
)
def test_fleischner_solid_single(diameter, risk, code):
    assert fleischner_recommendation("solid", "single", diameter, risk).code == code


def test_fleischner_subsolid_multiple_and_prior():
    assert fleischner_recommendation("ground_glass", "single", 6, "low").code == (
        "ct_6_12_months_then_every_2_years_until_5_years"
    )
    assert fleischner_recommendation("part_solid", "single", 10, "low", 6).code == (
        "ct_3_6_months_persistent_highly_suspicious"
    )
    assert fleischner_recommendation("part_solid", "single", 10, "low", 5).code == (
        "ct_3_6_months_then_annual_ct_for_5_years"
    )
    assert fleischner_recommendation("solid", "multiple", 7, "low").code == (
        "ct_3_6_months_then_consider_ct_18_24_months"
    )
    grown = fleischner_recommendation("solid", "single", 7, "low", growth_mm=2.0, interval_days=90)
    assert grown.code == "pet_ct_or_tissue_sampling"
    stable = fleischner_recommendation("solid", "single", 7, "low", growth_mm=0, interval_days=730)
    assert stable.code == "no_routine_follow_up"
    with pytest.raises(ValueError):
        fleischner_recommendation("solid", "single", 30, "low")  # a mass, not a nodule


def test_nodule_size_and_growth():
    assert mean_diameter(8, 6) == 7.0
    # a doubling of volume multiplies the diameter by 2 ** (1/3)
    assert volume_doubling_time(6.0, 6.0 * 2 ** (1 / 3), 400) == pytest.approx(400)
    assert volume_doubling_time(6.0, 6.0, 400) is None
    g = nodule_growth(5.0, 7.0, "2023-01-01", "2023-07-01")
    assert (g.interval_days, g.growth_mm) == (181, 2.0)
    assert g.current_volume_mm3 == pytest.approx(math.pi * 7**3 / 6)
    with pytest.raises(ValueError):
        nodule_growth(5.0, 7.0, "2023-07-01", "2023-01-01")


# ------------------------------------------------------------ ACR TI-RADS (thyroid)
def test_tirads_levels_and_actions():
    assert [tirads_level(p) for p in (0, 1, 2, 3, 4, 6, 7)] == [
        "TR1",
        "TR1",
        "TR2",
        "TR3",
        "TR4",
        "TR4",
        "TR5",
    ]
    assert tirads_action("TR4", 15) == "fine_needle_aspiration"  # >= 1.5 cm
    assert tirads_action("TR4", 14) == "ultrasound_follow_up"  # >= 1.0 cm
    assert tirads_action("TR4", 9) == "no_fna_or_follow_up"
    assert tirads_action("TR5", 10) == "fine_needle_aspiration"
    assert tirads_action("TR3", 25) == "fine_needle_aspiration"
    assert tirads_action("TR2", 50) == "no_fna_or_follow_up"
    r = tirads_assessment("solid", "hypoechoic", "wider_than_tall", "smooth", [], 12)
    assert (r.total, r.level, r.action) == (4, "TR4", "ultrasound_follow_up")
    sponge = tirads_assessment(
        "spongiform", "hypoechoic", "taller_than_wide", "smooth", ["punctate_echogenic_foci"], 30
    )
    assert (sponge.total, sponge.level) == (0, "TR1")  # no further points for spongiform


# ----------------------------------------------------------------- BI-RADS (breast)
def test_birads_categories():
    assert birads_assessment("screening", "none").category == "1"
    mass = dict(mass_shape="irregular", mass_margin="spiculated", mass_density="high")
    assert birads_assessment("screening", "mass", **mass).category == "0"
    assert birads_assessment("diagnostic", "mass", **mass).category == "5"
    oval = dict(mass_shape="oval", mass_margin="circumscribed", mass_density="equal")
    assert birads_assessment("diagnostic", "mass", **oval).category == "3"
    fat = dict(mass_shape="oval", mass_margin="circumscribed", mass_density="fat_containing")
    assert birads_assessment("screening", "mass", **fat).category == "2"
    calc = birads_assessment(
        "diagnostic",
        "calcifications",
        calcification_morphology="fine_linear_branching",
        calcification_distribution="segmental",
    )
    assert (calc.category, calc.management) == ("5", "tissue_diagnosis")
    known = birads_assessment("diagnostic", "mass", known_biopsy_proven_malignancy=True, **oval)
    assert known.category == "6"


# ------------------------------------------------------------------ obstetric dating
def test_redating_bands_acog_co_700():
    assert redating_band(62)[0] == 5  # <= 8 6/7 weeks
    assert redating_band(63)[0] == 7  # 9 0/7 weeks
    assert redating_band(111)[0] == 7
    assert redating_band(112)[0] == 10  # 16 0/7 weeks
    assert redating_band(154)[0] == 14
    assert redating_band(196)[0] == 21  # 28 0/7 weeks
    lmp, scan = dt.date(2024, 1, 1), dt.date(2024, 3, 11)  # LMP GA 70 days
    assert best_dating(lmp, scan, 77).basis == "lmp"  # 7 days: not more than 7
    redated = best_dating(lmp, scan, 78)
    assert (redated.basis, redated.edd) == ("ultrasound", scan + dt.timedelta(days=202))
    assert best_dating(None, scan, 78).basis == "ultrasound"


def test_crl_and_induction():
    assert crl_to_ga_days(45.0) == pytest.approx(8.052 * math.sqrt(45) + 23.73)
    with pytest.raises(CalculatorInputError):
        crl_to_ga_days(90.0)
    assert induction_plan(9, False).required == (("oxytocin_induction",),)
    assert induction_plan(6, True) == Plan(
        required=(("balloon_catheter_ripening",),),
        forbidden=("misoprostol_ripening", "amniotomy"),
    )
    with pytest.raises(ValueError):
        induction_plan(7, False)


# --------------------------------------------------------------------- fetal (NICHD)
def test_nichd_categories_and_variability():
    assert [variability_class(a) for a in (0, 5, 6, 25, 26)] == [
        "absent",
        "minimal",
        "moderate",
        "moderate",
        "marked",
    ]
    assert nichd_category(110, "moderate") == "I"
    assert nichd_category(160, "moderate", late="none", variable="none") == "I"
    assert nichd_category(161, "moderate") == "II"  # tachycardia
    assert nichd_category(140, "minimal") == "II"
    assert nichd_category(140, "moderate", late="recurrent") == "II"
    assert nichd_category(140, "absent", late="recurrent") == "III"
    assert nichd_category(105, "absent") == "III"  # absent variability with bradycardia
    assert nichd_category(140, "moderate", sinusoidal=True) == "III"


def test_fetal_testing_and_newborn_bands():
    assert acceleration_qualifies(15, 15, 32)
    assert not acceleration_qualifies(10, 10, 32)
    assert acceleration_qualifies(10, 10, 31)
    assert [bpp_band(s) for s in (10, 8, 6, 4)] == [
        "bpp_normal",
        "bpp_normal",
        "bpp_equivocal",
        "bpp_abnormal",
    ]
    assert [apgar_band(s) for s in (7, 6, 4, 3)] == [
        "apgar_reassuring",
        "apgar_moderately_abnormal",
        "apgar_moderately_abnormal",
        "apgar_low",
    ]


# ----------------------------------------------------------------- maternal (ACOG)
def test_hypertension_classification_pb_222():
    def cls(**kw):
        return classify_hypertension(HypertensionFindings(True, False, **kw))[0]

    assert cls(protein_creatinine_ratio=0.29) == "gestational_hypertension"
    assert cls(protein_creatinine_ratio=0.3) == "preeclampsia_without_severe_features"
    assert cls(protein_24h_mg=300) == "preeclampsia_without_severe_features"
    assert cls(platelets=100) == "gestational_hypertension"
    assert cls(platelets=99) == "preeclampsia_with_severe_features"
    assert cls(creatinine=1.1) == "gestational_hypertension"
    assert cls(creatinine=1.2) == "preeclampsia_with_severe_features"
    none = classify_hypertension(HypertensionFindings(False, False))
    assert none == ("no_hypertensive_disorder", [])


def test_gdm_and_rh():
    assert ogtt_100g_abnormal((95, 180, 154, 139), "carpenter_coustan") == [0, 1]
    assert ogtt_100g_abnormal((95, 180, 154, 139), "nddg") == []
    assert ogtt_75g_abnormal((92, 179, 152)) == [0]  # any one value meets IADPSG
    assert rhig_indicated("rh_negative_unsensitised", "routine_28_weeks", None)
    assert not rhig_indicated("rh_negative_alloimmunised", "routine_28_weeks", None)
    assert not rhig_indicated("rh_negative_unsensitised", "postpartum", False)


# ------------------------------------------------------------------ MoCA and MMSE
def _moca_items(**over):
    items = {name: top for name, top in MOCA_ITEMS}
    items.update(letter_tapping_errors=0, serial_sevens_correct=5, fluency_words=11)
    return {**items, **over}


def test_moca_scoring_and_cut_off():
    assert [serial_sevens_points(c) for c in range(6)] == [0, 1, 2, 2, 3, 3]
    assert moca(education_years=16, **_moca_items()).value == 30
    # one point for <= 12 years of education, total capped at 30
    assert moca(education_years=12, **_moca_items()).value == 30
    assert moca(education_years=12, **_moca_items(fluency_words=10)).value == 30
    assert moca(education_years=13, **_moca_items(fluency_words=10)).value == 29
    assert moca(education_years=13, **_moca_items(letter_tapping_errors=2)).value == 29
    normal = moca(education_years=16, **_moca_items(orientation=2))
    assert normal.value == 26 and "normal range" in normal.interpretation
    low = moca(education_years=16, **_moca_items(orientation=1))
    assert low.value == 25 and "below the normal range" in low.interpretation
    with pytest.raises(CalculatorInputError):
        moca(education_years=16, naming=3)


def test_mmse_cut_points():
    full = {name: top for name, top in MMSE_ITEMS}
    assert mmse(**full).value == 30
    at_24 = mmse(**{**full, "recall": 0, "attention_calculation": 2})
    assert at_24.value == 24 and "no impairment" in at_24.interpretation
    at_23 = mmse(**{**full, "recall": 0, "attention_calculation": 1})
    assert at_23.value == 23 and "below the cut-point" in at_23.interpretation
    with pytest.raises(CalculatorInputError):
        mmse(**{**full, "recall": 4})


# ------------------------------------------------------------- dermoscopy (ABCD rule)
def test_total_dermoscopy_score_bands():
    assert total_dermoscopy_score(2, 8, 6, 5) == 8.9  # maximum
    assert total_dermoscopy_score(0, 0, 1, 1) == 1.0  # minimum
    assert total_dermoscopy_score(1, 5, 3, 3) == 4.8
    assert tds_band(4.74) == "benign"
    assert tds_band(4.75) == "suspicious"
    assert tds_band(5.45) == "suspicious"
    assert tds_band(5.46) == "highly_suspicious"
    with pytest.raises(ValueError):
        total_dermoscopy_score(3, 0, 1, 1)
    with pytest.raises(ValueError):
        total_dermoscopy_score(0, 0, 0, 1)
