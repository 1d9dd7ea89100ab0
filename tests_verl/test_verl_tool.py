"""HealthGymTool and compute_score with the real verl classes (run by scripts/verl_env.sh
in its own virtual environment: verl pins an older transformers than the main one)."""

from __future__ import annotations

import asyncio
import json

import pytest

verl = pytest.importorskip("verl")

from healthgym.env import HealthGymEnv  # noqa: E402
from healthgym.train.env_session import hermes_call  # noqa: E402
from healthgym.train.verl.export import task_rows  # noqa: E402
from healthgym.train.verl.reward import compute_score  # noqa: E402
from healthgym.train.verl.tool import HealthGymTool, record  # noqa: E402
from healthgym.train.verl.tool_config import write_tool_config  # noqa: E402

DOMAIN = "medical_qa"
PASSAGE = "builtin:disease/acute_appendicitis/diagnosis"
SUBMIT = {"answer": "A", "rationale": "Acute appendicitis: stated in passage " + PASSAGE + "."}


def _tools(tmp_path):
    from verl.tools.tool_registry import initialize_tools_from_config

    path = write_tool_config(DOMAIN, tmp_path / "tools.yaml")
    tools = initialize_tools_from_config(str(path))
    return {t.name: t for t in tools}


def _row():
    return task_rows(DOMAIN, "train", limit=1)[0]


def _direct(tid: str, actions: list[str]) -> tuple[list[str], dict]:
    env = HealthGymEnv(DOMAIN, split=None)
    env.reset(options={"task_id": tid})
    seen = []
    for a in actions:
        obs, _, term, trunc, info = env.step(a)
        seen.append(obs)
        if term or trunc:
            return seen, info["reward_components"]
    env.max_turns = env.log.turns + 1
    return seen, env.step("")[4]["reward_components"]


def test_tool_config_yaml_loads_into_real_verl_tools(tmp_path):
    tools = _tools(tmp_path)
    assert sorted(tools) == sorted(t.name for t in HealthGymEnv(DOMAIN).domain.toolkit)
    for tool in tools.values():
        assert isinstance(tool, HealthGymTool)
        assert isinstance(tool, verl.tools.base_tool.BaseTool)
    schema = tools["submit_answer"].get_openai_tool_schema()
    assert schema.function.name == "submit_answer"
    registry = HealthGymEnv(DOMAIN).domain.toolkit.get("submit_answer").parameters
    assert schema.function.parameters.required == registry["required"]
    assert sorted(schema.function.parameters.properties) == sorted(registry["properties"])


def test_verls_tool_agent_loop_dispatch_runs_one_episode_per_trajectory(tmp_path):
    """Each call goes through verl's own ``ToolAgentLoop._call_tool`` (create -> execute
    -> release per call); the episode lives on the trajectory's AgentData."""
    from types import SimpleNamespace

    from verl.experimental.agent_loop.tool_agent_loop import AgentData, ToolAgentLoop
    from verl.experimental.agent_loop.tool_parser import FunctionCall

    tools = _tools(tmp_path)
    row = _row()
    tid = row["extra_info"]["task_id"]
    loop = SimpleNamespace(
        tools=tools, max_tool_response_length=100_000, tool_response_truncate_side="right"
    )
    agent_data = AgentData(
        messages=list(row["prompt"]),
        image_data=None,
        video_data=None,
        audio_data=None,
        mm_processor_kwargs=None,
        metrics={},
        request_id="traj-1",
        tools_kwargs=row["extra_info"]["tools_kwargs"],
    )

    def call(name: str, args: dict) -> tuple:
        fc = FunctionCall(name=name, arguments=json.dumps(args))
        return asyncio.run(ToolAgentLoop._call_tool(loop, fc, agent_data.tools_kwargs, agent_data))

    answer = HealthGymEnv(DOMAIN, split=None).domain.task(tid).reference.answer
    actions = [("search_knowledge", {"query": "appendicitis", "k": 2}), ("submit_answer", answer)]
    seen, comps = _direct(tid, [hermes_call(n, a) for n, a in actions])
    for (name, args), want in zip(actions, seen, strict=True):
        response, step_reward, metrics = call(name, args)
        assert response.text == want
        assert step_reward == 0.0
    assert metrics == {"healthgym_steps": 2, "healthgym_done": True}
    assert all(not t._instances for t in tools.values())  # every instance released
    rec = agent_data.extra_fields["healthgym"]
    assert rec["task_id"] == tid and rec["done"] is True
    assert [c["name"] for c in rec["calls"]] == ["search_knowledge", "submit_answer"]
    assert rec["reward_components"] == comps
    # verl's reward loop merges extra_fields into extra_info before compute_score
    extra = dict(row["extra_info"])
    extra.update(agent_data.extra_fields.items())
    out = compute_score(row["data_source"], "<response text>", tid, extra)
    assert out["score"] == comps["composite"]
    assert out["accuracy"] == comps["accuracy"] == 1.0
    # after the submit, the episode accepts no more calls
    response, _, _ = call("search_knowledge", {"query": "x"})
    assert response.text == "The episode has ended; no further tool calls are accepted."
    # an unknown tool is answered by verl itself; bad JSON too
    response, _, _ = call("nope", {})
    assert response.text.startswith("Unknown function 'nope'")


