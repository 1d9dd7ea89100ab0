"""The tiny model of healthgym.train.tiny: deterministic, offline, chat-template ready."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from healthgym.train.tiny import CHATML, load_tiny, tiny_model, tiny_tokenizer  # noqa: E402


def test_same_seed_same_weights_and_the_global_rng_is_untouched():
    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    a = tiny_model(300, seed=7)
    after = torch.rand(3)
    b = tiny_model(300, seed=7)
    c = tiny_model(300, seed=8)
    assert torch.equal(after, expected)  # building a model does not shift the caller's stream
    pa, pb, pc = (torch.cat([p.flatten() for p in m.parameters()]) for m in (a, b, c))
    assert torch.equal(pa, pb) and not torch.equal(pa, pc)
    assert a.config.hidden_size == 32 and a.config.num_hidden_layers == 2
    assert not a.training


def test_load_tiny_pairs_the_model_with_the_chatml_tokenizer():
    model, tok = load_tiny(seed=0)
    assert tok is tiny_tokenizer()  # built once per process
    assert model.config.vocab_size == len(tok)
    assert tok.chat_template == CHATML
    text = tok.apply_chat_template(
        [{"role": "user", "content": "hi"}], add_generation_prompt=True, tokenize=False
    )
    assert text == "<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n"
    ids = tok(text, add_special_tokens=False)["input_ids"]
    logits = model(torch.tensor([ids])).logits
    assert logits.shape == (1, len(ids), len(tok)) and torch.isfinite(logits).all()
