"""Free-text findings, actions and doses of obstetrics, read by meaning.

The submission's ``finding`` and ``actions`` may be the labels of :mod:`.vocab` or
clinical wording; both go through the shared matching layer
(:class:`healthgym.clinical.matching.ConceptIndex`: case, punctuation, US/UK
spelling, abbreviations, NegEx-style negation and hedging).

* :func:`match_finding` - the one finding of the task type a text asserts.  Synonyms
  follow the guideline terms: NICHD three-tier categories written "category II",
  "category 2", "Cat II" (Macones GA et al. Obstet Gynecol 2008;112:661-6; ACOG
  Practice Bulletin 106, 2009); "severe preeclampsia" = preeclampsia with severe
  features and "mild preeclampsia" = without (ACOG Practice Bulletin 222, 2020, which
  retired the older terms); GDM (ACOG PB 190, 2018); Rh D status and alloimmunisation
  (ACOG PB 181, 2017; PB 192, 2018); BPP 8-10 normal, 6 equivocal, <= 4 abnormal (ACOG
  PB 229, 2021); Apgar bands (ACOG Committee Opinion 644, 2015); favourable cervix =
  Bishop > 8 (ACOG PB 107, 2009).  A negated or hedged finding is not asserted; a text
  that names two findings of the type, or only a bare "preeclampsia" without its
  severity, names none.  Where the type has two findings that are each other's negation (cervix
  favourable/unfavourable, GDM or not) the negated one gives the other ("GDM ruled
  out" = no GDM).
* :func:`match_actions` - the action labels each plan item asserts (negated items -
  "no magnesium", "avoid misoprostol" - are not chosen), and the items that name no
  action.
* :func:`dose_problems` - doses stated in a plan item are checked as quantities
  (:mod:`healthgym.clinical.matching.quantities`) against the guideline band:
  magnesium sulfate 4-6 g IV loading dose and 1-2 g/h maintenance (ACOG PB 222, 2020;
  ACOG CO 767, 2019), RhIG 300 mcg (1500 IU) IM, or 50-120 mcg before 12-13 weeks
  (ACOG PB 181, 2017), betamethasone 12 mg IM x2 24 h apart or dexamethasone 6 mg IM
  every 12 h x4 (ACOG CO 713, 2017), labetalol 20-80 mg IV, hydralazine 5-10 mg IV,
  nifedipine IR 10-20 mg PO (ACOG CO 767), misoprostol 25 mcg vaginal (ACOG PB 107).
  An out-of-band dose means the action is not given correctly.
"""

from __future__ import annotations

import re
from functools import cache

from ...clinical.matching import ConceptIndex, parse_regimens
from .vocab import ACTION_TEXT, FINDINGS_BY_TYPE, finding_words

_ROMAN = {"i": ("1", "one"), "ii": ("2", "two"), "iii": ("3", "three")}


def _categories() -> dict[str, tuple[str, ...]]:
    out = {}
    for roman, (arabic, word) in _ROMAN.items():
        names = []
        for n in (roman, arabic, word):
            names += [
                f"category {n}",
                f"cat {n}",
                f"NICHD category {n}",
                f"category {n} tracing",
                f"category {n} FHR tracing",
                f"category {n} fetal heart rate tracing",
            ]
        out[f"category_{roman}"] = tuple(names)
    out["category_i"] += ("normal tracing", "normal fetal heart rate tracing")
    out["category_ii"] += ("indeterminate tracing", "indeterminate fetal heart rate tracing")
    out["category_iii"] += ("abnormal tracing", "abnormal fetal heart rate tracing")
    return out


