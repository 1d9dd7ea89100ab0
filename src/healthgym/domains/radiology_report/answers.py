"""radiology_report answers read by meaning: categories, recommendations, critical findings.

**Categories** (:func:`parse_category`).  The answer is reduced to category tokens after
the system's own words are set aside (the system name, "class", "category", "level",
"assessment", a version year such as the 2019 of "Bosniak 2019", "5th edition"):

* Bosniak version 2019 (Silverman SG et al. Radiology 2019;292:475-88): I, II, IIF, III,
  IV, in Roman or Arabic numerals ("2F", "II-F", "class 3");
* ACR TI-RADS (Tessler FN et al. J Am Coll Radiol 2017;14:587-95): TR1-TR5, "TI-RADS 4",
  or the level's lexicon name (benign, not suspicious, mildly, moderately, highly
  suspicious);
* BI-RADS 5th edition (D'Orsi CJ et al. ACR BI-RADS Atlas 2013): 0-6; 4A/4B/4C are
  subdivisions of category 4 (the truth here is the category); lexicon names
  (incomplete, negative, benign, probably benign, suspicious, highly suggestive of
  malignancy, known biopsy-proven malignancy);
* Fleischner 2017 (MacMahon H et al. Radiology 2017;284:228-43) size categories, written
  as symbols or words ("<6 mm" = "less than 6 mm", "6-8 mm" = "6 to 8 mm", ">=6 mm" =
  "6 mm or larger").

Anything else left in the answer - a negation ("not TR4"), an alternative ("TR3 or TR4",
"TR3-4"), a hedge, a second category - makes it unreadable (None): the field asks for one
category.

**Recommendations** (:func:`parse_follow_up`).  The follow-up field takes the system's
code or the recommendation in words.  Words are read as features: the modalities
(CT, PET/CT, tissue sampling, FNA, ultrasound, screening, recall, urology, surgery,
surveillance), the intervals as quantities in months ("CT at 6-12 months" = "follow-up
CT in 6 to 12 months" = "CT in 6-12 mo"; "annual" = 12 months; years x 12), whether a
step is optional ("consider", "optional") and whether the text declines action ("no
follow-up").  A wording names a code of the system when its intervals, its optional and
declining marks equal the code's text and its modalities are among the code's; an
answer that fits several codes is accepted for any of them that is the truth only when
the truth's recommendation contains it (Bosniak III "surgery or active surveillance"
contains "surgery").

**Critical findings** (:func:`read_critical`): names, synonyms and abbreviations (PE,
PTX, free air, ICH, subdural/subarachnoid/intraparenchymal haemorrhage) with negation
and hedging scoped by the shared layer: "no pneumothorax" is not a critical finding,
"possible PE" is not a committed one.
"""

from __future__ import annotations

import re
from functools import cache

from ...clinical.matching import ConceptIndex
from .vocab import CRITICAL_FINDINGS, FOLLOW_UP_BY_SYSTEM, FOLLOW_UP_TEXT

_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV", "2F": "IIF", "IIF": "IIF",
          "I": "I", "II": "II", "III": "III", "IV": "IV"}  # fmt: skip
_YEAR = re.compile(
    r"\b(?:v(?:ersion)?\.?\s*)?\(?(?:19|20)\d\d\)?|\b\d+(?:st|nd|rd|th)\s+ed\w*", re.I
)
_SYSTEM_WORDS = frozenset(
    [
        "bosniak",
        "class",
        "category",
        "cat",
        "classification",
        "version",
        "v",
        "ver",
        "acr",
        "ti",
        "rads",
        "tirads",
        "tr",
        "bi",
        "birads",
        "level",
        "assessment",
        "score",
        "grade",
        "type",
        "fleischner",
        "edition",
        "ed",
        "cyst",
        "cystic",
        "renal",
        "mass",
        "lesion",
        "nodule",
        "thyroid",
        "breast",
        "size",
        "the",
        "a",
        "of",
        "is",
    ]
)
# lexicon names of levels / categories (ACR TI-RADS 2017 chart; BI-RADS Atlas 2013)
_NAMES: dict[str, tuple[tuple[str, str], ...]] = {
    "acr_tirads": (
        (r"\bnot\s+suspicious\b", "TR2"),
        (r"\bmildly\s+suspicious\b", "TR3"),
        (r"\bmoderately\s+suspicious\b", "TR4"),
        (r"\bhighly\s+suspicious\b", "TR5"),
        (r"\bbenign\b", "TR1"),
    ),
    "birads": (
        (r"\bincomplete\b(?:\s*[-:,]?\s*need\s+additional\s+imaging(?:\s+evaluation)?)?", "0"),
        (r"\bprobably\s+benign\b", "3"),
        (r"\bhighly\s+suggestive\s+of\s+malignancy\b", "5"),
        (r"\bknown\s+biopsy[\s-]+proven\s+malignancy\b", "6"),
        (r"\bnegative\b", "1"),
        (r"\bbenign\b", "2"),
        (r"\bsuspicious(?:\s+abnormality)?\b", "4"),
    ),
}


