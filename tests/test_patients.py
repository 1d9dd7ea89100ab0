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
