"""Coherence of a synthetic record: home-medication reconciliation, the laboratory
findings that chronic conditions and home drugs imply, and the symptom vocabulary
used to keep what a record asserts and what it denies apart.

The same knowledge serves the patient generator (which must never write an
incoherent record) and the task lint (:mod:`healthgym.lint`, which finds one).

Medication reconciliation
    Two home drugs conflict when they are the same drug, belong to one
    therapeutic-duplication family (:func:`healthgym.clinical.drugs.derive.duplicate_family`;
    STOPP v2 criterion A3, O'Mahony D et al. Age Ageing 2015;44:213-8) or form a
    *contraindicated* pair in the shared interaction table
    (:func:`healthgym.clinical.drugs.interaction`; e.g. sacubitril/valsartan with an
    ACE inhibitor: angioedema, Entresto prescribing information sections 4 and 5.2,
    36-hour washout).  Conditions are reconciled in :data:`MEDICATION_PRIORITY` order
    (the most specific indication first), so the drug of the more specific guideline
    is kept and the other condition is added to its indication: in HFrEF the
    angiotensin receptor-neprilysin inhibitor replaces the ACE inhibitor for blood
    pressure and kidney protection too (2022 AHA/ACC/HFSA heart failure guideline,
    section 7.3.1: ARNI in place of ACEi/ARB).

Implied laboratory findings (applied only where the disease profile does not set
the test itself - the scenario's own value always wins)
    * SGLT2 inhibitor -> glycosuria (dapagliflozin/empagliflozin prescribing
      information, section 5 / 7: "SGLT2 inhibitors increase urinary glucose
      excretion and will lead to positive urine glucose tests");
    * heart failure with reduced ejection fraction -> raised natriuretic peptide
      (ESC 2021 heart failure guideline, McDonagh TA et al. Eur Heart J
      2021;42:3599-726, section 4.1: chronic HF unlikely below BNP 35 pg/mL /
      NT-proBNP 125 pg/mL).  Treated ambulatory HFrEF patients are drawn from
      BNP 100-500 pg/mL (PARADIGM-HF baseline BNP median 255 pg/mL, IQR about
      155-474; McMurray JJV et al. N Engl J Med 2014;371:993-1004);
    * chronic kidney disease stage 3-4 -> eGFR 15-59 mL/min/1.73 m2 (KDIGO 2024
      CKD guideline, chapter 1: G3a-G4); creatinine is drawn so that the CKD-EPI
      2021 eGFR (Inker LA et al. N Engl J Med 2021;385:1737-49) falls in 30-55,
      and urea follows (BUN 20-40 mg/dL); where the scenario sets an acute creatinine
      that would put the eGFR at 60 or above, the chronic baseline value is used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np

from ..clinical.drugs import get_drug, interaction, normalize_name
from ..clinical.drugs.derive import duplicate_family
from .model import Medication

# comorbidity keys in reconciliation order: the most specific indication first; a
# condition later in the list keeps its drug only where it conflicts with none already
# prescribed (unlisted conditions come after these, in key order)
MEDICATION_PRIORITY: tuple[str, ...] = (
    "heart_failure",
    "chronic_kidney_disease",
    "atrial_fibrillation",
    "coronary_artery_disease",
    "prior_stroke_tia",
    "peripheral_arterial_disease",
    "cirrhosis",
    "type1_diabetes",
    "type2_diabetes",
    "hypertension",
    "hyperlipidemia",
)


@cache
def generic(name: str) -> str | None:
    """The formulary generic name of a home medication label, or None if not listed."""
    try:
        return normalize_name(name)
    except (KeyError, ValueError):
        return None


def medication_conflict(a: str, b: str) -> str | None:
    """Why home drugs ``a`` and ``b`` (labels) must not be co-prescribed, or None.

    Same drug, one therapeutic-duplication family, or a contraindicated pair of the
    shared interaction table (sources in the module docstring)."""
    ga, gb = generic(a), generic(b)
    if ga is None or gb is None:
        return "same drug" if a.strip().lower() == b.strip().lower() else None
    if ga == gb:
        return f"same drug ({ga})"
    ix = interaction(ga, gb)
    if ix is not None and ix.severity == "contraindicated":
        return f"contraindicated pair ({ix.category})"
    da, db = get_drug(ga), get_drug(gb)
    fam = duplicate_family(da)
    if fam is not None and fam == duplicate_family(db):
        return f"therapeutic duplication ({fam}: {da.drug_class}; {db.drug_class})"
    return None


def reconcile(candidates: Iterable[Medication]) -> list[Medication]:
    """Home medications without conflicting pairs: a candidate that conflicts with a
    drug already on the list is dropped and its indication added to that drug's."""
    out: list[Medication] = []
    for med in candidates:
        clash = next((i for i, m in enumerate(out) if medication_conflict(m.name, med.name)), None)
        if clash is None:
            out.append(med)
            continue
        kept = out[clash]
        reasons = [r for r in kept.indication.split("; ") if r]
        if med.indication and med.indication not in reasons:
            out[clash] = kept.model_copy(
                update={"indication": "; ".join([*reasons, med.indication])}
            )
    return out


