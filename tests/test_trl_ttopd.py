"""TT-OPD on TRL: the GRPOTrainer subclass with the EMA teacher, hints and turn-level KL."""

from __future__ import annotations

import math
import os

import pytest

pytest.importorskip("trl")

from healthgym.train.trl_ttopd import TTOPDConfig, TTOPDTrainer, policy_turns


def test_policy_turns_are_the_runs_between_environment_tokens():
    assert policy_turns([1, 1, 0, 0, 1, 0, 1, 1]) == [(0, 2), (4, 5), (6, 8)]
    assert policy_turns([0, 0]) == []
    assert policy_turns([1, 1, 1]) == [(0, 3)]
    assert policy_turns([]) == []


def test_config_uses_trls_teacher_names_with_the_papers_defaults(tmp_path):
    cfg = TTOPDConfig(output_dir=str(tmp_path), use_cpu=True, report_to=[])
    # alpha 0.995 every k=5 steps, lambda 4.0, truncation K=3 turns / T=64 tokens
    assert (cfg.teacher_update_rate, cfg.teacher_sync_steps) == (0.005, 5)
    assert (cfg.kl_lambda, cfg.kl_max_turns, cfg.kl_max_tokens) == (4.0, 3, 64)


def test_trainer_refuses_missing_pieces(tmp_path):
    from trl import GRPOConfig

    with pytest.raises(TypeError, match="TTOPDConfig"):
        TTOPDTrainer(model=None, args=GRPOConfig(str(tmp_path), use_cpu=True, report_to=[]))
    with pytest.raises(ValueError, match="environment_factory"):
        TTOPDTrainer(
            model=None, args=TTOPDConfig(output_dir=str(tmp_path), use_cpu=True, report_to=[])
        )


@pytest.fixture
def _threads():
    """One torch thread (see test_trl_grpo._one_thread)."""
    import torch

    n = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(n)


@pytest.mark.slow
def test_two_ttopd_steps_on_cpu_teacher_hints_and_turn_kl_active(tmp_path, _threads):
    os.environ.setdefault("TRL_EXPERIMENTAL_SILENCE", "1")
    from healthgym.train.trl_env import environment_factory
    from test_trl_grpo import DOMAIN, TOOLS, warm_tiny  # the same warmed-up tiny model

    model, tok, dataset = warm_tiny()
    factory = environment_factory(DOMAIN, tools=TOOLS)

    args = TTOPDConfig(
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
        seed=0,
        logging_steps=1,
        save_strategy="no",
        report_to=[],
        dataloader_num_workers=0,
        teacher_update_rate=0.005,
        teacher_sync_steps=1,  # an EMA update after every step, to see it within 2 steps
        kl_lambda=4.0,
    )
    trainer = TTOPDTrainer(
        model=model,
        processing_class=tok,
        args=args,
        train_dataset=dataset,
        environment_factory=factory,
    )
    student0 = [p.detach().clone() for p in trainer.teacher.model.parameters()]
    trainer.train()
    logs = [h for h in trainer.state.log_history if "reward" in h]
    assert len(logs) == 2
    first, second = logs
    # hints went into the teacher's context and were all removed again
    for h in logs:
        assert h["ttopd/hint_tokens_inserted"] > 0
        assert h["ttopd/hint_tokens_removed"] == h["ttopd/hint_tokens_inserted"]
        assert math.isfinite(h["ttopd/kl_turn_mean"]) and h["ttopd/kl_tokens"] > 0
        assert math.isfinite(h["ttopd/kl_turn_0"])
        assert h["ttopd/lambda"] == 4.0
    # the teacher starts as the student (distance 0 in step 1), the EMA update after
    # step 1 moves it: distance > 0 in step 2, and far below the student's own move
    assert first["ttopd/teacher_distance"] == 0.0
    assert second["ttopd/teacher_distance"] > 0.0
    assert trainer.teacher.n_ema == 2 and trainer.teacher.last_step == 2
    moved = sum(
        float((a - b).abs().sum())
        for a, b in zip(trainer.teacher.model.parameters(), student0, strict=True)
    )
    assert moved > 0.0
    assert not any(p.requires_grad for p in trainer.teacher.model.parameters())
