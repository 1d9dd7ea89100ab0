"""Plan items: negated items are not prescriptions (issue 16 part 1)."""

from __future__ import annotations

import pytest

from healthgym.clinical.treatment_match import (
    match_treatments,
    treatment_mentions,
    withheld_treatments,
)

PRESCRIBED = [
    ("start ceftriaxone", {"ceftriaxone"}),
    ("ceftriaxone 1 g IV daily", {"ceftriaxone"}),
    ("Rocephin 2 g IV q24h", {"ceftriaxone"}),
    ("Avoid NSAIDs, start colchicine", {"colchicine"}),
    ("ceftriaxone rather than nitrofurantoin", {"ceftriaxone"}),
    ("Use ceftriaxone instead of nitrofurantoin", {"ceftriaxone"}),
    ("switch from ceftriaxone to cephalexin", {"cephalexin"}),
    ("do not stop aspirin", {"aspirin"}),
    ("Do not delay antibiotics: piperacillin/tazobactam 4.5 g IV", {"piperacillin_tazobactam"}),
    ("hold nephrotoxic medications", {"stop_nephrotoxins"}),
    ("consider heparin infusion", {"heparin"}),
    ("Penicillin allergy; give aztreonam", {"aztreonam"}),
    ("no nitrofurantoin given CrCl 25, use ceftriaxone", {"ceftriaxone"}),
    ("oral vancomycin 125 mg QID", {"oral_vancomycin"}),
]
WITHHELD = [
    ("Do not use nitrofurantoin", "nitrofurantoin"),
    ("avoid ibuprofen", "ibuprofen"),
    ("hold metoprolol", "metoprolol"),
    ("Nitrofurantoin contraindicated (CrCl 25)", "nitrofurantoin"),
    ("no heparin", "heparin"),
    ("stop ibuprofen", "ibuprofen"),
    ("discontinue warfarin", "warfarin"),
    ("don't give aspirin", "aspirin"),
    ("ketorolac should be avoided", "ketorolac"),
    ("avoid ibuprofen, naproxen and ketorolac", "naproxen"),
    ("avoid ibuprofen, naproxen and ketorolac", "ketorolac"),
    ("alteplase not indicated", "alteplase"),
    ("Use ceftriaxone instead of nitrofurantoin", "nitrofurantoin"),
    ("switch from ceftriaxone to cephalexin", "ceftriaxone"),
]


@pytest.mark.parametrize(("item", "keys"), PRESCRIBED)
def test_prescribed(item, keys):
    assert match_treatments(item) == keys


@pytest.mark.parametrize(("item", "key"), WITHHELD)
def test_withheld_is_not_prescribed(item, key):
    assert key not in match_treatments(item)
    assert key in withheld_treatments(item)


def test_mentions_carry_flags():
    ms = {m.key: m for m in treatment_mentions("consider heparin; avoid warfarin")}
    assert ms["heparin"].hedged and not ms["heparin"].negated
    assert ms["warfarin"].negated


def test_non_strings_are_empty():
    assert match_treatments(None) == set()  # type: ignore[arg-type]
    assert treatment_mentions(42) == []
