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
    # the distance is logged after each step's teacher update: the teacher starts as the
    # student and follows it by 0.5% per step, so it lags behind by almost the student's
    # whole move (distance > 0 from step 1 on)
    assert first["ttopd/teacher_distance"] > 0.0
    assert second["ttopd/teacher_distance"] > 0.0
    assert trainer.teacher.n_ema == 2 and trainer.teacher.last_step == 2
    moved = sum(
        float((a - b).abs().sum())
        for a, b in zip(trainer.teacher.model.parameters(), student0, strict=True)
    )
    assert moved > 0.0
    assert not any(p.requires_grad for p in trainer.teacher.model.parameters())


def _fresh_trainer(tmp_path, **kw):
    """A TTOPDTrainer on a fresh tiny model (no warm-up: nothing here trains)."""
    os.environ.setdefault("TRL_EXPERIMENTAL_SILENCE", "1")
    from trl.chat_template_utils import qwen2_5_chat_template

    from healthgym.train.tiny import tiny_model, tiny_tokenizer
    from healthgym.train.trl_env import build_dataset, environment_factory

    tok = tiny_tokenizer(chat_template=qwen2_5_chat_template)
    model = tiny_model(len(tok), seed=0)
    base = dict(
        output_dir=str(tmp_path),
        use_cpu=True,
        bf16=False,
        per_device_train_batch_size=2,
        num_generations=2,
        max_steps=2,
        max_completion_length=16,
        gradient_checkpointing=False,
        report_to=[],
        save_strategy="no",
    )
    args = TTOPDConfig(**{**base, **kw})
    return TTOPDTrainer(
        model=model,
        processing_class=tok,
        args=args,
        train_dataset=build_dataset(["medical_qa"], "train", limit_per_domain=2),
        environment_factory=environment_factory("medical_qa", tools=["submit_answer"]),
    )


def test_the_trl_teacher_scores_with_its_own_weights_not_the_students(tmp_path):
    """GRPOTrainer patches the student's forward with a closure over it; the teacher
    must score with the teacher's weights (issue 22, defect 1)."""
    import torch

    from healthgym.train.teacher import HintedInput, teacher_logprobs

    trainer = _fresh_trainer(tmp_path)
    student = trainer.accelerator.unwrap_model(trainer.model)
    assert "forward" in student.__dict__  # TRL's patch is there: the test is meaningful
    assert "forward" not in trainer.teacher.model.__dict__
    items = [HintedInput([3, 4, 5, 6, 7], [8, 9, 10, 11], [12, 13], 4)]

    def scores():
        return teacher_logprobs(trainer.teacher.model, items, 4).logp

    before = scores()
    with torch.no_grad():
        for p in student.parameters():
            p.add_(0.3)
    assert torch.equal(scores(), before)  # the student moved, the teacher did not
    with torch.no_grad():
        for p in trainer.teacher.model.parameters():
            p.add_(0.05 * torch.randn_like(p))
    assert not torch.allclose(scores(), before, atol=1e-4)  # the teacher moved
    # the teacher lives where the accelerator puts the student
    assert next(trainer.teacher.model.parameters()).device == trainer.accelerator.device


def test_linear_lambda_without_max_steps_is_built_when_training_starts(tmp_path):
    from types import SimpleNamespace

    from healthgym.train.trl_ttopd import _TeacherSync

    trainer = _fresh_trainer(tmp_path, max_steps=-1, num_train_epochs=1, kl_schedule="linear")
    assert trainer.kl_schedule is None
    sync = next(c for c in trainer.callback_handler.callbacks if isinstance(c, _TeacherSync))
    with pytest.raises(ValueError, match="max_steps"):
        sync.on_train_begin(trainer.args, SimpleNamespace(max_steps=0), None)
    sync.on_train_begin(trainer.args, SimpleNamespace(max_steps=10), None)
    assert trainer.kl_schedule is not None and trainer.kl_schedule.total_steps == 10
    assert trainer.kl_schedule.value(5) == pytest.approx(2.0)  # 4 -> 0 over 10 steps


