"""Search of the full ICD-10-CM code set (the ``lookup_icd10`` reference tool).

The code set is the one shipped by the ``simple_icd_10_cm`` package (the CDC/CMS
ICD-10-CM tabular list: chapters, blocks, categories, subcategories and 7th-character
extensions, with descriptions and inclusion terms).  The answers depend on the query
only - never on the task catalogue or the episode - so "no code found" says nothing
about which diagnoses a task may have.

Search rules:

* a query that looks like a code (``J18.9``, ``j189``, ``K35``) returns that code, its
  parent, its inclusion terms and its children, or the nearest valid ancestor;
* otherwise every word of the query must occur in a code's description or one of its
  inclusion terms (case-insensitive; British spellings folded to American; a word of 5
  or more letters also matches words it begins, a shorter one its plural).  A few
  clinical words are widened to the tabular list's vocabulary the way the ICD-10-CM
  Alphabetic Index directs ("Carcinoma - see Neoplasm, by site, malignant"; organ
  adjectives such as renal -> kidney; common abbreviations such as DVT);
* hits are ranked by how few words the matching description has beyond the query (the
  closest description first), then billable codes before categories, then by code; at
  most :data:`MAX_HITS` are listed, with the number left out;
* when no description holds every word, the descriptions holding the most of them are
  listed, marked as partial matches, with the words they lack.

The index (an inverted index over description and inclusion-term words) is built once
per process on the first query (about a second, most of it importing the package);
queries then take a few milliseconds.
"""

from __future__ import annotations

import bisect
import gc
import re
import threading
import warnings
from dataclasses import dataclass
from math import log
from typing import Any

MAX_HITS = 10
MAX_CHILDREN = 12

STOPWORDS = frozenset("a an and are as at by due for from in into is of on or the to with".split())  # noqa: SIM905
# words that say a description is a residual or unspecific one: not counted as extra
# words when ranking (so "Pneumonia, unspecified organism" is as close as "X pneumonia")
GENERIC = frozenset("unspecified other nos specified elsewhere classified not".split())  # noqa: SIM905