def _bosniak_tokens(text: str) -> list[str] | None:
    t = re.sub(r"\b(II|2)\s*-?\s*F\b", "IIF", text, flags=re.I)
    out = []
    for tok in re.findall(r"[A-Za-z]+|\d+", t):
        low = tok.lower()
        if low in _SYSTEM_WORDS:
            continue
        up = tok.upper()
        if up not in _ROMAN:
            return None
        out.append(_ROMAN[up])
    return out


def _level_tokens(system: str, text: str) -> list[str] | None:
    out = []
    for pattern, cat in _NAMES.get(system, ()):
        if re.search(pattern, text, re.I):
            out.append(cat)
            text = re.sub(pattern, " ", text, flags=re.I)
    if system == "birads":
        text = re.sub(r"\b([0-6])\s*[ABC]\b", r"\1", text, flags=re.I)
    for tok in re.findall(r"[A-Za-z]+|\d+", text):
        low = tok.lower()
        if low in _SYSTEM_WORDS:
            continue
        if system == "acr_tirads" and tok in "12345" and len(tok) == 1:
            out.append(f"TR{tok}")
        elif system == "birads" and tok in "0123456" and len(tok) == 1:
            out.append(tok)
        else:
            return None
    return out


_FLEISCHNER = (
    (re.compile(r"^(?:<|less than|under|below|smaller than)\s*6$"), "<6 mm"),
    (re.compile(r"^6\s*(?:-|to)\s*8$"), "6-8 mm"),
    (re.compile(r"^(?:>|greater than|more than|over|above|larger than)\s*8$"), ">8 mm"),
    (
        re.compile(
            r"^(?:>=|at least|greater than or equal to)\s*6$|^6\s*(?:or|and)\s*(?:more|"
            r"larger|greater|above|over)$|^6\+$"
        ),
        ">=6 mm",
    ),
)


def _fleischner(text: str) -> str | None:
    v = text.lower().replace("≥", ">=").replace("=>", ">=").replace("–", "-").replace("—", "-")
    v = v.replace("≤", "<=").replace("millimetres", "mm").replace("millimeters", "mm")
    v = re.sub(r"\b(?:fleischner|2017|category|size|band|nodule|solid|subsolid)\b", " ", v)
    v = re.sub(r"\s*mm\b", " ", v)
    v = " ".join(v.split())
    for pattern, band in _FLEISCHNER:
        if pattern.match(v):
            return band
    return None


def parse_category(system: str, text: object) -> str | None:
    """The one category of ``system`` the answer states, or None (none, several, negated,
    hedged or unreadable)."""
    t = str(text or "").strip()
    if not t:
        return None
    if system == "fleischner_2017":
        return _fleischner(t)
    t = _YEAR.sub(" ", t)
    t = re.sub(r"TI-?RADS|BI-?RADS", " ", t, flags=re.I)
    if system == "bosniak_2019":
        toks = _bosniak_tokens(t)
    elif system in ("acr_tirads", "birads"):
        toks = _level_tokens(system, t)
    else:
        return None
    if not toks or len(set(toks)) != 1:
        return None
    return toks[0]


# ----------------------------------------------------------------- recommendations

