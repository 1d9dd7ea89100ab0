"""visual_diagnosis ECG measurement against hand-computed expectations: Pan-Tompkins R
peaks, RR statistics (ESC/NASPE 1996), median-beat fiducials (tangent T end, Postema
& Wilde 2014), atrial activity, the rhythm rules and the ECG tools' text."""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pytest

from healthgym.domains.visual_diagnosis import ecg
from healthgym.domains.visual_diagnosis import measure_ecg as me
from healthgym.domains.visual_diagnosis import tools_ecg as te
from healthgym.domains.visual_diagnosis.ecg_atrial import classify_rhythm
from healthgym.domains.visual_diagnosis.records import VisualState
from healthgym.domains.visual_diagnosis.study import ecg_state
from healthgym.domains.visual_diagnosis.tasks import measured_ecg

T = np.arange(ecg.N_SAMPLES) / ecg.FS


def _spikes(r_times: list[float]) -> np.ndarray:
    """A bare strip: a 1 mV Gaussian R wave (sigma 10 ms) at each time, plus a T wave."""
    x = np.zeros(ecg.N_SAMPLES)
    for tr in r_times:
        x += np.exp(-0.5 * ((T - tr) / 0.010) ** 2)
        x += 0.3 * np.exp(-0.5 * ((T - tr - 0.25) / 0.04) ** 2)
    return x


def test_pan_tompkins_finds_every_r_peak_and_ignores_t_waves():
    times = [0.5 + 0.8 * k for k in range(12)]  # 75 beats/min
    peaks = me.pan_tompkins(_spikes(times))
    assert len(peaks) == 12
    assert np.abs(peaks / ecg.FS - np.array(times)).max() <= 0.004
    rp = me.rr_statistics(peaks)
    assert rp.heart_rate == pytest.approx(75.0, abs=0.1) and rp.rr_cv < 0.005


def test_rr_statistics_by_hand():
    rp = me.rr_statistics(np.array([0, 400, 850, 1250]))  # at 500 Hz: RR 800, 900, 800 ms
    assert list(rp.rr_ms) == [800, 900, 800]
    assert rp.heart_rate == pytest.approx(60000 / (2500 / 3))  # 72 /min
    assert rp.rr_cv == pytest.approx(np.std([800, 900, 800]) / (2500 / 3))  # 0.0566
    assert rp.rmssd_ms == pytest.approx(100.0)  # sqrt(mean(100^2, 100^2))
    with pytest.raises(ValueError, match="three"):
        me.rr_statistics(np.array([0, 400]))


def _clean(rhythm: str, **over: float) -> ecg.EcgParams:
    p = ecg.sample_ecg_params(np.random.default_rng(11), rhythm)
    return dataclasses.replace(p, noise_mv=0.0, wander_mv=0.0, mains_mv=0.0, **over)


def test_fiducials_on_a_noise_free_strip_match_the_generator():
    p = _clean("sinus_rhythm", rate=70.0, pr_ms=170.0, qrs_ms=90.0, qtc_ms=420.0)
    strip = ecg.synthesize(p)
    state = ecg_state(p, 60, "male")
    m = measured_ecg(state)
    qt = 420.0 * np.sqrt(60 / 70.0)  # QT = QTc * sqrt(RR)
    assert m["finding"] == "sinus_rhythm"
    assert m["pr_ms"] == pytest.approx(170, abs=8)
    assert m["qt_ms"] == pytest.approx(qt, abs=8)  # tangent T end = T peak + 2 sigma
    assert m["heart_rate"] == round(strip.truth["heart_rate"])
    assert strip.truth["qt_ms"] == pytest.approx(qt, abs=0.1)


