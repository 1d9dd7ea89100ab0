"""ECG measurements from the samples: baseline, R peaks, RR statistics, averaged beat,
and the PR / QRS / QT intervals (plain numpy).

* Baseline wander: two median filters of 200 ms and 600 ms (de Chazal P, O'Dwyer M,
  Reilly RB. Automatic classification of heartbeats using ECG morphology and heartbeat
  interval features. IEEE Trans Biomed Eng. 2004;51(7):1196-1206), run at 100 Hz and
  interpolated back; mains interference: a 20 ms moving average (a zero at 50 Hz).
* R peaks: Pan J, Tompkins WJ. A real-time QRS detection algorithm. IEEE Trans Biomed
  Eng. 1985;32(3):230-236 - band-pass (moving-average low-pass minus a 120 ms moving
  average), five-point derivative, squaring, 150 ms moving-window integration, adaptive
  signal/noise peak levels (SPKI/NPKI, threshold NPKI + 0.25 (SPKI - NPKI)), 200 ms
  refractory period, T-wave rejection within 360 ms (slope < half the previous QRS's)
  and search-back at half threshold after 1.66 mean RR without a beat; the R peak is the
  signal maximum within 100 ms of each integrator peak (the integrator here is centred, not
  causal, so it does not lag the QRS).
* Rate and regularity: heart rate = 60 / mean RR; coefficient of variation (SD / mean)
  and RMSSD of the RR intervals (Task Force of the ESC and NASPE. Heart rate variability:
  standards of measurement. Circulation. 1996;93(5):1043-1065).
* Averaged beat: the sample-wise median of all complete beats aligned on their R peaks,
  taken from the strip minus its moving average over one RR interval (no beat-shaped
  baseline bias) with 50 Hz removed.  Isoelectric level: the median of the flattest 16 ms
  between 130 and 15 ms before R.  QRS onset: walking back from R, the first point that
  starts 6 ms within 0.012 mV of the isoelectric level (so the Q trough is passed over;
  without an isoelectric PR segment, 8 ms of slope below 2 % of the steepest); QRS
  offset: likewise after the S trough, level or flat.  T end: the downslope tangent (a
  least-squares line over 24 ms at the steepest descent) crossing the isoelectric level
  (Postema PG, Wilde AA. The measurement of the QT interval. Curr Cardiol Rev.
  2014;10(3):287-294).  P onset: where the P wave - the largest positive deflection
  300-30 ms before QRS onset and after the previous beat's T end - rises above 10 % of
  its amplitude.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .ecg import FS

MS = FS / 1000.0  # samples per ms
FLAT_MS = 6.0  # a QRS boundary is followed by >= 6 ms at the isoelectric level
ISO_TOL_MV = 0.012


def _median_filter(x: np.ndarray, width: int) -> np.ndarray:
    half = width // 2
    padded = np.pad(x, half, mode="edge")
    windows = np.lib.stride_tricks.sliding_window_view(padded, 2 * half + 1)
    return np.median(windows, axis=1)


def _moving_average(x: np.ndarray, n: int) -> np.ndarray:
    """Centred moving average over ``n`` samples (edges: mean of the available samples)."""
    c = np.concatenate([[0.0], np.cumsum(x, dtype=np.float64)])
    i = np.arange(len(x))
    lo = np.clip(i - n // 2, 0, len(x))
    hi = np.clip(i - n // 2 + n, 0, len(x))
    return (c[hi] - c[lo]) / (hi - lo)


def remove_baseline(x: np.ndarray) -> np.ndarray:
    """Signal minus its 200 ms + 600 ms median-filter baseline (computed at 100 Hz)."""
    step = FS // 100
    coarse = np.asarray(x, dtype=np.float64)[::step]
    base = _median_filter(_median_filter(coarse, 21), 61)
    t_coarse = np.arange(len(coarse)) * step
    return np.asarray(x, dtype=np.float64) - np.interp(np.arange(len(x)), t_coarse, base)


def clean(x: np.ndarray) -> np.ndarray:
    """Baseline removed, then 50 Hz removed by a 20 ms moving average."""
    return _moving_average(remove_baseline(x), int(20 * MS))


def morphology_signal(x: np.ndarray, rr_ms: float) -> np.ndarray:
    """The strip for waveform measurement: minus its moving average over one RR interval
    (which blocks every harmonic of a regular heart rate, so the baseline estimate carries
    no beat-shaped bias, only a constant), then 50 Hz removed by a 20 ms moving average."""
    x = np.asarray(x, dtype=np.float64)
    base = _moving_average(x, max(int(rr_ms * MS), 3))
    return _moving_average(x - base, int(20 * MS))


@dataclass
class RPeaks:
    indices: np.ndarray  # sample index of each R peak
    rr_ms: np.ndarray
    heart_rate: float
    rr_cv: float
    rmssd_ms: float


def _local_maxima(y: np.ndarray, distance: int) -> np.ndarray:
    """Indices of local maxima of ``y`` at least ``distance`` samples apart (highest kept)."""
    cand = np.nonzero((y[1:-1] > y[:-2]) & (y[1:-1] >= y[2:]))[0] + 1
    blocked = np.zeros(len(y), dtype=bool)
    keep: list[int] = []
    for i in cand[np.argsort(-y[cand], kind="stable")]:
        if not blocked[i]:
            keep.append(int(i))
            blocked[max(i - distance + 1, 0) : i + distance] = True
    return np.array(sorted(keep), dtype=int)


def pan_tompkins(x: np.ndarray) -> np.ndarray:
    """R-peak sample indices of a baseline-removed signal (see the module docstring)."""
    lp = _moving_average(x, int(18 * MS))
    bp = lp - _moving_average(lp, int(120 * MS))
    d = np.zeros_like(bp)
    d[2:-2] = (-bp[:-4] - 2 * bp[1:-3] + 2 * bp[3:-1] + bp[4:]) * (FS / 8.0)
    mwi = _moving_average(d * d, int(150 * MS))
    peaks = _local_maxima(mwi, int(200 * MS))
    learn = mwi[: 2 * FS]
    spki, npki = 0.25 * float(learn.max()), 0.5 * float(learn.mean())
    qrs: list[int] = []
    slopes: list[float] = []
    noise: list[int] = []

    def accept(i: int, slope: float) -> None:
        qrs.append(i)
        slopes.append(slope)

    for i in peaks:
        thr = npki + 0.25 * (spki - npki)
        slope = float(np.abs(d[max(i - int(75 * MS), 0) : i + 1]).max())
        is_qrs = mwi[i] > thr and (not qrs or i - qrs[-1] >= int(200 * MS))
        if is_qrs and qrs and i - qrs[-1] < int(360 * MS) and slope < 0.5 * slopes[-1]:
            is_qrs = False  # a T wave
        if is_qrs:
            if len(qrs) >= 2:  # search back for a missed beat at half threshold
                mean_rr = float(np.mean(np.diff(qrs[-8:])))
                if i - qrs[-1] > 1.66 * mean_rr:
                    gap = [k for k in noise if qrs[-1] + int(200 * MS) <= k <= i - int(200 * MS)]
                    if gap:
                        best = max(gap, key=lambda k: mwi[k])
                        if mwi[best] > 0.5 * thr:
                            accept(best, float(np.abs(d[best - int(75 * MS) : best + 1]).max()))
                            spki = 0.25 * mwi[best] + 0.75 * spki
            accept(int(i), slope)
            spki = 0.125 * mwi[i] + 0.875 * spki
        else:
            noise.append(int(i))
            npki = 0.125 * mwi[i] + 0.875 * npki
    # the R peak: the largest sample within 100 ms of the (centred) integrator peak
    r = []
    for i in sorted(qrs):
        lo = max(i - int(100 * MS), 0)
        r.append(lo + int(np.argmax(x[lo : i + int(100 * MS) + 1])))
    return np.array(sorted(set(r)), dtype=int)


def rr_statistics(indices: np.ndarray) -> RPeaks:
    if len(indices) < 3:
        raise ValueError("fewer than three QRS complexes detected")
    rr = np.diff(indices) / MS
    return RPeaks(
        indices=indices,
        rr_ms=rr,
        heart_rate=60000.0 / float(rr.mean()),
        rr_cv=float(rr.std() / rr.mean()),
        rmssd_ms=float(np.sqrt(np.mean(np.diff(rr) ** 2))),
    )


@dataclass
class AveragedBeat:
    t_ms: np.ndarray  # time of each sample relative to the R peak
    beat: np.ndarray  # median beat (mV)
    beats: np.ndarray  # the aligned individual beats (n, len)
    n: int


def averaged_beat(x: np.ndarray, peaks: np.ndarray, before_ms: float = 450.0) -> AveragedBeat:
    """Median of the complete beats aligned at their R peaks, -450 ms to +650 ms."""
    pre, post = int(before_ms * MS), int(650 * MS)
    rows = [x[i - pre : i + post] for i in peaks if i - pre >= 0 and i + post <= len(x)]
    if not rows:
        raise ValueError("no complete beat in the strip")
    beats = np.array(rows)
    t_ms = (np.arange(-pre, post)) / MS
    return AveragedBeat(t_ms=t_ms, beat=np.median(beats, axis=0), beats=beats, n=len(rows))


@dataclass
class Fiducials:
    qrs_onset_ms: float  # relative to the R peak
    qrs_offset_ms: float
    iso_mv: float
    t_peak_ms: float | None
    t_end_ms: float | None
    p_peak_ms: float | None
    p_onset_ms: float | None
    p_amp_mv: float


def _slope(b: np.ndarray) -> np.ndarray:
    k = int(5 * MS)  # slope over 10 ms, in mV per ms
    s = np.zeros_like(b)
    s[k:-k] = (b[2 * k :] - b[: -2 * k]) / (2 * k / MS)
    return s


def _first_run(ok: np.ndarray, start: int, step: int, run: int, limit: int) -> int:
    """Walking from ``start`` in direction ``step``: the first sample that begins a run of
    ``run`` samples where ``ok`` holds (capped at ``limit`` samples)."""
    count = 0
    i = start
    for k in range(limit):
        i = start + step * k
        if i <= 0 or i >= len(ok) - 1:
            break
        count = count + 1 if ok[i] else 0
        if count >= run:
            return i - step * (run - 1)
    return i


def _isoelectric(b: np.ndarray, r: int) -> float:
    """Isoelectric level: the median of the flattest 16 ms between 130 and 15 ms before R."""
    w = int(16 * MS)
    lo, hi = max(r - int(130 * MS), 0), r - int(15 * MS)
    windows = np.lib.stride_tricks.sliding_window_view(b[lo:hi], w)
    k = int(np.argmin(windows.max(axis=1) - windows.min(axis=1)))
    return float(np.median(windows[k]))


def fiducials(ab: AveragedBeat, rr_ms: float) -> Fiducials:
    """QRS onset/offset, isoelectric level, T end (tangent) and P onset on the median beat."""
    t, b = ab.t_ms, ab.beat
    s = _slope(b)
    r = int(np.argmin(np.abs(t)))
    thr = max(0.02 * float(np.abs(s[r - int(60 * MS) : r + int(60 * MS)]).max()), 0.001)
    iso = _isoelectric(b, r)
    tol = max(ISO_TOL_MV, 0.01 * float(b[r] - iso))
    near = np.abs(b - iso) <= tol
    flat = np.abs(s) <= thr
    run = int(FLAT_MS * MS)
    onset = _first_run(near, r, -1, run, limit=int(100 * MS))
    if onset <= r - int(100 * MS) + 1:  # no isoelectric PR segment (AF, flutter): slope
        onset = _first_run(flat, r, -1, int(8 * MS), limit=int(100 * MS))
    s_trough = r + int(np.argmin(b[r : r + int(60 * MS)]))
    offset = _first_run(near | flat, max(s_trough, r + 1), 1, run, limit=int(60 * MS))
    if offset >= s_trough + int(60 * MS) - 1:  # ST merging into T: the flattest point
        lo_, hi_ = s_trough + int(8 * MS), s_trough + int(50 * MS)
        offset = lo_ + int(np.argmin(np.abs(s[lo_:hi_])))
    # T wave: largest deviation between QRS offset + 40 ms and 0.62 RR after the R peak
    t_end = t_peak = None
    lo, hi = offset + int(40 * MS), min(r + int(0.62 * rr_ms * MS), len(b) - 2)
    if hi > lo + int(40 * MS):
        tp = lo + int(np.argmax(np.abs(b[lo:hi] - iso)))
        sign = 1.0 if b[tp] >= iso else -1.0
        amp = abs(float(b[tp]) - iso)
        # the T wave's own descent: from its peak until it is back within 15 % of baseline
        back = np.nonzero(sign * (b[tp : len(b) - int(5 * MS)] - iso) < 0.15 * amp)[0]
        stop = tp + (int(back[0]) + int(10 * MS) if len(back) else int(250 * MS))
        seg = s[tp : min(stop, len(b) - int(5 * MS))] * sign
        if len(seg):
            k = tp + int(np.argmin(_moving_average(seg, int(20 * MS))))  # steepest descent
            # the tangent: a least-squares line over the 24 ms around the steepest point
            w = slice(max(k - int(12 * MS), 0), k + int(12 * MS) + 1)
            slope, level = np.polyfit(t[w] - t[k], b[w], 1)
            if slope * sign < 0:
                t_end = float(t[k] + (level - iso) / -slope)
                t_peak = float(t[tp])
    # P wave: largest positive deflection 300-30 ms before QRS onset, after the previous T
    p_peak = p_on = None
    p_amp = 0.0
    a, z = max(onset - int(300 * MS), 0), onset - int(30 * MS)
    first = 0
    if t_end is not None:
        first = int(np.searchsorted(t, t_end - rr_ms)) + int(10 * MS)
        a = max(a, first)
    if z > a:
        pp = a + int(np.argmax(b[a:z]))
        p_amp = float(b[pp] - iso)
        level = iso + 0.1 * p_amp
        k = pp
        floor = max(pp - int(120 * MS), first, 0)
        while k > floor and b[k] > level:
            k -= 1
        if p_amp > 0 and b[k] <= level < b[k + 1]:
            p_on = float(t[k] + (level - b[k]) / (b[k + 1] - b[k]) / MS)
            p_peak = float(t[pp])
    return Fiducials(
        qrs_onset_ms=float(t[onset]),
        qrs_offset_ms=float(t[offset]),
        iso_mv=iso,
        t_peak_ms=t_peak,
        t_end_ms=t_end,
        p_peak_ms=p_peak,
        p_onset_ms=p_on,
        p_amp_mv=p_amp,
    )
