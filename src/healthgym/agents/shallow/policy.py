"""The shallow reader policy: which tools it calls, in which turns, and its submission."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from ...domains import get_domain
from ...tasks import Task
from ...tools.parse import format_hermes
from .answers import AnswerModel
from .arguments import ArgumentFiller
from .reading import NUMBER, phrase_regex

RULES: tuple[str, ...] = ("most", "first", "last", "rarest", "distinct")
MAX_CALLS_PER_TURN = 16  # healthgym.tools.parse.MAX_CALLS
# tool names that change the episode or read general knowledge, used only when a tool
# has not declared its kind (the registry's kind wins whenever it is set)
_ACT_PREFIXES = (
    "give_", "start_", "assign_", "set_", "activate_", "schedule_", "escalate_",
    "document_", "record_", "place_", "discontinue_", "write_", "communicate_",
    "red_cell_", "potassium_decision", "thrombolysis_decision",
)  # fmt: skip
_REFERENCE_NAMES = ("search_knowledge", "read_passage", "describe_schema")
_REFERENCE_PREFIXES = ("lookup_", "get_report_template")


def tool_kind(domain: str, name: str) -> tuple[str, bool]:
    """The tool's kind and whether it was declared (else inferred from its name)."""
    t = get_domain(domain).toolkit.get(name)
    if t is None:
        return "unknown", False
    if t.kind:
        return t.kind, True
    if t.terminal:
        return "submit", False
    if name in _REFERENCE_NAMES or name.startswith(_REFERENCE_PREFIXES):
        return "reference", False
    if name.startswith(_ACT_PREFIXES):
        return "act", False
    return "observe" if not name.startswith(("calc", "calculate_")) else "compute", False


@dataclass
class _Planned:
    name: str
    arguments: dict[str, Any]


