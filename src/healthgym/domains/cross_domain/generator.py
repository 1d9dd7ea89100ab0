"""Seeded generation of one pathway patient: task ``index`` -> pathway and variant.

Task ``i`` belongs to pathway ``PATHWAY_ORDER[i % 6]`` and is that pathway's patient
number ``k = i // 6``; each pathway cycles through its variants with ``k`` so that
variants are balanced, and every random draw comes from the task's seed.
"""

from __future__ import annotations

from collections.abc import Callable

from .gen_acute import make_chest_pain, make_sepsis
from .gen_common import Case
from .gen_metabolic import make_dka, make_gi_bleed
from .gen_postop import make_postop
from .gen_stroke import make_stroke
from .pathways import PATHWAY_ORDER

MAKERS: dict[str, Callable[[int, int, str], Case]] = {
    "sepsis": make_sepsis,
    "chest_pain": make_chest_pain,
    "stroke": make_stroke,
    "dka": make_dka,
    "gi_bleed": make_gi_bleed,
    "postop_fever": make_postop,
}
assert tuple(MAKERS) == PATHWAY_ORDER


def pathway_of(index: int) -> tuple[str, int]:
    """(pathway, its patient number) of task ``index``."""
    return PATHWAY_ORDER[index % len(PATHWAY_ORDER)], index // len(PATHWAY_ORDER)


def make_case(index: int, seed: int, patient_id: str) -> Case:
    pathway, k = pathway_of(index)
    return MAKERS[pathway](k, seed, patient_id)
