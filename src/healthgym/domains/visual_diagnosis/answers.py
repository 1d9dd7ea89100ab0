"""visual_diagnosis answers read by meaning: rhythm names and lesion classes.

Built on the shared matching layer (:mod:`healthgym.clinical.matching`): the answer is
canonicalised (case, punctuation, spelling; "AF", "AFib", "A-fib" -> atrial
fibrillation), and negation and hedging are scoped NegEx-style.

Rhythm synonyms follow the AHA/ACCF/HRS recommendations for the standardization and
interpretation of the electrocardiogram (Mason JW et al. Circulation 2007;115:1325-32,
statement list: "sinus rhythm", "sinus bradycardia", "sinus tachycardia", "atrial
fibrillation", "atrial flutter", "AV conduction delay, first degree"; Rautaharju PM et
al. Circulation 2009;119:e241-50: "prolonged QT interval"), ICD-10-CM index terms (I48.x
"atrial fibrillation / flutter", I44.0 "atrioventricular block, first degree", R00.0/
R00.1 tachycardia/bradycardia, I45.81 "long QT syndrome") and the abbreviations of
Stedman's (NSR, AF, AFib, AFL, 1AVB, LQTS).  A sinus-family abnormality stated on a sinus
rhythm ("sinus rhythm with first-degree AV block", "sinus bradycardia with 1st degree
heart block") is that abnormality, with the precedence the ECG labelling uses
(:func:`.ecg_atrial.classify_rhythm`: AV block, then long QT, then rate); AF or flutter
named with another rhythm, a negated rhythm ("no AF") or a hedged one ("possible AF",
"AF or flutter") commits to nothing.

Lesion classes are the bands of the ABCD rule of dermoscopy (Stolz W et al. Eur J
Dermatol 1994;4:521-7; Nachbar F et al. J Am Acad Dermatol 1994;30:551-9): TDS < 4.75
"benign melanocytic lesion", 4.75-5.45 "suspicious lesion", > 5.45 "lesion highly
suspicious for melanoma" (so "melanoma" is the top band, and "suspicious for melanoma"
names the band, it is no hedge); "not suspicious" or
"non-suspicious" (the only negated band) is benign.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import product

from ...clinical.guidelines.dermoscopy import BANDS
from ...clinical.matching import ConceptIndex
from .ecg import RHYTHMS


def _av_block() -> tuple[str, ...]:
    out = []
    for ordinal, degree, node in product(
        ("first", "1st", "1", "one"),
        ("degree", ""),
        ("av", "atrioventricular", "heart", "a v", ""),
    ):
        if not degree and not node:
            continue
        out.append(" ".join(w for w in (ordinal, degree, node, "block") if w))
    out += ["1avb", "avb1", "prolonged pr interval", "prolonged pr", "long pr interval",
            "av conduction delay first degree", "first degree av conduction delay"]  # fmt: skip
    return tuple(out)


RHYTHM_SYNONYMS: dict[str, tuple[str, ...]] = {
    "sinus_rhythm": ("normal sinus rhythm", "sinus rhythm", "nsr", "regular sinus rhythm"),
    "sinus_bradycardia": ("sinus bradycardia", "sinus brady", "sinus bradycardic rhythm"),
    "sinus_tachycardia": ("sinus tachycardia", "sinus tach", "sinus tachy", "sinus tachycardic"),
    "atrial_fibrillation": (
        "atrial fibrillation",
        "afib",
        "af",
        "fast af",
        "atrial fibrillation rapid ventricular response",
        "auricular fibrillation",
    ),
    "atrial_flutter": ("atrial flutter", "aflutter", "afl", "flutter", "typical atrial flutter"),
    "first_degree_av_block": _av_block(),
    "long_qt": (
        "long qt",
        "long qt interval",
        "long qtc",
        "prolonged qt",
        "prolonged qtc",
        "prolonged qt interval",
        "prolonged qtc interval",
        "qt prolongation",
        "qtc prolongation",
        "long qt syndrome",
        "lqts",
    ),
}
# precedence of the ECG labelling among findings on a sinus rhythm (classify_rhythm)
SINUS_PRECEDENCE = (
    "first_degree_av_block",
    "long_qt",
    "sinus_bradycardia",
    "sinus_tachycardia",
    "sinus_rhythm",
)
BAND_SYNONYMS: dict[str, tuple[str, ...]] = {
    "benign": (
        "benign",
        "benign melanocytic lesion",
        "benign lesion",
        "benign naevus",
        "benign nevus",
        "low risk",
        "nonsuspicious",
    ),
    "suspicious": (
        "suspicious",
        "suspicious lesion",
        "suspect lesion",
        "intermediate",
        "indeterminate",
        "borderline",
        "intermediate risk",
    ),
    "highly_suspicious": (
        "highly suspicious",
        "highly suspicious for melanoma",
        "high suspicion of melanoma",
        "melanoma",
        "malignant melanoma",
        "malignant",
        "high risk",
    ),
}


_FOR_MELANOMA = re.compile(r"\b(highly\s+)?suspicious\s+(?:for|of)\s+(?:a\s+)?melanoma\b", re.I)


@cache
def rhythm_index() -> ConceptIndex:
    return ConceptIndex(
        ((k, (k.replace("_", " "), *RHYTHM_SYNONYMS[k])) for k in RHYTHMS),
        qualifier_classes=(),
    )


@cache
def band_index() -> ConceptIndex:
    return ConceptIndex(
        ((k, (k.replace("_", " "), *BAND_SYNONYMS[k])) for k in BANDS),
        qualifier_classes=(),
    )


def named(kind: str, text: object) -> tuple[set[str], set[str], bool]:
    """(asserted, negated, hedged) findings of the modality a text names."""
    if not isinstance(text, str) or not text.strip():
        return set(), set(), False
    index = band_index() if kind == "lesion" else rhythm_index()
    if kind == "lesion":  # "suspicious for melanoma" is the band's name, not a hedge
        text = _FOR_MELANOMA.sub(r"\1suspicious", text)
    ms = index.mentions(text[:400])
    asserted = {m.key for m in ms if not m.negated}
    hedged = any(m.hedged for m in ms if not m.negated)
    return asserted, {m.key for m in ms if m.negated} - asserted, hedged


def read_finding(kind: str, text: object) -> str | None:
    """The one finding a free-text answer commits to, or None (none, negated, hedged,
    two at once)."""
    asserted, negated, hedged = named(kind, text)
    if hedged:
        return None
    if kind == "lesion":
        if not asserted and negated == {"suspicious"}:
            return "benign"  # "not suspicious"
        return next(iter(asserted)) if len(asserted) == 1 else None
    if len(asserted) > 1 and asserted <= set(SINUS_PRECEDENCE):
        return next(k for k in SINUS_PRECEDENCE if k in asserted)
    return next(iter(asserted)) if len(asserted) == 1 else None
