"""Canonical tokens of a clinical answer: spelling, abbreviations, word forms.

The same pipeline canonicalises the answer and every vocabulary phrase, so two
wordings match when they reduce to the same token sequence:

1. shorthand with slashes and question marks is spelt out (``r/o`` -> rule out,
   ``d/c`` -> discontinue, ``w/o`` -> without, ``?PE`` -> query PE);
2. text is split into word tokens and clause marks (``.`` ``;`` ``:`` ``!`` ``?``
   newline end a clause; a comma is kept as its own mark); a period inside a number
   or after a single letter (``E. coli``) or ``vs``/``e.g.`` does not end a clause;
3. British spellings become American (:mod:`healthgym.clinical.text` table plus the
   -ise/-ize and -yse/-yze verb endings);
4. clinical abbreviations are expanded (:data:`ABBREVIATIONS`; a few that are also
   ordinary words, such as CAP and PE, only when written in capitals);
5. ``non`` is joined to the word it qualifies (``non-ST-elevation`` ==
   ``non ST elevation`` == ``nonST elevation``), hyphenated prefixes likewise
   (``pre-renal`` == ``prerenal``);
6. plurals are reduced (a light suffix rule, applied identically on both sides).

Abbreviation expansions follow common clinical usage (Stedman's Medical
Abbreviations, Acronyms & Symbols, 5th ed.; the abbreviated forms listed as entry
terms in MeSH and SNOMED CT synonyms).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import _SPELLING

CLAUSE = "|"  # clause boundary mark
COMMA = ","  # list / phrase boundary mark inside a clause

# abbreviation (lower case) -> expansion; expanded whatever the case
ABBREVIATIONS: dict[str, str] = {
    "af": "atrial fibrillation",
    "afib": "atrial fibrillation",
    "a fib": "atrial fibrillation",
    "rvr": "rapid ventricular response",
    "aflutter": "atrial flutter",
    "mi": "myocardial infarction",
    "ami": "acute myocardial infarction",
    "stemi": "st elevation myocardial infarction",
    "nstemi": "non st elevation myocardial infarction",
    "nste": "non st elevation",
    "acs": "acute coronary syndrome",
    "ua": "unstable angina",
    "cad": "coronary artery disease",
    "dvt": "deep vein thrombosis",
    "vte": "venous thromboembolism",
    "uti": "urinary tract infection",
    "cauti": "catheter associated urinary tract infection",
    "dka": "diabetic ketoacidosis",
    "hhs": "hyperosmolar hyperglycemic state",
    "copd": "chronic obstructive pulmonary disease",
    "aecopd": "acute exacerbation chronic obstructive pulmonary disease",
    "chf": "congestive heart failure",
    "hf": "heart failure",
    "hfref": "heart failure reduced ejection fraction",
    "hfpef": "heart failure preserved ejection fraction",
    "adhf": "acute decompensated heart failure",
    "gi": "gastrointestinal",
    "ugib": "upper gastrointestinal bleeding",
    "ugi": "upper gastrointestinal",
    "lgib": "lower gastrointestinal bleeding",
    "gib": "gastrointestinal bleeding",
    "pud": "peptic ulcer disease",
    "sah": "subarachnoid hemorrhage",
    "asah": "aneurysmal subarachnoid hemorrhage",
    "ich": "intracerebral hemorrhage",
    "sdh": "subdural hematoma",
    "tia": "transient ischemic attack",
    "cva": "cerebrovascular accident",
    "mca": "middle cerebral artery",
    "aki": "acute kidney injury",
    "ckd": "chronic kidney disease",
    "ards": "acute respiratory distress syndrome",
    "sbo": "small bowel obstruction",
    "asbo": "adhesive small bowel obstruction",
    "ptx": "pneumothorax",
    "psp": "primary spontaneous pneumothorax",
    "pna": "pneumonia",
    "hap": "hospital acquired pneumonia",
    "vap": "ventilator associated pneumonia",
    "hcap": "healthcare associated pneumonia",
    "ida": "iron deficiency anemia",
    "gca": "giant cell arteritis",
    "cdi": "clostridioides difficile infection",
    "siad": "syndrome inappropriate antidiuresis",
    "htn": "hypertension",
    "dm": "diabetes mellitus",
    "t1dm": "type 1 diabetes mellitus",
    "t2dm": "type 2 diabetes mellitus",
    "gas": "group streptococcal",
    "aaa": "abdominal aortic aneurysm",
    "sirs": "systemic inflammatory response syndrome",
    "rlq": "right lower quadrant",
    "ruq": "right upper quadrant",
    "strep": "streptococcal",
    "diff": "difficile",
    "dx": "diagnosis",
    "ddx": "differential diagnosis",
    "vs": "versus",
    "abx": "antibiotic",
}
# abbreviations that are also ordinary words or units: expanded only in capitals
CAPITAL_ABBREVIATIONS: dict[str, str] = {
    "PE": "pulmonary embolism",
    "CAP": "community acquired pneumonia",
    "AS": "aortic stenosis",
    "MS": "multiple sclerosis",
    "GAS": "group streptococcal",
    "ED": "emergency department",
}
_CAPS_ONLY = {k.lower() for k in CAPITAL_ABBREVIATIONS}

# a few irregular word forms (Latin plurals, adjective/noun pairs)
_LEMMAS = {
    "emboli": "embolus",
    "embolism": "embolus",
    "thrombi": "thrombus",
    "bronchi": "bronchus",
    "calculi": "calculus",
    "diverticula": "diverticulum",
    "bacteria": "bacterium",
    "ketoacidotic": "ketoacidosis",
    "hemorrhagic": "hemorrhagic",
    "ischemia": "ischemic",
    "infected": "infection",
    "infective": "infection",
    "bleed": "bleeding",
    "bleeds": "bleeding",
    "hemorrhage": "hemorrhage",
    "fib": "fibrillation",
    "streptococcus": "streptococcal",
    "alcohol": "alcoholic",
    "pyelo": "pyelonephritis",
    "appy": "appendectomy",
    "micrograms": "mcg",
    "microgram": "mcg",
    "ug": "mcg",
}
_NO_PLURAL_STRIP = ("ss", "is", "us", "as", "os", "ys", "ics", "ous")

_SLASH_FORMS = (
    (re.compile(r"\br\s*/\s*o\b", re.I), " rule out "),
    (re.compile(r"\bd\s*/\s*c(?:'?d)?\b", re.I), " discontinue "),
    (re.compile(r"\bw\s*/\s*o\b", re.I), " without "),
    (re.compile(r"\bc\s*/\s*w\b", re.I), " consistent with "),
    (re.compile(r"\bs\s*/\s*p\b", re.I), " status post "),
    (re.compile(r"\bh\s*/\s*o\b", re.I), " history of "),
    (re.compile(r"\bw\s*/\s*", re.I), " with "),
    (re.compile(r"(?<![\w?])\?\s*(?=[A-Za-z])"), " query "),  # "?PE" = query PE
    (re.compile(r"(?<=\w)\s*\?"), " query . "),  # "PE?" = PE query, end of clause
    (re.compile(r"'s\b"), ""),
    (re.compile(r"\ba[\s-]fib\b", re.I), " afib "),
    (re.compile(r"\ba[\s-]flutter\b", re.I), " aflutter "),
    (
        re.compile(
            r"\b(pre|post|anti|intra|extra|sub|peri|para|trans|inter|multi|semi|co)-(?=[a-z])", re.I
        ),
        r"\1",
    ),
)
_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f]+|\d+(?:[.,]\d+)?|[.;:!?\n,]")
_NOT_CLAUSE_END = {"vs", "e", "g", "i", "dr", "st", "approx", "etc"}
_ISE = re.compile(r"^(\w{3,}?)(is|ys)(e|ed|es|ing|ation|ations)$")


def _spell(tok: str) -> str:
    for gb, us in _SPELLING:
        if gb in tok:
            tok = tok.replace(gb, us)
    for gb, us in _EXTRA_SPELLING:
        if gb in tok:
            tok = tok.replace(gb, us)
    m = _ISE.match(tok)
    if m and not tok.endswith(("wise", "vise", "rise", "cise", "mise", "pise", "lyse")):
        tok = m.group(1) + ("iz" if m.group(2) == "is" else "yz") + m.group(3)
    return tok


_EXTRA_SPELLING = (
    ("dyspnoea", "dyspnea"),
    ("apnoea", "apnea"),
    ("coeliac", "celiac"),
    ("anaesth", "anesth"),
    ("leukaem", "leukem"),
    ("septicaem", "septicem"),
    ("bacteraem", "bacterem"),
    ("azotaem", "azotem"),
    ("uraem", "urem"),
    ("faec", "fec"),
    ("gynaec", "gynec"),
    ("oestr", "estr"),
    ("caecum", "cecum"),
    ("orthopaed", "orthoped"),
    ("litre", "liter"),
    ("centre", "center"),
    ("fibre", "fiber"),
    ("appendicectomy", "appendectomy"),
    ("colour", "color"),
    ("behaviour", "behavior"),
)


def spelling_variants(word: str) -> set[str]:
    """The other spellings of a lower-case word: its American form for a British one
    (``haemorrhage`` -> ``hemorrhage``) and the British forms of an American one
    (``anemia`` -> ``anaemia``), from the same tables the matcher uses; empty when the
    word has none."""
    out = {_spell(word)} - {word}
    for gb, us in (*_SPELLING, *_EXTRA_SPELLING):
        # a short fragment ('hem', 'fec', 'ped') counts only at the start or end of the
        # word, so 'chemotherapy' and 'infection' get no invented British form
        placed = len(us) >= 5 or word.startswith(us) or word.endswith(us)
        if us in word and gb not in word and placed:
            out.add(word.replace(us, gb))
    return out


def _word(tok: str) -> str:
    """Spelling, lemma and plural rule for one lower-case word."""
    tok = _spell(tok)
    if tok in _LEMMAS:
        return _LEMMAS[tok]
    if (
        len(tok) > 3
        and tok.endswith("s")
        and not tok.endswith(_NO_PLURAL_STRIP)
        and not tok[-2].isdigit()
    ):
        tok = tok[:-3] + "y" if tok.endswith("ies") and len(tok) > 4 else tok[:-1]
    return _LEMMAS.get(tok, tok)


@lru_cache(maxsize=4096)
def _expand(raw: str) -> tuple[str, ...]:
    """Canonical tokens for one raw (original-case) word."""
    low = raw.lower()
    if raw in CAPITAL_ABBREVIATIONS:
        return tuple(CAPITAL_ABBREVIATIONS[raw].split())
    if low in ABBREVIATIONS and low not in _CAPS_ONLY:
        return tuple(ABBREVIATIONS[low].split())
    return (_word(low),)


def raw_tokens(text: str) -> list[str]:
    """Words (original case) and clause marks of a text."""
    for pattern, repl in _SLASH_FORMS:
        text = pattern.sub(repl, text)
    out: list[str] = []
    for m in _TOKEN.finditer(text):
        t = m.group()
        if t in ".;:!?\n":
            prev = out[-1].lower() if out else ""
            if t == "." and ((len(prev) == 1 and prev.isalpha()) or prev in _NOT_CLAUSE_END):
                continue
            if out and out[-1] != CLAUSE:
                out.append(CLAUSE)
        elif t == ",":
            if out and out[-1] not in (CLAUSE, COMMA):
                out.append(COMMA)
        else:
            out.append(t.replace(",", ""))
    return out


@lru_cache(maxsize=8192)
def canonical_tokens(text: str) -> tuple[str, ...]:
    """Canonical tokens of ``text``, clause (``|``) and comma marks included."""
    out: list[str] = []
    for raw in raw_tokens(text):
        if raw in (CLAUSE, COMMA):
            out.append(raw)
            continue
        out.extend(_expand(raw))
    # "non" qualifies the next word: non-ST == non ST == nonST
    merged: list[str] = []
    for tok in out:
        if merged and merged[-1] == "non" and tok not in (CLAUSE, COMMA):
            merged[-1] = "non" + tok
        else:
            merged.append(tok)
    while merged and merged[-1] in (CLAUSE, COMMA):
        merged.pop()
    return tuple(merged)


# words that carry no meaning for concept matching (dropped on both sides)
FILLERS = frozenset({"a", "an", "the", "of", "with", "in", "on", "at", "by", "to", "and", "from"})


def canonical_phrase(phrase: str) -> tuple[str, ...]:
    """Content tokens of a vocabulary phrase (marks and filler words dropped)."""
    marks = (CLAUSE, COMMA)
    return tuple(t for t in canonical_tokens(phrase) if t not in FILLERS and t not in marks)


def canonical(text: str) -> str:
    """Canonical text: content tokens joined by spaces (for equality tests)."""
    return " ".join(canonical_phrase(text))
