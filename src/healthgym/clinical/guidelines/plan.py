"""A management plan as action codes, the shape the guideline rules return.

A rule that recommends management (e.g. :func:`.obstetric_fetal.ctg_plan`) returns a
:class:`Plan`: the action groups that are required (one action of each group is
needed) and the actions the guideline advises against.  The action codes are the
rule's own vocabulary; a domain maps them to its tools and wording.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Plan:
    """Required action groups (one of each group is needed) and forbidden actions."""

    required: tuple[tuple[str, ...], ...]
    forbidden: tuple[str, ...] = ()
