"""Per-step metrics: one JSON object per line in ``metrics.jsonl``, mirrored to
TensorBoard (when ``tensorboard`` is installed) and Weights & Biases (when ``wandb`` is
installed and asked for). Scalars go to the mirrors; lists (e.g. ``kl_per_turn``) are
written element-wise as ``name/0``, ``name/1`` ...
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any


def _clean(value: Any) -> Any:
    """JSON-safe: NaN and infinities become None (strict JSON has no NaN)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def read_metrics(path: str | Path) -> list[dict[str, Any]]:
    """The step records of a ``metrics.jsonl`` (a missing file gives [])."""
    p = Path(path)
    if not p.exists():
        return []
    return [json.loads(line) for line in p.read_text().splitlines() if line.strip()]


class MetricsLogger:
    """Appends step records to ``run_dir/metrics.jsonl``.

    ``start_step``: on resume, records of steps at or after it (written after the
    checkpoint being resumed from) are dropped from the file first, so that it holds
    each step exactly once.
    """

    def __init__(
        self,
        run_dir: str | Path,
        *,
        start_step: int = 0,
        tensorboard: bool = True,
        wandb: bool = False,
        wandb_project: str = "healthgym",
        config: dict[str, Any] | None = None,
    ) -> None:
        self.path = Path(run_dir) / "metrics.jsonl"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        kept = [r for r in read_metrics(self.path) if int(r.get("step", -1)) < start_step]
        self.path.write_text("".join(json.dumps(r) + "\n" for r in kept))
        self.tb: Any = None
        self.wandb: Any = None
        if tensorboard:
            try:
                from torch.utils.tensorboard import SummaryWriter

                self.tb = SummaryWriter(str(Path(run_dir) / "tensorboard"))
            except ImportError:  # tensorboard is optional
                self.tb = None
        if wandb:
            try:
                import wandb as wb

                self.wandb = wb.init(project=wandb_project, config=config, dir=str(run_dir))
            except ImportError:
                self.wandb = None

    def log(self, record: dict[str, Any]) -> None:
        """Write one step's record (must contain ``step``)."""
        record = _clean(record)
        with self.path.open("a") as f:
            f.write(json.dumps(record) + "\n")
        step = int(record["step"])
        scalars = _scalars(record)
        if self.tb is not None:
            for k, v in scalars.items():
                self.tb.add_scalar(k, v, step)
        if self.wandb is not None:
            self.wandb.log(scalars, step=step)

    def close(self) -> None:
        if self.tb is not None:
            self.tb.close()
            self.tb = None
        if self.wandb is not None:
            self.wandb.finish()
            self.wandb = None


def _scalars(record: dict[str, Any]) -> dict[str, float]:
    out: dict[str, float] = {}
    for k, v in record.items():
        if k == "step":
            continue
        if isinstance(v, bool | int | float):
            out[k] = float(v)
        elif isinstance(v, list):
            for i, x in enumerate(v):
                if isinstance(x, int | float) and not isinstance(x, bool):
                    out[f"{k}/{i}"] = float(x)
    return out
