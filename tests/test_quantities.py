"""Quantities graded as quantities (issue 16 part 3)."""

from __future__ import annotations

import pytest

from healthgym.clinical.drugs import drugs
from healthgym.clinical.matching.quantities import (
    bands_fitting,
    dose_in_band,
    match_band,
    parse_regimens,
    quantity_close,
)


def _bands(drug: str) -> list[tuple[str, str]]:
    return [(b.dose, b.action) for b in drugs()[drug].renal.bands]


@pytest.mark.parametrize(
    ("text", "lo", "dim", "freq", "route"),
    [
        ("875 mg every 12 hours", 875, "mass", (2, 2), None),
        ("500 mg PO q8h", 500, "mass", (3, 3), "PO"),
        ("1 g IV daily", 1000, "mass", (1, 1), "IV"),
        ("250 mcg BID", 0.25, "mass", (2, 2), None),
        ("10 units SC TID", 10, "unit", (3, 3), "SC"),
        ("40 mg IM once daily", 40, "mass", (1, 1), "IM"),
        ("1 L over 1 hour", 1000, "volume", None, None),
        ("2 g every 6-8 hours", 2000, "mass", (3, 4), None),
        ("5 mg four times daily", 5, "mass", (4, 4), None),
    ],
)
def test_parse(text, lo, dim, freq, route):
    r = parse_regimens(text)[0]
    assert r.lo == pytest.approx(lo) and r.dim == dim and r.route == route
    assert (r.freq is None and freq is None) or r.freq == pytest.approx(freq)


def test_rates_and_weight_based_doses():
    r = parse_regimens("insulin 0.1 units/kg/h")[0]
    assert r.per_kg and r.per_hour and r.dim == "unit"
    r = parse_regimens("125 mL/h")[0]
    assert r.per_hour and r.dim == "volume" and r.lo == 125
    r = parse_regimens("1 mg/kg every 12 hours")[0]
    assert r.per_kg and r.freq == (2, 2)
    r = parse_regimens("900-3600 mg/day in three divided doses")[0]
    assert r.per_day and (r.lo, r.hi) == (900, 3600) and r.freq == (3, 3)


EQUIVALENT = [
    ("amoxicillin", "875 mg every 12 hours", 0),
    ("amoxicillin", "500 mg PO q8h", 0),
    ("amoxicillin", "No renal adjustment needed", 0),
    ("amoxicillin", "usual dose", 0),
    ("amoxicillin", "0.875 g BID", 0),
    ("amoxicillin", "250 mg q12h", 1),
    ("amoxicillin", "500 mg every 24 hours", 2),
    ("levofloxacin", "750 mg q48h", 1),
    ("levofloxacin", "750 mg once, then 500 mg every 48 hours", 2),
    ("levetiracetam", "750 mg twice daily", 1),
    ("meropenem", "1 g IV q12h", 1),
    ("meropenem", "1000 mg every 8 hours", 0),
    ("enoxaparin", "1 mg/kg SC once daily", 1),
    ("rivaroxaban", "15 mg daily", 1),
    ("dofetilide", "250 mcg twice daily", 1),
    ("gabapentin", "200 mg three times daily", 1),
    ("nitrofurantoin", "Do not use", 1),
    ("dabigatran", "avoid", 2),
]
NEAR_MISS = [
    ("amoxicillin", "1 g every 8 hours", 0),
    ("amoxicillin", "875 mg every 8 hours", 0),
    ("meropenem", "1 g PO q12h", 1),
    ("amoxicillin", "No renal adjustment needed", 1),
    ("amoxicillin", "875 mg every 12 hours", 1),
    ("levofloxacin", "750 mg every 24 hours", 1),
    ("levofloxacin", "750 mg", 1),
    ("meropenem", "1 g every 8 hours", 1),
    ("enoxaparin", "1 mg/kg every 12 hours", 1),
    ("enoxaparin", "1 mg every 24 hours", 1),
    ("dofetilide", "250 mg twice daily", 1),
    ("gabapentin", "900 mg three times daily", 2),
    ("dabigatran", "150 mg twice daily", 2),
    ("nitrofurantoin", "100 mg every 12 hours", 1),
]


@pytest.mark.parametrize(("drug", "answer", "band"), EQUIVALENT)
def test_in_band(drug, answer, band):
    assert band in bands_fitting(answer, _bands(drug)) or match_band(answer, _bands(drug)) == band


@pytest.mark.parametrize(("drug", "answer", "band"), NEAR_MISS)
def test_out_of_band(drug, answer, band):
    assert band not in bands_fitting(answer, _bands(drug))
    assert match_band(answer, _bands(drug)) != band


def test_match_band_keeps_the_old_contract_on_every_band_text():
    for name, d in drugs().items():
        if d.renal is None:
            continue
        bands = _bands(name)
        for i, (text, _) in enumerate(bands):
            got = match_band(text, bands)
            assert got == i or (got == -1 and bands[i][1] == "avoid"), (name, i, text, got)


def test_levofloxacin_cases_of_the_old_matcher():
    bands = _bands("levofloxacin")
    assert match_band("Levofloxacin 750 MG every 48 hours (CrCl 20-49)", bands) == 1
    assert match_band("750 mg", bands) is None
    assert match_band("", bands) is None


def test_dose_in_band_with_tolerance_and_relative_bands():
    assert dose_in_band("400 mg daily", "usual dose (200-400 mg once daily)")
    assert not dose_in_band("450 mg daily", "usual dose (200-400 mg once daily)")
    assert dose_in_band("450 mg daily", "usual dose (200-400 mg once daily)", tolerance=0.15)
    assert dose_in_band("reduce dose by 50%", "give 50% of the usual dose after the loading dose")
    assert dose_in_band("halve the dose", "use one-half of the usual dose")
    assert dose_in_band(
        "12.5 mg twice daily", "use one-half of the usual dose", usual="25-200 mg twice daily"
    )
    assert not dose_in_band(
        "300 mg twice daily", "use one-half of the usual dose", usual="25-200 mg twice daily"
    )
    assert dose_in_band("3000 mg/day", "200-800 mg every 6-8 hours (maximum 3200 mg/day)")
    assert not dose_in_band("4000 mg/day", "200-800 mg every 6-8 hours (maximum 3200 mg/day)")
    assert dose_in_band("800 mg q8h", "200-800 mg every 6-8 hours (maximum 3200 mg/day)")
    assert not dose_in_band("800 mg q6h", "200-800 mg every 6-8 hours (maximum 3000 mg/day)")


def test_quantity_close():
    assert quantity_close(1250, 1300, rel=0.05)
    assert not quantity_close(1000, 1300, rel=0.05)
    assert quantity_close(7.0, 7.5, rel=0.0, abs_tol=0.5)
    assert not quantity_close("x", 1)
