from __future__ import annotations

import pytest

from healthgym.clinical.diseases import PROFILES
from healthgym.clinical.labs import LAB_TESTS
from healthgym.clinical.treatments import ALLERGY_CLASSES
from healthgym.patients.generator import generate_patient, is_unsafe

SEEDS = range(40)


@pytest.mark.parametrize("key", sorted(PROFILES))
def test_patients_are_coherent(key):
    profile = PROFILES[key]
    for seed in SEEDS:
        p = generate_patient(profile, seed, "P")
        assert profile.age[0] <= p.age <= profile.age[1]
        assert p.vitals["dbp"] < p.vitals["sbp"]
        if "chloride" not in profile.labs:
            gap = p.labs["sodium"] - p.labs["chloride"] - p.labs["bicarbonate"]
            assert 7 <= gap <= 13 or "bicarbonate" in profile.labs or "sodium" in profile.labs
        implied = {"ua_glucose"} if any(m.name == "dapagliflozin" for m in p.medications) else set()
        if "heart_failure" in p.comorbidities:
            implied.add("bnp")
        if "chronic_kidney_disease" in p.comorbidities:
            implied |= {"creatinine", "bun"}
        if {"sodium", "bicarbonate"} & set(profile.labs):
            implied.add("chloride")  # derived from the scenario's electrolytes
        for lab, value in p.labs.items():
            if lab not in profile.labs and lab not in implied and lab != "hematocrit":
                assert LAB_TESTS[lab].flag(value) == "", (key, lab, value)
        if "obesity" in p.comorbidities:
            assert p.bmi >= 30
        else:
            assert p.bmi < 30
        if "estrogen_use" in p.features:
            assert p.sex == "female"
        # the patient can always receive each first-line item or a safe alternative
        classes = {ALLERGY_CLASSES[a.allergen] for a in p.allergies}
        for item in profile.first_line:
            options = [item, *profile.alternatives.get(item, ())]
            assert any(not is_unsafe(t, classes, set(p.comorbidities)) for t in options)


def test_same_seed_same_patient():
    profile = next(iter(PROFILES.values()))
    assert generate_patient(profile, 7, "A") == generate_patient(profile, 7, "A")
    assert generate_patient(profile, 7, "A") != generate_patient(profile, 8, "A")


def test_history_and_medications_agree_across_the_suite():
    from healthgym.clinical.treatment_match import match_treatments
    from healthgym.clinical.treatments import TREATMENTS
    from healthgym.patients.comorbidities import COMORBIDITIES

    for key, profile in PROFILES.items():
        for seed in range(60):
            p = generate_patient(profile, seed, "P")
            if "missed_insulin" in p.features:
                assert "type1_diabetes" in p.comorbidities
            if "menorrhagia" in p.features:
                assert p.sex == "female"
            for c in p.comorbidities:
                assert COMORBIDITIES[c].sex in (None, p.sex)
                assert set(COMORBIDITIES[c].features) <= set(p.features)
            allergic = {ALLERGY_CLASSES[a.allergen] for a in p.allergies}
            for m in p.medications:
                for t in match_treatments(m.name):
                    assert not allergic & set(TREATMENTS[t].allergy_classes), (key, seed, m)


# --- issue 17: incoherent records -------------------------------------------------------


def _many_patients(per_profile: int = 80):
    """A few thousand patients across every profile (38 x 80 = 3040)."""
    for key, profile in sorted(PROFILES.items()):
        for seed in range(per_profile):
            yield key, profile, generate_patient(profile, 10_000 + seed, "P")


def test_no_contraindicated_or_duplicate_home_medications():
    """Sacubitril/valsartan never comes with lisinopril (Entresto PI: 36-h washout), and
    no pair of home drugs is one drug twice, one duplication family or contraindicated."""
    import itertools

    from healthgym.patients.coherence import medication_conflict

    seen_arni = 0
    for key, _, p in _many_patients():
        names = [m.name for m in p.medications]
        seen_arni += "sacubitril/valsartan" in names
        for a, b in itertools.combinations(names, 2):
            assert medication_conflict(a, b) is None, (key, a, b)
    assert seen_arni > 0


def test_hfref_with_hypertension_keeps_the_arni_for_both():
    from healthgym.patients.generator import _medications

    meds = _medications(["hypertension", "heart_failure", "chronic_kidney_disease"], [], "male", 70)
    names = [m.name for m in meds]
    assert "lisinopril" not in names and names.count("sacubitril/valsartan") == 1
    arni = next(m for m in meds if m.name == "sacubitril/valsartan")
    assert "Hypertension" in arni.indication and "kidney" in arni.indication


