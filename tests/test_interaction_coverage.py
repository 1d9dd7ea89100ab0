"""Interaction-table completeness (issue 17): the defects found in play, the class-level
screen over the formulary and over every drug_interaction task, and formulary consistency
of the class rules (duplication families, nephrotoxic groups, the ARNI)."""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pytest

from healthgym.clinical.drugs import (
    SEVERITIES,
    SEVERITY_RANK,
    drugs,
    interaction,
    interaction_table,
    normalize_name,
)
from healthgym.clinical.drugs.derive import (
    _FAMILY_OF,
    DUPLICATE_FAMILIES,
    NEPHROTOXIC_GROUPS,
    NOT_DUPLICATE,
    duplicate_family,
    screen_reasons,
)
from healthgym.clinical.drugs.formulary import group_members
from healthgym.clinical.drugs.interactions import curated_table
from healthgym.domains.drug_interaction import hazards as hz
from healthgym.domains.drug_interaction import tools_drug as tg
from healthgym.domains.drug_interaction.patients import Builder, GenerationFailed
from healthgym.domains.drug_interaction.records import DrugPatient, DrugState, HomeMed
from healthgym.domains.drug_interaction.tasks import N_TASKS, make_task
from healthgym.tasks import task_split
from healthgym.tools.library import drugs as lib

TABLE = drugs()


def _ix(a: str, b: str):
    ix = interaction(a, b)
    assert ix is not None, (a, b)
    return ix


# ---------------------------------------------------------------- defects found in play
def test_omeprazole_raises_tacrolimus():
    """Prograf PI section 7: omeprazole/lansoprazole raise tacrolimus (CYP2C19/3A4)."""
    for ppi in ("omeprazole", "lansoprazole"):
        ix = _ix(ppi, "tacrolimus")
        assert ix.severity == "moderate" and "CYP2C19" in ix.category
        assert "Prograf" in ix.reference and "trough" in ix.management
    assert interaction("pantoprazole", "tacrolimus") is None  # the preferred PPI


@pytest.mark.parametrize("nsaid", sorted(group_members("nsaid")))
@pytest.mark.parametrize("cni", ["tacrolimus", "cyclosporine"])
def test_nsaids_with_calcineurin_inhibitors_are_nephrotoxic(nsaid, cni):
    ix = _ix(nsaid, cni)
    assert "nephrotoxicity" in ix.category, ix.category
    assert SEVERITY_RANK[ix.severity] >= SEVERITY_RANK["moderate"]
    assert "KDIGO" in ix.reference


def test_vancomycin_nephrotoxic_pairs():
    assert "nephrotoxicity" in _ix("vancomycin", "tacrolimus").category
    assert "nephrotoxicity" in _ix("vancomycin", "ketorolac").category
    pip = _ix("vancomycin", "piperacillin-tazobactam")
    assert pip.severity == "moderate" and "Luther" in pip.reference


@pytest.mark.parametrize(
    ("a", "b", "severity"),
    [
        ("ciprofloxacin", "levofloxacin", "major"),  # QT known + known, and a duplication
        ("levofloxacin", "moxifloxacin", "major"),
        ("lisinopril", "enalapril", "major"),  # two ACE inhibitors (dual RAAS)
        ("lisinopril", "losartan", "major"),  # ACEi + ARB (ONTARGET)
        ("losartan", "valsartan", "major"),
        ("ibuprofen", "naproxen", "major"),  # two NSAIDs
        ("ketorolac", "ibuprofen", "contraindicated"),  # ketorolac label
        ("sertraline", "citalopram", "moderate"),  # two SSRIs (serotonin + duplication)
        ("sertraline", "venlafaxine", "moderate"),  # SSRI + SNRI
        ("warfarin", "apixaban", "major"),  # two anticoagulants
        ("apixaban", "enoxaparin", "major"),
        ("clopidogrel", "ticagrelor", "major"),
        ("sumatriptan", "rizatriptan", "contraindicated"),  # triptans within 24 h
        ("sildenafil", "tadalafil", "major"),
        ("tacrolimus", "cyclosporine", "major"),
        ("azathioprine", "mycophenolate", "major"),
        ("atorvastatin", "rosuvastatin", "moderate"),
        ("liraglutide", "sitagliptin", "moderate"),  # GLP-1 RA + DPP-4 inhibitor
        ("omeprazole", "famotidine", "minor"),
        ("haloperidol", "olanzapine", "moderate"),
    ],
)
def test_duplicate_therapy_is_flagged(a, b, severity):
    ix = _ix(a, b)
    assert ix.severity == severity
    if ix.source == "derived":
        assert "therapeutic duplication" in ix.category, ix.category
        assert any(basis.kind == "duplicate" for basis in ix.bases)


