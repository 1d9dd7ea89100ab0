"""Serving healthgym environments: an HTTP environment server and an MCP tool server.

* :func:`healthgym.server.app.create_app` builds the FastAPI application (OpenEnv-style
  ``/reset``, ``/step``, ``/state``, ``/health``, ``/schema``, ``/metadata``), one
  isolated :class:`~healthgym.env.HealthGymEnv` per session.
* :class:`healthgym.server.client.EnvClient` (sync) and
  :class:`healthgym.server.client.AsyncEnvClient` talk to it with the gymnasium
  signatures.
* :func:`healthgym.server.mcp_server.create_mcp_server` exposes one domain's tools over
  MCP (stdio or streamable HTTP), many episodes at once, each addressed by the
  ``episode_id`` that ``reset_episode`` returns.
* :mod:`healthgym.server.openenv_app` serves every domain over OpenEnv's protocol
  (openenv-core's app factory: ``/ws`` sessions, ``/reset``, ``/step``, ``/mcp``, ...)
  through :class:`healthgym.server.openenv_env.HealthGymOpenEnv`.

Nothing here imports torch; FastAPI, uvicorn and mcp are imported only by the modules
that need them, so ``import healthgym.server`` is cheap.
"""

from __future__ import annotations

from .config import ServerConfig

__all__ = ["ServerConfig"]
