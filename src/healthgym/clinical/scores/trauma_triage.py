"""Trauma and mass-casualty triage: Revised Trauma Score, START and JumpSTART."""

from __future__ import annotations

from typing import Literal

from healthgym.clinical.errors import CalculatorInputError
from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult

__all__ = [
    "jumpstart_triage",
    "revised_trauma_score",
    "start_triage",
    "triage_revised_trauma_score",
]

_CHAMPION_1989 = (
    "Champion HR, Sacco WJ, Copes WS, Gann DS, Gennarelli TA, Flanagan ME. A revision of "
    "the Trauma Score. J Trauma. 1989;29(5):623-629."
)
_START = (
    "Simple Triage and Rapid Treatment (START), Newport Beach Fire Department and Hoag "
    "Hospital, 1983; Super G. START: a triage training module. Newport Beach, CA: Hoag "
    "Memorial Hospital Presbyterian; 1984; Benson M, Koenig KL, Schultz CH. Disaster "
    "triage: START, then SAVE - a new method of dynamic triage for victims of a "
    "catastrophic earthquake. Prehosp Disaster Med. 1996;11(2):117-124."
)
_ROMIG_2002 = (
    "Romig LE. Pediatric triage. A system to JumpSTART your triage of young patients at "
    "MCIs. JEMS. 2002;27(7):52-58, 60-63."
)

RTS_WEIGHTS = {"gcs": 0.9368, "sbp": 0.7326, "respiratory_rate": 0.2908}

# Mass-casualty categories as values: 1 immediate (red), 2 delayed (yellow), 3 minor
# (green), 4 deceased / expectant (black).
_CATEGORIES = {
    1: "IMMEDIATE (red)",
    2: "DELAYED (yellow)",
    3: "MINOR (green)",
    4: "DECEASED / EXPECTANT (black)",
}


def _coded(gcs: int, sbp: float, rr: float) -> dict[str, float]:
    if gcs >= 13:
        gcs_c = 4
    elif gcs >= 9:
        gcs_c = 3
    elif gcs >= 6:
        gcs_c = 2
    else:
        gcs_c = 1 if gcs >= 4 else 0
    if sbp > 89:
        sbp_c = 4
    elif sbp > 75:
        sbp_c = 3
    elif sbp > 49:
        sbp_c = 2
    else:
        sbp_c = 1 if sbp > 0 else 0
    if rr > 29:
        rr_c = 3
    elif rr >= 10:
        rr_c = 4
    elif rr >= 6:
        rr_c = 2
    else:
        rr_c = 1 if rr > 0 else 0
    return {"gcs": float(gcs_c), "sbp": float(sbp_c), "respiratory_rate": float(rr_c)}


def _rts_inputs(gcs: int, sbp: float, respiratory_rate: float) -> dict[str, float]:
    g = v.integer("gcs", gcs, lo=3, hi=15)
    s = v.number("sbp", sbp, lo=v.SBP[0], hi=v.SBP[1])
    r = v.number(
        "respiratory_rate", respiratory_rate, lo=v.RESPIRATORY_RATE[0], hi=v.RESPIRATORY_RATE[1]
    )
    return _coded(g, s, r)