def test_combination_therapy_groups_are_not_duplicates():
    assert interaction("levetiracetam", "lamotrigine") is None  # antiepileptic polytherapy
    assert interaction("methotrexate", "hydroxychloroquine") is None  # RA triple therapy
    assert duplicate_family(TABLE["levetiracetam"]) is None


def test_sacubitril_valsartan_with_an_ace_inhibitor_is_contraindicated():
    """Entresto PI sections 4 and 5.2: contraindicated with ACE inhibitors (36-h washout)."""
    assert normalize_name("sacubitril/valsartan") == "sacubitril-valsartan"
    assert normalize_name("Entresto 49/51 mg") == "sacubitril-valsartan"
    for ace in group_members("ace_inhibitor"):
        ix = _ix("sacubitril/valsartan", ace)
        assert ix.severity == "contraindicated" and "angioedema" in ix.category
        assert "36 hours" in ix.management and "Entresto" in ix.reference
    for arb in group_members("arb"):
        assert _ix("sacubitril-valsartan", arb).severity == "major"  # duplicate ARB
    assert _ix("sacubitril-valsartan", "lithium").severity == "major"
    assert _ix("sacubitril-valsartan", "spironolactone").severity == "moderate"  # potassium
    assert _ix("sacubitril-valsartan", "amiloride").severity == "major"


def test_check_interaction_tool_reports_the_neprilysin_pair():
    p = DrugPatient(
        id="P1",
        name="Test Patient",
        age=70,
        sex="male",
        weight_kg=80.0,
        height_cm=175.0,
        creatinine_mg_dl=1.1,
        potassium=4.4,
        bilirubin_mg_dl=0.6,
        albumin_g_dl=4.1,
        inr=1.0,
        alt=20,
        ast=22,
        conditions=["heart_failure", "hypertension"],
        medications=[
            HomeMed(
                drug="sacubitril-valsartan",
                label="sacubitril/valsartan",
                dose="49/51 mg twice daily",
                indication="heart_failure",
            ),
            HomeMed(drug="lisinopril", label="lisinopril", dose="10 mg", indication="hypertension"),
        ],
    )
    s = DrugState(patient=p, task_type="most_severe")
    out = lib.check_interaction(s, "sacubitril/valsartan", "lisinopril")
    assert out.startswith("sacubitril-valsartan + lisinopril: Severity: CONTRAINDICATED.")
    screen = tg.screen_interactions(s, drugs=["sacubitril/valsartan", "lisinopril"])
    assert "angioedema" in screen


@pytest.mark.parametrize(
    ("a", "b", "severity"),
    [  # well-known pairs named in the brief, each from its label or guideline
        ("methotrexate", "sulfamethoxazole-trimethoprim", "major"),
        ("lithium", "hydrochlorothiazide", "major"),
        ("lithium", "lisinopril", "major"),
        ("lithium", "ibuprofen", "major"),
        ("allopurinol", "azathioprine", "major"),
        ("warfarin", "metronidazole", "major"),
        ("warfarin", "fluconazole", "major"),
        ("warfarin", "amiodarone", "major"),
        ("digoxin", "amiodarone", "major"),
        ("digoxin", "verapamil", "major"),
        ("clopidogrel", "omeprazole", "major"),
        ("simvastatin", "clarithromycin", "contraindicated"),
        ("atorvastatin", "ketoconazole", "major"),
        ("sildenafil", "isosorbide mononitrate", "contraindicated"),
        ("theophylline", "ciprofloxacin", "major"),
        ("amiloride", "lisinopril", "major"),
        ("spironolactone", "lisinopril", "moderate"),
        ("oxycodone", "gabapentin", "major"),
        ("tizanidine", "clonidine", "major"),
        ("phenytoin", "fluoxetine", "moderate"),
        ("levothyroxine", "rifampin", "moderate"),
    ],
)
def test_well_known_pairs(a, b, severity):
    assert _ix(a, b).severity == severity


# ---------------------------------------------------------------- class-level screen
def test_every_formulary_pair_sharing_a_risk_class_is_in_the_table():
    table = interaction_table()
    missing = [
        (a, b, screen_reasons(TABLE[a], TABLE[b]))
        for a, b in combinations(sorted(TABLE), 2)
        if screen_reasons(TABLE[a], TABLE[b]) and (a, b) not in table
    ]
    assert missing == []


