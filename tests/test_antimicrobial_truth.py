"""Antimicrobial references of the shared vocabulary and formulary (issue 17).

* Label dose tables: piperacillin-tazobactam for nosocomial pneumonia (Zosyn label;
  IDSA/ATS 2016), aztreonam (Azactam label) and cefepime (Maxipime label) in the
  formulary.
* Beta-lactam allergy by reaction severity and R1 side chain (Khan DA et al. AAAAI/ACAAI
  drug allergy practice parameter 2022).
* Fluoroquinolones for pyelonephritis (Gupta K et al. IDSA/ESCMID 2010).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from healthgym.clinical.diseases import PROFILES
from healthgym.clinical.drugs import drugs
from healthgym.clinical.drugs.data_infect import INDICATION_DOSING
from healthgym.clinical.treatments import (
    TREATMENTS,
    allergy_conflict,
    fluoroquinolone_pyelonephritis_ok,
    severe_reaction,
    treatment_allergy_conflicts,
)


def allergy(allergen: str, reaction: str) -> SimpleNamespace:
    return SimpleNamespace(allergen=allergen, reaction=reaction)


@pytest.mark.parametrize(
    ("crcl", "dose"),
    [
        (80, "4.5 g IV every 6 hours"),
        (30, "3.375 g IV every 6 hours"),
        (12, "2.25 g IV every 6 hours"),
    ],
)
def test_pip_tazo_nosocomial_pneumonia_table(crcl, dose):
    usual, renal = INDICATION_DOSING[("piperacillin-tazobactam", "nosocomial_pneumonia")]
    assert usual == "4.5 g IV every 6 hours"
    assert renal.band_for(crcl).dose == dose


def test_pip_tazo_general_table_is_the_labels():
    d = drugs()["piperacillin-tazobactam"]
    assert d.usual_dose.startswith("3.375 g IV every 6 hours")
    assert [b.dose for b in d.renal.bands] == [
        "3.375 g IV every 6 hours",
        "2.25 g IV every 6 hours",
        "2.25 g IV every 8 hours",
    ]


def test_aztreonam_and_cefepime_in_the_formulary():
    azt = drugs()["aztreonam"]
    assert azt.allergy_classes == ()  # monobactam: no penicillin cross-reactivity
    assert azt.renal.band_for(50).dose.startswith("2 g IV every 8 hours")
    assert azt.renal.band_for(20).dose == "2 g IV once, then 1 g IV every 8 hours"
    fep = drugs()["cefepime"]
    assert [fep.renal.band_for(c).dose for c in (80, 45, 20, 5)] == [
        "2 g IV every 8 hours",
        "2 g IV every 12 hours",
        "2 g IV every 24 hours",
        "1 g IV every 24 hours",
    ]
    assert "cefepime" in TREATMENTS and "aztreonam" in TREATMENTS


@pytest.mark.parametrize("drug", ["ceftriaxone", "cefepime", "meropenem", "cefazolin"])
def test_penicillin_hives_allows_dissimilar_side_chains(drug):
    assert not treatment_allergy_conflicts(drug, [allergy("Penicillin", "hives")])
    assert not treatment_allergy_conflicts(drug, [allergy("Penicillin", "rash")])
    assert treatment_allergy_conflicts(drug, [allergy("Penicillin", "anaphylaxis")])


def test_side_chains_and_severity():
    assert treatment_allergy_conflicts("cephalexin", [allergy("Penicillin", "hives")])
    assert treatment_allergy_conflicts("amoxicillin", [allergy("Penicillin", "hives")])
    assert treatment_allergy_conflicts("piperacillin_tazobactam", [allergy("Penicillin", "rash")])
    for reaction in ("anaphylaxis", "wheezing", "angioedema"):
        assert severe_reaction(reaction)
        assert not treatment_allergy_conflicts("aztreonam", [allergy("Penicillin", reaction)])
    assert not severe_reaction("hives") and not severe_reaction("rash")
    # aztreonam and ceftazidime share the R1 side chain
    assert allergy_conflict("aztreonam", (), "Cephalosporins", "anaphylaxis to ceftazidime")
    assert not allergy_conflict("aztreonam", (), "Cephalosporins", "rash")
    # a cephalosporin or carbapenem allergy still rules out its own class
    assert treatment_allergy_conflicts("ceftriaxone", [allergy("Cephalosporins", "hives")])
    assert treatment_allergy_conflicts("meropenem", [allergy("Carbapenems", "rash")])


def test_ciprofloxacin_for_pyelonephritis():
    profile = PROFILES["acute_pyelonephritis"]
    options = [profile.first_line[0], *profile.alternatives[profile.first_line[0]]]
    assert "ciprofloxacin" in options
    assert fluoroquinolone_pyelonephritis_ok("ciprofloxacin", [])
    assert fluoroquinolone_pyelonephritis_ok("levofloxacin", [allergy("Penicillin", "hives")])
    assert not fluoroquinolone_pyelonephritis_ok("ciprofloxacin", [], pregnant=True)
    assert not fluoroquinolone_pyelonephritis_ok(
        "ciprofloxacin", [allergy("Fluoroquinolones", "rash")]
    )
    assert not fluoroquinolone_pyelonephritis_ok("moxifloxacin", [])  # no urinary levels
    cipro = drugs()["ciprofloxacin"]
    assert "500 mg" in cipro.usual_dose and "12 hours" in cipro.usual_dose