def test_dapagliflozin_means_glycosuria_and_hfref_a_raised_bnp():
    from healthgym.clinical.calculators.renal import ckd_epi_2021

    hf = ckd = 0
    for key, profile, p in _many_patients():
        if (
            any(m.name == "dapagliflozin" for m in p.medications)
            and "ua_glucose" not in profile.labs
        ):
            assert p.labs["ua_glucose"].startswith("Positive"), key
        if "heart_failure" in p.comorbidities:
            hf += 1
            assert p.labs["bnp"] >= 100, (key, p.labs["bnp"])  # ESC 2021: >= 35 chronic
        if "chronic_kidney_disease" in p.comorbidities:
            ckd += 1
            egfr = ckd_epi_2021(creatinine=p.labs["creatinine"], age=p.age, sex=p.sex).value
            assert egfr < 60, (key, p.labs["creatinine"], egfr)  # KDIGO G3a-G4
    assert hf > 10 and ckd > 10


def test_no_symptom_is_both_asserted_and_denied():
    """'Denies shortness of breath' never comes with a complaint, history item,
    examination or imaging finding asserting breathlessness."""
    from healthgym.lint import check
    from healthgym.lint.views import patient_view
    from healthgym.tasks import ReferenceSolution, Task

    for key, _, p in _many_patients(40):
        task = Task(
            id="clinical_diagnosis-00000",
            domain="clinical_diagnosis",
            index=0,
            seed=0,
            split="train",
            prompt="",
            allowed_tools=[],
            hidden={},
            reference=ReferenceSolution(calls=[], answer={}),
            grader={},
        )
        view = patient_view(task, p.model_dump(mode="json"), scenario_known=True)
        found = list(check(view))
        assert found == [], (key, found)


def test_derived_chloride_stays_in_range_with_healthy_electrolytes():
    for key, profile, p in _many_patients(40):
        if not {"sodium", "bicarbonate", "chloride"} & set(profile.labs):
            assert LAB_TESTS["chloride"].flag(p.labs["chloride"]) == "", (key, p.labs)
            gap = p.labs["sodium"] - p.labs["chloride"] - p.labs["bicarbonate"]
            assert 7 <= gap <= 13


def test_is_unsafe_reads_allergy_records_by_the_2022_practice_parameter():
    """After hives to penicillin, ceftriaxone (dissimilar side chain) is allowed by the
    AAAAI/ACAAI 2022 parameter but not by class alone; anaphylaxis rules it out."""
    from healthgym.patients.model import Allergy

    hives = [Allergy(allergen="Penicillin", reaction="hives")]
    anaphylaxis = [Allergy(allergen="Penicillin", reaction="anaphylaxis")]
    assert not is_unsafe("ceftriaxone", hives, set())
    assert is_unsafe("ceftriaxone", anaphylaxis, set())
    assert is_unsafe("ceftriaxone", {ALLERGY_CLASSES["Penicillin"]}, set())


def test_smoking_history_is_per_patient_and_plausible_for_age():
    """Pack-years are a record value (packs a day x years smoked, never more years than
    age - 15) printed by the social history; the former-smoker history item prints no
    number of its own and never sits beside "Never smoker" or a current smoker."""
    from healthgym.clinical.features import FEATURES

    assert not any(ch.isdigit() for ch in FEATURES["former_smoker"].present)
    seen: set[float] = set()
    for key in sorted(PROFILES):
        for seed in SEEDS:
            p = generate_patient(PROFILES[key], seed, "P")
            former, current = p.has("former_smoker"), p.has("current_smoker")
            assert not (former and current)
            if former or current:
                assert p.pack_years is not None and p.pack_years > 0
                assert f"{p.pack_years:g} pack-years" in p.smoking
                assert p.pack_years <= 2.0 * (p.age - 15)  # at most 2 packs a day
                seen.add(p.pack_years)
            else:
                assert p.pack_years is None and p.smoking_quit_years is None
            if former:
                assert p.smoking.startswith("Former smoker")
                q = p.smoking_quit_years
                assert q is not None and 1 <= q <= p.age - 15
                assert f"quit {q} years ago" in p.smoking
            if current:
                assert p.smoking.startswith("Current smoker")
                assert p.pack_years <= p.age - 15  # one pack a day
    assert len(seen) > 5  # drawn per patient, not one number for all


def test_recording_pack_years_leaves_the_other_draws_unchanged(monkeypatch):
    """The smoking numbers come from a second stream of the seed: another second
    stream changes them and nothing else of the patient."""
    from healthgym.patients import generator as g

    profile = next(p for p in PROFILES.values() if "former_smoker" in p.history)
    smoking = {"smoking", "pack_years", "smoking_quit_years"}
    before = [generate_patient(profile, seed, "P") for seed in range(20)]
    monkeypatch.setattr(g, "SMOKING_STREAM", g.SMOKING_STREAM + 1)
    after = [generate_patient(profile, seed, "P") for seed in range(20)]
    assert any(a.pack_years != b.pack_years for a, b in zip(after, before, strict=True))
    for a, b in zip(after, before, strict=True):
        assert a.model_dump(exclude=smoking) == b.model_dump(exclude=smoking)
