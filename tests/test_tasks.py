from __future__ import annotations

import pytest

from healthgym.domains import get_domain
from healthgym.tasks import parse_task_id, task_id, task_seed, task_split


def test_ids_roundtrip_and_reject_malformed():
    assert parse_task_id(task_id("clinical_diagnosis", 42)) == ("clinical_diagnosis", 42)
    for bad in ("", "abc", "clinical_diagnosis-", "-3", "x-1a"):
        with pytest.raises(ValueError):
            parse_task_id(bad)


def test_splits_and_seeds_are_fixed():
    assert task_seed("clinical_diagnosis", 7) == task_seed("clinical_diagnosis", 7)
    assert task_seed("clinical_diagnosis", 7) != task_seed("clinical_diagnosis", 8)
    splits = [task_split("clinical_diagnosis", i) for i in range(2000)]
    assert 0.15 < splits.count("test") / len(splits) < 0.25


def test_task_hash_is_stable_and_content_sensitive():
    d = get_domain("clinical_diagnosis")
    a, b = d.task(3), d.task(3)
    assert a.content_hash() == b.content_hash()
    assert a.content_hash() != d.task(4).content_hash()
    changed = a.model_copy(update={"prompt": a.prompt + " "})
    assert changed.content_hash() != a.content_hash()


def test_domain_task_lookup_errors():
    d = get_domain("clinical_diagnosis")
    with pytest.raises(ValueError):
        d.task(d.n_tasks)
    with pytest.raises(ValueError):
        d.task("other_domain-00001")
    with pytest.raises(ValueError):
        d.indices("validation")
    with pytest.raises(KeyError):
        get_domain("nope")
