"""``healthgym serve``: the HTTP environment server and the MCP tool server."""

from __future__ import annotations

import os

import typer

serve_app = typer.Typer(help="Serve environments over HTTP or MCP.", no_args_is_help=True)


@serve_app.command("env")
def serve_env(
    host: str = typer.Option("127.0.0.1", help="interface to listen on"),
    port: int = typer.Option(8000, min=0, max=65535, help="TCP port"),
    max_sessions: int = typer.Option(256, min=1, help="open sessions allowed at once"),
    idle_timeout: float = typer.Option(600.0, min=1.0, help="close sessions idle this long (s)"),
    max_body_bytes: int = typer.Option(1_000_000, min=1024, help="largest request body"),
    max_turns: int = typer.Option(20, min=1, max=100, help="default turn limit per episode"),
    domains: str = typer.Option("all", help="'all' or comma-separated domains to serve"),
    trainer_token: str | None = typer.Option(
        None,
        envvar="HEALTHGYM_TRAINER_TOKEN",
        help="enable GET /trainer/task/{id} for callers presenting this bearer token "
        "(>= 16 characters; prefer the environment variable)",
    ),
    log_level: str = typer.Option("warning", help="uvicorn log level"),
) -> None:
    """Run the HTTP environment server (POST /reset, POST /step, GET /state ...)."""
    import uvicorn

    from .domains import resolve_domains
    from .server.app import create_app
    from .server.config import ServerConfig

    try:
        chosen = tuple(resolve_domains(domains))
        config = ServerConfig(
            max_sessions=max_sessions,
            idle_timeout_s=idle_timeout,
            sweep_interval_s=max(0.5, min(30.0, idle_timeout / 4)),
            max_body_bytes=max_body_bytes,
            max_turns=max_turns,
            trainer_token=trainer_token or None,
            domains=chosen,
        )
    except (KeyError, ValueError) as e:
        raise typer.BadParameter(str(e.args[0] if e.args else e)) from None
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    uvicorn.run(create_app(config), host=host, port=port, log_level=log_level)


@serve_app.command("mcp")
def serve_mcp(
    domain: str = typer.Option(..., help="the domain whose tools to serve"),
    split: str = typer.Option("train", help="split tasks are drawn from: train, test or all"),
    max_turns: int = typer.Option(20, min=1, max=100, help="turn limit per episode"),
    transport: str = typer.Option("stdio", help="stdio or streamable-http"),
    host: str = typer.Option("127.0.0.1", help="interface to listen on (streamable-http)"),
    port: int = typer.Option(8000, min=0, max=65535, help="TCP port (streamable-http)"),
    max_episodes: int = typer.Option(256, min=1, help="episodes held at once"),
    step_signals: bool = typer.Option(
        False, help="send per-turn step_signals mid-episode (a trainer's channel)"
    ),
) -> None:
    """Run an MCP server exposing one domain's tools (episodes by episode_id)."""
    from .domains import domain_names
    from .server.mcp_server import create_mcp_server

    if domain not in domain_names():
        raise typer.BadParameter(f"unknown domain {domain!r}; available: {domain_names()}")
    if split not in ("train", "test", "all"):
        raise typer.BadParameter("split must be train, test or all")
    if transport not in ("stdio", "streamable-http"):
        raise typer.BadParameter("transport must be stdio or streamable-http")
    server = create_mcp_server(
        domain, None if split == "all" else split, max_turns, max_episodes, step_signals
    )
    if transport == "stdio":
        server.run("stdio")
    else:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        server.run("streamable-http", host=host, port=port)


@serve_app.command("openenv")
def serve_openenv(
    host: str = typer.Option("127.0.0.1", help="interface to listen on"),
    port: int = typer.Option(8000, min=0, max=65535, help="TCP port"),
    domains: str = typer.Option("all", help="'all' or comma-separated domains to serve"),
    domain: str | None = typer.Option(None, help="domain of a reset that names none"),
    split: str = typer.Option("train", help="default split of a reset: train, test or all"),
    max_turns: int = typer.Option(20, min=1, max=100, help="default turn limit per episode"),
    max_concurrent_envs: int = typer.Option(64, min=1, help="concurrent /ws sessions allowed"),
    step_signals: bool = typer.Option(
        True, help="send per-turn step_signals mid-episode (a trainer's channel)"
    ),
    log_level: str = typer.Option("warning", help="uvicorn log level"),
) -> None:
    """Run the OpenEnv server (openenv-core: /ws sessions, /reset, /step, /mcp ...)."""
    try:
        import uvicorn
        from openenv.core.env_server import http_server  # noqa: F401
    except ImportError as e:
        raise typer.BadParameter(
            f"the OpenEnv server needs the extra: pip install 'healthgym[openenv]' ({e})"
        ) from None

    from .server.openenv_env import create_openenv_app

    if split not in ("train", "test", "all"):
        raise typer.BadParameter("split must be train, test or all")
    try:
        app = create_openenv_app(
            domains=domains,
            default_domain=domain,
            split=None if split == "all" else split,
            max_turns=max_turns,
            max_concurrent_envs=max_concurrent_envs,
            step_signals=step_signals,
        )
    except (KeyError, ValueError) as e:
        raise typer.BadParameter(str(e.args[0] if e.args else e)) from None
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    uvicorn.run(app, host=host, port=port, log_level=log_level)
