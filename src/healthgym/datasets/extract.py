"""Extract the chosen option from a model's free-text answer.

:func:`extract_choice` returns an option letter or ``None`` (no answer, or an
ambiguous one: a hedge between options is scored as no answer).  In order:

0. The whole reply equals one option's text after normalisation (case,
   punctuation, spacing): that option, even if its text contains a letter.
1. Yes/no/maybe questions (every option text is yes, no or maybe): an explicit
   "answer: yes", a reply that is or starts with the word, or a last line that is
   only the word (:func:`extract_yes_no_maybe`).
2. Explicit statements, the last one in the text wins: "the (final/correct)
   answer is (B)", "Answer: b", "I would choose C", "C is the correct answer",
   a last line that is only a letter ("**C**", "(C).").  A statement naming two
   letters ("the answer is A or B") is a hedge -> ``None``.
3. Letters mentioned on their own: an upper-case letter standing alone, not part
   of a word, abbreviation or name ("Vitamin D", "hepatitis B", "B-cell", "E.
   coli", "type A"), not the article "A" ("A 45-year-old ...") and not negated
   ("not A", "rather than B", "A is incorrect").  Exactly one distinct letter ->
   it; several -> ``None``.
   A reply that opens as an option line ("C. paralysis of ...", "(B) Metformin") chooses
   that letter when what follows is that option's text or a capitalised sentence.
4. Option text instead of a letter: the reply (or what follows "the answer is")
   equals one option's text after normalisation (case, punctuation, spacing), or
   exactly one option's text occurs in it (a longer option containing a shorter
   one wins).

Letters are only ever matched as whole tokens, never inside words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Literal

from ..clinical.text import fold_no_article

YesNoMaybe = Literal["yes", "no", "maybe"]

_BOXED = re.compile(r"\\(?:boxed|text|textbf|mathrm)\{([^{}]*)\}")
_MARKDOWN = re.compile(r"(\*\*|__|\*|`+|^#+\s*)", re.MULTILINE)
_NOT_TOKEN = r"A-Za-z0-9'’\-/_"
# a letter as a token: "(B)", "[B]", "B)", "B", "B." followed by a break
_LETTER = (
    r"[\(\[]?(?<![" + _NOT_TOKEN + r".])([A-Ja-j])(?![" + _NOT_TOKEN + r"])[\)\]]?"
    r"(?=$|[\s,;:!?)\]]|\.(?!\w))"
)
_FORWARD = re.compile(
    r"\b(?:(?:final|correct|best|right|most\s+likely)\s+)?answer\b"
    r"(?:\s+to\s+(?:this|the)\s+question)?"
    r"(?:\s+(?:is|would\s+be|should\s+be|will\s+be|must\s+be)\b)?\s*[:=\-]?\s*"
    r"(?:(?:option|choice|letter)\s*[:\-]?\s*)?"
    + _LETTER
    + r"|\b(?:correct|best|right)\s+(?:option|choice)\s*(?:is\b)?\s*[:\-]?\s*"
    + _LETTER
    + r"|\b(?:choose|select|pick|go\s+with)\s+(?:option\s+|choice\s+)?"
    + _LETTER,
    re.IGNORECASE,
)
_BACKWARD = re.compile(
    r"(?:\b(?:option|choice)\s+)?(?<![" + _NOT_TOKEN + r".])[\(\[]?((?-i:[A-J]))[\)\]]?"
    r"\s+(?:is|would\s+be|seems)\s+(?:the\s+)?"
    r"(?:correct|right|best|answer|most\s+(?:likely|appropriate))",
    re.IGNORECASE,
)
_LAST_LINE = re.compile(
    r"^\s*(?:(?:final\s+)?answer\s*[:\-]?\s*)?[\(\[]?([A-Ja-j])[\)\]]?\s*[.!]?\s*$", re.IGNORECASE
)
_HEDGE_AFTER = re.compile(
    r"^\s*(?:(?:and/or|and|or|&|/)\s*(?:option\s+)?[\(\[]?[A-J][\)\]]?(?![\w'’\-])"
    r"|,\s*[\(\[]?[A-J][\)\]]?\s*(?:,|and\b|or\b))"
)
_MENTION = re.compile(r"(?<![" + _NOT_TOKEN + r".])([A-J])(?![" + _NOT_TOKEN + r"])")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_EXCLUDE_BEFORE = _words(
    """vitamin vitamins hepatitis hep type types factor group groups class grade stage phase
    lead zone plan schedule protein complex site appendix figure fig table panel step level
    category cluster influenza coxsackie hemophilia haemophilia serotype serogroup subtype
    immunoglobulin ig cell pattern part section box list row column point channel wave
    component kinase fraction lamina chain botulinum toxin hemoglobin haemoglobin blood
    cholera trial study arm exhibit"""
)
_EXCLUDE_AFTER = _words(
    """cell cells fiber fibers fibre fibres wave waves strep streptococcus streptococci coli
    virus viruses antigen antigens receptor receptors chain chains band bands lymphocyte
    lymphocytes deficiency toxin toxins subunit subunits site sites loop domain protein
    proteins kinase vitamin hepatitis influenza blood personality behaviour behavior beta
    alpha fragment fragments region regions"""
)
_NEGATION_BEFORE = re.compile(
    r"(?:\bnot|\bno|n't|\brather\s+than|\binstead\s+of|\bexclude|\bexcluding|\bexcept|"
    r"\brule\s+out|\bruled\s+out|\bunlike|\beliminate|\bneither|\bnor|\bnot\s+option)"
    r"\s*(?:option\s+|choice\s+)?[\(\[]?$",
    re.IGNORECASE,
)
_NEGATION_AFTER = re.compile(
    r"^[\)\]]?\s*(?:is|are|would\s+be|seems|seem)?\s*(?:also\s+)?"
    r"(?:incorrect|wrong|not\b|unlikely|false|less\s+likely|ruled\s+out|excluded|"
    r"inappropriate|contraindicated)",
    re.IGNORECASE,
)
_YNM_CUE = re.compile(
    r"\b(?:final\s+|correct\s+)?answer\b(?:\s+(?:is|would\s+be)\b)?\s*[:=\-]?\s*[\(\[]?"
    r"(yes|no|maybe)\b",
    re.IGNORECASE,
)
_YNM_LEAD = re.compile(r"^\W*(yes|no|maybe)\s*(?:$|[,.;:!\-])", re.IGNORECASE)
_ANSWER_TAIL = re.compile(
    r"\b(?:final\s+|correct\s+|best\s+)?answer\b(?:\s+(?:is|would\s+be)\b)?\s*[:=\-]?\s*",
    re.IGNORECASE,
)
_LEADING = re.compile(r"\s*[\(\[]?([A-J])(?:[\)\]]\s*[.:]?|[.:])(?=\s|$)(.{0,400})", re.S)


def _clean(text: str) -> str:
    text = _BOXED.sub(r"\1", text)
    text = _MARKDOWN.sub("", text)
    return text.replace("\u00a0", " ")


def _letters_and_texts(options: Mapping[str, str] | Sequence[str] | str) -> dict[str, str]:
    if isinstance(options, Mapping):
        return {str(k).strip().upper(): str(v) for k, v in options.items()}
    return {str(k).strip().upper(): "" for k in options}


def extract_yes_no_maybe(text: str) -> YesNoMaybe | None:
    """'yes', 'no' or 'maybe' from a reply to a yes/no(/maybe) question, else ``None``."""
    clean = _clean(text or "").strip()
    if not clean:
        return None
    cues = list(_YNM_CUE.finditer(clean))
    if cues:
        return cues[-1].group(1).lower()  # type: ignore[return-value]
    lines = [ln for ln in clean.splitlines() if ln.strip()]
    for candidate in (clean, lines[-1]):
        word = fold_no_article(candidate)
        if word in ("yes", "no", "maybe"):
            return word  # type: ignore[return-value]
    lead = _YNM_LEAD.match(clean)
    return lead.group(1).lower() if lead else None  # type: ignore[return-value]


def _explicit(clean: str, valid: set[str]) -> tuple[int, str | None] | None:
    """The last explicit answer statement: (position, letter or None for a hedge)."""
    found: list[tuple[int, str | None]] = []
    for m in _FORWARD.finditer(clean):
        raw = next(g for g in m.groups() if g)
        start = m.start(m.lastindex or 1)
        end = m.end()
        if raw == "a" and re.match(r"\s+[a-z]", clean[end:]):
            continue  # "the answer is a bacterial infection": the article
        letter = raw.upper()
        if letter not in valid:
            continue
        hedged = bool(_HEDGE_AFTER.match(clean[end:]))
        found.append((start, None if hedged else letter))
    for m in _BACKWARD.finditer(clean):
        letter = m.group(1).upper()
        before = _window(clean, m.start(1)).rstrip(" ([").lower()
        if letter in valid and not _excluded_before(before):
            found.append((m.start(1), letter))
    lines = [ln for ln in clean.splitlines() if ln.strip()]
    if lines:
        m = _LAST_LINE.match(lines[-1])
        if m and m.group(1).upper() in valid:
            found.append((len(clean), m.group(1).upper()))
    return max(found, key=lambda f: f[0]) if found else None


# Context read around a letter mention: every "before"/"after" rule (a negation, an
# excluding word) looks at a few words, so a bounded window keeps extraction linear in the
# reply's length (reading the whole prefix per mention made long replies quadratic).
_WINDOW = 80
_MAX_CUES = 4


def _window(text: str, end: int) -> str:
    """The ``_WINDOW`` characters before ``end``, starting at a word boundary."""
    start = max(0, end - _WINDOW)
    piece = text[start:end]
    if start > 0:
        piece = " " + piece.split(" ", 1)[-1] if " " in piece else piece
    return piece


def _leading_letter(clean: str, texts: dict[str, str]) -> str | None:
    """A reply that opens as an option line: "C. paralysis of ..." / "(B) Metformin".

    The letter counts when what follows it is the start of that option's text, starts
    with a capital (a sentence), or is empty; "E. coli ..." (lower case, not the option's
    text) stays an abbreviation.
    """
    m = _LEADING.match(clean)
    if not m or m.group(1) not in texts:
        return None
    letter, rest = m.group(1), m.group(2).strip()
    if not rest:
        return letter
    first = rest.split(None, 1)[0].strip(".,;:()[]")
    if len(first) <= 1:
        return None  # "A. B. ...": a list of letters, not an option line
    option = fold_no_article(texts[letter])
    if rest[0].isupper() or (
        option and fold_no_article(rest[: len(option) + 8]).startswith(option[:40])
    ):
        return letter
    return None


def _excluded_before(before: str) -> bool:
    words = before.split()
    return bool(words) and words[-1].strip(".,;:()") in _EXCLUDE_BEFORE


def _mentions(clean: str, valid: set[str]) -> set[str]:
    letters: set[str] = set()
    for m in _MENTION.finditer(clean):
        letter = m.group(1)
        before = _window(clean, m.start()).rstrip(" ([")
        after = clean[m.end() : m.end() + _WINDOW]
        if letter not in valid or _excluded_before(before.lower()):
            continue
        next_word = re.match(r"[\)\]]?\s+([A-Za-z]+)", after)
        if next_word and next_word.group(1).lower() in _EXCLUDE_AFTER:
            continue
        if re.match(r"\.\s*[a-z]|\.\d", after):  # "E. coli", "B.12": abbreviations
            continue
        if letter == "A" and re.match(
            r"\s+(?!(?:and|or|is|was|would|seems|should|nor)\b)[a-z0-9]", after
        ):
            continue  # the article: "A 45-year-old man"
        if _NEGATION_BEFORE.search(_window(clean, m.start())) or _NEGATION_AFTER.match(after):
            continue
        letters.add(letter)
    return letters


def _by_option_text(clean: str, texts: dict[str, str]) -> str | None:
    normed = {k: fold_no_article(v) for k, v in texts.items() if fold_no_article(v)}
    if not normed:
        return None
    # the last few answer cues only: a degenerate reply ("answer: answer: ...") must not
    # cost one normalisation of the whole remaining text per cue
    cues = list(_ANSWER_TAIL.finditer(clean))[-_MAX_CUES:]
    tails = [clean[m.end() :] for m in cues]
    for candidate in [*reversed(tails), clean]:
        first = re.split(r"[.\n]\s", candidate.strip(), maxsplit=1)[0]
        for piece in (candidate, first):
            exact = [k for k, v in normed.items() if v == fold_no_article(piece)]
            if len(exact) == 1:
                return exact[0]
    whole = f" {fold_no_article(clean)} "
    hits = {k for k, v in normed.items() if _affirmed(whole, f" {v} ")}
    hits = {k for k in hits if not any(j != k and normed[k] in normed[j] for j in hits)}
    return hits.pop() if len(hits) == 1 else None


_NEGATING_WORDS = re.compile(
    r"(?:\bnot|\bno|n t|\brather than|\binstead of|\bexcept|\brule out|\bruled out|"
    r"\bexclude|\bexcluding|\bnor|\bneither)\s*$"
)


def _affirmed(whole: str, phrase: str) -> bool:
    """``phrase`` occurs in ``whole`` at least once without a negation just before it."""
    start = whole.find(phrase)
    while start >= 0:
        if not _NEGATING_WORDS.search(_window(whole, start)):
            return True
        start = whole.find(phrase, start + 1)
    return False


def extract_choice(
    text: str, options: Mapping[str, str] | Sequence[str] | str = "ABCD"
) -> str | None:
    """The option letter a free-text answer chooses, or ``None`` (see the module doc).

    ``options`` is the question's options (letter -> text, which also enables
    matching an answer given as option text), or just the valid letters.
    """
    clean = _clean(text or "").strip()
    if not clean:
        return None
    texts = _letters_and_texts(options)
    valid = set(texts)
    values = {v.strip().lower() for v in texts.values()}
    yes_no = bool(values) and values <= {"yes", "no", "maybe"}
    if yes_no:
        word = extract_yes_no_maybe(clean)
        if word is not None:
            return next((k for k, v in texts.items() if v.strip().lower() == word), None)
    reply = fold_no_article(clean)
    if len(reply) > 1:  # the reply is exactly one option's text (which may contain letters)
        exact = [k for k, v in texts.items() if fold_no_article(v) == reply]
        if len(exact) == 1:
            return exact[0]
    explicit = _explicit(clean, valid)
    if explicit is not None:
        return explicit[1]
    leading = _leading_letter(clean, texts)
    if leading is not None:
        return leading
    mentioned = _mentions(clean, valid)
    if len(mentioned) == 1:
        return mentioned.pop()
    if mentioned:
        return None
    if yes_no or not any(texts.values()):
        return None  # a yes/no word in prose ("no evidence") is not an answer
    return _by_option_text(clean, texts)
