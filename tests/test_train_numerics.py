"""Numerics the training signal depends on (issue 22): scoring at the sampling
temperature, advantages whose length term is not blown up by the std normalisation,
chunked and tempered teacher scores, and a hint formatter that honours the template
settings and never puts the hint inside the assistant turn."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from healthgym.train.batch import build_batch, usable  # noqa: E402
from healthgym.train.config import TrainConfig  # noqa: E402
from healthgym.train.grpo import group_advantages  # noqa: E402
from healthgym.train.hints import insert_hint, strip_hint, token_logprobs  # noqa: E402
from healthgym.train.length import cosine_rewards  # noqa: E402
from healthgym.train.rewards import EpisodeRewards, episode_advantages  # noqa: E402
from healthgym.train.teacher import HintedInput, HintFormatter, teacher_logprobs  # noqa: E402
from healthgym.train.tiny import tiny_model, tiny_tokenizer  # noqa: E402
from healthgym.train.trainer import Trainer  # noqa: E402


def _cfg(tmp_path, **kw) -> TrainConfig:
    base = dict(
        algo="grpo",
        steps=1,
        tasks_per_step=1,
        group_size=3,
        max_new_tokens=8,
        max_turns=2,
        out=str(tmp_path / "run"),
        tensorboard=False,
    )
    return TrainConfig(**{**base, **kw})


def test_recomputed_logprobs_match_the_samplers_at_temperature_0_6(tmp_path):
    tr = Trainer(_cfg(tmp_path, temperature=0.6))
    with tr.threads():
        records, groups = tr.collect(1)
        kept = [(r, g) for r, g in zip(records, groups, strict=True) if usable(r) is None]
        batch = build_batch([r for r, _ in kept], [g for _, g in kept], tr.pad_id)
        with torch.no_grad():
            scored = tr._logp(tr.model, batch)
            from healthgym.train.logprobs import completion_logprobs_of

            at_t1 = completion_logprobs_of(
                tr.model, batch.prompts, batch.completions, pad_id=tr.pad_id
            )
    mask = batch.mask.bool()
    assert int(mask.sum()) > 5
    diff = (scored - batch.sampler_logp)[mask].abs().max()
    assert float(diff) < 1e-4  # the update scores the distribution that was sampled
    # the old behaviour (scoring at T=1) is visibly off-policy
    width = batch.mask.shape[1]
    at_t1 = torch.nn.functional.pad(at_t1, (0, width - at_t1.shape[1]))
    assert float((at_t1 - batch.sampler_logp)[mask].abs().max()) > 1e-2


def test_sampler_old_logprobs_are_refused_when_the_sampler_truncates(tmp_path):
    TrainConfig(old_logprobs="sampler", temperature=0.6)  # tempered, untruncated: fine
    for bad in (dict(top_p=0.9), dict(top_k=20), dict(temperature=0.0)):
        with pytest.raises(ValueError, match="old_logprobs"):
            TrainConfig(old_logprobs="sampler", **bad)
    assert TrainConfig(temperature=0.0).score_temperature == 1.0
    assert TrainConfig(temperature=0.6).score_temperature == 0.6


def _rewards(correct, n_tokens, composite, budget=256, length_weight=0.5):
    cos = cosine_rewards(correct, n_tokens, budget)
    reward = [c + length_weight * x for c, x in zip(composite, cos, strict=True)]
    comps = {"accuracy": [float(c) for c in correct]}
    return EpisodeRewards(reward, list(composite), cos, list(correct), comps)


def test_length_term_stays_small_in_an_all_wrong_group_of_similar_lengths():
    cfg = TrainConfig(length_weight=0.5, normalize_std=True)
    rw = _rewards([False] * 4, [100, 101, 102, 103], [0.1] * 4)
    groups = torch.zeros(4, dtype=torch.long)
    spread = max(rw.reward) - min(rw.reward)
    assert 0 < spread < 0.01
    # the old computation: the tiny length differences become full-size advantages
    old = group_advantages(torch.tensor(rw.reward), groups)
    assert float(old.abs().max()) > 1.0
    adv = episode_advantages(rw, groups, cfg)
    assert float(adv.abs().max()) <= spread  # centred, never rescaled
    assert float(adv.abs().max()) > 0
    assert float(adv.sum()) == pytest.approx(0.0, abs=1e-9)


def test_outcome_is_normalised_and_the_length_term_added_after():
    cfg = TrainConfig(length_weight=0.5, normalize_std=True)
    rw = _rewards([True, False, True, False], [50, 60, 200, 210], [0.9, 0.2, 0.9, 0.2])
    groups = torch.tensor([0, 0, 0, 0])
    adv = episode_advantages(rw, groups, cfg)
    outcome = group_advantages(torch.tensor(rw.composite), groups)
    length = 0.5 * torch.tensor(rw.cosine)
    assert torch.allclose(adv, (outcome + length - length.mean()).float(), atol=1e-6)
    assert adv[0] > adv[2] > adv[1]  # correct and short best, wrong worst
    # without std normalisation it is exactly Dr. GRPO's r - mean
    dr = episode_advantages(rw, groups, TrainConfig(length_weight=0.5, normalize_std=False))
    r = torch.tensor(rw.reward)
    assert torch.allclose(dr, (r - r.mean()).float(), atol=1e-6)


@pytest.fixture(scope="module")
def small():
    return tiny_model(300, seed=1)


def test_teacher_scores_are_tempered_and_chunking_changes_nothing(small):
    gen = torch.Generator().manual_seed(2)

    def ids(n):
        return torch.randint(5, 300, (n,), generator=gen).tolist()

    p = ids(8)
    items = [HintedInput(p, ids(3 + k), ids(2), 6) for k in range(5)]
    whole = teacher_logprobs(small, items, 8, temperature=0.6, chunk_rows=None)
    chunked = teacher_logprobs(small, items, 8, temperature=0.6, chunk_rows=2)
    assert torch.allclose(whole.logp, chunked.logp, atol=1e-6)
    assert whole.hint_tokens_inserted == chunked.hint_tokens_inserted == 10
    for b, it in enumerate(items):
        teacher_ids, keep = insert_hint(it.prompt, it.completion, it.hint_ids, it.at)
        with torch.no_grad():
            logits = small(torch.tensor([teacher_ids])).logits[0] / 0.6
        ref = strip_hint(token_logprobs(logits, torch.tensor(teacher_ids)), keep)[len(p) :]
        assert torch.allclose(chunked.logp[b, : len(it.completion)], ref, atol=1e-5)
    with pytest.raises(ValueError):
        teacher_logprobs(small, items, 8, temperature=0.0)


THINK_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n"
    "{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n"
    "{% if enable_thinking is defined and not enable_thinking %}<think>\n\n</think>\n\n"
    "{% endif %}{% endif %}"
)


def test_hint_formatter_honours_chat_template_kwargs_and_refuses_a_misplaced_hint():
    tok = tiny_tokenizer()
    messages = [{"role": "user", "content": "Q?"}]
    text = tok.apply_chat_template(
        messages,
        chat_template=THINK_TEMPLATE,
        add_generation_prompt=True,
        tokenize=False,
        enable_thinking=False,
    )
    prompt = tok(text, add_special_tokens=False)["input_ids"]
    fmt = HintFormatter(tok, THINK_TEMPLATE, chat_template_kwargs={"enable_thinking": False})
    hint_ids, at = fmt("Be careful.", prompt, messages)
    teacher_ids, _ = insert_hint(prompt, [], hint_ids, at)
    assert tok.decode(teacher_ids) == (
        "<|im_start|>user\nQ?<|im_end|>\n<|im_start|>user\nBe careful.<|im_end|>\n"
        "<|im_start|>assistant\n<think>\n\n</think>\n\n"
    )
    # without the kwargs the generation prompt is not where the formatter expects it:
    # an error, never a hint silently inside the assistant turn
    with pytest.raises(ValueError, match="generation prompt"):
        HintFormatter(tok, THINK_TEMPLATE)("Be careful.", prompt, messages)


def test_lora_tt_opd_step_follows_the_merged_student(tmp_path):
    pytest.importorskip("peft")
    tr = Trainer(_cfg(tmp_path, algo="tt-opd", lora=True, ema_every=1, ema_alpha=0.5))
    assert tr.teacher is not None and tr.teacher.lora
    assert not any("lora_" in n for n, _ in tr.teacher.model.named_parameters())
    with tr.threads():
        records, groups = tr.collect(1)
        records[0]["reward_components"] = {**records[0]["reward_components"], "composite": 0.9}
        stats = tr.update(records, groups, 1)
    assert stats["teacher_update"] == "ema"
    # an EMA step halves the distance to the (merged) student exactly
    before = stats["teacher_distance_before_update"]
    assert before > 0
    assert stats["teacher_distance"] == pytest.approx(0.5 * before, rel=1e-4)