_MODALITIES = (
    ("pet", r"\bpet\s*[/-]?\s*ct\b|\bpet\b"),
    ("tissue", r"\bbiops\w*|\btissue\s+(?:sampling|diagnosis|sample)\b|\bcore\s+needle\b"),
    ("fna", r"\bfna\b|\bfine[\s-]+needle\s+aspiration\b|\baspiration\b"),
    ("ct", r"\bct\b|\bcomputed\s+tomography\b|\bldct\b"),
    ("us", r"\bultrasound\b|\bus\b|\bsonograph\w*|\bultrasonograph\w*"),
    ("screening", r"\bscreening\b|\broutine\s+mammogra\w*"),
    (
        "recall",
        r"\brecall\b|\badditional\s+(?:imaging|views)\b|\bdiagnostic\s+mammogra\w*"
        r"|\bspot\s+compression\b|\bcomparison\s+with\s+prior\b",
    ),
    ("urology", r"\burolog\w*"),
    ("surgery", r"\bsurg\w*|\bexcision\w*|\bresection\b|\bnephrectomy\b|\bexcise\b"),
    ("surveillance", r"\bsurveillance\b"),
    ("ablation", r"\bablation\b"),
    ("imaging", r"\bimaging\b|\bmri\b|\bscan\b"),
)
_OPTIONAL = re.compile(r"\b(?:consider|optional|optionally|may|could|if\s+desired)\b", re.I)
_DECLINE = re.compile(
    r"\bno\b(?!\s+(?:change|growth))|\bnot\s+(?:needed|required|necessary|indicated|"
    r"recommended)\b|\bnone\b|\bunnecessary\b|\bwithout\b",
    re.I,
)
_UNIT = r"(months?|mos?|m|years?|yrs?|y|weeks?|wks?)"


def _months(value: float, unit: str) -> float:
    u = unit.lower()
    if u.startswith("y"):
        return value * 12
    if u.startswith("w"):
        return round(value / 4.345, 1)
    return value


def intervals(text: str) -> frozenset[tuple[float, float]]:
    """Every time interval a recommendation names, in months ((lo, hi) ranges)."""
    t = text.lower().replace("–", "-").replace("—", "-")
    t = re.sub(r"\b(?:annual(?:ly)?|yearly|every\s+year|once\s+a\s+year)\b", " 12 months ", t)
    found: set[tuple[float, float]] = set()
    num = r"(\d+(?:\.\d+)?)"
    for m in re.finditer(rf"{num}\s*(?:-|to|and)\s*{num}\s*-?\s*{_UNIT}\b", t):
        a, b = _months(float(m.group(1)), m.group(3)), _months(float(m.group(2)), m.group(3))
        if "and" in m.group(0):
            found |= {(a, a), (b, b)}
        else:
            found.add((a, b))
        t = t.replace(m.group(0), " ")
    for m in re.finditer(rf"{num}\s*-?\s*{_UNIT}\b", t):
        a = _months(float(m.group(1)), m.group(2))
        found.add((a, a))
    return frozenset(found)


def features(text: str) -> tuple[frozenset[str], frozenset[tuple[float, float]], bool, bool]:
    """(modalities, intervals in months, optional, declines action) of a wording."""
    low = re.sub(r"\b(?:ultrasound|us|ct|image)[\s-]+guided\b", " ", text.lower())
    mods = set()
    rest = low
    for name, pattern in _MODALITIES:
        if re.search(pattern, rest):
            mods.add(name)
            rest = re.sub(pattern, " ", rest)
    optional = bool(_OPTIONAL.search(low))
    decline = bool(_DECLINE.search(low))
    return frozenset(mods), intervals(low), optional, decline


@cache
def _code_features(code: str):
    return features(FOLLOW_UP_TEXT[code])


def _fits(answer, code: str) -> bool:
    mods, ivs, optional, decline = answer
    cmods, civs, coptional, cdecline = _code_features(code)
    if ivs != civs or optional != coptional or decline != cdecline:
        return False
    if not mods:  # "no follow-up", "6-month follow-up": a code without a modality
        return decline or not cmods
    return mods <= cmods


def _fits_first_step(answer, code: str) -> bool:
    """The answer states the code's first step (its earliest interval) and nothing the
    code does not: "CT at 6-12 months" for "CT at 6-12 months, then CT at 18-24 months"."""
    mods, ivs, optional, decline = answer
    cmods, civs, coptional, cdecline = _code_features(code)
    if not ivs or not civs or decline != cdecline or (optional and not coptional):
        return False
    return min(civs) in ivs and ivs <= civs and mods <= cmods


