"""Seeded generator of 10-second lead-II rhythm strips (500 Hz, mV) with known intervals.

Each beat is a sum of Gaussians (in the spirit of McSharry PE, Clifford GD, Tarassenko
L, Smith LA. A dynamical model for generating synthetic electrocardiogram signals.
IEEE Trans Biomed Eng. 2003;50(3):289-294, here placed directly in time):

* QRS: Q, R and S Gaussians of equal width s = QRS / 9.9, centred 2.45 s, 4.95 s and
  7.45 s after QRS onset, so the complex runs from onset to onset + QRS (each outer
  wave's 5 % level);
* P: a Gaussian whose 10 % level starts PR before QRS onset;
* T: a Gaussian whose downslope tangent meets the baseline QT after QRS onset (the
  tangent of a Gaussian of width s_T at its inflection crosses zero 2 s_T after the
  peak: the tangent method of T-end, Postema PG, Wilde AA. The measurement of the QT
  interval. Curr Cardiol Rev. 2014;10(3):287-294).

Rhythms: sinus rhythm (62-95/min), sinus bradycardia (40-49/min), sinus tachycardia
(106-125/min, PR 125-160 ms, QTc 370-410 ms so the P wave clears the previous T wave),
first-degree AV block (60-85/min, PR 230-300 ms), long QT (62-80/min, QTc 490-560 ms) - all with
respiratory sinus arrhythmia of about 1.5 % - atrial fibrillation (no P waves; RR drawn
log-normal, coefficient of variation >= 0.14; fibrillatory baseline: a 4-9 Hz oscillation
whose frequency wanders) and atrial flutter (negative sawtooth F waves at 270-320/min
conducted 2:1 or 4:1 with a fixed F-to-QRS delay).  Normal PR is 130-185 ms, QRS 76-106
ms and QTc (Bazett) 370-430 ms; QT = QTc * sqrt(RR).  Noise: white noise, baseline
wander (two 0.1-0.3 Hz sinusoids, the band of respiration) and 50 Hz mains interference, all seeded.
The truth (heart rate from the drawn RR intervals, PR, QRS, QT, QTc) comes from these
parameters.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from ...clinical.calculators.qtc import qtc_bazett

FS = 500  # samples per second
DURATION_S = 10.0
N_SAMPLES = int(FS * DURATION_S)
LEAD = "II"
RHYTHMS: tuple[str, ...] = (
    "sinus_rhythm",
    "sinus_bradycardia",
    "sinus_tachycardia",
    "atrial_fibrillation",
    "atrial_flutter",
    "first_degree_av_block",
    "long_qt",
)
SINUS_FAMILY = (
    "sinus_rhythm",
    "sinus_bradycardia",
    "sinus_tachycardia",
    "first_degree_av_block",
    "long_qt",
)
RATE_RANGES = {
    "sinus_rhythm": (62.0, 95.0),
    "sinus_bradycardia": (40.0, 49.0),
    "sinus_tachycardia": (106.0, 125.0),
    "first_degree_av_block": (60.0, 85.0),
    "long_qt": (62.0, 80.0),
    "atrial_fibrillation": (70.0, 130.0),
}


@dataclass(frozen=True)
class EcgParams:
    seed: int
    rhythm: str
    rate: float  # target mean ventricular rate (beats/min)
    pr_ms: float  # 0 without P waves
    qrs_ms: float
    qtc_ms: float  # Bazett QTc at the target rate; QT = QTc * sqrt(60 / rate)
    p_amp: float
    p_sigma_ms: float
    q_amp: float
    r_amp: float
    s_amp: float
    t_amp: float
    t_width: float  # T-wave Gaussian width as a fraction of QT
    flutter_rate: float  # atrial rate of flutter (/min), 0 otherwise
    conduction: int  # flutter conduction ratio (2 or 4), 0 otherwise
    f_amp: float  # fibrillatory or flutter wave amplitude (mV)
    noise_mv: float
    wander_mv: float
    mains_mv: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> EcgParams:
        return cls(**d)


@dataclass
class EcgStrip:
    signal: np.ndarray  # mV, N_SAMPLES samples at FS
    r_times: np.ndarray  # s, the drawn R peaks
    truth: dict[str, Any]


def _gauss(t: np.ndarray, centre: float, sigma: float, amp: float) -> np.ndarray:
    return amp * np.exp(-0.5 * ((t - centre) / sigma) ** 2)


def _beat_times(p: EcgParams, rng: np.random.Generator) -> np.ndarray:
    """R-peak times (s) between 0.45 s and DURATION_S - 0.45 s."""
    rr0 = 60.0 / p.rate
    t = float(rng.uniform(0.45, 0.45 + rr0))
    times = []
    if p.rhythm == "atrial_flutter":
        rr0 = p.conduction * 60.0 / p.flutter_rate
    phase = float(rng.uniform(0, 2 * np.pi))
    while t < DURATION_S - 0.45:
        times.append(t)
        if p.rhythm == "atrial_fibrillation":
            rr = float(np.clip(rr0 * math.exp(rng.normal(-0.02, 0.2)), 0.33, 1.8))
        elif p.rhythm == "atrial_flutter":
            rr = rr0
        else:  # respiratory sinus arrhythmia plus a little jitter
            rr = rr0 * (1 + 0.015 * math.sin(2 * np.pi * 0.25 * t + phase) + rng.normal(0, 0.006))
        t += rr
    return np.array(times)


def _qrs_onset_offset(p: EcgParams) -> tuple[float, float]:
    """Onset and offset of QRS relative to the R peak (s)."""
    s = p.qrs_ms / 1000 / 9.9
    return -4.95 * s, 4.95 * s


def _fibrillation(p: EcgParams, t: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Fibrillatory waves: 4-9 Hz with a wandering frequency and amplitude."""
    knots = np.linspace(0, DURATION_S, 41)
    freq = np.interp(t, knots, np.clip(rng.normal(6.0, 1.2, len(knots)), 4.0, 9.0))
    amp = np.interp(t, knots, rng.uniform(0.6, 1.0, len(knots)))
    phase = 2 * np.pi * np.cumsum(freq) / FS + rng.uniform(0, 2 * np.pi)
    return p.f_amp * amp * np.sin(phase)


