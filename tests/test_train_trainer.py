"""The single-machine trainer: batches, log-probs, hinted teacher scores, rewards, dropped
rollouts and an exact resume, on the tiny model."""

from __future__ import annotations

import json
import math

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from healthgym.train import collect as collect_mod  # noqa: E402
from healthgym.train.batch import build_batch, usable  # noqa: E402
from healthgym.train.config import TrainConfig  # noqa: E402
from healthgym.train.hints import insert_hint, strip_hint, token_logprobs  # noqa: E402
from healthgym.train.logprobs import completion_logprobs_of, scored_logprobs  # noqa: E402
from healthgym.train.metrics import read_metrics  # noqa: E402
from healthgym.train.rewards import episode_rewards  # noqa: E402
from healthgym.train.teacher import HintedInput, HintFormatter, teacher_logprobs  # noqa: E402
from healthgym.train.tiny import tiny_model, tiny_tokenizer  # noqa: E402
from healthgym.train.trainer import Trainer  # noqa: E402


@pytest.fixture(scope="module")
def small():
    return tiny_model(300, seed=1)


def _ids(n: int, gen: torch.Generator) -> list[int]:
    return torch.randint(5, 300, (n,), generator=gen).tolist()


def _full_logp(model, ids: list[int]) -> torch.Tensor:
    """Reference: one unpadded forward pass, log p(ids[j] | ids[:j]) for every j."""
    return token_logprobs(model(torch.tensor([ids])).logits[0], torch.tensor(ids))


def test_completion_logprobs_equal_unpadded_forward_passes(small):
    gen = torch.Generator().manual_seed(0)
    prompts = [_ids(n, gen) for n in (7, 12, 3)]
    comps = [_ids(n, gen) for n in (5, 2, 9)]
    for chunk in (None, 2):
        out = completion_logprobs_of(small, prompts, comps, pad_id=0, chunk_size=chunk)
        assert out.shape == (3, 9)
        for b, (p, c) in enumerate(zip(prompts, comps, strict=True)):
            ref = _full_logp(small, p + c)[len(p) :]
            assert torch.allclose(out[b, : len(c)], ref, atol=1e-5)
            assert torch.all(out[b, len(c) :] == 0)
    with pytest.raises(ValueError):
        scored_logprobs(small, [[1, 2]], [0])


def test_teacher_scores_strip_the_hint_and_share_group_prefixes(small, monkeypatch):
    gen = torch.Generator().manual_seed(1)
    p1, p2 = _ids(9, gen), _ids(6, gen)
    items = [
        HintedInput(p1, _ids(4, gen), _ids(3, gen), 7),
        HintedInput(p1, _ids(6, gen), _ids(2, gen), 7),
        HintedInput(p2, _ids(5, gen), _ids(4, gen), 4),
        HintedInput(p1, _ids(1, gen), [], 9),  # no hint, at the very end of the prompt
    ]
    prefix_passes = []
    original = small.forward

    def spy(*args, **kwargs):
        if kwargs.get("past_key_values") is None:
            prefix_passes.append(kwargs["input_ids"].shape)
        return original(*args, **kwargs)

    monkeypatch.setattr(small, "forward", spy)
    scores = teacher_logprobs(small, items, 6)
    monkeypatch.undo()
    # p1[:7] is shared by two rows: three prefix passes for four rows, one row each
    assert sorted(tuple(s) for s in prefix_passes) == [(1, 4), (1, 7), (1, 9)]
    assert scores.logp.shape == (4, 6)
    assert scores.hint_tokens_inserted == scores.hint_tokens_removed == 3 + 2 + 4
    for b, it in enumerate(items):
        teacher_ids, keep = insert_hint(it.prompt, it.completion, it.hint_ids, it.at)
        ref = strip_hint(_full_logp(small, teacher_ids), keep)[len(it.prompt) :]
        n = len(it.completion)
        assert torch.allclose(scores.logp[b, :n], ref, atol=1e-5)
        assert torch.all(scores.logp[b, n:] == 0)


def test_hint_is_a_chat_message_before_the_generation_prompt():
    tok = tiny_tokenizer()
    messages = [{"role": "system", "content": "S"}, {"role": "user", "content": "Q?"}]
    prompt_text = tok.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
    prompt = tok(prompt_text, add_special_tokens=False)["input_ids"]
    later = [*messages, {"role": "assistant", "content": "A"}, {"role": "user", "content": "x"}]
    hint_ids, at = HintFormatter(tok)("Be careful.", prompt, later)
    assert tok.decode(hint_ids) == "<|im_start|>user\nBe careful.<|im_end|>\n"
    gen_prompt = tok("<|im_start|>assistant\n", add_special_tokens=False)["input_ids"]
    assert at == len(prompt) - len(gen_prompt)
    teacher_ids, _ = insert_hint(prompt, [], hint_ids, at)
    assert tok.decode(teacher_ids) == (
        "<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nQ?<|im_end|>\n"
        "<|im_start|>user\nBe careful.<|im_end|>\n<|im_start|>assistant\n"
    )


