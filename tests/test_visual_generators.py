"""visual_diagnosis generators: the measuring tools recover the generators' truth.

These run the raw generators (their own parameter-level rejection of ambiguous
designs, but *not* the task generator's check against the tools) over many seeds and
require the tools to agree with the truth; the task generator then also drops the few
draws the tools would misread, so the oracle is exact on every task.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest

from healthgym.clinical.calculators.qtc import qtc_bazett
from healthgym.clinical.guidelines.dermoscopy import BANDS, tds_band, total_dermoscopy_score
from healthgym.domains.visual_diagnosis import ecg
from healthgym.domains.visual_diagnosis.images import render_lesion
from healthgym.domains.visual_diagnosis.lesion_sampling import sample_lesion
from healthgym.domains.visual_diagnosis.study import ecg_state, state_of
from healthgym.domains.visual_diagnosis.tasks import measured_ecg, measured_lesion

N_LESIONS_PER_BAND = 30
N_STRIPS_PER_RHYTHM = 20


@cache
def lesion_runs() -> list[tuple[dict, dict]]:
    runs = []
    for k, band in enumerate(BANDS):
        rng = np.random.default_rng(500 + k)
        for _ in range(N_LESIONS_PER_BAND):
            params, lesion = sample_lesion(rng, band)
            runs.append((lesion.truth, measured_lesion(state_of(lesion, 50, "female"))))
    return runs


@cache
def ecg_runs() -> list[tuple[str, dict, dict]]:
    runs = []
    for k, rhythm in enumerate(ecg.RHYTHMS):
        rng = np.random.default_rng(1000 + k)
        for _ in range(N_STRIPS_PER_RHYTHM):
            p = ecg.sample_ecg_params(rng, rhythm)
            truth = ecg.synthesize(p).truth
            runs.append((rhythm, truth, measured_ecg(ecg_state(p, 50, "male"))))
    return runs


def test_lesion_truth_is_self_consistent():
    for truth, _ in lesion_runs():
        parts = (truth["asymmetry"], truth["border"], len(truth["colours"]),
                 len(truth["structures"]))  # fmt: skip
        assert truth["tds"] == total_dermoscopy_score(*parts)
        assert truth["band"] == tds_band(truth["tds"])
        assert truth["border"] == len(truth["abrupt_segments"])


def test_tools_recover_lesion_features_and_band():
    runs = lesion_runs()
    assert len(runs) == 3 * N_LESIONS_PER_BAND
    n = len(runs)
    agree = {
        "asymmetry": sum(m["asymmetry"] == t["asymmetry"] for t, m in runs) / n,
        "border": sum(m["border"] == t["border"] for t, m in runs) / n,
        "colours": sum(m["colours"] == len(t["colours"]) for t, m in runs) / n,
        "structures": sum(m["structures"] == len(t["structures"]) for t, m in runs) / n,
        "band": sum(m["tds"] is not None and tds_band(m["tds"]) == t["band"] for t, m in runs) / n,
        "diameter": sum(abs(m["diameter_mm"] - t["diameter_mm"]) <= 1.0 for t, m in runs) / n,
    }
    assert all(v >= 0.95 for v in agree.values()), agree
    assert agree["band"] >= 0.95


def test_lesion_rendering_is_deterministic():
    params, lesion = sample_lesion(np.random.default_rng(99), "suspicious")
    again = render_lesion(params)
    assert np.array_equal(again.image, lesion.image) and again.truth == lesion.truth
    quick = render_lesion(params, with_truth=False)
    assert np.array_equal(quick.image, lesion.image)
    assert quick.scale_mm_per_px == pytest.approx(lesion.scale_mm_per_px)


def test_tools_recover_the_rhythm():
    runs = ecg_runs()
    correct = sum(m["finding"] == rhythm for rhythm, _, m in runs) / len(runs)
    assert correct >= 0.95
    for rhythm in ecg.RHYTHMS:  # and no rhythm is systematically misread
        per = [m["finding"] == r for r, _, m in runs if r == rhythm]
        assert sum(per) / len(per) >= 0.9, rhythm


def test_tools_recover_rate_pr_and_qtc_within_tolerance():
    runs = ecg_runs()
    hr_ok = [abs(m["heart_rate"] - t["heart_rate"]) <= 5 for _, t, m in runs]
    assert sum(hr_ok) / len(hr_ok) >= 0.99
    sinus = [(t, m) for r, t, m in runs if r in ecg.SINUS_FAMILY]
    pr_ok = [m["pr_ms"] is not None and abs(m["pr_ms"] - t["pr_ms"]) <= 20 for t, m in sinus]
    qtc_ok = [m["qtc_ms"] is not None and abs(m["qtc_ms"] - t["qtc_ms"]) <= 20 for t, m in sinus]
    assert sum(pr_ok) / len(pr_ok) >= 0.95
    assert sum(qtc_ok) / len(qtc_ok) >= 0.95


def test_ecg_truth_follows_the_parameters():
    p = ecg.sample_ecg_params(np.random.default_rng(3), "long_qt")
    strip = ecg.synthesize(p)
    t = strip.truth
    assert len(strip.signal) == ecg.N_SAMPLES and strip.signal.dtype == np.float32
    assert t["heart_rate"] == pytest.approx(60 / np.diff(strip.r_times).mean(), abs=0.05)
    assert t["qtc_ms"] == qtc_bazett(heart_rate=60 / np.diff(strip.r_times).mean(),
                                     qt=t["qt_ms"]).value  # fmt: skip
    assert t["qtc_ms"] >= 470  # generated at 490-560 ms at the target rate
    af = ecg.synthesize(ecg.sample_ecg_params(np.random.default_rng(4), "atrial_fibrillation"))
    assert "pr_ms" not in af.truth and af.truth["rr_cv"] > 0.1
    assert np.array_equal(ecg.synthesize(p).signal, strip.signal)  # deterministic
    with pytest.raises(ValueError, match="unknown rhythm"):
        ecg.sample_ecg_params(np.random.default_rng(0), "ventricular_tachycardia")
