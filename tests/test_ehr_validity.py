"""ehr_management validity: a plain string-matcher adversary does no better than lazy.

The adversary is the one of ``test_drug_interaction_validity`` (every observe tool, then
every compute tool, once with default arguments; plain string rules over the output).
The score tools are gated on the rows they read, so with default arguments they refuse;
the read tools return rows and never the aggregate a question asks for.
"""

from __future__ import annotations

from healthgym.domains import get_domain
from healthgym.domains.ehr_management.score_tools import SCORE_TOOLS
from healthgym.env import HealthGymEnv
from healthgym.tools import format_hermes
from test_drug_interaction_validity import check_domain


def test_shallow_reader_is_no_better_than_lazy():
    check_domain("ehr_management")


def test_score_tools_refuse_on_a_fresh_episode():
    d = get_domain("ehr_management")
    env = HealthGymEnv(domain="ehr_management", split="test")
    for k in range(0, len(d.indices("test")), 7):
        env.reset(options={"index": k})
        for t in SCORE_TOOLS:
            if "hadm_id" in t.parameters["properties"]:
                args = {"hadm_id": env.state.open_hadm or 1}
            else:
                args = {"charttime": env.state.now[:16]}
            obs, *_ = env.step(format_hermes(t.name, args))
            assert "have not been shown" in obs and "Total" not in obs, obs


def test_oracle_observes_before_every_score():
    d = get_domain("ehr_management")
    for i in d.indices("test"):
        calls = [c.name for c in d.task(i).reference.calls]
        for k, name in enumerate(calls):
            if name.startswith("calculate_"):
                assert any(not c.startswith(("calculate_", "submit")) for c in calls[:k]), calls
