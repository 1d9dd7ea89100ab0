"""Validity probe for radiology_report: a plain string reader over every observe and
compute tool's output (default arguments) must not beat the lazy policy by more than
0.15 on the test split (see tests/test_obstetrics_validity.py for the reader).

The rule tools (Fleischner, TI-RADS, BI-RADS, Bosniak) apply a published system to the
features the agent passes; called with default arguments they print the same text for
every study, so the only way to the category is to read the findings and translate
their raw descriptors (\"brighter than the adjacent thyroid parenchyma\", \"width 0.6 cm,
height 0.4 cm\") into the lexicon the rule takes.
"""

from __future__ import annotations

import re

from healthgym.domains import get_domain
from test_obstetrics_validity import MARGIN, tool_outputs, validity_accuracies


def test_string_reader_does_not_beat_lazy_radiology() -> None:
    reader, lazy = validity_accuracies("radiology_report")
    assert reader <= lazy + MARGIN, (reader, lazy)


def test_record_tools_never_name_a_category() -> None:
    """The study's words are raw observations: no system, category or class is named
    (the indication may say "screening mammography"; that is the request, not a plan)."""
    d = get_domain("radiology_report")
    category = re.compile(
        r"TI-?RADS|BI-?RADS|Bosniak|Fleischner|\bTR[1-5]\b|\bcategory\b|\bclass (?:I|II|III|IV)\b",
        re.I,
    )
    for i in d.indices("test")[:40]:
        task = d.task(i)
        state = d.new_state(task)
        for t in d.toolkit:
            if t.kind != "observe":
                continue
            ids = [f.id for f in state.study.findings]
            args = (
                [{"finding_id": f} for f in ids]
                if "finding_id" in t.parameters["properties"]
                else [{}]
            )
            for a in args:
                out = t(state, **a)
                assert not category.search(out), (t.name, out)
        assert tool_outputs("radiology_report", task)[1]
