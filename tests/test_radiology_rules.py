"""radiology_report rule modules against the published tables and worked examples."""

from __future__ import annotations

import math

import pytest

from healthgym.clinical.guidelines.imaging_breast import MANAGEMENT, birads_assessment
from healthgym.clinical.guidelines.imaging_chest import (
    fleischner_recommendation,
    mean_diameter,
    nodule_growth,
    round_mm,
    size_band,
    sphere_volume_mm3,
    volume_doubling_time,
)
from healthgym.clinical.guidelines.imaging_renal import bosniak_classification
from healthgym.clinical.guidelines.imaging_thyroid import (
    tirads_action,
    tirads_assessment,
    tirads_level,
    tirads_points,
)

# ------------------------------------------------------------------ Fleischner 2017

# Every cell of Table 1, MacMahon H et al., Radiology 2017;284:228-243
# (type, multiplicity, mean diameter mm, risk, solid component) -> recommendation code
FLEISCHNER_TABLE_1 = [
    # solid, single: <6 mm (<100 mm3), 6-8 mm (100-250 mm3), >8 mm (>250 mm3)
    (("solid", "single", 4, "low", None), "no_routine_follow_up"),
    (("solid", "single", 4, "high", None), "optional_ct_at_12_months"),
    (("solid", "single", 7, "low", None), "ct_6_12_months_then_consider_ct_18_24_months"),
    (("solid", "single", 7, "high", None), "ct_6_12_months_then_ct_18_24_months"),
    (("solid", "single", 12, "low", None), "consider_ct_3_months_pet_ct_or_tissue_sampling"),
    (("solid", "single", 12, "high", None), "consider_ct_3_months_pet_ct_or_tissue_sampling"),
    # solid, multiple
    (("solid", "multiple", 5, "low", None), "no_routine_follow_up"),
    (("solid", "multiple", 5, "high", None), "optional_ct_at_12_months"),
    (("solid", "multiple", 6, "low", None), "ct_3_6_months_then_consider_ct_18_24_months"),
    (("solid", "multiple", 8, "high", None), "ct_3_6_months_then_ct_18_24_months"),
    (("solid", "multiple", 15, "low", None), "ct_3_6_months_then_consider_ct_18_24_months"),
    (("solid", "multiple", 15, "high", None), "ct_3_6_months_then_ct_18_24_months"),
    # subsolid, single: ground glass and part solid
    (("ground_glass", "single", 5, "high", None), "no_routine_follow_up"),
    (("ground_glass", "single", 6, "low", None), "ct_6_12_months_then_every_2_years_until_5_years"),
    (("part_solid", "single", 5, "low", 2), "no_routine_follow_up"),
    (("part_solid", "single", 10, "high", 4), "ct_3_6_months_then_annual_ct_for_5_years"),
    (("part_solid", "single", 14, "low", 7), "ct_3_6_months_persistent_highly_suspicious"),
    # subsolid, multiple
    (
        ("ground_glass", "multiple", 4, "low", None),
        "ct_3_6_months_then_consider_ct_at_2_and_4_years",
    ),
    (("part_solid", "multiple", 9, "low", 3), "ct_3_6_months_then_manage_most_suspicious_nodule"),
]


@pytest.mark.parametrize(("args", "code"), FLEISCHNER_TABLE_1)
def test_fleischner_table_1(args, code):
    ntype, mult, size, risk, solid = args
    assert fleischner_recommendation(ntype, mult, size, risk, solid).code == code


def test_fleischner_subsolid_is_not_risk_stratified():
    for ntype, solid in (("ground_glass", None), ("part_solid", 3)):
        for size in (4, 9):
            low = fleischner_recommendation(ntype, "single", size, "low", solid)
            assert low == fleischner_recommendation(ntype, "single", size, "high", solid)


def test_fleischner_size_is_mean_of_axes_rounded_to_nearest_mm():
    # Table 1 note / Bankier 2017: size = average of long and short axes, rounded
    assert mean_diameter(9, 6) == 7.5 and round_mm(7.5) == 8 and round_mm(5.49) == 5
    assert fleischner_recommendation("solid", "single", 5.5, "low").band == "6-8 mm"
    assert fleischner_recommendation("solid", "single", 8.4, "low").band == "6-8 mm"
    assert fleischner_recommendation("solid", "single", 8.5, "low").band == ">8 mm"
    assert [size_band("solid", s) for s in (5, 6, 8, 9)] == ["<6 mm", "6-8 mm", "6-8 mm", ">8 mm"]
    assert [size_band("ground_glass", s) for s in (5, 6, 20)] == ["<6 mm", ">=6 mm", ">=6 mm"]
    # Table 1 volume equivalents: 6 mm ~ 100 mm3 (113), 8 mm ~ 250 mm3 (268)
    assert round(sphere_volume_mm3(6)) == 113 and round(sphere_volume_mm3(8)) == 268


