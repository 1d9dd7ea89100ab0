"""OpenEnv entry point: the app and ``main()`` of :mod:`healthgym.server.openenv_app`
(configured by ``HEALTHGYM_DOMAINS``, ``HEALTHGYM_SPLIT``, ``HEALTHGYM_MAX_TURNS``,
``HEALTHGYM_MAX_CONCURRENT_ENVS``, ``HOST``, ``PORT``)."""

from __future__ import annotations

from healthgym.server.openenv_app import app
from healthgym.server.openenv_app import main as _serve

__all__ = ["app", "main"]


def main() -> None:
    """Serve the HealthGym OpenEnv app with uvicorn."""
    _serve()


if __name__ == "__main__":
    main()
