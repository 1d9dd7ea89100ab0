"""The cross_domain toolkit: the shared clinical tools on one shared state, plus the
pathway's own actions.

Reused unchanged (same name, schema and code, see :mod:`.records` for why they run on
the shared state): the work-up record and test tools
(:mod:`healthgym.tools.library.record`, also clinical_diagnosis's), the
clinical_diagnosis score tools, the shared calculators, the drug references and
allergy check (:mod:`healthgym.tools.library.drugs`, also drug_interaction's) and the
ESI decision-point, mental-status and protocol tools
(:mod:`healthgym.tools.library.triage`, also triage_emergency's).  New here: the NIHSS
examination and score, the pathway actions (:mod:`.tools_actions`), the pathway status
and the submission.  Every tool is wrapped
by :func:`.clock.timed` (the pathway clock and evidence stamps); the wrapper changes
neither the tool's name nor its schema nor its output.

Tool kinds (see :mod:`healthgym.tools.registry`): a reused tool keeps the kind and the
elicitation ``needs`` its own domain declares (the record tools and the ESI findings
observe; the scores, ``check_danger_zone_vitals`` and ``check_allergy`` compute over
what has been shown; protocols and drug references are reference tools).  This
domain's own tools: ``pathway_status`` and ``nihss_examination`` observe,
``calculate_nihss`` computes from the agent's item scores, every pathway action acts,
``submit_pathway`` submits.
"""

from __future__ import annotations

from ...tools import Tool
from ...tools.calculators import calc_body_size, calc_renal_function
from ...tools.library.drugs import check_allergy, check_interaction, drug_monograph
from ...tools.library.encounter_scores import (
    calculate_anion_gap,
    calculate_curb65,
    calculate_glasgow_blatchford,
    calculate_heart_score,
    calculate_qsofa,
    calculate_shock_index,
    calculate_sirs,
    calculate_timi_ua_nstemi,
)
from ...tools.library.record import RECORD_TOOLS as WORKUP_TOOLS
from ...tools.library.triage import (
    assess_mental_status,
    check_danger_zone_vitals,
    esi_expected_resources,
    esi_high_risk_review,
    esi_lifesaving_needs,
    lookup_protocol,
)
from .clock import timed
from .tools_actions import ACTION_TOOLS, pathway_status, submit_pathway
from .tools_neuro import calculate_nihss, nihss_examination

RECORD_TOOLS: list[Tool] = list(WORKUP_TOOLS)
TRIAGE_TOOLS: list[Tool] = [
    esi_lifesaving_needs,
    esi_high_risk_review,
    esi_expected_resources,
    check_danger_zone_vitals,
    assess_mental_status,
    lookup_protocol,
]
SCORE_TOOLS: list[Tool] = [
    calculate_qsofa,
    calculate_sirs,
    calculate_shock_index,
    calculate_curb65,
    calculate_heart_score,
    calculate_timi_ua_nstemi,
    calculate_glasgow_blatchford,
    calculate_anion_gap,
    nihss_examination,
    calculate_nihss,
]
REFERENCE_TOOLS: list[Tool] = [
    drug_monograph,
    check_interaction,
    check_allergy,
    calc_renal_function,
    calc_body_size,
]
REUSED: frozenset[str] = frozenset(
    t.name for t in (*RECORD_TOOLS, *TRIAGE_TOOLS, *SCORE_TOOLS, *REFERENCE_TOOLS)
) - {"nihss_examination", "calculate_nihss"}

_UNDECLARED = [
    t.name for t in (*RECORD_TOOLS, *TRIAGE_TOOLS, *SCORE_TOOLS, *REFERENCE_TOOLS) if not t.kind
]
if _UNDECLARED:  # pragma: no cover - a reused tool's own domain declares its kind
    raise TypeError(f"reused tools without a kind: {_UNDECLARED}")

ALL_TOOLS: list[Tool] = [
    timed(t)
    for t in (
        pathway_status,
        *RECORD_TOOLS,
        *TRIAGE_TOOLS,
        *SCORE_TOOLS,
        *REFERENCE_TOOLS,
        *ACTION_TOOLS,
        submit_pathway,
    )
]
TOOL_NAMES: list[str] = [t.name for t in ALL_TOOLS]
