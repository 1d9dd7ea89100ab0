"""The evaluation harness end to end: scripted policies on the shared benchmark files
(lazy accuracies checked against an independent count of the raw files), agentic mode
through the rollout runner (MCQ as medical_qa tasks; calculator and SQL items in an
evaluation domain), resuming, log-likelihood scoring with a tiny model and direct mode
against the mock OpenAI server."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from healthgym.agents.scripted import ScriptedAgent
from healthgym.domains import get_domain
from healthgym.env import HealthGymEnv
from healthgym.eval import EvalConfig, run_eval
from healthgym.eval.agentic import episode_specs, item_task, uses_medical_qa
from healthgym.eval.harness import load_items
from healthgym.eval.items import Benchmark, EvalItem, ScoreResult
from healthgym.eval.prompts import direct_prompt
from healthgym.eval.records import read_records
from healthgym.eval.registry import get_benchmark
from healthgym.eval.scripted import scripted_answer
from healthgym.tools import format_hermes
from shared_data import BENCHMARKS, needs_shared

SHARED = BENCHMARKS
needs_shared = needs_shared(SHARED)
FIVE = ["medqa", "medmcqa", "mmlu_medical", "pubmedqa", "medcalc"]


def raw_first_option_counts() -> dict[str, tuple[int, int]]:
    """(items, items whose answer is the first option), counted from the raw files."""
    medqa = [json.loads(x) for x in (SHARED / "medqa_usmle_4opt").glob("*.jsonl").__next__().open()]
    medmcqa = [json.loads(x) for x in (SHARED / "medmcqa" / "dev.jsonl").open()]
    mmlu = [
        r for f in sorted((SHARED / "mmlu_medical").glob("*.csv")) for r in csv.reader(f.open())
    ]
    truth = json.loads((SHARED / "pubmedqa" / "test_ground_truth.json").read_text())
    medcalc = list(csv.DictReader((SHARED / "medcalc_bench" / "dev_data.csv").open()))
    return {
        "medqa": (len(medqa), sum(r["answer_idx"] == "A" for r in medqa)),
        "medmcqa": (len(medmcqa), sum(int(r["cop"]) == 1 for r in medmcqa)),
        "mmlu_medical": (len(mmlu), sum(r[5].strip() == "A" for r in mmlu)),
        "pubmedqa": (len(truth), sum(v == "yes" for v in truth.values())),
        # lazy answers 0: right when MedCalc-Bench's rule accepts 0 (an integer rounding to
        # the gold, a decimal inside [Lower Limit, Upper Limit]; never a date or (w, d))
        "medcalc": (len(medcalc), sum(_zero_is_right(r) for r in medcalc)),
    }


def _zero_is_right(row: dict[str, str]) -> bool:
    gold, kind = row["Ground Truth Answer"].strip(), row["Output Type"]
    if gold.startswith("(") or kind == "date":
        return False
    if kind == "integer":
        return round(float(gold)) == 0
    return float(row["Lower Limit"]) <= 0 <= float(row["Upper Limit"])


@needs_shared
def test_lazy_direct_equals_an_independent_count(tmp_path):
    summary = run_eval(EvalConfig(benchmarks=FIVE, data_dir=str(SHARED)), tmp_path)
    counts = raw_first_option_counts()
    assert counts == {
        "medqa": (1273, 353),
        "medmcqa": (4183, 1348),
        "mmlu_medical": (1089, 235),
        "pubmedqa": (500, 276),
        "medcalc": (164, 5),
    }
    for name, (n, first) in counts.items():
        b = summary["by_benchmark"][name]
        assert b["n"] == n and b["accuracy"] == first / n, name
        assert b["ci95"][0] < b["accuracy"] < b["ci95"][1]
        assert b["errors"] == 0
        # "0" is neither a date (6 rows) nor (weeks, days) (3 rows)
        assert b["no_answer"] == (9 if name == "medcalc" else 0), name
    records = read_records(tmp_path / "records.jsonl")
    assert len(records) == 1273 + 4183 + 1089 + 500 + 164
    first = records[0]
    assert (first["answer"], first["extracted"], first["mode"], first["policy"]) == (
        "A",
        "A",
        "direct",
        "lazy",
    )
    pub = next(r for r in records if r["benchmark"] == "pubmedqa")
    assert pub["answer"] == "yes" and pub["extracted"] == "yes"
    calc = next(r for r in records if r["benchmark"] == "medcalc")
    assert calc["answer"] == "0" and calc["extracted"] == 0.0


@needs_shared
def test_random_is_seeded_and_the_oracle_is_always_right(tmp_path):
    cfg = {"benchmarks": ["medqa", "pubmedqa"], "data_dir": str(SHARED), "limit": 50}
    a = run_eval(EvalConfig(policy="random", seed=3, **cfg), tmp_path / "a")
    b = run_eval(EvalConfig(policy="random", seed=3, **cfg), tmp_path / "b")
    assert a["by_benchmark"] == b["by_benchmark"]
    answers = [r["answer"] for r in read_records(tmp_path / "a" / "records.jsonl")]
    assert set(answers[:50]) == {"A", "B", "C", "D"}
    assert set(answers[50:]) == {"yes", "no", "maybe"}
    oracle = run_eval(EvalConfig(policy="oracle", **cfg), tmp_path / "o")
    assert all(v["accuracy"] == 1.0 for v in oracle["by_benchmark"].values())


@needs_shared
def test_agentic_mcq_runs_through_the_rollout_runner(tmp_path):
    cfg = {"benchmarks": ["medqa", "pubmedqa"], "data_dir": str(SHARED), "limit": 12}
    direct = run_eval(EvalConfig(policy="lazy", **cfg), tmp_path / "d")
    lazy = run_eval(EvalConfig(policy="lazy", mode="agentic", **cfg), tmp_path / "l")
    oracle = run_eval(EvalConfig(policy="oracle", mode="agentic", **cfg), tmp_path / "o")
    for name in ("medqa", "pubmedqa"):
        assert lazy["by_benchmark"][name]["accuracy"] == direct["by_benchmark"][name]["accuracy"]
        assert oracle["by_benchmark"][name]["accuracy"] == 1.0
    rec = read_records(tmp_path / "l" / "records.jsonl")[-1]
    assert rec["benchmark"] == "pubmedqa" and rec["answer"] == "A" and rec["extracted"] == "yes"
    assert rec["tool_calls"] == ["submit_answer"] and rec["ended_by"] == "submitted"
    assert rec["turns"] == 1 and rec["error"] is None


@needs_shared
def test_agentic_medcalc_runs_in_the_eval_domain_with_calculators(tmp_path):
    cfg = {"benchmarks": ["medcalc"], "data_dir": str(SHARED), "limit": 6, "mode": "agentic"}
    oracle = run_eval(EvalConfig(policy="oracle", **cfg), tmp_path / "o")
    assert oracle["by_benchmark"]["medcalc"]["accuracy"] == 1.0
    rec = read_records(tmp_path / "o" / "records.jsonl")[0]
    assert rec["tool_calls"] == ["submit_final_answer"] and rec["reward"] > 0.5
    specs = episode_specs(get_benchmark("medcalc"), load_items(get_benchmark("medcalc"), SHARED, 1))
    env = HealthGymEnv(specs[0].domain, split=None)  # the registered domain eval_medcalc
    obs, info = env.reset(options={"task": specs[0].task})
    names = {t["function"]["name"] for t in info["tools"]}
    assert {"calc_renal_function", "search_knowledge", "submit_final_answer"} <= names
    assert "Patient note:" in obs and "25.238" not in obs  # the gold of row 1


# ---------------------------------------------------------------- a custom benchmark
GOLD_MARK = "7.5"


def _number(text: str) -> float | None:
    found = re.findall(r"-?\d+(?:\.\d+)?", text or "")
    return float(found[-1]) if found else None


def score_bmi(item: EvalItem, answer: str) -> ScoreResult:
    value = _number(answer)
    ok = value is not None and abs(value - float(item.gold)) <= 0.05 * abs(float(item.gold))
    return ScoreResult(float(ok), ok, value)


def bmi_items(data_dir: Path) -> list[EvalItem]:
    out = []
    for i, (w, h) in enumerate([(70, 175), (90, 180), (55, 160)]):
        out.append(
            EvalItem(
                id=f"bmi-{i}",
                benchmark="bmi",
                kind="calc",
                question=f"What is the BMI of a patient weighing {w} kg who is {h} cm tall?",
                gold=round(w / (h / 100) ** 2, 2),
                context=(f"Note {i}: an adult seen in clinic.",),
                meta={"explanation": "BMI = weight / height^2"},
            )
        )
    return out


BMI = Benchmark(
    name="bmi", kind="calc", load=bmi_items, score=score_bmi, tools=("knowledge", "calculators")
)


class CalcThenSubmit:
    """Calls the BMI calculator with the numbers of the question, then submits its value."""

    name = "calc-then-submit"

    def reset(self, task: Any, observation: str, info: dict[str, Any]) -> None:
        w, h = re.search(r"weighing (\d+) kg who is (\d+) cm", observation).groups()
        self.queue = [
            format_hermes(
                "calc_body_size", {"measure": "bmi", "weight_kg": float(w), "height_cm": float(h)}
            )
        ]

    def act(self, observation: str) -> str:
        if self.queue:
            return self.queue.pop(0)
        value = re.search(r"(\d+\.\d+)", observation).group(1)
        return format_hermes("submit_final_answer", {"answer": value})


def test_eval_domain_runs_calculator_items(tmp_path):
    oracle = run_eval(
        EvalConfig(benchmarks=["bmi"], data_dir=".", policy="oracle", mode="agentic"),
        tmp_path / "o",
        benchmarks=[BMI],
    )
    assert oracle["by_benchmark"]["bmi"] == {
        **oracle["by_benchmark"]["bmi"],
        "n": 3,
        "accuracy": 1.0,
    }
    agent = ScriptedAgent(lambda domain: CalcThenSubmit(), name="calc-then-submit")
    cfg = EvalConfig(benchmarks=["bmi"], data_dir=".", policy="smollm2", mode="agentic")
    summary = run_eval(cfg, tmp_path / "m", benchmarks=[BMI], agent=agent)
    assert summary["by_benchmark"]["bmi"]["accuracy"] == 1.0
    recs = read_records(tmp_path / "m" / "records.jsonl")
    assert [r["tool_calls"] for r in recs] == [["calc_body_size", "submit_final_answer"]] * 3
    assert [r["extracted"] for r in recs] == [22.8571, 27.7778, 21.4844]  # w / h^2, 4 decimals
    lazy = run_eval(
        EvalConfig(benchmarks=["bmi"], data_dir=".", policy="lazy", mode="agentic"),
        tmp_path / "l",
        benchmarks=[BMI],
    )
    assert lazy["by_benchmark"]["bmi"]["accuracy"] == 0.0
    assert [r["answer"] for r in read_records(tmp_path / "l" / "records.jsonl")] == ["0"] * 3


def test_the_gold_never_reaches_the_policy():
    items = bmi_items(Path("."))
    item = items[0]
    assert not uses_medical_qa(item)
    specs = episode_specs(BMI, items)
    assert specs[0].domain == "eval_bmi" and get_domain("eval_bmi").name == "eval_bmi"
    env = HealthGymEnv("eval_bmi", split=None)  # registered, resolved by name
    obs, info = env.reset(options={"task": specs[0].task})
    assert env.domain.name == "eval_bmi"
    names = {t["function"]["name"] for t in info["tools"]}
    assert {"search_knowledge", "calc_body_size", "submit_final_answer"} <= names
    assert "run_sql" not in names
    for shown in (obs, json.dumps(info), direct_prompt(item)):
        assert str(item.gold) not in shown and "BMI = weight" not in shown
    # the domain's tasks are the items bound to it
    env.reset(options={"index": 1})
    assert env.task is not None and env.task.grader["uid"] == items[1].uid


def test_sql_items_run_on_the_users_database(tmp_path):
    db = tmp_path / "demo.sqlite"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE patients (id INTEGER, age INTEGER)")
    con.executemany("INSERT INTO patients VALUES (?, ?)", [(1, 40), (2, 71), (3, 85)])
    con.commit()
    con.close()

    def rows(sql: str) -> list[tuple] | None:
        c = sqlite3.connect(db)
        try:
            return sorted(c.execute(sql).fetchall())
        except sqlite3.Error:
            return None
        finally:
            c.close()

    def score_sql(item: EvalItem, answer: str) -> ScoreResult:
        got = rows(answer)
        ok = got is not None and got == sorted(tuple(r) for r in item.gold)
        return ScoreResult(float(ok), ok, got)

    item = EvalItem(
        id="q1",
        benchmark="sqlmini",
        kind="sql",
        question="How many patients are over 65?",
        gold=[(2,)],
        meta={"sql": "SELECT COUNT(*) FROM patients WHERE age > 65"},
    )
    bench = Benchmark("sqlmini", "sql", lambda d: [item], score_sql, tools=("knowledge", "sql"))

    class Explore:
        name = "explore"

        def reset(self, task, observation, info):
            self.queue = [
                format_hermes("run_sql", {"query": "DELETE FROM patients"}),
                format_hermes("run_sql", {"query": "SELECT age FROM patients ORDER BY id"}),
                format_hermes("submit_final_answer", {"answer": item.meta["sql"]}),
            ]

        def act(self, observation):
            return self.queue.pop(0)

    cfg = EvalConfig(["sqlmini"], ".", policy="local", mode="agentic", sql_db=str(db))
    summary = run_eval(cfg, tmp_path / "r", [bench], ScriptedAgent(lambda d: Explore()))
    assert summary["by_benchmark"]["sqlmini"]["accuracy"] == 1.0
    assert rows("SELECT COUNT(*) FROM patients") == [(3,)]  # the DELETE was refused
    # the tool results the agent saw
    specs = episode_specs(bench, [item], str(db))
    env = HealthGymEnv("eval_sqlmini", split=None)
    env.reset(options={"task": specs[0].task})
    obs = env.step(format_hermes("run_sql", {"query": "DELETE FROM patients"}))[0]
    assert obs == "[run_sql] Error: only SELECT queries are allowed (the query starts with DELETE)"
    obs = env.step(format_hermes("run_sql", {"query": "SELECT age FROM patients ORDER BY id"}))[0]
    assert obs == "[run_sql] 3 row(s)\n40\n71\n85"
    obs = env.step(
        format_hermes(
            "run_sql",
            {
                "query": "WITH RECURSIVE c(x) AS (SELECT 1 "
                "UNION ALL SELECT x + 1 FROM c WHERE x < 60) SELECT x FROM c"
            },
        )
    )[0]
    assert obs.startswith("[run_sql] 60 row(s) (the first 50 shown)\n1\n2\n")
    assert obs.endswith("\n50")
    no_db = item_task(item, 0, bench)
    env.reset(options={"task": no_db})
    assert "no database is configured" in env.step(format_hermes("run_sql", {"query": "x"}))[0]


def test_resume_keeps_done_items_and_scorer_errors_are_recorded(tmp_path):
    calls: list[str] = []

    def counting(item: EvalItem, answer: str) -> ScoreResult:
        calls.append(item.id)
        if item.id == "bmi-2":
            raise RuntimeError("scorer bug")
        return score_bmi(item, answer)

    bench = Benchmark("bmi", "calc", bmi_items, counting)
    cfg = EvalConfig(benchmarks=["bmi"], data_dir=".", policy="oracle", limit=2)
    run_eval(cfg, tmp_path, [bench])
    assert calls == ["bmi-0", "bmi-1"]
    cfg = EvalConfig(benchmarks=["bmi"], data_dir=".", policy="oracle", resume=True)
    summary = run_eval(cfg, tmp_path, [bench])
    assert calls == ["bmi-0", "bmi-1", "bmi-2"]  # only the new item ran
    recs = read_records(tmp_path / "records.jsonl")
    assert [r["id"] for r in recs] == ["bmi-0", "bmi-1", "bmi-2"]
    assert recs[2]["details"]["scorer_error"] == "RuntimeError: scorer bug"
    assert summary["by_benchmark"]["bmi"]["n"] == 3
    assert summary["by_benchmark"]["bmi"]["accuracy"] == 2 / 3


def test_bad_configurations_are_rejected(tmp_path):
    with pytest.raises(ValueError, match="mode"):
        run_eval(EvalConfig(["bmi"], ".", mode="telepathy"), tmp_path, [BMI])
    with pytest.raises(ValueError, match="loglik"):
        run_eval(EvalConfig(["bmi"], ".", policy="lazy", mode="loglik"), tmp_path, [BMI])
    with pytest.raises(KeyError):
        run_eval(EvalConfig(["no_such_benchmark"], "."), tmp_path)
    assert scripted_answer("lazy", bmi_items(Path("."))[0]) == "0"


# ---------------------------------------------------------------- model policies
MCQ_ITEMS = [
    EvalItem(
        id=str(i),
        benchmark="mini",
        kind="mcq",
        question=q,
        gold=g,
        options={"A": "fever", "B": "pain", "C": "cough"},
    )
    for i, (q, g) in enumerate([("Which is a symptom?", "A"), ("Which hurts?", "B")])
]
MINI = Benchmark("mini", "mcq", lambda d: list(MCQ_ITEMS), lambda i, a: _choice(i, a))


def _choice(item: EvalItem, answer: str) -> ScoreResult:
    from healthgym.eval.scorers.choice import score_choice

    return score_choice(item, answer)


def test_direct_mode_against_the_mock_openai_server(tmp_path):
    pytest.importorskip("uvicorn")
    from healthgym.agents.mock_server import GARBAGE, MockServer

    with MockServer() as server:
        common = {"policy": "openai", "base_url": server.base_url, "max_retries": 0}
        cfg = EvalConfig(["mini"], ".", model="garbage", **common)
        summary = run_eval(cfg, tmp_path / "g", [MINI])
        recs = read_records(tmp_path / "g" / "records.jsonl")
        assert [r["answer"] for r in recs] == [GARBAGE[0][0]] * 2  # one turn each
        assert [r["extracted"] for r in recs] == [None, None]
        assert summary["by_benchmark"]["mini"]["accuracy"] == 0.0
        assert summary["by_benchmark"]["mini"]["errors"] == 0
        cfg = EvalConfig(["mini"], ".", model="error500", **common)
        summary = run_eval(cfg, tmp_path / "e", [MINI])
        recs = read_records(tmp_path / "e" / "records.jsonl")
        assert all("InternalServerError" in r["error"] for r in recs)
        assert (
            summary["by_benchmark"]["mini"] | {"n": 2, "errors": 2, "accuracy": 0.0}
            == (summary["by_benchmark"]["mini"])
        )


@pytest.mark.slow  # training the tiny tokenizer takes ~9 s in a fresh process
def test_loglik_and_direct_with_a_tiny_local_model(tmp_path):
    pytest.importorskip("transformers")
    import torch

    from healthgym.agents.transformers_policy import TransformersPolicy
    from healthgym.eval.loglik import continuation_logprobs, score_options
    from healthgym.train.tiny import load_tiny

    model, tok = load_tiny(seed=0)
    item = MCQ_ITEMS[0]
    scores = score_options(model, tok, item, norm="sum")
    # each option's batched, padded score equals an unpadded forward pass of its own
    prompt = tok.apply_chat_template(
        [{"role": "user", "content": "x"}], tokenize=False, add_generation_prompt=True
    )
    assert prompt.endswith("<|im_start|>assistant\n")
    from healthgym.eval.loglik import prompt_ids

    ids = prompt_ids(tok, item)
    for k, letter in enumerate(scores.letters):
        cont = tok(" " + item.options[letter], add_special_tokens=False)["input_ids"]
        with torch.no_grad():
            logits = model(input_ids=torch.tensor([ids + cont])).logits[0]
        logp = torch.log_softmax(logits.float(), -1)
        single = sum(logp[len(ids) - 1 + j, t].item() for j, t in enumerate(cont))
        assert scores.sums[k] == pytest.approx(single, abs=1e-4)
        assert scores.means[k] == pytest.approx(single / len(cont), abs=1e-4)
    assert scores.choice == scores.letters[max(range(3), key=lambda i: scores.sums[i])]
    assert continuation_logprobs(model, ids, [[5], [5, 6]])[0] == pytest.approx(
        continuation_logprobs(model, ids, [[5]])[0], abs=1e-5
    )

    agent = TransformersPolicy(model, tok, name="tiny", max_new_tokens=8, temperature=1.0)
    cfg = EvalConfig(["mini"], ".", policy="local", mode="loglik", loglik_norm="sum")
    summary = run_eval(cfg, tmp_path / "ll", [MINI], agent)
    recs = read_records(tmp_path / "ll" / "records.jsonl")
    assert recs[0]["answer"] == scores.choice
    assert recs[0]["option_logprob_sums"] == pytest.approx(
        dict(zip("ABC", scores.sums, strict=True))
    )
    assert summary["by_benchmark"]["mini"]["n"] == 2
    cfg = EvalConfig(["mini", "bmi"], ".", policy="local", mode="loglik")
    assert run_eval(cfg, tmp_path / "skip", [MINI, BMI], agent)["skipped"] == ["bmi"]

    cfg = EvalConfig(["mini"], ".", policy="local", mode="direct", max_new_tokens=6)
    run_eval(cfg, tmp_path / "dir", [MINI], agent)
    recs = read_records(tmp_path / "dir" / "records.jsonl")
    assert all(r["error"] is None and 1 <= r["completion_tokens"] <= 6 for r in recs)
    assert agent.system is None and agent.tools_mode == "auto"  # restored after the run


def test_direct_messages_offer_no_tools_and_carry_the_image(tmp_path):
    from healthgym.agents.openai_policy import OpenAIChatPolicy
    from healthgym.eval.direct import direct_session
    from healthgym.eval.domain import image_part
    from healthgym.eval.prompts import DIRECT_SYSTEM

    png = tmp_path / "scan.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n")
    item = EvalItem("v1", "vqa", "vqa", "Is there a fracture?", "yes", image=str(png))
    assert image_part(str(png)) == [
        {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}}
    ]
    assert image_part(str(tmp_path / "missing.png")) == []
    policy = OpenAIChatPolicy("http://127.0.0.1:9/v1", "m", multimodal=True)
    session = direct_session(policy, item)
    assert session.native is False
    assert session.messages[0] == {"role": "system", "content": DIRECT_SYSTEM}
    text, image = session.messages[1]["content"]
    assert text == {"type": "text", "text": direct_prompt(item)}
    assert image == image_part(str(png))[0]
    assert "tools" not in policy._request(session, 8)
    assert "yes" not in direct_prompt(item)
