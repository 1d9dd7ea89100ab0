"""The TRL environment adapter, dataset rows and TRL-signature reward functions."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("torch")

from healthgym.domains import domain_names, get_domain
from healthgym.env import HealthGymEnv
from healthgym.train.env_session import (
    CLOSED_WITHOUT_SUBMISSION,
    ENDED,
    EpisodeSession,
    hermes_call,
    without_tool_list,
)
from healthgym.train.trl_env import (
    HealthGymToolEnv,
    build_dataset,
    dataset_rows,
    environment_class,
    environment_factories,
    environment_factory,
)
from healthgym.train.trl_rewards import (
    DIMENSIONS,
    accuracy_reward,
    format_reward,
    process_reward,
    reward_functions,
    total_reward,
)

TID = "medical_qa-00000"  # gold answer A, required call read_passage(<diagnosis passage>)
PASSAGE = "builtin:disease/acute_appendicitis/diagnosis"
RATIONALE = "Acute appendicitis: stated in passage " + PASSAGE + "."


def _direct(tid: str, actions: list[str]) -> tuple[list[str], float, dict]:
    """Observations and outcome of the same actions sent straight to a HealthGymEnv."""
    env = HealthGymEnv(tid.rpartition("-")[0], split=None)
    obs, _ = env.reset(options={"task_id": tid})
    seen = [obs]
    for a in actions:
        obs, reward, term, trunc, info = env.step(a)
        seen.append(obs)
        if term or trunc:
            return seen, reward, info["reward_components"]
    env.max_turns = env.log.turns + 1
    obs, reward, _, _, info = env.step("")
    return seen, reward, info["reward_components"]


def test_tool_methods_give_trl_the_registry_schemas_in_every_domain():
    from transformers.utils import get_json_schema

    for d in domain_names():
        cls = environment_class(d)
        assert issubclass(cls, HealthGymToolEnv) and cls.domain == d
        assert environment_class(d) is cls  # cached
        for tool in get_domain(d).toolkit:
            got = get_json_schema(getattr(cls, tool.name))["function"]
            reg = tool.parameters
            assert got["name"] == tool.name
            assert got["description"] == tool.description
            params = got["parameters"]
            assert list(params["properties"]) == list(reg["properties"])
            assert sorted(params.get("required", [])) == sorted(reg["required"])
            for arg, prop in reg["properties"].items():
                mine = params["properties"][arg]
                assert mine["type"] == prop["type"], (d, tool.name, arg)
                assert mine.get("enum") == prop.get("enum")
                if prop["type"] == "array":
                    assert mine["items"]["type"] == prop["items"]["type"]
                    assert mine["items"].get("enum") == prop["items"].get("enum")
                assert mine["description"].startswith(prop.get("description", "the")[:20])
                assert mine.get("nullable", False) == (arg not in reg["required"])


def test_trl_sees_exactly_the_tools_as_public_methods():
    import inspect

    cls = environment_class("medical_qa")
    public = sorted(
        n
        for n, _ in inspect.getmembers(cls, predicate=inspect.isfunction)
        if n not in ("reset", "get_reward") and not n.startswith("_")
    )
    assert public == sorted(t.name for t in get_domain("medical_qa").toolkit)
    k = get_json_schema_of(cls, "search_knowledge")["parameters"]["properties"]["k"]
    assert k["type"] == "integer" and "(from 1 to 10)" in k["description"]


def get_json_schema_of(cls, name):
    from transformers.utils import get_json_schema

    return get_json_schema(getattr(cls, name))["function"]


def test_episode_through_the_methods_equals_the_direct_env():
    env = environment_factory("medical_qa")()
    read = {"passage_id": PASSAGE}
    submit = {"answer": "A", "rationale": RATIONALE}
    seen, reward, comps = _direct(
        TID, [hermes_call("read_passage", read), hermes_call("submit_answer", submit)]
    )
    # TRL's template renders the tools' schemas: the text tool list is left out
    first = env.reset(task_id=TID, prompt=[], privileged_context="secret")
    assert first == without_tool_list(seen[0]) and "Tools available:" in seen[0]
    assert env.read_passage(**read) == seen[1]
    assert env.submit_answer(**submit) == seen[2]
    assert env.session.ended_by == "submitted"
    assert env.get_reward() == reward
    assert env.reward_components == comps
    # hand-computed: correct (1.0), required call made (recall 1, no repeat: 0.8 + 0.2),
    # safe, well-formed, coherent -> composite 1.0
    for c in ("accuracy", "process", "safety", "format", "coherence"):
        assert comps[c] == 1.0
    assert reward == 1.0
    assert env.search_knowledge(query="x") == ENDED  # nothing runs after the end
    assert env.session.calls == [
        {"name": "read_passage", "arguments": read},
        {"name": "submit_answer", "arguments": submit},
    ]


def test_bad_arguments_reach_the_env_and_an_open_episode_is_closed_by_get_reward():
    env = environment_factory("medical_qa", max_turns=5)()
    env.reset(domain="medical_qa", index=0)
    out = env.read_passage(bogus=1)  # TRL would call it with the model's arguments
    assert out.startswith("Error: unknown argument(s) ['bogus'] for 'read_passage'")
    out = env.calculate(score="not_a_score")
    assert "not one of" in out
    assert not env.session.done
    reward = env.get_reward()
    assert env.session.ended_by == CLOSED_WITHOUT_SUBMISSION  # closed by get_reward
    comps = env.reward_components
    # nothing submitted: accuracy and coherence 0; both calls malformed: format 0;
    # no evidence gathered: process 0; safety 1; no valid submission: composite 0
    assert (comps["accuracy"], comps["format"], comps["coherence"]) == (0.0, 0.0, 0.0)
    assert comps["process"] == 0.0
    assert comps["safety"] == 1.0
    assert reward == 0.0
    assert env.get_reward() == reward  # idempotent
    # the truncation of the close does not leak into the next episode
    env.reset(task_id=TID)
    assert env.session.env.max_turns == 5


def test_reset_rejects_rows_without_a_task_or_of_another_domain():
    env = environment_factory("medical_qa")()
    with pytest.raises(ValueError, match="task_id"):
        env.reset(prompt=[])
    with pytest.raises(ValueError, match="given to the 'medical_qa' environment"):
        env.reset(task_id="triage_emergency-00000")
    with pytest.raises(TypeError):
        HealthGymToolEnv()


def test_any_env_like_plugs_in_through_env_factory():
    made: list[str] = []
    sent: list[str] = []

    class Recording:
        def __init__(self, domain: str) -> None:
            made.append(domain)
            self.inner = HealthGymEnv(domain, split=None, max_turns=3)

        def reset(self, *, seed=None, options=None):
            return self.inner.reset(seed=seed, options=options)

        def step(self, action):
            sent.append(action)
            return self.inner.step(action)

    env = environment_factory("medical_qa", env_factory=Recording)()
    env.reset(task_id=TID)
    env.read_passage(passage_id=PASSAGE)
    reward = env.get_reward()  # no max_turns attribute: stepped to the turn limit
    assert made == ["medical_qa"]
    assert sent == [hermes_call("read_passage", {"passage_id": PASSAGE}), "", ""]
    assert env.session.ended_by == CLOSED_WITHOUT_SUBMISSION
    assert 0.0 <= reward <= 1.0


def test_tool_subset_and_multi_environment_factories():
    env = environment_factory("medical_qa", tools=["submit_answer", "read_passage"])()
    assert type(env).tool_names == ("submit_answer", "read_passage")
    with pytest.raises(ValueError, match="unknown tool"):
        environment_factory("medical_qa", tools=["nope"])
    facts = environment_factories(["medical_qa", "triage_emergency"])
    assert sorted(facts) == ["medical_qa", "triage_emergency"]
    assert facts["triage_emergency"]().domain == "triage_emergency"
    subset = environment_factories(
        ["medical_qa", "triage_emergency"], tools={"medical_qa": ["submit_answer"]}
    )
    assert type(subset["medical_qa"]()).tool_names == ("submit_answer",)
    assert len(type(subset["triage_emergency"]()).tool_names) == len(
        get_domain("triage_emergency").toolkit.schemas
    )
    with pytest.raises(ValueError, match="not in"):
        environment_factories(["medical_qa"], tools={"psychiatry": ["x"]})


def test_dataset_rows_hold_the_task_and_privileged_context_only_outside_the_prompt():
    rows = dataset_rows(["medical_qa", "triage_emergency"], "train", limit_per_domain=2)
    assert [r["environment"] for r in rows] == ["medical_qa"] * 2 + ["triage_emergency"] * 2
    dom = get_domain("medical_qa")
    first = dom.indices("train")[:2]
    assert [r["task_id"] for r in rows[:2]] == [f"medical_qa-{i:05d}" for i in first]
    for r in rows:
        assert r["prompt"] == [{"role": "user", "content": ""}]
        assert r["privileged_context"].startswith("Reference answer: ")
    gold = 'Reference answer: submit_answer({"answer": "A"})'
    assert rows[0]["privileged_context"].startswith(gold)
    single = dataset_rows(["medical_qa"], "test", limit_per_domain=1, system_prompt="Be brief.")
    assert "environment" not in single[0]
    assert single[0]["prompt"][0] == {"role": "system", "content": "Be brief."}
    assert single[0]["task_id"] == f"medical_qa-{dom.indices('test')[0]:05d}"
    ds = build_dataset(["medical_qa"], "train", limit_per_domain=3, privileged=False)
    assert ds.column_names == ["prompt", "task_id", "domain", "index"]
    assert len(ds) == 3


def test_reward_functions_read_the_environments_in_environment_mode():
    envs = [environment_factory("medical_qa")() for _ in range(2)]
    envs[0].reset(task_id=TID)
    envs[0].submit_answer(answer="A", rationale=RATIONALE)
    envs[1].reset(task_id=TID)
    envs[1].submit_answer(answer="B", rationale="a guess")
    kw = {"prompts": [[], []], "completions": [[], []], "environments": envs}
    assert accuracy_reward(**kw) == [1.0, 0.0]
    assert format_reward(**kw) == [1.0, 1.0]
    # no workup before the submission: no evidence, process 0
    assert process_reward(**kw) == [0.0, 0.0]
    assert total_reward(**kw) == [envs[0].get_reward(), envs[1].get_reward()]
    # TRL's multi-environment mode may mix in other environments: not applicable (None)
    assert accuracy_reward(prompts=[[]], completions=[[]], environments=[object()]) == [None]
    names = [f.__name__ for f in reward_functions()]
    assert names == [
        "accuracy_reward",
        "process_reward",
        "safety_reward",
        "format_reward",
        "coherence_reward",
        "total_reward",
    ]
    assert len(DIMENSIONS) == 6


def test_reward_functions_replay_text_and_structured_completions():
    submit = {"answer": "A", "rationale": RATIONALE}
    text = "I choose A. " + hermes_call("submit_answer", submit)
    structured = [
        {
            "role": "assistant",
            "content": "",
            "tool_calls": [
                {"type": "function", "function": {"name": "submit_answer", "arguments": submit}}
            ],
        }
    ]
    _, reward, comps = _direct(TID, [text])
    kw = {"task_id": [TID, TID, TID], "trainer_state": None}
    completions = [text, structured, "no call at all"]
    totals = total_reward(prompts=[None] * 3, completions=completions, **kw)
    assert totals[0] == reward and totals[1] == reward
    assert accuracy_reward(prompts=[None] * 3, completions=completions, **kw) == [1.0, 1.0, 0.0]
    # a completion without any call: nothing attempted -> format 0
    assert format_reward(prompts=[None] * 3, completions=completions, **kw)[2] == 0.0
    assert comps["accuracy"] == 1.0


def test_session_replay_is_deterministic():
    calls = [
        {"name": "read_passage", "arguments": {"passage_id": PASSAGE}},
        {"name": "submit_answer", "arguments": {"answer": "A", "rationale": RATIONALE}},
    ]
    a = EpisodeSession(HealthGymEnv("medical_qa", split=None))
    a.start(TID)
    b = EpisodeSession(HealthGymEnv("medical_qa", split=None))
    b.start(TID)
    assert json.dumps(a.replay(calls), sort_keys=True) == json.dumps(
        b.replay(calls), sort_keys=True
    )
    with pytest.raises(RuntimeError):
        EpisodeSession(HealthGymEnv("medical_qa", split=None)).finish()
