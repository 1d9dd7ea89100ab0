"""Cardiology rules: modified Duke criteria for endocarditis and QTc risk category."""

from __future__ import annotations

from typing import Literal

from healthgym.clinical.scores import _validation as v
from healthgym.clinical.scores.result import ScoreResult

__all__ = ["duke_criteria", "qtc_risk_category"]

_LI_2000 = (
    "Li JS, Sexton DJ, Mick N, et al. Proposed modifications to the Duke criteria for the "
    "diagnosis of infective endocarditis. Clin Infect Dis. 2000;30(4):633-638."
)
_QTC = (
    "Rautaharju PM, Surawicz B, Gettes LS. AHA/ACCF/HRS Recommendations for the "
    "Standardization and Interpretation of the Electrocardiogram: Part IV: the ST segment, "
    "T and U waves, and the QT interval. Circulation. 2009;119(10):e241-e250; Drew BJ, "
    "Ackerman MJ, Funk M, et al. Prevention of torsade de pointes in hospital settings: a "
    "scientific statement from the American Heart Association and the American College of "
    "Cardiology Foundation. Circulation. 2010;121(8):1047-1060."
)


def duke_criteria(
    *,
    pathological_criteria: bool,
    major_blood_cultures: bool,
    major_endocardial_involvement: bool,
    minor_predisposition: bool,
    minor_fever: bool,
    minor_vascular_phenomena: bool,
    minor_immunologic_phenomena: bool,
    minor_microbiological_evidence: bool,
    firm_alternate_diagnosis: bool,
    resolution_with_antibiotics_4_days_or_less: bool,
    no_pathology_after_antibiotics_4_days_or_less: bool,
) -> ScoreResult:
    """Modified Duke criteria for infective endocarditis (IE).

    Source: Li JS, Sexton DJ, Mick N, et al. Clin Infect Dis 2000;30:633-638.

    Pathological criteria: microorganisms shown by culture or histology in a vegetation,
    embolised vegetation or intracardiac abscess; or vegetation / intracardiac abscess
    confirmed by histology showing active endocarditis.

    Major criteria:

    * Blood cultures positive for IE: typical organisms (viridans streptococci,
      Streptococcus bovis, HACEK group, Staphylococcus aureus, community-acquired
      enterococci without a primary focus) in 2 separate cultures; or persistently
      positive cultures; or a single culture positive for Coxiella burnetii or anti-phase
      I IgG titre > 1:800.
    * Evidence of endocardial involvement: echocardiogram positive for IE (vegetation,
      abscess, new partial dehiscence of a prosthetic valve) or new valvular
      regurgitation.

    Minor criteria: predisposing heart condition or injection drug use; fever >= 38.0 C;
    vascular phenomena (major arterial emboli, septic pulmonary infarcts, mycotic
    aneurysm, intracranial or conjunctival haemorrhage, Janeway lesions); immunologic
    phenomena (glomerulonephritis, Osler nodes, Roth spots, rheumatoid factor);
    microbiological evidence not meeting a major criterion.

    Classification (value 2 definite, 1 possible, 0 rejected):

    * Definite: pathological criteria; or 2 major; or 1 major + 3 minor; or 5 minor.
    * Possible: 1 major + 1 minor; or 3 minor.
    * Rejected: firm alternate diagnosis; or resolution of the syndrome with antibiotics
      for <= 4 days; or no pathological evidence of IE at surgery or autopsy after
      antibiotics for <= 4 days; or criteria for possible IE not met.

    As implemented, pathological criteria give "definite" whatever else is entered, and a
    rejection finding otherwise overrides the clinical criteria. ``components`` flags
    each criterion (not additive). The 2023 Duke-ISCVID revision is not implemented.

    Interpretation: definite - treat as IE; possible - keep investigating (repeat cultures,
    transoesophageal echocardiography); rejected - IE excluded.
    """
    majors = {
        "major_blood_cultures": v.flag("major_blood_cultures", major_blood_cultures),
        "major_endocardial_involvement": v.flag(
            "major_endocardial_involvement", major_endocardial_involvement
        ),
    }
    minors = {
        "minor_predisposition": v.flag("minor_predisposition", minor_predisposition),
        "minor_fever": v.flag("minor_fever", minor_fever),
        "minor_vascular_phenomena": v.flag("minor_vascular_phenomena", minor_vascular_phenomena),
        "minor_immunologic_phenomena": v.flag(
            "minor_immunologic_phenomena", minor_immunologic_phenomena
        ),
        "minor_microbiological_evidence": v.flag(
            "minor_microbiological_evidence", minor_microbiological_evidence
        ),
    }
    rejections = {
        "firm_alternate_diagnosis": v.flag("firm_alternate_diagnosis", firm_alternate_diagnosis),
        "resolution_with_antibiotics_4_days_or_less": v.flag(
            "resolution_with_antibiotics_4_days_or_less",
            resolution_with_antibiotics_4_days_or_less,
        ),
        "no_pathology_after_antibiotics_4_days_or_less": v.flag(
            "no_pathology_after_antibiotics_4_days_or_less",
            no_pathology_after_antibiotics_4_days_or_less,
        ),
    }
    pathological = v.flag("pathological_criteria", pathological_criteria)
    n_major = sum(majors.values())
    n_minor = sum(minors.values())
    components = {"pathological_criteria": float(pathological)}
    components.update({k: float(x) for k, x in {**majors, **minors, **rejections}.items()})
    counts = f"{n_major} major, {n_minor} minor"
    if pathological:
        value, text = 2.0, "definite IE (pathological criteria)"
    elif any(rejections.values()):
        why = ", ".join(k.replace("_", " ") for k, x in rejections.items() if x)
        value, text = 0.0, f"rejected ({why})"
    elif n_major >= 2 or (n_major == 1 and n_minor >= 3) or n_minor >= 5:
        value, text = 2.0, f"definite IE ({counts})"
    elif (n_major == 1 and n_minor >= 1) or n_minor >= 3:
        value, text = 1.0, f"possible IE ({counts}); continue investigation"
    else:
        value, text = 0.0, f"rejected ({counts}: criteria for possible IE not met)"
    return ScoreResult(
        name="Modified Duke criteria",
        value=value,
        components=components,
        interpretation=f"Modified Duke criteria: {text}",
        source=_LI_2000,
        steps=(f"major criteria: {n_major}", f"minor criteria: {n_minor}", text),
    )


