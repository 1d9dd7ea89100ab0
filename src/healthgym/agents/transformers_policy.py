"""A local Hugging Face causal LM as a policy: batched generation, token-level output.

Each episode is a :class:`LocalSession` holding its messages and its exact token
stream (:class:`healthgym.agents.tokens.TokenTrajectory`). Sessions submit generation
requests; a batching task gathers the requests of all episodes waiting at that moment
(up to ``max_batch_size``) and samples them together in a worker thread with
:class:`healthgym.agents.sampler.KVSampler`, which keeps each episode's KV cache across
turns. torch and transformers are imported by this module only.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from ..tasks import Task
from .base import Generation
from .chat import compact_tools
from .sampler import ContextLimitError, KVSampler, SampleOut, SamplingParams, SeqState
from .tokens import ChatTokenizer, TokenTrajectory


@dataclass
class _Request:
    session: LocalSession
    limit: int
    future: asyncio.Future[SampleOut]


class LocalSession:
    """One episode's conversation with a local model."""

    def __init__(self, policy: TransformersPolicy, observation: str, info: dict[str, Any]):
        self.policy = policy
        tools = info.get("tools", [])
        self.chat = ChatTokenizer(
            policy.tokenizer,
            compact_tools(tools) if policy.compact_tools else tools,
            chat_template=policy.chat_template,
            tools_mode=policy.tools_mode,
            system=policy.system,
        )
        self.messages, prompt_ids = self.chat.start(observation, info)
        self.tokens = TokenTrajectory(prompt_ids=prompt_ids)
        self.seq = SeqState(ids=list(prompt_ids))
        self._last_ids: list[int] = []
        self.closed = False

    def context_room(self) -> int:
        """Tokens left before the model's maximum context length."""
        return self.policy.max_context - len(self.seq.ids)

    async def generate(self, max_new_tokens: int | None = None) -> Generation:
        limit = self.policy.max_new_tokens
        if max_new_tokens is not None:
            limit = min(limit, max_new_tokens)
        start = time.perf_counter()
        out = await self.policy.submit(self, max(1, limit))
        text = self.policy.tokenizer.decode(out.ids, skip_special_tokens=True)
        self.tokens.add_generation(out.ids, out.logprobs)
        self._last_ids = out.ids
        self.messages.append({"role": "assistant", "content": text})
        return Generation(
            text=text,
            action=text,
            finish_reason=out.finish_reason,
            prompt_tokens=out.context_tokens,
            completion_tokens=len(out.ids),
            completion_ids=list(out.ids),
            logprobs=list(out.logprobs),
            seconds=time.perf_counter() - start,
        )

    def observe(self, observation: str, info: dict[str, Any]) -> None:
        messages, ids = self.chat.env_turn(observation, self._last_ids)
        self.messages += messages
        self.tokens.add_environment(ids)
        self.seq.ids += ids

    def trajectory(self) -> dict[str, Any]:
        return {"messages": self.messages, **self.tokens.to_dict()}

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self.seq.cache = None
            self.policy._open -= 1