def _flutter(p: EcgParams, t: np.ndarray, r_times: np.ndarray) -> np.ndarray:
    """Negative sawtooth: a slow fall over 70 % of the cycle, a faster rise, smoothed."""
    ta = 60.0 / p.flutter_rate
    start = r_times[0] - 0.26  # F-wave onset a fixed 260 ms before each conducted QRS
    ph = np.mod((t - start) / ta, 1.0)
    saw = np.where(ph < 0.7, 0.5 - ph / 0.7, -0.5 + (ph - 0.7) / 0.3)
    kernel = np.ones(9) / 9  # 18 ms smoothing of the corners
    return p.f_amp * np.convolve(saw, kernel, mode="same")


def synthesize(p: EcgParams) -> EcgStrip:
    """The strip of ``p`` (deterministic) and its ground truth."""
    rng = np.random.default_rng(p.seed)
    t = np.arange(N_SAMPLES) / FS
    r_times = _beat_times(p, rng)
    rr = np.diff(r_times)
    rate = 60.0 / float(rr.mean())
    qt_ms = p.qtc_ms * math.sqrt(60.0 / p.rate)
    on, _ = _qrs_onset_offset(p)
    s = p.qrs_ms / 1000 / 9.9
    sig_t = p.t_width * qt_ms / 1000
    x = np.zeros(N_SAMPLES)
    for tr in r_times:
        lo, hi = max(int((tr - 0.5) * FS), 0), min(int((tr + 0.8) * FS), N_SAMPLES)
        tt = t[lo:hi]
        onset = tr + on
        beat = _gauss(tt, onset + 2.45 * s, s, p.q_amp)
        beat += _gauss(tt, tr, s, p.r_amp)
        beat += _gauss(tt, onset + 7.45 * s, s, p.s_amp)
        beat += _gauss(tt, onset + qt_ms / 1000 - 2 * sig_t, sig_t, p.t_amp)
        if p.pr_ms > 0:
            sig_p = p.p_sigma_ms / 1000
            beat += _gauss(tt, onset - p.pr_ms / 1000 + 2.146 * sig_p, sig_p, p.p_amp)
        x[lo:hi] += beat
    if p.rhythm == "atrial_fibrillation":
        x += _fibrillation(p, t, rng)
    elif p.rhythm == "atrial_flutter":
        x += _flutter(p, t, r_times)
    for _ in range(2):
        f = rng.uniform(0.1, 0.3)
        x += p.wander_mv * rng.uniform(0.4, 1.0) * np.sin(2 * np.pi * f * t + rng.uniform(0, 6.3))
    x += p.mains_mv * np.sin(2 * np.pi * 50.0 * t + rng.uniform(0, 6.3))
    x += rng.normal(0.0, p.noise_mv, N_SAMPLES)
    truth: dict[str, Any] = {
        "rhythm": p.rhythm,
        "heart_rate": round(rate, 1),
        "rr_cv": round(float(rr.std() / rr.mean()), 4),
        "qrs_ms": round(p.qrs_ms, 1),
        "beats": len(r_times),
    }
    if p.pr_ms > 0:
        truth["pr_ms"] = round(p.pr_ms, 1)
        truth["qt_ms"] = round(qt_ms, 1)
        truth["qtc_ms"] = qtc_bazett(heart_rate=rate, qt=qt_ms).value
    if p.rhythm == "atrial_flutter":
        truth["atrial_rate"] = round(p.flutter_rate, 1)
        truth["conduction"] = f"{p.conduction}:1"
    return EcgStrip(signal=x.astype(np.float32), r_times=r_times, truth=truth)


