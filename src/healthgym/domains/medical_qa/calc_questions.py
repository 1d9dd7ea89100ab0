"""Calculator questions: a score computed from inputs stated in the question.

Each template samples a clinically coherent set of inputs, states them in words
and computes the answer with :mod:`healthgym.clinical.scores` (the same function
the ``calculate`` tool calls, so the tool reproduces the answer).  The options are
the correct value and three distractors one to four score steps away, sorted
ascending; where the correct value falls among them is set by the suite's
balanced answer key (see :mod:`.tasks`) as far as the score's range allows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ...clinical.registry import calculator
from .records import LETTERS, Option, Question
from .vignette import article

Sample = tuple[dict[str, Any], str]


@dataclass(frozen=True)
class CalcTemplate:
    score: str  # a core score of healthgym.clinical.registry
    question: str
    lo: float  # the score's range and step (for distractors)
    hi: float
    step: float
    sample: Callable[[np.random.Generator], Sample]


def _i(rng: np.random.Generator, lo: int, hi: int) -> int:
    return int(rng.integers(lo, hi + 1))


def _b(rng: np.random.Generator, p: float = 0.5) -> bool:
    return bool(rng.random() < p)


def _and(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _person(rng: np.random.Generator, lo: int, hi: int) -> tuple[int, str, str]:
    age = _i(rng, lo, hi)
    sex = "female" if _b(rng) else "male"
    return age, sex, f"{article(age)} {age}-year-old {'woman' if sex == 'female' else 'man'}"


def _bp(rng: np.random.Generator, lo: int, hi: int) -> tuple[int, int]:
    sbp = _i(rng, lo, hi)
    return sbp, max(40, min(sbp - 25, _i(rng, 45, 95)))


def _curb(rng: np.random.Generator, with_bun: bool) -> Sample:
    age, _, who = _person(rng, 40, 92)
    confusion, rr = _b(rng, 0.35), _i(rng, 16, 36)
    sbp, dbp = _bp(rng, 82, 150)
    inputs: dict[str, Any] = {
        "confusion": confusion,
        "respiratory_rate": rr,
        "sbp": sbp,
        "dbp": dbp,
        "age": age,
    }
    mental = "is newly confused" if confusion else "is alert and fully oriented"
    text = (
        f"{who} with community-acquired pneumonia {mental}. Respiratory rate {rr}/min, "
        f"blood pressure {sbp}/{dbp} mmHg."
    )
    if with_bun:
        bun = _i(rng, 8, 42)
        inputs["bun_mg_dl"] = bun
        text += f" Blood urea nitrogen {bun} mg/dL."
    return inputs, text


def _centor(rng: np.random.Generator) -> Sample:
    age, _, who = _person(rng, 4, 70)
    temp = round(float(rng.uniform(36.8, 39.6)), 1)
    cough_absent, nodes, exudate = _b(rng), _b(rng), _b(rng)
    text = (
        f"{who} has a sore throat and a temperature of {temp:g} C. "
        f"{'There is no cough' if cough_absent else 'There is also a cough'}; "
        f"anterior cervical nodes are {'tender and swollen' if nodes else 'not tender'} and "
        f"the tonsils {'are swollen with exudate' if exudate else 'show no exudate or swelling'}."
    )
    inputs = {
        "temperature_c": temp,
        "cough_absent": cough_absent,
        "tender_anterior_cervical_nodes": nodes,
        "tonsillar_exudate_or_swelling": exudate,
        "age": age,
    }
    return inputs, text


def _qsofa(rng: np.random.Generator) -> Sample:
    _, _, who = _person(rng, 25, 90)
    rr, sbp, altered = _i(rng, 14, 32), _i(rng, 78, 140), _b(rng, 0.4)
    text = (
        f"{who} with a suspected infection has a respiratory rate of {rr}/min and a systolic "
        f"blood pressure of {sbp} mmHg; mental status is "
        f"{'altered (GCS 13)' if altered else 'normal (GCS 15)'}."
    )
    return {"respiratory_rate": rr, "sbp": sbp, "altered_mentation": altered}, text


def _cha2ds2(rng: np.random.Generator) -> Sample:
    age, sex, who = _person(rng, 45, 90)
    flags = {
        k: _b(rng, 0.4)
        for k in ("chf", "hypertension", "stroke_tia_thromboembolism", "vascular_disease")
    }
    flags["diabetes"] = _b(rng, 0.35)
    words = {
        "chf": "heart failure",
        "hypertension": "hypertension",
        "stroke_tia_thromboembolism": "a previous transient ischaemic attack",
        "vascular_disease": "a previous myocardial infarction",
        "diabetes": "diabetes mellitus",
    }
    has = [words[k] for k, v in flags.items() if v]
    history = "a history of " + _and(has) if has else "no other medical history"
    text = f"{who} with newly diagnosed non-valvular atrial fibrillation has {history}."
    return {"age": age, "sex": sex, **flags}, text


_EYE = (
    "no eye opening",
    "opens eyes to pressure",
    "opens eyes to voice",
    "opens eyes spontaneously",
)
_VERBAL = (
    "makes no sounds",
    "makes incomprehensible sounds",
    "says inappropriate words",
    "is confused in conversation",
    "is oriented",
)
_MOTOR = (
    "has no motor response",
    "extends the limbs to pressure",
    "flexes abnormally to pressure",
    "withdraws from pressure",
    "localises to pressure",
    "obeys commands",
)


def _gcs(rng: np.random.Generator) -> Sample:
    _, _, who = _person(rng, 18, 85)
    eye, verbal, motor = _i(rng, 1, 4), _i(rng, 1, 5), _i(rng, 1, 6)
    text = (
        f"{who} is brought in after a head injury. The patient shows {_EYE[eye - 1]}, "
        f"{_VERBAL[verbal - 1]} and {_MOTOR[motor - 1]}."
    )
    return {"eye": eye, "verbal": verbal, "motor": motor}, text


def _anion_gap(rng: np.random.Generator) -> Sample:
    _, _, who = _person(rng, 18, 85)
    na, cl, hco3 = _i(rng, 128, 148), _i(rng, 92, 112), _i(rng, 6, 28)
    k = round(float(rng.uniform(3.3, 5.8)), 1)
    text = (
        f"{who} has a serum sodium of {na} mmol/L, potassium {k:g} mmol/L, chloride {cl} "
        f"mmol/L and bicarbonate {hco3} mmol/L."
    )
    return {"sodium": na, "chloride": cl, "bicarbonate": hco3}, text


def _wells_pe(rng: np.random.Generator) -> Sample:
    _, _, who = _person(rng, 25, 85)
    hr = _i(rng, 70, 130)
    f = {
        k: _b(rng, 0.35)
        for k in (
            "clinical_signs_dvt",
            "pe_most_likely",
            "immobilization_or_surgery",
            "prior_vte",
            "hemoptysis",
            "malignancy",
        )
    }
    words = {
        "clinical_signs_dvt": "a swollen, tender calf",
        "immobilization_or_surgery": "surgery two weeks ago",
        "prior_vte": "a previous deep vein thrombosis",
        "hemoptysis": "hemoptysis",
        "malignancy": "active cancer on treatment",
    }
    has = [w for k, w in words.items() if f[k]]
    text = f"{who} has sudden pleuritic chest pain and a heart rate of {hr}/min."
    text += f" Relevant findings: {_and(has)}." if has else " No other risk factors or signs."
    text += (
        " Pulmonary embolism is judged the most likely diagnosis."
        if f["pe_most_likely"]
        else " An alternative diagnosis is judged more likely than pulmonary embolism."
    )
    return {**f, "heart_rate": hr}, text


def _alvarado(rng: np.random.Generator) -> Sample:
    _, _, who = _person(rng, 8, 60)
    f = {
        k: _b(rng, 0.55)
        for k in (
            "migration_to_rlq",
            "anorexia",
            "nausea_vomiting",
            "rlq_tenderness",
            "rebound_tenderness",
        )
    }
    temp = round(float(rng.uniform(36.6, 38.9)), 1)
    wbc = round(float(rng.uniform(6.0, 17.0)), 1)
    neut = _i(rng, 55, 88)
    words = {
        "migration_to_rlq": ("pain that migrated to the right iliac fossa", "no pain migration"),
        "anorexia": ("anorexia", "a normal appetite"),
        "nausea_vomiting": ("vomiting", "no nausea or vomiting"),
        "rlq_tenderness": ("right lower quadrant tenderness", "no right lower quadrant tenderness"),
        "rebound_tenderness": ("rebound tenderness", "no rebound tenderness"),
    }
    said = _and([words[k][0 if v else 1] for k, v in f.items()])
    text = (
        f"{who} with abdominal pain has {said}. Temperature {temp:g} C, white cell count "
        f"{wbc:g} x10^9/L with {neut}% neutrophils."
    )
    return {**f, "temperature_c": temp, "wbc": wbc, "neutrophils_pct": neut}, text


def _abcd2(rng: np.random.Generator) -> Sample:
    age, _, who = _person(rng, 40, 88)
    sbp, dbp = _bp(rng, 118, 178)
    features = ("unilateral_weakness", "speech_disturbance_without_weakness", "other")[
        _i(rng, 0, 2)
    ]
    duration, diabetes = _i(rng, 5, 120), _b(rng, 0.35)
    said = {
        "unilateral_weakness": "weakness of one arm",
        "speech_disturbance_without_weakness": "slurred speech without weakness",
        "other": "transient numbness of one hand without weakness or speech disturbance",
    }[features]
    text = (
        f"{who}{' with diabetes' if diabetes else ''} had {said} lasting {duration} minutes, "
        f"now resolved. Blood pressure {sbp}/{dbp} mmHg."
    )
    inputs = {
        "age": age,
        "sbp": sbp,
        "dbp": dbp,
        "clinical_features": features,
        "duration_min": duration,
        "diabetes": diabetes,
    }
    return inputs, text


def _child_pugh(rng: np.random.Generator) -> Sample:
    _, _, who = _person(rng, 35, 80)
    bili = round(float(rng.uniform(0.6, 5.0)), 1)
    alb = round(float(rng.uniform(2.2, 4.2)), 1)
    inr = round(float(rng.uniform(1.0, 2.8)), 1)
    ascites = ("none", "mild", "moderate_severe")[_i(rng, 0, 2)]
    enceph = ("none", "grade_1_2", "grade_3_4")[_i(rng, 0, 2)]
    text = (
        f"{who} with cirrhosis has total bilirubin {bili:g} mg/dL, albumin {alb:g} g/dL and "
        f"INR {inr:g}; ascites: {ascites.replace('_', '-')}; hepatic encephalopathy: "
        f"{enceph.replace('_', '-').replace('grade-', 'grade ')}."
    )
    inputs = {
        "bilirubin_mg_dl": bili,
        "albumin_g_dl": alb,
        "inr": inr,
        "ascites": ascites,
        "encephalopathy": enceph,
    }
    return inputs, text


def _sirs(rng: np.random.Generator) -> Sample:
    _, _, who = _person(rng, 20, 85)
    temp = round(float(rng.uniform(35.6, 39.6)), 1)
    hr, rr = _i(rng, 70, 125), _i(rng, 12, 30)
    wbc = round(float(rng.uniform(3.0, 18.0)), 1)
    text = (
        f"{who} has a temperature of {temp:g} C, heart rate {hr}/min, respiratory rate "
        f"{rr}/min and white cell count {wbc:g} x10^9/L."
    )
    return {"temperature_c": temp, "heart_rate": hr, "respiratory_rate": rr, "wbc": wbc}, text


TEMPLATES: tuple[CalcTemplate, ...] = (
    CalcTemplate(
        "curb65", "What is this patient's CURB-65 score?", 0, 5, 1, lambda r: _curb(r, True)
    ),
    CalcTemplate(
        "crb65", "What is this patient's CRB-65 score?", 0, 4, 1, lambda r: _curb(r, False)
    ),
    CalcTemplate(
        "centor_mcisaac",
        "What is this patient's McIsaac (modified Centor) score?",
        -1,
        5,
        1,
        _centor,
    ),
    CalcTemplate("qsofa", "What is this patient's qSOFA score?", 0, 3, 1, _qsofa),
    CalcTemplate("cha2ds2_vasc", "What is this patient's CHA2DS2-VASc score?", 0, 9, 1, _cha2ds2),
    CalcTemplate("gcs", "What is this patient's Glasgow Coma Scale score?", 3, 15, 1, _gcs),
    CalcTemplate("anion_gap", "What is the serum anion gap in mmol/L?", -10, 60, 2, _anion_gap),
    CalcTemplate(
        "wells_pe",
        "What is this patient's Wells score for pulmonary embolism?",
        0,
        12.5,
        1.5,
        _wells_pe,
    ),
    CalcTemplate("alvarado", "What is this patient's Alvarado score?", 0, 10, 1, _alvarado),
    CalcTemplate("abcd2", "What is this patient's ABCD2 score?", 0, 7, 1, _abcd2),
    CalcTemplate(
        "child_pugh", "What is this patient's Child-Pugh score in points?", 5, 15, 1, _child_pugh
    ),
    CalcTemplate("sirs", "How many SIRS criteria does this patient meet?", 0, 4, 1, _sirs),
)
TEMPLATE_BY_SCORE = {t.score: t for t in TEMPLATES}


def numeric_options(
    value: float,
    lo: float,
    hi: float,
    step: float,
    rng: np.random.Generator,
    n: int = 4,
    position: int | None = None,
) -> tuple[list[float], int]:
    """``n`` distinct values in [lo, hi] spaced by ``step`` around ``value``, sorted, and
    the index of ``value`` among them: ``position`` if the range allows it (else the
    nearest possible), drawn uniformly when ``position`` is None."""
    below = [value - step * k for k in range(1, n) if value - step * k >= lo]
    above = [value + step * k for k in range(1, n) if value + step * k <= hi]
    feasible = [p for p in range(n) if p <= len(below) and n - 1 - p <= len(above)]
    if position is None:
        position = feasible[int(rng.integers(len(feasible)))]
    else:
        position = min(feasible, key=lambda p: (abs(p - position), p))
    values = sorted([*below[:position], value, *above[: n - 1 - position]])
    return values, values.index(value)


def _fmt(v: float) -> str:
    return f"{round(v, 2):g}"


def calculator_question(
    template: CalcTemplate, rng: np.random.Generator, position: int | None = None
) -> Question:
    """A question of ``template``; ``position`` asks for the answer's place among the
    (ascending) options."""
    inputs, text = template.sample(rng)
    value = float(calculator(template.score)(**inputs).value)
    values, position = numeric_options(
        value, template.lo, template.hi, template.step, rng, position=position
    )
    options = tuple(Option(text=_fmt(v), key=_fmt(v), phrases=(_fmt(v),)) for v in values)
    return Question(
        kind="calculator",
        topic=template.score,
        stem=f"{text} {template.question}",
        options=options,
        answer=LETTERS[position],
        calculation={"score": template.score, "inputs": inputs, "value": value},
    )
