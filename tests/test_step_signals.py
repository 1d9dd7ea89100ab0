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


def test_a_harmful_action_is_a_violation_added_on_its_turn() -> None:
    # cross_domain: the oracle's episode then a lazy episode; omissions pending before the
    # care is given are resolved on the turn that gives it
    domain = "cross_domain"
    index = get_domain(domain).indices("test")[0]
    infos = _oracle_steps(domain, index)
    added = [v for i in infos for v in i["step_signals"]["violations_added"]]
    resolved = [v for i in infos for v in i["step_signals"]["violations_resolved"]]
    final = infos[-1]["reward_components"]["violations"]
    # what is pending at the end is what was added and never resolved
    keys = lambda vs: sorted((v["code"], v["message"]) for v in vs)  # noqa: E731
    remaining = [v for v in added if v not in resolved]
    assert keys(final) == keys(remaining)


def test_zero_workup_submission_reports_its_omissions_on_the_last_turn() -> None:
    from healthgym.tools import format_hermes

    domain = "cross_domain"
    env = HealthGymEnv(domain=domain, split="test", max_turns=5)
    env.reset(options={"index": 3})  # a STEMI pathway: reperfusion and antiplatelet due
    assert env.task is not None
    first = env.step(format_hermes("pathway_status", {}))[-1]["step_signals"]
    pending = {v["code"] for v in first["violations_added"]}
    answer = env.task.reference.answer
    *_, info = env.step(format_hermes(env.domain.submit_tool, answer))
    final = info["reward_components"]["violations"]
    assert final, "a zero-workup submission omits required care"
    signals = info["step_signals"]
    seen = pending | {v["code"] for v in signals["violations_added"]}
    assert {v["code"] for v in final} <= seen
