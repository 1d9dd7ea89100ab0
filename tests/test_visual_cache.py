"""Repeated episodes of one visual task share the rendered study, read-only."""

from __future__ import annotations

import numpy as np
import pytest

from healthgym.domains import get_domain
from healthgym.domains.visual_diagnosis.records import new_state


def test_repeated_states_share_read_only_arrays_but_not_episode_data():
    d = get_domain("visual_diagnosis")
    for index in (0, 1):  # a lesion and an ECG task
        task = d.task(index)
        a, b = new_state(task), new_state(task)
        arrays = [x for x in (a.image, a.signal) if x is not None]
        assert arrays and all(not x.flags.writeable for x in arrays)
        assert (a.image is b.image) and (a.signal is b.signal)
        assert a.measured is not b.measured and a.cache is not b.cache
        assert (a.age, a.sex) == (task.hidden["age"], task.hidden["sex"])
        with pytest.raises(ValueError):
            arrays[0][0] = np.zeros_like(arrays[0][0])
