"""Heart-rate corrected QT interval (QTc): Bazett, Fridericia, Framingham, Hodges, Rautaharju.

All five take the heart rate in beats/min and the measured QT interval in ms (plain
numbers, or :class:`~healthgym.clinical.units.Q` values such as ``Q(0.38, "s")``) and
return the QTc in ms, rounded to 0.1 ms.  The RR interval is 60 / heart rate, in seconds.

Interpretation (same for every formula):

* AHA/ACCF/HRS 2009 (Rautaharju PM, Surawicz B, Gettes LS. AHA/ACCF/HRS recommendations
  for the standardization and interpretation of the electrocardiogram, part IV: the ST
  segment, T and U waves, and the QT interval. Circulation. 2009;119(10):e241-e250):
  QTc >= 450 ms in men and >= 460 ms in women is prolonged; QTc <= 390 ms is short.
* Drew BJ, Ackerman MJ, Funk M, et al. Prevention of torsade de pointes in hospital
  settings: a scientific statement from the AHA and ACCF. Circulation.
  2010;121(8):1047-1060: QTc > 500 ms carries a high risk of torsade de pointes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult
from healthgym.clinical.units import Q, value_in

__all__ = [
    "qtc_bazett",
    "qtc_framingham",
    "qtc_fridericia",
    "qtc_hodges",
    "qtc_rautaharju",
]

Sex = Literal["male", "female"]

_BAZETT = (
    "Bazett HC. An analysis of the time-relations of electrocardiograms. Heart. 1920;7:353-370."
)
_FRIDERICIA = (
    "Fridericia LS. Die Systolendauer im Elektrokardiogramm bei normalen Menschen und bei "
    "Herzkranken. Acta Med Scand. 1920;53:469-486."
)
_SAGIE = (
    "Sagie A, Larson MG, Goldberg RJ, Bengtson JR, Levy D. An improved method for adjusting "
    "the QT interval for heart rate (the Framingham Heart Study). Am J Cardiol. "
    "1992;70(7):797-801."
)
_HODGES = (
    "Hodges M, Salerno D, Erlien D. Bazett's QT correction reviewed: evidence that a linear "
    "QT correction for heart rate is better. J Am Coll Cardiol. 1983;1(2):694 (abstract)."
)
_RAUTAHARJU = (
    "Rautaharju PM, Zhou SH, Wong S, et al. Sex differences in the evolution of the "
    "electrocardiographic QT interval with age. Can J Cardiol. 1992;8(7):690-695."
)
_BANDS = (
    " Bands: Rautaharju PM, Surawicz B, Gettes LS. Circulation. 2009;119:e241-e250 "
    "(AHA/ACCF/HRS); Drew BJ, et al. Circulation. 2010;121:1047-1060 (> 500 ms)."
)

HR_RANGE = (20.0, 300.0)  # beats/min
QT_RANGE = (100.0, 1000.0)  # ms


def _inputs(heart_rate: float | Q, qt: float | Q, sex: str | None) -> tuple[float, float]:
    hr = value_in("heart_rate", heart_rate, "rate", "/min")
    qt_ms = value_in("qt", qt, "duration", "ms")
    hr = v.number("heart_rate (beats/min)", hr, lo=HR_RANGE[0], hi=HR_RANGE[1])
    qt_ms = v.number("qt (ms)", qt_ms, lo=QT_RANGE[0], hi=QT_RANGE[1])
    if sex is not None:
        v.choice("sex", sex, ("male", "female"))
    return hr, qt_ms


def interpret_qtc(qtc_ms: float, sex: str | None = None) -> str:
    """Band of a QTc value (AHA/ACCF/HRS 2009 limits; > 500 ms per Drew 2010)."""
    if qtc_ms > 500:
        return (
            f"QTc {qtc_ms:g} ms: markedly prolonged (> 500 ms), high risk of torsade de "
            "pointes; review QT-prolonging drugs and electrolytes (K, Mg)"
        )
    limit = {"male": 450.0, "female": 460.0}.get(sex or "", 460.0)
    if qtc_ms >= limit:
        who = {"male": "men", "female": "women"}.get(sex or "", "either sex")
        return f"QTc {qtc_ms:g} ms: prolonged (>= {limit:g} ms in {who})"
    if sex is None and qtc_ms >= 450:
        return (
            f"QTc {qtc_ms:g} ms: prolonged for a man (>= 450 ms), upper normal for a woman "
            "(< 460 ms)"
        )
    if qtc_ms <= 390:
        return f"QTc {qtc_ms:g} ms: short (<= 390 ms)"
    return f"QTc {qtc_ms:g} ms: normal"


def _result(
    name: str,
    formula: str,
    source: str,
    heart_rate: float | Q,
    qt: float | Q,
    sex: str | None,
    compute: Callable[[float, float, float], tuple[float, str]],
) -> ScoreResult:
    hr, qt_ms = _inputs(heart_rate, qt, sex)
    rr = 60.0 / hr
    raw, plugged = compute(qt_ms, hr, rr)
    qtc = v.round_half_up(raw, 1)
    steps = (
        f"QTc ({name}) = {formula}",
        f"heart rate = {hr:g} beats/min; QT = {qt_ms:g} ms",
        f"RR = 60 / {hr:g} = {rr:.4f} s",
        f"QTc = {plugged} = {raw:.2f} ms",
        f"QTc = {qtc:g} ms (rounded to 0.1 ms)",
    )
    return ScoreResult(
        name=f"QTc ({name})",
        value=qtc,
        components={"heart_rate": hr, "qt_ms": qt_ms, "rr_s": rr},
        interpretation=interpret_qtc(qtc, sex),
        source=source + _BANDS,
        unit="ms",
        steps=steps,
    )


def qtc_bazett(*, heart_rate: float | Q, qt: float | Q, sex: Sex | None = None) -> ScoreResult:
    """QTc by Bazett: QTc = QT / sqrt(RR), RR in seconds.

    Source: Bazett HC. Heart. 1920;7:353-370.  ``heart_rate`` in beats/min (20-300),
    ``qt`` in ms (100-1000); ``sex`` ('male'/'female', optional) selects the AHA/ACCF/HRS
    2009 prolongation limit (450 ms men, 460 ms women).
    """
    return _result(
        "Bazett",
        "QT / sqrt(RR)",
        _BAZETT,
        heart_rate,
        qt,
        sex,
        lambda qt_ms, hr, rr: (qt_ms / rr**0.5, f"{qt_ms:g} / sqrt({rr:.4f})"),
    )


def qtc_fridericia(*, heart_rate: float | Q, qt: float | Q, sex: Sex | None = None) -> ScoreResult:
    """QTc by Fridericia: QTc = QT / RR^(1/3), RR in seconds.

    Source: Fridericia LS. Acta Med Scand. 1920;53:469-486.  Inputs as for
    :func:`qtc_bazett`.
    """
    return _result(
        "Fridericia",
        "QT / RR^(1/3)",
        _FRIDERICIA,
        heart_rate,
        qt,
        sex,
        lambda qt_ms, hr, rr: (qt_ms / rr ** (1 / 3), f"{qt_ms:g} / {rr:.4f}^(1/3)"),
    )


def qtc_framingham(*, heart_rate: float | Q, qt: float | Q, sex: Sex | None = None) -> ScoreResult:
    """QTc by the Framingham linear formula: QTc = QT + 154 x (1 - RR), QT in ms, RR in s.

    Source: Sagie A, Larson MG, Goldberg RJ, Bengtson JR, Levy D. Am J Cardiol.
    1992;70:797-801 (QTlc = QT + 0.154 (1 - RR), in seconds).  Inputs as for
    :func:`qtc_bazett`.
    """
    return _result(
        "Framingham",
        "QT + 154 x (1 - RR)",
        _SAGIE,
        heart_rate,
        qt,
        sex,
        lambda qt_ms, hr, rr: (qt_ms + 154 * (1 - rr), f"{qt_ms:g} + 154 x (1 - {rr:.4f})"),
    )


def qtc_hodges(*, heart_rate: float | Q, qt: float | Q, sex: Sex | None = None) -> ScoreResult:
    """QTc by Hodges: QTc = QT + 1.75 x (HR - 60), QT in ms, HR in beats/min.

    Source: Hodges M, Salerno D, Erlien D. J Am Coll Cardiol. 1983;1:694 (abstract).
    Equivalent to QT + 105 x (1/RR - 1) with RR in seconds.  Inputs as for
    :func:`qtc_bazett`.
    """
    return _result(
        "Hodges",
        "QT + 1.75 x (HR - 60)",
        _HODGES,
        heart_rate,
        qt,
        sex,
        lambda qt_ms, hr, rr: (qt_ms + 1.75 * (hr - 60), f"{qt_ms:g} + 1.75 x ({hr:g} - 60)"),
    )


def qtc_rautaharju(*, heart_rate: float | Q, qt: float | Q, sex: Sex | None = None) -> ScoreResult:
    """QTc by Rautaharju: QTc = QT x (120 + HR) / 180, QT in ms, HR in beats/min.

    Source: Rautaharju PM, Zhou SH, Wong S, et al. Can J Cardiol. 1992;8:690-695.
    Inputs as for :func:`qtc_bazett`.
    """
    return _result(
        "Rautaharju",
        "QT x (120 + HR) / 180",
        _RAUTAHARJU,
        heart_rate,
        qt,
        sex,
        lambda qt_ms, hr, rr: (
            qt_ms * (120 + hr) / 180,
            f"{qt_ms:g} x (120 + {hr:g}) / 180",
        ),
    )
