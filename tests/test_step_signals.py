"""Per-turn process and safety events in ``info["step_signals"]``."""

from __future__ import annotations

from healthgym.agents.baselines import OraclePolicy
from healthgym.domains import domain_names, get_domain
from healthgym.env import HealthGymEnv
from healthgym.tasks import task_id


def _oracle_steps(domain: str, index: int) -> list[dict]:
    env = HealthGymEnv(domain=domain, split=None, max_turns=40)
    obs, info = env.reset(options={"task_id": task_id(domain, index)})
    policy = OraclePolicy()
    assert env.task is not None
    policy.reset(env.task, obs, info)
    infos, done = [], False
    while not done:
        obs, _, terminated, truncated, info = env.step(policy.act(obs))
        infos.append(info)
        done = terminated or truncated
    return infos


def test_every_step_reports_signals_and_evidence_adds_up() -> None:
    for domain in domain_names():
        index = get_domain(domain).indices("test")[0]
        infos = _oracle_steps(domain, index)
        assert all("step_signals" in i for i in infos), domain
        gained = sum(len(i["step_signals"]["evidence_gained"]) for i in infos)
        last = infos[-1]["step_signals"]
        assert gained == last["evidence_met"] == last["evidence_required"], domain
        details = infos[-1]["reward_components"]["details"]["process"]
        assert last["evidence_met"] == details["required_met"], domain


def test_pending_omissions_are_not_added_and_harmful_actions_are() -> None:
    from healthgym.tools import format_hermes

    env = HealthGymEnv(domain="cross_domain", split="test", max_turns=5)
    env.reset(options={"index": 3})  # a STEMI pathway: reperfusion and antiplatelet due
    assert env.task is not None
    first = env.step(format_hermes("pathway_status", {}))[-1]["step_signals"]
    assert first["violations_added"] == []  # looking is not harm; omissions were pending
    *_, info = env.step(format_hermes(env.domain.submit_tool, env.task.reference.answer))
    final = {v["code"] for v in info["reward_components"]["violations"]}
    assert {"antiplatelet_omitted", "stemi_reperfusion_omitted"} <= final
    assert not final & {v["code"] for v in info["step_signals"]["violations_added"]}

    # clinical_diagnosis: a plan stuffed with harmful extras adds violations on its turn
    env = HealthGymEnv(domain="clinical_diagnosis", split="test", max_turns=5)
    env.reset(options={"index": 0})
    assert env.task is not None
    answer = dict(env.task.reference.answer)
    plan = answer.get("plan")
    extra = ["alteplase 0.9 mg/kg IV", "heparin infusion", "naproxen 500 mg BID"]
    answer["plan"] = [*plan, *extra] if isinstance(plan, list) else f"{plan}; " + "; ".join(extra)
    *_, info = env.step(format_hermes(env.domain.submit_tool, answer))
    added = info["step_signals"]["violations_added"]
    assert added and {v["code"] for v in added} <= {
        v["code"] for v in info["reward_components"]["violations"]
    }


def test_the_server_keeps_step_signals_for_the_trainer_until_the_end() -> None:
    from fastapi.testclient import TestClient

    from healthgym.server.app import create_app
    from healthgym.server.config import ServerConfig

    client = TestClient(create_app(ServerConfig(trainer_token="trainer-token-0123456789")))
    sid = client.post("/reset", json={"domain": "medical_qa", "split": "test"}).json()[
        "session_id"
    ]
    action = '<tool_call>{"name": "search_knowledge", "arguments": {"query": "x"}}</tool_call>'
    body = {"session_id": sid, "action": action}
    assert "step_signals" not in client.post("/step", json=body).json()["info"]
    auth = {"Authorization": "Bearer trainer-token-0123456789"}
    assert "step_signals" in client.post("/step", json=body, headers=auth).json()["info"]
