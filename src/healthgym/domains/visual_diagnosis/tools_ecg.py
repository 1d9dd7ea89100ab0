"""ECG rhythm-strip tools: each measures from the samples of the strip.

They report rate and regularity, atrial activity and intervals; none names the rhythm.
QTc is computed with the shared ``calc_qtc`` calculator from the values the agent passes.
"""

from __future__ import annotations

import math

from ...tools import ToolError, tool
from . import analysis as an
from .ecg_atrial import LAGS_MS, P_MIN_FRACTION, P_MIN_MV, PERIODIC_MIN
from .measure_ecg import RPeaks
from .records import VisualState


def _ecg(state: VisualState) -> None:
    if state.kind != "ecg" or state.signal is None:
        raise ToolError("this study is a dermoscopy image, not an ECG rhythm strip")


def round_half_up(x: float) -> int:
    return math.floor(x + 0.5)


def _peaks(state: VisualState) -> RPeaks:
    try:
        return an.r_peaks(state)
    except ValueError as e:
        raise ToolError(f"QRS detection failed: {e}") from None


@tool(kind="observe")
def detect_r_peaks(state: VisualState) -> str:
    """Detect the QRS complexes (Pan-Tompkins) and report the heart rate and RR regularity."""
    _ecg(state)
    rp = _peaks(state)
    times = ", ".join(f"{i / state.fs:.2f}" for i in rp.indices)
    rr = ", ".join(str(round_half_up(v)) for v in rp.rr_ms)
    hr = round_half_up(rp.heart_rate)
    state.measured["heart_rate"] = hr
    state.measured["rr_cv"] = round(rp.rr_cv, 4)
    return (
        f"Pan-Tompkins QRS detection: {len(rp.indices)} complexes. R-peak times (s): {times}. "
        f"RR intervals (ms): {rr}. Mean RR {round_half_up(float(rp.rr_ms.mean()))} ms -> heart "
        f"rate {hr} beats/min. RR range {round_half_up(float(rp.rr_ms.min()))}-"
        f"{round_half_up(float(rp.rr_ms.max()))} ms, coefficient of variation "
        f"{100 * rp.rr_cv:.1f} %, RMSSD {rp.rmssd_ms:.0f} ms."
    )


@tool(kind="observe")
def analyze_atrial_activity(state: VisualState) -> str:
    """Look for P waves before the QRS complexes and for regular atrial waves between them."""
    _ecg(state)
    _peaks(state)
    at = an.atrial(state)
    fid = an.fiducials(state)
    if fid.p_peak_ms is not None:
        where = f"peaking {-fid.p_peak_ms:.0f} ms before the R peak"
    else:
        where = "with no clear onset"
    verdict = "discrete P waves present" if at.p_present else "no discrete P waves identified"
    text = (
        f"Median beat: largest positive deflection before the QRS {at.p_amp_mv:.2f} mV, {where}; "
        f"its shape recurs before {at.p_beats} of {at.n_beats} QRS complexes (needs >= "
        f"{P_MIN_MV} mV and >= {100 * P_MIN_FRACTION:.0f} % of beats) -> {verdict}. "
        f"QRS-blanked strip: autocorrelation peak {at.periodicity:.2f} at lags "
        f"{LAGS_MS[0]:.0f}-{LAGS_MS[1]:.0f} ms (regular atrial waves need >= {PERIODIC_MIN}) "
    )
    if at.regular_waves:
        per_rr = an.median_rr(state) / at.atrial_cycle_ms
        text += (
            f"-> regular atrial waves, cycle {at.atrial_cycle_ms:.0f} ms (atrial rate "
            f"{at.atrial_rate:.0f}/min, {per_rr:.1f} atrial waves per RR interval)"
        )
    else:
        text += "-> no regular atrial waves"
    text += (
        f". Residual activity after subtracting the median beat at every QRS: RMS "
        f"{at.residual_rms_mv:.3f} mV."
    )
    state.measured["p_present"] = at.p_present
    state.measured["regular_atrial_waves"] = at.regular_waves
    state.measured["atrial_rate"] = round(at.atrial_rate, 1)
    return text


@tool(kind="observe")
def measure_intervals(state: VisualState) -> str:
    """Measure PR, QRS and QT on the median beat (QT by the tangent method)."""
    _ecg(state)
    _peaks(state)
    fid = an.fiducials(state)
    at = an.atrial(state)
    ab = an.beat(state)
    parts = [f"Median of {ab.n} beats, isoelectric level {fid.iso_mv:+.3f} mV"]
    if at.p_present and fid.p_onset_ms is not None:
        pr = round_half_up(fid.qrs_onset_ms - fid.p_onset_ms)
        state.measured["pr_ms"] = pr
        parts.append(f"PR {pr} ms (P onset to QRS onset)")
    else:
        parts.append("PR not measurable (no discrete P wave)")
    qrs = round_half_up(fid.qrs_offset_ms - fid.qrs_onset_ms)
    state.measured["qrs_ms"] = qrs
    parts.append(f"QRS {qrs} ms")
    if fid.t_end_ms is not None:
        qt = round_half_up(fid.t_end_ms - fid.qrs_onset_ms)
        state.measured["qt_ms"] = qt
        parts.append(f"QT {qt} ms (QRS onset to T end by the tangent method)")
    else:
        parts.append("QT not measurable (no T wave found)")
    parts.append(f"median RR {round_half_up(an.median_rr(state))} ms")
    note = ""
    if not at.p_present:
        note = " Without an isoelectric PR segment the QRS onset and QT are approximate."
    return "; ".join(parts) + "." + note


ECG_TOOLS = [detect_r_peaks, analyze_atrial_activity, measure_intervals]
