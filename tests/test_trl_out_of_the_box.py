"""The TRL path out of the box (issue 19): the tiny model's tool-calling tokenizer is
accepted by a real ``trl.GRPOTrainer``; the prompt lists the tools once (the template's
JSON schemas, not also the environment's text list); an episode closed by
``get_reward`` is labelled ``closed_without_submission`` and still graded; the README
example runs as written."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

pytest.importorskip("torch")
pytest.importorskip("trl")

from healthgym.env import HealthGymEnv
from healthgym.train.env_session import (
    CLOSED_WITHOUT_SUBMISSION,
    TOOL_LIST_HEADER,
    EpisodeSession,
    without_tool_list,
)
from healthgym.train.tiny import (
    CHATML_TOOLS,
    load_tiny,
    tiny_tokenizer,
    tiny_tool_tokenizer,
)
from healthgym.train.trl_env import (
    dataset_rows,
    environment_factory,
    template_renders_tools,
)

os.environ.setdefault("TRL_EXPERIMENTAL_SILENCE", "1")

# The README's TRL example (its python block that builds the trainer with
# environment_factories), executed verbatim by test_readme_example_runs_one_grpo_step.
_README = Path(__file__).resolve().parents[1] / "README.md"
README_EXAMPLE = next(
    block
    for block in re.findall(r"```python\n(.*?)```", _README.read_text(), re.S)
    if "environment_factories(" in block
)


@pytest.fixture(autouse=True)
def _one_thread():
    import torch

    n = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(n)


SCHEMA = {
    "type": "function",
    "function": {
        "name": "get_vitals",
        "description": "Read the vitals.",
        "parameters": {
            "type": "object",
            "properties": {"patient_id": {"type": "string"}},
            "required": ["patient_id"],
        },
    },
}


# ------------------------------------------------------------------ the tokenizer
def test_tool_template_renders_tools_calls_and_results_in_the_hermes_format():
    tok = tiny_tool_tokenizer()
    assert tok.chat_template == CHATML_TOOLS
    assert load_tiny(tools=True)[1] is tok
    plain = tiny_tokenizer()
    assert tok.get_vocab() == plain.get_vocab()  # same vocabulary: same tiny model
    # a conversation without tools renders exactly as the plain ChatML template
    for msgs in (
        [{"role": "user", "content": "hi"}],
        [{"role": "system", "content": "S"}, {"role": "user", "content": "hi"}],
        [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "ok"}],
    ):
        for gen in (True, False):
            kw = {"tokenize": False, "add_generation_prompt": gen}
            assert tok.apply_chat_template(msgs, **kw) == plain.apply_chat_template(msgs, **kw)
    call = {
        "type": "function",
        "function": {"name": "get_vitals", "arguments": {"patient_id": "P1"}},
    }
    conv = [
        {"role": "system", "content": "SYS"},
        {"role": "user", "content": "hi"},
        {"role": "assistant", "content": "", "tool_calls": [call]},
        {"role": "tool", "name": "get_vitals", "content": "R1"},
        {"role": "tool", "name": "get_vitals", "content": "R2"},
    ]
    text = tok.apply_chat_template(conv, tools=[SCHEMA], tokenize=False, add_generation_prompt=True)
    schema = (
        '{"name":"get_vitals","description":"Read the vitals.","parameters":{"type":"object",'
        '"properties":{"patient_id":{"type":"string"}},"required":["patient_id"]}}'
    )
    assert text.startswith("<|im_start|>system\nSYS\n\n# Tools\n")
    assert f"<tools>\n{schema}\n</tools>" in text
    assert (
        "<|im_start|>assistant\n"
        '<tool_call>{"name": "get_vitals", "arguments": {"patient_id": "P1"}}</tool_call>'
        "<|im_end|>\n"
    ) in text
    assert text.endswith(
        "<|im_start|>user\n<tool_response>\nR1\n</tool_response>\n<tool_response>\nR2\n"
        "</tool_response><|im_end|>\n<|im_start|>assistant\n"
    )
    # the model's call renders as the environment's own Hermes block
    from healthgym.train.env_session import hermes_call

    assert hermes_call("get_vitals", {"patient_id": "P1"}) in text


def test_trl_accepts_the_tool_tokenizer_and_parses_its_calls():
    from trl.chat_template_utils import (
        is_chat_template_prefix_preserving,
        parse_response,
        supports_tool_calling,
    )

    tok = tiny_tool_tokenizer()
    assert supports_tool_calling(tok) and is_chat_template_prefix_preserving(tok)
    assert not supports_tool_calling(tiny_tokenizer())  # why the plain one is refused
    assert template_renders_tools(tok) and not template_renders_tools(tiny_tokenizer())
    prefix = tok.apply_chat_template(
        [{"role": "user", "content": "hi"}],
        tools=[SCHEMA],
        add_generation_prompt=True,
        tokenize=True,
        return_dict=False,
    )
    out = (
        '<tool_call>{"name": "get_vitals", "arguments": {"patient_id": "P1"}}</tool_call><|im_end|>'
    )
    parsed = parse_response(tok, tok(out, add_special_tokens=False)["input_ids"], prefix=prefix)
    assert parsed["tool_calls"] == [
        {"type": "function", "function": {"name": "get_vitals", "arguments": {"patient_id": "P1"}}}
    ]
    text = parse_response(tok, tok("no call<|im_end|>", add_special_tokens=False)["input_ids"])
    assert text["content"] == "no call" and "tool_calls" not in text


def _trainer(tmp_path, tok, model, factory):
    from trl import GRPOConfig, GRPOTrainer

    from healthgym.train.trl_env import build_dataset

    return GRPOTrainer(
        model=model,
        processing_class=tok,
        args=GRPOConfig(
            output_dir=str(tmp_path),
            use_cpu=True,
            bf16=False,
            gradient_checkpointing=False,
            per_device_train_batch_size=2,
            num_generations=2,
            max_steps=1,
            max_completion_length=8,
            report_to=[],
        ),
        train_dataset=build_dataset(["medical_qa"], "train", limit_per_domain=2),
        environment_factory=factory,
    )


def test_a_real_grpo_trainer_takes_the_tiny_model_as_it_ships(tmp_path):
    model, tok = load_tiny(tools=True)
    trainer = _trainer(tmp_path, tok, model, environment_factory("medical_qa"))
    # the environment's tools are TRL's tools; its get_reward is the reward source
    assert sorted(t.__name__ for t in trainer.tools) == sorted(
        ["search_knowledge", "read_passage", "calculate", "submit_answer"]
    )
    assert trainer.reward_func_names == ["MedicalQaEnv"]
    assert trainer.chat_template is None  # prefix-preserving: TRL keeps the template
    # the plain ChatML tokenizer is what made TRL raise before
    with pytest.raises(ValueError, match="does not support tool calling"):
        _trainer(tmp_path, tiny_tokenizer(), model, environment_factory("medical_qa"))


# ------------------------------------------------------------- one copy of the tools
def _prompt_ids(tok, domain: str, tool_list_in_prompt: bool) -> tuple[str, list[int]]:
    """The prompt TRL renders for the first train task of ``domain``: the row's user
    message plus the observation ``reset`` returns, with the environment's tools."""
    row = dataset_rows([domain], "train", limit_per_domain=1)[0]
    env = environment_factory(domain, tool_list_in_prompt=tool_list_in_prompt)()
    obs = env.reset(**row)
    msgs = [
        *row["prompt"][:-1],
        {**row["prompt"][-1], "content": row["prompt"][-1]["content"] + obs},
    ]
    tools = [getattr(env, n) for n in type(env).tool_names]
    kw = {"tools": tools, "add_generation_prompt": True}
    text = tok.apply_chat_template(msgs, tokenize=False, **kw)
    ids = tok.apply_chat_template(msgs, tokenize=True, return_dict=False, **kw)
    return text, ids


