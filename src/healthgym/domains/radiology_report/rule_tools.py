"""Rule tools of radiology_report: published classification systems as calculators.

Each tool computes only from the arguments the agent passes - the features it read
with the record tools - and never reads the study (the leak rule, grading.py).  The
last result of each system is kept in the episode state so the grader can check that
the submitted report agrees with what the agent saw.
"""

from __future__ import annotations

from typing import Annotated, Any

from ...clinical.guidelines import imaging_breast, imaging_chest, imaging_renal, imaging_thyroid
from ...tools import Range, ToolError, tool
from .records import RadiologyState
from .vocab import FOLLOW_UP_TEXT


def _keep(state: Any, system: str, **result: Any) -> None:
    if isinstance(state, RadiologyState):
        state.rule_results[system] = result


def _recommend(code: str) -> str:
    return f"Recommendation [{code}]: {FOLLOW_UP_TEXT[code]}"


@tool(kind="compute")
def nodule_mean_diameter(
    state: RadiologyState,
    long_axis_mm: Annotated[float, Range(0.5, 100)],
    short_axis_mm: Annotated[float, Range(0.5, 100)],
) -> str:
    """Mean nodule diameter, (long + short axis) / 2, rounded to the nearest mm (Bankier 2017).

    Args:
        long_axis_mm: longest diameter on the axial image, in mm.
        short_axis_mm: longest diameter perpendicular to it on the same image, in mm.
    """
    try:
        mean = imaging_chest.mean_diameter(long_axis_mm, short_axis_mm)
    except ValueError as e:
        raise ToolError(str(e)) from None
    volume = imaging_chest.sphere_volume_mm3(mean)
    return (
        f"Mean diameter ({long_axis_mm:g} + {short_axis_mm:g}) / 2 = {mean:g} mm; rounded "
        f"{imaging_chest.round_mm(mean)} mm; spherical volume pi*d^3/6 = {volume:.0f} mm3."
    )


@tool(kind="compute")
def calculate_nodule_growth(
    state: RadiologyState,
    prior_diameter_mm: Annotated[float, Range(0.5, 100)],
    current_diameter_mm: Annotated[float, Range(0.5, 100)],
    prior_date: str,
    current_date: str,
) -> str:
    """Interval growth and volume doubling time, VDT = t x ln2 / ln(V2/V1) (Schwartz 1961).

    Volumes are spheres of the mean diameters (V = pi d^3 / 6).

    Args:
        prior_diameter_mm: mean diameter on the prior study, in mm.
        current_diameter_mm: mean diameter on the current study, in mm.
        prior_date: date of the prior study, YYYY-MM-DD.
        current_date: date of the current study, YYYY-MM-DD.
    """
    try:
        g = imaging_chest.nodule_growth(
            prior_diameter_mm, current_diameter_mm, prior_date, current_date
        )
    except ValueError as e:
        raise ToolError(str(e)) from None
    if isinstance(state, RadiologyState):
        state.growth_results.append({"growth_mm": g.growth_mm, "vdt_days": g.vdt_days})
    vdt = (
        f"volume doubling time {g.vdt_days:.0f} days"
        if g.vdt_days is not None
        else "no volume increase (doubling time not defined)"
    )
    return (
        f"Interval {g.interval_days} days. Mean diameter {prior_diameter_mm:g} -> "
        f"{current_diameter_mm:g} mm: change {g.growth_mm:+g} mm. Volumes "
        f"{g.prior_volume_mm3:.0f} -> {g.current_volume_mm3:.0f} mm3; {vdt}."
    )


