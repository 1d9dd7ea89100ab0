"""Doses, volumes, rates and intervals as quantities, and a band matcher.

:func:`parse_regimens` reads "875 mg PO every 12 hours", "500 mg q8h", "1 g IV
daily", "0.1 units/kg/h", "125 mL/h", "900-3600 mg/day in three divided doses",
"750 mg once, then 500 mg every 48 hours" into :class:`Regimen` values: an amount
range in a canonical unit (mg, mL, unit, mmol, mEq; g/mcg/L converted), per kg or
not, per hour (a rate) or per day (a daily total), doses per day, route
(PO/IV/IM/SC), one-off or as needed.

:func:`band_accepts` says whether an answer lies inside a reference band written
the way the formulary writes them ("500 mg every 8 hours or 875 mg every 12 hours",
"start 5 mg once daily, maximum 10 mg daily", "200-800 mg every 6-8 hours (maximum
3200 mg/day)", "reduce the dose by one-third", "usual dose (200-400 mg once daily)",
"avoid"), with an optional relative tolerance.  :func:`match_band` is a drop-in for
``drug_interaction.grading.match_band`` (same arguments and results).

Frequencies: BID/bd = 2/day, TID/tds = 3, QID/qds = 4, qNh = 24/N (Joint Commission
and ISMP abbreviation usage; "q.d."/"od" read as once daily).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from ..text import normalize

_NUM = r"(\d+(?:\.\d+)?)"
_UNITS = {
    "mg": ("mass", 1.0),
    "milligram": ("mass", 1.0),
    "milligrams": ("mass", 1.0),
    "g": ("mass", 1000.0),
    "gram": ("mass", 1000.0),
    "grams": ("mass", 1000.0),
    "gm": ("mass", 1000.0),
    "mcg": ("mass", 0.001),
    "ug": ("mass", 0.001),
    "µg": ("mass", 0.001),
    "μg": ("mass", 0.001),
    "microgram": ("mass", 0.001),
    "micrograms": ("mass", 0.001),
    "ng": ("mass", 1e-6),
    "unit": ("unit", 1.0),
    "units": ("unit", 1.0),
    "u": ("unit", 1.0),
    "iu": ("unit", 1.0),
    "ml": ("volume", 1.0),
    "cc": ("volume", 1.0),
    "l": ("volume", 1000.0),
    "litre": ("volume", 1000.0),
    "liter": ("volume", 1000.0),
    "litres": ("volume", 1000.0),
    "liters": ("volume", 1000.0),
    "mmol": ("mmol", 1.0),
    "meq": ("meq", 1.0),
}
_UNIT_RE = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
_AMOUNT = re.compile(
    rf"{_NUM}(?:\s*/\s*\d+(?:\.\d+)?)?(?:\s*(?:-|–|to)\s*{_NUM}(?:\s*/\s*\d+(?:\.\d+)?)?)?"
    rf"\s*({_UNIT_RE})\b((?:\s*/\s*(?:kg|h|hr|hour|min|minute|day|d|24\s*h))*)"
    r"(\s+per\s+(?:kg|hour|day|24\s*hours?))?",
    re.I,
)
_ROUTES = (
    (re.compile(r"\b(po|p\.o\.|oral(?:ly)?|by mouth|per os)\b", re.I), "PO"),
    (re.compile(r"\b(iv|i\.v\.|intravenous(?:ly)?|ivpb|infusion)\b", re.I), "IV"),
    (re.compile(r"\b(im|i\.m\.|intramuscular(?:ly)?)\b", re.I), "IM"),
    (re.compile(r"\b(sc|sq|s\.c\.|subcut(?:aneous(?:ly)?)?|s/c)\b", re.I), "SC"),
)
_WORDNUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_FREQS: tuple[tuple[re.Pattern[str], object], ...] = (
    (
        re.compile(
            r"\b(?:q|every|per)\s*(\d+(?:\.\d+)?)\s*(?:-|to)\s*(\d+(?:\.\d+)?)\s*"
            r"(?:h|hr|hrs|hours?)\b",
            re.I,
        ),
        "interval_range",
    ),
    (re.compile(r"\b(\d+)\s*(?:-|to)\s*(\d+)\s*-?\s*hourly\b", re.I), "interval_range"),
    (re.compile(r"\b(?:q|every|per)\s*(\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hours?)\b", re.I), "interval"),
    (re.compile(r"\b(\d+)\s*-?\s*hourly\b", re.I), "interval"),
    (re.compile(r"\bevery\s+(\d+)\s+days?\b", re.I), "interval_days"),
    (re.compile(r"\b(?:every other day|alternate days?|qod|q48h)\b", re.I), (0.5, 0.5)),
    (re.compile(r"\b(?:once\s+)?weekly\b|\bonce a week\b|\bevery week\b", re.I), (1 / 7, 1 / 7)),
    (re.compile(r"\bonce or twice (?:daily|a day)\b", re.I), (1.0, 2.0)),
    (re.compile(r"\btwo or three times (?:daily|a day)\b", re.I), (2.0, 3.0)),
    (
        re.compile(r"\bup to (one|two|three|four|five|six|\d) times (?:daily|a day)\b", re.I),
        "up_to",
    ),
    (
        re.compile(r"\bin (one|two|three|four) or (one|two|three|four) (?:divided )?doses\b", re.I),
        "doses_range",
    ),
    (re.compile(r"\bin (one|two|three|four) (?:divided )?doses?\b", re.I), "doses"),
    (
        re.compile(r"\b(one|two|three|four|five|six|\d) times (?:daily|a day|per day)\b", re.I),
        "times",
    ),
    (re.compile(r"\b(?:bid|b\.i\.d\.?|bd|twice (?:daily|a day))\b", re.I), (2.0, 2.0)),
    (re.compile(r"\b(?:tid|t\.i\.d\.?|tds|thrice daily)\b", re.I), (3.0, 3.0)),
    (re.compile(r"\b(?:qid|q\.i\.d\.?|qds)\b", re.I), (4.0, 4.0)),
    (
        re.compile(
            r"\b(?:once daily|once a day|daily|od|qd|q\.d\.|every day|each day|q24h|"
            r"nightly|at night|qhs|every morning|every evening|in the evening|qam|qpm|"
            r"once per day)\b",
            re.I,
        ),
        (1.0, 1.0),
    ),
)
_ONCE = re.compile(
    r"\b(?:once|single dose|stat|loading dose|load)\b(?!\s+(?:daily|a day|"
    r"weekly|a week|per day|or))",
    re.I,
)
_PRN = re.compile(r"\b(?:prn|as needed|as required|when required)\b", re.I)
_RENAL_VALUE = re.compile(r"\b(?:crcl|egfr|gfr|clearance)\b[^,;)]*", re.I)


@dataclass(frozen=True)
class Regimen:
    """One dose: amount range in canonical units and how often it is given."""

    lo: float
    hi: float
    dim: str  # mass (mg), volume (mL), unit, mmol, meq
    per_kg: bool = False
    per_hour: bool = False  # a rate (amount per hour)
    per_day: bool = False  # a daily total
    freq: tuple[float, float] | None = None  # doses per day
    route: str | None = None
    once: bool = False
    prn: bool = False

    def daily(self) -> tuple[float, float] | None:
        """Daily total range, when it can be known."""
        if self.per_day:
            return (self.lo, self.hi)
        if self.freq is None or self.per_hour:
            return None
        return (self.lo * self.freq[0], self.hi * self.freq[1])


def _freq(segment: str) -> tuple[float, float] | None:
    for pattern, kind in _FREQS:
        m = pattern.search(segment)
        if not m:
            continue
        if isinstance(kind, tuple):
            return kind
        g = m.groups()
        if kind == "interval":
            h = float(g[0])
            return (24 / h, 24 / h) if h > 0 else None
        if kind == "interval_range":
            a, b = sorted((float(g[0]), float(g[1])))
            return (24 / b, 24 / a) if a > 0 else None
        if kind == "interval_days":
            d = float(g[0])
            return (1 / d, 1 / d) if d > 0 else None
        num = [int(x) if x.isdigit() else _WORDNUM[x.lower()] for x in g]
        if kind == "up_to":
            return (1.0, float(num[0]))
        if kind == "doses_range":
            return (float(min(num)), float(max(num)))
        return (float(num[0]), float(num[0]))
    return None


def _route(segment: str) -> str | None:
    for pattern, name in _ROUTES:
        if pattern.search(segment):
            return name
    return None


def parse_regimens(text: object) -> list[Regimen]:
    """Every dose written in a text, with its frequency and route (never raises)."""
    if not isinstance(text, str):
        return []
    text = _RENAL_VALUE.sub(" ", text[:1000])
    matches = list(_AMOUNT.finditer(text))
    out: list[Regimen] = []
    for i, m in enumerate(matches):
        lo_s, hi_s, unit, denoms, per_words = m.groups()
        dim, factor = _UNITS[unit.lower()]
        lo = float(lo_s) * factor
        hi = float(hi_s) * factor if hi_s else lo
        if hi < lo:
            lo, hi = hi, lo
        den = (denoms or "").lower().replace(" ", "") + (per_words or "").lower()
        per_kg = "kg" in den
        per_hour = bool(re.search(r"/(?:h|hr|hour)\b|per hour", den))
        per_min = bool(re.search(r"/min", den))
        per_day = bool(re.search(r"/(?:day|d|24h)\b|per (?:day|24)", den))
        if per_min:
            lo, hi, per_hour = lo * 60, hi * 60, True
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        seg = text[m.end() : end]
        seg = re.split(
            r"\bthen\b|\bor\b(?=\s*\d)|[;,](?=\s*(?:maximum|max|start|then))", seg, maxsplit=1
        )[0]
        before = text[max(0, m.start() - 12) : m.start()]
        freq = None if per_hour else _freq(seg)
        once = bool(_ONCE.search(seg)) and freq is None
        out.append(
            Regimen(
                lo,
                hi,
                dim,
                per_kg,
                per_hour,
                per_day,
                freq,
                _route(before + " " + seg),
                once,
                bool(_PRN.search(seg)),
            )
        )
    return out


# ----------------------------------------------------------------------------- bands
_NO_ADJUST = re.compile(
    r"\bno (?:renal |dose |dosage |dosing )?(?:adjustment|change|reduction|modification)s?\b"
    r"|\b(?:usual|standard|full|normal|unchanged|regular) (?:dose|dosing|dosage)\b"
    r"|\bdose unchanged\b|\bno need to (?:adjust|reduce|change)\b|\bnot? (?:require|need)"
    r"\w* (?:any )?(?:renal )?(?:dose )?adjust",
    re.I,
)
_AVOID = re.compile(
    r"\b(?:avoid|contraindicated|not recommended|do not (?:use|give|start|initiate|prescribe)"
    r"|don'?t (?:use|give)|should not be (?:used|given)|not to be used|discontinue|stop)\b",
    re.I,
)
_FRACTIONS = {
    "one-half": 0.5,
    "one half": 0.5,
    "half": 0.5,
    "one-third": 1 / 3,
    "one third": 1 / 3,
    "two-thirds": 2 / 3,
    "two thirds": 2 / 3,
    "one-quarter": 0.25,
    "a quarter": 0.25,
    "three-quarters": 0.75,
}
_FRAC_RE = "|".join(sorted(map(re.escape, _FRACTIONS), key=len, reverse=True))
_REDUCE_BY = re.compile(
    rf"\b(?:reduce|decrease|lower|cut)\w*\b[^.;]*?\bby\s+(?:{_NUM}\s*(?:-|to)\s*)?{_NUM}\s*%"
    rf"|\b(?:reduce|decrease|lower|cut)\w*\b[^.;]*?\bby\s+({_FRAC_RE})"
    rf"|{_NUM}\s*%\s*(?:dose\s+)?reduction",
    re.I,
)
_FRACTION_OF = re.compile(
    rf"(?:\b({_FRAC_RE})|{_NUM}\s*%)\s*(?:of\s+)?(?:the\s+)?(?:usual|normal|standard|full)"
    r"|\bhalve\b|\bhalf[- ]dose\b",
    re.I,
)


def relative_factor(text: str) -> tuple[float, float] | None:
    """Fraction of the usual dose a text asks for ("reduce by 25-50%" -> (0.5, 0.75))."""
    m = _REDUCE_BY.search(text)
    if m:
        a, b, frac, c = m.groups()
        if frac:
            p = _FRACTIONS[frac.lower()]
            return (1 - p, 1 - p)
        if c:
            return (1 - float(c) / 100, 1 - float(c) / 100)
        lo_p, hi_p = float(a or b), float(b)
        return (1 - max(lo_p, hi_p) / 100, 1 - min(lo_p, hi_p) / 100)
    m = _FRACTION_OF.search(text)
    if m:
        frac, pct = m.groups()
        if frac:
            return (_FRACTIONS[frac.lower()],) * 2
        if pct:
            return (float(pct) / 100,) * 2
        return (0.5, 0.5)
    return None


@dataclass(frozen=True)
class Band:
    """A parsed reference band."""

    text: str
    regimens: tuple[Regimen, ...] = ()  # maintenance regimens (any one is accepted)
    daily_cap: float | None = None
    relative: tuple[float, float] | None = None
    avoid: bool = False
    no_adjust: bool = False


def parse_band(text: str, action: str | None = None) -> Band:
    """Read one band's instruction (``action`` as in the formulary: usual/reduce/avoid)."""
    t = text.strip()
    if action == "avoid" or (_AVOID.match(t) and not parse_regimens(t)):
        return Band(t, avoid=True)
    regs: list[Regimen] = []
    cap = None
    for clause in re.split(r"[;,]\s*(?=maximum|max\b)|\(\s*(?=maximum)", t):
        found = [r for r in parse_regimens(clause) if not r.once]
        if not found:
            continue
        if re.match(r"\s*(?:maximum|max)\b", clause, re.I):
            r = found[0]
            if r.per_day and not (regs and regs[-1].freq == (1.0, 1.0)):
                cap = r.hi
            elif regs and (
                r.freq is None
                or regs[-1].freq in (None, r.freq)
                or (regs[-1].freq == (1.0, 1.0) and r.per_day)
            ):
                regs[-1] = replace(regs[-1], hi=max(regs[-1].hi, r.hi))
            else:
                regs.append(replace(r, lo=min(r.lo, r.hi * 1e-3), per_day=False))
        else:
            regs.extend(found)
    no_adjust = action == "usual" or bool(re.match(r"\s*(?:no change|usual dose)", t, re.I))
    rel = relative_factor(t) if not regs or ("usual" in t.lower() and "(" not in t) else None
    if regs and rel is not None and not re.search(r"\d\s*(?:mg|g|mcg)", t):
        regs = []
    return Band(t, tuple(regs), cap, rel, False, no_adjust)


