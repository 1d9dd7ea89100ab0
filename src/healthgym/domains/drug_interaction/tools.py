"""The toolkit of drug_interaction: record, drug-knowledge, dosing tools and the answer.

Every tool takes the episode state first and computes from the patient record and the
formulary (:mod:`healthgym.clinical.drugs`); see :mod:`.tools_record`,
:mod:`.tools_drug` and :mod:`.tools_dosing`.
"""

from __future__ import annotations

from .tools_dosing import DOSING_TOOLS, submit_answer
from .tools_drug import DRUG_TOOLS
from .tools_record import RECORD_TOOLS

ALL_TOOLS = [*RECORD_TOOLS, *DRUG_TOOLS, *DOSING_TOOLS, submit_answer]

__all__ = ["ALL_TOOLS", "DOSING_TOOLS", "DRUG_TOOLS", "RECORD_TOOLS", "submit_answer"]