def revised_trauma_score(*, gcs: int, sbp: float, respiratory_rate: float) -> ScoreResult:
    """Revised Trauma Score (RTS), weighted version for outcome prediction (0-7.8408).

    Source: Champion HR, Sacco WJ, Copes WS, et al. J Trauma 1989;29:623-629.

    RTS = 0.9368 x GCS code + 0.7326 x SBP code + 0.2908 x respiratory-rate code, rounded
    to 4 decimals. ``components`` holds each weighted term (they sum to the value).
    Coded values (0-4):

    * GCS: 13-15 4; 9-12 3; 6-8 2; 4-5 1; 3 0.
    * Systolic BP (mmHg): > 89 4; 76-89 3; 50-75 2; 1-49 1; 0 0.
    * Respiratory rate (/min): 10-29 4; > 29 3; 6-9 2; 1-5 1; 0 0.

    Non-integer SBP and respiratory rate fall in the band of the integer range they
    exceed (SBP 89.5 codes 4, 75.5 codes 3; respiratory rate 9.5 codes 2).
    Interpretation: higher is better (7.8408 = all physiology normal); the probability of
    survival falls steeply as the RTS falls, and the RTS is the physiological component of
    TRISS. For field triage use the unweighted T-RTS (:func:`triage_revised_trauma_score`).
    """
    coded = _rts_inputs(gcs, sbp, respiratory_rate)
    components = {k: round(RTS_WEIGHTS[k] * c, 4) for k, c in coded.items()}
    value = round(sum(components.values()), 4)
    t_rts = sum(coded.values())
    steps = (
        *(f"{k} coded {c:g} x {RTS_WEIGHTS[k]} = {components[k]:g}" for k, c in coded.items()),
        f"RTS = {value:g} (T-RTS, unweighted sum of codes = {t_rts:g})",
    )
    if value == 7.8408:
        band = "all physiological variables in the normal coded range"
    else:
        band = "abnormal physiology; survival probability falls as the RTS falls"
    return ScoreResult(
        name="Revised Trauma Score",
        value=value,
        components=components,
        interpretation=f"RTS {value:g} (of 7.8408): {band}; T-RTS {t_rts:g}",
        source=_CHAMPION_1989,
        steps=steps,
    )


def triage_revised_trauma_score(*, gcs: int, sbp: float, respiratory_rate: float) -> ScoreResult:
    """Triage Revised Trauma Score (T-RTS), the unweighted sum of the coded values (0-12).

    Source: Champion HR, Sacco WJ, Copes WS, et al. J Trauma 1989;29:623-629.
    Coded values (0-4):

    * GCS: 13-15 4; 9-12 3; 6-8 2; 4-5 1; 3 0.
    * Systolic BP (mmHg): > 89 4; 76-89 3; 50-75 2; 1-49 1; 0 0.
    * Respiratory rate (/min): 10-29 4; > 29 3; 6-9 2; 1-5 1; 0 0.

    Non-integer SBP and respiratory rate fall in the band of the integer range they
    exceed (SBP 89.5 codes 4, 75.5 codes 3; respiratory rate 9.5 codes 2).
    Interpretation: 12 = all variables normal. T-RTS <= 11 (any coded value below 4) was
    proposed as the threshold for triage to a trauma centre.
    """
    components = _rts_inputs(gcs, sbp, respiratory_rate)
    total = sum(components.values())
    if total <= 11:
        band = "<= 11: abnormal physiology; triage to a trauma centre"
    else:
        band = "12: normal physiology by T-RTS"
    return ScoreResult(
        name="Triage Revised Trauma Score",
        value=total,
        components=components,
        interpretation=f"T-RTS {total:g}: {band}",
        source=_CHAMPION_1989,
    )


def _triage_result(
    name: str, category: int, path: list[str], flags: dict[str, float], src: str
) -> ScoreResult:
    return ScoreResult(
        name=name,
        value=float(category),
        components=flags,
        interpretation=f"{name}: {_CATEGORIES[category]} - {path[-1]}",
        source=src,
        steps=(*path, f"category = {_CATEGORIES[category]}"),
    )


