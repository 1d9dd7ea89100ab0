"""Drug formulary and interaction table (pure knowledge, no environment code).

* :func:`get_drug` / :func:`normalize_name` - a drug by generic, brand or salt name
  ("Coumadin" -> warfarin, "metoprolol succinate" -> metoprolol).
* :func:`interaction` - the interaction of two drugs (``.severity`` one of
  contraindicated/major/moderate/minor, with mechanism, effect and management) or
  ``None``; :func:`interaction_pairs` - every interacting pair once.
* :data:`CONDITIONS` - the indications the drugs treat.

See :mod:`.model` for the vocabularies and their sources, :mod:`.derive` for the
mechanism-derived rules and :mod:`.curated_cv`, :mod:`.curated_antithrombotic` and
:mod:`.curated_other` for curated entries.
"""

from __future__ import annotations

from .conditions import CONDITIONS, Condition
from .formulary import drugs, get_drug, group_members, normalize_name
from .interactions import interaction, interaction_pairs, interaction_table
from .model import (
    ALLERGY_CLASS_NAMES,
    ENZYME_LABEL,
    ENZYMES,
    SEVERITIES,
    SEVERITY_RANK,
    Basis,
    Drug,
    Interaction,
    RenalBand,
    RenalDosing,
)

__all__ = [
    "ALLERGY_CLASS_NAMES",
    "CONDITIONS",
    "ENZYMES",
    "ENZYME_LABEL",
    "SEVERITIES",
    "SEVERITY_RANK",
    "Basis",
    "Condition",
    "Drug",
    "Interaction",
    "RenalBand",
    "RenalDosing",
    "drugs",
    "get_drug",
    "group_members",
    "interaction",
    "interaction_pairs",
    "interaction_table",
    "normalize_name",
]
