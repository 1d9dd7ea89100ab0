"""The embedded SmolLM2-135M-Instruct on a small sample of two benchmarks, in every mode,
and the combined report of the runs (slow; still run in CI)."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.slow
pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("gguf")

from healthgym.agents.smollm2 import SmolLM2NotInstalled, load_smollm2, smollm2_gguf  # noqa: E402
from healthgym.eval import EvalConfig, run_eval  # noqa: E402
from healthgym.eval.records import read_records  # noqa: E402
from healthgym.eval.report import write_report  # noqa: E402
from shared_data import BENCHMARKS as BENCHMARKS_DIR  # noqa: E402
from shared_data import needs_shared  # noqa: E402

SHARED = BENCHMARKS_DIR
try:
    smollm2_gguf()
except SmolLM2NotInstalled as e:  # pragma: no cover
    pytest.skip(str(e), allow_module_level=True)
pytestmark = needs_shared(SHARED)

BENCHMARKS = ["mmlu_medical", "pubmedqa"]


def test_smollm2_direct_agentic_loglik_and_report(tmp_path):
    policy = load_smollm2(max_new_tokens=16, max_batch_size=8)
    common = {"benchmarks": BENCHMARKS, "data_dir": str(SHARED), "policy": "smollm2", "limit": 2}
    runs = {
        "Text baseline": EvalConfig(mode="direct", max_new_tokens=16, **common),
        "Agentic baseline": EvalConfig(mode="agentic", max_turns=2, max_new_tokens=24, **common),
        "loglik": EvalConfig(mode="loglik", **{**common, "limit": 1}),  # 4-5 passes an item
    }
    for label, cfg in runs.items():
        cfg.label = label
        summary = run_eval(cfg, tmp_path / cfg.mode, agent=policy)
        assert list(summary["by_benchmark"]) == BENCHMARKS, label
        for b in summary["by_benchmark"].values():
            assert b["n"] == cfg.limit and b["errors"] == 0, (label, b)
            assert 0.0 <= b["ci95"][0] <= b["accuracy"] <= b["ci95"][1] <= 1.0
        records = read_records(tmp_path / cfg.mode / "records.jsonl")
        assert len(records) == 2 * cfg.limit
        for r in records:
            # the score is the benchmark scorer's verdict on what the model answered
            assert r["correct"] == (r["extracted"] is not None and r["extracted"] == r["gold"])
    direct = read_records(tmp_path / "direct" / "records.jsonl")
    assert all(r["answer"] and 1 <= r["completion_tokens"] <= 16 for r in direct)
    agentic = read_records(tmp_path / "agentic" / "records.jsonl")
    assert all(1 <= r["turns"] <= 2 and r["ended_by"] for r in agentic)
    loglik = read_records(tmp_path / "loglik" / "records.jsonl")
    for r in loglik:
        sums = r["option_logprob_sums"]
        means = r["option_logprob_means"]
        assert r["answer"] == max(means, key=lambda k: (means[k], -ord(k)))
        assert all(v < 0 for v in sums.values())
    md, page = write_report(
        [tmp_path / m for m in ("loglik", "agentic", "direct")], tmp_path / "r.md"
    )
    table = md.read_text().splitlines()
    assert table[2] == "| Benchmark | n | Text baseline | Agentic baseline | loglik |"
    assert [line.split(" | ")[0] for line in table[4:7]] == [
        "| mmlu_medical",
        "| pubmedqa",
        "| Average",
    ]
    assert "data:image/png;base64," in page.read_text()
    assert json.loads((tmp_path / "direct" / "summary.json").read_text())["config"]["policy"] == (
        "smollm2"
    )
