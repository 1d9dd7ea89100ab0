"""HTML reports of ``healthgym run`` outputs: one run, or several side by side.

    healthgym report runs/oracle runs/smollm2 --out report.html

Per-domain reward components, turns and tool calls per episode, response lengths,
how episodes ended; matplotlib plots are embedded as base64 PNG (matplotlib is
imported only when a report is written).
"""

from .data import Run, load_run
from .html import render, write_report

__all__ = ["Run", "load_run", "render", "write_report"]