def _within(a: tuple[float, float], b: tuple[float, float], tol: float) -> bool:
    return a[0] >= b[0] * (1 - tol) - 1e-9 and a[1] <= b[1] * (1 + tol) + 1e-9


def _reg_in(ans: Regimen, ref: Regimen, tol: float, cap: float | None) -> str | None:
    """'full' when the answer is inside the reference regimen, 'dose' when only the
    amount could be compared (the answer gave no frequency), else None."""
    if (ans.dim, ans.per_kg, ans.per_hour) != (ref.dim, ref.per_kg, ref.per_hour):
        return None
    if ans.route and ref.route and ans.route != ref.route:
        return None
    if cap is not None:
        daily = ans.daily()
        if daily is not None and daily[1] > cap * (1 + tol) + 1e-9:
            return None
    if ref.per_day and not ans.per_day:
        daily = ans.daily()
        if daily is None:
            return None
        return "full" if _within(daily, (ref.lo, ref.hi), tol) else None
    if ans.per_day and not ref.per_day:
        daily = ref.daily()
        return "full" if daily and _within((ans.lo, ans.hi), daily, tol) else None
    if not _within((ans.lo, ans.hi), (ref.lo, ref.hi), tol):
        return None
    if ref.freq is None or ref.per_day:
        return "full"
    if ans.freq is None:
        return None if ans.once else "dose"
    return "full" if _within(ans.freq, ref.freq, max(tol, 0.01)) else None


