"""The formulary: every drug by generic name, and name normalisation.

Names are resolved in order: the whole normalised text (generic, brand, alias or
"generic salt" such as "metoprolol succinate"); then the text with doses, dosage-form
words ("tablet", "XL", "ER") and salt words ("hydrochloride", "sodium") removed; then
each word on its own.  "Coumadin" -> warfarin, "Toprol-XL 50 mg" -> metoprolol,
"losartan potassium" -> losartan, while "potassium chloride" stays itself.
"""

from __future__ import annotations

import difflib
import re
from functools import cache

from ..text import normalize
from . import data_cardio, data_cardio2, data_endo, data_infect, data_neuro, data_pain_gi
from .conditions import CONDITIONS
from .model import Drug
from .parse import FormularyError, parse_monographs

_MODULES = (data_cardio, data_cardio2, data_endo, data_neuro, data_pain_gi, data_infect)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# words that qualify a product without changing the drug: doses, then dosage forms
_DOSE_WORDS = _words(
    "mg mcg g ml units unit iu meq micrograms microgram daily once twice bid tid qid qd "
    "prn po iv sc subcutaneous sublingual every hours hour at bedtime as needed"
)
_FORM_WORDS = _words(
    "tablet tablets tab tabs capsule capsules cap caps oral solution suspension injection "
    "inhaler patch er xr xl sr cr dr la ir od ec ds extended release delayed immediate "
    "sustained controlled modified film coated chewable dispersible"
)
_SALT_WORDS = _words(
    "hydrochloride hcl sodium potassium calcium magnesium succinate tartrate besylate "
    "maleate mesylate citrate sulfate sulphate fumarate bromide hydrobromide oxalate "
    "acetate phosphate hyclate monohydrate medoxomil cilexetil etexilate tosylate "
    "bisulfate mofetil axetil tromethamine benzoate propionate furoate decanoate lactate "
    "pamoate carbonate chloride dihydrate anhydrous salt"
)


@cache
def drugs() -> dict[str, Drug]:
    """All drugs by generic name (validated once)."""
    table: dict[str, Drug] = {}
    for module in _MODULES:
        for d in parse_monographs(module.DATA):
            if d.name in table:
                raise FormularyError(f"{d.name} is defined twice")
            unknown = set(d.indications) - set(CONDITIONS)
            if unknown:
                raise FormularyError(f"{d.name}: unknown indications {sorted(unknown)}")
            table[d.name] = d
    return table


def _phrases(d: Drug) -> list[str]:
    brands = [re.sub(r"\s*\(.*?\)", "", b) for b in d.brands]  # "Percocet (with ...)"
    out = [d.name, *brands, *d.aliases]
    out += [f"{d.name} {s}" for s in d.salts]
    out += [f"{b} {s}" for b in brands for s in d.salts]
    return out


@cache
def name_index() -> dict[str, str]:
    """{normalised name: generic}; a phrase naming two drugs is an error."""
    index: dict[str, str] = {}
    for d in drugs().values():
        for phrase in _phrases(d):
            key = normalize(phrase)
            if index.get(key, d.name) != d.name:
                raise FormularyError(f"{phrase!r} names both {index[key]} and {d.name}")
            index[key] = d.name
    return index


def _strip(words: list[str], drop: frozenset[str]) -> list[str]:
    return [w for w in words if w not in drop and not re.fullmatch(r"\d+(\.\d+)?", w)]


def normalize_name(text: str) -> str | None:
    """Generic name of a drug mentioned by generic, brand or salt name; ``None`` if unknown."""
    if not isinstance(text, str):
        return None
    index = name_index()
    n = normalize(text)
    if n in index:
        return index[n]
    dosed = _strip(n.split(), _DOSE_WORDS)
    words = _strip(dosed, _FORM_WORDS)
    for candidate in (" ".join(dosed), " ".join(words), " ".join(_strip(words, _SALT_WORDS))):
        if candidate in index:
            return index[candidate]
    # a longer phrase: the longest known name it contains (e.g. "Coumadin for AF")
    padded = f" {' '.join(words)} "
    hits = sorted((k for k in index if f" {k} " in padded), key=len, reverse=True)
    if hits and all(index[h] == index[hits[0]] or h in hits[0] for h in hits):
        return index[hits[0]]
    return None


def get_drug(text: str) -> Drug:
    """The drug named by ``text``; ``KeyError`` with close matches if unknown."""
    name = normalize_name(text)
    if name is None:
        guesses = difflib.get_close_matches(normalize(str(text)), list(name_index()), n=3)
        hint = f"; did you mean {', '.join(guesses)}?" if guesses else ""
        raise KeyError(f"unknown drug {str(text)[:80]!r}{hint}")
    return drugs()[name]


def display_name(name: str) -> str:
    """A generic name as shown to the agent (formulary key)."""
    return drugs()[name].name


def group_members(group: str) -> list[str]:
    """Generic names of a therapeutic group, sorted (empty for an unknown group)."""
    return list(_groups().get(group, ()))


@cache
def _groups() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for d in drugs().values():
        out.setdefault(d.group, []).append(d.name)
    return {g: tuple(sorted(names)) for g, names in out.items()}
