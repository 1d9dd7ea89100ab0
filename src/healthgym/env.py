"""HealthGymEnv: a Gymnasium environment over one clinical domain.

One episode = one task.  ``reset`` returns the patient-facing scenario and the tool
list; ``step`` takes the model's text (Hermes ``<tool_call>`` blocks, a bare JSON
call, or an OpenAI assistant message with ``tool_calls``), runs each call against the
episode state and returns the tool results.  A ``submit_*`` tool ends the episode
(``terminated``); reaching ``max_turns`` truncates it.  Whatever ended it, the last
``info["reward_components"]`` holds every reward dimension (see
:mod:`healthgym.rewards.reward`) and the reward of that step is the composite.

A time limit imposed from outside is graded the same way: the turn limit is the least
of ``max_turns``, the env's ``spec.max_episode_steps`` (where set) and every gymnasium
``TimeLimit`` that wraps this env (one added by ``gym.make``, with the registry's or
``gym.make(..., max_episode_steps=N)``'s limit, or one applied by hand).  ``TimeLimit``
truncates *after* the env's step returns, so the env ends, grades and reports
``ended_by: "turn_limit"`` on the step the wrapper will truncate.  The wrappers are
found in the call chain of ``reset``/``step`` (gymnasium >= 1.0 leaves
``env.unwrapped.spec.max_episode_steps`` unset); any wrapper with TimeLimit's
``_max_episode_steps`` / ``_elapsed_steps`` counters counts.  A wrapper that truncates
on other terms is not seen: it should lower ``env.unwrapped.max_turns`` instead (the
limit is read on every step), or the episode it cuts off is not graded.

Every step also reports the process and safety events of that turn in
``info["step_signals"]`` (for per-turn credit assignment; the terminal composite does
not depend on them): ``evidence_gained`` (the reference evidence requirements this
turn's calls met for the first time), ``evidence_met`` / ``evidence_required``
(running counts), ``violations_added`` (safety violations this turn's actions caused:
a harmful order, a contraindicated plan) and ``violations_resolved`` (ones this turn
removed: an omission made good, e.g. the antibiotic finally given).  Violations are the
domain grader's, read on the episode as it stands after each turn against the episode
before its first action (so omissions pending from the start are never "added"; those
still pending at the end are in the final ``reward_components``).  These signals name
what the task requires: they are for the trainer, and the HTTP server withholds them
from the agent until the episode is over.
"""

from __future__ import annotations

import logging
import re
import string
import sys
from dataclasses import asdict
from typing import Any, ClassVar

import gymnasium as gym
from gymnasium import spaces

from .domains import get_domain
from .episode import CallRecord, EpisodeLog
from .knowledge.store import get_default_kb
from .rewards import RewardWeights, compute_reward
from .rewards.reward import DEFAULT_WEIGHTS, Grade, RewardBreakdown, evidence_label, evidence_met
from .tasks import Task
from .tools.errors import ToolError
from .tools.parse import parse_action
from .tools.registry import ArgumentError, validate_arguments
from .tools.shared import shared_tool_names

logger = logging.getLogger("healthgym.env")

MAX_OBSERVATION_CHARS = 16_000
MAX_ACTION_CHARS = 200_000
_WRAPPER_FRAMES = 24  # call frames searched for wrapping TimeLimits (a deep wrapper stack)
_NOT_PRINTABLE = re.compile("[^" + re.escape(string.printable) + "]")


def sanitize(text: str, limit: int = MAX_OBSERVATION_CHARS) -> str:
    """Printable ASCII only (others become '?'), cut to ``limit`` characters."""
    if len(text) > limit:
        text = text[: limit - 24] + "\n[... output truncated]"
    return _NOT_PRINTABLE.sub("?", text)


