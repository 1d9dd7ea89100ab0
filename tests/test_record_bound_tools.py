"""The record-bound tool factory (:mod:`healthgym.tools.record_bound`).

A registry calculator becomes a ``compute`` tool of a domain by declaration; the score
tools several domains offer (qSOFA, SIRS, shock index, HEART) are declared once and
each domain supplies only its record accessor.  Each such tool refuses before what it
reads was shown and gives the registry calculator's value after, in every domain.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Annotated, Any

import pytest

from healthgym.clinical.registry import calculator
from healthgym.domains import get_domain
from healthgym.domains.clinical_diagnosis.score_values import observe_all
from healthgym.domains.ehr_management import score_tools as ehr
from healthgym.domains.ehr_management import tools_read as ehr_tools
from healthgym.domains.ehr_management.records import EhrState
from healthgym.domains.triage_emergency import score_tools as te
from healthgym.tools import MaxLen, ToolError, validate_arguments
from healthgym.tools.elicit import Need, elicited
from healthgym.tools.library import encounter_scores as cd
from healthgym.tools.record_bound import (
    HEART_SCORE,
    QSOFA,
    SHARED_SCORES,
    SHOCK_INDEX,
    SIRS,
    Arg,
    Binding,
    RecordScore,
    RecordSource,
)
from test_ehr_tools import NOW, tiny_tables

# --------------------------------------------------------------------------- the factory


@dataclass
class _Ward:
    beds: dict[str, dict[str, Any]]
    log: dict[str, float] = field(default_factory=dict)


def _report(state: _Ward, record: Any, key: str, result: Any) -> str:
    state.log[key] = float(result.value)
    return f"{result.name} {result.value:g}"


BED = Annotated[str, MaxLen(4)]
WARD = RecordSource(
    locate=lambda state, tool_name, bed: state.beds[bed],
    locator=(Arg("bed", BED),),
    fields={
        "respiratory_rate": lambda r: r["rr"],
        "sbp": lambda r: r["sbp"],
        "altered_mentation": lambda r: r["gcs"] < 15,
        "age": lambda r: r["age"],
        "risk_factor_count": lambda r: 1,
        "known_atherosclerotic_disease": lambda r: False,
        "troponin_ratio": lambda r: 0.5,
    },
    report=_report,
)
SEEN = Need("the bed's vital signs", ("vitals:{bed}",))


def _ward() -> _Ward:
    return _Ward({"B1": {"rr": 24, "sbp": 95, "gcs": 15, "age": 70}})


def test_factory_builds_the_declared_tool():
    doc = """qSOFA of a bed.

    Args:
        bed: the bed.
    """
    t = QSOFA.bind(WARD, needs=(SEEN,), doc=doc)
    assert t.name == "calculate_qsofa" and t.kind == "compute" and t.needs == (SEEN,)
    assert t.description == "qSOFA of a bed."
    props = t.parameters["properties"]
    assert list(props) == ["bed"] and props["bed"] == {
        "type": "string",
        "maxLength": 4,
        "description": "the bed.",
    }
    assert t.fn.record_bound.score is QSOFA and t.fn.record_bound.source is WARD
    state = _ward()
    with pytest.raises(ToolError, match="the bed's vital signs"):
        t(state, **validate_arguments(t, {"bed": "B1"}))
    assert not state.log
    elicited(state).show("vitals:B1")
    expected = calculator("qsofa")(respiratory_rate=24, sbp=95, altered_mentation=False)
    assert t(state, "B1") == f"qSOFA {expected.value:g}" and state.log == {"qsofa": 2.0}


def test_elicited_inputs_are_arguments_typed_by_the_calculator():
    t = HEART_SCORE.bind(WARD, doc="HEART of a bed.")
    props = t.parameters["properties"]
    assert list(props) == ["bed", "history", "ecg"]
    assert props["history"]["enum"] == ["slightly", "moderately", "highly"]
    out = t(_ward(), bed="B1", history="highly", ecg="normal")
    expected = calculator("heart_score")(
        history="highly",
        ecg="normal",
        age=70,
        risk_factor_count=1,
        known_atherosclerotic_disease=False,
        troponin_ratio=0.5,
    )
    assert out == f"HEART {expected.value:g}"


def test_checks_and_input_errors():
    def adults_only(record: dict[str, Any]) -> None:
        if record["age"] < 18:
            raise ToolError("adults only")

    state = _Ward({"C1": {"rr": 20, "sbp": 100, "gcs": 15, "age": 9}, "X": {"rr": -5}})
    t = QSOFA.bind(WARD, doc="qSOFA.", check=adults_only)
    with pytest.raises(ToolError, match="adults only"):
        t(state, bed="C1")
    shock = RecordScore("shock", "shock_index", ("heart_rate", "sbp"))
    source = RecordSource(
        locate=lambda state, tool_name, bed: state.beds[bed],
        locator=WARD.locator,
        fields={"heart_rate": lambda r: 80, "sbp": lambda r: r["rr"]},
        report=_report,
    )
    with pytest.raises(ValueError, match="sbp"):  # a calculator input error is raised...
        shock.bind(source, doc="Shock index.")(state, bed="X")
    refusing = shock.bind(source, doc="Shock index.", refuse_invalid_inputs=True)
    with pytest.raises(ToolError, match="sbp"):  # ... or refused, as declared
        refusing(state, bed="X")


def test_declarations_are_checked_when_bound():
    with pytest.raises(TypeError, match="unknown or repeated"):
        RecordScore("x", "qsofa", ("respiratory_rate", "sbp", "mentation")).bind(WARD, doc="x.")
    with pytest.raises(TypeError, match="not declared"):
        RecordScore("x", "qsofa", ("respiratory_rate", "sbp")).bind(WARD, doc="x.")
    with pytest.raises(TypeError, match="no getter"):
        SHOCK_INDEX.bind(WARD, doc="x.")
    with pytest.raises(KeyError, match="no calculator"):
        RecordScore("x", "no_such_score", ()).bind(WARD, doc="x.")


# ------------------------------------------------------- the shared score tools, per domain

OFFERED = {
    "clinical_diagnosis": (QSOFA, SIRS, SHOCK_INDEX, HEART_SCORE),
    "triage_emergency": (QSOFA, SIRS, SHOCK_INDEX, HEART_SCORE),
    "ehr_management": (QSOFA,),
}


@pytest.mark.parametrize("score", SHARED_SCORES, ids=lambda s: s.tool)
def test_each_shared_score_tool_is_declared_once(score: RecordScore):
    """Every domain's tool of that name is the one declaration bound to the domain's
    accessor, and runs the one implementation."""
    bindings = []
    for domain, scores in OFFERED.items():
        t = get_domain(domain).toolkit.get(score.tool)
        if score not in scores:
            assert t is None or not hasattr(t.fn, "record_bound"), (domain, score.tool)
            continue
        assert t is not None and t.kind == "compute" and t.needs, (domain, score.tool)
        binding = t.fn.record_bound
        assert isinstance(binding, Binding) and binding.score is score, domain
        assert binding.calculator is calculator(score.calculator)
        assert type(binding).run is Binding.run
        bindings.append(binding)
    assert len({id(b.source) for b in bindings}) == len(bindings)  # one accessor per domain


def _value_of(binding: Binding, state: Any, record: Any, arguments: dict[str, Any]) -> float:
    """The registry calculator applied to the record, as the domain reads it."""
    fields = binding.source.fields
    inputs = {n: fields[n](record) for n in binding.score.record if n in fields}
    inputs.update((a.name, arguments[a.name]) for a in binding.score.elicited)
    return float(calculator(binding.score.calculator)(**inputs).value)


@pytest.mark.parametrize(
    "tool",
    [cd.calculate_qsofa, cd.calculate_sirs, cd.calculate_shock_index, cd.calculate_heart_score],
    ids=lambda t: t.name,
)
def test_clinical_diagnosis_refuses_then_gives_the_registry_value(tool):
    domain = get_domain("clinical_diagnosis")
    arguments = (
        {"history": "moderately", "ecg": "normal"} if tool is cd.calculate_heart_score else {}
    )
    for index in range(0, 60, 7):
        state = domain.new_state(domain.task(index))
        with pytest.raises(ToolError, match="not been shown"):
            tool(state, **arguments)
        assert not state.score_values
        observe_all(state)
        tool(state, **arguments)
        key = tool.fn.record_bound.score.log_key
        assert state.score_values[key] == _value_of(tool.fn.record_bound, state, state, arguments)


def _triage_case(tool_name: str) -> tuple[Any, Any, str]:
    """A triage state and patient the score applies to, with everything observed."""
    domain = get_domain("triage_emergency")
    tool = domain.toolkit.get(tool_name)
    arguments = (
        {"history": "moderately", "ecg": "normal"} if tool_name.endswith("heart_score") else {}
    )
    for index in range(domain.n_tasks):
        state = domain.new_state(domain.task(index))
        if getattr(state, "kind", "") == "mci":
            continue
        for pid in state.patients:
            with pytest.raises(ToolError, match="not been shown"):
                tool(state, patient_id=pid, **arguments)
            for observe, extra in (
                ("get_presentation", {}),
                ("get_vitals", {}),
                ("assess_mental_status", {}),
                ("obtain_triage_ecg", {}),
                ("point_of_care_test", {"test": "troponin"}),
            ):
                with contextlib.suppress(ToolError):
                    domain.toolkit.get(observe)(state, patient_id=pid, **extra)
            try:
                tool(state, patient_id=pid, **arguments)
            except ToolError:
                continue  # the score does not apply to this patient (a child, an arrest)
            return state, state.patients[pid], arguments
    raise AssertionError(f"no triage patient for {tool_name}")


@pytest.mark.parametrize("name", [s.tool for s in OFFERED["triage_emergency"]])
def test_triage_refuses_then_gives_the_registry_value(name: str):
    state, patient, arguments = _triage_case(name)
    binding = te.SCORE_TOOLS[[t.name for t in te.SCORE_TOOLS].index(name)].fn.record_bound
    expected = _value_of(binding, state, patient, arguments)
    assert state.score_values[binding.score.log_key] == expected


def test_ehr_qsofa_refuses_then_gives_the_registry_value():
    state = EhrState.from_hidden({"tables": tiny_tables(), "now": NOW})
    with pytest.raises(ToolError, match="not been shown"):
        ehr.calculate_qsofa(state, charttime="2150-03-02 20:00")
    ehr_tools.get_vitals(state, "2150-03-02 16:00", 0.5)
    out = ehr.calculate_qsofa(state, charttime="2150-03-02 20:00")
    record = ehr.VITAL_SET.locate(state, "calculate_qsofa", charttime="2150-03-02 20:00")
    expected = _value_of(ehr.calculate_qsofa.fn.record_bound, state, record, {})
    assert expected == 3.0 and out.endswith(f"Total {expected:g}.")
    assert state.score_log[-1] == ("qsofa", record.when, expected)