def test_fleischner_prior_comparison_rules():
    grown = fleischner_recommendation("solid", "single", 9, "low", growth_mm=2, interval_days=200)
    assert grown.code == "pet_ct_or_tissue_sampling"
    stable = fleischner_recommendation("solid", "single", 7, "high", growth_mm=1, interval_days=730)
    assert stable.code == "no_routine_follow_up"
    early = fleischner_recommendation("solid", "single", 7, "high", growth_mm=1, interval_days=400)
    assert early.code == "ct_6_12_months_then_ct_18_24_months"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"nodule_type": "cavitary"}, "unknown nodule type"),
        ({"risk": "medium"}, "risk"),
        ({"mean_diameter_mm": 32}, "mass"),
        ({"nodule_type": "part_solid"}, "solid_component_mm"),
        ({"growth_mm": 2.0}, "both"),
        ({"nodule_type": "ground_glass", "growth_mm": 2.0, "interval_days": 90}, "solid nodules"),
    ],
)
def test_fleischner_bad_inputs(kwargs, message):
    args = {"nodule_type": "solid", "multiplicity": "single", "mean_diameter_mm": 7, "risk": "low"}
    with pytest.raises(ValueError, match=message):
        fleischner_recommendation(**{**args, **kwargs})


# ------------------------------------------------------------------- growth / VDT


def test_volume_doubling_time_hand_computed():
    # VDT = t ln2 / ln(V2/V1) = t ln2 / (3 ln(d2/d1)): 8 -> 10 mm over 365 days
    # 365 * 0.693147 / (3 * 0.223144) = 377.93 days
    assert volume_doubling_time(8, 10, 365) == pytest.approx(377.93, abs=0.01)
    # a nodule whose volume exactly doubles (d2 = d1 * 2^(1/3)) in 100 days has VDT 100
    assert volume_doubling_time(6, 6 * 2 ** (1 / 3), 100) == pytest.approx(100.0)
    assert volume_doubling_time(8, 8, 365) is None
    assert volume_doubling_time(8, 7, 365) is None


def test_nodule_growth_between_dated_studies():
    g = nodule_growth(8, 10, "2023-01-01", "2024-01-01")
    assert g.interval_days == 365 and g.growth_mm == 2.0
    assert g.prior_volume_mm3 == pytest.approx(math.pi * 512 / 6)
    assert g.vdt_days == pytest.approx(377.93, abs=0.01)
    with pytest.raises(ValueError, match="before"):
        nodule_growth(8, 10, "2024-01-01", "2023-01-01")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        nodule_growth(8, 10, "last spring", "2024-01-01")


# ------------------------------------------------------------------------ TI-RADS

# Points of every descriptor (Tessler FN et al., JACR 2017;14:587-595, Figure 1)


def test_tirads_points_per_category():
    p = tirads_points(
        "solid", "very_hypoechoic", "taller_than_wide", "extrathyroidal_extension", ["none"]
    )
    assert p == {
        "composition": 2,
        "echogenicity": 3,
        "shape": 3,
        "margin": 3,
        "echogenic_foci": 0,
        "total": 11,
    }
    assert (
        tirads_points("mixed_cystic_solid", "hyperechoic", "wider_than_tall", "ill_defined", [])[
            "total"
        ]
        == 2
    )
    p = tirads_points(
        "solid", "hypoechoic", "wider_than_tall", "smooth", ["peripheral_calcifications"]
    )
    assert p["echogenic_foci"] == 2 and p["total"] == 6


