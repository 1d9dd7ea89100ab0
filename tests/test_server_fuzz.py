"""A few hundred hypothesis-generated actions through both interfaces (the strategies
of benchmarks/fuzz_actions.py, which runs >= 100,000): nothing unhandled, no 5xx."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from healthgym.domains import get_domain
from healthgym.env import HealthGymEnv
from healthgym.tools.parse import parse_action

PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "fuzz_actions.py"
spec = importlib.util.spec_from_file_location("healthgym_bench_fuzz_actions", PATH)
assert spec and spec.loader
fuzz = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = fuzz  # dataclasses look their module up
spec.loader.exec_module(fuzz)


def test_fuzz_both_interfaces_without_failures():
    counts, _seconds = fuzz.run(300, http_share=0.4, seed_value=1)
    assert counts.actions == 300 and counts.http_actions == 120
    assert counts.unhandled == 0, counts.examples
    assert counts.http_5xx == 0, counts.examples
    assert counts.http_requests >= counts.http_actions
    assert counts.http_4xx > 0  # the malformed requests really were refused


TOOLS = get_domain("drug_interaction").toolkit.schemas
ENV = HealthGymEnv(domain="drug_interaction", split=None, max_turns=10_000)
ENV.reset(options={"index": 0})


@settings(max_examples=150)
@given(fuzz.action(TOOLS), st.booleans())
def test_any_action_is_parsed_and_stepped(action, as_message):
    """parse_action never raises, and env.step turns anything into text."""
    if as_message and isinstance(action, str):
        action = {"role": "assistant", "content": action}
    parsed = parse_action(action)
    assert isinstance(parsed.errors, list) and isinstance(parsed.message, str)
    obs, reward, terminated, truncated, info = ENV.step(action)
    assert isinstance(obs, str) and obs.isascii() and len(obs) <= 16_000
    json.dumps(info)  # the info dict always serializes
    if terminated or truncated:
        ENV.reset(options={"index": 0})