FINDING_SYNONYMS: dict[str, tuple[str, ...]] = {
    "dated_by_lmp": (
        "dated by LMP",
        "dated by last menstrual period",
        "LMP dating",
        "LMP dates confirmed",
        "LMP-based dating",
        "EDD by LMP",
        "keep LMP dating",
    ),
    "dated_by_ultrasound": (
        "dated by ultrasound",
        "ultrasound dating",
        "redated by ultrasound",
        "redate by ultrasound",
        "dating by ultrasound",
        "EDD by ultrasound",
        "CRL dating",
        "dated by crown-rump length",
        "dated by first-trimester ultrasound",
    ),
    # both spellings: the shared spelling table has no favour/favor pair
    "favourable_cervix": (
        "favorable cervix",
        "ripe cervix",
        "cervix favorable",
        "cervix favourable",
        "favorable",
        "favourable",
        "cervix is favorable",
        "cervix is favourable",
    ),
    "unfavourable_cervix": (
        "unfavorable cervix",
        "unripe cervix",
        "cervix unfavorable",
        "cervix unfavourable",
        "unfavorable",
        "unfavourable",
        "cervix is unfavorable",
        "cervix is unfavourable",
    ),
    **_categories(),
    "no_hypertensive_disorder": (
        "no hypertensive disorder",
        "no hypertensive disorder of pregnancy",
        "normotensive",
        "normal blood pressure",
    ),
    "gestational_hypertension": (
        "gestational hypertension",
        "pregnancy-induced hypertension",
        "PIH",
        "GHTN",
    ),
    "preeclampsia_without_severe_features": (
        "preeclampsia without severe features",
        "preeclampsia without severe feature",
        "mild preeclampsia",
        "preeclampsia with no severe features",
    ),
    "preeclampsia_with_severe_features": (
        "preeclampsia with severe features",
        "preeclampsia with severe feature",
        "severe preeclampsia",
        "preeclampsia severe features",
    ),
    "gdm": (
        "gestational diabetes",
        "gestational diabetes mellitus",
        "GDM",
        "GDMA1",
        "A1GDM",
        "diet-controlled gestational diabetes",
    ),
    "no_gdm": ("no GDM", "no gestational diabetes", "normal glucose tolerance"),
    "rh_positive": ("rhpos", "Rh D positive"),
    "rh_negative_unsensitised": (
        "rhneg unsensitized",
        "rhneg nonsensitized",
        "rhneg nonalloimmunized",
        "rhneg unimmunized",
        "rhneg not sensitized",
        "rhneg not alloimmunized",
        "rhneg without alloimmunization",
        "unsensitized rhneg",
        "nonsensitized rhneg",
    ),
    "rh_negative_alloimmunised": (
        "rhneg alloimmunized",
        "rhneg sensitized",
        "rhneg with alloimmunization",
        "rhneg with anti D",
        "Rh alloimmunization",
        "RhD alloimmunization",
        "anti D alloimmunization",
        "alloimmunized rhneg",
        "sensitized rhneg",
    ),
    "bpp_normal": ("normal BPP", "normal biophysical profile", "BPP normal", "reassuring BPP"),
    "bpp_equivocal": ("equivocal BPP", "equivocal biophysical profile", "BPP equivocal"),
    "bpp_abnormal": ("abnormal BPP", "abnormal biophysical profile", "BPP abnormal"),
    "modified_bpp_normal": (
        "normal modified BPP",
        "modified BPP normal",
        "normal modified biophysical profile",
        "reactive NST with normal amniotic fluid",
    ),
    "modified_bpp_abnormal": (
        "abnormal modified BPP",
        "modified BPP abnormal",
        "abnormal modified biophysical profile",
    ),
    "apgar_reassuring": ("reassuring Apgar", "Apgar reassuring", "normal Apgar"),
    "apgar_moderately_abnormal": (
        "moderately abnormal Apgar",
        "Apgar moderately abnormal",
        "intermediate Apgar",
    ),
    "apgar_low": ("low Apgar", "Apgar low", "low Apgar score"),
    "unsafe_medication_identified": (
        "unsafe medication identified",
        "unsafe medication",
        "teratogenic medication identified",
        "contraindicated medication identified",
    ),
    "medications_compatible": (
        "medications compatible",
        "medications compatible with pregnancy",
        "all medications compatible",
        "compatible with pregnancy",
    ),
}
# pairs where each finding is the other's negation
OPPOSITES = {
    "favourable_cervix": "unfavourable_cervix",
    "gdm": "no_gdm",
}
_RH = re.compile(r"\bRh\s*\(?D?\)?\s*[- ]?\s*(negative|neg\b|-(?!\w))", re.I)
_RH_POS = re.compile(r"\bRh\s*\(?D?\)?\s*[- ]?\s*(positive|pos\b|\+)", re.I)


