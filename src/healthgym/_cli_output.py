"""Terminal output shared by the ``healthgym`` commands: tables that fit, friendly names.

:func:`print_table` prints rows as a table when the table fits the terminal with every
identifier whole (tool names, passage ids, task ids: what a user copies into the next
command), wrapping the other columns at word boundaries; when it cannot, it prints each
row as a block (the identifiers on their own line, the other fields indented below), so
an identifier is never cut or folded. :func:`unknown_name` words an unknown-name error
with ``difflib`` suggestions and no quotes around the name.
"""

from __future__ import annotations

import difflib
import io
import textwrap
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

MIN_TEXT_WIDTH = 12  # a wrapped column narrower than this is unreadable: fold to blocks
PROSE_WIDTH = 30  # the narrowest a column of sentences (``Column.fold``) may be


@dataclass(frozen=True)
class Column:
    """A table column: ``key`` of the row dicts, ``header`` shown; ``ident`` marks a
    column of identifiers (printed whole, never wrapped); ``justify`` for numbers."""

    key: str
    header: str
    ident: bool = False
    justify: str = "left"
    fold: bool = False  # prose: a word longer than MIN_TEXT_WIDTH may be folded


def stdout_console() -> Console:
    """A console on standard output (its width from the terminal, else ``COLUMNS``, else 80)."""
    return Console(highlight=False)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def _lines(row: dict[str, Any], column: Column) -> list[str]:
    return _cell(row.get(column.key)).splitlines() or [""]


def _natural(column: Column, rows: Sequence[dict[str, Any]]) -> int:
    """The column's width without wrapping."""
    return max([len(column.header), *(len(line) for r in rows for line in _lines(r, column))])


def _narrowest(column: Column, rows: Sequence[dict[str, Any]]) -> int:
    """The narrowest width the column may take: its identifiers whole; otherwise its
    longest word (never folded) and at least ``MIN_TEXT_WIDTH`` when it has that much."""
    natural = _natural(column, rows)
    if column.ident:
        return natural
    words = [len(w) for r in rows for w in _cell(r.get(column.key)).split()]
    if column.fold:
        words = [min(w, MIN_TEXT_WIDTH) for w in words]
    least = PROSE_WIDTH if column.fold else MIN_TEXT_WIDTH
    return max([len(column.header), *words, min(natural, least)])


def _new_table(lines: bool) -> Table:
    return Table(
        box=box.SIMPLE_HEAD, show_lines=lines, show_edge=False, pad_edge=False, expand=False
    )


def _overhead(n: int) -> int:
    """Characters a table of ``n`` columns spends on padding and separators."""
    probe = _new_table(False)
    for _ in range(n):
        probe.add_column("x", width=1)
    probe.add_row(*(["x"] * n))
    return _render(probe, 10_000).splitlines()[0].__len__() - n


def _render(renderable: Any, width: int) -> str:
    probe = Console(
        width=width,
        file=io.StringIO(),
        color_system=None,
        force_terminal=False,
        legacy_windows=False,
    )
    probe.print(renderable)
    return probe.file.getvalue()  # type: ignore[attr-defined]