def priority_order(comorbidities: Iterable[str]) -> list[str]:
    rank = {k: i for i, k in enumerate(MEDICATION_PRIORITY)}
    return sorted(comorbidities, key=lambda k: (rank.get(k, len(rank)), k))


# --- implied laboratory findings ---------------------------------------------------

SGLT2_GLYCOSURIA = "Positive (3+)"
HFREF_BNP = (100.0, 500.0)  # pg/mL, PARADIGM-HF baseline distribution (module docstring)
CKD_EGFR = (30.0, 55.0)  # mL/min/1.73 m2 drawn for stage 3-4 (KDIGO G3a-G4: 15-59)
CKD_EGFR_MAX = 59.0  # a recorded creatinine must keep the eGFR below 60
CKD_BUN = (20.0, 40.0)  # mg/dL


def is_sglt2(name: str) -> bool:
    g = generic(name)
    return g is not None and get_drug(g).group == "sglt2_inhibitor"


def creatinine_for_egfr(egfr: float, age: int, sex: str) -> float:
    """Serum creatinine (mg/dL) giving ``egfr`` by CKD-EPI 2021 (race-free):
    eGFR = 142 * min(Scr/k, 1)^a * max(Scr/k, 1)^-1.200 * 0.9938^age * (1.012 if female),
    k = 0.7 (F) / 0.9 (M), a = -0.241 (F) / -0.302 (M) (Inker LA et al. NEJM 2021)."""
    female = sex == "female"
    k, a = (0.7, -0.241) if female else (0.9, -0.302)
    base = 142 * 0.9938**age * (1.012 if female else 1.0)
    if egfr >= base:  # at or below k the min() branch applies
        return k * (egfr / base) ** (1 / a)
    return k * (egfr / base) ** (1 / -1.200)


def implied_labs(
    labs: dict[str, float | str],
    profile_labs: Iterable[str],
    comorbidities: Iterable[str],
    medications: Iterable[Medication],
    age: int,
    sex: str,
    rng: np.random.Generator,
) -> dict[str, float | str]:
    """``labs`` with the findings the patient's conditions and home drugs imply (module
    docstring), leaving every test the disease profile sets untouched."""
    out = dict(labs)
    fixed = set(profile_labs)
    conditions = set(comorbidities)
    sglt2 = any(is_sglt2(m.name) for m in medications)
    if sglt2 and "ua_glucose" in out and "ua_glucose" not in fixed:
        out["ua_glucose"] = SGLT2_GLYCOSURIA
    if "heart_failure" in conditions and "bnp" in out and "bnp" not in fixed:
        out["bnp"] = float(round(float(rng.uniform(*HFREF_BNP))))
    if "chronic_kidney_disease" in conditions and "creatinine" in out:
        ckd = round(creatinine_for_egfr(float(rng.uniform(*CKD_EGFR)), age, sex), 2)
        if "creatinine" not in fixed:
            out["creatinine"] = ckd
            if "bun" in out and "bun" not in fixed:
                out["bun"] = float(round(float(rng.uniform(*CKD_BUN))))
        elif creatinine_for_egfr(CKD_EGFR_MAX, age, sex) > float(out["creatinine"]):
            # the scenario's acute value sits on the chronic baseline: never below it
            out["creatinine"] = ckd
    return out


# --- symptoms asserted and denied ----------------------------------------------------


@dataclass(frozen=True)
class Concept:
    """A symptom or finding a record may assert or deny.  ``terms`` is a regular
    expression of its surface forms; ``denials`` are fixed sentences that deny it
    without a negation cue (e.g. "Alert and oriented x3" denies confusion)."""

    key: str
    terms: str
    features: tuple[str, ...] = ()  # healthgym.clinical.features keys expressing it
    denials: tuple[str, ...] = ()


