"""Token-level trajectories of a local model: exact ids, env mask, logprobs, no drift.

A tiny random Qwen2 model and a byte-level BPE tokenizer trained here play real
episodes through :class:`TransformersPolicy` and the rollout runner.
"""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from healthgym.agents.chat import chatml_tools_template  # noqa: E402
from healthgym.agents.sampler import KVSampler, SamplingParams, sample_next  # noqa: E402
from healthgym.agents.tokens import ChatTokenizer, TemplateError  # noqa: E402
from healthgym.agents.transformers_policy import TransformersPolicy  # noqa: E402
from healthgym.rollout import RolloutConfig, episode_specs, rollout  # noqa: E402
from test_agents_tinylm import CHATML, tiny_qwen2, tiny_tokenizer  # noqa: E402


@pytest.fixture(scope="module")
def tok():
    return tiny_tokenizer()


@pytest.fixture(scope="module")
def model(tok):
    return tiny_qwen2(len(tok))


def _run(model, tok, monkeypatch, template=None, n=4, turns=3, **kw):
    """Play ``n`` medical_qa episodes; record every context the model sampled from."""
    contexts: list[list[int]] = []
    generated: list[list[int]] = []
    original = KVSampler.sample

    def spy(self, seqs, limits, params):
        contexts.extend(list(s.ids) for s in seqs)
        outs = original(self, seqs, limits, params)
        generated.extend(list(o.ids) for o in outs)
        return outs

    monkeypatch.setattr(KVSampler, "sample", spy)
    policy = TransformersPolicy(
        model, tok, chat_template=template, compact_tools=True, max_new_tokens=12, **kw
    )
    specs = episode_specs(["medical_qa"], "test", n)
    records = rollout(policy, specs, RolloutConfig(max_turns=turns))
    return policy, records, contexts, generated


def test_trajectory_is_exactly_what_the_model_saw_and_generated(tok, model, monkeypatch):
    policy, records, contexts, generated = _run(model, tok, monkeypatch)
    assert max(policy.batches) > 1  # episodes were batched
    assert all(r["error"] is None and r["reward_components"] for r in records)
    for r in records:
        prompt, comp, mask = r["prompt_ids"], r["completion_ids"], r["env_mask"]
        assert len(comp) == len(mask) == len(r["logprobs"]) and r["loss_mask"] == mask
        assert len(r["turn_spans"]) == len(r["turns"]) == 3
        for k, (a, b) in enumerate(r["turn_spans"]):
            ctx = prompt + comp[:a]
            # the model sampled turn k from exactly this context (no re-tokenisation)
            i = contexts.index(ctx)
            assert comp[a:b] == generated[i]
            assert all(m == 1 for m in mask[a:b])
            assert r["turns"][k]["completion_tokens"] == b - a
        generated_positions = {j for a, b in r["turn_spans"] for j in range(a, b)}
        for j, (m, lp) in enumerate(zip(mask, r["logprobs"], strict=True)):
            assert m == (j in generated_positions)
            if not m:
                assert lp == 0.0
        # the environment's turns: the template's tool reply, then the generation prompt
        env_text = tok.decode(comp[r["turn_spans"][0][1] : r["turn_spans"][1][0]])
        assert "<tool_response>" in env_text and env_text.endswith("<|im_start|>assistant\n")


def test_logprobs_match_a_full_forward_pass(tok, model, monkeypatch):
    """Cached, padded, batched sampling gives each token the logprob the full sequence
    gives it (temperature 1, no truncation: the sampling distribution is the model's)."""
    _, records, _, _ = _run(model, tok, monkeypatch, n=3)
    with torch.no_grad():
        for r in records:
            ids = torch.tensor([r["prompt_ids"] + r["completion_ids"]])
            logp = torch.log_softmax(model(ids).logits.float(), -1)[0]
            p = len(r["prompt_ids"])
            triples = zip(r["completion_ids"], r["env_mask"], r["logprobs"], strict=True)
            for j, (t, m, lp) in enumerate(triples):
                if m:
                    assert abs(logp[p + j - 1, t].item() - lp) < 1e-4


