"""What the score tools of clinical_diagnosis need to have been shown (see
:mod:`healthgym.tools.elicit`).

The needs are derived from the findings each score reads (:func:`needs_for`): a
symptom is shown by the history of the presenting illness, a sign by the examination
of its body system, a past event or chronic condition by the past medical history,
smoking and alcohol by the social history; vital signs, the ECG and each laboratory
result (by its panel or the single test) are needs of their own.
"""

from __future__ import annotations

from collections.abc import Iterable

from ...clinical.features import FEATURES
from ...clinical.labs import LAB_TESTS
from ...tools.elicit import Need
from ...tools.library.encounter import ECG, HPI, PMH, SOCIAL, VITALS, exam_key, lab_key, panel_key

# features shown by the social history rather than the past medical history
SOCIAL_FEATURES = frozenset({"current_smoker", "alcohol_excess"})

VITALS_NEED = Need("the vital signs", (VITALS,))
HPI_NEED = Need("the history of the presenting illness", (HPI,))
PMH_NEED = Need("the past medical history", (PMH,))
SOCIAL_NEED = Need("the social history", (SOCIAL,))
ECG_NEED = Need("the ECG", (ECG,))


def exam_need(system: str) -> Need:
    """The examination of one body system (``examine`` with that system)."""
    return Need(f"the {system} examination", (exam_key(system),))


def lab_need(test: str) -> Need:
    """One laboratory result, shown by its panel or by the single test."""
    panel = LAB_TESTS[test].panel
    return Need(
        f"the {LAB_TESTS[test].name.lower()} result (panel '{panel}' or test '{test}')",
        (panel_key(panel), lab_key(test)),
    )


def feature_need(feature: str) -> Need | None:
    """The observation that shows whether ``feature`` is present (None if unknown)."""
    spec = FEATURES.get(feature)
    if spec is None:
        return None
    if feature in SOCIAL_FEATURES:
        return SOCIAL_NEED
    if spec.kind == "symptom":
        return HPI_NEED
    if spec.kind == "sign":
        return exam_need(spec.system)
    return PMH_NEED


def needs_for(
    features: Iterable[str] = (),
    *,
    vitals: bool = False,
    comorbidities: bool = False,
    labs: Iterable[str] = (),
    ecg: bool = False,
) -> tuple[Need, ...]:
    """Everything a score reads, as needs (each once, in a stable order)."""
    out: list[Need] = []

    def add(need: Need | None) -> None:
        if need is not None and need not in out:
            out.append(need)

    if vitals:
        add(VITALS_NEED)
    for f in features:
        add(feature_need(f))
    if comorbidities:
        add(PMH_NEED)
    if ecg:
        add(ECG_NEED)
    for test in labs:
        add(lab_need(test))
    return tuple(out)
