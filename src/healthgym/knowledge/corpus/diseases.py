"""Built-in passages about diseases: one per aspect of each disease profile, one per
first-line treatment of each disease, and differential-diagnosis comparisons."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from healthgym.clinical.diseases import PROFILES, DiseaseProfile
from healthgym.clinical.features import FEATURES
from healthgym.clinical.imaging import IMAGING
from healthgym.clinical.labs import LAB_TESTS
from healthgym.clinical.registry import core_scores
from healthgym.clinical.treatments import TREATMENTS
from healthgym.patients.comorbidities import COMORBIDITIES

from ..passages import Passage
from ._util import VITALS, by_probability, doc_sections, join, label, num, passage, pct, sentence


def treatment_name(key: str) -> str:
    t = TREATMENTS.get(key)
    return t.name if t else label(key)


def test_name(key: str) -> str:
    if key == "ecg":
        return "12-lead ECG"
    if key in LAB_TESTS:
        return LAB_TESTS[key].name
    if key in IMAGING:
        return IMAGING[key].name
    return label(key)


def feature_phrase(key: str, p: float) -> str:
    f = FEATURES.get(key)
    desc = f" - {f.present}" if f and f.present else ""
    return f"- {label(key)} ({pct(p)} of patients){desc}"


def lab_result(key: str, value: tuple[float, float] | str) -> str:
    t = LAB_TESTS.get(key)
    if t is None:
        return f"{label(key)}: {value}"
    if isinstance(value, str):
        normal = f" (normal: {t.normal_text})" if t.normal_text else ""
        return f"{t.name}: {value}{normal}"
    lo, hi = value
    unit = f" {t.unit}" if t.unit else ""
    flag = ""
    if t.low is not None and t.high is not None:
        if lo > t.high:
            flag = "raised, "
        elif hi < t.low:
            flag = "low, "
        elif lo < t.low or hi > t.high:
            flag = "often abnormal, "
        ref = f"{flag}reference {num(t.low)}-{num(t.high)}{unit}"
    else:
        ref = flag.rstrip(", ")
    return f"{t.name} {num(lo)}-{num(hi)}{unit} ({ref})"


def key_test_result(p: DiseaseProfile, key: str) -> str:
    if key == "ecg":
        return f"12-lead ECG: {p.ecg or 'normal'}"
    if key in p.labs:
        return lab_result(key, p.labs[key])
    if key in p.imaging:
        return f"{test_name(key)}: {p.imaging[key]}"
    return test_name(key)


def score_summary(name: str) -> str:
    fn = core_scores().get(name)
    return doc_sections(fn)["summary"] if fn else label(name)


def _header(p: DiseaseProfile) -> str:
    syn = f" Also known as: {', '.join(p.synonyms)}." if p.synonyms else ""
    return f"{p.name} (ICD-10 {p.icd10}; {p.system} system).{syn}"


def disease_passages(p: DiseaseProfile) -> Iterator[Passage]:
    base = f"disease/{p.key}"
    meta = {"disease": p.key, "system": p.system}
    common = [label(k) for k, v in by_probability({**p.symptoms, **p.signs}) if v >= 0.5]
    female = pct(p.female_fraction)
    yield passage(
        f"{base}/overview",
        f"{p.name}: overview",
        [
            _header(p),
            f"Typical age at presentation {p.age[0]}-{p.age[1]} years; about {female} of "
            "patients are female.",
            f"Usual presenting features: {join(common)}." if common else "",
            f"Key tests: {join(test_name(k) for k in p.key_tests)}.",
            f"First-line management: {join(treatment_name(k) for k in p.first_line)}.",
        ],
        p.source,
        "disease",
        aspect="overview",
        **meta,
    )
    if p.symptoms:
        yield passage(
            f"{base}/symptoms",
            f"{p.name}: symptoms",
            [f"Symptoms reported by patients with {p.name}:"]
            + [feature_phrase(k, v) for k, v in by_probability(p.symptoms) if v > 0],
            p.source,
            "disease",
            aspect="symptoms",
            **meta,
        )
    if p.history or p.comorbidities:
        lines = [f"History and risk factors in {p.name}:"]
        lines += [feature_phrase(k, v) for k, v in by_probability(p.history) if v > 0]
        for k, v in by_probability(p.comorbidities):
            c = COMORBIDITIES.get(k)
            if v > 0:
                lines.append(f"- {c.name if c else label(k)} ({pct(v)} of patients)")
        yield passage(
            f"{base}/history",
            f"{p.name}: history and risk factors",
            lines,
            p.source,
            "disease",
            aspect="history",
            **meta,
        )
    findings = [feature_phrase(k, v) for k, v in by_probability(p.signs) if v > 0]
    for system, texts in p.exam.items():
        findings += [f"- {label(system)} examination: {f}" for f in texts]
    exam = [f"Examination findings in {p.name}:", *findings] if findings else []
    vitals = [
        f"{VITALS[k][0]} {num(lo)}-{num(hi)} {VITALS[k][1]}"
        for k, (lo, hi) in p.vitals.items()
        if k in VITALS
    ]
    if vitals:
        exam.append(f"Typical vital signs in {p.name}: {join(vitals)}.")
    if exam:
        yield passage(
            f"{base}/examination",
            f"{p.name}: examination and vital signs",
            exam,
            p.source,
            "disease",
            aspect="examination",
            **meta,
        )
    if p.labs:
        yield passage(
            f"{base}/laboratory",
            f"{p.name}: laboratory findings",
            [f"Typical laboratory results in {p.name}:"]
            + [f"- {lab_result(k, v)}" for k, v in p.labs.items()],
            p.source,
            "disease",
            aspect="laboratory",
            **meta,
        )
    if p.imaging or p.ecg:
        lines = [f"Imaging and ECG findings in {p.name}:"]
        lines += [f"- {test_name(k)}: {report}" for k, report in p.imaging.items()]
        if p.ecg:
            lines.append(f"- 12-lead ECG: {p.ecg}")
        yield passage(
            f"{base}/imaging",
            f"{p.name}: imaging and ECG",
            lines,
            p.source,
            "disease",
            aspect="imaging",
            **meta,
        )
    diag = [
        f"How {p.name} is diagnosed. The diagnosis is established by "
        f"{join(test_name(k) for k in p.key_tests)}:"
    ]
    diag += [f"- {key_test_result(p, k)}" for k in p.key_tests]
    if p.scores:
        diag.append("Relevant clinical scores:")
        diag += [f"- {score_summary(s)}" for s in p.scores]
    yield passage(
        f"{base}/diagnosis",
        f"{p.name}: diagnosis and key tests",
        diag,
        p.source,
        "disease",
        aspect="diagnosis",
        **meta,
    )
    mgmt = [f"First-line management of {p.name}:"]
    for k in p.first_line:
        alts = p.alternatives.get(k, ())
        alt = f"; if it cannot be given: {join((treatment_name(a) for a in alts), 'or')}"
        mgmt.append(f"- {treatment_name(k)}{alt if alts else ''}")
    yield passage(
        f"{base}/management",
        f"{p.name}: management",
        mgmt,
        p.source,
        "disease",
        aspect="management",
        **meta,
    )
    if p.contraindicated:
        yield passage(
            f"{base}/contraindications",
            f"{p.name}: treatments to avoid",
            [f"Treatments contraindicated in {p.name}:"]
            + [f"- {treatment_name(k)}: {sentence(r)}" for k, r in p.contraindicated.items()],
            p.source,
            "disease",
            aspect="contraindications",
            **meta,
        )
    yield from _treatment_in_disease(p)


def _treatment_in_disease(p: DiseaseProfile) -> Iterator[Passage]:
    for k in p.first_line:
        t = TREATMENTS.get(k)
        name = treatment_name(k)
        lines = [f"{name} is part of the first-line management of {p.name} ({p.icd10})."]
        others = [treatment_name(o) for o in p.first_line if o != k]
        if others:
            lines.append(f"It is given together with {join(others)}.")
        alts = p.alternatives.get(k, ())
        if alts:
            lines.append(
                f"If {name} cannot be given (allergy or contraindication), acceptable "
                f"substitutes are {join((treatment_name(a) for a in alts), 'or')}."
            )
        if t and t.allergy_classes:
            lines.append(f"Unsafe with an allergy to: {join(t.allergy_classes, 'or')}.")
        if t and t.contraindicated_in:
            for c, why in t.contraindicated_in.items():
                cname = COMORBIDITIES[c].name if c in COMORBIDITIES else label(c)
                lines.append(f"Caution - {cname}: {sentence(why)}")
        source = p.source + (f"; {t.source}" if t and t.source else "")
        yield passage(
            f"disease/{p.key}/treatment/{k}",
            f"{name} for {p.name}",
            lines,
            source,
            "disease_treatment",
            disease=p.key,
            treatment=k,
        )


def _salient(p: DiseaseProfile) -> dict[str, float]:
    return {k: v for d in (p.symptoms, p.signs, p.history) for k, v in d.items()}


def differential_passages() -> Iterator[Passage]:
    """Pairs of diseases that share presenting features: what tells them apart."""
    profiles = sorted(PROFILES.values(), key=lambda p: p.key)
    for a, b in itertools.combinations(profiles, 2):
        fa, fb = _salient(a), _salient(b)
        shared = sorted(k for k in fa.keys() & fb.keys() if fa[k] >= 0.3 and fb[k] >= 0.3)
        if len(shared) < 3 and not (a.system == b.system and len(shared) >= 2):
            continue
        lines = [f"{a.name} and {b.name} can both present with {join(map(label, shared))}."]
        for x, fx, fy in ((a, fa, fb), (b, fb, fa)):
            favour = [label(k) for k, v in by_probability(fx) if v >= 0.4 and fy.get(k, 0) < 0.15]
            if favour:
                lines.append(f"Favouring {x.name}: {join(favour[:8])}.")
        for x in (a, b):
            results = "; ".join(key_test_result(x, k) for k in x.key_tests)
            lines.append(f"{x.name} is confirmed by {results}")
        yield passage(
            f"differential/{a.key}/{b.key}",
            f"{a.name} versus {b.name}: differential diagnosis",
            lines,
            f"{a.source}; {b.source}",
            "differential",
            diseases=[a.key, b.key],
        )


def all_disease_passages() -> Iterator[Passage]:
    for p in sorted(PROFILES.values(), key=lambda p: p.key):
        yield from disease_passages(p)
