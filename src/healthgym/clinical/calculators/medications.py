"""Drug-dose equivalents: opioid morphine milligram equivalents and corticosteroid conversion."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from healthgym.clinical.errors import CalculatorInputError
from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult
from healthgym.clinical.units import Q, value_in

__all__ = ["morphine_milligram_equivalents", "steroid_conversion"]

_CDC_2022 = (
    "Dowell D, Ragan KR, Jones CM, Baldwin GT, Chou R. CDC Clinical Practice Guideline for "
    "Prescribing Opioids for Pain - United States, 2022. MMWR Recomm Rep. 2022;71(3):1-95 "
    "(MME conversion factors table). Fentanyl buccal/sublingual 0.13 MME per mcg: CDC / CMS "
    "opioid oral MME conversion-factor file. 90 MME/day threshold: Dowell D, Haegerich TM, "
    "Chou R. CDC Guideline for Prescribing Opioids for Chronic Pain - United States, 2016. "
    "MMWR Recomm Rep. 2016;65(1):1-49."
)

# drug -> (MME conversion factor, dose unit, unit table used to convert a Q)
_OPIOIDS: dict[str, tuple[float, str, str]] = {
    "codeine": (0.15, "mg", "drug_mass"),
    "fentanyl buccal": (0.13, "ug", "drug_mass"),
    "fentanyl patch": (2.4, "ug/h", "drug_rate"),
    "hydrocodone": (1.0, "mg", "drug_mass"),
    "hydromorphone": (5.0, "mg", "drug_mass"),
    "methadone": (4.7, "mg", "drug_mass"),
    "morphine": (1.0, "mg", "drug_mass"),
    "oxycodone": (1.5, "mg", "drug_mass"),
    "oxymorphone": (3.0, "mg", "drug_mass"),
    "tapentadol": (0.4, "mg", "drug_mass"),
    "tramadol": (0.2, "mg", "drug_mass"),
}
_OPIOID_ALIASES = {
    "fentanyl transdermal": "fentanyl patch",
    "fentanyl sublingual": "fentanyl buccal",
    "fentanyl lozenge": "fentanyl buccal",
}

Dose = float | Q


def _name(text: object, what: str) -> str:
    if not isinstance(text, str) or not text.strip():
        raise CalculatorInputError(f"{what} must be a non-empty string, got {text!r}")
    return re.sub(r"\s+", " ", text.strip().lower())


def _opioid(name: object) -> str:
    key = _name(name, "opioid name")
    key = _OPIOID_ALIASES.get(key, key)
    if key not in _OPIOIDS:
        known = ", ".join(sorted(_OPIOIDS))
        raise CalculatorInputError(f"unknown opioid {name!r}; known: {known}")
    return key


def _regimen(doses: object) -> list[tuple[object, Dose, float]]:
    if isinstance(doses, Mapping):
        items = [
            (k, *val) if isinstance(val, (tuple, list)) and not isinstance(val, Q) else (k, val)
            for k, val in doses.items()
        ]
    elif isinstance(doses, Iterable) and not isinstance(doses, (str, bytes)):
        items = [tuple(x) if isinstance(x, (tuple, list)) else (x,) for x in doses]
    else:
        raise CalculatorInputError(f"doses must be a mapping or a list of entries, got {doses!r}")
    if not items:
        raise CalculatorInputError("doses must list at least one opioid")
    for item in items:
        if len(item) != 3:
            raise CalculatorInputError(
                f"each opioid entry is (drug, dose, doses_per_day), got {item!r}"
            )
    return items  # type: ignore[return-value]


def morphine_milligram_equivalents(
    *, doses: Mapping[str, tuple[Dose, float]] | Iterable[tuple[str, Dose, float]]
) -> ScoreResult:
    """Total daily morphine milligram equivalents (MME/day).

    MME/day = sum over opioids of dose x doses per day x conversion factor.

    ``doses`` is ``{drug: (dose, doses_per_day)}`` or a list of ``(drug, dose,
    doses_per_day)`` (the list form allows the same drug twice).  Doses are plain numbers
    in the drug's unit or :class:`~healthgym.clinical.units.Q` values:

    ============================  ========  ===================
    drug                          unit      MME factor
    ============================  ========  ===================
    codeine                       mg        0.15
    fentanyl buccal (SL, lozenge) mcg       0.13 per mcg
    fentanyl patch (transdermal)  mcg/h     2.4 per mcg/h
    hydrocodone                   mg        1
    hydromorphone                 mg        5
    methadone                     mg        4.7
    morphine                      mg        1
    oxycodone                     mg        1.5
    oxymorphone                   mg        3
    tapentadol                    mg        0.4
    tramadol                      mg        0.2
    ============================  ========  ===================

    For the fentanyl patch the factor already turns the patch strength (mcg/h) into
    MME/day, so its count is the number of patches worn at the same time (usually 1).

    Source: Dowell D, et al. CDC Clinical Practice Guideline for Prescribing Opioids for
    Pain - United States, 2022. MMWR Recomm Rep 2022;71(3):1-95, conversion-factor table;
    fentanyl buccal 0.13 MME/mcg from the CDC/CMS opioid MME conversion-factor file.
    Bands (same guideline): overdose risk rises with dose; at >= 50 MME/day reassess
    benefit and risk and offer naloxone; >= 90 MME/day needs careful justification
    (Dowell D, Haegerich TM, Chou R. MMWR Recomm Rep 2016;65(1):1-49).
    MME is a risk measure, not a table for switching between opioids.
    """
    per_drug: dict[str, float] = {}
    steps = ["MME/day = sum(dose x doses/day x conversion factor)"]
    for raw_name, raw_dose, raw_count in _regimen(doses):
        drug = _opioid(raw_name)
        factor, unit, table = _OPIOIDS[drug]
        dose = v.number(
            f"{drug} dose ({unit})", value_in(drug, raw_dose, table, unit), lo=0, hi=1e5
        )
        count_label = "patches" if drug == "fentanyl patch" else "doses/day"
        count = v.number(f"{drug} {count_label}", raw_count, lo=0, hi=48)
        mme = dose * count * factor
        per_drug[drug] = per_drug.get(drug, 0.0) + mme
        steps.append(
            f"{drug}: {dose:g} {unit} x {count:g} {count_label} x {factor:g} = {mme:g} MME/day"
        )
    total = v.round_half_up(sum(per_drug.values()), 2)
    steps.append(f"total = {' + '.join(f'{m:g}' for m in per_drug.values())} = {total:g} MME/day")
    if total >= 90:
        band = (
            ">= 90 MME/day: high dose, substantially higher overdose risk; avoid further "
            "increases or justify them carefully, offer naloxone (CDC 2016/2022)"
        )
    elif total >= 50:
        band = (
            "50-89 MME/day: overdose risk increased; reassess benefits and risks and offer "
            "naloxone (CDC 2022)"
        )
    else:
        band = "< 50 MME/day: lower dose range (risk still present; reassess regularly)"
    return ScoreResult(
        name="Morphine milligram equivalents",
        value=total,
        components={k: v.round_half_up(m, 3) for k, m in per_drug.items()},
        interpretation=f"{total:g} MME/day: {band}",
        source=_CDC_2022,
        unit="MME/day",
        steps=tuple(steps),
    )


_STEROID_SOURCE = (
    "Equivalent anti-inflammatory (glucocorticoid) doses: Liu D, Ahmet A, Ward L, et al. A "
    "practical guide to the monitoring and management of the complications of systemic "
    "corticosteroid therapy. Allergy Asthma Clin Immunol. 2013;9(1):30 (Table 1); Meikle AW, "
    "Tyler FH. Potency and duration of action of glucocorticoids. Am J Med. "
    "1977;63(2):200-207; British National Formulary (prednisolone 5 mg = betamethasone "
    "750 micrograms = cortisone acetate 25 mg = dexamethasone 750 micrograms = "
    "hydrocortisone 20 mg = methylprednisolone 4 mg = triamcinolone 4 mg)."
)

# steroid -> dose (mg) equivalent to prednisone 5 mg
_STEROIDS: dict[str, float] = {
    "betamethasone": 0.75,
    "cortisone": 25.0,
    "dexamethasone": 0.75,
    "hydrocortisone": 20.0,
    "methylprednisolone": 4.0,
    "prednisolone": 5.0,
    "prednisone": 5.0,
    "triamcinolone": 4.0,
}
_ROUTES = ("po", "iv", "im")


def _steroid(name: object, what: str) -> tuple[str, str]:
    words = _name(name, what).split(" ")
    route = words.pop() if len(words) > 1 and words[-1] in _ROUTES else ""
    drug = " ".join(words)
    drug = {"cortisone acetate": "cortisone", "decadron": "dexamethasone"}.get(drug, drug)
    if drug not in _STEROIDS:
        known = ", ".join(sorted(_STEROIDS))
        raise CalculatorInputError(f"unknown {what} {name!r}; known: {known} (+ PO/IV/IM)")
    return drug, route


def steroid_conversion(*, dose: float | Q, from_steroid: str, to_steroid: str) -> ScoreResult:
    """Equivalent dose of another systemic corticosteroid.

    target dose = dose x (equivalent dose of target / equivalent dose of source).

    Equivalent doses (mg): betamethasone 0.75, cortisone 25, dexamethasone 0.75,
    hydrocortisone 20, methylprednisolone 4, prednisolone 5, prednisone 5,
    triamcinolone 4.  Names may carry a route (``'Dexamethasone PO'``,
    ``'MethylPrednisoLONE IV'``); oral and parenteral doses are taken as equivalent, as in
    the tables.  ``dose`` in mg (or a Q in g/mg/mcg); the result is in mg.

    Sources: Liu D, Ahmet A, Ward L, et al. Allergy Asthma Clin Immunol 2013;9:30, Table 1;
    Meikle AW, Tyler FH. Am J Med 1977;63:200-207; BNF equivalent anti-inflammatory doses.
    Equivalence covers glucocorticoid potency only (mineralocorticoid effect and duration
    of action differ).
    """
    src, src_route = _steroid(from_steroid, "from_steroid")
    dst, dst_route = _steroid(to_steroid, "to_steroid")
    mg = v.number("dose (mg)", value_in("dose", dose, "drug_mass", "mg"), lo=0, hi=1e5)
    ratio = _STEROIDS[dst] / _STEROIDS[src]
    out = v.round_half_up(mg * ratio, 3)
    src_label = f"{src} {src_route.upper()}".strip()
    dst_label = f"{dst} {dst_route.upper()}".strip()
    steps = (
        f"equivalent doses: {src} {_STEROIDS[src]:g} mg = {dst} {_STEROIDS[dst]:g} mg",
        f"factor = {_STEROIDS[dst]:g} / {_STEROIDS[src]:g} = {ratio:.4g}",
        f"{mg:g} mg {src_label} x {ratio:.4g} = {out:g} mg {dst_label}",
    )
    return ScoreResult(
        name="Steroid conversion",
        value=out,
        components={"input_mg": mg, "factor": ratio},
        interpretation=(
            f"{mg:g} mg {src_label} is equivalent to {out:g} mg {dst_label} "
            "(glucocorticoid potency; mineralocorticoid activity and duration differ)"
        ),
        source=_STEROID_SOURCE,
        unit="mg",
        steps=steps,
    )
