"""Cross-cutting built-in passages: drug allergy classes, organ systems and
abnormal vital signs (reverse indexes over the disease profiles)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from healthgym.clinical.diseases import PROFILES
from healthgym.clinical.treatments import ALLERGY_CLASSES, TREATMENTS

from ..passages import Passage
from ._util import PROJECT_SOURCE, VITALS, join, label, num, passage
from .diseases import test_name, treatment_name

_ALLERGY_SOURCE = "AAAAI/ACAAI Drug Allergy Practice Parameter 2022 (Khan DA et al. JACI 2022)"

# (vital, direction, threshold, wording): a profile whose whole typical range lies
# beyond the threshold is listed under the heading
_VITAL_BANDS = (
    ("hr", "high", 100.0, "Tachycardia (heart rate above 100 /min)"),
    ("hr", "low", 60.0, "Bradycardia (heart rate below 60 /min)"),
    ("sbp", "low", 100.0, "Hypotension (systolic blood pressure below 100 mmHg)"),
    ("sbp", "high", 160.0, "Severe hypertension (systolic blood pressure above 160 mmHg)"),
    ("rr", "high", 20.0, "Tachypnoea (respiratory rate above 20 /min)"),
    ("temp_c", "high", 38.0, "Fever (temperature above 38 C)"),
    ("temp_c", "low", 36.0, "Hypothermia (temperature below 36 C)"),
    ("spo2", "low", 94.0, "Hypoxaemia (oxygen saturation below 94%)"),
)


def allergy_passages() -> Iterator[Passage]:
    """For each allergy recorded in a patient's chart: the treatments it rules out and
    the substitutes the disease profiles name for them."""
    for shown, cls in ALLERGY_CLASSES.items():
        unsafe = sorted(
            (t for t in TREATMENTS.values() if cls in t.allergy_classes), key=lambda t: t.name
        )
        if not unsafe:
            continue
        keys = {t.key for t in unsafe}
        subs: set[str] = set()
        for p in PROFILES.values():
            for k, alts in p.alternatives.items():
                if k in keys:
                    subs.update(
                        a
                        for a in alts
                        if a in TREATMENTS and cls not in TREATMENTS[a].allergy_classes
                    )
        lines = [
            f"A recorded {shown} allergy (drug class '{cls}') makes these treatments unsafe: "
            f"{join(t.name for t in unsafe)}."
        ]
        if subs:
            lines.append(
                "Substitutes without this class named in the disease profiles: "
                f"{join(sorted(treatment_name(s) for s in subs))}."
            )
        yield passage(
            f"allergy/{cls}",
            f"{shown} allergy: drugs to avoid and substitutes",
            lines,
            _ALLERGY_SOURCE,
            "allergy",
            allergy_class=cls,
        )


def system_passages() -> Iterator[Passage]:
    """One overview per organ system: its conditions with their key tests."""
    by_system: dict[str, list] = defaultdict(list)
    for p in sorted(PROFILES.values(), key=lambda p: p.name):
        by_system[p.system].append(p)
    for system, profiles in sorted(by_system.items()):
        lines = [f"Acute {label(system)} conditions covered, with the tests that confirm them:"]
        lines += [
            f"- {p.name} (ICD-10 {p.icd10}): {join(test_name(k) for k in p.key_tests)}"
            for p in profiles
        ]
        yield passage(
            f"system/{system}",
            f"{label(system).capitalize()} conditions: overview and key tests",
            lines,
            "; ".join(sorted({p.source for p in profiles})),
            "system",
            system=system,
        )


def vital_sign_passages() -> Iterator[Passage]:
    """Abnormal vital signs and the conditions whose typical range lies beyond them."""
    for key, direction, limit, heading in _VITAL_BANDS:
        name, unit = VITALS[key]
        rows = []
        for p in sorted(PROFILES.values(), key=lambda p: p.name):
            if key not in p.vitals:
                continue
            lo, hi = p.vitals[key]
            beyond = lo > limit if direction == "high" else hi < limit
            if beyond:
                rows.append(f"- {p.name}: {name} {num(lo)}-{num(hi)} {unit}")
        if rows:
            yield passage(
                f"vitals/{key}-{direction}",
                f"{heading}: conditions",
                [f"{heading}. Conditions whose typical {name} lies in this range:", *rows],
                PROJECT_SOURCE + "; disease sources as cited per condition",
                "vitals",
                vital=key,
                direction=direction,
            )
