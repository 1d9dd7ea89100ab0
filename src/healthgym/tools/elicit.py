"""What the agent has been shown in this episode: the elicitation record.

Rule: *tools observe and compute; the agent judges*.  A ``compute`` tool may apply a
published formula to values the agent passed as arguments, or to values the agent has
already been shown in this episode - never to hidden values it has not seen.  This
module keeps, per episode state, the record that makes the second case checkable:

* every successful call of an ``observe`` or ``act`` tool is recorded under the tool's
  name (done by :class:`~healthgym.tools.registry.Tool` itself, so every caller - the
  environment, the oracle, TRL, the servers - keeps the same record);
* a tool may record finer facts with :meth:`Elicited.show` (``"lab:cbc"``,
  ``"exam:P1"``);
* a record-reading ``compute`` tool declares ``needs`` (what it reads and which
  observations supply it); before it runs, :meth:`Elicited.require` raises a
  :class:`~healthgym.tools.errors.ToolError` naming what is missing ("needs the
  examination findings: call examine_patient first") instead of reading it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .errors import ToolError

_ATTR = "_healthgym_elicited"


@dataclass(frozen=True)
class Need:
    """One thing a compute tool reads from the record, and the observations that show it.

    ``keys`` are elicitation keys (tool names, or finer keys a tool records); any one
    of them satisfies the need.  ``{patient_id}`` (or any argument name in braces) in a
    key is filled from the call's arguments, so per-patient observations gate
    per-patient scores.
    """

    what: str  # e.g. "the examination findings"
    keys: tuple[str, ...]  # any one satisfies it, e.g. ("examine_patient",)

    def resolve(self, arguments: dict[str, Any]) -> tuple[str, ...]:
        out = []
        for key in self.keys:
            try:
                out.append(key.format(**{k: str(v) for k, v in arguments.items()}))
            except (KeyError, IndexError, ValueError):
                out.append(key)
        return tuple(out)


class Elicited:
    """The set of things the agent has been shown (keys) in one episode.

    Keys compare case-insensitively: ``get_vitals:p1`` and ``get_vitals:P1`` are the
    same observation (tools accept ids in any case).
    """

    __slots__ = ("keys",)

    def __init__(self) -> None:
        self.keys: set[str] = set()

    def show(self, *keys: str) -> None:
        """Record that the agent has now been shown ``keys`` (case-insensitive)."""
        self.keys.update(k.lower() for k in keys)

    def has(self, key: str) -> bool:
        return key.lower() in self.keys

    def any_of(self, keys: Iterable[str]) -> bool:
        return any(k.lower() in self.keys for k in keys)

    def require(self, needs: Iterable[Need], arguments: dict[str, Any] | None = None) -> None:
        """Raise :class:`ToolError` naming every need not yet met."""
        missing = []
        for need in needs:
            keys = need.resolve(arguments or {})
            if not self.any_of(keys):
                tools = " or ".join(sorted({k.split(":", 1)[0] for k in keys}))
                missing.append(f"{need.what} (call {tools} first)")
        if missing:
            raise ToolError(
                "this calculation reads values you have not been shown yet; it needs "
                + "; ".join(missing)
                + ". Observe them first, or pass the values as arguments where the tool "
                "accepts them."
            )


def elicited(state: Any) -> Elicited:
    """The elicitation record of an episode state (created on first use).

    States are plain mutable objects (dataclasses); the record is kept as an attribute
    so no domain has to declare it.  A state that cannot take attributes gets a fresh
    record on each call, i.e. nothing is ever elicited (gated tools then refuse).
    """
    record = getattr(state, _ATTR, None)
    if record is None:
        record = Elicited()
        with contextlib.suppress(AttributeError, TypeError):
            object.__setattr__(state, _ATTR, record)
    return record


__all__ = ["Elicited", "Need", "elicited"]