def test_tirads_chart_examples():
    # Solid (2) + hypoechoic (2) + wider-than-tall (0) + smooth (0) + no foci (0) = 4: TR4
    r = tirads_assessment("solid", "hypoechoic", "wider_than_tall", "smooth", ["none"], 16)
    assert (r.total, r.level, r.action) == (4, "TR4", "fine_needle_aspiration")
    # Solid (2) + very hypoechoic (3) + taller-than-wide (3) + irregular (2) + punctate (3) = 13
    r = tirads_assessment(
        "solid",
        "very_hypoechoic",
        "taller_than_wide",
        "lobulated_or_irregular",
        ["punctate_echogenic_foci"],
        8,
    )
    assert (r.total, r.level, r.action) == (13, "TR5", "ultrasound_follow_up")
    # Mixed cystic and solid (1) + isoechoic (1) = 2: TR2, never FNA
    r = tirads_assessment("mixed_cystic_solid", "isoechoic", "wider_than_tall", "smooth", [], 40)
    assert (r.total, r.level, r.action) == (2, "TR2", "no_fna_or_follow_up")
    # Solid (2) + isoechoic (1) = 3: TR3
    r = tirads_assessment("solid", "isoechoic", "wider_than_tall", "ill_defined", ["none"], 20)
    assert (r.total, r.level, r.action) == (3, "TR3", "ultrasound_follow_up")
    # Cystic + anechoic: 0 points, TR1
    r = tirads_assessment("cystic", "anechoic", "wider_than_tall", "smooth", ["none"], 30)
    assert (r.total, r.level) == (0, "TR1")


def test_tirads_spongiform_adds_no_further_points():
    # "Spongiform: ... Do not add further points for other categories."
    r = tirads_assessment(
        "spongiform",
        "isoechoic",
        "taller_than_wide",
        "ill_defined",
        ["punctate_echogenic_foci"],
        30,
    )
    assert (r.total, r.level, r.action) == (0, "TR1", "no_fna_or_follow_up")


def test_tirads_echogenic_foci_add_up():
    # echogenic foci: "choose all that apply" - macrocalcifications (1) + punctate (3)
    p = tirads_points(
        "solid",
        "hypoechoic",
        "wider_than_tall",
        "smooth",
        ["macrocalcifications", "punctate_echogenic_foci"],
    )
    assert p["echogenic_foci"] == 4 and p["total"] == 8
    assert (
        tirads_points(
            "solid", "isoechoic", "wider_than_tall", "smooth", ["large_comet_tail_artifacts"]
        )["total"]
        == 3
    )
    with pytest.raises(ValueError, match="none"):
        tirads_points(
            "solid", "isoechoic", "wider_than_tall", "smooth", ["none", "macrocalcifications"]
        )
    with pytest.raises(ValueError, match="margin"):
        tirads_points("solid", "isoechoic", "wider_than_tall", "spiculated", [])


def test_tirads_levels_and_size_thresholds():
    assert [tirads_level(p) for p in range(9)] == [
        "TR1",
        "TR1",
        "TR2",
        "TR3",
        "TR4",
        "TR4",
        "TR4",
        "TR5",
        "TR5",
    ]
    # TR3: FNA >= 2.5 cm, follow-up >= 1.5 cm; TR4: 1.5 / 1.0 cm; TR5: 1.0 / 0.5 cm
    cases = {
        "TR3": [
            (25, "fine_needle_aspiration"),
            (24, "ultrasound_follow_up"),
            (15, "ultrasound_follow_up"),
            (14, "no_fna_or_follow_up"),
        ],
        "TR4": [
            (15, "fine_needle_aspiration"),
            (14, "ultrasound_follow_up"),
            (10, "ultrasound_follow_up"),
            (9, "no_fna_or_follow_up"),
        ],
        "TR5": [
            (10, "fine_needle_aspiration"),
            (9, "ultrasound_follow_up"),
            (5, "ultrasound_follow_up"),
            (4, "no_fna_or_follow_up"),
        ],
        "TR2": [(60, "no_fna_or_follow_up")],
        "TR1": [(60, "no_fna_or_follow_up")],
    }
    for level, rows in cases.items():
        for mm, action in rows:
            assert tirads_action(level, mm) == action, (level, mm)


# ------------------------------------------------------------------------ BI-RADS


def _b(exam="diagnostic", finding="mass", **kw):
    return birads_assessment(exam, finding, **kw).category


def test_birads_categories_and_management():
    # Management of each category (ACR BI-RADS Atlas 5th ed., 2013, reporting system)
    assert MANAGEMENT == {
        "0": "recall_for_additional_imaging",
        "1": "routine_screening",
        "2": "routine_screening",
        "3": "short_interval_follow_up_6_months",
        "4": "tissue_diagnosis",
        "5": "tissue_diagnosis",
        "6": "surgical_excision_when_clinically_appropriate",
    }
    mass = {"mass_shape": "oval", "mass_margin": "circumscribed", "mass_density": "equal"}
    assert _b("screening", "none") == "1"
    assert _b("screening", **{**mass, "mass_density": "fat_containing"}) == "2"  # oil cyst, lipoma
    assert _b("screening", **mass) == "0"  # screening findings are recalled, not assessed 3-5
    assert _b(**mass) == "3"  # probably benign circumscribed mass at diagnostic work-up
    spic = {"mass_shape": "irregular", "mass_margin": "spiculated", "mass_density": "high"}
    assert _b(**spic) == "5"
    assert _b(**{**spic, "mass_density": "equal"}) == "4"
    assert _b(**{**mass, "mass_margin": "indistinct"}) == "4"
    assert _b(**spic, known_biopsy_proven_malignancy=True) == "6"


