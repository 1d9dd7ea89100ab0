"""The result type every clinical score returns."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ScoreResult:
    """A computed score: total, points per criterion, interpretation and source."""

    name: str
    value: float | str  # a number, or an ISO date (YYYY-MM-DD) for date calculators
    components: dict[str, float] = field(default_factory=dict)
    interpretation: str = ""
    source: str = ""
    unit: str = ""
    # step-by-step working; for additive point scores it can be left empty and is
    # derived from ``components`` by :meth:`explanation`
    steps: tuple[str, ...] = ()

    def explanation(self) -> list[str]:
        """The calculation, one step per line."""
        if self.steps:
            return list(self.steps)
        lines = [f"{k.replace('_', ' ')}: {v:+g}" for k, v in self.components.items()]
        return [*lines, f"total = {self.value_text()}"]

    def value_text(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        shown = self.value if isinstance(self.value, str) else f"{self.value:g}"
        return f"{shown}{unit}"

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "value": self.value,
            "unit": self.unit,
            "components": dict(self.components),
            "interpretation": self.interpretation,
            "steps": self.explanation(),
            "source": self.source,
        }

    def as_text(self) -> str:
        parts = ", ".join(f"{k} {v:g}" for k, v in self.components.items())
        text = f"{self.name}: {self.value_text()}"
        if parts:
            text += f" ({parts})"
        if self.interpretation:
            text += f". {self.interpretation}"
        return text
