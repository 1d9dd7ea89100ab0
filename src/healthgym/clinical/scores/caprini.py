"""Caprini venous thromboembolism risk assessment (2005 version)."""

from __future__ import annotations

from typing import Literal

from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult

__all__ = ["caprini"]

_CAPRINI_2005 = (
    "Caprini JA. Thrombosis risk assessment as a guide to quality patient care. Dis Mon. "
    "2005;51(2-3):70-78."
)

_SURGERY = {
    "none": 0.0,
    "minor": 1.0,
    "major": 2.0,  # > 45 min, including laparoscopic (> 45 min) and arthroscopic
    "elective_lower_extremity_arthroplasty": 5.0,
}
_MOBILITY = {"ambulatory": 0.0, "bed_rest": 1.0, "confined_over_72h": 2.0}

# (argument, points) for the yes/no risk factors, in the order of Caprini's form.
_ITEMS: tuple[tuple[str, float], ...] = (
    ("recent_major_surgery", 1.0),
    ("recent_chf", 1.0),
    ("recent_sepsis", 1.0),
    ("recent_pneumonia", 1.0),
    ("recent_plaster_cast", 2.0),
    ("recent_hip_pelvis_leg_fracture", 5.0),
    ("recent_stroke", 5.0),
    ("recent_multiple_trauma", 5.0),
    ("recent_spinal_cord_injury_paralysis", 5.0),
    ("varicose_veins", 1.0),
    ("swollen_legs", 1.0),
    ("central_venous_access", 2.0),
    ("history_dvt_pe", 3.0),
    ("family_history_thrombosis", 3.0),
    ("factor_v_leiden", 3.0),
    ("prothrombin_20210a", 3.0),
    ("elevated_homocysteine", 3.0),
    ("lupus_anticoagulant", 3.0),
    ("anticardiolipin_antibody", 3.0),
    ("heparin_induced_thrombocytopenia", 3.0),
    ("other_thrombophilia", 3.0),
    ("inflammatory_bowel_disease", 1.0),
    ("acute_mi", 1.0),
    ("copd", 1.0),
    ("malignancy", 2.0),
    ("oral_contraceptives_or_hrt", 1.0),
    ("pregnant_or_postpartum", 1.0),
    ("stillbirth_or_recurrent_abortion", 1.0),
)


