"""Psychiatry's formulary: a view over the shared drug vocabulary.

Every drug the agent may submit (``treatments.DRUG_KEYS``) resolves here, so that
``check_prescription`` checks each offered option against the record: the project
formulary (:mod:`healthgym.clinical.drugs`) first, then its supplementary monographs
(:mod:`healthgym.clinical.drugs.supplement`: naltrexone, acamprosate, disulfiram,
chlordiazepoxide, prazosin, rivastigmine, galantamine, each from its US prescribing
information).  Benzodiazepines and the AGS Beers Criteria 2023 (J Am Geriatr Soc
2023;71:2052-81): avoid in adults >= 65, except for alcohol withdrawal (handled in
``safety.py``).
"""

from __future__ import annotations

from healthgym.clinical.drugs import Drug, Interaction
from healthgym.clinical.drugs.supplement import any_interaction, monograph


def get(key: str) -> Drug | None:
    """The project formulary's entry, else the shared supplement's, else None."""
    return monograph(key)


def interaction(a: str, b: str) -> Interaction | None:
    """The interaction of two drugs the psychiatry options name (the project table, or
    derived for a supplement drug; :func:`healthgym.clinical.drugs.supplement.any_interaction`)."""
    return any_interaction(a, b)