def test_resume_refuses_a_checkpoint_without_the_teacher(tmp_path):
    trainer = _fresh_trainer(tmp_path)
    (tmp_path / "checkpoint-1").mkdir()
    with pytest.raises(ValueError, match="teacher"):
        trainer.load_ttopd_state(tmp_path / "checkpoint-1")


@pytest.mark.slow
def test_checkpoints_carry_the_teacher_and_lambda_and_resume_restores_them(tmp_path, _threads):
    import torch

    from healthgym.train.trl_env import environment_factory
    from test_trl_grpo import DOMAIN, TOOLS, warm_tiny

    def make(out, **kw):
        model, tok, dataset = warm_tiny()
        args = TTOPDConfig(
            output_dir=str(out),
            use_cpu=True,
            bf16=False,
            per_device_train_batch_size=4,
            num_generations=2,
            max_steps=2,
            max_completion_length=32,
            gradient_checkpointing=False,
            max_tool_calling_iterations=1,
            learning_rate=1e-3,
            beta=0.0,
            seed=0,
            logging_steps=1,
            save_strategy="steps",
            save_steps=1,
            report_to=[],
            dataloader_num_workers=0,
            teacher_update_rate=0.5,
            teacher_sync_steps=1,
            kl_schedule="linear",
            kl_lambda=4.0,
            **kw,
        )
        return TTOPDTrainer(
            model=model,
            processing_class=tok,
            args=args,
            train_dataset=dataset,
            environment_factory=environment_factory(DOMAIN, tools=TOOLS),
        )

    full = make(tmp_path / "full")
    full.train()
    logs = [h for h in full.state.log_history if "ttopd/lambda" in h]
    # 1-based steps: lambda(1) = 4 * (1 - 1/2), lambda(2) = 0 (not 4 and 2)
    assert [h["ttopd/lambda"] for h in logs] == [pytest.approx(2.0), pytest.approx(0.0)]
    # the distance is logged after the step's teacher update, once per logging step
    assert all(h["ttopd/teacher_distance"] > 0 for h in logs)
    for step in (1, 2):
        assert (tmp_path / "full" / f"checkpoint-{step}" / "ttopd_state.pt").is_file()

    # restoring checkpoint-2 gives exactly the trained teacher and schedule
    other = make(tmp_path / "other")
    other.load_ttopd_state(tmp_path / "full" / "checkpoint-2")
    for (n, a), b in zip(
        full.teacher.model.state_dict().items(),
        other.teacher.model.state_dict().values(),
        strict=True,
    ):
        assert torch.equal(a, b), n
    assert (other.teacher.n_ema, other.teacher.last_step) == (2, 2)
    assert other.kl_schedule.state_dict() == full.kl_schedule.state_dict()

    # resuming from checkpoint-1 continues the teacher: step 2's update is its second
    # (a fresh teacher would have had one) and the teacher differs from the initial copy
    resumed = make(tmp_path / "full")
    initial = [p.detach().clone() for p in resumed.teacher.model.parameters()]
    resumed.train(resume_from_checkpoint=str(tmp_path / "full" / "checkpoint-1"))
    assert (resumed.teacher.n_ema, resumed.teacher.last_step) == (2, 2)
    assert any(
        not torch.equal(a, b)
        for a, b in zip(initial, resumed.teacher.model.parameters(), strict=True)
    )


def test_trl_is_pinned_to_the_tested_range():
    """The subclass overrides private GRPOTrainer methods: pyproject pins the range it is
    tested with, and the installed trl is inside it."""
    import re
    from pathlib import Path

    import trl
    from packaging.version import Version

    from healthgym.train.trl_ttopd import TESTED_TRL

    text = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text()
    pins = re.findall(r'"trl([^"]*)"', text)
    low, high = TESTED_TRL
    assert pins == [f">={low},<{high}"]
    assert Version(low) <= Version(trl.__version__) < Version(high)