def _widths(
    columns: Sequence[Column], rows: Sequence[dict[str, Any]], room: int
) -> list[int] | None:
    """Column widths within ``room`` characters, or ``None`` when even the narrowest do
    not fit. Wrapped columns share the space left in proportion to what they lack."""
    natural = [_natural(c, rows) for c in columns]
    if sum(natural) <= room:
        return natural
    widths = [_narrowest(c, rows) for c in columns]
    spare = room - sum(widths)
    if spare < 0:
        return None
    want = [n - w for n, w in zip(natural, widths, strict=True)]
    total = sum(want)
    if total:
        grant = [spare * w // total for w in want]
        widths = [w + g for w, g in zip(widths, grant, strict=True)]
        left = spare - sum(grant)
        for i in sorted(range(len(columns)), key=lambda i: -want[i]):
            if left <= 0:
                break
            if widths[i] < natural[i]:
                widths[i] += 1
                left -= 1
    return widths


def print_table(
    columns: Sequence[Column],
    rows: Sequence[dict[str, Any]],
    *,
    console: Console | None = None,
    lines: bool = False,
    must_show: Callable[[dict[str, Any]], Iterable[str]] | None = None,
) -> str:
    """Print ``rows`` (dicts keyed by the columns' keys) as a table, or as blocks when
    the table cannot fit with every identifier whole and no word folded; returns
    ``"table"`` or ``"blocks"``.

    ``must_show(row)`` names further identifiers inside non-identifier cells (e.g. the
    task ids in a list of examples) that must also stay whole.
    """
    console = console or stdout_console()
    idents: list[str] = []
    for r in rows:
        for c in columns:
            if c.ident:
                idents += _lines(r, c)
        if must_show is not None:
            idents += [str(i) for i in must_show(r)]
    widths = _widths(columns, rows, console.width - _overhead(len(columns)))
    if widths is not None:
        table = _new_table(lines)
        for c, w in zip(columns, widths, strict=True):
            table.add_column(
                c.header,
                width=w,
                no_wrap=c.ident,
                overflow="fold",
                justify=c.justify,  # type: ignore[arg-type]
            )
        for r in rows:
            table.add_row(*(Text(_cell(r.get(c.key))) for c in columns))
        text = _render(table, console.width)
        fits = all(len(line) <= console.width for line in text.splitlines())
        if fits and all(i in text for i in idents if i):
            console.print(table)
            return "table"
    print_blocks(columns, rows, console=console)
    return "blocks"


def print_blocks(
    columns: Sequence[Column], rows: Sequence[dict[str, Any]], *, console: Console | None = None
) -> None:
    """Each row as a block: its identifiers on one line (printed whole, the terminal wraps
    them if it must), then ``header: value`` lines wrapped at spaces with a hanging
    indent (identifiers inside values are never broken, not even at hyphens)."""
    console = console or stdout_console()
    ident_cols = [c for c in columns if c.ident] or [columns[0]]
    others = [c for c in columns if c not in ident_cols]
    label_width = max((len(c.header) for c in others), default=0) + 2
    for n, r in enumerate(rows):
        if n:
            console.print()
        head = "  ".join(_cell(r.get(c.key)) for c in ident_cols)
        console.print(Text(head, style="bold"), soft_wrap=True)
        for c in others:
            value = _cell(r.get(c.key))
            if not value:
                continue
            label = f"  {c.header}:".ljust(label_width + 2)
            out = []
            for k, para in enumerate(value.splitlines() or [""]):
                out.append(
                    textwrap.fill(
                        para,
                        width=max(console.width, label_width + 12),
                        initial_indent=label if k == 0 else " " * len(label),
                        subsequent_indent=" " * len(label),
                        break_long_words=False,
                        break_on_hyphens=False,
                    )
                )
            console.print(Text("\n".join(out)), soft_wrap=True)


def print_fields(fields: dict[str, Any], *, console: Console | None = None) -> None:
    """``key  value`` lines, the values aligned and wrapped at spaces with a hanging
    indent (a long token such as a path or a hash is printed whole)."""
    console = console or stdout_console()
    width = max((len(k) for k in fields), default=0) + 2
    for key, value in fields.items():
        text = textwrap.fill(
            _cell(value),
            width=max(console.width, width + 12),
            initial_indent=key.ljust(width),
            subsequent_indent=" " * width,
            break_long_words=False,
            break_on_hyphens=False,
        )
        console.print(Text(text), soft_wrap=True)


def suggestions(name: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """Close matches of ``name`` among ``choices`` (``difflib``, case-insensitive)."""
    pool = list(choices)
    lowered = {c.lower(): c for c in pool}
    found = difflib.get_close_matches(name.strip().lower(), list(lowered), n=n, cutoff=0.6)
    prefix = [c for c in pool if c.lower().startswith(name.strip().lower()) and name.strip()]
    out = [lowered[f] for f in found]
    return out + [c for c in prefix if c not in out][: max(0, n - len(out))]


def either(names: Sequence[str]) -> str:
    """``a``, ``a or b``, ``a, b or c``."""
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def unknown_name(
    kind: str, name: str, choices: Iterable[str], see: str | None = None, show_all: int = 20
) -> str:
    """``unknown <kind> <name>; did you mean <a> or <b>?`` (the choices listed when few)."""
    pool = list(choices)
    close = suggestions(name, pool)
    message = f"unknown {kind} {name.strip() or '(empty)'}"
    if close:
        message += "; did you mean " + either(close) + "?"
    if len(pool) <= show_all:
        message += f" (available: {', '.join(pool)})"
    elif see:
        message += f" (see {see})"
    return message


def first_sentence(text: str, limit: int = 200) -> str:
    """The first sentence of ``text`` (at most ``limit`` characters, cut at a space and
    marked with an ellipsis): long descriptions in a table, the full text elsewhere."""
    text = " ".join(text.split())
    for i, ch in enumerate(text):
        end = i + 1 == len(text) or (text[i + 1] == " " and text[i + 2 : i + 3].isupper())
        if ch == "." and end and i + 1 <= limit:
            return text[: i + 1]
        if i >= limit:
            break
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + " …"
