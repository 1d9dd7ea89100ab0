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
) -> None:
    """Run an MCP server over stdio exposing one domain's tools for one episode."""
    from .domains import domain_names
    from .server.mcp_server import create_mcp_server

    if domain not in domain_names():
        raise typer.BadParameter(f"unknown domain {domain!r}; available: {domain_names()}")
    if split not in ("train", "test", "all"):
        raise typer.BadParameter("split must be train, test or all")
    server = create_mcp_server(domain, None if split == "all" else split, max_turns)
    server.run("stdio")