class TransformersPolicy:
    """A local causal LM (any ``AutoModelForCausalLM``) driven through its chat template.

    ``tools_mode="auto"`` passes the tool schemas to templates that support tools
    (``apply_chat_template(messages, tools=..., add_generation_prompt=True)``) and
    otherwise lists them in a Hermes-format system prompt
    (:func:`healthgym.agents.chat.tools_system_prompt`). Environment replies become
    ``tool`` messages when the template has a tool role, else user messages wrapped in
    ``<tool_response>``. ``compact_tools`` drops descriptions from the schemas (the
    observation already describes every tool), for models with a short context.
    """

    def __init__(
        self,
        model: Any,
        tokenizer: Any,
        *,
        name: str = "local",
        chat_template: str | None = None,
        tools_mode: str = "auto",
        system: str | None = None,
        compact_tools: bool = False,
        max_new_tokens: int = 256,
        temperature: float = 1.0,
        top_p: float = 1.0,
        top_k: int = 0,
        max_batch_size: int = 16,
        max_context: int | None = None,
        batch_wait_s: float = 0.05,
        seed: int = 0,
    ) -> None:
        self.name = name
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.chat_template = chat_template
        self.tools_mode = tools_mode
        self.system = system
        self.compact_tools = compact_tools
        self.max_new_tokens = max_new_tokens
        self.params = SamplingParams(temperature=temperature, top_p=top_p, top_k=top_k)
        self.max_batch_size = max_batch_size
        self.max_context = max_context or int(
            getattr(model.config, "max_position_embeddings", 4096)
        )
        self.batch_wait_s = batch_wait_s
        self.generator = torch.Generator(device=next(model.parameters()).device)
        self.generator.manual_seed(seed)
        self._pending: list[_Request] = []
        self._open = 0
        self._arrived: asyncio.Event | None = None
        self._worker: asyncio.Task[None] | None = None
        self.batches: list[int] = []  # sizes of the batches run (for tests and logs)
        # progress hook: called from the sampling thread with the tokens of each decoding
        # step (``healthgym run`` shows them while a batch is still running)
        self.on_tokens: Callable[[int], None] | None = None

    @classmethod
    def from_pretrained(
        cls,
        path: str | Path,
        *,
        gguf_file: str | None = None,
        dtype: torch.dtype | None = None,
        **kwargs: Any,
    ) -> TransformersPolicy:
        """Load a model directory (or a GGUF file inside it) from local disk only."""
        from transformers import AutoModelForCausalLM, AutoTokenizer

        extra = {"gguf_file": gguf_file} if gguf_file else {}
        tok = AutoTokenizer.from_pretrained(str(path), local_files_only=True, **extra)
        model = AutoModelForCausalLM.from_pretrained(str(path), local_files_only=True, **extra)
        if dtype is not None:
            model = model.to(dtype)
        kwargs.setdefault("name", f"local:{Path(path).name}")
        return cls(model, tok, **kwargs)

    def start(self, task: Task, observation: str, info: dict[str, Any]) -> LocalSession:
        session = LocalSession(self, observation, info)
        self._open += 1
        return session

    # ----------------------------------------------------------------- batching
    async def submit(self, session: LocalSession, limit: int) -> SampleOut:
        loop = asyncio.get_running_loop()
        if self._worker is None or self._worker.done() or self._worker.get_loop() is not loop:
            self._arrived = asyncio.Event()
            self._worker = loop.create_task(self._run_batches())
        future: asyncio.Future[SampleOut] = loop.create_future()
        self._pending.append(_Request(session, limit, future))
        assert self._arrived is not None
        self._arrived.set()
        return await future

    async def _run_batches(self) -> None:
        assert self._arrived is not None
        loop = asyncio.get_running_loop()
        while True:
            await self._arrived.wait()
            # give the other open episodes a moment to finish their environment step
            deadline = loop.time() + self.batch_wait_s
            target = min(self.max_batch_size, max(1, self._open))
            while len(self._pending) < target and loop.time() < deadline:
                self._arrived.clear()
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(self._arrived.wait(), deadline - loop.time())
            batch = self._pending[: self.max_batch_size]
            del self._pending[: len(batch)]
            if not self._pending:
                self._arrived.clear()
            batch = [r for r in batch if not r.future.cancelled() and self._has_room(r)]
            if not batch:
                continue
            self.batches.append(len(batch))
            try:
                outs = await asyncio.to_thread(self._sample, batch)
            except Exception as e:  # one failure fails this batch's requests, not the loop
                for r in batch:
                    if not r.future.done():
                        r.future.set_exception(e)
                continue
            for r, out in zip(batch, outs, strict=True):
                if not r.future.done():
                    r.future.set_result(out)

    @staticmethod
    def _has_room(request: _Request) -> bool:
        if request.session.context_room() > 0:
            return True
        error = ContextLimitError(f"context of {len(request.session.seq.ids)} tokens is full")
        request.future.set_exception(error)
        return False

    def _sample(self, batch: list[_Request]) -> list[SampleOut]:
        stop_ids: set[int] = set()
        for r in batch:
            stop_ids |= r.session.chat.stop_ids
        sampler = KVSampler(
            self.model, stop_ids, self.max_context, self.generator, on_step=self.on_tokens
        )
        return sampler.sample([r.session.seq for r in batch], [r.limit for r in batch], self.params)

    async def aclose(self) -> None:
        if self._worker is not None and not self._worker.done():
            self._worker.cancel()
            with contextlib.suppress(asyncio.CancelledError, RuntimeError):
                await self._worker
        self._worker = None