@tool(kind="compute")
def fleischner_recommendation(
    state: RadiologyState,
    nodule_type: imaging_chest.NoduleType,
    multiplicity: imaging_chest.Multiplicity,
    mean_diameter_mm: Annotated[float, Range(0.5, 100)],
    risk: imaging_chest.Risk,
    solid_component_mm: Annotated[float, Range(0.5, 100)] | None = None,
    growth_mm: Annotated[float, Range(-50, 50)] | None = None,
    interval_days: Annotated[int, Range(1, 7300)] | None = None,
) -> str:
    """Fleischner Society 2017 recommendation for an incidental pulmonary nodule.

    MacMahon H et al., Radiology 2017;284:228-243, Table 1. For multiple nodules pass the
    most suspicious (largest) one. Not for patients under 35, lung cancer screening,
    known cancer or immunosuppression.

    Args:
        nodule_type: solid, part_solid or ground_glass.
        multiplicity: single or multiple nodules.
        mean_diameter_mm: mean of long and short axes in mm (rounded to the nearest mm).
        risk: low (minimal or no smoking and no other risk factors) or high.
        solid_component_mm: part-solid nodules only: size of the solid component in mm.
        growth_mm: follow-up studies of solid nodules: change in mean diameter since the prior.
        interval_days: follow-up studies: days since the prior study.
    """
    try:
        r = imaging_chest.fleischner_recommendation(
            nodule_type,
            multiplicity,
            mean_diameter_mm,
            risk,
            solid_component_mm,
            growth_mm,
            interval_days,
        )
    except ValueError as e:
        raise ToolError(str(e)) from None
    _keep(state, "fleischner_2017", category=r.band, follow_up=r.code)
    return (
        f"Fleischner 2017: mean diameter {r.size_mm} mm, size category {r.band}; basis: "
        f"{r.basis}. {_recommend(r.code)}"
    )


@tool(kind="compute")
def tirads_assessment(
    state: RadiologyState,
    composition: imaging_thyroid.Composition,
    echogenicity: imaging_thyroid.Echogenicity,
    shape: imaging_thyroid.Shape,
    margin: imaging_thyroid.Margin,
    echogenic_foci: list[imaging_thyroid.EchogenicFocus],
    max_diameter_mm: Annotated[float, Range(1, 150)],
) -> str:
    """ACR TI-RADS points, level (TR1-TR5) and FNA/follow-up action (Tessler 2017).

    Args:
        composition: cystic, spongiform, mixed_cystic_solid or solid.
        echogenicity: anechoic, hyperechoic, isoechoic, hypoechoic (darker than thyroid) or
            very_hypoechoic (darker than the strap muscles).
        shape: taller_than_wide when the anteroposterior height exceeds the transverse width
            on a transverse image, else wider_than_tall.
        margin: smooth, ill_defined, lobulated_or_irregular or extrathyroidal_extension.
        echogenic_foci: all types present (points add up), or ['none'].
        max_diameter_mm: the nodule's largest diameter in any plane, in mm.
    """
    try:
        r = imaging_thyroid.tirads_assessment(
            composition, echogenicity, shape, margin, echogenic_foci, max_diameter_mm
        )
    except ValueError as e:
        raise ToolError(str(e)) from None
    _keep(state, "acr_tirads", category=r.level, follow_up=r.action, points=r.total)
    p = r.points
    parts = " + ".join(f"{k.replace('_', ' ')} {p[k]}" for k in p if k != "total")
    limits = imaging_thyroid.THRESHOLDS_CM[r.level]
    size = f"maximum diameter {max_diameter_mm / 10:.1f} cm"
    if limits:
        size += f" (FNA if >= {limits[0]} cm, follow-up if >= {limits[1]} cm)"
    text = (
        f"ACR TI-RADS: {parts} = {r.total} points -> {r.level} "
        f"({imaging_thyroid.LEVEL_NAMES[r.level]}); {size}. {_recommend(r.action)}"
    )
    if r.action == "ultrasound_follow_up":
        text += f" Schedule: {imaging_thyroid.FOLLOW_UP_SCHEDULE[r.level]}."
    return text


