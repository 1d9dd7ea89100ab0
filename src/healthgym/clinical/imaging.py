"""Imaging and diagnostic study catalogue with the report of a normal study.

A disease profile overrides the report of the studies its disease changes; every
other study ordered returns the normal report below.  Reports describe findings
only and never name a diagnosis.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Study:
    key: str
    name: str
    normal_report: str


_STUDIES: list[Study] = [
    Study("chest_xray", "Chest radiograph (PA and lateral)",
          "Lungs are clear. No consolidation, effusion or pneumothorax. Normal cardiac silhouette."),
    Study("ct_pulmonary_angiogram", "CT pulmonary angiogram",
          "No filling defect in the pulmonary arteries. Lungs clear. No effusion."),
    Study("leg_venous_duplex", "Lower-extremity venous duplex ultrasound",
          "Deep veins of both legs are fully compressible with normal flow and augmentation."),
]

IMAGING: dict[str, Study] = {s.key: s for s in _STUDIES}
assert len(IMAGING) == len(_STUDIES), "duplicate imaging key"

NORMAL_ECG = "Sinus rhythm, normal axis, normal intervals, no ST-segment or T-wave changes."