def start_triage(
    *,
    can_walk: bool,
    respiratory_rate: float,
    breathes_after_airway_repositioning: bool | None,
    radial_pulse_present: bool,
    capillary_refill_s: float | None,
    obeys_commands: bool,
) -> ScoreResult:
    """START adult mass-casualty triage category.

    Source: START (Newport Beach Fire Department / Hoag Hospital, 1983; Super G, 1984);
    Benson M, Koenig KL, Schultz CH. Prehosp Disaster Med 1996;11:117-124.

    Steps, stopping at the first that assigns a category:

    1. Walking: MINOR (green).
    2. Not breathing (``respiratory_rate`` 0): reposition the airway; breathes then ->
       IMMEDIATE (red), still apnoeic -> DECEASED / EXPECTANT (black).
       ``breathes_after_airway_repositioning`` is required only in this case.
    3. Respiratory rate > 30 /min: IMMEDIATE.
    4. Perfusion: radial pulse absent or capillary refill > 2 s: IMMEDIATE
       (``capillary_refill_s`` may be ``None`` when not assessed, e.g. in the dark or cold).
    5. Mental status: cannot follow simple commands: IMMEDIATE.
    6. Otherwise DELAYED (yellow).

    The value codes the category: 1 immediate, 2 delayed, 3 minor, 4 deceased/expectant.
    ``components`` flags each finding (not additive).

    Interpretation: red = life-threatening but salvageable, treat/evacuate first; yellow
    = serious, care can be delayed; green = walking wounded; black = dead or not
    expected to survive with available resources.
    """
    walk = v.flag("can_walk", can_walk)
    rr = v.number(
        "respiratory_rate", respiratory_rate, lo=v.RESPIRATORY_RATE[0], hi=v.RESPIRATORY_RATE[1]
    )
    pulse = v.flag("radial_pulse_present", radial_pulse_present)
    crt = None
    if capillary_refill_s is not None:
        crt = v.number("capillary_refill_s", capillary_refill_s, lo=0.0, hi=60.0)
    obeys = v.flag("obeys_commands", obeys_commands)
    apnoeic = rr == 0
    flags = {
        "can_walk": float(walk),
        "apnoeic": float(apnoeic),
        "respiratory_rate_over_30": float(rr > 30),
        "poor_perfusion": float(not pulse or (crt is not None and crt > 2)),
        "not_obeying_commands": float(not obeys),
    }
    name = "START triage"
    if walk:
        return _triage_result(name, 3, ["able to walk"], flags, _START)
    if apnoeic:
        if breathes_after_airway_repositioning is None:
            raise CalculatorInputError(
                "breathes_after_airway_repositioning is required when respiratory_rate is 0"
            )
        if v.flag("breathes_after_airway_repositioning", breathes_after_airway_repositioning):
            return _triage_result(
                name, 1, ["not breathing", "breathes after airway repositioning"], flags, _START
            )
        return _triage_result(
            name, 4, ["not breathing", "no breathing after airway repositioning"], flags, _START
        )
    path = ["not walking", f"breathing, respiratory rate {rr:g}"]
    if rr > 30:
        return _triage_result(name, 1, [*path, "respiratory rate > 30"], flags, _START)
    path.append("respiratory rate <= 30")
    if flags["poor_perfusion"]:
        why = "radial pulse absent" if not pulse else f"capillary refill {crt:g} s > 2 s"
        return _triage_result(name, 1, [*path, why], flags, _START)
    path.append("perfusion adequate")
    if not obeys:
        return _triage_result(name, 1, [*path, "cannot follow simple commands"], flags, _START)
    return _triage_result(name, 2, [*path, "follows simple commands"], flags, _START)


_AVPU = ("A", "V", "P_appropriate", "P_inappropriate", "U")