def follow_up_candidates(system: str, text: object) -> set[str]:
    """The codes of ``system`` a follow-up answer may name (the code itself, or every code
    whose recommendation its wording fits)."""
    t = str(text or "").strip()
    if not t:
        return set()
    codes = FOLLOW_UP_BY_SYSTEM.get(system, tuple(FOLLOW_UP_TEXT))
    key = re.sub(r"[\s\-]+", "_", t.lower()).strip("_.")
    if key in codes:
        return {key}
    answer = features(t)
    return {c for c in codes if _fits(answer, c)}


def parse_follow_up(system: str, text: object, truth: str | None = None) -> str | None:
    """The follow-up code an answer names: the one code its wording fits, or ``truth``
    when the wording fits several codes (or states the truth's first step only) and the
    truth is one of them."""
    found = follow_up_candidates(system, text)
    if len(found) == 1:
        return next(iter(found))
    if truth is not None and truth in found:
        return truth
    known = truth is not None and truth in FOLLOW_UP_BY_SYSTEM.get(system, ())
    if not found and known and _fits_first_step(features(str(text or "")), str(truth)):
        return truth
    return None


# ------------------------------------------------------------------ critical findings

CRITICAL_SYNONYMS: dict[str, tuple[str, ...]] = {
    "pulmonary_embolism": (
        "pulmonary embolism",
        "pulmonary embolus",
        "pulmonary emboli",
        "pulmonary thromboembolism",
        "pulmonary arterial filling defect",
        "saddle embolus",
        "PE",  # written in capitals: the shared normaliser expands it without lemmas
    ),
    "pneumothorax": ("pneumothorax", "tension pneumothorax", "ptx", "collapsed lung"),
    "pneumoperitoneum": (
        "pneumoperitoneum",
        "free air",
        "free gas",
        "free intraperitoneal air",
        "free intraperitoneal gas",
        "free subdiaphragmatic air",
        "subdiaphragmatic free air",
        "bowel perforation",
        "perforated viscus",
    ),
    "aortic_dissection": (
        "aortic dissection",
        "dissection",
        "dissecting aneurysm",
        "intimal flap",
        "type a dissection",
        "type b dissection",
        "stanford type a dissection",
    ),
    "intracranial_haemorrhage": (
        "intracranial haemorrhage",
        "intracranial hemorrhage",
        "intracranial bleed",
        "intracerebral haemorrhage",
        "intraparenchymal haemorrhage",
        "subarachnoid haemorrhage",
        "subdural haematoma",
        "subdural haemorrhage",
        "extradural haematoma",
        "epidural haematoma",
        "brain bleed",
        "ich",
        "sah",
        "sdh",
    ),
}
_NONE_WORDS = re.compile(
    r"^\s*(?:none|nil|no|n/?a|not applicable|no critical (?:finding|result)s?"
    r"(?: (?:identified|present|seen))?|no acute (?:critical )?findings?)\s*\.?\s*$",
    re.I,
)


@cache
def critical_index() -> ConceptIndex:
    return ConceptIndex(
        ((k, (k.replace("_", " "), *v)) for k, v in CRITICAL_SYNONYMS.items()),
        qualifier_classes=(),
    )


def critical_mentions(text: str) -> tuple[set[str], set[str], bool]:
    """(asserted, negated, hedged) critical findings a text names."""
    ms = critical_index().mentions(str(text or "")[:4000])
    asserted = {m.key for m in ms if not m.negated}
    hedged = any(m.hedged for m in ms if not m.negated)
    return asserted, {m.key for m in ms if m.negated} - asserted, hedged


def read_critical(text: object) -> str | None:
    """The critical finding a ``critical_finding`` answer commits to: a key, 'none' (no
    finding, or only negated ones), or None (two at once, hedged, unreadable)."""
    t = str(text or "").strip()
    if not t or _NONE_WORDS.match(t):
        return "none" if t else None
    if t.lower() in CRITICAL_FINDINGS:
        return t.lower()
    asserted, negated, hedged = critical_mentions(t)
    if len(asserted) == 1 and not hedged:
        return next(iter(asserted))
    if not asserted and negated:
        return "none"
    return None