class HealthGymEnv(gym.Env[str, str]):
    """A multi-turn, tool-using clinical episode as a Gymnasium environment."""

    metadata: ClassVar[dict[str, Any]] = {"render_modes": ["ansi", "human"], "render_fps": 1}

    def __init__(
        self,
        domain: str = "clinical_diagnosis",
        split: str | None = "train",
        max_turns: int = 20,
        render_mode: str | None = None,
        reward_weights: RewardWeights = DEFAULT_WEIGHTS,
    ) -> None:
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ValueError(f"render_mode must be one of {self.metadata['render_modes']}")
        if max_turns < 1:
            raise ValueError("max_turns must be at least 1")
        self.domain = get_domain(domain)
        self.split = split
        self.max_turns = max_turns
        self.render_mode = render_mode
        self.reward_weights = reward_weights
        self.observation_space = spaces.Text(
            max_length=MAX_OBSERVATION_CHARS, min_length=0, charset=string.printable
        )
        self.action_space = spaces.Text(
            max_length=MAX_ACTION_CHARS, min_length=0, charset=string.printable
        )
        # the knowledge base behind the shared search tools must open now: a missing or
        # corrupt index is an error at start-up, never an empty search later
        get_default_kb()
        self._shared = shared_tool_names()
        self._indices = self.domain.indices(split)
        if not self._indices:
            raise ValueError(f"domain {domain!r} has no tasks in split {split!r}")
        self.task: Task | None = None
        self.state: Any = None
        self.log = EpisodeLog()
        self._done = True
        self._transcript: list[str] = []
        self.last_reward: RewardBreakdown | None = None

    # ------------------------------------------------------------------ gym API
    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[str, dict[str, Any]]:
        """Start an episode.

        ``options``: ``{"task_id": "<domain>-<index>"}`` (the global task id, any
        split), ``{"index": i}`` (the ``i``-th task of the environment's split, in task-id
        order; with ``split=None`` the ``i``-th task of the domain; out of range is a
        ``ValueError``) or ``{"task": Task | dict}``; otherwise a task of the split is
        drawn with the environment's seeded generator. A prepared task must belong to the
        environment's domain (the evaluation harness registers its benchmark domains with
        :func:`healthgym.domains.register_domain` and makes an environment for each).
        """
        super().reset(seed=seed)
        options = options or {}
        if "task" in options:
            task = options["task"]
            task = task if isinstance(task, Task) else Task.model_validate(task)
            if task.domain != self.domain.name:
                raise ValueError(f"task of domain {task.domain!r} given to {self.domain.name!r}")
        elif "task_id" in options:
            task = self.domain.task(str(options["task_id"]))
        elif "index" in options:
            task = self.domain.task(self.split_index(int(options["index"])))
        else:
            task = self.domain.task(int(self.np_random.choice(self._indices)))
        self.task = task
        self.state = self.domain.new_state(task)
        self.log = EpisodeLog()
        self._done = False
        self.last_reward = None
        self._evidence: set[int] = set()
        self._violations: dict[str, dict[str, str]] = {}
        obs = sanitize(self._initial_observation(task))
        self._transcript = [f"[environment]\n{obs}"]
        info = {
            "task_id": task.id,
            "domain": task.domain,
            "split": task.split,
            "max_turns": self.turn_limit(),
            "tools": self.tool_schemas,
        }
        if self.domain.reset_content is not None:
            # OpenAI-style content parts: the observation text, then e.g. the image
            parts = self.domain.reset_content(task, self.state)
            info["content"] = [{"type": "text", "text": obs}, *parts]
        return obs, info

    def step(self, action: Any) -> tuple[str, float, bool, bool, dict[str, Any]]:
        if self.task is None:
            raise RuntimeError("call reset() before step()")
        if self._done:
            raise RuntimeError("the episode has ended; call reset()")
        if self.log.turns == 0:  # the untouched episode: what doing nothing would violate
            self._violations = _violation_keys(self._grade().violations)
        self.log.turns += 1
        turn = self.log.turns
        self._transcript.append(f"[agent]\n{_action_text(action)}")
        parsed = parse_action(action)
        parts: list[str] = []
        terminated = False
        for error in parsed.errors:
            self.log.calls.append(CallRecord(turn, "", {}, "malformed", error))
            parts.append(f"Error: {error}")
        if parsed.message:
            self.log.messages.append(parsed.message[:4000])
        for call in parsed.calls:
            if terminated:
                parts.append(
                    f"Ignored '{call.name[:60]}': the submission already ended the episode."
                )
                continue
            record, text, terminal = self._run_call(turn, call.name, call.arguments)
            self.log.calls.append(record)
            parts.append(text)
            terminated = terminal
        if not parsed.calls and not parsed.errors:
            parts.append(
                "No tool call found in your message. Call a tool with "
                '<tool_call>{"name": ..., "arguments": {...}}</tool_call>, and finish by '
                "calling the submit tool."
            )
        truncated = not terminated and self._turn_limit_reached(turn)
        if truncated:
            self.log.ended_by = "turn_limit"
            parts.append(f"Turn limit ({turn}) reached; the episode is over.")
        obs = sanitize("\n\n".join(parts))
        self._transcript.append(f"[environment]\n{obs}")
        info: dict[str, Any] = {"turn": turn, "task_id": self.task.id}
        reward = 0.0
        if terminated or truncated:
            self._done = True
            breakdown = self._finish()
            reward = breakdown.composite
            info["reward_components"] = breakdown.components()
            info["ended_by"] = self.log.ended_by
            info["env_errors"] = self.log.env_errors
            violations = breakdown.violations
        else:
            violations = [asdict(v) for v in self._grade().violations]
        info["step_signals"] = self._step_signals(turn, violations)
        return obs, reward, terminated, truncated, info

    def render(self) -> str | None:
        text = "\n\n".join(self._transcript)
        if self.render_mode == "human":
            print(text)
            return None
        return text

    def split_index(self, position: int) -> int:
        """The domain-wide task index of the ``position``-th task of this env's split."""
        if not 0 <= position < len(self._indices):
            where = f"split {self.split!r}" if self.split else "the domain"
            hint = "; use task_id for a task of another split" if self.split else ""
            raise ValueError(
                f"index {position} is out of range: {self.domain.name} has "
                f"{len(self._indices)} tasks in {where} (0..{len(self._indices) - 1}){hint}"
            )
        return self._indices[position]

    # ------------------------------------------------------------- turn limit
    def turn_limit(self) -> int:
        """The turns this episode may take: the least of ``max_turns``, the spec's
        ``max_episode_steps`` and the ``TimeLimit`` wrappers around this env (see the
        module docstring); called from outside a wrapper's call, the first two only."""
        limits = [self.max_turns, *(limit for limit, _ in self._time_limits())]
        spec_limit = self.spec.max_episode_steps if self.spec is not None else None
        if spec_limit:
            limits.append(spec_limit)
        return min(limits)

    def _turn_limit_reached(self, turn: int) -> bool:
        """Whether the episode ends at ``turn``: this env's own limits, or a wrapping
        ``TimeLimit`` that will truncate when this step returns to it."""
        spec_limit = self.spec.max_episode_steps if self.spec is not None else None
        if turn >= self.max_turns or (spec_limit and turn >= spec_limit):
            return True
        return any(
            elapsed is not None and elapsed + 1 >= limit for limit, elapsed in self._time_limits()
        )

    def _time_limits(self) -> list[tuple[int, int | None]]:
        """``(max_episode_steps, elapsed_steps)`` of each TimeLimit-like wrapper of this
        env whose ``reset``/``step`` is in the current call chain."""
        out: list[tuple[int, int | None]] = []
        seen: set[int] = set()
        frame, misses = sys._getframe(1), 0
        for _ in range(_WRAPPER_FRAMES):
            if frame is None or misses > 3:  # well past the outermost wrapper
                break
            owner = frame.f_locals.get("self")
            misses = 0 if owner is self or isinstance(owner, gym.Wrapper) else misses + 1
            if isinstance(owner, gym.Wrapper) and id(owner) not in seen:
                seen.add(id(owner))
                limit = getattr(owner, "_max_episode_steps", None)
                if isinstance(limit, int) and limit > 0 and owner.unwrapped is self:
                    elapsed = getattr(owner, "_elapsed_steps", None)
                    out.append((limit, elapsed if isinstance(elapsed, int) else None))
            frame = frame.f_back
        return out

    # ------------------------------------------------------------- internals
    def allowed(self, task: Task) -> set[str]:
        """The tools an episode of ``task`` may call: its own plus the shared ones."""
        return set(task.allowed_tools) | self._shared

    @property
    def tool_schemas(self) -> list[dict[str, Any]]:
        schemas = self.domain.toolkit.schemas
        if self.task is None:
            return schemas
        allowed = self.allowed(self.task)
        if len(allowed) == len(schemas):
            return schemas
        return [s for s in schemas if s["function"]["name"] in allowed]

    def _initial_observation(self, task: Task) -> str:
        names = self.allowed(task)
        tools = "\n".join(
            line
            for line in self.domain.toolkit.summary().splitlines()
            if line[2:].split("(", 1)[0] in names
        )
        return (
            f"{self.domain.instructions}\n\n{task.prompt}\n\nTools available:\n{tools}\n\n"
            f'Call tools as <tool_call>{{"name": "<tool>", "arguments": {{...}}}}</tool_call>. '
            f"You have at most {self.turn_limit()} turns."
        )

    def _run_call(self, turn: int, name: str, arguments: Any) -> tuple[CallRecord, str, bool]:
        assert self.task is not None
        tool = self.domain.toolkit.get(name)
        args_view = arguments if isinstance(arguments, dict) else {}
        if tool is None or name not in self.allowed(self.task):
            shown = name[:60]
            available = ", ".join(
                t.name for t in self.domain.toolkit if t.name in self.allowed(self.task)
            )
            msg = f"Error: unknown tool '{shown}'. Available: {available}"
            return CallRecord(turn, shown, {}, "invalid", msg), msg, False
        try:
            args = validate_arguments(tool, arguments)
        except ArgumentError as e:
            msg = f"Error: {e}"
            return CallRecord(turn, name, _safe_args(args_view), "invalid", msg), msg, False
        try:
            out = tool(self.state, **args)
        except ToolError as e:
            msg = f"[{name}] Error: {e}"
            return CallRecord(turn, name, args, "tool_error", msg), msg, False
        except Exception as e:  # a tool bug must not end the episode; logged and counted
            logger.exception("tool %s failed on task %s", name, self.task.id)
            msg = f"[{name}] Error: the tool failed ({type(e).__name__}): an environment error."
            return CallRecord(turn, name, args, "env_error", msg), msg, False
        text = f"[{name}] {out}"
        if tool.terminal:
            self.log.answer = args
            self.log.ended_by = "submitted"
        return CallRecord(turn, name, args, "ok", sanitize(text, 4000)), text, tool.terminal

    def _grade(self) -> Grade:
        assert self.task is not None
        return self.domain.grade(self.task, self.state, self.log)

    def _step_signals(self, turn: int, violations: list[dict[str, str]]) -> dict[str, Any]:
        """This turn's process and safety events (see the module docstring)."""
        assert self.task is not None
        reference = self.task.reference.calls
        calls = [c for c in self.log.calls if c.turn == turn and c.status == "ok"]
        met = evidence_met(reference, calls, self.domain.toolkit.defaults)
        gained = sorted(met - self._evidence)
        self._evidence |= met
        now = _violation_keys(violations)
        added = [v for k, v in now.items() if k not in self._violations]
        resolved = [v for k, v in self._violations.items() if k not in now]
        self._violations = now
        return {
            "evidence_gained": [evidence_label(reference[i]) for i in gained],
            "evidence_met": len(self._evidence),
            "evidence_required": sum(r.required for r in reference),
            "violations_added": added,
            "violations_resolved": resolved,
        }

    def _finish(self) -> RewardBreakdown:
        assert self.task is not None
        grade = self._grade()
        self.last_reward = compute_reward(
            grade,
            self.log,
            self.task.reference.calls,
            self.reward_weights,
            defaults=self.domain.toolkit.defaults,
        )
        return self.last_reward


def _violation_keys(violations: list[Any]) -> dict[str, dict[str, str]]:
    rows = [v if isinstance(v, dict) else asdict(v) for v in violations]
    return {f"{v['code']}|{v['severity']}|{v['message']}": v for v in rows}


def _action_text(action: Any) -> str:
    return action if isinstance(action, str) else repr(action)[:4000]


def _safe_args(args: dict[str, Any]) -> dict[str, Any]:
    """A bounded copy of rejected arguments for the log (hostile input stays small)."""
    out: dict[str, Any] = {}
    for k, v in list(args.items())[:20]:
        scalar = v is None or isinstance(v, (bool, int, float))
        out[str(k)[:60]] = v if scalar else (v if isinstance(v, str) else repr(v))[:200]
    return out
