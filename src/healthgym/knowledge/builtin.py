"""The built-in corpus: passages generated from the project's own clinical knowledge.

Nothing here is downloaded.  Each registered generator turns one catalogue of
:mod:`healthgym.clinical` (disease profiles, treatments, laboratory tests,
imaging, clinical features, chronic conditions, scores, calculators, units) into
focused passages that cite the source recorded with the data; the ``guidelines``
generator adds passages written for the project that summarise guidelines,
instruments and criteria (:mod:`.corpus.guidelines`), each citing its source.  New knowledge
(a drug formulary, interaction tables, ...) plugs in with::

    @register_generator("formulary")
    def formulary_passages() -> Iterable[Passage]: ...

The corpus is identified by :data:`CORPUS_VERSION` (bump it when the wording of
the generators changes) and by the content hash of the passages, so a changed
catalogue gets a fresh cached index automatically.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from .corpus.calculators import formula_passages, score_passages, unit_passages
from .corpus.catalogues import (
    comorbidity_passages,
    feature_passages,
    imaging_passages,
    lab_passages,
    treatment_passages,
)
from .corpus.diseases import all_disease_passages, differential_passages
from .corpus.drugs import drug_passages, interaction_passages
from .corpus.guidelines import guideline_passages
from .corpus.overviews import allergy_passages, system_passages, vital_sign_passages
from .passages import Passage, content_hash

CORPUS_VERSION = "3"
Generator = Callable[[], Iterable[Passage]]
GENERATORS: dict[str, Generator] = {}


def register_generator(name: str) -> Callable[[Generator], Generator]:
    """Decorator adding a passage generator to the built-in corpus under ``name``."""

    def wrap(fn: Generator) -> Generator:
        if name in GENERATORS and GENERATORS[name] is not fn:
            raise ValueError(f"a built-in corpus generator named {name!r} already exists")
        GENERATORS[name] = fn
        return fn

    return wrap


for _name, _fn in (
    ("diseases", all_disease_passages),
    ("differentials", differential_passages),
    ("treatments", treatment_passages),
    ("labs", lab_passages),
    ("imaging", imaging_passages),
    ("systems", system_passages),
    ("vital_signs", vital_sign_passages),
    ("allergies", allergy_passages),
    ("features", feature_passages),
    ("comorbidities", comorbidity_passages),
    ("scores", score_passages),
    ("calculators", formula_passages),
    ("units", unit_passages),
    ("formulary", drug_passages),
    ("interactions", interaction_passages),
    ("guidelines", guideline_passages),
):
    register_generator(_name)(_fn)
BUILTIN_GENERATORS: tuple[str, ...] = tuple(GENERATORS)  # this module's own, in order


def builtin_passages(generators: Iterable[str] | None = None) -> Iterator[Passage]:
    """All built-in passages, generator by generator, in registration order.

    Raises ValueError if two generators produce the same passage id.
    """
    names = list(GENERATORS) if generators is None else list(generators)
    seen: set[str] = set()
    for name in names:
        for p in GENERATORS[name]():
            if p.id in seen:
                raise ValueError(f"built-in generator {name!r} repeats passage id {p.id!r}")
            seen.add(p.id)
            yield p


def corpus_counts() -> dict[str, int]:
    """Passages per generator."""
    return {name: sum(1 for _ in fn()) for name, fn in GENERATORS.items()}


def corpus_hash(passages: Iterable[Passage] | None = None) -> str:
    """SHA-256 of the built-in corpus content (the same hash the manifest records)."""
    return content_hash(builtin_passages() if passages is None else passages)
