"""The interaction table: known pairs, symmetry, derivation consistency, precedence."""

from __future__ import annotations

from dataclasses import replace
from itertools import combinations

import pytest

from healthgym.clinical.drugs import (
    SEVERITIES,
    SEVERITY_RANK,
    drugs,
    interaction,
    interaction_pairs,
    interaction_table,
)
from healthgym.clinical.drugs.derive import (
    DUPLICATE_FAMILIES,
    NEPHROTOXIC_GROUPS,
    derive_all,
    derive_pair,
    duplicate_family,
)
from healthgym.clinical.drugs.interactions import curated_table, parse_curated
from healthgym.clinical.drugs.parse import FormularyError

TABLE = drugs()


@pytest.mark.parametrize(
    ("a", "b", "severity"),
    [
        ("simvastatin", "clarithromycin", "contraindicated"),
        ("sildenafil", "nitroglycerin", "contraindicated"),
        ("tadalafil", "isosorbide mononitrate", "contraindicated"),
        ("warfarin", "ciprofloxacin", "major"),
        ("warfarin", "sulfamethoxazole-trimethoprim", "major"),
        ("sertraline", "phenelzine", "contraindicated"),  # derived: MAOI + SSRI
        ("linezolid", "sertraline", "major"),  # derived: reversible MAOI
        ("lisinopril", "spironolactone", "moderate"),  # derived: potassium (HF guideline combo)
        ("lisinopril", "losartan", "major"),  # dual RAAS blockade
        ("clopidogrel", "omeprazole", "major"),
        ("clopidogrel", "pantoprazole", None),
        ("oxycodone", "alprazolam", "major"),  # derived: opioid + benzodiazepine
        ("tizanidine", "ciprofloxacin", "contraindicated"),
        ("lithium", "ibuprofen", "major"),
        ("methotrexate", "sulfamethoxazole-trimethoprim", "major"),
        ("digoxin", "amiodarone", "major"),
        ("metoprolol", "verapamil", "major"),
        ("amiloride", "potassium chloride", "contraindicated"),
        ("azathioprine", "febuxostat", "contraindicated"),
        ("tamoxifen", "paroxetine", "major"),
        ("citalopram", "ondansetron", "major"),  # derived: two known-risk QT drugs
        ("warfarin", "aspirin", "major"),  # derived: bleeding 3 + 2
        ("sertraline", "ibuprofen", "moderate"),  # derived: bleeding 1 + 2
        ("levothyroxine", "calcium carbonate", "moderate"),
        ("metoprolol", "amlodipine", None),
    ],
)
def test_known_pairs(a, b, severity):
    ix = interaction(a, b)
    assert (ix.severity if ix else None) == severity
    if ix:
        assert ix.mechanism and ix.effect and ix.management and ix.category


def test_brand_and_salt_names_and_errors():
    assert interaction("Zocor", "Biaxin").severity == "contraindicated"
    assert interaction("metoprolol tartrate", "Calan").severity == "major"
    assert interaction("warfarin", "Coumadin") is None  # the same drug
    with pytest.raises(KeyError, match="unknown drug"):
        interaction("warfarin", "unobtainium")


def test_symmetry_and_pair_listing():
    pairs = interaction_pairs()
    assert len(pairs) >= 400
    assert len({(a, b) for a, b, _ in pairs}) == len(pairs)
    for a, b, severity in pairs:
        assert a < b and a in TABLE and b in TABLE and severity in SEVERITIES
        assert interaction(a, b).severity == interaction(b, a).severity == severity
    counts = {s: sum(1 for *_, x in pairs if x == s) for s in SEVERITIES}
    assert counts["contraindicated"] >= 100 and counts["major"] >= 200


def _rule_severity(basis) -> str:
    """Recompute one basis' severity from the formulary roles it names."""
    p, v = TABLE[basis.perpetrator], TABLE[basis.victim]
    if basis.kind in ("cyp_inhibition", "cyp_induction"):
        strength = (p.inhibits if basis.kind == "cyp_inhibition" else p.induces)[basis.enzyme]
        level = v.substrate[basis.enzyme]
        table = {
            ("strong", "sensitive"): "major",
            ("strong", "moderate"): "moderate",
            ("moderate", "sensitive"): "moderate",
            ("moderate", "moderate"): "minor",
        }
        return table[(strength, level)]
    if basis.kind == "prodrug_inhibition":
        assert v.substrate[basis.enzyme] == "prodrug"
        return {"strong": "major", "moderate": "moderate"}[p.inhibits[basis.enzyme]]
    if basis.kind == "qt":
        risks = sorted([p.qt_risk, v.qt_risk])
        return {("known", "known"): "major", ("known", "possible"): "moderate"}.get(
            tuple(risks), "minor" if risks == ["possible", "possible"] else "?"
        )
    if basis.kind == "maoi":
        assert p.maoi and p.serotonergic and v.serotonergic
        return "contraindicated" if "irreversible" in (p.maoi, v.maoi) else "major"
    if basis.kind == "serotonin":
        assert not p.maoi and not v.maoi
        return "moderate" if p.serotonergic and v.serotonergic else "?"
    if basis.kind == "potassium":
        return "moderate" if p.raises_potassium and v.raises_potassium else "?"
    if basis.kind == "bleeding":
        total = p.bleeding + v.bleeding
        assert p.bleeding and v.bleeding
        return "major" if total >= 5 else "moderate" if total >= 3 else "?"
    if basis.kind == "nephrotoxicity":
        assert p.group in NEPHROTOXIC_GROUPS and v.group in NEPHROTOXIC_GROUPS
        return "moderate"
    if basis.kind == "angioedema":
        assert {p.group, v.group} == {"arni", "ace_inhibitor"}
        return "contraindicated"
    if basis.kind == "duplicate":
        family = duplicate_family(p)
        assert family is not None and family == duplicate_family(v)
        return DUPLICATE_FAMILIES.get(family, ("moderate",))[0]
    assert p.cns_depressant and v.cns_depressant
    return {4: "major", 3: "moderate", 2: "minor"}[p.cns_depressant + v.cns_depressant]


