"""Built-in passages from the catalogues: treatments, laboratory tests, imaging
studies, clinical features and chronic conditions."""

from __future__ import annotations

import inspect
from collections import defaultdict
from collections.abc import Iterator

from healthgym.clinical import imaging as imaging_module
from healthgym.clinical import labs as labs_module
from healthgym.clinical import treatments as treatments_module
from healthgym.clinical.diseases import PROFILES
from healthgym.clinical.features import FEATURES
from healthgym.clinical.imaging import IMAGING, NORMAL_ECG
from healthgym.clinical.labs import LAB_TESTS, panels
from healthgym.clinical.treatments import ALLERGY_CLASSES, TREATMENTS
from healthgym.patients.comorbidities import COMORBIDITIES

from ..passages import Passage
from ._util import PROJECT_SOURCE, join, label, num, passage, pct, sentence
from .diseases import lab_result, treatment_name

_LAB_SOURCE = (
    "Merck Manual Professional, Normal Laboratory Values; ABIM laboratory reference ranges 2024"
)


_PANELS = {
    "cbc": "complete blood count (CBC)",
    "bmp": "basic metabolic panel (BMP)",
    "lft": "liver function tests (LFT)",
    "coag": "coagulation studies",
    "abg": "arterial blood gas (ABG)",
    "csf": "cerebrospinal fluid (CSF) analysis",
    "synovial": "synovial fluid analysis",
    "esr": "erythrocyte sedimentation rate (ESR)",
    "crp": "C-reactive protein (CRP)",
    "hba1c": "hemoglobin A1c (HbA1c)",
    "iron": "iron studies",
    "stool": "stool testing",
}


def panel_name(panel: str) -> str:
    return _PANELS.get(panel, label(panel))


def _module_doc(module: object) -> str:
    return " ".join((inspect.getdoc(module) or "").split())


def _comorbidity_name(key: str) -> str:
    c = COMORBIDITIES.get(key)
    return c.name if c else label(key)


def treatment_passages() -> Iterator[Passage]:
    first: dict[str, list[str]] = defaultdict(list)
    alt: dict[str, list[str]] = defaultdict(list)
    avoid: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for p in sorted(PROFILES.values(), key=lambda p: p.key):
        for k in p.first_line:
            first[k].append(p.name)
        for k, alts in p.alternatives.items():
            for a in alts:
                alt[a].append(f"{treatment_name(k)} in {p.name}")
        for k, why in p.contraindicated.items():
            avoid[k].append((p.name, why))
    allergy_labels = defaultdict(list)
    for shown, cls in ALLERGY_CLASSES.items():
        allergy_labels[cls].append(shown)
    for t in sorted(TREATMENTS.values(), key=lambda t: t.key):
        src = t.source or PROJECT_SOURCE
        syn = f" Also known as: {', '.join(t.synonyms)}." if t.synonyms else ""
        classes = f" Drug classes: {', '.join(t.allergy_classes)}." if t.allergy_classes else ""
        uses = []
        if first[t.key]:
            uses.append(f"First-line in: {join(first[t.key])}.")
        if alt[t.key]:
            uses.append(f"Acceptable substitute for: {join(alt[t.key])}.")
        yield passage(
            f"treatment/{t.key}",
            f"{t.name}: overview",
            [f"{t.name} ({t.kind}).{syn}{classes}", *uses],
            src,
            "treatment",
            treatment=t.key,
        )
        safety = []
        for cls in t.allergy_classes:
            shown = allergy_labels.get(cls)
            safety.append(
                f"- Not safe with a recorded {join(shown, 'or') if shown else cls} allergy "
                f"(class '{cls}')."
            )
        for c, why in t.contraindicated_in.items():
            safety.append(f"- Contraindicated in {_comorbidity_name(c)}: {sentence(why)}")
        for disease, why in avoid[t.key]:
            safety.append(f"- Avoid in {disease}: {sentence(why)}")
        if safety:
            yield passage(
                f"treatment/{t.key}/safety",
                f"{t.name}: allergies, contraindications and cautions",
                [f"Safety of {t.name}:", *safety],
                src,
                "treatment",
                treatment=t.key,
            )
    yield passage(
        "treatment/allergy-cross-reactivity",
        "Drug allergy cross-reactivity rules",
        [_module_doc(treatments_module)],
        "AAAAI/ACAAI Drug Allergy Practice Parameter 2022; Strom BL et al. N Engl J Med 2003;"
        "349:1628-35; Cuker A et al. Blood Adv 2018;2:3360-92",
        "treatment",
    )


