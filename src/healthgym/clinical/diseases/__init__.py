"""Disease profiles used to generate clinical_diagnosis patients."""

from __future__ import annotations

from .model import DiseaseProfile
from .respiratory import PROFILES as _RESPIRATORY

PROFILES: dict[str, DiseaseProfile] = {p.key: p for p in [*_RESPIRATORY]}

__all__ = ["DiseaseProfile", "PROFILES"]