# British -> American spellings, applied to query and index alike (ICD-10-CM is American)
_SPELLING = (
    ("oesophag", "esophag"),
    ("haem", "hem"),
    ("aem", "em"),
    ("oedem", "edem"),
    ("oestr", "estr"),
    ("ischaem", "ischem"),
    ("paed", "ped"),
    ("foet", "fet"),
    ("diarrhoea", "diarrhea"),
    ("rrhoea", "rrhea"),
    ("coeli", "celi"),
    ("tumour", "tumor"),
    ("oe", "e"),
    ("ae", "e"),
)
# Morphology words the Alphabetic Index sends to "Neoplasm, by site, malignant"
# (CDC/CMS ICD-10-CM Index to Diseases and Injuries: Carcinoma, Cancer, Adenocarcinoma,
# Malignancy, Sarcoma - "see also Neoplasm, malignant, by site") and organ adjectives
# with the noun the tabular list uses.  Each entry: word -> alternative phrases, any
# of which satisfies the word (the word itself always does).
_MALIGNANT = (("malignant", "neoplasm"),)
_WORD_ALTERNATIVES: dict[str, tuple[tuple[str, ...], ...]] = {
    "carcinoma": _MALIGNANT,
    "cancer": _MALIGNANT,
    "adenocarcinoma": _MALIGNANT,
    "malignancy": _MALIGNANT,
    "sarcoma": _MALIGNANT,
    "tumor": (("neoplasm",),),
    "renal": (("kidney",),),
    "hepatic": (("liver",),),
    "pulmonary": (("lung",),),
    "gastric": (("stomach",),),
    "cardiac": (("heart",),),
    "cerebral": (("brain",),),
    "colonic": (("colon",),),
    "cutaneous": (("skin",),),
    "ocular": (("eye",),),
    "pancreatic": (("pancreas",),),
    "ovarian": (("ovary",),),
    "uterine": (("uterus",),),
    "testicular": (("testis",),),
    "prostatic": (("prostate",),),
    "esophageal": (("esophagus",),),
    "rectal": (("rectum",),),
    "splenic": (("spleen",),),
    "mammary": (("breast",),),
    "laryngeal": (("larynx",),),
    "osseous": (("bone",),),
    "leg": (("lower", "extremity"), ("lower", "limb")),
    "arm": (("upper", "extremity"), ("upper", "limb")),
    "vesical": (("bladder",),),
    # common clinical abbreviations (any specialty), expanded to tabular-list words
    "mi": (("myocardial", "infarction"),),
    "stemi": (("st", "elevation", "myocardial", "infarction"),),
    "nstemi": (("non", "st", "elevation", "myocardial", "infarction"),),
    "copd": (("chronic", "obstructive", "pulmonary"),),
    "dvt": (("deep", "vein", "thrombosis"),),
    "pe": (("pulmonary", "embolism"),),
    "uti": (("urinary", "tract", "infection"),),
    "aki": (("acute", "kidney", "failure"),),
    "ckd": (("chronic", "kidney", "disease"),),
    "af": (("atrial", "fibrillation"),),
    "afib": (("atrial", "fibrillation"),),
    "chf": (("heart", "failure"),),
    "dka": (("ketoacidosis",),),
    "hhs": (("hyperosmolarity",),),
    "sah": (("subarachnoid", "hemorrhage"),),
    "tia": (("transient", "cerebral", "ischemic"),),
    "gerd": (("gastro", "esophageal", "reflux"),),
    "gi": (("gastrointestinal",),),
    "uri": (("upper", "respiratory", "infection"),),
    "ards": (("respiratory", "distress"),),
    "siadh": (("inappropriate", "antidiuretic"),),
    "stroke": (("cerebral", "infarction"),),
}
# multi-word phrases the Index sends elsewhere (Index: "Carcinoma, renal cell - see
# Neoplasm, kidney, malignant"; "Hypernephroma - see Neoplasm, kidney, malignant";
# "Attack, heart - see Infarct, myocardium"; "High blood pressure - see Hypertension")
_PHRASES: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {
    ("renal", "cell"): (("kidney",),),
    ("hypernephroma",): (("malignant", "neoplasm", "kidney"),),
    ("heart", "attack"): (("myocardial", "infarction"),),
    ("high", "blood", "pressure"): (("hypertension",),),
}

_CODE = re.compile(r"^([A-Z])(\d[0-9A-Z])\.?([0-9A-Z]{0,4})$", re.IGNORECASE)
_TOKEN = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Text in the index's spelling (lower case, British spellings made American)."""
    t = text.lower()
    for a, b in _SPELLING:
        if a in t:
            t = t.replace(a, b)
    return t


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


def _content(words: list[str]) -> set[str]:
    return {w for w in words if w not in STOPWORDS}


@dataclass(frozen=True)
class _Text:
    code: str
    text: str  # the description, or an inclusion term
    is_inclusion: bool
    n_words: int  # content words (stopwords excluded)


