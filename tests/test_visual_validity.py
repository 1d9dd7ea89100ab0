"""Validity probe for visual_diagnosis: a plain string reader over every observe and
compute tool's output (default arguments) must not beat the lazy policy by more than
0.15 on the test split (see tests/test_obstetrics_validity.py for the reader).

The measuring tools print measurements and component scores (A, B, C, D; rate,
P waves, atrial waves, intervals); ``calculate_tds`` prints the score of the components
the agent passes, never its band; no tool names a rhythm.
"""

from __future__ import annotations

import numpy as np

from healthgym.agents.baselines import random_arguments
from healthgym.domains import get_domain
from healthgym.domains.visual_diagnosis.grading import FINDINGS
from healthgym.tools import ToolError
from test_obstetrics_validity import MARGIN, _pattern, validity_accuracies

SAMPLE = 40  # test tasks (rendering and measuring a study takes a moment)


def test_string_reader_does_not_beat_lazy_visual() -> None:
    reader, lazy = validity_accuracies("visual_diagnosis", limit=SAMPLE)
    assert reader <= lazy + MARGIN, (reader, lazy)


def test_no_tool_names_a_band_or_rhythm() -> None:
    d = get_domain("visual_diagnosis")
    labels = [_pattern(f) for f in FINDINGS] + [_pattern("melanoma")]
    rng = np.random.default_rng(5)
    for i in d.indices("test")[:6]:
        task = d.task(i)
        state = d.new_state(task)
        for t in d.toolkit:
            if t.kind not in ("observe", "compute") or t.name not in task.allowed_tools:
                continue
            for _ in range(3 if t.kind == "compute" else 1):
                try:
                    out = t(state, **random_arguments(t.parameters, rng))
                except ToolError:
                    continue
                assert not [p.pattern for p in labels if p.search(out)], (t.name, out)
