"""Declarative consistency rules over a :class:`~.model.PatientView`.

Each rule is a function ``(view) -> iterable of detail strings`` registered with
:func:`rule`; its docstring names the published source of what it checks.  A rule
that lacks the data it needs (no urinalysis, no weight) yields nothing: the lint
judges what a record states, never what it omits, except where a rule says a value
must be recorded.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Iterator

from ..clinical.drugs import get_drug
from ..clinical.labs import LAB_TESTS
from ..patients.coherence import CONCEPTS, generic, medication_conflict, mentions
from .model import PatientView

Rule = Callable[[PatientView], Iterable[str]]
RULES: dict[str, Rule] = {}


def rule(name: str) -> Callable[[Rule], Rule]:
    def register(fn: Rule) -> Rule:
        assert fn.__doc__, f"rule {name} must cite its source"
        RULES[name] = fn
        return fn

    return register


def _generics(view: PatientView) -> list[tuple[str, str]]:
    """(label, generic) for each home medication found in the formulary."""
    out = []
    for label in view.medications:
        g = generic(label)
        if g is not None:
            out.append((label, g))
    return out


def _num(view: PatientView, key: str) -> float | None:
    v = view.labs.get(key)
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return float(v)
    return None


def _positive(text: float | str | None) -> bool | None:
    """A categorical urinalysis result read as positive (True), negative (False) or
    unknown (None)."""
    if not isinstance(text, str):
        return None
    t = text.strip().lower()
    if t.startswith(("neg", "none", "absent", "not detected", "nil")):
        return False
    if t.startswith(("pos", "trace", "present", "detected")) or "+" in t:
        return True
    return None


# --- medications ------------------------------------------------------------------


@rule("home_medication_conflict")
def home_medication_conflict(view: PatientView) -> Iterator[str]:
    """No contraindicated pair and no therapeutic duplication among home medications,
    unless the task is about the regimen's interactions.

    Sources: the shared interaction table (:func:`healthgym.clinical.drugs.interaction`,
    severities from labels; e.g. sacubitril/valsartan + ACE inhibitor, Entresto PI
    sections 4 and 5.2: angioedema, 36-hour washout) and its duplication families
    (STOPP v2 criterion A3, O'Mahony D et al. Age Ageing 2015;44:213-8)."""
    if view.regimen_is_subject:
        return
    for a, b in itertools.combinations(view.medications, 2):
        why = medication_conflict(a, b)
        if why:
            yield f"{a} + {b}: {why}"


@rule("sglt2_glycosuria")
def sglt2_glycosuria(view: PatientView) -> Iterator[str]:
    """A patient on an SGLT2 inhibitor has glycosuria: a negative urine glucose is
    incoherent.  Source: dapagliflozin (Farxiga) and empagliflozin (Jardiance)
    prescribing information, drug/laboratory test interactions - "SGLT2 inhibitors
    increase urinary glucose excretion and will lead to positive urine glucose tests"."""
    sglt2 = [lab for lab, g in _generics(view) if get_drug(g).group == "sglt2_inhibitor"]
    if sglt2 and _positive(view.labs.get("ua_glucose")) is False:
        yield f"on {sglt2[0]} but urine glucose {view.labs['ua_glucose']!r}"


POTASSIUM_HIGH = 5.0  # mmol/L, upper reference limit (clinical.labs)


@rule("loop_diuretic_potassium")
def loop_diuretic_potassium(view: PatientView) -> Iterator[str]:
    """A patient on a loop diuretic has a serum potassium on record wherever the record
    has electrolytes, and hyperkalaemia on a loop diuretic needs an explanation (a
    potassium-raising drug, kidney disease, or a scenario that sets the potassium).
    Source: furosemide (Lasix) prescribing information, WARNINGS (excessive diuresis,
    electrolyte depletion, hypokalaemia) and PRECAUTIONS - Laboratory Tests ("serum
    electrolytes (particularly potassium) ... should be determined frequently");
    potassium-raising drugs from the formulary (`raises_potassium`)."""
    loops = [lab for lab, g in _generics(view) if get_drug(g).group == "loop_diuretic"]
    if not loops:
        return
    k = _num(view, "potassium")
    if k is None:
        if _num(view, "sodium") is not None:
            yield f"on {loops[0]}: electrolytes recorded without potassium"
        return
    raisers = [lab for lab, g in _generics(view) if get_drug(g).raises_potassium]
    explained = (
        raisers
        or "ckd" in view.conditions
        or "aki" in view.conditions
        or (view.explained_labs is not None and "potassium" in view.explained_labs)
        or view.explained_labs is None
    )
    if k > POTASSIUM_HIGH and not explained:
        yield f"on {loops[0]} with potassium {k} mmol/L and nothing raising it"


INR_NORMAL_HIGH = 1.2
PANEL = {"creatinine", "sodium", "hemoglobin", "platelets", "pt", "inr"}  # a laboratory panel


@rule("anticoagulant_inr")
def anticoagulant_inr(view: PatientView) -> Iterator[str]:
    """A patient on a vitamin K antagonist has an INR on record (wherever the record has a
    laboratory panel, not only point-of-care tests), and a normal INR on warfarin needs
    an explanation.  Sources:
    warfarin (Coumadin) prescribing information section 2.1 (individualise dosing by
    INR; target 2.0-3.0 for most indications); Holbrook A et al. Chest 2012;141(2
    Suppl):e152S-84S (ACCP 9th ed.)."""
    vka = [lab for lab, g in _generics(view) if get_drug(g).name == "warfarin"]
    if not vka or not PANEL & set(view.labs):  # point-of-care tests only: not relevant
        return
    inr = _num(view, "inr")
    if inr is None:
        yield f"on {vka[0]} but no INR recorded"
    elif inr <= INR_NORMAL_HIGH and "inr" not in (view.explained_labs or set()):
        yield f"on {vka[0]} with INR {inr} (no anticoagulant effect, unexplained)"


# --- disease and laboratory ----------------------------------------------------------

BNP_CHRONIC, NTPROBNP_CHRONIC = 35.0, 125.0  # pg/mL, ESC 2021 section 4.1
BNP_ACUTE, NTPROBNP_ACUTE = 100.0, 300.0  # pg/mL, ESC 2021 section 11.2


@rule("hf_natriuretic_peptide")
def hf_natriuretic_peptide(view: PatientView) -> Iterator[str]:
    """Heart failure with reduced ejection fraction has a raised natriuretic peptide:
    BNP >= 35 pg/mL or NT-proBNP >= 125 pg/mL in chronic HF, BNP >= 100 / NT-proBNP
    >= 300 pg/mL in acute HF (McDonagh TA et al. 2021 ESC heart failure guideline, Eur
    Heart J 2021;42:3599-726, sections 4.1 and 11.2)."""
    acute = "acute_hf" in view.conditions
    if not acute and "hfref" not in view.conditions:
        return
    lo_bnp, lo_nt = (BNP_ACUTE, NTPROBNP_ACUTE) if acute else (BNP_CHRONIC, NTPROBNP_CHRONIC)
    kind = "acute heart failure" if acute else "HFrEF"
    bnp, nt = _num(view, "bnp"), _num(view, "nt_probnp")
    if bnp is not None and bnp < lo_bnp:
        yield f"{kind} with BNP {bnp:g} pg/mL (< {lo_bnp:g})"
    if nt is not None and nt < lo_nt:
        yield f"{kind} with NT-proBNP {nt:g} pg/mL (< {lo_nt:g})"


@rule("dka_ketones_acidosis")
def dka_ketones_acidosis(view: PatientView) -> Iterator[str]:
    """Diabetic ketoacidosis has ketonaemia or ketonuria and a raised-anion-gap metabolic
    acidosis: pH <= 7.30 or bicarbonate <= 18 mmol/L, anion gap > 10 (Kitabchi AE et
    al. ADA consensus statement, Diabetes Care 2009;32:1335-43, table 1)."""
    if "dka" not in view.conditions:
        return
    bhb, ua = _num(view, "beta_hydroxybutyrate"), view.labs.get("ua_ketones")
    ph, hco3 = _num(view, "ph"), _num(view, "bicarbonate")
    if bhb is not None and bhb < 3.0 and _positive(ua) is not True:
        yield f"DKA with beta-hydroxybutyrate {bhb:g} mmol/L and no ketonuria"
    elif bhb is None and _positive(ua) is False:
        yield f"DKA with urine ketones {ua!r}"
    elif bhb is None and ua is None and (ph is not None or hco3 is not None):
        yield "DKA with a blood gas or chemistry but no ketone measurement"
    if (ph is not None and ph > 7.30) and (hco3 is None or hco3 > 18):
        yield f"DKA without acidosis (pH {ph:g}, bicarbonate {hco3})"
    na, cl = _num(view, "sodium"), _num(view, "chloride")
    if None not in (na, cl, hco3):
        gap = na - cl - hco3  # type: ignore[operator]
        if gap <= 10:
            yield f"DKA with anion gap {gap:g} mmol/L (<= 10)"


EGFR_CKD = 60.0  # mL/min/1.73 m2, KDIGO 2024 (G3a and worse)


@rule("ckd_egfr")
def ckd_egfr(view: PatientView) -> Iterator[str]:
    """Chronic kidney disease stage 3-4 has an eGFR below 60 mL/min/1.73 m2 (KDIGO 2024
    CKD guideline, chapter 1; eGFR by CKD-EPI 2021, Inker LA et al. N Engl J Med
    2021;385:1737-49)."""
    if "ckd" not in view.conditions:
        return
    scr = _num(view, "creatinine")
    if scr is None or view.age is None or view.sex not in ("male", "female"):
        return
    egfr = ckd_epi(scr, view.age, view.sex)
    if egfr >= EGFR_CKD:
        yield f"CKD stage 3-4 with creatinine {scr:g} mg/dL (eGFR {egfr:.0f})"


def ckd_epi(scr: float, age: float, sex: str) -> float:
    """CKD-EPI 2021 race-free eGFR (Inker LA et al. NEJM 2021)."""
    female = sex == "female"
    k, a = (0.7, -0.241) if female else (0.9, -0.302)
    return (
        142
        * min(scr / k, 1) ** a
        * max(scr / k, 1) ** -1.200
        * 0.9938**age
        * (1.012 if female else 1.0)
    )


# --- text -----------------------------------------------------------------------------


@rule("symptom_contradiction")
def symptom_contradiction(view: PatientView) -> Iterator[str]:
    """A symptom asserted in one place and denied in another ("denies shortness of
    breath" in the history while the triage note reports breathlessness).  Negation is
    read NegEx-style: a negation cue within six words before the term, unless a
    termination term intervenes (Chapman WW et al. J Biomed Inform 2001;34:301-10)."""
    said: dict[str, tuple[str, str]] = {}
    denied: dict[str, tuple[str, str]] = {}
    for section, text in view.sections:
        for key, negated, sentence in mentions(text):
            (denied if negated else said).setdefault(key, (section, sentence))
    for key in [c.key for c in CONCEPTS]:
        if key in said and key in denied:
            (s1, t1), (s2, t2) = said[key], denied[key]
            yield f"{key}: {s1} says {t1.strip()!r} but {s2} says {t2.strip()!r}"


# --- plausibility -----------------------------------------------------------------------

VITAL_BOUNDS = {
    "hr": (20.0, 250.0),
    "sbp": (40.0, 280.0),
    "dbp": (15.0, 180.0),
    "rr": (4.0, 70.0),
    "temp_c": (30.0, 43.5),
    "spo2": (40.0, 100.0),
}  # extremes met in practice in living, non-arrested adults (ATLS 10th ed.; ALS 2021)


@rule("implausible_value")
def implausible_value(view: PatientView) -> Iterator[str]:
    """Values impossible or implausible for the patient, unless the scenario explains
    them: labs outside the assay/survival bounds of the project's catalogue
    (:mod:`healthgym.clinical.labs`, ``plausible``), abnormal labs the scenario does not
    explain (reference intervals: Merck Manual "Normal Laboratory Values"; ABIM 2024),
    vital signs beyond the extremes met in living patients, an adult body size outside
    BMI 12-80 kg/m2 (WHO BMI classes; the extremes of published series), sex-specific
    conditions in the other sex, and ages outside 0-120 years."""
    if view.age is not None and not 0 <= view.age <= 120:
        yield f"age {view.age}"
    for item, sex in view.sex_specific:
        if view.sex is not None and view.sex != sex:
            yield f"{item} in a {view.sex} patient"
    for key, value in view.labs.items():
        test = LAB_TESTS.get(key)
        if test is None:
            continue
        if test.plausible and isinstance(value, (int, float)):
            lo, hi = test.plausible
            if not lo <= float(value) <= hi:
                yield f"{key} {value} {test.unit} outside {lo:g}-{hi:g}"
                continue
        if view.explained_labs is not None and key not in view.explained_labs:
            flag = test.flag(value)
            if flag:
                yield f"{key} {value} {test.unit} abnormal ({flag}) and unexplained"
    if not view.explained_vitals:
        for key, (lo, hi) in VITAL_BOUNDS.items():
            v = view.vitals.get(key)
            if v is not None and not lo <= v <= hi:
                yield f"vital {key} {v:g} outside {lo:g}-{hi:g}"
    if view.weight_kg and view.height_cm and (view.age is None or view.age >= 18):
        bmi = view.weight_kg / (view.height_cm / 100) ** 2
        if not 12 <= bmi <= 80:
            yield f"weight {view.weight_kg} kg at {view.height_cm} cm (BMI {bmi:.1f})"


# --- derived values ---------------------------------------------------------------------


def cockcroft_gault(age: float, weight: float, scr: float, sex: str) -> float:
    """Cockcroft DW, Gault MH. Nephron 1976;16:31-41 (x 0.85 for women)."""
    return (140 - age) * weight / (72 * scr) * (0.85 if sex == "female" else 1.0)


@rule("derived_value")
def derived_value(view: PatientView) -> Iterator[str]:
    """Derived values are computed from the record, not drawn: a stated BMI matches
    weight/height^2 (within 0.5 kg/m2), a stated creatinine clearance matches
    Cockcroft-Gault (within 15%; Cockcroft DW, Gault MH. Nephron 1976;16:31-41), an
    eGFR matches CKD-EPI 2021 (within 15%; Inker LA et al. NEJM 2021), a QTc matches
    Bazett or Fridericia from the recorded QT and heart rate (within 15 ms; Rautaharju
    PM et al. AHA/ACCF/HRS recommendations, Circulation 2009;119:e241-50), and a
    clearance or eGFR is never stated in a record without a creatinine."""
    s, scr = view.stated, _num(view, "creatinine")
    if "bmi" in s and view.weight_kg and view.height_cm:
        bmi = view.weight_kg / (view.height_cm / 100) ** 2
        if abs(bmi - s["bmi"]) > 0.5:
            yield f"BMI {s['bmi']:g} stated, {bmi:.1f} from weight and height"
    for key in ("crcl", "egfr"):
        if key in s and scr is None:
            yield f"{key} {s[key]:g} stated without a creatinine"
    if scr is not None and view.age is not None and view.sex in ("male", "female"):
        if "crcl" in s and view.weight_kg:
            cg = cockcroft_gault(view.age, view.weight_kg, scr, view.sex)
            if abs(cg - s["crcl"]) > 0.15 * cg:
                yield f"CrCl {s['crcl']:g} stated, Cockcroft-Gault gives {cg:.0f}"
        if "egfr" in s:
            e = ckd_epi(scr, view.age, view.sex)
            if abs(e - s["egfr"]) > 0.15 * e:
                yield f"eGFR {s['egfr']:g} stated, CKD-EPI 2021 gives {e:.0f}"
    if "qtc_ms" in s and view.qt_ms and view.heart_rate:
        rr = 60.0 / view.heart_rate
        bazett, fridericia = view.qt_ms / math.sqrt(rr), view.qt_ms / rr ** (1 / 3)
        if min(abs(s["qtc_ms"] - bazett), abs(s["qtc_ms"] - fridericia)) > 15:
            yield (
                f"QTc {s['qtc_ms']:g} ms stated; QT {view.qt_ms:g} at {view.heart_rate:g}/min "
                f"gives Bazett {bazett:.0f}, Fridericia {fridericia:.0f}"
            )


def check(view: PatientView, only: Iterable[str] | None = None) -> Iterator[tuple[str, str]]:
    """(rule, detail) for each violation of the view."""
    for name, fn in RULES.items():
        if only is not None and name not in only:
            continue
        for detail in fn(view):
            yield name, detail
