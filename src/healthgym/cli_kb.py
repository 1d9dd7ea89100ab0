"""``healthgym kb``: build, search and inspect BM25 knowledge bases.

    healthgym kb build --source medquad --path data/medquad --out kb/medquad
    healthgym kb search "What is acromegaly" --kb kb/medquad --k 3
    healthgym kb stats --kb kb/medquad --format json

Without ``--kb`` the default knowledge base is used: the built-in corpus (built on
first use) unless ``HEALTHGYM_KB_DIR`` points at another index.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ._cli_output import Column, print_fields, print_table
from .knowledge.build import build_index
from .knowledge.builtin import CORPUS_VERSION, builtin_passages
from .knowledge.index import KnowledgeBase
from .knowledge.loaders import LOADERS, LoadStats
from .knowledge.passages import KnowledgeBaseError, Passage
from .knowledge.query import make_snippet, query_terms
from .knowledge.store import BUILTIN_NAME, builtin_dir, get_default_kb

kb_app = typer.Typer(
    help="Build, search and inspect BM25 knowledge bases.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
console = Console(stderr=True)


class Source(str, Enum):
    builtin = "builtin"
    jsonl = "jsonl"
    medquad = "medquad"
    medquad_xml = "medquad-xml"
    pubmed = "pubmed"
    text = "text"


class Fmt(str, Enum):
    json = "json"
    table = "table"


class Per(str, Enum):
    paragraph = "paragraph"
    file = "file"


def _fail(message: str) -> typer.Exit:
    console.print(f"[red]error:[/red] {message}")
    return typer.Exit(1)


def _open(kb: Path | None) -> KnowledgeBase:
    try:
        return KnowledgeBase.open(kb) if kb is not None else get_default_kb()
    except KnowledgeBaseError as e:
        raise _fail(str(e)) from None


def _counted(passages: Iterator[Passage], progress: Progress, task: Any) -> Iterator[Passage]:
    for i, p in enumerate(passages, start=1):
        if i % 1000 == 0:
            progress.update(task, completed=i)
        yield p


@kb_app.command("build")
def build(
    source: Source = typer.Option(..., "--source", help="input format"),
    path: Path | None = typer.Option(None, "--path", help="input file or folder"),
    out: Path | None = typer.Option(
        None, "--out", help="index directory (builtin: the cache directory by default)"
    ),
    force: bool = typer.Option(False, "--force", help="replace an existing index at --out"),
    per: Per = typer.Option(Per.paragraph, "--per", help="text source: passage per"),
    heap_mb: int = typer.Option(1024, "--heap-mb", min=16, help="indexing memory budget"),
    threads: int = typer.Option(0, "--threads", min=0, help="indexing threads (0 = auto)"),
) -> None:
    """Build an index from a corpus (streamed) and print its manifest as JSON."""
    stats = LoadStats()
    extra: dict[str, Any] = {}
    if source is Source.builtin:
        passages: Iterator[Passage] = builtin_passages()
        out = out or builtin_dir()
        name, extra = BUILTIN_NAME, {"corpus_version": CORPUS_VERSION}
    else:
        if path is None or out is None:
            raise _fail(f"--source {source.value} needs --path (the input) and --out")
        kwargs: dict[str, Any] = {"stats": stats}
        if source is Source.text:
            kwargs["per"] = per.value
        passages = LOADERS[source.value](path, **kwargs)
        name = f"{source.value}:{path.name}"
        extra = {"input": str(path)}
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    try:
        with Progress(*columns, console=console, transient=True) as progress:
            task = progress.add_task(f"indexing {source.value}", total=None)
            manifest = build_index(
                _counted(passages, progress, task),
                out,
                name=name,
                overwrite=force,
                heap_mb=heap_mb,
                threads=threads or None,
                extra_manifest=extra,
            )
    except KnowledgeBaseError as e:
        raise _fail(str(e)) from None
    if source is not Source.builtin:
        manifest["load"] = stats.as_dict()
    console.print(
        f"indexed {manifest['passages']:,} passages into {out} in {manifest['build_seconds']:.1f} s"
    )
    typer.echo(json.dumps({"path": str(out), **manifest}, indent=2, ensure_ascii=False))


@kb_app.command("search")
def search(
    query: str = typer.Argument(..., help="search text (any text; no query syntax)"),
    kb: Path | None = typer.Option(None, "--kb", help="index directory (default: built-in)"),
    k: int = typer.Option(5, "--k", min=1, max=100, help="number of passages"),
    format: Fmt = typer.Option(Fmt.table, "--format", help="output format"),
) -> None:
    """Search a knowledge base and print the ranked passages."""
    base = _open(kb)
    terms = query_terms(query)
    if not terms:
        console.print("the query has no searchable terms (only stopwords or punctuation)")
        hits = []
    else:
        try:
            hits = base.search(query, k=k)
        except KnowledgeBaseError as e:
            raise _fail(str(e)) from None
    rows = [
        {
            "rank": h.rank,
            "id": h.passage.id,
            "title": h.passage.title,
            "score": round(h.score, 4),
            "source": h.passage.source,
            "url": h.passage.url,
            "snippet": make_snippet(h.passage.text, terms, 240),
        }
        for h in hits
    ]
    if format is Fmt.json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    columns = [
        Column("rank", "#", justify="right"),
        Column("id", "id", ident=True),
        Column("title", "title"),
        Column("score", "score", justify="right"),
        Column("snippet", "snippet", fold=True),
    ]
    print_table(columns, [r | {"score": f"{r['score']:.2f}"} for r in rows], lines=True)
    if terms and not rows:
        console.print("no passages match")


@kb_app.command("stats")
def stats(
    kb: Path | None = typer.Option(None, "--kb", help="index directory (default: built-in)"),
    format: Fmt = typer.Option(Fmt.table, "--format", help="output format"),
) -> None:
    """Show a knowledge base's manifest: passages, sources, build time, hash, size."""
    info = _open(kb).stats()
    if format is Fmt.json:
        typer.echo(json.dumps(info, indent=2, ensure_ascii=False))
        return
    print_fields(
        {
            key: value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            for key, value in info.items()
        }
    )