def sample_ecg_params(rng: np.random.Generator, rhythm: str) -> EcgParams:
    """Parameters of a strip of ``rhythm`` with every defining feature far from its cut-off."""
    if rhythm not in RHYTHMS:
        raise ValueError(f"unknown rhythm {rhythm!r}; expected one of {RHYTHMS}")
    u = rng.uniform
    flutter_rate, conduction = 0.0, 0
    if rhythm == "atrial_flutter":
        flutter_rate = float(u(270, 320))
        conduction = int(rng.choice([2, 4]))
        rate = flutter_rate / conduction
    else:
        rate = float(u(*RATE_RANGES[rhythm]))
    has_p = rhythm in SINUS_FAMILY
    pr = {"first_degree_av_block": (230, 300), "sinus_tachycardia": (125, 160)}.get(
        rhythm, (130, 185)
    )
    qtc = {"long_qt": (490, 560), "sinus_tachycardia": (370, 410)}.get(rhythm, (370, 430))
    pr, qtc = float(u(*pr)), float(u(*qtc))
    f_amp = 0.0
    if rhythm == "atrial_fibrillation":
        f_amp = float(u(0.03, 0.07))
    elif rhythm == "atrial_flutter":
        f_amp = float(u(0.18, 0.3))
    return EcgParams(
        seed=int(rng.integers(0, 2**31 - 1)),
        rhythm=rhythm,
        rate=round(rate, 2),
        pr_ms=round(pr, 1) if has_p else 0.0,
        qrs_ms=round(float(u(76, 106)), 1),
        qtc_ms=round(qtc, 1),
        p_amp=round(float(u(0.12, 0.25)), 3),
        p_sigma_ms=round(float(u(17, 22)), 1),
        q_amp=round(-float(u(0.05, 0.15)), 3),
        r_amp=round(float(u(0.9, 1.6)), 3),
        s_amp=round(-float(u(0.1, 0.35)), 3),
        t_amp=round(float(u(0.03, 0.08) if rhythm == "atrial_flutter" else u(0.2, 0.45)), 3),
        t_width=round(float(u(0.12, 0.15)), 4),
        flutter_rate=round(flutter_rate, 2),
        conduction=conduction,
        f_amp=round(f_amp, 3),
        noise_mv=round(float(u(0.008, 0.02)), 4),
        wander_mv=round(float(u(0.05, 0.2)), 3),
        mains_mv=round(float(u(0.0, 0.02)), 4),
    )
