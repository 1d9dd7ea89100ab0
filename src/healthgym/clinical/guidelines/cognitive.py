"""Cognitive screening: the Montreal Cognitive Assessment (MoCA) and the Mini-Mental State
Examination (MMSE), scored from item-level results, with their published cut-offs.

Neither is in :mod:`healthgym.clinical.scores`, so both are written here as pure
functions returning the library's :class:`ScoreResult`.
"""

from __future__ import annotations

from ..errors import CalculatorInputError
from ..scores import _validation as v
from ..scores.result import ScoreResult

_NASREDDINE_2005 = (
    "Nasreddine ZS, Phillips NA, Bedirian V, et al. The Montreal Cognitive Assessment, "
    "MoCA: a brief screening tool for mild cognitive impairment. J Am Geriatr Soc. "
    "2005;53(4):695-699; MoCA Version 7.1 Administration and Scoring Instructions."
)
_FOLSTEIN_1975 = (
    "Folstein MF, Folstein SE, McHugh PR. 'Mini-mental state': a practical method for "
    "grading the cognitive state of patients for the clinician. J Psychiatr Res. "
    "1975;12(3):189-198. Cut-point 23/24: Tombaugh TN, McIntyre NJ. J Am Geriatr Soc. "
    "1992;40(9):922-935. Severity bands: NICE TA217 (2011)."
)

# MoCA items: (name, maximum points) in form order
MOCA_ITEMS: tuple[tuple[str, int], ...] = (
    ("trail_making", 1),
    ("cube_copy", 1),
    ("clock_drawing", 3),  # contour, numbers, hands
    ("naming", 3),
    ("digit_span", 2),  # forward, backward
    ("letter_tapping_errors", 30),  # raw errors; 1 point if <= 1 error
    ("serial_sevens_correct", 5),  # raw correct subtractions; 0-5 -> 0-3 points
    ("sentence_repetition", 2),
    ("fluency_words", 60),  # raw words starting with F in 1 minute; 1 point if >= 11
    ("abstraction", 2),
    ("delayed_recall", 5),  # words recalled without cue
    ("orientation", 6),  # date, month, year, day, place, city
)


def serial_sevens_points(correct: int) -> int:
    """MoCA serial-7 points: 4-5 correct subtractions = 3, 2-3 = 2, 1 = 1, 0 = 0."""
    c = v.integer("serial_sevens_correct", correct, lo=0, hi=5)
    return 3 if c >= 4 else 2 if c >= 2 else c


def moca(*, education_years: int, **items: int) -> ScoreResult:
    """Montreal Cognitive Assessment, 0-30.

    Source: Nasreddine ZS, et al. J Am Geriatr Soc 2005;53:695-699, and the MoCA
    administration and scoring instructions.

    ``items`` are the item-level results named in :data:`MOCA_ITEMS`: points for trail
    making (0-1), cube copy (0-1), clock drawing (0-3: contour, numbers, hands), naming
    (0-3), digit span (0-2), sentence repetition (0-2), abstraction (0-2), delayed recall
    (0-5, uncued) and orientation (0-6); raw results for letter tapping (errors; 1 point
    if <= 1 error), serial sevens (correct subtractions 0-5; 4-5 = 3 points, 2-3 = 2, 1 =
    1, 0 = 0) and verbal fluency (F-words in one minute; 1 point if >= 11).

    One point is added for 12 years of education or fewer (total capped at 30).
    Interpretation (Nasreddine 2005): 26-30 normal; < 26 suggests cognitive impairment
    (sensitivity 90% for mild cognitive impairment, specificity 87%).
    """
    unknown = set(items) - {name for name, _ in MOCA_ITEMS}
    missing = {name for name, _ in MOCA_ITEMS} - set(items)
    if unknown or missing:
        raise CalculatorInputError(
            f"moca items: unknown {sorted(unknown)}, missing {sorted(missing)}"
        )
    raw = {name: v.integer(name, items[name], lo=0, hi=hi) for name, hi in MOCA_ITEMS}
    edu = v.integer("education_years", education_years, lo=0, hi=30)
    points = {
        "visuospatial_executive": raw["trail_making"] + raw["cube_copy"] + raw["clock_drawing"],
        "naming": raw["naming"],
        "attention": raw["digit_span"]
        + int(raw["letter_tapping_errors"] <= 1)
        + serial_sevens_points(raw["serial_sevens_correct"]),
        "language": raw["sentence_repetition"] + int(raw["fluency_words"] >= 11),
        "abstraction": raw["abstraction"],
        "delayed_recall": raw["delayed_recall"],
        "orientation": raw["orientation"],
    }
    subtotal = sum(points.values())
    bonus = 1 if edu <= 12 and subtotal < 30 else 0
    components = {k: float(x) for k, x in points.items()}
    components["education_point"] = float(bonus)
    total = float(subtotal + bonus)
    band = "normal range (26-30)" if total >= 26 else "below the normal range (< 26)"
    return ScoreResult(
        name="MoCA",
        value=total,
        components=components,
        interpretation=f"MoCA {total:g}/30: {band}",
        source=_NASREDDINE_2005,
    )


# MMSE items: (name, maximum points) in form order (Folstein 1975)
MMSE_ITEMS: tuple[tuple[str, int], ...] = (
    ("orientation_time", 5),
    ("orientation_place", 5),
    ("registration", 3),
    ("attention_calculation", 5),  # serial sevens (or WORLD backwards)
    ("recall", 3),
    ("naming", 2),
    ("repetition", 1),
    ("three_stage_command", 3),
    ("reading", 1),
    ("writing", 1),
    ("copying", 1),
)


def mmse(**items: int) -> ScoreResult:
    """Mini-Mental State Examination, 0-30.

    Source: Folstein MF, Folstein SE, McHugh PR. J Psychiatr Res 1975;12:189-198.

    ``items``: points for orientation to time (0-5) and place (0-5), registration of
    three words (0-3), attention and calculation (serial sevens, 0-5), recall (0-3),
    naming (0-2), repetition (0-1), three-stage command (0-3), reading (0-1), writing
    (0-1) and copying (0-1).

    Interpretation: <= 23 suggests cognitive impairment (cut-point 23/24, Tombaugh &
    McIntyre 1992); NICE TA217 grades Alzheimer's disease severity by MMSE as mild
    21-26, moderate 10-20 and severe < 10.
    """
    names = {name for name, _ in MMSE_ITEMS}
    if set(items) != names:
        raise CalculatorInputError(
            f"mmse items: unknown {sorted(set(items) - names)}, "
            f"missing {sorted(names - set(items))}"
        )
    components = {name: float(v.integer(name, items[name], lo=0, hi=hi)) for name, hi in MMSE_ITEMS}
    total = sum(components.values())
    if total >= 24:
        band = "24-30: no impairment by the 23/24 cut-point"
    elif total >= 21:
        band = "21-23: below the cut-point; mild range (NICE 21-26)"
    elif total >= 10:
        band = "10-20: moderate range"
    else:
        band = "below 10: severe range"
    return ScoreResult(
        name="MMSE",
        value=total,
        components=components,
        interpretation=f"MMSE {total:g}/30: {band}",
        source=_FOLSTEIN_1975,
    )