def test_screen_reasons_name_the_shared_classes():
    assert screen_reasons(TABLE["ketorolac"], TABLE["tacrolimus"]) == [
        "nephrotoxic",
        "potassium",
    ]
    assert "duplicate:raas" in screen_reasons(TABLE["lisinopril"], TABLE["losartan"])
    assert screen_reasons(TABLE["metoprolol"], TABLE["amlodipine"]) == []


def test_the_builder_rejects_a_regimen_pair_missing_from_the_table(monkeypatch):
    assert hz.unlisted_pairs(["ibuprofen", "tacrolimus", "metoprolol"]) == []
    monkeypatch.setattr(hz, "ix_of", lambda a, b: None)
    assert hz.unlisted_pairs(["ibuprofen", "tacrolimus", "metoprolol"]) == [
        ("ibuprofen", "tacrolimus", ["nephrotoxic", "potassium"])
    ]
    b = Builder(np.random.default_rng(0), "P-1")
    b.add_drug("ibuprofen")
    b.add_drug("tacrolimus")
    with pytest.raises(GenerationFailed, match="no table entry"):
        b.finish()


@pytest.fixture(scope="module")
def all_tasks():
    return [make_task(i) for i in range(N_TASKS)]


def test_no_task_regimen_has_a_pair_missing_from_the_table(all_tasks):
    splits = {task_split("drug_interaction", i) for i in range(N_TASKS)}
    assert {"train", "test"} <= splits
    for task in all_tasks:
        regimen = [m["drug"] for m in task.hidden["patient"]["medications"]]
        assert hz.unlisted_pairs(regimen) == [], task.id
        order = task.hidden.get("order")
        if order and task.hidden["task_type"] == "order_review":
            assert hz.unlisted_pairs([order, *[m for m in regimen if m != order]]) == []


def test_most_severe_answers_are_recomputed_from_the_table_and_unique(all_tasks):
    for task in all_tasks:
        if task.hidden["task_type"] != "most_severe":
            continue
        regimen = [m["drug"] for m in task.hidden["patient"]["medications"]]
        ranked = [
            (SEVERITY_RANK[ix.severity], tuple(sorted((a, b))))
            for a, b in combinations(regimen, 2)
            if (ix := hz.ix_of(a, b)) is not None
        ]
        best = max(r for r, _ in ranked)
        top = [pair for r, pair in ranked if r == best]
        assert len(top) == 1, (task.id, top)
        assert list(top[0]) == task.grader["pair"]
        assert SEVERITY_RANK[task.grader["severity"]] == best


def test_home_regimens_hold_no_incidental_duplication(all_tasks):
    """Fill drugs never duplicate a family; a duplication appears only as the task's pair."""
    for task in all_tasks:
        regimen = [m["drug"] for m in task.hidden["patient"]["medications"]]
        dups = [
            (a, b)
            for a, b in combinations(regimen, 2)
            if any(r.startswith("duplicate:") for r in screen_reasons(TABLE[a], TABLE[b]))
        ]
        if task.hidden["task_type"] == "most_severe":
            assert all(sorted(d) == task.grader["pair"] for d in dups), (task.id, dups)
        else:
            assert len(dups) <= 1, (task.id, dups)


# ---------------------------------------------------------------- formulary consistency
def test_class_rule_groups_exist():
    groups = {d.group for d in TABLE.values()}
    assert set(_FAMILY_OF) <= groups
    assert groups >= NEPHROTOXIC_GROUPS
    assert NOT_DUPLICATE - {"analgesic", "herbal"} <= groups
    families = {duplicate_family(d) for d in TABLE.values()} - {None}
    assert set(DUPLICATE_FAMILIES) <= families
    for severity, why, ref in DUPLICATE_FAMILIES.values():
        assert severity in SEVERITIES and why and ref


def test_every_entry_is_cited_and_well_formed():
    for (a, b), ix in interaction_table().items():
        assert a < b and a in TABLE and b in TABLE and ix.severity in SEVERITIES
        assert ix.reference and ix.category and ix.mechanism and ix.management
    for ix in curated_table().values():
        assert ix.source == "curated" and len(ix.reference) > 10


def test_arni_monograph():
    d = TABLE["sacubitril-valsartan"]
    assert d.group == "arni" and d.raises_potassium and "heart_failure" in d.indications
    assert d.pregnancy[0] == "contraindicated" and d.hepatic_avoid("C")
    assert any("36 h" in c for c in d.contraindications)
