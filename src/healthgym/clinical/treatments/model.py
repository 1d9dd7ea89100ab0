"""The :class:`Treatment` record of the treatment vocabulary."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Treatment:
    key: str
    name: str
    kind: str  # 'drug', 'procedure', 'supportive', 'disposition'
    synonyms: tuple[str, ...] = ()
    allergy_classes: tuple[str, ...] = ()
    # comorbidity key (healthgym.patients.comorbidities) -> why the treatment is unsafe
    # for a patient with it (a major safety violation when planned anyway)
    contraindicated_in: dict[str, str] = field(default_factory=dict)
    source: str = ""


__all__ = ["Treatment"]
