"""Reader of the formulary's compact monograph blocks (the ``data_*`` modules).

A block is the generic name on an unindented line followed by indented lines of
``key value`` segments separated by `` | ``; a line indented by four or more spaces
continues the previous value.  Keys:

``brands``/``salts``/``aka``/``for``/``allergy`` comma lists; ``class``, ``group``,
``moa``, ``dose``, ``renalnote``, ``src`` text; ``cyp`` tokens ``ROLE:ENZYME`` with ROLE
``S`` sensitive, ``s`` moderate sensitive, ``m`` minor substrate, ``P`` prodrug activated
by the enzyme, ``I``/``i``/``w`` strong/moderate/weak inhibitor, ``X``/``x`` strong/
moderate inducer; ``qt`` known|possible|conditional; ``flags`` tokens ``sero``,
``maoi=irreversible|reversible``, ``bleed=N``, ``cns=N``, ``k+``, ``inpatient``;
``renal`` ``crcl|egfr RANGE: dose; RANGE: dose ...`` with RANGE ``>=a``, ``a-b`` (a <= x < b)
or ``<b``; ``hepatic`` ``A: text; B: text; C: text``; ``preg``/``lact``/``beers``
``level: note``; ``ci``/``ae`` lists separated by ``;``.
"""

from __future__ import annotations

import math
import re
from itertools import pairwise
from typing import Any

from .model import (
    ALLERGY_CLASS_NAMES,
    ENZYMES,
    SAFETY_LEVELS,
    Drug,
    RenalBand,
    RenalDosing,
    is_avoid_text,
)

_ROLES = {
    "S": ("substrate", "sensitive"),
    "s": ("substrate", "moderate"),
    "m": ("substrate", "minor"),
    "P": ("substrate", "prodrug"),
    "I": ("inhibits", "strong"),
    "i": ("inhibits", "moderate"),
    "w": ("inhibits", "weak"),
    "X": ("induces", "strong"),
    "x": ("induces", "moderate"),
}
_KEYS = {
    "brands",
    "salts",
    "aka",
    "class",
    "group",
    "moa",
    "for",
    "dose",
    "cyp",
    "qt",
    "flags",
    "renal",
    "renalnote",
    "hepatic",
    "preg",
    "lact",
    "ci",
    "allergy",
    "ae",
    "beers",
    "src",
}
_RANGE = re.compile(
    r"^(>=\s*(?P<ge>\d+(?:\.\d+)?)|<\s*(?P<lt>\d+(?:\.\d+)?)|(?P<a>\d+)-(?P<b>\d+))$"
)


class FormularyError(ValueError):
    """A malformed monograph block (raised at import, so a typo cannot ship)."""


def _split_list(value: str, sep: str = ",") -> tuple[str, ...]:
    return tuple(x.strip() for x in value.split(sep) if x.strip())


def _level(drug: str, key: str, value: str, levels: tuple[str, ...]) -> tuple[str, str]:
    level, _, note = value.partition(":")
    level = level.strip()
    if level not in levels:
        raise FormularyError(f"{drug}: {key} level {level!r} not in {levels}")
    return level, note.strip()


def parse_renal(drug: str, value: str) -> RenalDosing:
    basis, _, rest = value.strip().partition(" ")
    if basis not in ("crcl", "egfr"):
        raise FormularyError(f"{drug}: renal basis must be crcl or egfr, not {basis!r}")
    bands = []
    for i, part in enumerate(_split_list(rest, ";")):
        rng, sep, dose = part.partition(":")
        m = _RANGE.match(rng.strip())
        if not sep or not m or not dose.strip():
            raise FormularyError(f"{drug}: bad renal band {part!r}")
        if m["ge"]:
            lo, hi = float(m["ge"]), math.inf
        elif m["lt"]:
            lo, hi = 0.0, float(m["lt"])
        else:
            lo, hi = float(m["a"]), float(m["b"])
        dose = dose.strip()
        action = "usual" if i == 0 and not is_avoid_text(dose) else "reduce"
        if is_avoid_text(dose):
            action = "avoid"
        bands.append(RenalBand(lo, hi, dose, action))  # type: ignore[arg-type]
    for upper, lower in pairwise(bands):
        if upper.lo != lower.hi:
            raise FormularyError(f"{drug}: renal bands are not contiguous at {upper.lo:g}")
    if len(bands) < 2 or not math.isinf(bands[0].hi) or bands[-1].lo != 0:
        raise FormularyError(f"{drug}: renal bands must run from >= x down to < y")
    if len({b.dose.lower() for b in bands}) != len(bands):
        raise FormularyError(f"{drug}: two renal bands have the same dose text")
    return RenalDosing(basis, tuple(bands))  # type: ignore[arg-type]