def qtc_risk_category(
    *,
    qtc_ms: float,
    sex: Literal["male", "female"],
    baseline_qtc_ms: float | None = None,
) -> ScoreResult:
    """QTc category and torsade de pointes risk tier (value 0, 1 or 2).

    Sources: Rautaharju PM, Surawicz B, Gettes LS. AHA/ACCF/HRS recommendations, Part IV.
    Circulation 2009;119:e241-e250 (prolonged and short QTc); Drew BJ, Ackerman MJ, Funk M,
    et al. AHA/ACCF scientific statement on torsade de pointes. Circulation
    2010;121:1047-1060 (high-risk thresholds).

    Inputs: the corrected QT (ms, any correction formula), sex, and optionally a baseline
    QTc (ms) before a QT-prolonging drug or condition.

    * Prolonged QTc: >= 450 ms in men, >= 460 ms in women (Rautaharju 2009).
    * Short QTc: <= 390 ms (reported, not a torsade risk tier).
    * High risk of torsade de pointes: QTc > 500 ms, or an increase > 60 ms from baseline
      (Drew 2010).

    Value: 0 not prolonged; 1 prolonged; 2 high risk. ``components`` holds the QTc, the
    increase from baseline (0 when no baseline) and a short-QT flag (not additive).

    Interpretation: 2 - stop or avoid QT-prolonging drugs where possible, correct
    potassium and magnesium, continuous ECG monitoring; 1 - review QT-prolonging drugs
    and electrolytes, repeat ECG; 0 - no QT-based restriction.
    """
    qtc = v.number("qtc_ms", qtc_ms, lo=200.0, hi=800.0)
    sex = v.choice("sex", sex, ("male", "female"))
    increase = 0.0
    if baseline_qtc_ms is not None:
        baseline = v.number("baseline_qtc_ms", baseline_qtc_ms, lo=200.0, hi=800.0)
        increase = qtc - baseline
    limit = 450.0 if sex == "male" else 460.0
    short = qtc <= 390
    reasons = []
    if qtc > 500:
        reasons.append("QTc > 500 ms")
    if increase > 60:
        reasons.append(f"increase of {increase:g} ms > 60 ms from baseline")
    if reasons:
        tier = 2
        text = (
            "high risk of torsade de pointes (" + "; ".join(reasons) + "): stop or avoid "
            "QT-prolonging drugs, correct K and Mg, continuous ECG monitoring"
        )
    elif qtc >= limit:
        tier = 1
        text = (
            f"prolonged QTc (>= {limit:g} ms in {sex}s): review QT-prolonging drugs and "
            "electrolytes, repeat ECG"
        )
    else:
        tier = 0
        text = "QTc not prolonged"
        if short:
            text += "; short QTc (<= 390 ms) - consider short QT syndrome"
    return ScoreResult(
        name="QTc risk category",
        value=float(tier),
        components={"qtc_ms": qtc, "increase_from_baseline_ms": increase, "short_qt": float(short)},
        interpretation=f"QTc {qtc:g} ms: {text}",
        source=_QTC,
    )
