"""The result type every clinical score returns."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ScoreResult:
    """A computed score: total, points per criterion, interpretation and source."""

    name: str
    value: float
    components: dict[str, float] = field(default_factory=dict)
    interpretation: str = ""
    source: str = ""

    def as_text(self) -> str:
        parts = ", ".join(f"{k} {v:g}" for k, v in self.components.items())
        text = f"{self.name}: {self.value:g}"
        if parts:
            text += f" ({parts})"
        if self.interpretation:
            text += f". {self.interpretation}"
        return text
