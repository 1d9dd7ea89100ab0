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
        for lab, value in p.labs.items():
            if lab not in profile.labs and lab not in ("chloride", "hematocrit"):
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
