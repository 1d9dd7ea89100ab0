"""clinical_diagnosis: tool kinds and elicitation gating of the score tools.

A score tool reads only what the agent has been shown: called before the findings it
reads were observed it refuses, naming what to observe; once they are, it computes.
"""

from __future__ import annotations

from typing import Any

import pytest

from healthgym.clinical.features import FEATURES
from healthgym.domains import get_domain
from healthgym.domains.clinical_diagnosis import score_values as sv
from healthgym.domains.clinical_diagnosis.records import DiagnosisState
from healthgym.domains.clinical_diagnosis.tools import ALL_TOOLS
from healthgym.env import HealthGymEnv
from healthgym.tools import ToolError, format_hermes
from healthgym.tools.elicit import elicited
from healthgym.tools.library import encounter_scores as st
from healthgym.tools.library import record as rec
from healthgym.tools.library import score_needs as sn
from healthgym.tools.library.encounter import key_call

DOMAIN = get_domain("clinical_diagnosis")
TOOLS = {tool.name: tool for tool in ALL_TOOLS}


def default_arguments(tool) -> dict[str, Any]:
    props = tool.parameters["properties"]
    return {k: (v["enum"][0] if "enum" in v else False) for k, v in props.items()}


def a_task_with(disease: str):
    return next(
        DOMAIN.task(i)
        for i in range(DOMAIN.n_tasks)
        if DOMAIN.task(i).grader["diagnosis"] == disease
    )


def test_every_tool_has_its_kind():
    kinds = {tool.name: tool.kind for tool in DOMAIN.toolkit}
    assert all(kinds[tool.name] == "compute" for tool in st.SCORE_TOOLS)
    for name in ("get_vitals", "examine", "order_lab_panel", "order_imaging", "order_ecg"):
        assert kinds[name] == "observe"
    assert kinds["record_differential"] == "act"
    assert kinds["lookup_icd10"] == "reference"
    assert kinds["search_knowledge"] == kinds["read_passage"] == "reference"
    assert kinds["calc_renal_function"] == "compute"
    assert kinds["submit_diagnosis"] == "submit"
    # every score reads the record, so every score declares what it reads
    assert all(tool.needs for tool in st.SCORE_TOOLS)


@pytest.mark.parametrize("tool", st.SCORE_TOOLS, ids=lambda x: x.name)
def test_score_refuses_until_its_findings_are_observed_then_computes(tool):
    task = DOMAIN.task(0)
    s = DOMAIN.new_state(task)
    args = default_arguments(tool)
    with pytest.raises(ToolError) as refused:
        tool(s, **args)
    message = str(refused.value)
    for need in tool.needs:
        assert need.what in message
        assert key_call(need.keys[0])[0] in message  # "call examine first"
    assert not s.score_values
    # observing all but one input still refuses, naming the missing one (the others
    # observed through their narrowest key: a single test rather than its panel)
    for missing in tool.needs:
        s = DOMAIN.new_state(task)
        for need in tool.needs:
            if need is not missing:
                name, arguments = key_call(need.keys[-1])
                TOOLS[name](s, **arguments)
        with pytest.raises(ToolError, match="needs " + missing.what.split(" (")[0]):
            tool(s, **args)
    # every need observed (each through its first key): the score computes
    for need in tool.needs:
        name, arguments = key_call(need.keys[0])
        TOOLS[name](s, **arguments)
    out = tool(s, **args)
    assert tool.name.removeprefix("calculate_") in s.score_values
    assert "Interpretation bands: read_passage(" in out


def test_single_lab_test_satisfies_a_lab_need_like_its_panel():
    s = DOMAIN.new_state(DOMAIN.task(0))
    rec.get_vitals(s)
    rec.examine(s, "neurological")
    with pytest.raises(ToolError, match="blood urea nitrogen"):
        st.calculate_curb65(s)
    rec.order_lab_test(s, "bun")
    assert st.calculate_curb65(s).startswith("CURB-65:")


