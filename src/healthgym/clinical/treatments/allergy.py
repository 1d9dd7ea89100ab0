"""Drug allergy: whether a documented allergy rules a drug out (beta-lactam
cross-reactivity by reaction severity and R1 side chain, AAAAI/ACAAI 2022; see the
docstring of :mod:`healthgym.clinical.treatments`)."""

from __future__ import annotations

from .catalogue import ALLERGY_CLASSES, TREATMENTS

# --------------------------------------------------------------- beta-lactam allergy
# Reactions after which every beta-lactam except aztreonam is avoided until evaluated
# (Khan DA et al. 2022 practice parameter: anaphylaxis and severe cutaneous adverse
# reactions; bronchospasm and angioedema meet the WAO 2020 anaphylaxis criterion of
# respiratory/laryngeal involvement after a known allergen, Cardona V et al. World
# Allergy Organ J 2020;13:100472).
SEVERE_REACTION_WORDS: tuple[str, ...] = (
    "anaphylaxis",
    "anaphylactic",
    "wheez",
    "bronchospasm",
    "angioedema",
    "laryngeal",
    "hypotension",
    "stevens-johnson",
    "toxic epidermal necrolysis",
    "dress",
    "eosinophilia",
    "agep",
    "serum sickness",
)
# cephalosporins sharing the aminobenzyl R1 side chain of amoxicillin/ampicillin
# (identical or similar R1: Zagursky RJ, Pichichero ME. J Allergy Clin Immunol Pract
# 2018;6:72-81; side-chain table of the 2022 practice parameter)
AMINOPENICILLIN_SIDE_CHAIN: frozenset[str] = frozenset(
    {"cephalexin", "cefadroxil", "cefaclor", "cefprozil", "cephradine", "cefatrizine"}
)
# aztreonam shares its R1 side chain with ceftazidime (and cefiderocol)
CEFTAZIDIME_SIDE_CHAIN: frozenset[str] = frozenset({"aztreonam", "ceftazidime", "cefiderocol"})
NON_PENICILLIN_BETA_LACTAM_CLASSES = ("cephalosporin", "carbapenem")


def canonical_drug(name: str) -> str:
    """A drug name as the allergy rules compare it: lower case, ``_``/``-`` as spaces."""
    return name.strip().lower().replace("_", " ").replace("-", " ")


def severe_reaction(reaction: str) -> bool:
    """Whether a documented reaction is severe in the practice parameter's sense."""
    r = reaction.lower()
    return any(w in r for w in SEVERE_REACTION_WORDS)


def allergy_conflict(
    name: str, classes: tuple[str, ...] | list[str], allergen: str, reaction: str
) -> str | None:
    """Why drug ``name`` (treatment key or formulary generic name, with its allergy
    ``classes``) must not be given to a patient with this documented allergy (record
    label ``allergen`` of :data:`ALLERGY_CLASSES`, ``reaction`` as documented), or None
    when the 2022 AAAAI/ACAAI practice parameter allows it (see the module docstring)."""
    cls = ALLERGY_CLASSES.get(allergen)
    n = canonical_drug(name)
    if n in CEFTAZIDIME_SIDE_CHAIN and "ceftazidime" in reaction.lower():
        return f"{name} shares the R1 side chain of ceftazidime (documented {reaction})"
    if cls is None or cls not in classes:
        return None
    if cls == "penicillin" and any(c in classes for c in NON_PENICILLIN_BETA_LACTAM_CLASSES):
        # a cephalosporin or carbapenem: cross-reactivity by severity and side chain
        if severe_reaction(reaction):
            return (
                f"severe penicillin reaction ({reaction}): avoid beta-lactams other than "
                "aztreonam until the allergy is evaluated"
            )
        if n in AMINOPENICILLIN_SIDE_CHAIN:
            return f"{name} shares the R1 side chain of amoxicillin/ampicillin ({reaction})"
        return None  # non-severe reaction, dissimilar side chain: may be given with caution
    return f"{allergen} allergy ({reaction}): {name} is in the {cls} class"


def treatment_allergy_conflicts(key: str, allergies: list) -> list[tuple[str, str]]:
    """(allergen, reason) for each documented allergy (objects with ``allergen`` and
    ``reaction``) that rules out treatment ``key``."""
    t = TREATMENTS[key]
    out = []
    for a in allergies:
        why = allergy_conflict(key, t.allergy_classes, a.allergen, a.reaction)
        if why:
            out.append((a.allergen, why))
    return out


__all__ = [
    "AMINOPENICILLIN_SIDE_CHAIN",
    "CEFTAZIDIME_SIDE_CHAIN",
    "NON_PENICILLIN_BETA_LACTAM_CLASSES",
    "SEVERE_REACTION_WORDS",
    "allergy_conflict",
    "canonical_drug",
    "severe_reaction",
    "treatment_allergy_conflicts",
]
