"""Canonical tokens of a clinical answer: spelling, abbreviations, word forms.

The same pipeline canonicalises the answer and every vocabulary phrase, so two
wordings match when they reduce to the same token sequence:

1. shorthand with slashes and question marks is spelt out (``r/o`` -> rule out,
   ``d/c`` -> discontinue, ``w/o`` -> without, ``?PE`` -> query PE);
2. text is split into word tokens and clause marks (``.`` ``;`` ``:`` ``!`` ``?``
   newline end a clause; a comma is kept as its own mark; a colon is remembered, see
   :func:`colon_positions`); an abbreviation period does not end a clause: inside a
   number, after a single letter (``E. coli``), after a known abbreviation
   (:data:`ABBREVIATION_PERIODS`: ``vs.`` ``approx.`` ``e.g.`` ``i.e.`` ``Strep.``),
   or after a short capitalised word continued in lower case (``Staph. aureus``);
3. British spellings become American (:mod:`healthgym.clinical.text` table, the
   -ise/-ize and -yse/-yze verb endings, -our/-or words, whole words such as
   programme/program and the doubled l of labelled/labeled, counselling/counseling);
4. clinical abbreviations are expanded (:data:`ABBREVIATIONS`; a few that are also
   ordinary words, such as CAP and PE, only when written in capitals); the expansion
   goes through the same word rules as written-out text, so ``PE`` and ``pulmonary
   embolism`` give the same tokens;
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

from ..text import SPELLING

CLAUSE = "|"  # clause boundary mark
COMMA = ","  # list / phrase boundary mark inside a clause
COLON = "|:"  # internal: a clause boundary written as a colon (see colon_positions)

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
# words whose period marks an abbreviation, never the end of a clause (lower case)
_ABBREVIATION_PERIOD_WORDS = (
    "vs e g i eg ie cf viz dr mr mrs prof st approx approximately circa incl esp resp fig "
    "ref spp sp ssp subsp var strep staph pseudo klebs enterobact wt ht hx dx ddx tx rx sx "
    "fx pt pts yr yrs wk wks bilat"
)
ABBREVIATION_PERIODS = frozenset(_ABBREVIATION_PERIOD_WORDS.split())
# abbreviated genus + species ("Staph. aureus", "Kleb. pneumoniae"): a short capitalised
# word, then a lower-case word with a Latin species ending
_SPECIES_ENDINGS = ("ae", "us", "um", "is", "i", "a", "es", "ile", "ns", "ica", "ii")
# words that may stand before a period that ends a short sentence ("No. Pneumonia.")
_SENTENCE_WORDS = frozenset({"no", "not", "none", "yes", "nil", "stop", "hold", "avoid"})
# abbreviations whose period ends the clause only when a capitalised word follows
_ETC = frozenset({"etc"})
_ISE = re.compile(r"^(\w{3,}?)(is|ys)(e|ed|es|ing|ation|ations)$")


def _spell(tok: str) -> str:
    if tok in _WHOLE_WORD_SPELLING:
        return _WHOLE_WORD_SPELLING[tok]
    for gb, us in SPELLING:
        if gb in tok:
            tok = tok.replace(gb, us)
    for gb, us in _EXTRA_SPELLING:
        if gb in tok:
            tok = tok.replace(gb, us)
    m = _LL.match(tok)
    if m and m.group(1) + "l" in _LL_STEMS:  # labelled -> labeled, counsellor -> counselor
        tok = m.group(1) + "l" + m.group(2)
    m = _ISE.match(tok)
    if m and not (m.group(1) + m.group(2) + "e").endswith(_ISE_KEEP):
        tok = m.group(1) + ("iz" if m.group(2) == "is" else "yz") + m.group(3)
    return tok


# -ise words spelt -ise in American English too (advise, exercise, surprise, bruise)
_ISE_KEEP = (
    "wise",
    "vise",
    "prise",
    "cise",
    "promise",
    "premise",
    "demise",
    "surmise",
    "uise",
    "oise",
    "aise",
    "ertise",
    "astise",
    "eatise",
    "chise",
    "dise",
)
_EXTRA_SPELLING = (
    ("dyspnoea", "dyspnea"),
    ("apnoea", "apnea"),
    ("rrhoea", "rrhea"),  # diarrhoea, gonorrhoea, amenorrhoea, rhinorrhoea, seborrhoea
    ("coeliac", "celiac"),
    ("anaesth", "anesth"),
    ("leukaem", "leukem"),
    ("leucocyt", "leukocyt"),
    ("leucopen", "leukopen"),
    ("septicaem", "septicem"),
    ("bacteraem", "bacterem"),
    ("viraem", "virem"),
    ("toxaem", "toxem"),
    ("lipaem", "lipem"),
    ("azotaem", "azotem"),
    ("uraem", "urem"),
    ("aetiolog", "etiolog"),
    ("faec", "fec"),
    ("gynaec", "gynec"),
    ("oestr", "estr"),
    ("foet", "fet"),
    ("caesarean", "cesarean"),
    ("caecum", "cecum"),
    ("caecal", "cecal"),
    ("orthopaed", "orthoped"),
    ("amoeb", "ameb"),
    ("manoeuvre", "maneuver"),
    ("manoeuvring", "maneuvering"),
    ("litre", "liter"),
    ("metre", "meter"),
    ("centre", "center"),
    ("fibre", "fiber"),
    ("titre", "titer"),
    ("calibre", "caliber"),
    ("artefact", "artifact"),
    ("defence", "defense"),
    ("licence", "license"),
    ("practise", "practice"),
    ("appendicectomy", "appendectomy"),
    ("colour", "color"),
    ("behaviour", "behavior"),
    ("favour", "favor"),
    ("odour", "odor"),
    ("vapour", "vapor"),
    ("humour", "humor"),
    ("honour", "honor"),
    ("neighbour", "neighbor"),
    ("rigour", "rigor"),
    ("vigour", "vigor"),
    ("endeavour", "endeavor"),
    ("rumour", "rumor"),
    ("harbour", "harbor"),
    ("mould", "mold"),
    ("smoulder", "smolder"),
    ("sceptic", "skeptic"),
    ("distension", "distention"),
)
# whole words only (as a fragment they would change other words: programmed, discus)
_WHOLE_WORD_SPELLING = {
    "programme": "program",
    "programmes": "programs",
    "grey": "gray",
    "ageing": "aging",
    "judgement": "judgment",
    "enrolment": "enrollment",
    "fulfil": "fulfill",
    "fulfilment": "fulfillment",
    "skilful": "skillful",
    "wilful": "willful",
    "aluminium": "aluminum",
    "disc": "disk",
    "discs": "disks",
    "whilst": "while",
    "amongst": "among",
}
# British doubled l before -ed/-ing/-er/-or (labelled, modelling, signalling, travelled,
# counselling, counsellor): stems whose l stays single in American English
_LL = re.compile(r"^(\w+?)ll(ed|ing|ings|er|ers|or|ors)$")
_LL_STEM_WORDS = (
    "label relabel model remodel signal travel cancel counsel fuel refuel channel level "
    "total tunnel dial equal pedal panel quarrel rival spiral trial initial chisel funnel "
    "gravel libel parcel pencil shovel snorkel marshal enamel jewel bevel duel grovel "
    "yodel towel unravel marvel shrivel swivel victual kennel"
)
_LL_STEMS = frozenset(_LL_STEM_WORDS.split())


def spelling_variants(word: str) -> set[str]:
    """The other spellings of a lower-case word: its American form for a British one
    (``haemorrhage`` -> ``hemorrhage``) and the British forms of an American one
    (``anemia`` -> ``anaemia``), from the same tables the matcher uses; empty when the
    word has none."""
    out = {_spell(word)} - {word}
    for gb, us in (*SPELLING, *_EXTRA_SPELLING):
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
    if tok.endswith("omas") and len(tok) > 5:  # haematomas, carcinomas, lipomas
        return tok[:-1]
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
    if raw in CAPITAL_ABBREVIATIONS:  # expansions follow the same word rules as text
        return tuple(_word(w) for w in CAPITAL_ABBREVIATIONS[raw].split())
    if low in ABBREVIATIONS and low not in _CAPS_ONLY:
        return tuple(_word(w) for w in ABBREVIATIONS[low].split())
    return (_word(low),)


def _abbreviation_period(prev: str, nxt: str) -> bool:
    """Whether a period between word ``prev`` and the next token ``nxt`` (original case;
    "" at the end) marks an abbreviation rather than the end of a clause."""
    if not prev or not prev.isalpha():
        return False
    low = prev.lower()
    if len(prev) == 1:  # "E. coli", "H. pylori", "e.g."
        return True
    if low in _ETC:
        return bool(nxt) and not nxt[:1].isupper()
    if low in ABBREVIATION_PERIODS:
        return True
    # an abbreviated genus continued by a species: "Staph. aureus", "Kleb. pneumoniae"
    return (
        len(prev) <= 6
        and prev[:1].isupper()
        and prev[1:].islower()
        and low not in _SENTENCE_WORDS
        and nxt[:1].islower()
        and nxt.isalpha()
        and len(nxt) > 3
        and nxt.endswith(_SPECIES_ENDINGS)
    )


def _marked_tokens(text: str) -> list[str]:
    """Words (original case) and marks; a clause ended by a colon is marked COLON."""
    for pattern, repl in _SLASH_FORMS:
        text = pattern.sub(repl, text)
    found = [m.group() for m in _TOKEN.finditer(text)]
    out: list[str] = []
    for i, t in enumerate(found):
        if t in ".;:!?\n":
            if t == "." and out:
                nxt = found[i + 1] if i + 1 < len(found) else ""
                if _abbreviation_period(out[-1], nxt):
                    continue
            if out and out[-1] not in (CLAUSE, COLON):
                out.append(COLON if t == ":" else CLAUSE)
            elif out and t == ":":  # "PE.:" - the colon wins
                out[-1] = COLON
        elif t == ",":
            if out and out[-1] not in (CLAUSE, COLON, COMMA):
                out.append(COMMA)
        else:
            out.append(t.replace(",", ""))
    return out


def raw_tokens(text: str) -> list[str]:
    """Words (original case) and clause marks of a text."""
    return [CLAUSE if t == COLON else t for t in _marked_tokens(text)]


@lru_cache(maxsize=8192)
def _canonical_marked(text: str) -> tuple[str, ...]:
    marks = (CLAUSE, COMMA, COLON)
    out: list[str] = []
    for raw in _marked_tokens(text):
        if raw in marks:
            out.append(raw)
            continue
        out.extend(_expand(raw))
    # "non" qualifies the next word: non-ST == non ST == nonST
    merged: list[str] = []
    for tok in out:
        if merged and merged[-1] == "non" and tok not in marks:
            merged[-1] = "non" + tok
        else:
            merged.append(tok)
    while merged and merged[-1] in marks:
        merged.pop()
    return tuple(merged)


@lru_cache(maxsize=8192)
def canonical_tokens(text: str) -> tuple[str, ...]:
    """Canonical tokens of ``text``, clause (``|``) and comma marks included."""
    return tuple(CLAUSE if t == COLON else t for t in _canonical_marked(text))


def colon_positions(text: str) -> frozenset[int]:
    """Indices in :func:`canonical_tokens` of the clause marks written as a colon
    ("Ruled out: PE" - a trigger before a colon governs what follows it)."""
    return frozenset(i for i, t in enumerate(_canonical_marked(text)) if t == COLON)


# words that carry no meaning for concept matching (dropped on both sides)
FILLERS = frozenset({"a", "an", "the", "of", "with", "in", "on", "at", "by", "to", "and", "from"})


def canonical_phrase(phrase: str) -> tuple[str, ...]:
    """Content tokens of a vocabulary phrase (marks and filler words dropped)."""
    marks = (CLAUSE, COMMA)
    return tuple(t for t in canonical_tokens(phrase) if t not in FILLERS and t not in marks)


def canonical(text: str) -> str:
    """Canonical text: content tokens joined by spaces (for equality tests)."""
    return " ".join(canonical_phrase(text))