def test_wells_dvt_does_not_reveal_calf_swelling_on_turn_one():
    """The measured issue: Wells DVT on turn 1 showed the hidden calf swelling."""
    task = a_task_with("deep_vein_thrombosis")
    env = HealthGymEnv(split=None)
    env.reset(options={"task": task})
    obs, *_ = env.step(
        format_hermes("calculate_wells_dvt", {"alternative_diagnosis_likely": False})
    )
    assert "extremities examination (call examine first)" in obs
    assert "past medical history (call get_past_medical_history first)" in obs
    assert "calf" not in obs.lower() and "swollen" not in obs.lower()
    env.step(format_hermes("get_past_medical_history", {}))
    env.step(format_hermes("examine", {"system": "extremities"}))
    obs, *_ = env.step(
        format_hermes("calculate_wells_dvt", {"alternative_diagnosis_likely": False})
    )
    assert "Wells DVT:" in obs and env.state.score_values["wells_dvt"] >= 1


def test_centor_needs_the_throat_and_neck_examined():
    s = DOMAIN.new_state(a_task_with("streptococcal_pharyngitis"))
    rec.get_vitals(s)
    rec.get_history_of_present_illness(s)
    rec.examine(s, "heent")
    with pytest.raises(ToolError, match="neck examination"):
        st.calculate_centor_mcisaac(s)
    rec.examine(s, "neck")
    assert st.calculate_centor_mcisaac(s).startswith("McIsaac (modified Centor):")


class _Recorder:
    """A patient record that logs which parts a score reads."""

    def __init__(self, patient) -> None:
        self._patient = patient
        self.read: set[str] = set()
        self.features_read: set[str] = set()
        self.labs_read: set[str] = set()

    def has(self, feature: str) -> bool:
        self.features_read.add(feature)
        return self._patient.has(feature)

    def __getattr__(self, name: str):
        value = getattr(self._patient, name)
        if name == "labs":
            recorder = self

            class Labs(dict):
                def __getitem__(self, key):
                    recorder.labs_read.add(key)
                    return dict.__getitem__(self, key)

            return Labs(value)
        self.read.add(name)
        return value


@pytest.mark.parametrize("tool", st.SCORE_TOOLS, ids=lambda x: x.name)
def test_needs_cover_everything_the_score_reads(tool):
    """Each record part a score reads is declared: vitals, past history (comorbidities),
    the source of every finding it looks up, every laboratory value."""
    for index in range(0, 38 * 3, 7):
        task = DOMAIN.task(index)
        s = sv.observe_all(DOMAIN.new_state(task))
        rec = _Recorder(s.patient)
        s.patient = rec  # type: ignore[assignment]
        tool(s, **default_arguments(tool))
        assert rec.read | rec.features_read | rec.labs_read  # the recorder sees the reads
        needs = set(tool.needs)
        if "vitals" in rec.read:
            assert sn.VITALS_NEED in needs
        if "comorbidities" in rec.read:
            assert sn.PMH_NEED in needs
        for f in rec.features_read:
            if f in FEATURES:
                assert sn.feature_need(f) in needs, (tool.name, f)
        for lab in rec.labs_read - {"pco2"}:  # PaCO2: optional, read only once shown
            assert sn.lab_need(lab) in needs, (tool.name, lab)


def test_sirs_uses_paco2_only_once_the_blood_gas_was_shown():
    s = DOMAIN.new_state(DOMAIN.task(0))
    rec.get_vitals(s)
    rec.order_lab_panel(s, "cbc")
    before = st.calculate_sirs(s)
    assert "paco2" not in before.lower()
    rec.order_lab_panel(s, "abg")
    assert elicited(s).has("order_lab_test:pco2")
    st.calculate_sirs(s)


def test_reference_solution_observes_before_each_score():
    for index in DOMAIN.indices("test")[:120]:
        task = DOMAIN.task(index)
        s = DiagnosisState(patient=DOMAIN.new_state(task).patient)
        for call in task.reference.calls:
            if call.name == "submit_diagnosis":
                break
            TOOLS[call.name](s, **call.arguments)  # a gated score would raise here
        if task.reference.answer.get("score_name"):
            name = task.reference.answer["score_name"]
            assert s.score_values[name] == task.reference.answer["score_value"]


def test_score_value_helper_sees_the_whole_record():
    task = a_task_with("deep_vein_thrombosis")
    patient = DOMAIN.new_state(task).patient
    value = sv.score_value(st.calculate_wells_dvt, patient, alternative_diagnosis_likely=False)
    assert value == task.reference.answer["score_value"]
