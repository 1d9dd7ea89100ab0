"""Two real GRPO steps of TRL's GRPOTrainer on a tiny model on CPU, with the model's tool
calls running in HealthGym environments through the TRL adapter."""

from __future__ import annotations

import functools
import math
import os
from typing import Any

import pytest

pytest.importorskip("trl")

DOMAIN = "medical_qa"
TOOLS = ["submit_answer"]  # one tool keeps the prompt short enough for a tiny model


def _warm_up(model, tok, rows, env, steps: int = 200) -> None:
    """Teacher-forced warm-up: after each prompt, the chat-template rendering of the
    call ``submit_answer(answer="A", rationale="A")`` (a random model never emits a tool
    call)."""
    import torch

    tools = [getattr(env, n) for n in type(env).tool_names]
    args = {"answer": "A", "rationale": "A"}
    call = {"type": "function", "function": {"name": "submit_answer", "arguments": args}}
    pairs = []
    for row in rows:
        msgs = [{"role": "user", "content": env.reset(**row)}]
        prompt = tok.apply_chat_template(
            msgs, tools=tools, add_generation_prompt=True, tokenize=False
        )
        full = tok.apply_chat_template(
            [*msgs, {"role": "assistant", "content": "", "tool_calls": [call]}],
            tools=tools,
            tokenize=False,
        )
        assert full.startswith(prompt)
        p = tok(prompt, add_special_tokens=False)["input_ids"]
        c = tok(full[len(prompt) :].rstrip("\n"), add_special_tokens=False)["input_ids"]
        pairs.append((p, c))
    torch.manual_seed(0)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-2)
    model.train()
    for step in range(steps):
        p, c = pairs[step % len(pairs)]
        ids = torch.tensor([p + c])
        labels = ids.clone()
        labels[:, : len(p)] = -100
        loss = model(input_ids=ids, labels=labels).loss
        opt.zero_grad()
        loss.backward()
        opt.step()
    model.eval()


@pytest.fixture(autouse=True)
def _one_thread():
    """One torch thread: a tiny model on a loaded 2-core machine is many times faster
    without intra-op threads competing for the cores."""
    import torch

    n = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(n)


@functools.cache
def _warm_state() -> tuple[Any, dict[str, Any], Any]:
    """(tokenizer, warmed-up weights, dataset), built once per test session."""
    from trl.chat_template_utils import qwen2_5_chat_template

    from healthgym.train.tiny import tiny_model, tiny_tokenizer
    from healthgym.train.trl_env import build_dataset, environment_factory

    tok = tiny_tokenizer(chat_template=qwen2_5_chat_template)
    model = tiny_model(len(tok), seed=0)
    dataset = build_dataset([DOMAIN], "train", limit_per_domain=4)
    _warm_up(model, tok, list(dataset), environment_factory(DOMAIN, tools=TOOLS)())
    state = {k: v.detach().clone() for k, v in model.state_dict().items()}
    return tok, state, dataset


def warm_tiny() -> tuple[Any, Any, Any]:
    """A fresh copy of the warmed-up tiny model: (model, tokenizer, dataset)."""
    from healthgym.train.tiny import tiny_model

    tok, state, dataset = _warm_state()
    model = tiny_model(len(tok), seed=0)
    model.load_state_dict(state)
    return model, tok, dataset


@pytest.mark.slow
def test_two_grpo_steps_with_tool_calls_through_the_env(tmp_path):
    os.environ.setdefault("TRL_EXPERIMENTAL_SILENCE", "1")
    import torch
    from trl import GRPOConfig, GRPOTrainer

    from healthgym.train.env_session import CLOSED_WITHOUT_SUBMISSION
    from healthgym.train.trl_env import environment_factory
    from healthgym.train.trl_rewards import reward_functions

    model, tok, dataset = warm_tiny()
    factory = environment_factory(DOMAIN, tools=TOOLS)
    before = [p.detach().clone() for p in model.parameters()]

    args = GRPOConfig(
        output_dir=str(tmp_path),
        use_cpu=True,
        bf16=False,
        per_device_train_batch_size=4,
        num_generations=2,
        max_steps=2,
        max_completion_length=48,
        gradient_checkpointing=False,
        max_tool_calling_iterations=1,
        learning_rate=1e-3,
        beta=0.0,
        temperature=1.3,  # some well-formed and some broken calls per group
        seed=2,  # a seed whose groups differ in reward (a non-zero gradient; CPU sampling is
        # deterministic): the prompt lists the tools once since issue 19, which moved seed 0
        logging_steps=1,
        save_strategy="no",
        report_to=[],
        dataloader_num_workers=0,
        # the reward is the env's composite (get_reward, weight 1); these two are logged only
        reward_weights=[0.0, 0.0],
    )
    trainer = GRPOTrainer(
        model=model,
        processing_class=tok,
        args=args,
        train_dataset=dataset,
        reward_funcs=reward_functions(["accuracy", "format"]),
        environment_factory=factory,
    )
    trainer.train()

    logs = [h for h in trainer.state.log_history if "reward" in h]
    assert len(logs) == 2
    # the model called tools, and the calls ran in the environments
    assert any(h["tools/call_frequency"] > 0 for h in logs)
    envs = trainer._environment_pool[None]
    assert len(envs) == 4
    sessions = [e.session for e in envs]
    called = [s for s in sessions if s.calls]
    assert called, "no tool call reached an environment"
    for s in called:
        assert s.calls[0]["name"] == "submit_answer"
        # a well-formed submit ends the episode; a malformed one is graded when
        # get_reward closes it (not a turn limit of the environment)
        assert s.ended_by in ("submitted", CLOSED_WITHOUT_SUBMISSION)
    assert any(s.ended_by == "submitted" for s in called)
    # the rewards TRL logged for the last step are the environments' own
    last = logs[-1]
    composite = [s.reward for s in sessions]
    assert all(r is not None and math.isfinite(r) for r in composite)
    assert last["rewards/MedicalQaEnv/mean"] == pytest.approx(sum(composite) / 4, abs=1e-6)
    acc = [s.components["accuracy"] for s in sessions]
    assert last["rewards/accuracy_reward/mean"] == pytest.approx(sum(acc) / 4, abs=1e-6)
    fmt = [s.components["format"] for s in sessions]
    assert last["rewards/format_reward/mean"] == pytest.approx(sum(fmt) / 4, abs=1e-6)
    # a real optimisation step happened
    assert all(math.isfinite(h["loss"]) for h in logs)
    after = [p.detach() for p in model.parameters()]
    changed = sum(float((a - b).abs().sum()) for a, b in zip(after, before, strict=True))
    assert changed > 0  # some group had reward differences: a non-zero policy gradient
    assert torch.isfinite(torch.tensor(changed))
