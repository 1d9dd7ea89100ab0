"""Progress of ``healthgym run``: moves per finished episode, per model turn and per token.

A local model samples the turns of all open episodes in one batch, so the first episode
may finish only after minutes; the bar therefore also counts the model turns played and
the tokens generated (live from the sampler of a local model, which calls
``on_tokens`` after every decoding step; from each turn's ``completion_tokens`` for
other policies). On a terminal it is a live bar; in a log (standard error not a
terminal) it prints a line at most every ``interval`` seconds and at the end.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


class RunProgress:
    """Counts finished episodes, model turns and generated tokens; shows them."""

    def __init__(
        self,
        console: Console,
        description: str,
        total: int,
        *,
        interval: float = 10.0,
        live: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.console = console
        self.description = description
        self.total = total
        self.interval = interval
        self.live = console.is_terminal if live is None else live
        self.clock = clock
        self.episodes = 0
        self.turns = 0
        self.tokens = 0
        self.lines: list[str] = []  # the plain lines printed (logs and tests)
        self._lock = threading.Lock()
        self._start = clock()
        self._last = self._start
        self._bar: Progress | None = None
        self._job: Any = None

    # ------------------------------------------------------------------ display
    def __enter__(self) -> RunProgress:
        self._start = self._last = self.clock()
        if self.live:
            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(bar_width=20),
                MofNCompleteColumn(),
                TextColumn("{task.fields[detail]}"),
                TimeElapsedColumn(),
                console=self.console,
            )
            self._bar.__enter__()
            self._job = self._bar.add_task(self.description, total=self.total, detail="")
        else:
            self._print()  # a log shows at once that the run has started
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.__exit__(exc_type, exc, tb)
        elif exc_type is None and self.lines[-1:] != [self._line()]:
            self._print()

    def detail(self) -> str:
        """``N turns, M tokens`` so far (tokens only when a policy reports them)."""
        parts = [f"{self.turns:,} turn{'s' if self.turns != 1 else ''}"] if self.turns else []
        parts += [f"{self.tokens:,} tokens"] if self.tokens else []
        return ", ".join(parts)

    def _line(self) -> str:
        seconds = self.clock() - self._start
        detail = self.detail()
        done = f"{self.description}: {self.episodes}/{self.total}"
        return f"{done}, {detail}, {seconds:.0f} s" if detail else f"{done}, {seconds:.0f} s"

    def _print(self) -> None:
        line = self._line()
        self.lines.append(line)
        self.console.print(line, highlight=False, soft_wrap=True)
        self._last = self.clock()

    def _refresh(self, force: bool = False) -> None:
        if self._bar is not None:
            self._bar.update(self._job, completed=self.episodes, detail=self.detail())
        elif force or self.clock() - self._last >= self.interval:
            self._print()

    # ----------------------------------------------------------------- counters
    def episode_done(self, record: dict[str, Any] | None = None) -> None:
        with self._lock:
            self.episodes += 1
            first_or_last = self.episodes in (1, self.total)
            self._refresh(force=first_or_last)

    def turn_done(self, tokens: int | None = None) -> None:
        with self._lock:
            self.turns += 1
            self.tokens += tokens or 0
            self._refresh()

    def add_tokens(self, n: int) -> None:
        """Tokens sampled in one decoding step (called from the sampler's thread)."""
        with self._lock:
            self.tokens += n
            self._refresh()


class _Session:
    """An episode's session that reports each generated turn to a :class:`RunProgress`."""

    def __init__(self, inner: Any, progress: RunProgress, count_tokens: bool) -> None:
        self._inner = inner
        self._progress = progress
        self._count_tokens = count_tokens

    async def generate(self, *args: Any, **kwargs: Any) -> Any:
        gen = await self._inner.generate(*args, **kwargs)
        tokens = getattr(gen, "completion_tokens", None) if self._count_tokens else None
        self._progress.turn_done(tokens)
        return gen

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class ProgressAgent:
    """Wraps a model policy so that its sessions report turns (and tokens) to ``progress``.

    A policy with an ``on_tokens`` hook (the local transformers policy) reports tokens
    per decoding step through it; other policies' tokens are counted per turn."""

    def __init__(self, inner: Any, progress: RunProgress) -> None:
        self._inner = inner
        self._progress = progress
        self._live_tokens = hasattr(inner, "on_tokens")
        if self._live_tokens:
            inner.on_tokens = progress.add_tokens

    def start(self, *args: Any, **kwargs: Any) -> _Session:
        session = self._inner.start(*args, **kwargs)
        return _Session(session, self._progress, count_tokens=not self._live_tokens)

    async def aclose(self) -> None:
        if self._live_tokens:
            self._inner.on_tokens = None
        await self._inner.aclose()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)