def _rh_words(text: str) -> str:
    """'Rh negative' as one word: 'negative' is a negation trigger of the matching layer,
    and here it is part of a name."""
    return _RH_POS.sub(" rhpos ", _RH.sub(" rhneg ", text))


@cache
def _finding_index(kind: str) -> ConceptIndex:
    return ConceptIndex(
        ((f, (f, finding_words(f), *FINDING_SYNONYMS.get(f, ()))) for f in FINDINGS_BY_TYPE[kind]),
        qualifier_classes=(),
    )


def match_finding(text: object, kind: str) -> str | None:
    """The finding of type ``kind`` a text asserts (see the module doc), or None."""
    if not isinstance(text, str) or not text.strip() or kind not in FINDINGS_BY_TYPE:
        return None
    if text.strip() in FINDINGS_BY_TYPE[kind]:
        return text.strip()
    mentions = _finding_index(kind).mentions(_rh_words(text), limit=len(text) + 40)
    if any(m.hedged for m in mentions):
        return None  # "possible category III", "category I or II": no committed finding
    asserted = {m.key for m in mentions if m.asserted}
    if len(asserted) == 1:
        return asserted.pop()
    if asserted:
        return None
    negated = {m.key for m in mentions if m.negated}
    flipped = {OPPOSITES.get(k) or {v: k for k, v in OPPOSITES.items()}.get(k) for k in negated}
    flipped.discard(None)
    return flipped.pop() if len(flipped) == 1 else None  # type: ignore[return-value]


