"""ehr_management graded by meaning (issue 16): equivalent answers score as the
reference, near misses do not; orders by precision and recall; harmful orders from the
shared drug knowledge - through the real grader and environment on real tasks."""

from __future__ import annotations

from functools import cache

import pytest

from healthgym.domains import get_domain
from healthgym.domains.ehr_management.grading import answer_accuracy
from healthgym.domains.ehr_management.tasks import KINDS
from healthgym.env import HealthGymEnv
from healthgym.tools import format_hermes

DOMAIN = get_domain("ehr_management")


@cache
def task_of(kind: str, pred=None):
    for i in range(DOMAIN.n_tasks):
        if KINDS[i % len(KINDS)].name != kind:
            continue
        t = DOMAIN.task(i)
        if pred is None or pred(t):
            return t
    raise AssertionError(kind)


def score(task, answer: dict) -> float:
    return answer_accuracy(task.grader, {**task.reference.answer, **answer})[0]


def play(task, calls: list[tuple[str, dict]]) -> dict:
    env = HealthGymEnv(domain="ehr_management", split=None)
    env.reset(options={"task": task})
    info: dict = {}
    for name, args in calls:
        _, _, done, _, info = env.step(format_hermes(name, args))
        if done:
            break
    return info["reward_components"]


def reference_calls(task) -> list[tuple[str, dict]]:
    return [(c.name, dict(c.arguments)) for c in task.reference.calls]


def _culture(org: str):
    return task_of("first_positive_culture", lambda t: t.grader["organism"] == org)


EQUIVALENT = [
    ("first_positive_culture", {"answer": "E. coli"}, "ESCHERICHIA COLI"),
    ("first_positive_culture", {"answer": "Escherichia coli (pan-sensitive)"}, "ESCHERICHIA COLI"),
    ("first_positive_culture", {"answer": "pneumococcus"}, "STREPTOCOCCUS PNEUMONIAE"),
    ("first_positive_culture", {"answer": "S. pneumoniae"}, "STREPTOCOCCUS PNEUMONIAE"),
    ("readmission_interval", {"answer": "No - more than 30 days later"}, "no"),
    ("readmission_interval", {"answer": "Yes, within 30 days"}, "yes"),
    ("icu_stays", {"answer": "{count} ICU stays"}, None),
    ("lace_band", {"answer": "{band} risk"}, None),
    ("news2_response", {"answer": "{level} clinical risk"}, None),
    ("home_med_not_restarted", {"answer": "Home {drug} was not restarted"}, None),
    ("critical_values", {"items": "abbreviations"}, None),
    ("duplicate_therapy", {"items": "brands"}, None),
]
LAB_ABBREVIATIONS = {
    "potassium": "K",
    "hemoglobin": "Hgb",
    "sodium": "Na",
    "bicarbonate": "HCO3",
    "glucose": "blood glucose",
    "ph": "arterial pH",
    "lactate": "lactic acid",
    "creatinine": "Cr",
    "platelets": "Plt",
    "wbc": "white blood cell count",
    "inr": "INR",
    "calcium": "Ca",
}
BRANDS = {"omeprazole": "Prilosec", "pantoprazole": "Protonix", "atorvastatin": "Lipitor"}


@pytest.mark.parametrize("kind,answer,want", EQUIVALENT)
def test_equivalent_answers_score_as_the_reference(kind, answer, want):
    if kind == "first_positive_culture":
        task = _culture(want)
    elif kind == "readmission_interval":
        task = task_of(kind, lambda t: t.grader["yes_no"] == want)
    else:
        task = task_of(kind)
    g = task.grader
    answer = dict(answer)
    if answer.get("items") == "abbreviations":
        answer["items"] = [LAB_ABBREVIATIONS.get(k, k) for k in g["labs"]]
    elif answer.get("items") == "brands":
        answer["items"] = [BRANDS.get(k, k) for k in g["drugs"]]
    elif "answer" in answer:
        answer["answer"] = answer["answer"].format(
            count=g.get("count"),
            band=str(g.get("band", "")).capitalize(),
            level=str(g.get("level", "")).upper(),
            drug=g.get("drug"),
        )
    assert score(task, answer) == 1.0, (answer, g)


def _wrong_org(task):
    return next(
        o for o in ("Klebsiella pneumoniae", "E. coli") if o.upper() != task.grader["organism"]
    )


NEAR_MISS = [
    ("first_positive_culture", "negated"),
    ("first_positive_culture", "hedged"),
    ("first_positive_culture", "sibling"),
    ("readmission_interval", "opposite"),
    ("readmission_interval", "both"),
    ("news2_response", "adjacent"),
    ("lace_band", "adjacent"),
    ("home_med_not_restarted", "two_drugs"),
    ("critical_values", "extra_item"),
    ("critical_values", "missing_item"),
    ("duplicate_therapy", "one_only"),
    ("icu_stays", "range"),
]