def caprini(
    *,
    age: float,
    surgery_type: Literal["none", "minor", "major", "elective_lower_extremity_arthroplasty"],
    mobility: Literal["ambulatory", "bed_rest", "confined_over_72h"],
    bmi: float | None = None,
    recent_major_surgery: bool = False,
    recent_chf: bool = False,
    recent_sepsis: bool = False,
    recent_pneumonia: bool = False,
    recent_plaster_cast: bool = False,
    recent_hip_pelvis_leg_fracture: bool = False,
    recent_stroke: bool = False,
    recent_multiple_trauma: bool = False,
    recent_spinal_cord_injury_paralysis: bool = False,
    varicose_veins: bool = False,
    swollen_legs: bool = False,
    central_venous_access: bool = False,
    history_dvt_pe: bool = False,
    family_history_thrombosis: bool = False,
    factor_v_leiden: bool = False,
    prothrombin_20210a: bool = False,
    elevated_homocysteine: bool = False,
    lupus_anticoagulant: bool = False,
    anticardiolipin_antibody: bool = False,
    heparin_induced_thrombocytopenia: bool = False,
    other_thrombophilia: bool = False,
    inflammatory_bowel_disease: bool = False,
    acute_mi: bool = False,
    copd: bool = False,
    malignancy: bool = False,
    oral_contraceptives_or_hrt: bool = False,
    pregnant_or_postpartum: bool = False,
    stillbirth_or_recurrent_abortion: bool = False,
) -> ScoreResult:
    """Caprini risk assessment model for venous thromboembolism (2005 version).

    Source: Caprini JA. Dis Mon 2005;51:70-78. Risk factors default to absent; "recent"
    means within the past month. ``bmi`` of None means not known (no point).

    * Age: 41-60: 1; 61-74: 2; >= 75: 3.
    * Surgery type: minor 1; major (> 45 min, including laparoscopic > 45 min and
      arthroscopic) 2; elective major lower-extremity arthroplasty 5.
    * Mobility: medical patient at bed rest 1; confined to bed > 72 hours 2.
    * 1 point: major surgery, congestive heart failure, sepsis, or serious lung disease
      including pneumonia (each < 1 month); varicose veins; current swollen legs;
      inflammatory bowel disease; overweight/obesity (BMI > 25 kg/m^2); acute MI; COPD
      (abnormal pulmonary function); women: oral contraceptives or hormone replacement,
      pregnancy or postpartum, history of unexplained stillborn infant or recurrent
      spontaneous abortion.
    * 2 points: immobilizing plaster cast (< 1 month); current central venous access;
      present or previous malignancy.
    * 3 points: history of DVT/PE; family history of thrombosis; factor V Leiden;
      prothrombin 20210A; elevated serum homocysteine; lupus anticoagulant; elevated
      anticardiolipin antibodies; heparin-induced thrombocytopenia; other congenital or
      acquired thrombophilia.
    * 5 points: hip, pelvis or leg fracture; stroke; multiple trauma; acute spinal cord
      injury with paralysis (each < 1 month).

    Interpretation (risk level, DVT incidence without prophylaxis, and the 2005
    prophylaxis recommendation):

    * 0-1: low risk (~2%); early ambulation.
    * 2: moderate risk (~10-20%); elastic stockings, intermittent pneumatic compression
      (IPC), low-dose unfractionated heparin (LDUH) or LMWH.
    * 3-4: high risk (~20-40%); LDUH or LMWH, alone or with IPC.
    * >= 5: highest risk (~40-80%, 1-5% mortality); pharmacological prophylaxis (LDUH,
      LMWH, warfarin or factor Xa inhibitor) combined with stockings or IPC.
    """
    age = v.number("age", age, lo=v.AGE[0], hi=v.AGE[1])
    surgery = v.choice("surgery_type", surgery_type, _SURGERY)
    mobility = v.choice("mobility", mobility, _MOBILITY)
    body_mass = None if bmi is None else v.number("bmi", bmi, lo=5.0, hi=150.0)
    if age < 41:
        age_points = 0.0
    elif age < 61:
        age_points = 1.0
    elif age < 75:
        age_points = 2.0
    else:
        age_points = 3.0
    flags = {
        "recent_major_surgery": recent_major_surgery,
        "recent_chf": recent_chf,
        "recent_sepsis": recent_sepsis,
        "recent_pneumonia": recent_pneumonia,
        "recent_plaster_cast": recent_plaster_cast,
        "recent_hip_pelvis_leg_fracture": recent_hip_pelvis_leg_fracture,
        "recent_stroke": recent_stroke,
        "recent_multiple_trauma": recent_multiple_trauma,
        "recent_spinal_cord_injury_paralysis": recent_spinal_cord_injury_paralysis,
        "varicose_veins": varicose_veins,
        "swollen_legs": swollen_legs,
        "central_venous_access": central_venous_access,
        "history_dvt_pe": history_dvt_pe,
        "family_history_thrombosis": family_history_thrombosis,
        "factor_v_leiden": factor_v_leiden,
        "prothrombin_20210a": prothrombin_20210a,
        "elevated_homocysteine": elevated_homocysteine,
        "lupus_anticoagulant": lupus_anticoagulant,
        "anticardiolipin_antibody": anticardiolipin_antibody,
        "heparin_induced_thrombocytopenia": heparin_induced_thrombocytopenia,
        "other_thrombophilia": other_thrombophilia,
        "inflammatory_bowel_disease": inflammatory_bowel_disease,
        "acute_mi": acute_mi,
        "copd": copd,
        "malignancy": malignancy,
        "oral_contraceptives_or_hrt": oral_contraceptives_or_hrt,
        "pregnant_or_postpartum": pregnant_or_postpartum,
        "stillbirth_or_recurrent_abortion": stillbirth_or_recurrent_abortion,
    }
    components = {
        "age": age_points,
        "surgery_type": _SURGERY[surgery],
        "mobility": _MOBILITY[mobility],
        "bmi_over_25": float(body_mass is not None and body_mass > 25),
    }
    for name, points in _ITEMS:
        components[name] = points * v.flag(name, flags[name])
    total = sum(components.values())
    if total <= 1:
        band = "low risk (DVT ~2%); early ambulation"
    elif total == 2:
        band = "moderate risk (DVT ~10-20%); stockings, IPC, LDUH or LMWH"
    elif total <= 4:
        band = "high risk (DVT ~20-40%); LDUH or LMWH, alone or with IPC"
    else:
        band = (
            "highest risk (DVT ~40-80%, mortality 1-5%); pharmacological prophylaxis "
            "combined with stockings or IPC"
        )
    return ScoreResult(
        name="Caprini",
        value=total,
        components=components,
        interpretation=f"Caprini {total:g}: {band}",
        source=_CAPRINI_2005,
    )
