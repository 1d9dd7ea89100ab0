"""verl export (parquet rows), tool-config YAML and compute_score, without verl."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("pyarrow")

from healthgym.domains import get_domain
from healthgym.env import HealthGymEnv
from healthgym.train.env_session import hermes_call
from healthgym.train.verl.export import (
    AGENT_NAME,
    domain_of,
    export_parquet,
    read_parquet,
    task_rows,
)
from healthgym.train.verl.reward import compute_score
from healthgym.train.verl.tool_config import TOOL_CLASS, tool_config, write_tool_config

TID = "medical_qa-00000"
PASSAGE = "builtin:disease/acute_appendicitis/diagnosis"
SUBMIT = {"answer": "A", "rationale": "Acute appendicitis: stated in passage " + PASSAGE + "."}


def test_rows_follow_verls_layout_and_hold_no_hidden_answer():
    rows = task_rows("medical_qa", "train", limit=2)
    dom = get_domain("medical_qa")
    env = HealthGymEnv("medical_qa", split=None)
    for row, i in zip(rows, dom.indices("train")[:2], strict=True):
        obs, info = env.reset(options={"index": i})
        task = env.task
        assert set(row) == {
            "data_source",
            "prompt",
            "ability",
            "reward_model",
            "agent_name",
            "extra_info",
        }
        assert row["data_source"] == "healthgym/medical_qa"
        assert row["ability"] == "medical/medical_qa"
        assert row["agent_name"] == AGENT_NAME == "tool_agent"
        assert row["prompt"] == [{"role": "user", "content": obs}]
        assert row["reward_model"] == {"style": "rule", "ground_truth": task.id}
        extra = row["extra_info"]
        assert (extra["task_id"], extra["index"], extra["split"]) == (task.id, i, "train")
        assert extra["need_tools_kwargs"] is True
        assert sorted(extra["tools_kwargs"]) == sorted(t.name for t in dom.toolkit)
        for kw in extra["tools_kwargs"].values():
            assert kw == {"create_kwargs": {"task_id": task.id, "domain": "medical_qa"}}
        assert extra["tool_selection"] == [s["function"]["name"] for s in info["tools"]]
        text = json.dumps(row)
        assert task.reference.answer["rationale"] not in text  # the privileged rationale
        assert json.dumps(task.hidden) not in text


def test_parquet_round_trip_across_domains(tmp_path):
    paths = export_parquet(
        ["medical_qa", "triage_emergency"], tmp_path, ("train", "test"), limit_per_domain=2
    )
    assert sorted(paths) == ["test", "train"]
    back = read_parquet(paths["train"])
    rows = task_rows("medical_qa", "train", limit=2)
    rows += task_rows("triage_emergency", "train", limit=2)
    assert len(back) == 4
    for got, want in zip(back, rows, strict=True):
        assert got["prompt"] == want["prompt"]
        assert got["reward_model"] == want["reward_model"]
        assert got["extra_info"]["task_id"] == want["extra_info"]["task_id"]
        assert got["extra_info"]["tool_selection"] == want["extra_info"]["tool_selection"]
        # a struct column holds the union of the domains' tools; the others are null
        for name, kw in want["extra_info"]["tools_kwargs"].items():
            assert got["extra_info"]["tools_kwargs"][name] == kw
    assert [r["data_source"] for r in back] == ["healthgym/medical_qa"] * 2 + [
        "healthgym/triage_emergency"
    ] * 2
    assert domain_of("healthgym/triage_emergency") == "triage_emergency"
    assert domain_of("openai/gsm8k") is None


def test_tool_config_lists_each_tool_once_with_the_registry_schema(tmp_path):
    import yaml

    cfg = tool_config("medical_qa")
    names = [t["tool_schema"]["function"]["name"] for t in cfg["tools"]]
    assert names == [t.name for t in get_domain("medical_qa").toolkit]
    for entry, schema in zip(cfg["tools"], get_domain("medical_qa").toolkit.schemas, strict=True):
        assert entry["class_name"] == TOOL_CLASS
        assert entry["config"] == {"type": "native", "max_turns": 20}
        assert entry["tool_schema"] == schema
    both = tool_config(["medical_qa", "triage_emergency"], env_factory="pkg.mod:make")
    both_names = [t["tool_schema"]["function"]["name"] for t in both["tools"]]
    assert len(both_names) == len(set(both_names))  # shared knowledge tools once
    assert set(both_names) == {t.name for t in get_domain("medical_qa").toolkit} | {
        t.name for t in get_domain("triage_emergency").toolkit
    }
    assert both["tools"][0]["config"]["env_factory"] == "pkg.mod:make"
    path = write_tool_config("medical_qa", tmp_path / "cfg" / "tools.yaml")
    assert yaml.safe_load(path.read_text()) == cfg


def _direct(actions: list[str]) -> dict:
    env = HealthGymEnv("medical_qa", split=None)
    env.reset(options={"task_id": TID})
    for a in actions:
        _, _, term, trunc, info = env.step(a)
        if term or trunc:
            return info["reward_components"]
    env.max_turns = env.log.turns + 1
    return env.step("")[4]["reward_components"]


def test_compute_score_single_turn_replays_the_solution_string():
    solution = "The answer is A. " + hermes_call("submit_answer", SUBMIT)
    comps = _direct([solution])
    out = compute_score("healthgym/medical_qa", solution, TID, {"task_id": TID})
    assert out["score"] == comps["composite"]
    assert {k: out[k] for k in ("accuracy", "process", "safety", "format", "coherence")} == {
        k: comps[k] for k in ("accuracy", "process", "safety", "format", "coherence")
    }
    assert out["valid"] == 1.0 and out["capped"] == 0.0
    # the ground truth (the task id) is enough without extra_info
    assert compute_score("healthgym/medical_qa", solution, TID)["score"] == comps["composite"]
    wrong = compute_score("healthgym/medical_qa", "I do not know.", TID, {"task_id": TID})
    assert (wrong["accuracy"], wrong["format"]) == (0.0, 0.0)


def test_compute_score_uses_the_tools_record_of_a_multi_turn_episode():
    calls = [
        {"name": "read_passage", "arguments": {"passage_id": PASSAGE}},
        {"name": "submit_answer", "arguments": SUBMIT},
    ]
    full = _direct([hermes_call(c["name"], c["arguments"]) for c in calls])
    assert full["composite"] == 1.0  # correct, required call made, coherent
    ended = {"task_id": TID, "calls": calls, "done": True, "reward_components": full}
    out = compute_score("healthgym/medical_qa", "<ignored>", TID, {"healthgym": ended})
    assert out["score"] == 1.0
    # an episode left open (no submit) is replayed from its calls and closed
    open_rec = {"task_id": TID, "calls": calls[:1], "done": False, "reward_components": None}
    out = compute_score("healthgym/medical_qa", "", TID, {"healthgym": open_rec})
    want = _direct([hermes_call("read_passage", calls[0]["arguments"])])
    assert out["score"] == want["composite"]
    assert out["accuracy"] == 0.0 and out["process"] == pytest.approx(1.0)


def test_compute_score_on_unusable_input_scores_zero_and_other_sources_need_verl():
    bad = compute_score("healthgym/medical_qa", "x", "medical_qa-99999", {})
    assert bad["valid"] == 0.0 and bad["score"] == 0.0
    other = compute_score("healthgym/medical_qa", "x", "triage_emergency-00000", None)
    assert other["valid"] == 0.0
    assert compute_score("healthgym/medical_qa", "x", None, {"task_id": 3})["valid"] == 0.0
    try:
        import verl  # noqa: F401
    except ImportError:
        with pytest.raises(ValueError, match="not a HealthGym data source"):
            compute_score("openai/gsm8k", "x", "1", {})
