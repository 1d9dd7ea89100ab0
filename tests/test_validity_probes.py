"""The validity probes of issue 15: the shallow reader and the difficulty report.

The scripts' ``--quick --json`` modes run on two domains (their JSON keys are
checked), and the reader's string rules are checked on a small synthetic example.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from healthgym.agents.shallow import (
    RULES,
    AnswerModel,
    ShallowReaderPolicy,
    choose,
    labelled_numbers,
    mentions,
    phrase_regex,
)

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
DOMAINS = "psychiatry,triage_emergency"


def _load(name: str) -> ModuleType:
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_shallow_reader_quick_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert _load("shallow_reader").main(["--quick", "--json", "--domains", DOMAINS]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["errors"] == {}
    for key in ("by_domain", "composite", "best_rule", "shallow_reader_by_rule", "margin"):
        assert set(out[key]) == set(DOMAINS.split(","))
    for domain, row in out["by_domain"].items():
        assert list(row) == ["lazy", "random", "shallow_reader", "oracle"]
        assert set(out["composite"][domain]) == set(row)
        assert all(0.0 <= v <= 1.0 for v in row.values())
        assert row["oracle"] == 1.0
        assert out["best_rule"][domain] in RULES
        assert set(out["shallow_reader_by_rule"][domain]) == set(RULES)
        assert row["shallow_reader"] == max(out["shallow_reader_by_rule"][domain].values())
        assert out["tasks"][domain] == 8
    assert isinstance(out["over_margin"], list) and out["quick"] is True


def test_difficulty_quick_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert _load("difficulty").main(["--quick", "--json", "--domains", DOMAINS]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == set(DOMAINS.split(","))
    assert set(out["triage_emergency"]) <= {"single", "queue", "mci"}
    for types in out.values():
        assert sum(row["tasks"] for row in types.values()) == 8
        for row in types.values():
            assert set(row) == {
                "tasks",
                "oracle_calls",
                "facts",
                "lazy_accuracy",
                "shallow_reader_accuracy",
            }
            for stat in ("oracle_calls", "facts"):
                assert row[stat]["min"] <= row[stat]["mean"] <= row[stat]["max"]
            assert row["facts"]["min"] >= 1


# ------------------------------------------------------------------ string rules

SCHEMA = {
    "type": "object",
    "properties": {
        "finding": {"type": "string", "enum": ["benign", "suspicious", "highly_suspicious"]},
        "heart_rate": {"type": "number", "minimum": 10, "maximum": 300},
        "orders": {"type": "array", "items": {"type": "string"}, "maxItems": 5},
        "charttime": {"type": "string"},
        "note": {"type": "string"},
    },
    "required": ["finding"],
}
TRAIN = [
    {"finding": "benign", "orders": ["oxygen"], "charttime": "2100-01-01 10:00", "note": "x"},
    {"finding": "benign", "orders": ["oxygen", "ecg"], "charttime": "2100-02-03 11:30"},
    {"finding": "suspicious", "orders": ["biopsy"], "charttime": "2101-05-06 08:15"},
]
OUTPUTS = [
    ("look", "Pattern: irregular network; the border looks suspicious. Heart rate: 72/min."),
    ("measure", "Suspicious dots. Repeat heart rate 75 at 2183-09-05 22:18; biopsy kit"),
    ("later", "Benign-looking halo. Drawn 2183-09-06 06:00; oxygen 2 L."),
]


def test_string_rules_on_a_synthetic_episode() -> None:
    model = AnswerModel("submit", SCHEMA, TRAIN)
    kinds = {n: f.kind for n, f in model.fields.items()}
    assert kinds == {
        "finding": "enum",
        "heart_rate": "number",
        "orders": "list",
        "charttime": "shape",
        "note": "text",
    }
    prompt = "Submit finding, heart_rate, orders and charttime."
    assert model.fields_for(prompt) == ["finding", "heart_rate", "orders", "charttime"]
    most = model.answer(OUTPUTS, prompt, "most")
    assert most["finding"] == "suspicious"  # 2 mentions against 1
    assert most["heart_rate"] == 72.0  # 72 and 75 once each: the first
    assert most["orders"] == ["biopsy", "oxygen"]  # every candidate that appears
    assert most["charttime"] in ("2183-09-05 22:18", "2183-09-06 06:00")
    last = model.answer(OUTPUTS, prompt, "last")
    assert last["finding"] == "benign" and last["heart_rate"] == 75.0
    assert last["charttime"] == "2183-09-06 06:00"
    first = model.answer(OUTPUTS, prompt, "first")
    assert first["finding"] == "suspicious" and first["charttime"] == "2183-09-05 22:18"
    # rarest: of those that appear, the least common in training ("suspicious": 1)
    assert model.answer(OUTPUTS, prompt, "rarest")["finding"] == "suspicious"
    # nothing matches: the most common training value (what lazy submits)
    empty = model.answer([("look", "nothing to see")], prompt, "most")
    assert empty == {"finding": "benign", "orders": ["oxygen"], "charttime": "2100-01-01 10:00"}


def test_distinct_rule_discounts_what_every_episode_prints() -> None:
    model = AnswerModel("submit", SCHEMA, TRAIN)
    # every training episode prints "suspicious" twice (a menu, say)
    model.fit_background([[("menu", "suspicious or suspicious")]] * 3)
    found = {"suspicious": [0, 10], "benign": [40]}
    assert choose(found, "distinct", None, model.fields["finding"].background) == "benign"
    assert choose(found, "most") == "suspicious"
    assert choose(found, "last") == "benign"


def test_matching_helpers() -> None:
    pat = phrase_regex("highly_suspicious")
    assert pat is not None
    assert mentions("Highly suspicious lesion; highly-suspicious", pat) == [0, 26]
    benign = phrase_regex("benign")
    assert benign is not None and mentions("benignity is not benign", benign) == [17]
    assert [v for _, v in labelled_numbers("QTc (Bazett): 422.7 ms", "qtc_ms")] == [422.7]
    assert [v for _, v in labelled_numbers("a 54-year-old man", "age")] == [54.0]
    assert [v for _, v in labelled_numbers("Systolic blood pressure 112 mmHg", "sbp")] == [112.0]
    letters = AnswerModel(
        "submit",
        {"properties": {"answer": {"type": "string", "enum": ["A", "B"]}}, "required": []},
        [{"answer": "A"}],
    )
    prompt = "Which drug?\nA. Cephalexin\nB. Vancomycin\nSubmit the answer."
    got = letters.answer([("kb", "Vancomycin is first line.")], prompt, "most")
    assert got == {"answer": "B"}


@pytest.mark.parametrize("domain", ["psychiatry", "triage_emergency"])
def test_rule_scores_equal_one_episode_per_rule(domain: str) -> None:
    """The benchmark scores every rule on one tool phase (forked state): the same
    scores as running the policy once per rule through ``run_episode``."""
    from healthgym.domains import get_domain
    from healthgym.runner import run_episode

    sr = _load("shallow_reader")
    env = sr.TaskCacheEnv(domain)
    model = AnswerModel.from_answers(domain, sr.train_answers(domain, 40))
    sr.fit_background(env, model, domain, 3)
    for index in sr.spread(get_domain(domain).indices("test"), 3):
        forked = sr.reader_scores(env, domain, model, index)
        for rule in RULES:
            traj = run_episode(env, ShallowReaderPolicy(domain, rule, model), index)
            assert forked[rule]["accuracy"] == pytest.approx(traj["reward_components"]["accuracy"])
            assert forked[rule]["composite"] == pytest.approx(traj["reward"])
