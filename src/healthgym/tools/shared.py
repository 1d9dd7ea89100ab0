"""Tools offered in every domain.

:func:`shared_tools` are offered in every domain in addition to the domain's own
toolkit (the knowledge-base search and reader): a task's ``allowed_tools`` lists
its domain's tools, and the environment adds these.  The calculator tools a domain
may add to its own toolkit are in :mod:`.calculators`.
"""

from __future__ import annotations

from functools import cache

from .registry import Tool


@cache
def shared_tools() -> tuple[Tool, ...]:
    """The knowledge-base tools (imported on first use: the knowledge layer builds on
    this one)."""
    from ..knowledge.tools import KNOWLEDGE_TOOLS

    return tuple(KNOWLEDGE_TOOLS)


def shared_tool_names() -> frozenset[str]:
    """Names of :func:`shared_tools`."""
    return frozenset(t.name for t in shared_tools())