def _record(comp, mask, spans, *, accuracy=1.0, composite=0.5, ended_by="submitted"):
    comps = {
        "accuracy": accuracy,
        "process": 0.4,
        "safety": 1.0,
        "format": 1.0,
        "coherence": 0.0,
        "composite": composite,
    }
    return {
        "prompt_ids": [1, 2, 3],
        "completion_ids": comp,
        "env_mask": mask,
        "logprobs": [-0.5 if m else 0.0 for m in mask],
        "turn_spans": spans,
        "reward_components": comps,
        "ended_by": ended_by,
        "error": None,
        "turns": [{"tool_calls": [{"name": "a"}]}, {"tool_calls": []}],
    }


def test_build_batch_pads_and_marks_turns():
    a = _record([10, 11, 0, 0, 12], [1, 1, 0, 0, 1], [[0, 2], [4, 5]])
    b = _record([13], [1], [[0, 1]])
    batch = build_batch([a, b], [0, 0], pad_id=99)
    assert batch.completion_ids.tolist() == [[10, 11, 0, 0, 12], [13, 99, 99, 99, 99]]
    assert batch.mask.tolist() == [[1, 1, 0, 0, 1], [1, 0, 0, 0, 0]]
    assert batch.turn_index.tolist() == [[0, 0, -1, -1, 1], [0, -1, -1, -1, -1]]
    assert batch.token_in_turn.tolist() == [[0, 1, -1, -1, 0], [0, -1, -1, -1, -1]]
    assert batch.sampler_logp.tolist() == [[-0.5, -0.5, 0, 0, -0.5], [-0.5, 0, 0, 0, 0]]
    assert batch.policy_tokens == [3, 1]
    assert batch.select([1]).completion_ids.tolist() == [[13, 99, 99, 99, 99]]


def test_unusable_records_say_why():
    ok = _record([10], [1], [[0, 1]])
    assert usable(ok) is None
    assert "Boom" in usable({**ok, "error": {"type": "Boom", "message": "x"}})
    assert usable({**ok, "reward_components": None}).startswith("no reward")
    assert usable({**ok, "env_mask": [0]}) == "no generated token"
    assert usable({**ok, "prompt_ids": None}).startswith("no token-level")


def test_episode_reward_is_composite_plus_weighted_cosine_length_reward():
    cfg = TrainConfig(max_turns=2, max_new_tokens=16, length_weight=0.5)  # budget T = 32
    right = _record([5] * 8, [1] * 8, [[0, 8]], accuracy=1.0, composite=0.5)
    wrong = _record([5] * 16, [1] * 16, [[0, 16]], accuracy=0.0, composite=0.2)
    cut = _record([5] * 4, [1] * 4, [[0, 4]], accuracy=0.0, composite=0.1, ended_by="turn_limit")
    rw = episode_rewards([right, wrong, cut], cfg)
    # correct, 8 of 32 tokens: 0.5 + 0.5 * (1 - 0.5) * (1 + cos(pi / 4))
    cos_right = 0.5 + 0.25 * (1 + math.cos(math.pi / 4))
    # wrong, 16 of 32 tokens: -1 + 0.5 * (-0.5 + 1) * (1 + cos(pi / 2)) = -0.75
    assert rw.cosine == pytest.approx([cos_right, -0.75, -1.0])
    assert rw.correct == [True, False, False]
    assert rw.reward == pytest.approx([0.5 + 0.5 * cos_right, 0.2 - 0.375, 0.1 - 0.5])
    assert rw.components["process"] == [0.4, 0.4, 0.4]


def _cfg(tmp_path, name: str, **kw) -> TrainConfig:
    base = dict(
        algo="tt-opd",
        steps=4,
        tasks_per_step=1,
        group_size=2,
        max_new_tokens=6,
        max_turns=2,
        out=str(tmp_path / name),
        tensorboard=False,
        save_every=2,
        ema_every=2,
    )
    return TrainConfig(**{**base, **kw})


def _strip_times(rows):
    return [{k: v for k, v in r.items() if not k.endswith("_seconds")} for r in rows]