@pytest.mark.parametrize("kind,miss", NEAR_MISS)
def test_near_misses_lose_credit(kind, miss):
    task = task_of(kind)
    g, ref = task.grader, task.reference.answer
    if miss == "negated":
        answer = {"answer": f"not {ref['answer']}"}
    elif miss == "hedged":
        answer = {"answer": f"{ref['answer']} or {_wrong_org(task)}"}
    elif miss == "sibling":
        answer = {"answer": _wrong_org(task)}
    elif miss == "opposite":
        answer = {"answer": "yes" if g["yes_no"] == "no" else "no"}
    elif miss == "both":
        answer = {"answer": "yes or no"}
    elif miss == "adjacent":
        bands = (
            ("low", "low-medium", "medium", "high")
            if kind == "news2_response"
            else (
                "low",
                "moderate",
                "high",
            )
        )
        want = g.get("band") or g["level"]
        answer = {"answer": bands[(bands.index(want) + 1) % len(bands)]}
    elif miss == "two_drugs":
        other = "metoprolol" if g["drug"] != "metoprolol" else "lisinopril"
        answer = {"answer": f"{g['drug']} or {other}"}
    elif miss == "extra_item":
        extra = next(k for k in ("troponin", "Hgb", "K") if k.lower() not in g["labs"])
        answer = {"items": [*ref["items"], extra]}
    elif miss == "missing_item":
        answer = {"items": ref["items"][:-1]}
    elif miss == "one_only":
        answer = {"items": ref["items"][:1]}
    else:  # a range is not a count
        answer = {"answer": f"{g['count']}-{g['count'] + 1}"}
    assert score(task, answer) < 1.0, answer


# --- orders: precision and recall, neutral items, harm from drug knowledge ------------
def _stop_calls(task):
    return [c for c in reference_calls(task) if c[0] != "submit_answer"]


DONE = ("submit_answer", {"answer": "done"})


def test_neutral_guideline_orders_keep_full_accuracy():
    task = task_of("hold_antithrombotics")
    extra = [
        ("place_order", {"order_type": "lab", "item": "hemoglobin"}),
        ("place_order", {"order_type": "procedure", "item": "upper endoscopy"}),
    ]
    c = play(task, [*_stop_calls(task), *extra, DONE])
    assert c["accuracy"] == 1.0 and c["safety"] == 1.0


def test_stuffed_orders_lower_accuracy():
    task = task_of("stop_nephrotoxins")
    stuff = [
        ("place_order", {"order_type": "consult", "item": "palliative care"}),
        ("place_order", {"order_type": "imaging", "item": "echocardiogram"}),
        ("place_order", {"order_type": "lab", "item": "troponin_i"}),
        ("place_order", {"order_type": "medication", "item": "acetaminophen"}),
    ]
    c = play(task, [*_stop_calls(task), *stuff, DONE])
    assert c["accuracy"] <= 0.7


def test_an_nsaid_in_aki_is_a_violation():
    task = task_of("stop_nephrotoxins")
    order = ("place_order", {"order_type": "medication", "item": "naproxen"})
    c = play(task, [*_stop_calls(task), order, DONE])
    assert c["safety"] < 1.0 and c["accuracy"] < 1.0


def test_an_anticoagulant_in_bleeding_and_a_second_ppi_are_violations():
    task = task_of("hold_antithrombotics")
    order = ("place_order", {"order_type": "medication", "item": "apixaban"})
    c = play(task, [*_stop_calls(task), order, DONE])
    assert any(v["severity"] == "critical" for v in c["violations"])
    ppi = ("place_order", {"order_type": "medication", "item": "pantoprazole"})
    other = ("place_order", {"order_type": "medication", "item": "esomeprazole"})
    c = play(task, [*_stop_calls(task), ppi, other, DONE])
    assert "duplicate_therapy" in {v["code"] for v in c["violations"]}


def test_process_accepts_another_tool_with_the_same_rows():
    task = task_of("peak_lab")
    calls = []
    for name, args in reference_calls(task):
        if name == "query_labs":
            calls.append(("lab_trend", {"lab": args["lab"], "hadm_id": args["hadm_id"]}))
        else:
            calls.append((name, args))
    c = play(task, calls)
    assert c["accuracy"] == 1.0 and c["process"] == pytest.approx(1.0)


def test_a_negated_hedged_or_alternative_band_names_no_band() -> None:
    from healthgym.domains.ehr_management.grading import BANDS, _band_match

    options = BANDS["lace_band"]
    assert _band_match("Low risk", "low", options)
    assert _band_match("LOW", "low", options)
    for text in ("Not low", "possibly low", "low or moderate", "low or no", "low vs high"):
        assert not _band_match(text, "low", options), text


def test_a_negated_or_hedged_stated_answer_commits_to_nothing() -> None:
    from healthgym.domains.ehr_management.grading import _uncommitted

    assert _uncommitted("Not peak Creatinine", "peak Creatinine")
    assert _uncommitted("done or SOFA change", "done")
    assert not _uncommitted("peak creatinine", "peak Creatinine")
    # a reference that itself states an absence is matched on its own terms
    assert not _uncommitted("No positive culture", "No positive culture")