def test_birads_calcifications_and_asymmetries():
    def calc(morph, dist, exam="diagnostic"):
        return _b(
            exam,
            "calcifications",
            calcification_morphology=morph,
            calcification_distribution=dist,
        )

    assert calc("coarse_popcorn", "grouped", "screening") == "2"
    assert calc("vascular", "regional") == "2"
    assert calc("punctate", "diffuse") == "2"
    assert calc("punctate", "grouped") == "3"
    assert calc("amorphous", "grouped", "screening") == "0"
    assert calc("fine_pleomorphic", "grouped") == "4"
    assert calc("fine_linear_branching", "grouped") == "4"
    assert calc("fine_linear_branching", "segmental") == "5"
    assert _b(finding="asymmetry", asymmetry_type="focal") == "3"
    assert _b(finding="asymmetry", asymmetry_type="developing") == "4"
    assert _b(finding="asymmetry", asymmetry_type="global") == "2"
    assert _b("screening", "asymmetry", asymmetry_type="one_view_asymmetry") == "0"
    assert _b(finding="architectural_distortion") == "4"
    assert _b(finding="architectural_distortion", post_surgical_scar_at_site=True) == "2"
    with pytest.raises(ValueError, match="mass_margin"):
        birads_assessment("diagnostic", "mass", mass_shape="oval")
    with pytest.raises(ValueError, match="exam_type"):
        birads_assessment("baseline", "none")


# ------------------------------------------------------------------------ Bosniak


def _k(modality="ct", wall=1.0, septa=0, septum=0.0, enh=True, **kw):
    if modality == "ct" and "fluid_signal" not in kw:
        kw.setdefault("unenhanced_attenuation_hu", 10)
    return bosniak_classification(modality, wall, septa, septum, enh, **kw).bosniak_class


def test_bosniak_2019_class_definitions():
    # Silverman SG et al., Radiology 2019;292:475-488, Table 1
    assert _k(enh=False) == "I"  # thin wall, no septa, -9 to 20 HU
    assert _k(unenhanced_attenuation_hu=-9) == "I" and _k(unenhanced_attenuation_hu=20) == "I"
    assert _k("mri", fluid_signal="simple_fluid") == "I"
    assert _k(septa=3, septum=2) == "II"  # few thin septa
    assert _k(enh=False, unenhanced_attenuation_hu=70) == "II"  # hyperattenuating >= 70 HU
    assert _k(enh=False, unenhanced_attenuation_hu=21) == "II"  # non-enhancing > 20 HU
    assert _k("mri", enh=False, fluid_signal="t1_homogeneous_hyperintense") == "II"
    assert _k(wall=3) == "IIF"  # minimally thickened enhancing wall
    assert _k(septa=2, septum=3) == "IIF"
    assert _k(septa=4, septum=2) == "IIF"  # many thin enhancing septa
    assert _k("mri", enh=False, fluid_signal="t1_heterogeneous_hyperintense") == "IIF"
    assert _k(wall=4) == "III" and _k(septa=1, septum=5) == "III"  # thick
    assert _k(protrusion="obtuse", protrusion_size_mm=3) == "III"  # irregular
    assert _k(protrusion="obtuse", protrusion_size_mm=4) == "IV"  # nodule
    assert _k(protrusion="acute", protrusion_size_mm=1) == "IV"  # acute nodule, any size


def test_bosniak_management_and_bad_inputs():
    r = bosniak_classification("ct", 3, 0, 0, True, unenhanced_attenuation_hu=10)
    assert r.management == "imaging_6_12_months_then_annually_to_5_years"
    r = bosniak_classification("ct", 1, 0, 0, True, "acute", 2, unenhanced_attenuation_hu=10)
    assert r.management == "surgical_treatment"
    with pytest.raises(ValueError, match="fat"):
        _k(unenhanced_attenuation_hu=-40)
    with pytest.raises(ValueError, match="septa_count is 0"):
        _k(septum=2)
    with pytest.raises(ValueError, match="MRI"):
        bosniak_classification("mri", 1, 0, 0, False, unenhanced_attenuation_hu=10)
    with pytest.raises(ValueError, match="size of the protrusion"):
        _k(protrusion="obtuse")
