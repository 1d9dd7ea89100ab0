"""Turn arbitrary user text into plain search terms, safely.

User text is never handed to a query parser.  :func:`query_terms` splits it into
words with the same tokenizer the index uses (tantivy's ``en_stem`` chain:
split on every non-alphanumeric character, drop tokens longer than 40 bytes,
lower-case, Snowball English stemmer), removes English stopwords before
stemming, keeps the first occurrence of each term and caps their number at
:data:`MAX_TERMS`.  The index then builds its query from term objects, so
quotes, operators (``AND OR NOT + - : ^ ~ * ? ( ) [ ] { } /``), punctuation,
control characters, non-ASCII text and lone surrogates are all just separators
or ordinary letters; nothing can inject query syntax.

Text with no searchable terms (empty, whitespace, punctuation or stopwords
only) gives an empty list; :meth:`KnowledgeBase.search` then returns no hits
and the tools and CLI say that the query had no searchable terms.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import tantivy

MAX_TERMS = 32  # distinct terms kept from one query (the first ones, in query order)
MAX_QUERY_CHARS = 20_000  # longer input is truncated before tokenising
MAX_TOKEN_BYTES = 40  # tantivy's en_stem drops longer tokens; so do we

# English stopwords (function words, question words, auxiliaries); matched on the
# lower-cased word before stemming.
_STOPWORD_LIST = """
a about above after again against all am an and any are aren as at be because been
before being below between both but by can cannot could couldn did didn do does doesn
doing don down during each few for from further had hadn has hasn have haven having he
her here hers herself him himself his how i if in into is isn it its itself just let
me more most mustn my myself no nor not of off on once only or other ought our ours
ourselves out over own same shan she should shouldn so some such than that the their
theirs them themselves then there these they this those through to too under until up
very was wasn we were weren what when where which while who whom why will with won
would wouldn you your yours yourself yourselves s t ll re ve also may might must
shall tell give show please know like get got etc vs via
"""
STOPWORDS: frozenset[str] = frozenset(_STOPWORD_LIST.split())

_local = threading.local()


def _analyzer() -> tantivy.TextAnalyzer:
    """The query analyzer: en_stem with stopword removal (one per thread)."""
    a = getattr(_local, "analyzer", None)
    if a is None:
        a = (
            tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.remove_long(MAX_TOKEN_BYTES))
            .filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.custom_stopword(sorted(STOPWORDS)))
            .filter(tantivy.Filter.stemmer("english"))
            .build()
        )
        _local.analyzer = a
    return a


def clean_text(text: object) -> str:
    """``text`` as a valid, bounded Python string (None -> '', lone surrogates dropped)."""
    if text is None:
        return ""
    if not isinstance(text, str):
        text = str(text)
    text = text[:MAX_QUERY_CHARS]
    return text.encode("utf-8", "ignore").decode("utf-8")


def analyze(text: object) -> list[str]:
    """All index terms of ``text`` in order (stopwords removed, duplicates kept)."""
    text = clean_text(text)
    if not text.strip():
        return []
    return list(_analyzer().analyze(text))


_WORD = re.compile(r"[a-z]{4,}")


def query_terms(text: object, max_terms: int = MAX_TERMS) -> list[str]:
    """Distinct search terms of ``text`` in query order, at most ``max_terms`` (see
    :func:`_query_terms`; a string's terms are computed once per process)."""
    if isinstance(text, str) and isinstance(max_terms, int) and len(text) <= 2000:
        return list(_cached_terms(text, max_terms))
    return _query_terms(text, max_terms)


@lru_cache(maxsize=8192)
def _cached_terms(text: str, max_terms: int) -> tuple[str, ...]:
    return tuple(_query_terms(text, max_terms))


def _query_terms(text: object, max_terms: int = MAX_TERMS) -> list[str]:
    """Distinct search terms of ``text`` in query order, at most ``max_terms``.

    British and American spellings find each other: each word's other spellings
    (:func:`healthgym.clinical.matching.normalise.spelling_variants`: haemorrhage /
    hemorrhage, anaemia / anemia, oesophageal / esophageal) are added after the
    query's own terms, so a passage written either way matches.
    """
    from ..clinical.matching.normalise import spelling_variants

    terms = list(dict.fromkeys(analyze(text)))
    words = _WORD.findall(clean_text(text).lower())
    variants = sorted({v for w in dict.fromkeys(words) for v in spelling_variants(w)})
    if variants:
        terms += [t for t in dict.fromkeys(analyze(" ".join(variants))) if t not in terms]
    return terms[: max(0, max_terms)]


_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def make_snippet(text: str, terms: list[str], max_chars: int = 320) -> str:
    """The stretch of ``text`` (about ``max_chars``) starting at the sentence that
    contains the most distinct query ``terms``; the start of the text if none do
    (computed once per text, terms and length in a process)."""
    return _snippet(text, tuple(terms), max_chars)


@lru_cache(maxsize=8192)
def _snippet(text: str, terms: tuple[str, ...], max_chars: int) -> str:
    text = text.strip()
    if len(text) <= max_chars:
        return " ".join(text.split())
    wanted = set(terms)
    best, best_score = 0, 0
    offsets: list[int] = []
    pos = 0
    for i, sentence in enumerate(_SENTENCE.split(text)):
        start = text.find(sentence, pos) if sentence else pos
        offsets.append(max(start, 0))
        pos = max(start, 0) + len(sentence)
        if wanted and i < 200:  # long documents: only the first 200 sentences are scored
            score = len(wanted.intersection(analyze(sentence)))
            if score > best_score:
                best, best_score = i, score
    start = offsets[best] if offsets else 0
    piece = text[start : start + max_chars]
    if start + max_chars < len(text):
        cut = piece.rfind(" ")
        piece = (piece[:cut] if cut > max_chars // 2 else piece).rstrip(" ,;:") + " ..."
    return ("... " if start > 0 else "") + " ".join(piece.split())