CONCEPTS: tuple[Concept, ...] = (
    Concept(
        "breathlessness",
        r"short(?:ness)? of breath|breathless(?:ness)?|dyspno?ea|difficulty (?:in )?breathing"
        r"|trouble breathing|struggling to breathe|can'?t catch (?:my|his|her) breath",
        ("dyspnea",),
    ),
    Concept(
        "chest pain",
        r"chest (?:pain|tightness|pressure|discomfort)|pain in (?:the|my|his|her) chest",
        ("chest_pain",),
    ),
    Concept("haemoptysis", r"cough(?:ing|ed)? up blood|ha?emoptysis", ("hemoptysis",)),
    Concept("cough", r"\bcough(?:s|ing)?\b(?! up blood)", ("cough",)),
    Concept("fever", r"\bfevers?\b|\bfeverish\b|\bfebrile\b", ("fever_reported",)),
    Concept(
        "abdominal pain",
        r"abdominal (?:pain|cramps?)|(?:tummy|stomach|belly) (?:pain|ache)"
        r"|pain in (?:the|my|his|her) (?:abdomen|belly|stomach|tummy)",
        ("abdominal_pain",),
    ),
    Concept("diarrhoea", r"diarrh?o?ea|watery stools|loose stools", ("diarrhea",)),
    Concept(
        "haematemesis",
        r"vomit(?:ing|ed)? (?:up )?blood|ha?ematemesis|coffee[- ]ground",
        ("hematemesis",),
    ),
    Concept("melaena", r"mela?ena|black,? tarry stools?|black stools?", ("melena",)),
    Concept(
        "visual disturbance",
        r"blurred vision|(?:loss|lost) of vision|visual (?:disturbance|loss)|double vision",
        ("visual_disturbance",),
    ),
    Concept(
        "confusion",
        r"\bconfus(?:ed|ion)\b|\bdisorient(?:at)?ed\b",
        ("confusion",),
        ("alert and oriented",),
    ),
    Concept(
        "leg swelling",
        r"(?:leg|calf|ankle) swelling|swollen (?:leg|calf|ankle)s?",
        ("unilateral_leg_swelling",),
    ),
    Concept("headache", r"\bheadaches?\b"),
    Concept("vaginal bleeding", r"vaginal bleeding|bleeding per vaginam|\bPV bleed"),
)
CONCEPT_BY_FEATURE: dict[str, Concept] = {f: c for c in CONCEPTS for f in c.features}

# NegEx-style negation (Chapman WW et al. J Biomed Inform 2001;34:301-10): a cue within
# the few words before the term negates it, unless a termination term intervenes
_NEGATION_CUES = re.compile(
    r"\b(?:denies|denied|denying|no|not|without|nor|negative for|free of|absence of|"
    r"never had|resolved)\b"
)
_TERMINATION = re.compile(r"\b(?:but|however|although|though|except|apart from|aside from)\b|;")
_PSEUDO = re.compile(
    r"\bno (?:longer|change|improvement|better)\b|\bnot only\b|\bnot improved\b"
    r"|\bwithout (?:becoming|getting|feeling|being)\b"
)
NEGATION_WINDOW = 6  # words


@cache
def _pattern(terms: str) -> re.Pattern[str]:
    return re.compile(terms, re.IGNORECASE)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def mentions(text: str) -> list[tuple[str, bool, str]]:
    """(concept key, negated, sentence) for each concept a text mentions."""
    out = []
    for sentence in _sentences(text):
        low = sentence.lower()
        for c in CONCEPTS:
            if any(d in low for d in c.denials):
                out.append((c.key, True, sentence))
                continue
            m = _pattern(c.terms).search(sentence)
            if m is None:
                continue
            before = low[: m.start()]
            cut = max((t.end() for t in _TERMINATION.finditer(before)), default=0)
            window = " ".join(before[cut:].split()[-NEGATION_WINDOW:])
            negated = bool(_NEGATION_CUES.search(window)) and not _PSEUDO.search(window)
            out.append((c.key, negated, sentence))
    return out


def asserted_concepts(text: str) -> set[str]:
    return {k for k, neg, _ in mentions(text) if not neg}
