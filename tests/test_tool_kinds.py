"""Tools observe and compute; the agent judges.

Every tool declares one kind (observe, compute, reference, act, submit).  A compute or
reference tool reads nothing hidden that the agent has not been shown: called on a fresh
episode (nothing observed yet) with the same arguments, it either refuses (a
``ToolError`` naming what to observe first) or returns the same text for every task of
the domain - its answer depends on its arguments and general knowledge only.
"""

from __future__ import annotations

import numpy as np
import pytest

from healthgym.agents.baselines import random_arguments
from healthgym.domains import domain_names, get_domain
from healthgym.env import HealthGymEnv
from healthgym.tools import TOOL_KINDS, ToolError, tool
from healthgym.tools.elicit import Need, elicited

TASKS_PER_DOMAIN = 6
ARG_DRAWS = 3


def _all_tools():
    for name in domain_names():
        for t in get_domain(name).toolkit:
            yield name, t


@pytest.mark.parametrize("domain", domain_names())
def test_every_tool_declares_a_kind(domain: str) -> None:
    missing = [t.name for t in get_domain(domain).toolkit if t.kind not in TOOL_KINDS]
    assert not missing, f"{domain}: tools without a kind: {missing}"
    for t in get_domain(domain).toolkit:
        assert (t.kind == "submit") == t.terminal, t.name
        assert not t.needs or t.kind == "compute", t.name


def _fresh_states(domain: str, n: int):
    d = get_domain(domain)
    env = HealthGymEnv(domain=domain, split=None, max_turns=50)
    step = max(1, d.n_tasks // n)
    for index in range(0, step * n, step):
        env.reset(options={"index": index})
        yield env.task, env.state


def _call(t, state, args):
    try:
        return t(state, **args)
    except ToolError:
        return "ToolError"


@pytest.mark.parametrize("domain", domain_names())
def test_compute_and_reference_tools_read_nothing_unobserved(domain: str) -> None:
    d = get_domain(domain)
    probes = [t for t in d.toolkit if t.kind in ("compute", "reference")]
    draws = {}
    for t in probes:
        rng = np.random.default_rng(7)
        draws[t.name] = [random_arguments(t.parameters, rng) for _ in range(ARG_DRAWS)]
        for args in draws[t.name]:
            if "patient_id" in t.parameters["properties"]:
                args["patient_id"] = "P1"
    outputs: dict[tuple[str, int], set[str]] = {}
    for task, _state in _fresh_states(domain, TASKS_PER_DOMAIN):
        for t in probes:
            if t.name not in task.allowed_tools and t.name not in d.toolkit.tools:
                continue
            for k, args in enumerate(draws[t.name]):
                # a fresh state per call: one probe's side effects never feed another
                state = d.new_state(task)
                outputs.setdefault((t.name, k), set()).add(_call(t, state, args))
    leaky = sorted({name for (name, _), outs in outputs.items() if len(outs) > 1})
    assert not leaky, f"{domain}: compute/reference tools that read the hidden record: {leaky}"


def test_needs_gate_until_observed() -> None:
    @tool(kind="observe")
    def examine(state: object) -> str:
        """Examine the patient."""
        return "calf swollen"

    @tool(kind="compute", needs=(Need("the examination findings", ("examine",)),))
    def score(state: object) -> str:
        """A score from the examination."""
        return "score 2"

    class State:
        pass

    s = State()
    with pytest.raises(ToolError, match=r"examination findings \(call examine first\)"):
        score(s)
    assert examine(s) == "calf swollen"
    assert elicited(s).has("examine")
    assert score(s) == "score 2"


def test_needs_fill_argument_placeholders() -> None:
    @tool(kind="compute", needs=(Need("this patient's vital signs", ("get_vitals:{patient_id}",)),))
    def shock(state: object, patient_id: str) -> str:
        """Shock index.

        Args:
            patient_id: the patient.
        """
        return "0.9"

    class State:
        pass

    s = State()
    elicited(s).show("get_vitals:P2")
    with pytest.raises(ToolError):
        shock(s, patient_id="P1")
    assert shock(s, patient_id="P2") == "0.9"


def test_kind_rules_enforced_at_decoration() -> None:
    with pytest.raises(TypeError):
        tool(lambda s: "x", kind="judge")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        tool(lambda s: "x", kind="observe", needs=(Need("x", ("y",)),))


def test_needs_match_ids_in_any_case_and_positional_arguments() -> None:
    @tool(kind="compute", needs=(Need("this patient's vital signs", ("get_vitals:{patient_id}",)),))
    def shock(state: object, patient_id: str) -> str:
        """Shock index.

        Args:
            patient_id: the patient.
        """
        return "0.9"

    class State:
        pass

    s = State()
    elicited(s).show("get_vitals:P1")
    assert shock(s, patient_id="p1") == "0.9"
    assert shock(s, "P1") == "0.9"
    with pytest.raises(ToolError):
        shock(s, "P2")