@tool(kind="compute")
def birads_assessment(
    state: RadiologyState,
    exam_type: imaging_breast.ExamType,
    finding: imaging_breast.FindingKind,
    known_biopsy_proven_malignancy: bool = False,
    mass_shape: imaging_breast.MassShape | None = None,
    mass_margin: imaging_breast.MassMargin | None = None,
    mass_density: imaging_breast.MassDensity | None = None,
    calcification_morphology: imaging_breast.CalcMorphology | None = None,
    calcification_distribution: imaging_breast.CalcDistribution | None = None,
    asymmetry_type: imaging_breast.AsymmetryType | None = None,
    post_surgical_scar_at_site: bool = False,
) -> str:
    """BI-RADS assessment category (0-6) and management (ACR BI-RADS Atlas, 5th ed., 2013).

    Describe the most significant finding with the lexicon terms.

    Args:
        exam_type: screening or diagnostic.
        finding: none, mass, calcifications, asymmetry or architectural_distortion.
        known_biopsy_proven_malignancy: the finding is a cancer already proven at biopsy.
        mass_shape: masses: oval, round or irregular.
        mass_margin: masses: circumscribed, obscured, microlobulated, indistinct or spiculated.
        mass_density: masses: fat_containing, low, equal or high.
        calcification_morphology: calcifications: the lexicon morphology.
        calcification_distribution: calcifications: diffuse, regional, grouped, linear or
            segmental.
        asymmetry_type: asymmetries: one_view_asymmetry (seen on one view only), global,
            focal or developing (new or larger than on the prior).
        post_surgical_scar_at_site: the finding lies at a surgical scar.
    """
    try:
        r = imaging_breast.birads_assessment(
            exam_type,
            finding,
            known_biopsy_proven_malignancy,
            mass_shape,
            mass_margin,
            mass_density,
            calcification_morphology,
            calcification_distribution,
            asymmetry_type,
            post_surgical_scar_at_site,
        )
    except ValueError as e:
        raise ToolError(str(e)) from None
    _keep(state, "birads", category=r.category, follow_up=r.management)
    name = imaging_breast.CATEGORY_NAMES[r.category]
    text = f"BI-RADS: {r.basis} -> category {r.category} ({name}). {_recommend(r.management)}"
    if r.category == "4":
        text += " Category 4 may be subdivided 4A/4B/4C by the level of suspicion."
    return text


@tool(kind="compute")
def bosniak_classification(
    state: RadiologyState,
    modality: imaging_renal.Modality,
    wall_thickness_mm: Annotated[float, Range(0.1, 50)],
    septa_count: Annotated[int, Range(0, 50)],
    max_septum_thickness_mm: Annotated[float, Range(0, 50)],
    enhancing: bool,
    protrusion: imaging_renal.Protrusion = "none",
    protrusion_size_mm: Annotated[float, Range(0, 100)] = 0.0,
    unenhanced_attenuation_hu: Annotated[float, Range(-200, 200)] | None = None,
    fluid_signal: imaging_renal.FluidSignal | None = None,
    calcification: bool = False,
) -> str:
    """Bosniak classification version 2019 of a cystic renal mass (Silverman 2019).

    Args:
        modality: ct or mri.
        wall_thickness_mm: wall thickness in mm.
        septa_count: number of septa (0 if none).
        max_septum_thickness_mm: thickness of the thickest septum in mm (0 if none).
        enhancing: the wall, septa or protrusion enhance after contrast.
        protrusion: none, obtuse or acute (the angle a focal convex protrusion makes).
        protrusion_size_mm: size of the protrusion in mm (0 if none).
        unenhanced_attenuation_hu: CT only: attenuation of the contents before contrast.
        fluid_signal: MRI only: simple_fluid, t1_homogeneous_hyperintense or
            t1_heterogeneous_hyperintense.
        calcification: any calcification in the wall or septa is reported.
    """
    try:
        r = imaging_renal.bosniak_classification(
            modality,
            wall_thickness_mm,
            septa_count,
            max_septum_thickness_mm,
            enhancing,
            protrusion,
            protrusion_size_mm,
            unenhanced_attenuation_hu,
            fluid_signal,
            calcification,
        )
    except ValueError as e:
        raise ToolError(str(e)) from None
    _keep(state, "bosniak_2019", category=r.bosniak_class, follow_up=r.management)
    return f"Bosniak 2019: {r.basis} -> class {r.bosniak_class}. {_recommend(r.management)}"


RULE_TOOLS = [
    nodule_mean_diameter,
    calculate_nodule_growth,
    fleischner_recommendation,
    tirads_assessment,
    birads_assessment,
    bosniak_classification,
]
RULE_TOOL_BY_SYSTEM = {
    "fleischner_2017": "fleischner_recommendation",
    "acr_tirads": "tirads_assessment",
    "birads": "birads_assessment",
    "bosniak_2019": "bosniak_classification",
}