@pytest.mark.parametrize(
    ("domain", "tokens_before", "tokens_after"),
    [("triage_emergency", 8190, 6087), ("clinical_diagnosis", 12783, 10055)],
)
def test_the_prompt_lists_each_tool_once(domain, tokens_before, tokens_after):
    from healthgym.domains import get_domain

    tok = tiny_tool_tokenizer()
    before, ids_before = _prompt_ids(tok, domain, tool_list_in_prompt=True)
    after, ids_after = _prompt_ids(tok, domain, tool_list_in_prompt=False)
    summary = get_domain(domain).toolkit.summary().splitlines()
    for tool in get_domain(domain).toolkit:
        schema_name = f'{{"name":"{tool.name}",'
        assert before.count(schema_name) == after.count(schema_name) == 1
        line = next(s for s in summary if s[2:].startswith(tool.name + "("))
        assert line in before and line not in after  # the text list is gone
    assert TOOL_LIST_HEADER.strip() not in after
    assert "You have at most 20 turns." in after  # the rest of the observation stays
    # measured with the tiny tokenizer (first train task; see the report of issue 19)
    assert (len(ids_before), len(ids_after)) == (tokens_before, tokens_after)


def test_the_env_and_the_session_keep_the_tool_list_by_default():
    env = HealthGymEnv("triage_emergency", split=None)
    obs, _ = env.reset(options={"task_id": "triage_emergency-00000"})
    assert TOOL_LIST_HEADER in obs  # the environment's observation is unchanged
    session = EpisodeSession(HealthGymEnv("triage_emergency", split=None))
    assert session.start("triage_emergency-00000") == obs
    short = EpisodeSession(HealthGymEnv("triage_emergency", split=None), tool_list_in_prompt=False)
    assert short.start("triage_emergency-00000") == without_tool_list(obs)
    assert without_tool_list("no list here") == "no list here"
    # an opt-out for templates that ignore `tools`
    trl_env = environment_factory("triage_emergency", tool_list_in_prompt=True)()
    assert trl_env.reset(task_id="triage_emergency-00000") == obs