def test_rhythm_rules():
    base = dict(heart_rate=75.0, rr_cv=0.02, p_present=True, regular_atrial_waves=False,
                atrial_rate=0.0, pr_ms=160.0, qtc_ms=420.0, sex="female")  # fmt: skip
    assert classify_rhythm(**base) == "sinus_rhythm"
    assert classify_rhythm(**{**base, "heart_rate": 45}) == "sinus_bradycardia"
    assert classify_rhythm(**{**base, "heart_rate": 110}) == "sinus_tachycardia"
    assert classify_rhythm(**{**base, "pr_ms": 240}) == "first_degree_av_block"
    assert classify_rhythm(**{**base, "qtc_ms": 470}) == "long_qt"
    assert classify_rhythm(**{**base, "qtc_ms": 455}) == "sinus_rhythm"  # < 460 in women
    assert classify_rhythm(**{**base, "qtc_ms": 455, "sex": "male"}) == "long_qt"  # >= 450
    af = {**base, "rr_cv": 0.2, "p_present": False}
    assert classify_rhythm(**af) == "atrial_fibrillation"
    flutter = {**base, "p_present": False, "regular_atrial_waves": True, "atrial_rate": 300}
    assert classify_rhythm(**flutter) == "atrial_flutter"
    assert classify_rhythm(**{**base, "p_present": False}) == "unclassified"


@pytest.mark.parametrize("rhythm", ecg.RHYTHMS)
def test_each_rhythm_is_measured_as_drawn(rhythm):
    p = ecg.sample_ecg_params(np.random.default_rng(2024), rhythm)
    assert measured_ecg(ecg_state(p, 60, "male"))["finding"] == rhythm


def _state_of(signal: np.ndarray) -> VisualState:
    return VisualState("ecg", 60, "male", signal=signal.astype(np.float32), fs=ecg.FS, lead="II")


def test_tools_report_rate_and_intervals_and_record_them():
    s = _state_of(_spikes([0.5 + 0.8 * k for k in range(12)]))
    out = te.detect_r_peaks(s)
    assert "12 complexes" in out and "heart rate 75 beats/min" in out
    assert "coefficient of variation 0.0 %" in out and s.measured["heart_rate"] == 75
    p = _clean("first_degree_av_block", rate=70.0, pr_ms=260.0, qtc_ms=400.0)
    s = ecg_state(p, 60, "male")
    text = te.analyze_atrial_activity(s)
    assert "discrete P waves present" in text and "no regular atrial waves" in text
    intervals = te.measure_intervals(s)
    assert f"PR {s.measured['pr_ms']} ms" in intervals and abs(s.measured["pr_ms"] - 260) <= 8
    assert f"QT {s.measured['qt_ms']} ms (QRS onset to T end by the tangent method)" in intervals
    assert s.measured["qt_ms"] == pytest.approx(400 * np.sqrt(60 / 70), abs=10)


def test_flutter_waves_are_found_and_af_has_none():
    fl = ecg_state(_clean("atrial_flutter", flutter_rate=300.0, conduction=4), 70, "male")
    text = te.analyze_atrial_activity(fl)
    found = re.search(
        r"regular atrial waves, cycle (\d+) ms \(atrial rate (\d+)/min, ([\d.]+)", text
    )
    assert found, text
    cycle, rate, per_rr = (float(g) for g in found.groups())
    assert cycle == pytest.approx(200, abs=6) and rate == pytest.approx(300, abs=10)
    assert per_rr == 4.0  # 4:1 conduction
    assert "PR not measurable" in te.measure_intervals(fl)
    af = ecg_state(ecg.sample_ecg_params(np.random.default_rng(5), "atrial_fibrillation"), 70,
                   "female")  # fmt: skip
    text = te.analyze_atrial_activity(af)
    assert "no discrete P waves identified" in text and "no regular atrial waves" in text
    te.detect_r_peaks(af)
    assert af.measured["rr_cv"] > 0.1


def test_too_few_beats_is_a_clear_tool_error():
    from healthgym.tools import ToolError

    with pytest.raises(ToolError, match="QRS detection failed"):
        te.detect_r_peaks(_state_of(_spikes([4.0, 5.0])))
