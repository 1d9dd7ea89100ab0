"""verl's tool-config YAML for HealthGym domains.

verl (``verl.tools.tool_registry.initialize_tools_from_config``) reads::

    tools:
      - class_name: healthgym.train.verl.tool.HealthGymTool
        config: {type: native, max_turns: 20}
        tool_schema: {type: function, function: {name, description, parameters}}

one entry per tool name. The schemas are the registry's (:mod:`healthgym.tools.registry`),
so the model sees the same tools the environment validates. Several domains can share
one config: a tool name used by several domains (the shared knowledge tools) appears
once, since :class:`~.tool.HealthGymTool` routes each call to the environment of the
task's own domain; two domains defining one name with different schemas is an error.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

TOOL_CLASS = "healthgym.train.verl.tool.HealthGymTool"


def tool_config(
    domains: str | Sequence[str],
    *,
    class_name: str = TOOL_CLASS,
    max_turns: int = 20,
    env_factory: str | None = None,
) -> dict[str, Any]:
    """The config as a dict (``{"tools": [...]}``).

    ``env_factory``: optional ``"module:attribute"`` of a callable ``(domain, max_turns)
    -> env-like`` the tool uses instead of a local environment (e.g. a remote client).
    """
    from ...domains import get_domain

    names = [domains] if isinstance(domains, str) else list(domains)
    config: dict[str, Any] = {"type": "native", "max_turns": max_turns}
    if env_factory:
        config["env_factory"] = env_factory
    seen: dict[str, dict[str, Any]] = {}
    tools = []
    for d in names:
        for schema in get_domain(d).toolkit.schemas:
            name = schema["function"]["name"]
            if name in seen:
                if json.dumps(seen[name], sort_keys=True) != json.dumps(schema, sort_keys=True):
                    raise ValueError(f"tool {name!r} has different schemas across {names}")
                continue
            seen[name] = schema
            tools.append({"class_name": class_name, "config": dict(config), "tool_schema": schema})
    return {"tools": tools}


def write_tool_config(domains: str | Sequence[str], path: str | Path, **kwargs: Any) -> Path:
    """Write :func:`tool_config` as YAML; returns the path."""
    import yaml

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(tool_config(domains, **kwargs), sort_keys=False))
    return path


__all__ = ["TOOL_CLASS", "tool_config", "write_tool_config"]
