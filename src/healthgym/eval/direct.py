"""Direct mode: one turn, no tools.

Scripted policies (:mod:`.scripted`) answer at once; model policies (``openai``,
``local``, ``smollm2``) generate one reply to :func:`.prompts.direct_prompt` (many items
concurrently; local models batch them).
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from .config import EvalConfig
from .items import Benchmark, EvalItem, ScoreResult
from .prompts import DIRECT_SYSTEM, direct_prompt
from .records import item_record, safe_score
from .scripted import SCRIPTED_POLICIES, scripted_answer
from .work import CHUNK, Plan, Sink, Work, as_plan, chunks, make_model_agent, trial_fields


class _DirectSettings:
    """Plain one-turn chat for a model policy: the direct system prompt and no tools
    (restored afterwards)."""

    def __init__(self, agent: Any) -> None:
        self.agent = agent
        self.saved: dict[str, Any] = {}

    def __enter__(self) -> _DirectSettings:
        for key, value in (("system", DIRECT_SYSTEM), ("tools_mode", "native")):
            if hasattr(self.agent, key) and not hasattr(self.agent, "client"):
                self.saved[key] = getattr(self.agent, key)
                setattr(self.agent, key, value)
        return self

    def __exit__(self, *exc: object) -> None:
        for key, value in self.saved.items():
            setattr(self.agent, key, value)


def direct_session(agent: Any, item: EvalItem) -> Any:
    """A one-turn session asking ``item`` (no tools offered)."""
    prompt = direct_prompt(item)
    session = agent.start(None, prompt, {"tools": [], "task_id": item.uid})
    if hasattr(session, "native"):  # an OpenAI-compatible server: plain chat messages
        session.native = False
        content: Any = prompt
        if item.image and getattr(agent, "multimodal", False):
            from .domain import image_part

            content = [{"type": "text", "text": prompt}, *image_part(item.image)]
        session.messages = [
            {"role": "system", "content": DIRECT_SYSTEM},
            {"role": "user", "content": content},
        ]
    return session


async def _direct_one(
    agent: Any,
    bench: Benchmark,
    item: EvalItem,
    cfg: EvalConfig,
    gate: asyncio.Semaphore,
    trial: int = 0,
) -> dict[str, Any]:
    start = time.perf_counter()
    tag = trial_fields(cfg, trial)
    async with gate:
        session = None
        try:
            session = direct_session(agent, item)
            set_seed = getattr(session, "set_seed", None)
            if tag and set_seed is not None:  # the trial's sampling seed
                set_seed(tag["seed"])
            gen = await session.generate(cfg.max_new_tokens)
        except Exception as e:  # recorded; the other items go on
            rec = item_record(item, cfg, None, ScoreResult(0.0, False, None), **tag)
            rec["error"] = f"{type(e).__name__}: {e}"[:500]
            return rec
        finally:
            if session is not None:
                session.close()
    result = safe_score(bench, item, gen.text)
    return item_record(
        item,
        cfg,
        gen.text,
        result,
        completion_tokens=gen.completion_tokens,
        finish_reason=gen.finish_reason,
        seconds=round(time.perf_counter() - start, 4),
        **tag,
    )


def run_direct(work: Work | Plan, cfg: EvalConfig, sink: Sink, agent: Any = None) -> None:
    plan = as_plan(work)
    if cfg.policy in SCRIPTED_POLICIES:
        for trial, trial_work in plan:
            tag = trial_fields(cfg, trial)
            for bench, items in trial_work:
                for item in items:
                    answer = scripted_answer(cfg.policy, item, cfg.seed + trial)
                    result = safe_score(bench, item, answer)
                    sink(item_record(item, cfg, answer, result, **tag))
        return
    agent = agent or make_model_agent(cfg)

    async def main() -> None:
        gate = asyncio.Semaphore(max(1, cfg.concurrency))
        try:
            with _DirectSettings(agent):
                for trial, trial_work in plan:
                    for bench, items in chunks(trial_work, max(CHUNK, cfg.concurrency)):
                        jobs = [_direct_one(agent, bench, it, cfg, gate, trial) for it in items]
                        for rec in await asyncio.gather(*jobs):
                            sink(rec)
        finally:
            await agent.aclose()

    asyncio.run(main())
