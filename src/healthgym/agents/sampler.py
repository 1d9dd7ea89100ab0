"""Batched sampling for local causal LMs, with each episode's KV cache kept across turns.

Multi-turn episodes grow by appending; recomputing the whole context every turn would
cost O(turns x context). Here each sequence keeps its own cache: a turn prefills only
the tokens added since the last one (the environment's reply), then all sequences of
the batch decode in lockstep with their caches left-padded to a common length
(padding masked, explicit position ids, so every row sees exactly its own tokens).
A row leaves the batch when it emits a stop token or reaches its limit, and its cache
is saved for its next turn.

``logprobs`` are the log-probabilities of the sampled tokens under the sampling
distribution (after temperature, top-k and top-p); with ``temperature=0`` (greedy)
they are those of the unmodified distribution.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import torch
from transformers import DynamicCache
from transformers.cache_utils import DynamicLayer

KV = list[tuple[torch.Tensor, torch.Tensor]]


class ContextLimitError(RuntimeError):
    """The episode's context has reached the model's maximum length."""


@dataclass(frozen=True)
class SamplingParams:
    temperature: float = 1.0
    top_p: float = 1.0
    top_k: int = 0


@dataclass
class SeqState:
    """One episode's token stream and the KV cache of its first ``cached`` tokens."""

    ids: list[int]
    cache: KV | None = None
    cached: int = 0


@dataclass
class SampleOut:
    ids: list[int] = field(default_factory=list)
    logprobs: list[float] = field(default_factory=list)
    finish_reason: str = "length"
    context_tokens: int = 0  # tokens the model conditioned on for the first sample


def sample_next(
    logits: torch.Tensor, params: SamplingParams, generator: torch.Generator | None
) -> tuple[torch.Tensor, torch.Tensor]:
    """Sample one token per row; returns (tokens [B], their logprobs [B])."""
    logits = logits.float()
    if params.temperature <= 0:
        logp = torch.log_softmax(logits, dim=-1)
        tok = logp.argmax(dim=-1)
        return tok, logp.gather(-1, tok[:, None])[:, 0]
    logits = logits / params.temperature
    if params.top_k > 0:
        kth = torch.topk(logits, min(params.top_k, logits.shape[-1]), dim=-1).values[:, -1:]
        logits = logits.masked_fill(logits < kth, float("-inf"))
    if params.top_p < 1.0:
        sorted_logits, order = torch.sort(logits, descending=True, dim=-1)
        probs = torch.softmax(sorted_logits, dim=-1)
        # drop a token when the mass before it already reaches top_p (the first stays)
        drop = (probs.cumsum(-1) - probs) >= params.top_p
        sorted_logits = sorted_logits.masked_fill(drop, float("-inf"))
        logits = torch.full_like(logits, float("-inf")).scatter(-1, order, sorted_logits)
    logp = torch.log_softmax(logits, dim=-1)
    tok = torch.multinomial(logp.exp(), 1, generator=generator)[:, 0]
    return tok, logp.gather(-1, tok[:, None])[:, 0]


def _kv(cache: Any) -> KV:
    return [(layer[0], layer[1]) for layer in cache]


class _BufferedLayer(DynamicLayer):
    """A cache layer that writes new keys/values into a preallocated buffer.

    ``DynamicLayer`` concatenates on every step, copying the whole cache: for a batch of
    long contexts that copy costs more than the attention itself.
    """

    def __init__(self, keys: torch.Tensor, values: torch.Tensor, capacity: int) -> None:
        super().__init__()
        b, h, n, d = keys.shape
        self.kbuf = keys.new_zeros(b, h, capacity, d)
        self.vbuf = values.new_zeros(b, h, capacity, values.shape[-1])
        self.kbuf[:, :, :n] = keys
        self.vbuf[:, :, :n] = values
        self.n = n
        self.dtype, self.device = keys.dtype, keys.device
        self.is_initialized = True
        self._views()

    def _views(self) -> None:
        self.keys, self.values = self.kbuf[:, :, : self.n], self.vbuf[:, :, : self.n]

    def update(
        self, key_states: torch.Tensor, value_states: torch.Tensor, *args: Any, **kwargs: Any
    ) -> tuple[torch.Tensor, torch.Tensor]:
        k = key_states.shape[-2]
        self.kbuf[:, :, self.n : self.n + k] = key_states
        self.vbuf[:, :, self.n : self.n + k] = value_states
        self.n += k
        self._views()
        return self.keys, self.values

    def get_seq_length(self) -> int:
        return self.n

    def select(self, rows: torch.Tensor) -> None:
        self.kbuf, self.vbuf = self.kbuf[rows], self.vbuf[rows]
        self._views()