def _scaled(usual: Band, factor: tuple[float, float]) -> tuple[Regimen, ...]:
    return tuple(replace(r, lo=r.lo * factor[0], hi=r.hi * factor[1]) for r in usual.regimens)


def band_accepts(
    answer: str, band: Band, usual: Band | None = None, tolerance: float = 0.0
) -> str | None:
    """How an answer fits one band: 'full', 'dose' (amount only), or None."""
    regs = [r for r in parse_regimens(answer) if not r.once] if isinstance(answer, str) else []
    if not regs:
        if not isinstance(answer, str):
            return None
        if _AVOID.search(answer) and not _NO_ADJUST.search(answer):
            return "full" if band.avoid else None
        rel = relative_factor(answer)
        if rel is not None:
            return "full" if band.relative and _within(rel, band.relative, 0.02) else None
        if _NO_ADJUST.search(answer):
            return "full" if band.no_adjust else None
        return None
    if band.avoid:
        return None
    refs = band.regimens
    if not refs and band.relative and usual is not None:
        refs = _scaled(usual, band.relative)
    best = None
    ans = regs[-1]
    for ref in refs:
        got = _reg_in(ans, ref, tolerance, band.daily_cap)
        if got == "full":
            return "full"
        best = best or got
    return best


def match_band(dose: str, bands: list[tuple[str, str]], tolerance: float = 0.0) -> int | None:
    """Index of the band an answer gives; ``bands`` = (dose text, action) pairs.

    Same contract as ``drug_interaction.grading.match_band``: None when no band (or
    more than one) fits; an 'avoid' answer picks the single avoid band (-1 when there
    are several).  Beyond it: doses are compared as quantities anywhere inside the
    band ("875 mg every 12 hours" fits "500 mg every 8 hours or 875 mg every 12
    hours"), "no adjustment needed" fits the usual band, "reduce the dose by half"
    fits a relative band.
    """
    if not isinstance(dose, str) or not dose.strip():
        return None
    text = normalize(dose)
    for i, (band_dose, _) in enumerate(bands):  # the band's own words
        if normalize(band_dose) == text:
            return i
    parsed = [parse_band(d, a) for d, a in bands]
    if not parse_regimens(dose) and _AVOID.search(dose) and not _NO_ADJUST.search(dose):
        avoid = [i for i, b in enumerate(parsed) if b.avoid]
        return avoid[0] if len(avoid) == 1 else (-1 if avoid else None)
    fits = _fits(dose, parsed, bands, tolerance)
    full = [i for i, f in enumerate(fits) if f == "full"]
    if len(full) > 1:  # overlapping bands: the one whose words the answer contains
        full = [i for i in full if f" {normalize(bands[i][0])} " in f" {text} "] or full
    if len(full) == 1:
        return full[0]
    if full:
        return None
    partial = [i for i, f in enumerate(fits) if f == "dose"]
    return partial[0] if len(partial) == 1 else None


