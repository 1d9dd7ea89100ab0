"""medical_qa validity: a plain string-matcher adversary does no better than lazy.

The adversary is the one of ``test_drug_interaction_validity``.  medical_qa has no
hidden record: ``search_knowledge``/``read_passage`` are ``reference`` (their answer
depends on the query only) and ``calculate`` is ``compute`` over the inputs the agent
states, so with default arguments (no inputs) it only lists a score's inputs.

Pure tool-use by design: the ``calculator`` questions ("what is this patient's
CURB-65?") are answered by the calculator once the agent has turned the vignette into
the score's inputs; that translation (which finding is which criterion, thresholds
stated as raw values) is the skill they test, and the tool never sees the vignette or
the options.  No other task type is: the knowledge tools return passages about what
the agent searched for, never an option letter.
"""

from __future__ import annotations

from healthgym.domains import get_domain
from test_drug_interaction_validity import check_domain


def test_shallow_reader_is_no_better_than_lazy():
    check_domain("medical_qa")


def test_tool_kinds_and_no_answer_from_default_calls():
    d = get_domain("medical_qa")
    kinds = {t.name: t.kind for t in d.toolkit}
    assert kinds["calculate"] == "compute" and kinds["submit_answer"] == "submit"
    calc = d.toolkit.get("calculate")
    task = d.task(d.indices("test")[0])
    out = calc(d.new_state(task), score="curb65")
    assert "Inputs:" in out and "Total" not in out
