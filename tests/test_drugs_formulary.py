"""The formulary: size, validation, name normalisation and published roles."""

from __future__ import annotations

import math
from itertools import pairwise

import pytest

from healthgym.clinical.drugs import (
    ALLERGY_CLASS_NAMES,
    CONDITIONS,
    ENZYMES,
    drugs,
    get_drug,
    group_members,
    normalize_name,
)
from healthgym.clinical.drugs.formulary import name_index
from healthgym.clinical.drugs.parse import FormularyError, parse_monographs, parse_renal
from healthgym.clinical.treatments import ALLERGY_CLASSES

TABLE = drugs()


def test_size_and_required_fields():
    assert len(TABLE) >= 150
    for d in TABLE.values():
        assert d.name == d.name.lower() and d.drug_class and d.mechanism and d.usual_dose
        assert d.indications and set(d.indications) <= set(CONDITIONS)
        assert d.adverse_effects and d.pregnancy[1] and d.lactation[1]
        assert set(d.substrate) | set(d.inhibits) | set(d.induces) <= set(ENZYMES)
        assert 0 <= d.bleeding <= 3 and 0 <= d.cns_depressant <= 2


def test_allergy_classes_use_the_project_vocabulary():
    assert set(ALLERGY_CLASS_NAMES) == set(ALLERGY_CLASSES.values())
    used = {c for d in TABLE.values() for c in d.allergy_classes}
    assert used == set(ALLERGY_CLASS_NAMES)
    assert TABLE["amoxicillin"].allergy_classes == ("penicillin",)
    assert set(TABLE["cephalexin"].allergy_classes) == {"cephalosporin", "penicillin"}
    assert "sulfonamide" in TABLE["sulfamethoxazole-trimethoprim"].allergy_classes
    assert "sulfonamide" in TABLE["celecoxib"].allergy_classes  # labelled contraindication
    assert "sulfonamide" not in TABLE["furosemide"].allergy_classes  # non-antibiotic


def test_renal_bands_are_contiguous_and_ordered():
    with_bands = [d for d in TABLE.values() if d.renal]
    assert len(with_bands) >= 40
    for d in with_bands:
        bands = d.renal.bands
        assert math.isinf(bands[0].hi) and bands[-1].lo == 0
        assert all(a.lo == b.hi for a, b in pairwise(bands))
        assert bands[0].action in ("usual", "avoid")
    lev = TABLE["levofloxacin"].renal
    assert lev.basis == "crcl" and lev.band_for(35).dose == "750 mg every 48 hours"
    assert lev.band_for(50).dose == "750 mg every 24 hours"  # lower bound inclusive
    assert TABLE["metformin"].renal.basis == "egfr"
    assert TABLE["metformin"].renal_avoid(crcl=80, egfr=25)
    assert not TABLE["metformin"].renal_avoid(crcl=25, egfr=50)


def test_published_cyp_roles():
    """Spot checks against the FDA Table of Substrates, Inhibitors and Inducers."""
    assert TABLE["clarithromycin"].inhibits["3A4"] == "strong"
    assert TABLE["itraconazole"].inhibits["3A4"] == "strong"
    assert TABLE["diltiazem"].inhibits["3A4"] == "moderate"
    assert TABLE["fluconazole"].inhibits == {"3A4": "moderate", "2C9": "moderate", "2C19": "strong"}
    for name in ("fluoxetine", "paroxetine", "bupropion"):
        assert TABLE[name].inhibits["2D6"] == "strong"
    for name in ("ciprofloxacin", "fluvoxamine"):
        assert TABLE[name].inhibits["1A2"] == "strong"
    for name in ("rifampin", "carbamazepine", "phenytoin"):
        assert TABLE[name].induces["3A4"] == "strong"
    for name in ("simvastatin", "lovastatin", "sildenafil", "quetiapine", "buspirone"):
        assert TABLE[name].substrate["3A4"] == "sensitive"
    assert TABLE["tizanidine"].substrate["1A2"] == "sensitive"
    assert TABLE["digoxin"].substrate["Pgp"] == "sensitive"
    assert TABLE["clopidogrel"].substrate["2C19"] == "prodrug"
    assert TABLE["codeine"].substrate["2D6"] == "prodrug"
    assert (
        TABLE["pravastatin"].substrate == {} and TABLE["rosuvastatin"].substrate["2C9"] == "minor"
    )


