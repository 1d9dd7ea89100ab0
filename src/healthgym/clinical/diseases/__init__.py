"""Disease profiles used to generate clinical_diagnosis patients."""

from __future__ import annotations

from .cardiovascular import PROFILES as _CARDIOVASCULAR
from .endocrine import PROFILES as _ENDOCRINE
from .gastrointestinal import PROFILES as _GASTROINTESTINAL
from .hematologic import PROFILES as _HEMATOLOGIC
from .infectious import PROFILES as _INFECTIOUS
from .model import DiseaseProfile
from .musculoskeletal import PROFILES as _MUSCULOSKELETAL
from .neurological import PROFILES as _NEUROLOGICAL
from .renal_electrolyte import PROFILES as _RENAL_ELECTROLYTE
from .respiratory import PROFILES as _RESPIRATORY

_ALL: list[DiseaseProfile] = [
    *_RESPIRATORY,
    *_CARDIOVASCULAR,
    *_GASTROINTESTINAL,
    *_ENDOCRINE,
    *_RENAL_ELECTROLYTE,
    *_INFECTIOUS,
    *_NEUROLOGICAL,
    *_HEMATOLOGIC,
    *_MUSCULOSKELETAL,
]

PROFILES: dict[str, DiseaseProfile] = {p.key: p for p in _ALL}
assert len(PROFILES) == len(_ALL), "duplicate disease profile key"

__all__ = ["PROFILES", "DiseaseProfile"]
