"""The comorbidity (C) points of the LACE index from ICD-10 diagnosis codes.

Conditions are recognised by the ICD-10 coding algorithm for the Charlson conditions of
Quan H, Sundararajan V, Halfon P, et al. Coding algorithms for defining comorbidities in
ICD-9-CM and ICD-10 administrative data. Med Care 2005;43:1130-1139 (code prefixes
below).  They are weighted as in the LACE index (van Walraven C et al. CMAJ
2010;182:551-557; weights as tabulated in Yazdan-Ashoori P et al. Using the LACE index
to predict hospital readmissions in congestive heart failure patients. BMC Cardiovasc
Disord 2014;14:97, Table 1): previous myocardial infarction, cerebrovascular disease,
peripheral vascular disease and diabetes without complications 1; congestive heart
failure, diabetes with end-organ damage, chronic pulmonary disease, mild liver or renal
disease and any tumour 2; dementia and connective tissue disease 3; AIDS and moderate or
severe liver or renal disease 4; metastatic solid tumour 6.  Where a condition has a
mild and a severe form, or a tumour is metastatic, only the heavier counts (Charlson
hierarchy).  Chronic kidney disease stage 3 (N18.3x) is taken as mild renal disease,
stages 4-5 and dialysis as moderate-severe.
"""

from __future__ import annotations

from collections.abc import Iterable

# condition -> (LACE points, ICD-10 code prefixes without the dot)
LACE_CONDITIONS: dict[str, tuple[int, tuple[str, ...]]] = {
    "myocardial_infarction": (1, ("I21", "I22", "I252")),
    "cerebrovascular_disease": (1, ("G45", "G46", "H340", "I6")),
    "peripheral_vascular_disease": (
        1,
        ("I70", "I71", "I731", "I738", "I739", "I771", "I790", "I792", "K551", "K558", "K559"),
    ),
    "diabetes_uncomplicated": (
        1,
        tuple(f"E1{t}{s}" for t in "0134" for s in "01689"),
    ),
    "congestive_heart_failure": (
        2,
        (
            *("I099", "I110", "I130", "I132", "I255", "I420"),
            *(f"I42{n}" for n in range(5, 10)),
            *("I43", "I50", "P290"),
        ),
    ),
    "diabetes_end_organ_damage": (2, tuple(f"E1{t}{s}" for t in "0134" for s in "23457")),
    "chronic_pulmonary_disease": (
        2,
        (
            *("I278", "I279"),
            *(f"J4{n}" for n in range(8)),
            *(f"J6{n}" for n in range(8)),
            *("J684", "J701", "J703"),
        ),
    ),
    "mild_liver_disease": (2, ("B18", "K700", "K701", "K702", "K703", "K709", "K73", "K74")),
    "mild_renal_disease": (2, ("N183",)),
    "any_tumor": (
        2,
        tuple(f"C{n:02d}" for n in [*range(0, 27), *range(30, 35), *range(37, 42), 43])
        + tuple(f"C{n:02d}" for n in [*range(45, 59), *range(60, 77), *range(81, 86), 88])
        + tuple(f"C{n:02d}" for n in range(90, 98)),
    ),
    "dementia": (3, ("F00", "F01", "F02", "F03", "F051", "G30", "G311")),
    "connective_tissue_disease": (3, ("M05", "M06", "M315", "M32", "M33", "M34", "M351")),
    "aids": (4, ("B20", "B21", "B22", "B24")),
    "moderate_severe_liver_disease": (4, ("I850", "I859", "I864", "I982", "K704", "K711")),
    "moderate_severe_renal_disease": (4, ("N184", "N185", "N186", "N19", "Z992", "Z490")),
    "metastatic_solid_tumor": (6, ("C77", "C78", "C79", "C80")),
}
# the lighter form is not counted when the heavier one is present
HIERARCHY = {
    "diabetes_uncomplicated": "diabetes_end_organ_damage",
    "mild_liver_disease": "moderate_severe_liver_disease",
    "mild_renal_disease": "moderate_severe_renal_disease",
    "any_tumor": "metastatic_solid_tumor",
}


def lace_conditions(codes: Iterable[str]) -> dict[str, int]:
    """LACE-weighted comorbid conditions (name -> points) among ICD-10 codes."""
    flat = {c.replace(".", "").upper() for c in codes}
    found = {
        name: points
        for name, (points, prefixes) in LACE_CONDITIONS.items()
        if any(code.startswith(prefixes) for code in flat)
    }
    for light, heavy in HIERARCHY.items():
        if heavy in found:
            found.pop(light, None)
    return found
