"""The interaction table: derived pairs overlaid by curated entries.

Precedence (lowest to highest): derived from mechanism data
(:mod:`.derive`), curated entries naming a drug group on both sides, curated entries
naming explicit drugs on one side, curated entries naming explicit drugs on both sides.
Two curated entries of the same precedence for one pair are an error, so a typo cannot
silently decide a severity.
"""

from __future__ import annotations

from functools import cache
from itertools import product

from . import curated_antithrombotic, curated_cv, curated_more, curated_other
from .derive import derive_all
from .formulary import drugs, group_members, normalize_name
from .model import SEVERITIES, Interaction
from .parse import FormularyError

_FIELDS = ("mech", "effect", "manage", "ref")


def _side(token_list: str) -> tuple[list[str], bool]:
    """Drug names of one side and whether it names drugs explicitly (no group)."""
    names: list[str] = []
    explicit = True
    for token in (t.strip() for t in token_list.split(",")):
        if token.startswith("group:"):
            members = group_members(token.removeprefix("group:"))
            if not members:
                raise FormularyError(f"unknown group {token!r}")
            names += members
            explicit = False
        elif token in drugs():
            names.append(token)
        else:
            raise FormularyError(f"curated entry names unknown drug {token!r}")
    return names, explicit


def _entries(text: str) -> list[tuple[str, list[str]]]:
    """(header, body lines) per entry; header continuation lines are joined."""
    entries: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if not line.startswith(" "):
            entries.append((line.strip(), []))
        elif line.startswith("    ") and not entries[-1][1]:
            entries[-1] = (entries[-1][0] + " " + line.strip(), [])
        else:
            entries[-1][1].append(line)
    return entries


def parse_curated(text: str) -> list[tuple[int, Interaction]]:
    """(precedence, interaction) for every pair an entry expands to."""
    out = []
    for header, body in _entries(text):
        left, sep, right = header.partition(" + ")
        if not sep:
            raise FormularyError(f"curated header needs 'A + B': {header!r}")
        a_names, a_explicit = _side(left)
        b_names, b_explicit = _side(right)
        severity, _, category = body[0].strip().partition(" | ")
        if severity not in SEVERITIES or not category:
            raise FormularyError(f"{header}: bad severity line {body[0]!r}")
        fields: dict[str, str] = {}
        last = None
        for line in body[1:]:
            if line.startswith("    ") and last:
                fields[last] += " " + line.strip()
                continue
            key, _, value = line.strip().partition(" ")
            if key not in _FIELDS or key in fields:
                raise FormularyError(f"{header}: bad field {key!r}")
            fields[key] = value.strip()
            last = key
        if set(fields) != set(_FIELDS):
            raise FormularyError(f"{header}: needs fields {_FIELDS}")
        for a, b in product(a_names, b_names):
            if a == b:
                continue
            first, second = sorted((a, b))
            out.append(
                (
                    a_explicit + b_explicit,
                    Interaction(
                        drug_a=first,
                        drug_b=second,
                        severity=severity,  # type: ignore[arg-type]
                        category=category.strip(),
                        mechanism=fields["mech"],
                        effect=fields["effect"],
                        management=fields["manage"],
                        source="curated",
                        reference=fields["ref"],
                    ),
                )
            )
    return out


@cache
def curated_table() -> dict[tuple[str, str], Interaction]:
    """Curated interactions after precedence is applied."""
    ranked = [
        entry
        for module in (curated_cv, curated_antithrombotic, curated_other, curated_more)
        for entry in parse_curated(module.DATA)
    ]
    table: dict[tuple[str, str], Interaction] = {}
    level: dict[tuple[str, str], int] = {}
    for precedence, ix in sorted(ranked, key=lambda r: r[0]):
        if level.get(ix.pair) == precedence:
            raise FormularyError(f"two curated entries of equal precedence for {ix.pair}")
        table[ix.pair] = ix
        level[ix.pair] = precedence
    return table


@cache
def interaction_table() -> dict[tuple[str, str], Interaction]:
    """Every interaction, keyed by the sorted pair of generic names."""
    table = derive_all(drugs())
    table.update(curated_table())
    return dict(sorted(table.items()))


def interaction(a: str, b: str) -> Interaction | None:
    """The interaction of two drugs named by generic, brand or salt name, or ``None``.

    Raises ``KeyError`` for a name that is not in the formulary.
    """
    x, y = normalize_name(a), normalize_name(b)
    for given, found in ((a, x), (b, y)):
        if found is None:
            raise KeyError(f"unknown drug {str(given)[:80]!r}")
    assert x is not None and y is not None
    if x == y:
        return None
    first, second = sorted((x, y))
    return interaction_table().get((first, second))


def interaction_pairs() -> list[tuple[str, str, str]]:
    """``(a, b, severity)`` for every interacting pair (generic lower-case names, a < b)."""
    return [(a, b, ix.severity) for (a, b), ix in interaction_table().items()]
