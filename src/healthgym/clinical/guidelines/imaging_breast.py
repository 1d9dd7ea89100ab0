"""BI-RADS assessment category and management from mammographic findings (pure functions).

Source: D'Orsi CJ, Sickles EA, Mendelson EB, Morris EA, et al. ACR BI-RADS Atlas,
Breast Imaging Reporting and Data System, 5th ed. Reston, VA: American College of
Radiology; 2013 - the mammography lexicon (mass shape oval/round/irregular, margin
circumscribed/obscured/microlobulated/indistinct/spiculated, density fat-containing/
low/equal/high; typically benign versus suspicious calcification morphology and their
distribution; asymmetry, global, focal and developing asymmetry; architectural
distortion) and the reporting system (assessment categories and management):

    0 incomplete - recall for additional imaging and/or comparison with prior exams
    1 negative - routine screening          2 benign - routine screening
    3 probably benign - short-interval (6-month) follow-up
    4 suspicious - tissue diagnosis         5 highly suggestive - tissue diagnosis
    6 known biopsy-proven malignancy - surgical excision when clinically appropriate

BI-RADS categories are the radiologist's judgement; this module encodes the rules of
the Atlas's guidance chapters as a deterministic decision list, in this order:

1. no finding: 1.  A known biopsy-proven cancer (before definitive therapy): 6.
2. typically benign findings: 2 - a fat-containing mass (oil cyst, lipoma, hamartoma);
   typically benign calcification morphology (skin, vascular, coarse or popcorn-like,
   large rod-like, round, rim, dystrophic, milk of calcium, suture), and punctate
   calcifications in a diffuse or regional distribution; a global asymmetry (a normal
   variant without a palpable correlate); distortion at a surgical scar.
3. any other finding at screening: 0 (categories 3-5 are assigned after diagnostic
   work-up, not at screening).
4. diagnostic mass: 5 when irregular, spiculated and high density (the Atlas's
   classic category-5 mass); 4 when irregular or with a microlobulated, indistinct or
   spiculated margin; 3 when oval or round and circumscribed (the probably benign
   non-calcified circumscribed solid mass; Sickles EA. Radiology 1991;179:463-468);
   0 when the margin stays obscured.
5. diagnostic calcifications: 5 for fine linear or fine-linear branching calcifications
   in a linear or segmental distribution; 4 for amorphous, coarse heterogeneous, fine
   pleomorphic or fine-linear branching morphology otherwise, and for punctate
   calcifications in a linear or segmental distribution; 3 for a solitary group of
   punctate calcifications.
6. diagnostic asymmetry: focal asymmetry without associated findings 3; developing
   asymmetry 4 (Leung JW, Sickles EA. AJR 2007;188:667-675); an asymmetry seen on one
   view only remains 0 until confirmed on orthogonal views.
7. diagnostic architectural distortion without prior surgery: 4.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ExamType = Literal["screening", "diagnostic"]
FindingKind = Literal["none", "mass", "calcifications", "asymmetry", "architectural_distortion"]
MassShape = Literal["oval", "round", "irregular"]
MassMargin = Literal["circumscribed", "obscured", "microlobulated", "indistinct", "spiculated"]
MassDensity = Literal["fat_containing", "low", "equal", "high"]
CalcMorphology = Literal[
    "skin",
    "vascular",
    "coarse_popcorn",
    "large_rod_like",
    "round",
    "rim",
    "dystrophic",
    "milk_of_calcium",
    "suture",
    "punctate",
    "amorphous",
    "coarse_heterogeneous",
    "fine_pleomorphic",
    "fine_linear_branching",
]
CalcDistribution = Literal["diffuse", "regional", "grouped", "linear", "segmental"]
AsymmetryType = Literal["one_view_asymmetry", "global", "focal", "developing"]

TYPICALLY_BENIGN_CALCS = frozenset(
    {
        "skin",
        "vascular",
        "coarse_popcorn",
        "large_rod_like",
        "round",
        "rim",
        "dystrophic",
        "milk_of_calcium",
        "suture",
    }
)
SUSPICIOUS_CALCS = frozenset(
    {"amorphous", "coarse_heterogeneous", "fine_pleomorphic", "fine_linear_branching"}
)
SUSPICIOUS_MARGINS = frozenset({"microlobulated", "indistinct", "spiculated"})
MANAGEMENT = {
    "0": "recall_for_additional_imaging",
    "1": "routine_screening",
    "2": "routine_screening",
    "3": "short_interval_follow_up_6_months",
    "4": "tissue_diagnosis",
    "5": "tissue_diagnosis",
    "6": "surgical_excision_when_clinically_appropriate",
}
CATEGORY_NAMES = {
    "0": "incomplete",
    "1": "negative",
    "2": "benign",
    "3": "probably benign",
    "4": "suspicious",
    "5": "highly suggestive of malignancy",
    "6": "known biopsy-proven malignancy",
}


@dataclass(frozen=True)
class BiradsResult:
    category: str
    management: str
    basis: str


def _need(value: str | None, name: str) -> str:
    if value is None:
        raise ValueError(f"{name} is required for this finding")
    return value


def _benign(finding: str, shape, margin, density, morph, dist, asym, scar) -> str | None:
    if finding == "mass" and density == "fat_containing":
        return "fat-containing mass"
    if finding == "calcifications":
        if morph in TYPICALLY_BENIGN_CALCS:
            return "typically benign calcification morphology"
        if morph == "punctate" and dist in ("diffuse", "regional"):
            return "diffuse or regional punctate calcifications"
    if finding == "asymmetry" and asym == "global":
        return "global asymmetry"
    if finding == "architectural_distortion" and scar:
        return "distortion at a surgical scar"
    return None


def _diagnostic(finding: str, shape, margin, density, morph, dist, asym) -> tuple[str, str]:
    if finding == "mass":
        if shape == "irregular" and margin == "spiculated" and density == "high":
            return "5", "irregular, spiculated, high-density mass"
        if shape == "irregular" or margin in SUSPICIOUS_MARGINS:
            return "4", "mass with irregular shape or non-circumscribed margin"
        if margin == "obscured":
            return "0", "mass margin obscured: complete the work-up"
        return "3", "oval or round circumscribed non-calcified mass"
    if finding == "calcifications":
        linear = dist in ("linear", "segmental")
        if morph == "fine_linear_branching" and linear:
            return "5", "fine-linear branching calcifications in a linear/segmental distribution"
        if morph in SUSPICIOUS_CALCS:
            return "4", "suspicious calcification morphology"
        if morph == "punctate" and linear:
            return "4", "punctate calcifications in a linear/segmental distribution"
        return "3", "solitary group of punctate calcifications"
    if finding == "asymmetry":
        if asym == "developing":
            return "4", "developing asymmetry"
        if asym == "focal":
            return "3", "focal asymmetry without associated findings"
        return "0", "asymmetry on one view only: confirm on orthogonal views"
    return "4", "architectural distortion without prior surgery"


def birads_assessment(
    exam_type: str,
    finding: str,
    known_biopsy_proven_malignancy: bool = False,
    mass_shape: str | None = None,
    mass_margin: str | None = None,
    mass_density: str | None = None,
    calcification_morphology: str | None = None,
    calcification_distribution: str | None = None,
    asymmetry_type: str | None = None,
    post_surgical_scar_at_site: bool = False,
) -> BiradsResult:
    """BI-RADS category (0-6) and management of the most significant finding."""
    if exam_type not in ("screening", "diagnostic"):
        raise ValueError(f"exam_type must be 'screening' or 'diagnostic', not {exam_type!r}")
    shape = margin = density = morph = dist = asym = None
    if finding == "mass":
        shape = _need(mass_shape, "mass_shape")
        margin = _need(mass_margin, "mass_margin")
        density = _need(mass_density, "mass_density")
    elif finding == "calcifications":
        morph = _need(calcification_morphology, "calcification_morphology")
        dist = _need(calcification_distribution, "calcification_distribution")
    elif finding == "asymmetry":
        asym = _need(asymmetry_type, "asymmetry_type")
    elif finding not in ("none", "architectural_distortion"):
        raise ValueError(f"unknown finding {finding!r}")
    if finding == "none":
        return BiradsResult("1", MANAGEMENT["1"], "no finding")
    if known_biopsy_proven_malignancy:
        return BiradsResult("6", MANAGEMENT["6"], "known biopsy-proven malignancy")
    benign = _benign(finding, shape, margin, density, morph, dist, asym, post_surgical_scar_at_site)
    if benign:
        return BiradsResult("2", MANAGEMENT["2"], benign)
    if exam_type == "screening":
        return BiradsResult("0", MANAGEMENT["0"], f"{finding.replace('_', ' ')} at screening")
    category, basis = _diagnostic(finding, shape, margin, density, morph, dist, asym)
    return BiradsResult(category, MANAGEMENT[category], basis)