class ShallowReaderPolicy:
    """Calls every observe tool, then every compute tool, once; submits by string rules.

    Turns: (1) the observe tools whose arguments the prompt fills; (2) the other observe
    tools (ids read from turn-1 output) and every compute tool (numbers read from the
    output so far); (3) for a call that failed naming what it needs ("needs bun: order
    it first (order_lab_panel or order_lab_test)"), the named observe tools (with an
    enum value the message names), then the failed call again; (4) the submission.
    More than 16 calls in a turn are spread over several turns.

    Reads only the observation and ``info`` (the tool schemas); the ``task`` passed to
    :meth:`reset` is not looked at. ``model`` is the domain's :class:`AnswerModel`.
    """

    name = "shallow_reader"

    def __init__(
        self,
        domain: str,
        rule: str = "most",
        model: AnswerModel | None = None,
        kinds: tuple[str, ...] = ("observe", "compute"),
    ):
        if rule not in RULES:
            raise ValueError(f"rule must be one of {RULES}, not {rule!r}")
        self.domain = domain
        self.rule = rule
        self.kinds = kinds  # add "reference" to also call the reference tools
        self.model = model or AnswerModel.for_domain(domain)
        self.filler = ArgumentFiller(
            {
                n: [c for c in fm.candidates if not re.fullmatch(NUMBER, c)]
                for n, fm in self.model.fields.items()
            }
        )
        self.instructions = get_domain(domain).instructions
        self.kinds_declared = True
        self._reset_state("")

    def _reset_state(self, prompt: str) -> None:
        self.prompt = prompt
        self.outputs: list[tuple[str, str]] = []
        self.errors: list[tuple[str, str]] = []  # (tool, message) of failed calls
        self.queue: list[_Planned] = []
        self.batch: list[_Planned] = []
        self.sent: set[str] = set()
        self.phase = 0
        self.schemas: dict[str, dict[str, Any]] = {}
        self.called: set[str] = set()
        self.last_answer: dict[str, Any] = {}
        self.submitted = False  # the last act() was the submission

    def reset(self, task: Task, observation: str, info: dict[str, Any]) -> None:
        prompt = observation.split("\nTools available:\n", 1)[0]
        if prompt.startswith(self.instructions):  # the domain's role text, not the task
            prompt = prompt[len(self.instructions) :]
        self._reset_state(prompt.strip())
        submit = self.model.submit_name
        for s in info["tools"]:
            fn = s["function"]
            if fn["name"] == submit:
                continue
            kind, declared = tool_kind(self.domain, fn["name"])
            self.kinds_declared &= declared
            if kind in self.kinds:
                self.schemas[fn["name"]] = {"kind": kind, "parameters": fn["parameters"]}

    # ............................................................ planning
    def _seen(self) -> str:
        return self.prompt + "\n" + "\n".join(o for _, o in self.outputs)

    def _plan(self, kind: str, final: bool) -> list[_Planned]:
        """Calls of ``kind`` tools not made yet; with ``final`` every remaining one."""
        seen = self._seen()
        planned: list[_Planned] = []
        for name, spec in self.schemas.items():
            if spec["kind"] != kind or name in self.called:
                continue
            calls = self._calls(name, seen, final)
            if calls is None:
                continue  # wait for output that shows the ids
            self.called.add(name)
            planned += calls
        return planned

    def _calls(self, name: str, seen: str, final: bool) -> list[_Planned] | None:
        """The calls of one tool: one per entity id when it takes one."""
        params = self.schemas[name]["parameters"]
        props: dict[str, Any] = params.get("properties", {})
        required = set(params.get("required", []))
        id_params = {k: s for k, s in props.items() if self.filler.id_pattern(s) is not None}
        ids = {k: self.filler.ids(s, seen) for k, s in id_params.items()}
        if any(k in required and not ids[k] for k in id_params) and not final:
            return None
        base: dict[str, Any] = {}
        for k, s in props.items():
            if k not in id_params:
                v = self.filler.value(k, s, k in required, seen)
                if v is not None:
                    base[k] = v
        id_key = next((k for k in id_params if ids[k]), None)
        if id_key is None:
            args = dict(base)
            args.update({k: "X1" for k in id_params if k in required})
            return [_Planned(name, args)]
        out = []
        for value in ids[id_key]:
            args = dict(base)
            args[id_key] = value
            for k in id_params:
                if k != id_key and k in required:
                    args[k] = ids[k][0] if ids[k] else "X1"
            out.append(_Planned(name, args))
        return out

    def _follow_ups(self) -> list[_Planned]:
        """The observe tools that failed calls name as missing, then those calls again."""
        seen = self._seen()
        first: list[_Planned] = []
        again: list[str] = []
        for failed, message in self.errors:
            for name, spec in self.schemas.items():
                if name == failed or spec["kind"] != "observe":
                    continue
                if not re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", message):
                    continue
                first += self._named_calls(name, message, seen)
            if failed in self.schemas and failed not in again:
                again.append(failed)
        retry: list[_Planned] = []
        for name in again:
            retry += self._calls(name, seen + "\n" + "\n".join(str(c) for c in first), True) or []
        self.errors = []
        out, keys = [], set()
        for c in first + retry:
            key = json.dumps([c.name, c.arguments], sort_keys=True)
            if (c in first and key in self.sent) or key in keys:
                continue
            keys.add(key)
            out.append(c)
        return out

    def _named_calls(self, name: str, message: str, seen: str) -> list[_Planned]:
        """Calls of ``name`` with each enum value the error message names (at most 6)."""
        params = self.schemas[name]["parameters"]
        props: dict[str, Any] = params.get("properties", {})
        required = set(params.get("required", []))
        enum_key, values = None, []
        for k, sch in props.items():
            hits = [
                v
                for v in sch.get("enum", [])
                if isinstance(v, str) and (p := phrase_regex(v)) and p.search(message)
            ]
            if hits:
                enum_key, values = k, hits[:6]
                break
        if enum_key is None:
            if any("enum" in sch and k in required for k, sch in props.items()):
                return []  # nothing in the message says which value to ask for
            return self._calls(name, seen, True) or []
        base = (self._calls(name, seen, True) or [_Planned(name, {})])[0].arguments
        return [_Planned(name, {**base, enum_key: v}) for v in values]

    def _emit(self) -> str:
        self.batch, self.queue = self.queue[:MAX_CALLS_PER_TURN], self.queue[MAX_CALLS_PER_TURN:]
        for c in self.batch:
            self.sent.add(json.dumps([c.name, c.arguments], sort_keys=True))
        return "\n".join(format_hermes(c.name, c.arguments) for c in self.batch)

    def act(self, observation: str) -> str:
        if self.phase > 0:
            self._collect(observation)
        while not self.queue:
            self.phase += 1
            if self.phase == 1:
                self.queue = self._plan("observe", final=False)
            elif self.phase == 2:
                # observe tools that needed ids from earlier output, then compute tools
                self.queue = self._plan("observe", final=True) + self._plan("compute", True)
                self.queue += self._plan("reference", True)  # only when asked for
            elif self.phase == 3:
                self.queue = self._follow_ups()
            else:
                self.submitted = True
                return self.submission(self.rule)
        return self._emit()

    def submission(self, rule: str) -> str:
        """The submit call the answer ``rule`` makes of the output collected so far."""
        self.last_answer = self.model.answer(self.outputs, self.prompt, rule)
        return format_hermes(self.model.submit_name, self.last_answer)

    def _collect(self, observation: str) -> None:
        """Keep each successful tool output; failed calls are kept apart (their messages
        list tools and enum values, which would pollute the answer text)."""
        for part in re.split(r"\n\n(?=\[[A-Za-z_]\w*\] )", observation):
            m = re.match(r"\[(\w+)\] (.*)", part, re.DOTALL)
            if not m:
                continue
            if m.group(2).startswith("Error"):
                self.errors.append((m.group(1), m.group(2)))
            else:
                self.outputs.append((m.group(1), m.group(2)))


__all__ = ["MAX_CALLS_PER_TURN", "RULES", "ShallowReaderPolicy", "tool_kind"]
