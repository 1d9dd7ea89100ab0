"""Imaging decision rules for injuries: Ottawa ankle and foot rules, Canadian CT Head Rule."""

from __future__ import annotations

from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult

__all__ = ["canadian_ct_head_rule", "ottawa_ankle_rule", "ottawa_foot_rule"]

_STIELL_ANKLE = (
    "Stiell IG, Greenberg GH, McKnight RD, Nair RC, McDowell I, Worthington JR. A study to "
    "develop clinical decision rules for the use of radiography in acute ankle injuries. "
    "Ann Emerg Med. 1992;21(4):384-390; Stiell IG, Greenberg GH, McKnight RD, et al. "
    "Decision rules for the use of radiography in acute ankle injuries. Refinement and "
    "prospective validation. JAMA. 1993;269(9):1127-1132."
)
_STIELL_2001 = (
    "Stiell IG, Wells GA, Vandemheen K, et al. The Canadian CT Head Rule for patients with "
    "minor head injury. Lancet. 2001;357(9266):1391-1396."
)

_OTTAWA_NOTE = (
    "The rule applies to adults (>= 18 years in the original studies) with acute blunt "
    "ankle or foot injury; it was not derived for intoxicated patients, multiple painful injuries, "
    "head injury, or diminished sensation."
)


def _ottawa(name: str, zone: str, zone_pain: bool, findings: dict[str, bool]) -> ScoreResult:
    components = {f"{zone}_zone_pain": float(zone_pain)}
    components.update({k: float(x) for k, x in findings.items()})
    positive = [k.replace("_", " ") for k, x in findings.items() if x]
    indicated = zone_pain and bool(positive)
    series = "ankle" if zone == "malleolar" else "foot"
    if indicated:
        text = f"{series} X-ray series indicated: {zone} zone pain with " + ", ".join(positive)
    elif not zone_pain:
        text = f"{series} X-ray series not indicated by the rule: no {zone} zone pain"
    else:
        text = f"{series} X-ray series not indicated: {zone} zone pain but no rule criterion"
    return ScoreResult(
        name=name,
        value=float(indicated),
        components=components,
        interpretation=f"{name}: {text}. {_OTTAWA_NOTE}",
        source=_STIELL_ANKLE,
    )


def ottawa_ankle_rule(
    *,
    malleolar_zone_pain: bool,
    lateral_malleolus_tenderness: bool,
    medial_malleolus_tenderness: bool,
    unable_to_bear_weight: bool,
) -> ScoreResult:
    """Ottawa ankle rule: is an ankle X-ray series needed? (value 1 yes, 0 no)

    Sources: Stiell IG, Greenberg GH, McKnight RD, et al. Ann Emerg Med 1992;21:384-390;
    refined and validated in JAMA 1993;269:1127-1132.

    An ankle X-ray series is required only if there is pain in the malleolar zone and any
    of:

    * Bone tenderness at the posterior edge or tip of the lateral malleolus (distal 6 cm).
    * Bone tenderness at the posterior edge or tip of the medial malleolus (distal 6 cm).
    * Inability to bear weight (four steps) both immediately after the injury and in the
      emergency department.

    ``components`` flags each finding (not additive).

    Interpretation: 1: X-ray indicated; 0: X-ray not needed (sensitivity for fracture
    close to 100% in the validation studies). Applies to adults with acute blunt ankle
    injury.
    """
    findings = {
        "lateral_malleolus_tenderness": v.flag(
            "lateral_malleolus_tenderness", lateral_malleolus_tenderness
        ),
        "medial_malleolus_tenderness": v.flag(
            "medial_malleolus_tenderness", medial_malleolus_tenderness
        ),
        "unable_to_bear_weight": v.flag("unable_to_bear_weight", unable_to_bear_weight),
    }
    pain = v.flag("malleolar_zone_pain", malleolar_zone_pain)
    return _ottawa("Ottawa ankle rule", "malleolar", pain, findings)


def ottawa_foot_rule(
    *,
    midfoot_zone_pain: bool,
    fifth_metatarsal_base_tenderness: bool,
    navicular_tenderness: bool,
    unable_to_bear_weight: bool,
) -> ScoreResult:
    """Ottawa foot rule: is a foot X-ray series needed? (value 1 yes, 0 no)

    Sources: Stiell IG, Greenberg GH, McKnight RD, et al. Ann Emerg Med 1992;21:384-390;
    refined and validated in JAMA 1993;269:1127-1132.

    A foot X-ray series is required only if there is pain in the midfoot zone and any of:

    * Bone tenderness at the base of the fifth metatarsal.
    * Bone tenderness at the navicular.
    * Inability to bear weight (four steps) both immediately after the injury and in the
      emergency department.

    ``components`` flags each finding (not additive).

    Interpretation: 1: X-ray indicated; 0: X-ray not needed. Applies to adults with acute
    blunt foot injury.
    """
    findings = {
        "fifth_metatarsal_base_tenderness": v.flag(
            "fifth_metatarsal_base_tenderness", fifth_metatarsal_base_tenderness
        ),
        "navicular_tenderness": v.flag("navicular_tenderness", navicular_tenderness),
        "unable_to_bear_weight": v.flag("unable_to_bear_weight", unable_to_bear_weight),
    }
    pain = v.flag("midfoot_zone_pain", midfoot_zone_pain)
    return _ottawa("Ottawa foot rule", "midfoot", pain, findings)


