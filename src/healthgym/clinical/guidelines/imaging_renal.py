"""Bosniak classification of cystic renal masses, version 2019 (pure functions).

Source: Silverman SG, Pedrosa I, Ellis JH, Hindman NM, Schieda N, Smith AD, et al.
"Bosniak Classification of Cystic Renal Masses, Version 2019: An Update Proposal and
Needs Assessment". Radiology 2019;292(2):475-488 (Table 1 class definitions, Table 2
feature definitions, management in the Discussion).

Feature definitions: wall or septum thin <= 2 mm, minimally thickened 3 mm, thick
>= 4 mm; few septa 1-3, many >= 4; a protrusion is a focal outward convexity of a wall
or septum - with obtuse margins it is "irregular" when <= 3 mm and a "nodule" when
>= 4 mm, and with acute margins a nodule of any size; features of classes IIF-IV
count only when they enhance.  Applies to cystic masses (< 25% enhancing tissue).

Calcification (Table 1): class I has "no septa or calcifications"; class II masses
with few thin septa, and homogeneous non-enhancing masses > 20 HU, "may have
calcification of any type"; version 2019 otherwise no longer grades calcification
(classes IIF-IV are defined by enhancing walls, septa and protrusions only), so a
calcification excludes class I and changes nothing else.  A simple-fluid cyst with
thin smooth walls and no septa but a calcification fits class I except for the
calcification; it is read here as class II, the class whose definitions allow
calcification of any type (an interpretation: Table 1 lists no such type).

Classes I and II need a thin (<= 2 mm) smooth wall and septa; a wall or septum > 2 mm or
a protrusion that does not enhance belongs to no class of Table 1 (IIF-IV need
enhancement), so the rule refuses it rather than guessing.

Classes (CT and MRI):

* IV  - one or more enhancing nodules (obtuse protrusion >= 4 mm, or acute of any size);
* III - one or more enhancing thick (>= 4 mm) or enhancing irregular (obtuse protrusion
  <= 3 mm) walls or septa;
* IIF - smooth minimally thickened (3 mm) enhancing wall or septa; many (>= 4) smooth
  thin enhancing septa; at MRI, heterogeneously hyperintense at fat-suppressed T1;
* II  - few (1-3) thin septa; homogeneous masses >= 70 HU at noncontrast CT;
  homogeneous non-enhancing masses > 20 HU; at MRI, homogeneously markedly
  hyperintense at fat-suppressed T1;
* I   - thin (<= 2 mm) smooth wall, no septa or calcifications, homogeneous simple
  fluid (-9 to 20 HU at CT; simple fluid signal at MRI); the wall may enhance.

Management (Silverman 2019): I and II benign, no follow-up; IIF imaging follow-up at 6
and 12 months, then annually for a total of 5 years; III (about 50% malignant) surgery
or active surveillance; IV (about 90% malignant) treatment - surgery, or ablation or
active surveillance in selected patients.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Modality = Literal["ct", "mri"]
Protrusion = Literal["none", "obtuse", "acute"]
FluidSignal = Literal[
    "simple_fluid", "t1_homogeneous_hyperintense", "t1_heterogeneous_hyperintense"
]
THIN_MM = 2.0
THICK_MM = 4.0
NODULE_MM = 4.0
MANAGEMENT = {
    "I": "no_follow_up",
    "II": "no_follow_up",
    "IIF": "imaging_6_12_months_then_annually_to_5_years",
    "III": "surgery_or_active_surveillance",
    "IV": "surgical_treatment",
}
CLASSES = tuple(MANAGEMENT)


@dataclass(frozen=True)
class BosniakResult:
    bosniak_class: str
    management: str
    basis: str


def _fluid_class(
    modality: str, unenhanced_hu: float | None, fluid_signal: str | None
) -> tuple[str, str]:
    if modality == "ct":
        if unenhanced_hu is None:
            raise ValueError("CT classification needs unenhanced_attenuation_hu")
        if unenhanced_hu < -9:
            raise ValueError("fat attenuation (< -9 HU): not a cystic mass for Bosniak")
        if unenhanced_hu <= 20:
            return "I", "thin smooth wall, no septa, simple fluid (-9 to 20 HU)"
        if unenhanced_hu >= 70:
            return "II", "homogeneous mass >= 70 HU at noncontrast CT"
        return "II", "homogeneous non-enhancing mass > 20 HU"
    if fluid_signal is None:
        raise ValueError("MRI classification needs fluid_signal")
    if fluid_signal == "simple_fluid":
        return "I", "thin smooth wall, no septa, simple fluid signal"
    if fluid_signal == "t1_homogeneous_hyperintense":
        return "II", "homogeneously markedly hyperintense at fat-suppressed T1"
    raise ValueError(f"unknown fluid_signal {fluid_signal!r}")


def bosniak_classification(
    modality: str,
    wall_thickness_mm: float,
    septa_count: int,
    max_septum_thickness_mm: float,
    enhancing: bool,
    protrusion: str = "none",
    protrusion_size_mm: float = 0.0,
    unenhanced_attenuation_hu: float | None = None,
    fluid_signal: str | None = None,
    calcification: bool = False,
) -> BosniakResult:
    """Bosniak 2019 class and management of a cystic renal mass.

    ``enhancing``: the wall, septa or protrusion enhance after contrast.
    ``calcification``: any calcification in the wall or septa (excludes class I).
    """
    if modality not in ("ct", "mri"):
        raise ValueError(f"modality must be 'ct' or 'mri', not {modality!r}")
    if wall_thickness_mm <= 0:
        raise ValueError("wall thickness must be positive")
    if septa_count < 0 or max_septum_thickness_mm < 0:
        raise ValueError("septa count and thickness cannot be negative")
    if septa_count == 0 and max_septum_thickness_mm > 0:
        raise ValueError("a septum thickness was given but septa_count is 0")
    if septa_count > 0 and max_septum_thickness_mm <= 0:
        raise ValueError("give the thickness of the thickest septum")
    if protrusion not in ("none", "obtuse", "acute"):
        raise ValueError(f"unknown protrusion {protrusion!r}")
    if protrusion != "none" and protrusion_size_mm <= 0:
        raise ValueError("give the size of the protrusion")
    if modality == "ct" and fluid_signal is not None:
        raise ValueError("fluid_signal applies to MRI; give unenhanced_attenuation_hu for CT")
    if modality == "mri" and unenhanced_attenuation_hu is not None:
        raise ValueError("attenuation (HU) applies to CT; give fluid_signal for MRI")

    def result(cls: str, basis: str) -> BosniakResult:
        return BosniakResult(cls, MANAGEMENT[cls], basis)

    thickest = max(wall_thickness_mm, max_septum_thickness_mm)
    if not enhancing and (thickest > THIN_MM or protrusion != "none"):
        raise ValueError(
            "a wall or septum thicker than 2 mm or a protrusion that does not enhance fits no "
            "Bosniak 2019 class (IIF-IV need enhancement, I-II thin smooth walls and septa)"
        )
    if enhancing and protrusion == "acute":
        return result("IV", "enhancing protrusion with acute margins (nodule)")
    if enhancing and protrusion == "obtuse" and protrusion_size_mm >= NODULE_MM:
        return result("IV", "enhancing obtuse protrusion >= 4 mm (nodule)")
    if enhancing and protrusion == "obtuse":
        return result("III", "enhancing irregular wall/septum (obtuse protrusion <= 3 mm)")
    if enhancing and thickest >= THICK_MM:
        return result("III", "enhancing thick (>= 4 mm) wall or septum")
    if enhancing and thickest > THIN_MM:
        return result("IIF", "smooth minimally thickened (3 mm) enhancing wall or septum")
    if enhancing and septa_count >= 4:
        return result("IIF", "many (>= 4) smooth thin enhancing septa")
    if modality == "mri" and fluid_signal == "t1_heterogeneous_hyperintense":
        return result("IIF", "heterogeneously hyperintense at fat-suppressed T1")
    if septa_count >= 1:
        few = "few (1-3) thin septa" if septa_count <= 3 else "thin non-enhancing septa"
        if calcification:
            few += ", with calcification (allowed in class II)"
        return result("II", few)
    cls, basis = _fluid_class(modality, unenhanced_attenuation_hu, fluid_signal)
    if cls == "I" and calcification:
        return result(
            "II",
            "thin smooth wall, no septa, simple fluid, with calcification "
            "(excludes class I; class II allows calcification of any type)",
        )
    if calcification:
        basis += ", with calcification (allowed in class II)"
    return result(cls, basis)