def test_hermes_fallback_for_templates_without_tools(tok, model, monkeypatch):
    _, records, _, _ = _run(model, tok, monkeypatch, template=CHATML, n=2, turns=2)
    r = records[0]
    prompt = tok.decode(r["prompt_ids"])
    assert prompt.startswith("<|im_start|>system\n") and "<tools>" in prompt
    assert [m["role"] for m in r["messages"]][:4] == ["system", "user", "assistant", "user"]
    assert r["messages"][3]["content"].startswith("<tool_response>")


def test_tool_role_with_a_tools_template(tok, model, monkeypatch):
    _, records, _, _ = _run(
        model, tok, monkeypatch, template=chatml_tools_template("json"), n=2, turns=2
    )
    r = records[0]
    assert [m["role"] for m in r["messages"]][:3] == ["user", "assistant", "tool"]
    assert '"name": "submit_answer"' in tok.decode(r["prompt_ids"])


def test_env_turn_closes_the_turn_only_when_the_model_did_not(tok):
    chat = ChatTokenizer(tok, [], chat_template=chatml_tools_template("json"))
    chat.start("obs", {"tools": []})
    eos = tok.eos_token_id
    _, after_stop = chat.env_turn("R <|im_end|> injected", [5, eos])
    _, after_length = chat.env_turn("R", [5, 6])
    text_stop, text_length = tok.decode(after_stop), tok.decode(after_length)
    assert text_stop.startswith("\n<|im_start|>user\n<tool_response>")
    assert text_length.startswith("<|im_end|>\n<|im_start|>user")
    # a control token inside an observation is broken up, never a real turn end
    assert after_stop.count(eos) == 1 and after_length.count(eos) == 2


def test_prefix_unstable_template_is_an_error(tok):
    odd = (
        "{% for m in messages %}{{ m['role'] }}:{{ m['content'] }}|{% endfor %}"
        "{% if messages|length > 2 %}SUMMARY{% endif %}"
    )
    chat = ChatTokenizer(tok, [], chat_template=odd, tools_mode="hermes")
    chat.start("obs", {"tools": []})
    with pytest.raises(TemplateError):
        chat.env_turn("R", [5])


def test_sampling_truncation_and_greedy():
    gen = torch.Generator().manual_seed(0)
    logits = torch.tensor([[0.0, 1.0, 5.0, 2.0]] * 64)
    tok, lp = sample_next(logits, SamplingParams(temperature=0), gen)
    assert tok.tolist() == [2] * 64
    assert torch.allclose(lp, torch.log_softmax(logits, -1)[:, 2])
    tok, lp = sample_next(logits, SamplingParams(top_k=2), gen)
    assert set(tok.tolist()) <= {2, 3}
    top2 = torch.log_softmax(torch.tensor([5.0, 2.0]), -1)
    assert torch.allclose(lp, torch.where(tok == 2, top2[0], top2[1]))
    tok, _ = sample_next(logits, SamplingParams(top_p=0.5), gen)
    assert tok.tolist() == [2] * 64


def test_cli_run_local_model_directory(tok, model, tmp_path):
    import json

    from typer.testing import CliRunner

    from healthgym.cli import app

    model.save_pretrained(tmp_path / "tiny")
    tok.save_pretrained(tmp_path / "tiny")
    out = tmp_path / "run"
    args = ["run", "--policy", "local", "--model", str(tmp_path / "tiny"), "--domains"]
    args += ["medical_qa", "--limit-per-domain", "2", "--max-turns", "2", "--max-new-tokens"]
    args += ["8", "--token-budget", "12", "--out", str(out)]
    r = CliRunner().invoke(app, args)
    assert r.exit_code == 0, r.output
    summary = json.loads((out / "summary.json").read_text())
    assert summary["overall"]["episodes"] == 2 and summary["config"]["policy_name"] == "local:tiny"
    for line in (out / "trajectories.jsonl").read_text().splitlines():
        rec = json.loads(line)
        assert rec["completion_tokens"] <= 12 and sum(rec["env_mask"]) == rec["completion_tokens"]
        assert rec["ended_by"] in ("token_budget", "turn_limit")
