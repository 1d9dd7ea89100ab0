"""Score names matched case-insensitively with their published synonyms.

Names and eponyms as in the original publications (Alvarado 1986 - the MANTRELS
mnemonic; Lim 2003 CURB-65; Wells 2000/2003; Six 2008 HEART; Antman 2000 TIMI;
McIsaac 1998; Wu 2008 BISAP; Blatchford 2000; Pugh 1973; Kim 2008 MELD-Na;
Seymour 2016 qSOFA; Lip 2010 CHA2DS2-VASc; Teasdale 1974 GCS; RCP 2017 NEWS2).
"""

from __future__ import annotations

from functools import cache

from .concepts import ConceptIndex

SCORE_NAMES: dict[str, tuple[str, ...]] = {
    "alvarado": ("Alvarado", "Alvarado score", "MANTRELS", "MANTRELS score"),
    "curb65": ("CURB-65", "CURB 65", "CURB65"),
    "crb65": ("CRB-65", "CRB 65", "CRB65"),
    "wells_pe": (
        "Wells score for PE",
        "Wells PE",
        "Wells criteria for pulmonary embolism",
        "Wells score for pulmonary embolism",
        "Wells pulmonary embolism",
    ),
    "wells_dvt": (
        "Wells score for DVT",
        "Wells DVT",
        "Wells criteria for DVT",
        "Wells score for deep vein thrombosis",
    ),
    "perc": ("PERC", "PERC rule", "pulmonary embolism rule-out criteria"),
    "heart_score": ("HEART", "HEART score", "HEART pathway"),
    "timi_ua_nstemi": ("TIMI", "TIMI score", "TIMI risk score", "TIMI UA/NSTEMI"),
    "centor_mcisaac": (
        "Centor",
        "McIsaac",
        "Centor score",
        "modified Centor",
        "McIsaac score",
        "Centor criteria",
    ),
    "bisap": ("BISAP", "bedside index of severity in acute pancreatitis"),
    "glasgow_blatchford": (
        "Glasgow-Blatchford",
        "Blatchford",
        "GBS",
        "Glasgow Blatchford bleeding score",
    ),
    "child_pugh": ("Child-Pugh", "Child Pugh", "Child-Turcotte-Pugh", "CTP score"),
    "meld_na": ("MELD-Na", "MELD Na", "MELD sodium", "MELDNa"),
    "qsofa": ("qSOFA", "quick SOFA"),
    "sofa": ("SOFA", "sequential organ failure assessment"),
    "sirs": ("SIRS", "SIRS criteria", "systemic inflammatory response syndrome criteria"),
    "shock_index": ("shock index", "SI"),
    "gcs": ("GCS", "Glasgow Coma Scale", "Glasgow Coma Score"),
    "cha2ds2_vasc": ("CHA2DS2-VASc", "CHA2DS2 VASc", "CHADS-VASc", "CHA2DS2VASc"),
    "anion_gap": ("anion gap", "AG"),
    "news2": ("NEWS2", "NEWS 2", "National Early Warning Score 2", "NEWS"),
    "nihss": ("NIHSS", "NIH Stroke Scale", "National Institutes of Health Stroke Scale"),
    "lace": ("LACE", "LACE index"),
    "kdigo_stage": ("KDIGO", "KDIGO stage", "KDIGO AKI stage"),
    "rts": ("RTS", "Revised Trauma Score"),
}


@cache
def _index() -> ConceptIndex:
    return ConceptIndex(((k, (k, *v)) for k, v in SCORE_NAMES.items()), qualifier_classes=())


def match_score_name(text: object, allowed: tuple[str, ...] | None = None) -> str | None:
    """Score key a name gives (``calculate_`` prefix, case and synonyms ignored).

    ``allowed`` restricts and disambiguates ("Wells" alone -> the one Wells score allowed).
    """
    if not isinstance(text, str) or not text.strip():
        return None
    name = text.strip().removeprefix("calculate_")
    low = name.lower().replace("-", "_").replace(" ", "_")
    if low in SCORE_NAMES and (allowed is None or low in allowed):
        return low
    keys = {m.key for m in _index().mentions(name) if not m.negated}
    if allowed is not None:
        keys &= set(allowed)
        if not keys and "wells" in name.lower():
            keys = {k for k in allowed if k.startswith("wells")}
    return keys.pop() if len(keys) == 1 else None