ACTION_SYNONYMS: dict[str, tuple[str, ...]] = {
    "routine_prenatal_care": ("routine prenatal care", "routine antenatal care"),
    "expectant_management": ("expectant management", "expectant management with monitoring"),
    "delivery": (
        "delivery",
        "deliver",
        "expedite delivery",
        "plan delivery",
        "induction of labor for delivery",
        "proceed to delivery",
        "cesarean delivery",
        "cesarean section",
        "emergency cesarean",
        "operative delivery",
    ),
    "magnesium_sulfate": ("magnesium sulfate", "MgSO4", "magnesium", "mag sulfate"),
    "antihypertensive": (
        "antihypertensive",
        "antihypertensive treatment",
        "labetalol",
        "hydralazine",
        "nifedipine",
        "immediate-release nifedipine",
    ),
    "antenatal_corticosteroids": (
        "antenatal corticosteroids",
        "antenatal steroids",
        "corticosteroids",
        "betamethasone",
        "dexamethasone",
        "steroids for fetal lung maturity",
    ),
    "routine_monitoring": ("routine intrapartum monitoring", "routine monitoring"),
    "continued_surveillance": (
        "continued surveillance",
        "continuous fetal monitoring",
        "continued fetal monitoring",
        "reevaluate the tracing",
        "re-evaluation of the tracing",
    ),
    "intrauterine_resuscitation": (
        "intrauterine resuscitation",
        "intrauterine resuscitative measures",
        "maternal repositioning",
        "lateral positioning",
        "IV fluid bolus",
        "stop oxytocin",
        "discontinue oxytocin",
    ),
    "medical_nutrition_therapy": (
        "medical nutrition therapy",
        "MNT",
        "diet therapy",
        "dietary management",
        "glucose self-monitoring",
    ),
    "rh_immune_globulin": (
        "Rh immune globulin",
        "RhIG",
        "anti-D immunoglobulin",
        "anti-D immune globulin",
        "RhoGAM",
        "Rho(D) immune globulin",
        "anti-D",
    ),
    "fetomaternal_hemorrhage_screen": (
        "fetomaternal hemorrhage screen",
        "rosette test",
        "Kleihauer-Betke",
        "Kleihauer-Betke test",
        "KB test",
        "flow cytometry for fetal cells",
    ),
    "antibody_titre_monitoring": (
        "antibody titer monitoring",
        "serial anti-D titers",
        "serial antibody titers",
        "maternal-fetal medicine referral",
        "MFM referral",
    ),
    "misoprostol_ripening": ("misoprostol", "Cytotec", "misoprostol ripening"),
    "dinoprostone_ripening": ("dinoprostone", "Cervidil", "Prepidil", "PGE2"),
    "balloon_catheter_ripening": (
        "balloon catheter",
        "Foley balloon",
        "Foley catheter ripening",
        "Cook catheter",
        "mechanical ripening",
        "mechanical cervical ripening",
    ),
    "oxytocin_induction": ("oxytocin induction", "oxytocin", "Pitocin", "induction with oxytocin"),
    "amniotomy": ("amniotomy", "artificial rupture of membranes", "AROM"),
    "routine_antenatal_testing": ("routine antenatal testing", "continue weekly testing"),
    "repeat_bpp_within_24h": (
        "repeat BPP within 24 hours",
        "repeat biophysical profile within 24 hours",
        "repeat BPP in 24 hours",
        "repeat BPP",
    ),
    "full_bpp": ("full BPP", "full biophysical profile", "complete biophysical profile"),
    "routine_newborn_care": ("routine newborn care", "skin-to-skin", "routine care"),
    "initial_steps_and_monitoring": (
        "initial steps",
        "warm dry stimulate",
        "initial steps of newborn resuscitation",
        "pulse oximetry",
    ),
    "positive_pressure_ventilation": (
        "positive pressure ventilation",
        "PPV",
        "bag-mask ventilation",
    ),
    "continue_apgar_every_5_min": (
        "continue Apgar every 5 minutes",
        "Apgar every 5 minutes to 20 minutes",
        "repeat Apgar every 5 minutes",
    ),
}
# "oxytocin" in "stop oxytocin" names resuscitation, not induction: the longer phrase
# wins in the index, and "stop" would negate it anyway.


@cache
def _action_index() -> ConceptIndex:
    return ConceptIndex(
        (
            (a, (a, a.replace("_", " "), text, *ACTION_SYNONYMS.get(a, ())))
            for a, text in ACTION_TEXT.items()
        ),
        qualifier_classes=(),
    )


def match_actions(items: object) -> tuple[set[str], list[str]]:
    """(action labels the plan asserts, items that name no action).  A negated item
    ("no magnesium", "avoid misoprostol") chooses nothing and is not an extra."""
    if not isinstance(items, list):
        return set(), []
    chosen: set[str] = set()
    unmatched: list[str] = []
    for item in items:
        if not isinstance(item, str) or not item.strip():
            continue
        if item.strip() in ACTION_TEXT:
            chosen.add(item.strip())
            continue
        mentions = _action_index().mentions(item, limit=len(item))
        asserted = {m.key for m in mentions if m.asserted}
        chosen |= asserted
        if not mentions:
            unmatched.append(item)
    return chosen, unmatched