def test_every_derived_pair_agrees_with_the_formulary_roles():
    derived = [ix for ix in interaction_table().values() if ix.source == "derived"]
    assert len(derived) >= 400
    for ix in derived:
        assert ix.bases
        best = 0
        for basis in ix.bases:
            assert {basis.perpetrator, basis.victim} == {ix.drug_a, ix.drug_b}
            best = max(best, SEVERITY_RANK[_rule_severity(basis)])
        assert SEVERITY_RANK[ix.severity] == best, ix


def test_rules_are_complete_for_strong_inhibitors_and_sensitive_substrates():
    """Every strong inhibitor + sensitive substrate pair of one enzyme is in the table, at
    least 'major' unless a curated (label-based) entry says otherwise."""
    curated = curated_table()
    for p in TABLE.values():
        for v in TABLE.values():
            for enzyme, strength in p.inhibits.items():
                if p is v or strength != "strong" or v.substrate.get(enzyme) != "sensitive":
                    continue
                ix = interaction(p.name, v.name)
                assert ix is not None
                if ix.pair not in curated:
                    assert SEVERITY_RANK[ix.severity] >= SEVERITY_RANK["major"]


def test_curated_entries_override_derived_ones():
    derived = derive_all(TABLE)
    assert derived[("clarithromycin", "simvastatin")].severity == "major"
    ix = interaction("simvastatin", "clarithromycin")
    assert ix.source == "curated" and ix.severity == "contraindicated" and "Zocor" in ix.reference
    # an explicit-drug entry beats a group entry: pitavastatin + cyclosporine
    assert interaction("pitavastatin", "cyclosporine").severity == "contraindicated"
    assert interaction("ibuprofen", "lisinopril").category == "renal prostaglandin inhibition"


def test_curated_parser_expands_groups_and_rejects_conflicts():
    text = (
        "group:statin + gemfibrozil\n  moderate | test\n  mech m\n  effect e\n  manage g\n  ref r\n"
    )
    entries = parse_curated(text)
    assert len(entries) == 6 and {p for p, _ in entries} == {1}
    with pytest.raises(FormularyError, match="unknown drug"):
        parse_curated(text.replace("gemfibrozil", "nodrug"))
    with pytest.raises(FormularyError, match="severity"):
        parse_curated(text.replace("moderate |", "awful |"))
    with pytest.raises(FormularyError, match="fields"):
        parse_curated(text.replace("  ref r\n", ""))


def test_derive_pair_rules_on_synthetic_drugs():
    base = TABLE["lisinopril"]
    blank = replace(
        base, substrate={}, inhibits={}, induces={}, raises_potassium=False, qt_risk=None
    )
    a = replace(blank, name="a", group="ga", inhibits={"2D6": "strong"})
    b = replace(blank, name="b", group="gb", substrate={"2D6": "sensitive"})
    assert derive_pair(a, b).severity == "major"
    b2 = replace(b, substrate={"2D6": "minor"})
    assert derive_pair(a, b2) is None
    c = replace(blank, name="c", group="gc", qt_risk="known", serotonergic=True)
    d = replace(
        blank, name="d", group="gd", qt_risk="possible", serotonergic=True, maoi="irreversible"
    )
    ix = derive_pair(c, d)
    assert ix.severity == "contraindicated" and {b.kind for b in ix.bases} == {"qt", "maoi"}
    assert (
        derive_pair(replace(blank, name="e", group="ge"), replace(blank, name="f", group="gf"))
        is None
    )
    # same group: therapeutic duplication (two ACE inhibitors: major, dual RAAS blockade)
    dup = derive_pair(replace(blank, name="e"), replace(blank, name="f"))
    assert dup.severity == "major" and "therapeutic duplication" in dup.category


def test_table_is_deterministic():
    first = [(a, b, s) for a, b, s in interaction_pairs()]
    assert first == sorted(first)
    assert len(list(combinations(TABLE, 2))) > len(first)