def test_base_tool_contract_with_one_instance_id_and_calc_reward(tmp_path):
    tools = _tools(tmp_path)
    row = _row()
    tid = row["extra_info"]["task_id"]
    create = row["extra_info"]["tools_kwargs"]["read_passage"]["create_kwargs"]
    tool = tools["read_passage"]

    async def run() -> tuple:
        iid, _ = await tool.create(create_kwargs=create)
        resp, _, _ = await tool.execute(iid, {"passage_id": PASSAGE})
        bad, _, _ = await tool.execute(iid, {"passage_id": 3})
        reward = await tool.calc_reward(iid)
        session = tool._instances[iid]["session"]
        await tool.release(iid)
        return iid, resp, bad, reward, session

    iid, resp, bad, reward, session = asyncio.run(run())
    seen, comps = _direct(
        tid,
        [
            hermes_call("read_passage", {"passage_id": PASSAGE}),
            hermes_call("read_passage", {"passage_id": 3}),
        ],
    )
    assert resp.text == seen[0]
    assert bad.text == seen[1] and "expected a string" in bad.text
    assert reward == comps["composite"]
    assert session.ended_by == "closed_without_submission"
    assert iid not in tool._instances
    # the open-episode record replays to the same score in compute_score
    rec = record(session)
    rec["reward_components"] = None
    out = compute_score(row["data_source"], "", tid, {"healthgym": rec})
    assert out["score"] == reward


def test_compute_score_loads_through_verls_custom_reward_function_config():
    from omegaconf import OmegaConf
    from verl.trainer.ppo.reward import get_custom_reward_fn

    cfg = OmegaConf.create(
        {
            "reward": {
                "custom_reward_function": {
                    "path": "pkg://healthgym.train.verl.reward",
                    "name": "compute_score",
                }
            }
        }
    )
    fn = get_custom_reward_fn(cfg)
    row = _row()
    tid = row["extra_info"]["task_id"]
    answer = HealthGymEnv(DOMAIN, split=None).domain.task(tid).reference.answer
    solution = hermes_call("submit_answer", answer)
    _, comps = _direct(tid, [solution])
    out = fn(
        data_source=row["data_source"],
        solution_str=solution,
        ground_truth=row["reward_model"]["ground_truth"],
        extra_info=row["extra_info"],
    )
    assert out["score"] == comps["composite"]
    # other data sources go to verl's own scorers
    gsm = fn(data_source="openai/gsm8k", solution_str="#### 42", ground_truth="42", extra_info={})
    assert gsm == 1.0 or (isinstance(gsm, dict) and gsm["score"] == 1.0)