class ICD10Index:
    """Inverted word index over ICD-10-CM descriptions and inclusion terms.

    Texts are numbered in rank order (fewest non-generic words; then the "unspecified"
    code of its kind, the default when nothing more is known; descriptions before
    inclusion terms; billable codes before categories; shorter codes first), so ranking
    a set of hits is sorting integers.
    """

    def __init__(self) -> None:
        import simple_icd_10_cm as cm

        self._cm = cm
        self.billable: dict[str, bool] = {}
        self.descriptions: dict[str, str] = {}
        entries: list[tuple[tuple[Any, ...], _Text, set[str]]] = []
        for code in cm.get_all_codes(with_dots=True):
            # skip blocks (A00-A09) and chapters (1-22); a few categories share a
            # block's name and are listed twice
            if "-" in code or code.isdigit() or code in self.descriptions:
                continue
            desc = cm.get_description(code)
            self.descriptions[code] = desc
            billable = self.billable[code] = cm.is_leaf(code)
            texts = [(desc, False)] + [(t, True) for t in cm.get_inclusion_term(code)]
            for text, inclusion in texts:
                words = _content(tokens(text))
                n = len(words - GENERIC)
                key = (n, "unspecified" not in words, inclusion, not billable, len(code), code)
                entries.append((key, _Text(code, text, inclusion, n), words))
        entries.sort(key=lambda e: e[0])
        self.texts: list[_Text] = [e[1] for e in entries]
        postings: dict[str, list[int]] = {}
        for tid, (_, _, words) in enumerate(entries):
            for w in words:
                postings.setdefault(w, []).append(tid)
        self.vocab = sorted(postings)
        self._postings = postings
        self._cache: dict[str, frozenset[int]] = {}

    def _word(self, word: str) -> frozenset[int]:
        """Texts containing ``word`` (a prefix for words of 5+ letters, else +s/+es)."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        if len(word) >= 5:
            lo = bisect.bisect_left(self.vocab, word)
            hi = bisect.bisect_left(self.vocab, word + "\x7f")
            keys = self.vocab[lo:hi]
        else:
            keys = [w for w in (word, word + "s", word + "es") if w in self._postings]
        out = frozenset().union(*(self._postings[k] for k in keys))
        if len(self._cache) < 4096:
            self._cache[word] = out
        return out

    def _phrase(self, words: tuple[str, ...]) -> frozenset[int]:
        sets = sorted((self._word(w) for w in words), key=len)
        return sets[0].intersection(*sets[1:]) if sets else frozenset()

    def _group(self, alternatives: tuple[tuple[str, ...], ...]) -> frozenset[int]:
        return frozenset().union(*(self._phrase(a) for a in alternatives))

    # ---------------------------------------------------------------- answers

    def _label(self, code: str) -> str:
        kind = "billable" if self.billable[code] else "category: more specific codes below it"
        return f"{code} {self.descriptions[code]} ({kind})"

    def _line(self, t: _Text) -> str:
        line = self._label(t.code)
        if t.is_inclusion:
            line += f" - includes: {t.text}"
        return line

    def _rank(self, ids: list[int], n: int) -> list[_Text]:
        """The first ``n`` texts of ``ids`` (already in rank order), one per code."""
        out: list[_Text] = []
        codes: set[str] = set()
        for i in ids:
            t = self.texts[i]
            if t.code not in codes:
                codes.add(t.code)
                out.append(t)
                if len(out) == n:
                    break
        return out

    def lookup_code(self, query: str) -> str | None:
        """The answer to a query that looks like a code, else ``None``."""
        m = _CODE.match(query.strip())
        if not m:
            return None
        letter, digits, rest = m.groups()
        code = f"{letter}{digits}".upper() + (f".{rest.upper()}" if rest else "")
        cm = self._cm
        if code not in self.descriptions:
            probe = code.replace(".", "")
            while len(probe) > 3:
                probe = probe[:-1]
                dotted = probe[:3] + ("." + probe[3:] if len(probe) > 3 else "")
                if dotted in self.descriptions:
                    return (
                        f"{code} is not an ICD-10-CM code. Nearest valid code: "
                        f"{self._label(dotted)}."
                    )
            return f"{code} is not an ICD-10-CM code."
        lines = [self._label(code)]
        parent = cm.get_parent(code)
        if parent and not cm.is_chapter_or_block(parent):
            lines.append(f"Parent: {parent} {self.descriptions[parent]}")
        includes = cm.get_inclusion_term(code)
        if includes:
            lines.append("Includes: " + "; ".join(includes[:6]))
        children = cm.get_children(code)
        if children:
            shown = "; ".join(f"{c} {self.descriptions[c]}" for c in children[:MAX_CHILDREN])
            more = len(children) - MAX_CHILDREN
            lines.append("Codes below it: " + shown + (f" (+{more} more)" if more > 0 else ""))
        return "\n".join(lines)

    def query_groups(self, query: str) -> list[tuple[str, tuple[tuple[str, ...], ...]]]:
        """The query as word groups: (shown word, alternative phrases any of which match)."""
        words = [w for w in tokens(query) if w not in STOPWORDS]
        groups: list[tuple[str, tuple[tuple[str, ...], ...]]] = []
        i = 0
        while i < len(words):
            for phrase, alts in _PHRASES.items():
                if tuple(words[i : i + len(phrase)]) == phrase:
                    groups.append((" ".join(phrase), (phrase, *alts)))
                    i += len(phrase)
                    break
            else:
                w = words[i]
                groups.append((w, ((w,), *_WORD_ALTERNATIVES.get(w, ()))))
                i += 1
        return groups

    def search(self, query: str) -> str:
        coded = self.lookup_code(query)
        if coded is not None:
            return coded
        groups = self.query_groups(query)
        if not groups:
            return "The query has no searchable words; give words of a description or a code."
        shown = " ".join(g[0] for g in groups)
        matched = [self._group(alts) for _, alts in groups]
        by_size = sorted(matched, key=len)
        hits = by_size[0].intersection(*by_size[1:])
        if hits:
            ranked = self._rank(sorted(hits), MAX_HITS)
            n_codes = len({self.texts[i].code for i in hits}) if len(ranked) == MAX_HITS else 0
            head = f"ICD-10-CM codes whose description contains '{shown}'"
            if n_codes > len(ranked):
                head += f": {n_codes}, the {len(ranked)} closest shown (add words to narrow)"
            return "\n".join([head + ":", *(self._line(t) for t in ranked)])
        return self._partial(groups, matched, shown)

    def _partial(
        self,
        groups: list[tuple[str, tuple[tuple[str, ...], ...]]],
        matched: list[frozenset[int]],
        shown: str,
    ) -> str:
        """Closest descriptions when none holds every word: most words, rarest first."""
        total = len(self.texts)
        weights = [log(total / len(ids)) if ids else 0.0 for ids in matched]
        score: dict[int, float] = {}
        for w, ids in zip(weights, matched, strict=True):
            for i in ids:
                score[i] = score.get(i, 0.0) + w
        if not score:
            return f"No ICD-10-CM description contains any of: {shown}."
        best = sorted(score, key=lambda i: (-round(score[i], 9), i))
        lines = [
            f"No ICD-10-CM description contains all of: {shown}. Closest partial matches "
            "(missing words in brackets):"
        ]
        codes: set[str] = set()
        for i in best:
            t = self.texts[i]
            if t.code in codes:
                continue
            codes.add(t.code)
            missing = [g[0] for g, ids in zip(groups, matched, strict=True) if i not in ids]
            lines.append(f"{self._line(t)} [missing: {', '.join(missing)}]")
            if len(codes) == MAX_HITS:
                break
        return "\n".join(lines)


def searchable(query: str) -> bool:
    """Whether ``query`` is a code or has a word to search for (no index needed)."""
    return bool(_CODE.match(query.strip())) or bool(_content(tokens(query)))


_INDEX: ICD10Index | None = None
_LOCK = threading.Lock()


def icd10_index() -> ICD10Index:
    """The process-wide index, built on first use."""
    global _INDEX
    if _INDEX is None:
        with _LOCK:
            if _INDEX is None:
                # the package reads its data files with a deprecated API; the build makes
                # ~10^6 small objects, none cyclic, so the cycle collector is paused
                enabled = gc.isenabled()
                gc.disable()
                try:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore", DeprecationWarning)
                        _INDEX = ICD10Index()
                finally:
                    if enabled:
                        gc.enable()
    return _INDEX


def search_icd10(query: str) -> str:
    """Answer of ``lookup_icd10`` for ``query`` (see the module docstring)."""
    return icd10_index().search(query)


def describe(code: str) -> dict[str, Any] | None:
    """Description and billability of a code, or ``None`` if it is not an ICD-10-CM code."""
    index = icd10_index()
    m = _CODE.match(code.strip())
    if not m:
        return None
    letter, digits, rest = m.groups()
    key = f"{letter}{digits}".upper() + (f".{rest.upper()}" if rest else "")
    if key not in index.descriptions:
        return None
    return {"code": key, "description": index.descriptions[key], "billable": index.billable[key]}