def test_qt_serotonin_beers_and_pregnancy_flags():
    for name in ("amiodarone", "citalopram", "haloperidol", "methadone", "ondansetron"):
        assert TABLE[name].qt_risk == "known"
    assert TABLE["venlafaxine"].qt_risk == "possible"
    assert TABLE["sertraline"].qt_risk == "conditional"
    assert TABLE["phenelzine"].maoi == "irreversible" and TABLE["linezolid"].maoi == "reversible"
    assert TABLE["tramadol"].serotonergic and not TABLE["bupropion"].serotonergic
    assert TABLE["diphenhydramine"].beers_avoid and not TABLE["sertraline"].beers_avoid
    assert TABLE["warfarin"].beers[0] == "caution"  # conditional: avoid *starting* first-line
    assert TABLE["lisinopril"].pregnancy[0] == "contraindicated"
    assert TABLE["labetalol"].pregnancy[0] == "compatible"
    assert TABLE["warfarin"].bleeding == 3 and TABLE["aspirin"].bleeding == 2
    assert TABLE["oxycodone"].cns_depressant == 2


@pytest.mark.parametrize(
    ("text", "generic"),
    [
        ("Coumadin", "warfarin"),
        ("metoprolol succinate", "metoprolol"),
        ("Metoprolol Tartrate 25 mg tablet", "metoprolol"),
        ("Toprol-XL 50 mg", "metoprolol"),
        ("losartan potassium", "losartan"),
        ("potassium chloride", "potassium chloride"),
        ("KCl", "potassium chloride"),
        ("Bactrim DS", "sulfamethoxazole-trimethoprim"),
        ("co-trimoxazole", "sulfamethoxazole-trimethoprim"),
        ("amoxicillin/clavulanic acid", "amoxicillin-clavulanate"),
        ("ZOCOR", "simvastatin"),
        ("paracetamol", "acetaminophen"),
        ("sertraline HCl 50 mg", "sertraline"),
        ("Percocet", "oxycodone"),
        ("St Johns Wort", "st john's wort"),
        ("", None),
        ("unobtainium", None),
    ],
)
def test_name_normalisation(text, generic):
    assert normalize_name(text) == generic


def test_every_name_resolves_to_its_drug_and_unknowns_suggest():
    for phrase, name in name_index().items():
        assert normalize_name(phrase) == name
    with pytest.raises(KeyError, match="did you mean"):
        get_drug("simvastatn")


def test_groups_are_meaningful():
    assert group_members("statin") == sorted(
        ["atorvastatin", "lovastatin", "pitavastatin", "pravastatin", "rosuvastatin", "simvastatin"]
    )
    assert "apixaban" in group_members("oral_anticoagulant")
    assert group_members("no_such_group") == []


def test_malformed_monographs_are_rejected():
    ok = "x\n  class c | group g | moa m | for hypertension | dose d\n  preg caution: n | "
    ok += "lact caution: n | ae a"
    assert parse_monographs(ok)[0].name == "x"
    with pytest.raises(FormularyError, match="missing"):
        parse_monographs("x\n  class c")
    with pytest.raises(FormularyError, match="cyp token"):
        parse_monographs(ok + "\n  cyp Q:3A4")
    with pytest.raises(FormularyError, match="unknown or repeated key"):
        parse_monographs(ok + "\n  colour blue")
    with pytest.raises(FormularyError, match="allergy"):
        parse_monographs(ok + "\n  allergy peanuts")
    with pytest.raises(FormularyError, match="contiguous"):
        parse_renal("x", "crcl >=50: a; 20-40: b; <20: c")
    with pytest.raises(FormularyError, match="same dose"):
        parse_renal("x", "crcl >=50: a; <50: a")
    bands = parse_renal("x", "egfr >=45: full; 30-45: half; <30: avoid").bands
    assert [b.action for b in bands] == ["usual", "reduce", "avoid"]
