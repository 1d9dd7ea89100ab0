"""The OpenEnv server's ASGI app and entry point (``openenv.yaml``: ``app``; the
Dockerfile's command).

Configured from the environment: ``HEALTHGYM_DOMAINS`` (``all`` or a comma-separated
list), ``HEALTHGYM_SPLIT`` (``train``/``test``/``all``), ``HEALTHGYM_MAX_TURNS``,
``HEALTHGYM_MAX_CONCURRENT_ENVS``, ``HOST`` and ``PORT``.
"""

from __future__ import annotations

import os

from .openenv_env import create_openenv_app


def _split() -> str | None:
    split = os.environ.get("HEALTHGYM_SPLIT", "train")
    if split not in ("train", "test", "all"):
        raise ValueError("HEALTHGYM_SPLIT must be train, test or all")
    return None if split == "all" else split


app = create_openenv_app(
    domains=os.environ.get("HEALTHGYM_DOMAINS", "all"),
    split=_split(),
    max_turns=int(os.environ.get("HEALTHGYM_MAX_TURNS", "20")),
    max_concurrent_envs=int(os.environ.get("HEALTHGYM_MAX_CONCURRENT_ENVS", "64")),
)


def main() -> None:
    """Serve :data:`app` with uvicorn on ``HOST``:``PORT`` (default 0.0.0.0:8000)."""
    import uvicorn

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    uvicorn.run(
        app, host=os.environ.get("HOST", "0.0.0.0"), port=int(os.environ.get("PORT", "8000"))
    )


if __name__ == "__main__":
    main()