def _hepatic(drug: str, value: str) -> dict[str, str]:
    out = {}
    for part in _split_list(value, ";"):
        cls, sep, text = part.partition(":")
        if not sep or cls.strip() not in ("A", "B", "C"):
            raise FormularyError(f"{drug}: bad hepatic entry {part!r}")
        out[cls.strip()] = text.strip()
    return out


def _cyp(drug: str, value: str) -> dict[str, dict[str, str]]:
    roles: dict[str, dict[str, str]] = {"substrate": {}, "inhibits": {}, "induces": {}}
    for token in value.split():
        role, _, enzyme = token.partition(":")
        if role not in _ROLES or enzyme not in ENZYMES:
            raise FormularyError(f"{drug}: bad cyp token {token!r}")
        kind, level = _ROLES[role]
        roles[kind][enzyme] = level
    return roles


def _flags(drug: str, value: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for token in value.split():
        name, _, arg = token.partition("=")
        if name == "sero":
            out["serotonergic"] = True
        elif name == "maoi" and arg in ("irreversible", "reversible"):
            out["maoi"] = arg
        elif name == "bleed" and arg in "123":
            out["bleeding"] = int(arg)
        elif name == "cns" and arg in ("1", "2"):
            out["cns_depressant"] = int(arg)
        elif name == "k+":
            out["raises_potassium"] = True
        elif name == "inpatient":
            out["inpatient_only"] = True
        else:
            raise FormularyError(f"{drug}: bad flag {token!r}")
    return out


def _segments(block: list[str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    last = None
    for line in block:
        segments = line.strip().split(" | ")
        if line.startswith("    "):  # continues the previous value, may open new keys
            if last is None:
                raise FormularyError(f"continuation line without a key: {line!r}")
            fields[last] += " " + segments.pop(0)
        for seg in segments:
            key, _, value = seg.strip().partition(" ")
            if key not in _KEYS or key in fields:
                raise FormularyError(f"unknown or repeated key {key!r} in {line!r}")
            fields[key] = value.strip()
            last = key
    return fields


def _drug(name: str, f: dict[str, str]) -> Drug:
    for required in ("class", "group", "moa", "for", "dose", "preg", "lact", "ae"):
        if required not in f:
            raise FormularyError(f"{name}: missing {required!r}")
    allergy = _split_list(f.get("allergy", ""))
    bad = set(allergy) - set(ALLERGY_CLASS_NAMES)
    if bad:
        raise FormularyError(f"{name}: unknown allergy classes {sorted(bad)}")
    beers = _level(name, "beers", f["beers"], ("avoid", "caution")) if "beers" in f else None
    qt = f.get("qt") or None
    if qt not in (None, "known", "possible", "conditional"):
        raise FormularyError(f"{name}: bad qt {qt!r}")
    roles = _cyp(name, f.get("cyp", ""))
    return Drug(
        name=name,
        drug_class=f["class"],
        group=f["group"],
        mechanism=f["moa"],
        indications=_split_list(f["for"]),
        usual_dose=f["dose"],
        pregnancy=_level(name, "preg", f["preg"], SAFETY_LEVELS),  # type: ignore[arg-type]
        lactation=_level(name, "lact", f["lact"], SAFETY_LEVELS),  # type: ignore[arg-type]
        adverse_effects=_split_list(f["ae"], ";"),
        brands=_split_list(f.get("brands", "")),
        salts=_split_list(f.get("salts", "")),
        aliases=_split_list(f.get("aka", "")),
        substrate=roles["substrate"],  # type: ignore[arg-type]
        inhibits=roles["inhibits"],  # type: ignore[arg-type]
        induces=roles["induces"],  # type: ignore[arg-type]
        qt_risk=qt,  # type: ignore[arg-type]
        renal=parse_renal(name, f["renal"]) if "renal" in f else None,
        renal_note=f.get("renalnote", ""),
        hepatic=_hepatic(name, f.get("hepatic", "")),
        contraindications=_split_list(f.get("ci", ""), ";"),
        allergy_classes=allergy,
        beers=beers,  # type: ignore[arg-type]
        source=f.get("src", ""),
        **_flags(name, f.get("flags", "")),
    )


def parse_monographs(text: str) -> list[Drug]:
    """All drugs of one data block, in order."""
    drugs: list[Drug] = []
    name: str | None = None
    block: list[str] = []
    for line in [*text.splitlines(), "<end>"]:
        if not line.strip():
            continue
        if line.startswith(" "):
            block.append(line)
            continue
        if name is not None:
            drugs.append(_drug(name, _segments(block)))
        name, block = line.strip(), []
        if name != "<end>" and not re.fullmatch(r"[a-z][a-z0-9 '\-]*", name):
            raise FormularyError(f"bad generic name {name!r}")
    return drugs