def canadian_ct_head_rule(
    *,
    age: float,
    gcs_initial: int,
    gcs_at_2h: int,
    loss_of_consciousness_amnesia_or_disorientation: bool,
    suspected_open_or_depressed_skull_fracture: bool,
    basal_skull_fracture_signs: bool,
    vomiting_episodes: int,
    amnesia_before_impact_30min: bool,
    dangerous_mechanism: bool,
    anticoagulation_or_bleeding_disorder: bool,
    seizure_after_injury: bool,
    acute_focal_neurological_deficit: bool,
    obvious_open_or_depressed_skull_fracture: bool,
    unstable_vital_signs: bool,
    other_exclusion: bool,
) -> ScoreResult:
    """Canadian CT Head Rule for minor head injury.

    Source: Stiell IG, Wells GA, Vandemheen K, et al. Lancet 2001;357:1391-1396.

    Applies to patients with minor head injury: witnessed loss of consciousness, definite
    amnesia or witnessed disorientation, with an initial GCS of 13-15. The rule does not
    apply (value -1) when any exclusion is present: age < 16; no loss of consciousness,
    amnesia or disorientation (minimal head injury); initial GCS < 13; anticoagulation or
    bleeding disorder; seizure after the injury; acute focal neurological deficit;
    obvious open or depressed skull fracture; unstable vital signs with major trauma; or
    ``other_exclusion`` (no clear history of trauma as the primary event, returning for
    reassessment of the same injury, pregnancy).

    High-risk factors (for neurosurgical intervention):

    * GCS < 15 at 2 hours after injury (``gcs_at_2h``).
    * Suspected open or depressed skull fracture.
    * Any sign of basal skull fracture (haemotympanum, 'raccoon' eyes, CSF otorrhoea or
      rhinorrhoea, Battle's sign).
    * Vomiting >= 2 episodes.
    * Age >= 65 years.

    Medium-risk factors (for brain injury on CT):

    * Amnesia before impact >= 30 minutes.
    * Dangerous mechanism (pedestrian struck by a motor vehicle, occupant ejected from a
      motor vehicle, fall from > 3 feet or > 5 stairs).

    Value: 2 high risk, 1 medium risk, 0 low risk, -1 rule not applicable. ``components``
    flags each factor (not additive).

    Interpretation: any high- or medium-risk factor: CT head indicated (high risk: 100%
    sensitivity for need of neurosurgical intervention in the derivation study; high and
    medium together: 98.4% sensitivity for clinically important brain injury). No factor:
    CT not required by the rule. Rule not applicable: decide on clinical grounds (most
    exclusions, e.g. anticoagulation, warrant CT).
    """
    age = v.number("age", age, lo=v.AGE[0], hi=v.AGE[1])
    gcs0 = v.integer("gcs_initial", gcs_initial, lo=3, hi=15)
    gcs2 = v.integer("gcs_at_2h", gcs_at_2h, lo=3, hi=15)
    vomits = v.integer("vomiting_episodes", vomiting_episodes, lo=0, hi=100)
    minor_injury = v.flag(
        "loss_of_consciousness_amnesia_or_disorientation",
        loss_of_consciousness_amnesia_or_disorientation,
    )
    exclusions = {
        "age_under_16": age < 16,
        "minimal_head_injury": not minor_injury,
        "initial_gcs_below_13": gcs0 < 13,
        "anticoagulation_or_bleeding_disorder": v.flag(
            "anticoagulation_or_bleeding_disorder", anticoagulation_or_bleeding_disorder
        ),
        "seizure_after_injury": v.flag("seizure_after_injury", seizure_after_injury),
        "acute_focal_neurological_deficit": v.flag(
            "acute_focal_neurological_deficit", acute_focal_neurological_deficit
        ),
        "obvious_open_or_depressed_skull_fracture": v.flag(
            "obvious_open_or_depressed_skull_fracture", obvious_open_or_depressed_skull_fracture
        ),
        "unstable_vital_signs": v.flag("unstable_vital_signs", unstable_vital_signs),
        "other_exclusion": v.flag("other_exclusion", other_exclusion),
    }
    high = {
        "gcs_below_15_at_2h": gcs2 < 15,
        "suspected_open_or_depressed_skull_fracture": v.flag(
            "suspected_open_or_depressed_skull_fracture",
            suspected_open_or_depressed_skull_fracture,
        ),
        "basal_skull_fracture_signs": v.flag(
            "basal_skull_fracture_signs", basal_skull_fracture_signs
        ),
        "vomiting_2_or_more": vomits >= 2,
        "age_65_or_over": age >= 65,
    }
    medium = {
        "amnesia_before_impact_30min": v.flag(
            "amnesia_before_impact_30min", amnesia_before_impact_30min
        ),
        "dangerous_mechanism": v.flag("dangerous_mechanism", dangerous_mechanism),
    }
    components = {k: float(x) for k, x in {**high, **medium, **exclusions}.items()}

    def listed(flags: dict[str, bool]) -> str:
        return ", ".join(k.replace("_", " ") for k, x in flags.items() if x)

    if any(exclusions.values()):
        value = -1.0
        text = f"rule not applicable (exclusion: {listed(exclusions)}); decide on clinical grounds"
    elif any(high.values()):
        value = 2.0
        text = f"high risk ({listed(high)}); CT head indicated"
    elif any(medium.values()):
        value = 1.0
        text = f"medium risk ({listed(medium)}); CT head indicated"
    else:
        value = 0.0
        text = "low risk (no high- or medium-risk factor); CT head not required by the rule"
    return ScoreResult(
        name="Canadian CT Head Rule",
        value=value,
        components=components,
        interpretation=f"Canadian CT Head Rule: {text}",
        source=_STIELL_2001,
    )