def lab_passages() -> Iterator[Passage]:
    abnormal: dict[str, list[str]] = defaultdict(list)
    for p in sorted(PROFILES.values(), key=lambda p: p.key):
        for k, v in p.labs.items():
            abnormal[k].append(f"- {p.name}: {lab_result(k, v)}")
    for t in LAB_TESTS.values():
        if t.categorical:
            ref = f"Normal result: {t.normal_text}."
        else:
            unit = f" {t.unit}" if t.unit else ""
            ref = f"Adult reference interval {num(t.low or 0)}-{num(t.high or 0)}{unit}."
            if t.plausible:
                lo, hi = t.plausible
                ref += f" Values met in practice range from {num(lo)} to {num(hi)}{unit}."
        yield passage(
            f"lab/{t.key}",
            f"{t.name}: reference interval",
            [f"{t.name} (laboratory test; ordered as part of: {panel_name(t.panel)}). {ref}"],
            _LAB_SOURCE,
            "lab",
            lab=t.key,
        )
        if abnormal[t.key]:
            yield passage(
                f"lab/{t.key}/abnormal",
                f"{t.name}: abnormal results by condition",
                [f"Typical {t.name} results in conditions where it is abnormal or tested:"]
                + abnormal[t.key],
                _LAB_SOURCE + "; disease sources as cited per condition",
                "lab",
                lab=t.key,
            )
    for panel, keys in panels().items():
        yield passage(
            f"lab-panel/{panel}",
            f"{label(panel)} panel: components",
            [
                f"The {label(panel)} panel reports: {join(LAB_TESTS[k].name for k in keys)}.",
            ],
            _LAB_SOURCE,
            "lab_panel",
            panel=panel,
        )
    yield passage(
        "lab/reference-intervals",
        "Laboratory reference intervals: conventions",
        [_module_doc(labs_module)],
        _LAB_SOURCE,
        "lab",
    )


def imaging_passages() -> Iterator[Passage]:
    by_study: dict[str, list[str]] = defaultdict(list)
    ecgs: list[str] = []
    for p in sorted(PROFILES.values(), key=lambda p: p.key):
        for k, report in p.imaging.items():
            by_study[k].append(f"- {p.name}: {report}")
        if p.ecg:
            ecgs.append(f"- {p.name}: {p.ecg}")
    for s in IMAGING.values():
        lines = [f"{s.name}. Normal report: {s.normal_report}"]
        if by_study[s.key]:
            lines.append("Abnormal findings by condition:")
            lines += by_study[s.key]
        yield passage(
            f"imaging/{s.key}",
            f"{s.name}: normal and abnormal findings",
            lines,
            PROJECT_SOURCE + "; disease sources as cited per condition",
            "imaging",
            study=s.key,
        )
    yield passage(
        "imaging/ecg",
        "12-lead ECG: normal and abnormal findings",
        [f"12-lead electrocardiogram. Normal: {NORMAL_ECG}", "Abnormal ECGs by condition:", *ecgs],
        PROJECT_SOURCE + "; disease sources as cited per condition",
        "imaging",
        study="ecg",
    )
    yield passage(
        "imaging/catalogue",
        "Diagnostic studies available: imaging and endoscopy",
        [
            _module_doc(imaging_module),
            "Studies: " + join(s.name for s in IMAGING.values()) + ".",
        ],
        PROJECT_SOURCE,
        "imaging",
    )


def feature_passages() -> Iterator[Passage]:
    where: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for p in PROFILES.values():
        for table in (p.symptoms, p.signs, p.history):
            for k, v in table.items():
                if v > 0:
                    where[k].append((v, p.name))
    for f in FEATURES.values():
        if not where[f.key]:
            continue
        kind = {"symptom": "symptom", "sign": "examination sign", "history": "history item"}
        system = f" ({label(f.system)} examination)" if f.system else ""
        lines = [f"{label(f.key)}: a {kind.get(f.kind, f.kind)}{system}. Finding: {f.present}"]
        if f.absent:
            lines.append(f"When absent it is recorded as: {f.absent}")
        ranked = sorted(where[f.key], key=lambda x: (-x[0], x[1]))
        lines.append(
            "Conditions presenting with it: "
            + "; ".join(f"{name} ({pct(v)})" for v, name in ranked)
            + "."
        )
        yield passage(
            f"feature/{f.key}",
            f"{label(f.key).capitalize()}: conditions that present with it",
            lines,
            PROJECT_SOURCE + "; disease sources as cited per condition",
            "feature",
            feature=f.key,
        )


def comorbidity_passages() -> Iterator[Passage]:
    unsafe: dict[str, list[str]] = defaultdict(list)
    for t in sorted(TREATMENTS.values(), key=lambda t: t.key):
        for c, why in t.contraindicated_in.items():
            unsafe[c].append(f"- {t.name}: {sentence(why)}")
    risk: dict[str, list[str]] = defaultdict(list)
    for p in sorted(PROFILES.values(), key=lambda p: p.key):
        for c, v in p.comorbidities.items():
            if v > 0:
                risk[c].append(f"{p.name} ({pct(v)})")
    for c in COMORBIDITIES.values():
        meds = [f"- {drug}: {dose}" for drug, dose in c.medications]
        lines = [f"{c.name}: chronic condition, about {pct(c.prevalence)} of adult patients."]
        if c.sex:
            lines.append(f"Occurs in {c.sex} patients only.")
        if meds:
            lines += ["Typical long-term medication:", *meds]
        if c.features:
            lines.append(f"Implies the clinical features: {join(map(label, c.features))}.")
        if risk[c.key]:
            lines.append(f"Common background in: {join(risk[c.key])}.")
        yield passage(
            f"comorbidity/{c.key}",
            f"{c.name}: long-term treatment",
            lines,
            c.source,
            "comorbidity",
            comorbidity=c.key,
        )
        if unsafe[c.key]:
            yield passage(
                f"comorbidity/{c.key}/drug-cautions",
                f"{c.name}: drugs to avoid",
                [f"Treatments unsafe in a patient with {c.name}:", *unsafe[c.key]],
                c.source or PROJECT_SOURCE,
                "comorbidity",
                comorbidity=c.key,
            )