def test_resume_is_exact(tmp_path):
    full = Trainer(_cfg(tmp_path, "full"))
    full.run()
    first = Trainer(_cfg(tmp_path, "split", steps=2))
    first.run()
    second = Trainer(_cfg(tmp_path, "split", resume=True))
    assert second.resume() == 2
    second.run()
    a = _strip_times(read_metrics(tmp_path / "full" / "metrics.jsonl"))
    b = _strip_times(read_metrics(tmp_path / "split" / "metrics.jsonl"))
    assert [r["step"] for r in b] == [1, 2, 3, 4]
    assert a == b
    assert [r["teacher_update"] for r in a] == [None, "ema", None, "ema"]
    for (n, p), (_, q) in zip(
        full.model.named_parameters(), second.model.named_parameters(), strict=True
    ):
        assert torch.equal(p, q), n
    assert full.teacher.distance(second.teacher.model) == 0.0
    assert (tmp_path / "split" / "checkpoints" / "step_000004" / "state.pt").is_file()
    assert (tmp_path / "full" / "final" / "config.json").is_file()


def test_failed_rollouts_are_dropped_and_logged(tmp_path, monkeypatch):
    original = collect_mod.rollout

    def flaky(policy, specs, config):
        records = original(policy, specs, config)
        records[0] = {**records[0], "error": {"type": "ServerError", "message": "boom"}}
        return records

    monkeypatch.setattr(collect_mod, "rollout", flaky)
    cfg = _cfg(tmp_path, "flaky", algo="grpo", steps=1, group_size=3, save_every=0)
    run_dir = Trainer(cfg).run()
    (m,) = read_metrics(run_dir / "metrics.jsonl")
    assert m["episodes"] == 3 and m["failed_rollouts"] == 1
    assert math.isfinite(m["loss"]) and math.isfinite(m["grad_norm"])
    failures = [json.loads(x) for x in (run_dir / "failures.jsonl").read_text().splitlines()]
    assert len(failures) == 1 and failures[0]["reason"] == "ServerError: boom"
    assert failures[0]["step"] == 1 and failures[0]["task_id"].startswith("medical_qa-")


@pytest.mark.parametrize("old", ["policy", "sampler"])
def test_grpo_update_follows_the_group_advantages(tmp_path, old):
    tr = Trainer(_cfg(tmp_path, old, algo="grpo", old_logprobs=old))
    with tr.threads():
        records, groups = tr.collect(1)
        # two episodes of one task: make the first one better than the second
        records[0]["reward_components"] = {**records[0]["reward_components"], "composite": 0.9}
        before = [p.detach().clone() for p in tr.model.parameters()]
        stats = tr.update(records, groups, 1)
    n0, n1 = (sum(r["env_mask"]) for r in records)
    # outcome (r - mean) / sample std for a group of two: +-1/sqrt(2); the length term
    # is added after the normalisation, centred: +-half the length rewards' difference
    rw = episode_rewards(records, tr.config)
    half = tr.config.length_weight * (rw.cosine[0] - rw.cosine[1]) / 2
    a0, a1 = 1 / math.sqrt(2) + half, -1 / math.sqrt(2) - half
    assert stats["advantage_abs_mean"] == pytest.approx((abs(a0) + abs(a1)) / 2, abs=1e-5)
    assert stats["loss_grpo"] == pytest.approx(-(a0 * n0 + a1 * n1) / (n0 + n1), abs=1e-5)
    # old = the policy before the update: ratios start at 1; the sampler's logprobs (at
    # temperature 1) are the same numbers, token for token, up to float error
    assert stats["ratio_mean"] == pytest.approx(1.0, abs=1e-4)
    assert stats["clip_fraction"] == 0.0
    assert stats["grad_norm"] > 0
    after = list(tr.model.parameters())
    assert any(not torch.equal(b, p) for b, p in zip(before, after, strict=True))
    assert "teacher_distance" not in stats and stats["kl_coef"] == 0.0


@pytest.mark.parametrize("aggregation", ["token_mean", "seq_mean_token_mean"])
def test_micro_batches_give_the_whole_batch_loss_and_step(tmp_path, aggregation):
    kw = dict(group_size=3, aggregation=aggregation, kl_ref_coef=0.1)
    whole = Trainer(_cfg(tmp_path, "whole", **kw))
    split = Trainer(_cfg(tmp_path, "split", micro_batch_size=1, **kw))
    with whole.threads():
        records, groups = whole.collect(1)
        records[1]["reward_components"] = {**records[1]["reward_components"], "composite": 0.7}
        a = whole.update(records, groups, 1)
        b = split.update(records, groups, 1)
    for key in ("loss", "loss_grpo", "kl_turn_mean", "kl_ref", "grad_norm", "clip_fraction"):
        assert a[key] == pytest.approx(b[key], rel=1e-4, abs=1e-7), key
    for p, q in zip(whole.model.parameters(), split.model.parameters(), strict=True):
        assert torch.allclose(p, q, atol=1e-6)
