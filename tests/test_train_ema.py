"""The gradient-free EMA teacher: exact updates, schedule, resume, peft LoRA models."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")

from torch import nn  # noqa: E402

from healthgym.train.ema import (  # noqa: E402
    EMATeacher,
    ema_update_,
    hard_copy_,
    parameter_distance,
)


class Two(nn.Module):
    """Two scalar parameters and one buffer."""

    def __init__(self, w: float, b: float) -> None:
        super().__init__()
        self.w = nn.Parameter(torch.tensor(w, dtype=torch.float64))
        self.b = nn.Parameter(torch.tensor(b, dtype=torch.float64))
        self.register_buffer("seen", torch.tensor(0.0, dtype=torch.float64))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.w * x + self.b


def _set(m: Two, w: float, b: float, seen: float = 0.0) -> None:
    with torch.no_grad():
        m.w.fill_(w)
        m.b.fill_(b)
        m.seen.fill_(seen)


def test_ema_update_is_exact_on_two_parameters() -> None:
    student = Two(1.0, 2.0)
    teacher = EMATeacher(student, alpha=0.9, update_every=1).model
    _set(student, 4.0, 6.0, seen=3.0)
    assert parameter_distance(teacher, student) == 5.0  # sqrt(3^2 + 4^2)
    ema_update_(teacher, student, 0.9)
    assert teacher.w.item() == pytest.approx(0.9 * 1 + 0.1 * 4, abs=1e-15)
    assert teacher.b.item() == pytest.approx(0.9 * 2 + 0.1 * 6, abs=1e-15)
    # theta_T - theta_S = alpha * (old theta_T - theta_S): the distance shrinks by alpha
    assert parameter_distance(teacher, student) == pytest.approx(0.9 * 5.0, abs=1e-12)
    assert teacher.seen.item() == 3.0  # buffers are copied, not averaged
    hard_copy_(teacher, student)
    assert parameter_distance(teacher, student) == 0.0
    ema_update_(teacher, student, 1.0)  # alpha 1 keeps the teacher
    ema_update_(teacher, student, 0.0)  # alpha 0 is a copy
    assert parameter_distance(teacher, student) == 0.0
    with pytest.raises(ValueError):
        ema_update_(teacher, student, 1.5)


def test_teacher_is_gradient_free_and_in_eval_mode() -> None:
    student = Two(1.0, 2.0).train()
    ema = EMATeacher(student, update_every=1)
    assert not ema.model.training
    assert all(not p.requires_grad for p in ema.model.parameters())
    assert all(p.requires_grad for p in student.parameters())  # the student is untouched
    assert ema.model.w is not student.w  # a deep copy
    x = torch.tensor(2.0, dtype=torch.float64)
    target = ema.model(x)
    assert not target.requires_grad  # the teacher builds no graph
    loss = (student(x) - target - 1.0) ** 2
    loss.backward()
    with torch.no_grad():  # a plain SGD step of the student
        for p in student.parameters():
            p -= 0.1 * p.grad
    assert all(p.grad is None for p in ema.model.parameters())
    assert ema.maybe_update(1, student) == "ema"
    assert all(p.grad is None and not p.requires_grad for p in ema.model.parameters())
    assert not ema.model.training


def test_schedule_every_k_steps_with_hard_copy_and_no_double_update() -> None:
    student = Two(0.0, 0.0)
    ema = EMATeacher(student, alpha=0.5, update_every=5, hard_copy_every=20)
    _set(student, 8.0, 0.0)
    events = {step: ema.maybe_update(step, student) for step in range(1, 21)}
    assert [s for s, e in events.items() if e == "ema"] == [5, 10, 15]
    assert events[20] == "copy"
    assert sum(e is None for e in events.values()) == 16
    assert (ema.n_ema, ema.n_copy, ema.last_step) == (3, 1, 20)
    assert ema.distance(student) == 0.0
    _set(student, 16.0, 0.0)
    assert ema.maybe_update(25, student) == "ema"
    assert ema.model.w.item() == 12.0  # 0.5 * 8 + 0.5 * 16
    assert ema.maybe_update(25, student) is None  # same step again: ignored
    assert ema.maybe_update(0, student) is None
    assert ema.model.w.item() == 12.0
    with pytest.raises(ValueError):
        EMATeacher(student, update_every=0)


def test_distance_shrinks_geometrically_for_a_fixed_student() -> None:
    student = Two(0.0, 0.0)
    ema = EMATeacher(student, alpha=0.995, update_every=5)
    _set(student, 3.0, 4.0)
    dists = []
    for step in range(1, 16):
        if ema.maybe_update(step, student):
            dists.append(ema.distance(student))
    assert dists == pytest.approx([5 * 0.995, 5 * 0.995**2, 5 * 0.995**3], abs=1e-12)


def test_state_dict_round_trip_resumes_exactly() -> None:
    student = Two(1.0, 1.0)
    ema = EMATeacher(student, alpha=0.8, update_every=2, hard_copy_every=7)
    _set(student, 2.0, -1.0, seen=4.0)
    for step in range(1, 5):
        ema.maybe_update(step, student)
    state = ema.state_dict()
    other = EMATeacher(Two(9.0, 9.0), alpha=0.1, update_every=3)
    other.load_state_dict(state)
    assert parameter_distance(other.model, ema.model) == 0.0
    assert other.model.seen.item() == 4.0
    assert (other.alpha, other.update_every, other.hard_copy_every) == (0.8, 2, 7)
    assert (other.n_ema, other.n_copy, other.last_step) == (2, 0, 4)
    assert all(not p.requires_grad for p in other.model.parameters())
    for step in range(5, 9):
        assert ema.maybe_update(step, student) == other.maybe_update(step, student)
    assert parameter_distance(other.model, ema.model) == 0.0


def test_mismatched_modules_are_a_clear_error() -> None:
    with pytest.raises(ValueError, match="differ"):
        parameter_distance(Two(0.0, 0.0), nn.Linear(1, 1))


def _lora_student(seed: int = 1):
    peft = pytest.importorskip("peft")
    from test_agents_tinylm import tiny_qwen2

    return peft.get_peft_model(
        tiny_qwen2(64, seed=seed), peft.LoraConfig(r=2, target_modules=["q_proj", "v_proj"])
    )


def test_ema_teacher_of_a_peft_lora_model_averages_the_merged_weights() -> None:
    student = _lora_student()
    ema = EMATeacher(student, alpha=0.5, update_every=1, trainable_only=True)
    # the teacher is the merged model: W0 + s*B@A, a plain causal LM without adapters
    assert type(ema.model) is type(student.get_base_model())
    assert all(not p.requires_grad for p in ema.model.parameters())
    assert not any("lora_" in n for n, _ in ema.model.named_parameters())
    lora = {n: p for n, p in student.named_parameters() if p.requires_grad}
    assert lora and all("lora_" in n for n in lora)
    assert ema.distance(student) == 0.0  # B starts at 0: the delta is 0
    gen = torch.Generator().manual_seed(0)
    with torch.no_grad():
        for p in lora.values():
            p.copy_(torch.randn(p.shape, generator=gen))
    layer = student.base_model.model.model.layers[0].self_attn.q_proj
    w0 = layer.base_layer.weight.detach().clone()
    delta = layer.get_delta_weight("default").detach().clone()
    d0 = ema.distance(student)
    assert d0 > 0.0
    assert ema.maybe_update(1, student) == "ema"
    teacher_q = ema.model.model.layers[0].self_attn.q_proj.weight
    # exact: the average of the products, W0 + 0.5 * s * B @ A ...
    assert torch.allclose(teacher_q, w0 + 0.5 * delta, atol=1e-6)
    # ... not the product of the averages (A and B averaged separately: 0.25 * s * B @ A)
    assert not torch.allclose(teacher_q, w0 + 0.25 * delta, atol=1e-3)
    assert ema.distance(student) == pytest.approx(0.5 * d0, rel=1e-5)
    # a hard copy makes the teacher compute exactly what the student computes
    ema.hard_copy_every = 2
    assert ema.maybe_update(2, student) == "copy"
    ids = torch.tensor([[1, 2, 3, 4]])
    with torch.no_grad():
        t_out = ema.model(input_ids=ids).logits
        s_out = student(input_ids=ids).logits
    assert torch.allclose(t_out, s_out, atol=1e-5)
    assert ema.distance(student) == pytest.approx(0.0, abs=1e-5)


def test_the_teacher_runs_its_own_weights_after_trl_patches_forward() -> None:
    """TRL's GRPOTrainer replaces ``model.forward`` by a closure over the student's
    original forward; the teacher (a deep copy) must not call it."""
    pytest.importorskip("trl")
    from trl.trainer.utils import add_fused_lm_head

    from test_agents_tinylm import tiny_qwen2

    student = tiny_qwen2(64, seed=3)
    add_fused_lm_head(student)
    assert "forward" in student.__dict__  # the patch this guards against
    ema = EMATeacher(student, alpha=0.9, update_every=1)
    ids = torch.tensor([[5, 6, 7, 8, 9]])

    def scores() -> torch.Tensor:
        with torch.no_grad():
            return ema.model(input_ids=ids).logits.clone()

    before = scores()
    with torch.no_grad():  # perturb the student: the teacher's scores do not move
        for p in student.parameters():
            p.add_(0.5)
    assert torch.equal(scores(), before)
    with torch.no_grad():  # perturb the teacher: its scores move
        for p in ema.model.parameters():
            p.add_(0.05 * torch.randn_like(p))
    assert not torch.allclose(scores(), before, atol=1e-4)
