"""Tools and helpers shared by several domains.

:func:`shared_tools` are offered in every domain in addition to the domain's own
toolkit (the knowledge-base search and reader): a task's ``allowed_tools`` lists
its domain's tools, and the environment adds these.
"""

from __future__ import annotations

from functools import cache

from ...tools import Tool


@cache
def shared_tools() -> tuple[Tool, ...]:
    from ...knowledge.tools import KNOWLEDGE_TOOLS

    return tuple(KNOWLEDGE_TOOLS)


def shared_tool_names() -> frozenset[str]:
    return frozenset(t.name for t in shared_tools())
