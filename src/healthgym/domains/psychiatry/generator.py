"""Seeded synthetic psychiatric patients, coherent with their condition.

:func:`generate_record` builds the condition's symptom facts (``presentations.py``),
the C-SSRS answers for a drawn suicide-risk profile, the social and medical history
(with medications chosen to exercise the psychotropic safety rules: MAO-B inhibitors,
lithium-interacting antihypertensives and NSAIDs, opioids, QT-prolonging drugs, reduced
kidney function, pregnancy, seizures), and finally every questionnaire's item-level
answers from those facts (``instruments.py``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ...patients.names import FEMALE, MALE, SURNAMES
from . import presentations as p
from .conditions import Variant
from .history import liver_tests, medical_history, risk_factors, social_history
from .instruments import (
    audit_items,
    cage_answers,
    dast10_answers,
    gad7_items,
    mdq_answers,
    mmse_items,
    moca_items,
    pcl5_items,
    phq9_items,
)
from .records import Cssrs, Event, PsychRecord
from .symptoms import MDD_A, keys

AGES = {
    "major_depressive_disorder": (18, 75),
    "generalized_anxiety_disorder": (18, 70),
    "posttraumatic_stress_disorder": (20, 60),
    "bipolar_i_disorder": (18, 55),
    "bipolar_ii_disorder": (18, 55),
    "panic_disorder": (18, 50),
    "alcohol_use_disorder": (25, 70),
    "schizophrenia": (18, 45),
    "mild_neurocognitive_disorder": (62, 85),
    "major_neurocognitive_disorder": (66, 90),
    "adjustment_disorder": (18, 70),
    "no_psychiatric_disorder": (18, 75),
}
# suicide-risk profiles and their probabilities by variant family
RISK_PROFILES = {
    "mdd": {"none": 0.5, "active": 0.1, "method": 0.2, "intent": 0.2},
    "bipolar_depressed": {"none": 0.4, "passive": 0.2, "method": 0.25, "intent": 0.15},
    "ptsd": {"none": 0.5, "passive": 0.2, "method": 0.2, "intent": 0.1},
    "aud": {"none": 0.55, "passive": 0.2, "method": 0.15, "intent": 0.1},
    "schizophrenia": {"none": 0.6, "passive": 0.1, "method": 0.2, "intent": 0.1},
    "anxiety": {"none": 0.8, "passive": 0.2},
    "adjustment": {"none": 0.6, "passive": 0.4},
    "none": {"none": 1.0},
}
FAMILY_HISTORY = {
    "major_depressive_disorder": "father had long periods of low mood",
    "generalized_anxiety_disorder": "mother is a lifelong worrier",
    "posttraumatic_stress_disorder": "mother is a lifelong worrier",
    "bipolar_i_disorder": "mother had episodes of severe mood swings treated with lithium",
    "bipolar_ii_disorder": "mother had episodes of severe mood swings treated with lithium",
    "panic_disorder": "sister has anxiety attacks",
    "alcohol_use_disorder": "father drank heavily",
    "schizophrenia": "an uncle had a long psychotic illness",
    "mild_neurocognitive_disorder": "mother developed memory problems in her late seventies",
    "major_neurocognitive_disorder": "mother developed memory problems in her late seventies",
    "adjustment_disorder": "father had long periods of low mood",
    "no_psychiatric_disorder": "father drank heavily",
}


DEPRESSIVE = ("major_depressive_disorder", "adjustment_disorder", "no_psychiatric_disorder")


def _risk_family(v: Variant) -> str:
    if v.diagnosis == "major_depressive_disorder":
        return "mdd"
    if v.episode == "depressed":
        return "bipolar_depressed"
    return {
        "posttraumatic_stress_disorder": "ptsd",
        "alcohol_use_disorder": "aud",
        "schizophrenia": "schizophrenia",
        "generalized_anxiety_disorder": "anxiety",
        "panic_disorder": "anxiety",
        "adjustment_disorder": "adjustment",
    }.get(v.diagnosis, "none")


def _draw(rng: np.random.Generator, table: dict[str, float]) -> str:
    names = list(table)
    return names[int(rng.choice(len(names), p=np.array(list(table.values()))))]


def cssrs_for(rng: np.random.Generator, profile: str) -> Cssrs:
    """C-SSRS screen answers for a risk profile (none, passive, active, method, intent)."""
    if profile == "none":
        return Cssrs()
    if profile == "passive":
        return Cssrs(wish_to_be_dead=True)
    if profile == "active":
        return Cssrs(wish_to_be_dead=True, suicidal_thoughts=True)
    if profile == "method":
        if rng.random() < 0.7:
            return Cssrs(wish_to_be_dead=True, suicidal_thoughts=True, thoughts_with_method=True)
        return Cssrs(
            wish_to_be_dead=True,
            suicidal_thoughts=True,
            suicidal_behavior="over_3_months_ago",
            behaviour_text=f"took an overdose {int(rng.integers(2, 12))} years ago",
        )
    roll = rng.random()
    if roll < 0.4:
        return Cssrs(
            wish_to_be_dead=True, suicidal_thoughts=True, thoughts_with_method=True, intent=True
        )
    if roll < 0.75:
        return Cssrs(
            wish_to_be_dead=True,
            suicidal_thoughts=True,
            thoughts_with_method=True,
            intent=True,
            plan_and_intent=True,
        )
    weeks = int(rng.integers(1, 10))
    return Cssrs(
        wish_to_be_dead=True,
        suicidal_thoughts=True,
        suicidal_behavior="past_3_months",
        behaviour_text=f"took an overdose of paracetamol {weeks} weeks ago",
    )


# family history of suicide (VA/DoD 2019 risk factor), a fact of the psychiatric history
SUICIDE_IN_FAMILY = ("a maternal uncle died by suicide", "their father died by suicide")


def partner_at_home(facts: dict) -> bool | None:
    """Whether the rest of the record puts a spouse or partner at home (True), rules one
    out (False: a recent divorce) or says nothing (None); ``social_history`` draws the
    living situation to agree."""
    texts = [str(facts.get(k, "")) for k in ("cognitive_concern", "iadl_text", "chief_complaint")]
    stressor = facts.get("stressor")
    if stressor is not None and "divorce" in stressor.what:
        return False
    if stressor is not None and "partner" in stressor.what:
        return True
    if any(w in t.lower() for t in texts for w in ("spouse", "husband", "wife", "partner")):
        return True
    return None


def _alcohol_facts(v: Variant, rng: np.random.Generator, age: int) -> dict:
    """Alcohol use disorder: the criteria, drinking, liver tests and the complaint.

    Liver tests: raised GGT and transaminases in a share of heavy drinkers rising with
    severity; alcohol-related cirrhosis (Child-Pugh B or C) in about 12% of moderate or
    severe disorder from age 35.  The chief complaint about liver tests is drawn only
    when they are abnormal.  Low mood and poor sleep reported alongside began recently
    (their own onset), not with the drinking.
    """
    criteria = p.aud_criteria(rng, v.severity)
    roll = rng.random()
    if v.severity != "mild" and age >= 35 and roll < 0.12:
        kind = p.pick(rng, ["cirrhosis_b", "cirrhosis_c"])
    elif roll < {"mild": 0.4, "moderate": 0.6, "severe": 0.8}[v.severity]:
        kind = "raised"
    else:
        kind = "normal"
    mood = p.sample(rng, ["mdd.a4", "mdd.a6"], int(rng.integers(0, 3)))
    weeks = int(rng.integers(52, 520))
    return {
        "symptoms": criteria + mood,
        "symptom_weeks": weeks,
        "onset_weeks": {k: int(rng.integers(4, 27)) for k in mood},
        "alcohol": p.alcohol_for(rng, criteria, v.severity),
        "liver": liver_tests(rng, kind),
        "impairment": "some" if v.severity == "mild" else "marked",
        "impairment_text": "Late for work after heavy nights; arguments with family about "
        "drinking.",
        "chief_complaint": p.complaint(
            rng, "alcohol", criteria + (["liver"] if kind != "normal" else [])
        ),
    }


def _condition_facts(
    v: Variant, rng: np.random.Generator, sex: str, cssrs: Cssrs, age: int
) -> dict:
    ideation = cssrs.wish_to_be_dead or cssrs.suicidal_thoughts
    d = v.diagnosis
    if d == "major_depressive_disorder" or v.episode == "depressed":
        n = {"mild": 5, "moderate": int(rng.integers(6, 8)), "severe": 8}.get(v.severity, 0)
        if d != "major_depressive_disorder":
            n = int(rng.integers(5, 9))
        n += int(v.severity == "severe" and ideation and rng.random() < 0.5)
        facts = p.depressive_episode(rng, n, ideation)
        facts["past_depressive_episodes"] = int(rng.integers(0, 3))
        if d == "bipolar_i_disorder":
            facts["past_elevated_episodes"] = [
                p.elevated_episode(rng, int(rng.integers(1, 9)), True)
            ]
            facts["past_depressive_episodes"] += 1
        elif d == "bipolar_ii_disorder":
            facts["past_elevated_episodes"] = [
                p.elevated_episode(rng, int(y), False)
                for y in sorted(
                    rng.choice(np.arange(1, 10), size=int(rng.integers(1, 3)), replace=False)
                )
            ]
            facts["past_depressive_episodes"] += 1
        elif rng.random() < 0.25:
            facts["past_elevated_episodes"] = [p.brief_elevation(rng)]
        if d == "major_depressive_disorder" and rng.random() < 0.3:
            facts["stressor"] = Event(
                what=p.pick(rng, p.STRESSORS), months_ago=int(rng.integers(2, 6))
            )
        return facts
    if v.episode == "manic":
        episode = p.elevated_episode(rng, 0, True)
        return {
            "current_mood_episode": episode,
            "symptom_weeks": max(1, episode.duration_days // 7),
            "past_depressive_episodes": int(rng.integers(0, 3)),
            "impairment": "marked",
            "impairment_text": "Stopped going to work, spent savings on a business scheme, "
            "sleeps 2-3 hours a night.",
            "chief_complaint": p.complaint(rng, "manic", episode.features),
            "referral": "brought by family",
        }
    builders: dict[str, Any] = {
        "generalized_anxiety_disorder": lambda: p.gad_facts(rng),
        "posttraumatic_stress_disorder": lambda: p.ptsd_facts(rng),
        "panic_disorder": lambda: p.panic_facts(rng),
        "schizophrenia": lambda: p.schizophrenia_facts(rng, sex),
        "mild_neurocognitive_disorder": lambda: p.ncd_facts(rng, major=False),
        "major_neurocognitive_disorder": lambda: p.ncd_facts(rng, major=True),
        "adjustment_disorder": lambda: p.adjustment_facts(rng),
        "no_psychiatric_disorder": lambda: p.no_disorder_facts(rng),
    }
    if d == "alcohol_use_disorder":
        return _alcohol_facts(v, rng, age)
    return builders[d]()


def generate_record(v: Variant, seed: int, patient_id: str) -> PsychRecord:
    """A patient of variant ``v`` generated from ``seed`` (deterministic)."""
    rng = np.random.default_rng(seed)
    sex = "female" if rng.random() < 0.5 else "male"
    lo, hi = AGES[v.diagnosis]
    age = int(rng.integers(lo, hi + 1))
    name = f"{p.pick(rng, FEMALE if sex == 'female' else MALE)} {p.pick(rng, SURNAMES)}"
    cssrs = cssrs_for(rng, _draw(rng, RISK_PROFILES[_risk_family(v)]))
    facts = _condition_facts(v, rng, sex, cssrs, age)
    symptoms = list(facts.pop("symptoms", []))
    onset: dict[str, int] = dict(facts.pop("onset_weeks", {}))
    ideation = cssrs.wish_to_be_dead or cssrs.suicidal_thoughts
    depressive = v.diagnosis in DEPRESSIVE or v.episode == "depressed"
    if ideation and "mdd.a9" not in symptoms:
        symptoms.append("mdd.a9")
        if not depressive:  # thoughts of death began recently, not with the condition
            onset["mdd.a9"] = int(rng.integers(1, min(12, facts["symptom_weeks"]) + 1))
        mdd = [k for k in symptoms if k in keys(MDD_A)]
        if len(mdd) >= 5:  # keep non-depressive conditions below criterion A
            symptoms.remove(next(k for k in mdd if k not in ("mdd.a1", "mdd.a2", "mdd.a9")))
    if v.diagnosis != "posttraumatic_stress_disorder" and rng.random() < 0.15:
        facts.setdefault(
            "trauma", Event(what=p.pick(rng, p.TRAUMAS), months_ago=int(rng.integers(24, 240)))
        )
        extra = p.sample(rng, ["ptsd.b1", "ptsd.e4"], int(rng.integers(0, 2)))
        symptoms += extra
        # present since the event, years before the presenting problem
        onset.update({k: round(facts["trauma"].months_ago * 4.345) for k in extra})
    hazardous = v.diagnosis != "alcohol_use_disorder" and rng.random() < 0.15
    alcohol = facts.pop("alcohol", None) or p.light_alcohol(rng, hazardous)
    drug_use = "none"
    if v.diagnosis in ("schizophrenia", "posttraumatic_stress_disorder") and rng.random() < 0.3:
        drug_use = "cannabis daily"
    elif rng.random() < 0.1:
        drug_use = "cannabis occasionally"
    social = social_history(rng, age, facts, partner=partner_at_home(facts))
    medical = medical_history(rng, v, age, sex, liver=facts.pop("liver", None))
    if alcohol.withdrawal == "seizure":
        medical["seizure_history"] = True
    education = int(rng.integers(8, 19))
    if v.diagnosis == "major_neurocognitive_disorder":
        moca_t, mmse_t = int(rng.integers(10, 18)), int(rng.integers(12, 24))
    elif v.diagnosis == "mild_neurocognitive_disorder":
        moca_t, mmse_t = int(rng.integers(19, 26)), int(rng.integers(24, 29))
    else:
        moca_t, mmse_t = int(rng.integers(26, 31)), int(rng.integers(27, 31))
    if v.diagnosis == "schizophrenia":
        trials = int(rng.choice([0, 1, 2], p=[0.4, 0.3, 0.3]))
        facts["failed_antipsychotic_trials"] = [
            "risperidone 4 mg daily for 8 weeks: little response",
            "olanzapine 15 mg daily for 8 weeks: little response",
        ][:trials]
        facts["psychiatric_admissions"] = [f"{int(rng.integers(1, 6))} years ago, psychosis"]
    current = facts.get("current_mood_episode")
    if current is not None and current.psychotic:
        symptoms.append("scz.a1")  # mood-congruent delusions during the manic episode
        facts["mood_episodes_during_psychosis"] = True
    if rng.random() < 0.5:
        facts["family_history"] = [FAMILY_HISTORY[v.diagnosis]]
    if rng.random() < 0.08:
        facts.setdefault("family_history", []).append(p.pick(rng, SUICIDE_IN_FAMILY))
    moca = moca_items(rng, moca_t, education)
    episodes = list(facts.get("past_elevated_episodes", []))
    if facts.get("current_mood_episode") is not None:
        episodes.append(facts["current_mood_episode"])
    for e in facts.get("past_elevated_episodes", []):
        if e.hospitalized:
            facts.setdefault("psychiatric_admissions", []).append(
                f"{e.years_ago} years ago, {e.duration_days} days"
            )
    sym = set(symptoms)
    record = PsychRecord(
        id=patient_id,
        name=name,
        age=age,
        sex=sex,
        education_years=education,
        referral=facts.pop(
            "referral",
            p.pick(
                rng,
                [
                    "referred by their primary care physician",
                    "self-referred",
                    "referred by the emergency department",
                ],
            ),
        ),
        symptoms=symptoms,
        onset_weeks=onset,
        alcohol=alcohol,
        drug_use=drug_use,
        cssrs=cssrs,
        phq9=phq9_items(rng, sym, cssrs),
        gad7=gad7_items(
            rng, sym, v.diagnosis in ("panic_disorder", "posttraumatic_stress_disorder")
        ),
        pcl5=pcl5_items(rng, sym) if facts.get("trauma") else None,
        audit=audit_items(rng, alcohol.drinks_per_week, sym, hazardous),
        cage=cage_answers(sym),
        dast10=dast10_answers(rng, drug_use),
        mdq=mdq_answers(rng, episodes),
        moca=moca,
        mmse=mmse_items(rng, mmse_t, 6 - moca["orientation"]),
        labs="TSH, vitamin B12, folate and full blood count within normal limits.",
        **social,
        **medical,
        **facts,
    )
    return record.model_copy(update=risk_factors(rng, record))
