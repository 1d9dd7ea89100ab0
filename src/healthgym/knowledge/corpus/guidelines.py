"""Guideline, instrument and criteria passages, written for this project.

The other generators of the built-in corpus turn :mod:`healthgym.clinical`'s catalogues
(diseases, drugs, scores) into text. Many things a clinician looks up in the ten
domains -- a screening instrument's cut-offs, a guideline's follow-up table, a triage
algorithm, a reporting lexicon -- have no catalogue there, so these passages state
them directly, in our own words, each citing the guideline, instrument paper or
label it summarises (``source``). They are general knowledge: none describes a
generated task's patient or gives a task's answer.

The passages live in one module per group of domains (``guide_*.py``), as
:class:`Guide` entries; ``metadata["domain"]`` names the domain a passage serves.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from ..passages import Passage
from ._util import passage

DOMAINS = (
    "clinical_diagnosis",
    "drug_interaction",
    "medical_qa",
    "ehr_management",
    "triage_emergency",
    "psychiatry",
    "obstetrics",
    "radiology_report",
    "visual_diagnosis",
    "cross_domain",
)


class Guide(NamedTuple):
    domain: str
    slug: str
    title: str
    text: str
    source: str


def all_guides() -> tuple[Guide, ...]:
    from . import guide_acute, guide_general, guide_imaging, guide_obstetrics, guide_psychiatry

    guides: list[Guide] = []
    for module in (guide_psychiatry, guide_obstetrics, guide_imaging, guide_acute, guide_general):
        guides.extend(module.GUIDES)
    return tuple(guides)


def guideline_passages() -> Iterator[Passage]:
    """One passage per :class:`Guide`, id ``builtin:guide/<domain>/<slug>``."""
    for g in all_guides():
        if g.domain not in DOMAINS:
            raise ValueError(f"guide {g.slug!r} names an unknown domain {g.domain!r}")
        if not g.source.strip():
            raise ValueError(f"guide {g.slug!r} has no source")
        paragraphs = [" ".join(p.split()) for p in g.text.strip().split("\n\n")]
        yield passage(
            f"guide/{g.domain}/{g.slug}",
            g.title,
            paragraphs,
            g.source,
            "guideline",
            domain=g.domain,
        )