def _fits(dose: str, parsed: list[Band], bands: list[tuple[str, str]], tolerance: float):
    usual = next((b for b, (_, a) in zip(parsed, bands, strict=False) if a == "usual"), None)
    return [band_accepts(dose, b, usual, tolerance) for b in parsed]


def bands_fitting(dose: str, bands: list[tuple[str, str]], tolerance: float = 0.0) -> list[int]:
    """Every band an answer lies inside (bands may overlap: "5 mg once daily" is inside
    both "5-40 mg once daily" and "start 5 mg once daily, maximum 10 mg daily").  A
    grader should accept the answer when the task's band is among them."""
    if not isinstance(dose, str) or not dose.strip():
        return []
    exact = match_band(dose, bands, tolerance)
    parsed = [parse_band(d, a) for d, a in bands]
    fits = [i for i, f in enumerate(_fits(dose, parsed, bands, tolerance)) if f == "full"]
    if exact is not None and exact >= 0 and exact not in fits:
        fits.append(exact)
    return sorted(fits)


def dose_in_band(answer: str, band: str, tolerance: float = 0.0, usual: str | None = None) -> bool:
    """Whether a dose answer lies inside one reference band (text), within tolerance."""
    try:
        ref = parse_band(band)
        return band_accepts(answer, ref, parse_band(usual) if usual else None, tolerance) == "full"
    except (ValueError, ZeroDivisionError, OverflowError):
        return False


def quantity_close(
    answer: float, reference: float, rel: float = 0.05, abs_tol: float = 0.0
) -> bool:
    """Numeric equality within a clinical tolerance (e.g. 1250 vs 1300 mL at 5%)."""
    try:
        return math.isclose(float(answer), float(reference), rel_tol=rel, abs_tol=abs_tol)
    except (TypeError, ValueError):
        return False
