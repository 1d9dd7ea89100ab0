"""Supervised warm-up on oracle trajectories: exact token rendering and a falling loss."""

from __future__ import annotations

import random

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")

import torch

from healthgym.agents.sampler import SampleOut
from healthgym.agents.transformers_policy import TransformersPolicy
from healthgym.domains import get_domain
from healthgym.rollout import EpisodeSpec, RolloutConfig, rollout
from healthgym.tasks import parse_task_id
from healthgym.tools.parse import format_hermes
from healthgym.train.sft import (
    SFTConfig,
    SFTExample,
    collate,
    corrupt_action,
    evaluate_sft,
    oracle_specs,
    render_oracle,
    train_sft,
    warm_start,
)
from healthgym.train.tiny import load_tiny

END = "<|im_end|>"


@pytest.fixture(scope="module")
def tiny():
    return load_tiny(seed=0)


@pytest.fixture(scope="module")
def records(tiny):
    model, tok = tiny
    specs = oracle_specs(["medical_qa"], "train", 2, seed=3)
    return render_oracle(model, tok, specs, max_turns=3, policy_kwargs={"compact_tools": True})


def test_oracle_specs_are_seeded_samples():
    a = oracle_specs(["medical_qa", "psychiatry"], "train", 3, seed=1)
    assert a == oracle_specs(["medical_qa", "psychiatry"], "train", 3, seed=1)
    assert [s.domain for s in a] == ["medical_qa"] * 3 + ["psychiatry"] * 3
    assert a != oracle_specs(["medical_qa", "psychiatry"], "train", 3, seed=2)
    train = set(get_domain("medical_qa").indices("train"))
    assert {s.index for s in a[:3]} <= train and len({s.index for s in a[:3]}) == 3


def test_render_is_the_whole_conversation_tokenised_once(tiny, records):
    """Appending turns gives exactly the ids of the full chat rendered and tokenised in one
    go (no drift at turn boundaries); the loss mask covers the assistant turns only."""
    _, tok = tiny
    assert len(records) == 2
    for r in records:
        assert r["reward"] == 1.0 and r["ended_by"] == "submitted"
        ids = r["prompt_ids"] + r["completion_ids"]
        full = tok.apply_chat_template(r["messages"], tokenize=False)
        whole = tok(full, add_special_tokens=False)["input_ids"]
        # the template writes "\n" after the last <|im_end|>; the model stops before it
        assert whole[: len(ids)] == ids and tok.decode(whole[len(ids) :]) == "\n"
        assert tok.decode(r["prompt_ids"]).endswith("<|im_start|>assistant\n")
        spans = r["turn_spans"]
        mask = [0] * len(r["env_mask"])
        for s, e in spans:
            mask[s:e] = [1] * (e - s)
        assert r["env_mask"] == mask and r["loss_mask"] == mask
        task = get_domain("medical_qa").task(parse_task_id(r["task_id"])[1])
        wanted = [format_hermes(c.name, c.arguments) + END for c in task.reference.calls]
        assert [tok.decode(r["completion_ids"][s:e]) for s, e in spans] == wanted
        assert all(t["text"] + END == w for t, w in zip(r["turns"], wanted, strict=True))


class _ReplaySampler(TransformersPolicy):
    """The real policy (batching worker, sessions) whose sampler returns given ids."""

    def __init__(self, model, tok, scripts, **kw):
        super().__init__(model, tok, batch_wait_s=0.0, **kw)
        self.scripts = scripts  # prompt ids (tuple) -> list of turns' ids

    def _sample(self, batch):
        outs = []
        for r in batch:
            seq = r.session.seq
            turns = self.scripts[tuple(r.session.tokens.prompt_ids)]
            ids = turns[len(r.session.tokens.turn_spans)]
            seq.ids += ids
            outs.append(SampleOut(ids, [0.0] * len(ids), "stop", len(seq.ids) - len(ids)))
        return outs


def test_render_equals_a_rollout_that_samples_the_same_ids(tiny, records):
    model, tok = tiny
    scripts = {
        tuple(r["prompt_ids"]): [r["completion_ids"][s:e] for s, e in r["turn_spans"]]
        for r in records
    }
    specs = [EpisodeSpec("medical_qa", parse_task_id(r["task_id"])[1]) for r in records]
    policy = _ReplaySampler(model, tok, scripts, compact_tools=True)
    replayed = rollout(policy, specs, RolloutConfig(max_turns=3))
    for a, b in zip(replayed, records, strict=True):
        assert a["error"] is None and a["reward"] == b["reward"] == 1.0
        for key in ("prompt_ids", "completion_ids", "env_mask", "turn_spans", "messages"):
            assert a[key] == b[key], key


