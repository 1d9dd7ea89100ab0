"""Treatments: haematology, neurology and musculoskeletal."""

from __future__ import annotations

from .model import Treatment

OTHER_SYSTEMS: list[Treatment] = [
    # --- haematology -----------------------------------------------------------------------
    Treatment(
        "ferrous_sulfate",
        "Oral iron (ferrous sulfate)",
        "drug",
        ("oral iron", "ferrous sulphate", "iron tablets", "feosol"),
        source="BSG iron deficiency anaemia guideline 2021",
    ),
    Treatment(
        "iv_iron",
        "Intravenous iron",
        "drug",
        ("iron sucrose", "ferric carboxymaltose", "venofer", "injectafer", "intravenous iron"),
        source="BSG iron deficiency anaemia guideline 2021",
    ),
    # --- neurology -------------------------------------------------------------------------
    Treatment(
        "mechanical_thrombectomy",
        "Endovascular mechanical thrombectomy",
        "procedure",
        ("thrombectomy", "endovascular thrombectomy", "evt", "clot retrieval"),
        source="AHA/ASA acute ischemic stroke guideline 2019",
    ),
    Treatment(
        "nimodipine",
        "Nimodipine",
        "drug",
        ("nimotop", "nymalize"),
        source="AHA/ASA aneurysmal SAH guideline 2023",
    ),
    Treatment(
        "aneurysm_securing",
        "Aneurysm securing (endovascular coiling or clipping)",
        "procedure",
        (
            "coiling",
            "endovascular coiling",
            "surgical clipping",
            "aneurysm clipping",
            "aneurysm repair",
        ),
        source="AHA/ASA aneurysmal SAH guideline 2023",
    ),
    # --- musculoskeletal -------------------------------------------------------------------
    Treatment(
        "joint_washout",
        "Joint drainage (arthroscopic washout or serial aspiration)",
        "procedure",
        (
            "arthroscopic washout",
            "joint lavage",
            "surgical drainage",
            "arthrotomy",
            "joint washout",
            "joint drainage",
        ),
        source="BSR/BOA hot swollen joint guideline 2006",
    ),
]


__all__ = ["OTHER_SYSTEMS"]