# ------------------------------------------------------------------ ended_by
def test_an_episode_closed_by_get_reward_without_calls_is_not_a_turn_limit():
    env = environment_factory("medical_qa")()
    env.reset(task_id="medical_qa-00000")
    reward = env.get_reward()  # the rollout made no call at all
    assert env.session.calls == [] and env.session.done
    assert env.session.ended_by == CLOSED_WITHOUT_SUBMISSION
    comps = env.reward_components
    assert comps["composite"] == reward == 0.0  # graded: no valid submission
    assert comps["accuracy"] == 0.0 and set(comps) >= {"process", "safety", "format"}


def test_a_real_turn_limit_and_a_submission_keep_their_labels():
    env = environment_factory("medical_qa", max_turns=1)()
    env.reset(task_id="medical_qa-00000")
    env.search_knowledge(query="appendicitis")  # the one turn: the env's own limit
    assert env.session.done and env.session.ended_by == "turn_limit"
    env.get_reward()
    assert env.session.ended_by == "turn_limit"
    env = environment_factory("medical_qa")()
    env.reset(task_id="medical_qa-00000")
    env.submit_answer(answer="B", rationale="a guess")
    env.get_reward()
    assert env.session.ended_by == "submitted"


# ------------------------------------------------------------------ the README example
@pytest.mark.slow
def test_readme_example_runs_one_grpo_step(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # its output_dir is relative
    scope: dict = {}
    exec(compile(README_EXAMPLE, "README.md", "exec"), scope)
    trainer = scope["trainer"]
    assert trainer.state.global_step == 1
    pools = trainer._environment_pool
    assert set(pools) == {"medical_qa", "triage_emergency"}
    tools = scope["tools"]
    for domain, envs in pools.items():
        assert type(envs[0]).tool_names == tuple(tools[domain])
    for envs in pools.values():  # every rollout's episode was graded
        for e in envs:
            if e.session.task_id is not None:
                assert e.session.reward is not None and e.session.ended_by is not None