def test_turn_limit_cuts_a_turn_like_sampling(tiny):
    model, tok = tiny
    specs = oracle_specs(["medical_qa"], "train", 1, seed=3)
    kw = {"compact_tools": True, "max_new_tokens": 6}
    (r,) = render_oracle(model, tok, specs, max_turns=1, policy_kwargs=kw)
    assert r["turn_spans"] == [[0, 6]] and len(r["completion_ids"]) == 6
    assert r["turns"][0]["finish_reason"] == "length"
    assert r["reward_components"]["format"] == 0.0  # the cut call no longer parses


def test_corruption_knob(tiny):
    rng = random.Random(0)
    text = '<tool_call>{"name": "x"}</tool_call>'
    bad = corrupt_action(text, random.Random(0))
    assert bad == corrupt_action(text, random.Random(0)) and bad != text
    assert 0 < len(text) - len(bad) <= len(text) // 2 and corrupt_action("a", rng) == ""
    model, tok = tiny
    specs = oracle_specs(["medical_qa"], "train", 2, seed=3)
    kw = {"compact_tools": True}
    noisy = render_oracle(model, tok, specs, max_turns=1, corrupt_prob=1.0, policy_kwargs=kw)
    clean = render_oracle(model, tok, specs, max_turns=1, policy_kwargs=kw)
    # a valid search call and no answer: no valid submission, composite 0; format 1.0
    assert [r["reward"] for r in clean] == [0.0, 0.0]
    assert [r["reward_components"]["format"] for r in clean] == [1.0, 1.0]
    assert all(
        n["turns"][0]["text"] != c["turns"][0]["text"] for n, c in zip(noisy, clean, strict=True)
    )
    fmt = sum(n["reward_components"]["format"] for n in noisy)
    assert fmt < sum(c["reward_components"]["format"] for c in clean)
    with pytest.raises(ValueError):
        render_oracle(model, tok, specs, corrupt_prob=1.5)


def test_collate_labels_only_assistant_tokens():
    ex = [SFTExample([5, 6, 7, 8], [0, 0, 1, 1]), SFTExample([9, 10], [0, 1])]
    b = collate(ex, pad_id=0)
    assert b["input_ids"].tolist() == [[5, 6, 7, 8], [9, 10, 0, 0]]
    assert b["attention_mask"].tolist() == [[1, 1, 1, 1], [1, 1, 0, 0]]
    assert b["labels"].tolist() == [[-100, -100, 7, 8], [-100, 10, -100, -100]]
    rec = {"prompt_ids": [1, 2], "completion_ids": [3, 4, 5, 6], "env_mask": [1, 0, 1, 0]}
    e = SFTExample.from_record(rec)  # the trailing environment token goes
    assert e.ids == [1, 2, 3, 4, 5] and e.mask == [0, 0, 1, 0, 1]
    e = SFTExample.from_record(rec, max_length=4)  # the last 4 tokens
    assert e.ids == [2, 3, 4, 5] and e.mask == [0, 1, 0, 1]


def test_sft_lowers_the_assistant_loss(tiny, records):
    model, tok = load_tiny(seed=1)  # a fresh copy: the module's model stays untouched
    # windows of 160 tokens ending with each assistant turn (short sequences: a fast test)
    examples = []
    for r in records:
        full = SFTExample.from_record(r)
        for _, e in r["turn_spans"]:
            end = len(r["prompt_ids"]) + e
            window = SFTExample(full.ids[:end], full.mask[:end]).truncated(160)
            assert len(window.ids) == 160 and window.mask[-1] == 1
            examples.append(window)
    assert len(examples) == 6 and all(sum(x.mask) > 20 for x in examples)
    before = evaluate_sft(model, examples, tok.pad_token_id)
    cfg = SFTConfig(steps=8, batch_size=6, lr=1e-2, seed=0)
    result = train_sft(model, examples, cfg, pad_id=tok.pad_token_id)
    after = evaluate_sft(model, examples, tok.pad_token_id)
    assert len(result.losses) == 8 and not model.training
    assert result.losses[0] == pytest.approx(before, rel=1e-4)  # step 0 sees every example
    # a random model starts near ln(vocab) = ln(1200) = 7.09 nats per token
    assert before == pytest.approx(7.09, abs=0.2)
    assert after < before - 1.0 and result.losses[-1] < result.losses[0] - 1.0
    with pytest.raises(ValueError):
        train_sft(model, [SFTExample([1, 2], [0, 0])])


def test_warm_start_is_reproducible():
    runs = []
    for _ in range(2):
        model, tok = load_tiny(seed=2)
        cfg = SFTConfig(steps=2, batch_size=1, lr=1e-2, seed=4, max_length=1000)
        result, recs = warm_start(
            model,
            tok,
            ["medical_qa"],
            n_per_domain=1,
            max_turns=1,
            policy_kwargs={"compact_tools": True},
            config=cfg,
        )
        runs.append((result.losses, [r["task_id"] for r in recs], next(model.parameters())))
    assert runs[0][0] == runs[1][0] and runs[0][1] == runs[1][1]
    assert torch.equal(runs[0][2], runs[1][2])