# (dose band per action): (unit dimension, lo, hi, kind) - amounts in mg, mcg as mg
DOSE_BANDS: dict[str, tuple[tuple[str, float, float], ...]] = {
    # ACOG PB 222 (2020), CO 767 (2019): MgSO4 4-6 g IV load, 1-2 g/h maintenance
    "magnesium_sulfate": (("load", 4000.0, 6000.0), ("rate", 1000.0, 2000.0)),
    # ACOG PB 181 (2017): 300 mcg (1500 IU) IM; 50-120 mcg before 12-13 weeks
    "rh_immune_globulin": (("dose", 0.05, 0.3), ("unit", 250.0, 1500.0)),
    # ACOG CO 713 (2017): betamethasone 12 mg IM x2, dexamethasone 6 mg IM q12h x4
    "antenatal_corticosteroids": (("dose", 6.0, 12.0),),
    # ACOG CO 767 (2019): labetalol 20-80 mg IV, hydralazine 5-10 mg IV, nifedipine
    # IR 10-20 mg PO
    "antihypertensive": (("dose", 5.0, 80.0),),
    # ACOG PB 107 (2009): misoprostol 25 mcg vaginally every 3-6 h
    "misoprostol_ripening": (("dose", 0.025, 0.05),),
}


def _in(value: tuple[float, float], lo: float, hi: float) -> bool:
    return value[0] >= lo * 0.98 and value[1] <= hi * 1.02


def dose_problems(items: object) -> list[str]:
    """Plan items whose stated dose lies outside the guideline band of the action they
    give (items without a dose, and actions without a band, are not checked)."""
    if not isinstance(items, list):
        return []
    bad = []
    for item in items:
        if not isinstance(item, str):
            continue
        actions, _ = match_actions([item])
        regs = [r for r in parse_regimens(item)]
        if not regs:
            continue
        for action in actions & set(DOSE_BANDS):
            if not all(_dose_ok(action, r) for r in regs):
                bad.append(f"{action}: {item}")
    return bad


def _dose_ok(action: str, r) -> bool:
    bands = dict((k, (lo, hi)) for k, lo, hi in DOSE_BANDS[action])
    amount = (r.lo, r.hi)
    if r.dim == "unit":
        lo, hi = bands.get("unit", (0.0, 0.0))
        return _in(amount, lo, hi)
    if r.dim != "mass":
        return True  # a volume or other unit: not a dose this band describes
    if action == "magnesium_sulfate":
        lo, hi = bands["rate"] if r.per_hour else bands["load"]
        return _in(amount, lo, hi)
    lo, hi = bands["dose"]
    return _in(amount, lo, hi)


# Guideline-endorsed actions that are neither required nor harmful for a finding: they
# neither earn nor cost accuracy (unless the task's plan forbids them).
NEUTRAL_ACTIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "rh_negative_unsensitised": (
        ("fetomaternal_hemorrhage_screen",),
        "ACOG PB 181 (2017): screen for excess fetomaternal haemorrhage (rosette, then "
        "Kleihauer-Betke or flow cytometry) to size the RhIG dose",
    ),
    "favourable_cervix": (
        ("amniotomy",),
        "ACOG PB 107 (2009): amniotomy, alone or with oxytocin, is a method of induction "
        "with a favourable cervix",
    ),
    "category_iii": (
        ("continued_surveillance",),
        "ACOG PB 116 (2010): continuous monitoring continues while resuscitating and "
        "preparing for delivery",
    ),
    "preeclampsia_with_severe_features": (
        ("antihypertensive", "antenatal_corticosteroids"),
        "ACOG PB 222 (2020): urgent treatment of severe-range blood pressure; antenatal "
        "corticosteroids when delivery may occur before 34 weeks (ACOG CO 713, 2017)",
    ),
    "bpp_equivocal": (
        ("continued_surveillance",),
        "ACOG PB 229 (2021): an equivocal BPP is re-evaluated",
    ),
    "apgar_moderately_abnormal": (
        ("continue_apgar_every_5_min",),
        "AAP/ACOG CO 644 (2015): Apgar scores every 5 minutes to 20 minutes when < 7",
    ),
    "apgar_low": (
        ("continue_apgar_every_5_min",),
        "AAP/ACOG CO 644 (2015): Apgar scores every 5 minutes to 20 minutes when < 7",
    ),
}