def _buffered_cache(layers: KV, capacity: int) -> DynamicCache:
    cache = DynamicCache()
    cache.layer_class_to_replicate = None
    cache.layers = [_BufferedLayer(k, v, capacity) for k, v in layers]
    return cache


class KVSampler:
    """Samples continuations for a batch of sequences; see the module docstring."""

    def __init__(
        self,
        model: Any,
        stop_ids: set[int],
        max_context: int,
        generator: torch.Generator | None = None,
        on_step: Callable[[int], None] | None = None,
    ) -> None:
        self.model = model
        self.on_step = on_step  # progress hook: the tokens sampled at each decoding step
        self.stop_ids = stop_ids
        self.max_context = max_context
        self.generator = generator
        self.device = next(model.parameters()).device

    def _prefill(self, seq: SeqState) -> torch.Tensor:
        new = seq.ids[seq.cached :]
        if not new:  # the last token must be fed to get the next distribution
            raise ValueError("nothing to prefill: the sequence has no new tokens")
        cache = DynamicCache(ddp_cache_data=seq.cache) if seq.cache else DynamicCache()
        positions = torch.arange(seq.cached, len(seq.ids), device=self.device)[None]
        out = self.model(
            input_ids=torch.tensor([new], device=self.device),
            position_ids=positions,
            past_key_values=cache,
            use_cache=True,
        )
        seq.cache, seq.cached = _kv(out.past_key_values), len(seq.ids)
        return out.logits[0, -1]

    @torch.inference_mode()
    def sample(
        self, seqs: list[SeqState], limits: list[int], params: SamplingParams
    ) -> list[SampleOut]:
        """Extend every sequence by up to ``limits[i]`` sampled tokens (in place)."""
        outs = [SampleOut(context_tokens=len(s.ids)) for s in seqs]
        limits = [min(n, self.max_context - len(s.ids)) for n, s in zip(limits, seqs, strict=True)]
        for s, n in zip(seqs, limits, strict=True):
            if n <= 0:
                raise ContextLimitError(f"context of {len(s.ids)} tokens is full")
        logits = torch.stack([self._prefill(s) for s in seqs])
        lengths = torch.tensor([s.cached for s in seqs], device=self.device)
        width = int(lengths.max())
        pads = [width - s.cached for s in seqs]
        layers = []
        for li in range(len(seqs[0].cache or [])):
            ks, vs = [], []
            for s, p in zip(seqs, pads, strict=True):
                k, v = (s.cache or [])[li]
                ks.append(torch.nn.functional.pad(k, (0, 0, p, 0)))
                vs.append(torch.nn.functional.pad(v, (0, 0, p, 0)))
            layers.append((torch.cat(ks), torch.cat(vs)))
        mask = torch.ones(len(seqs), width, dtype=torch.long, device=self.device)
        for r, p in enumerate(pads):
            mask[r, :p] = 0
        rows = list(range(len(seqs)))  # batch row -> sequence index
        cache = _buffered_cache(layers, width + max(limits))
        buffers: list[_BufferedLayer] = cache.layers  # type: ignore[assignment]
        del layers
        step = 0
        while rows:
            tok, lp = sample_next(logits, params, self.generator)
            if self.on_step is not None:
                self.on_step(len(rows))
            keep = []
            for b, i in enumerate(rows):
                t = int(tok[b])
                outs[i].ids.append(t)
                outs[i].logprobs.append(float(lp[b]))
                seqs[i].ids.append(t)
                if t in self.stop_ids:
                    outs[i].finish_reason = "stop"
                if t in self.stop_ids or len(outs[i].ids) >= limits[i]:
                    # its cache covers everything but the token just sampled
                    p = pads[i]
                    seqs[i].cache = [
                        (lay.keys[b : b + 1, :, p:].clone(), lay.values[b : b + 1, :, p:].clone())
                        for lay in buffers
                    ]
                    seqs[i].cached = len(seqs[i].ids) - 1
                else:
                    keep.append(b)
            if not keep:
                break
            if len(keep) < len(rows):
                idx = torch.tensor(keep, device=self.device)
                for lay in buffers:
                    lay.select(idx)
                mask, tok = mask[idx], tok[idx]
                rows = [rows[b] for b in keep]
            ones = torch.ones(len(rows), 1, dtype=torch.long, device=self.device)
            mask = torch.cat([mask, ones], dim=1)
            positions = (lengths[torch.tensor(rows, device=self.device)] + step)[:, None]
            out = self.model(
                input_ids=tok[:, None],
                attention_mask=mask,
                position_ids=positions,
                past_key_values=cache,
                use_cache=True,
            )
            logits = out.logits[:, -1]
            step += 1
        return outs