def jumpstart_triage(
    *,
    can_walk: bool,
    respiratory_rate: float,
    breathes_after_airway_positioning: bool | None,
    peripheral_pulse_present: bool,
    breathes_after_rescue_breaths: bool | None,
    avpu: Literal["A", "V", "P_appropriate", "P_inappropriate", "U"],
) -> ScoreResult:
    """JumpSTART paediatric mass-casualty triage category (children about 1-8 years).

    Source: Romig LE. JEMS 2002;27(7):52-63.

    Steps, stopping at the first that assigns a category:

    1. Walking: MINOR (green) (secondary triage later).
    2. Not breathing (``respiratory_rate`` 0): position the upper airway; breathes ->
       IMMEDIATE. Still apnoeic: no palpable peripheral pulse -> DECEASED / EXPECTANT;
       pulse present -> give 5 rescue breaths: breathes -> IMMEDIATE, otherwise
       DECEASED / EXPECTANT. ``breathes_after_airway_positioning`` and (when the pulse is
       present) ``breathes_after_rescue_breaths`` are required only on this path.
    3. Respiratory rate < 15 or > 45 /min: IMMEDIATE.
    4. No palpable peripheral pulse: IMMEDIATE.
    5. AVPU: "P" with inappropriate response (posturing, no localising) or "U": IMMEDIATE;
       "A", "V" or "P" with appropriate response (localises pain): DELAYED (yellow).

    The value codes the category: 1 immediate, 2 delayed, 3 minor, 4 deceased/expectant.
    ``components`` flags each finding (not additive).

    Interpretation: as for START - red first, then yellow; green walking wounded; black
    dead or expectant.
    """
    walk = v.flag("can_walk", can_walk)
    rr = v.number(
        "respiratory_rate", respiratory_rate, lo=v.RESPIRATORY_RATE[0], hi=v.RESPIRATORY_RATE[1]
    )
    pulse = v.flag("peripheral_pulse_present", peripheral_pulse_present)
    avpu = v.choice("avpu", avpu, _AVPU)
    apnoeic = rr == 0
    flags = {
        "can_walk": float(walk),
        "apnoeic": float(apnoeic),
        "respiratory_rate_abnormal": float(not apnoeic and (rr < 15 or rr > 45)),
        "no_peripheral_pulse": float(not pulse),
        "avpu_p_inappropriate_or_u": float(avpu in ("P_inappropriate", "U")),
    }
    name = "JumpSTART triage"
    if walk:
        return _triage_result(name, 3, ["able to walk"], flags, _ROMIG_2002)
    if apnoeic:
        if breathes_after_airway_positioning is None:
            raise CalculatorInputError(
                "breathes_after_airway_positioning is required when respiratory_rate is 0"
            )
        path = ["not breathing"]
        if v.flag("breathes_after_airway_positioning", breathes_after_airway_positioning):
            return _triage_result(
                name, 1, [*path, "breathes after airway positioning"], flags, _ROMIG_2002
            )
        path.append("no breathing after airway positioning")
        if not pulse:
            return _triage_result(name, 4, [*path, "no palpable pulse"], flags, _ROMIG_2002)
        if breathes_after_rescue_breaths is None:
            raise CalculatorInputError(
                "breathes_after_rescue_breaths is required when the child is apnoeic with a "
                "palpable pulse"
            )
        path.append("palpable pulse: 5 rescue breaths")
        if v.flag("breathes_after_rescue_breaths", breathes_after_rescue_breaths):
            return _triage_result(
                name, 1, [*path, "breathes after rescue breaths"], flags, _ROMIG_2002
            )
        return _triage_result(
            name, 4, [*path, "no breathing after rescue breaths"], flags, _ROMIG_2002
        )
    path = ["not walking", f"breathing, respiratory rate {rr:g}"]
    if rr < 15 or rr > 45:
        return _triage_result(name, 1, [*path, "respiratory rate < 15 or > 45"], flags, _ROMIG_2002)
    path.append("respiratory rate 15-45")
    if not pulse:
        return _triage_result(name, 1, [*path, "no palpable peripheral pulse"], flags, _ROMIG_2002)
    path.append("palpable peripheral pulse")
    if avpu in ("P_inappropriate", "U"):
        return _triage_result(
            name, 1, [*path, f"AVPU {avpu}: inappropriate response"], flags, _ROMIG_2002
        )
    return _triage_result(
        name, 2, [*path, f"AVPU {avpu}: appropriate response"], flags, _ROMIG_2002
    )
