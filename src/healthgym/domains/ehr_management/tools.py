"""The toolkit of ehr_management: chart reading, SQL, scores, orders and the answer.

Tools live in :mod:`.tools_read` (chart reads), :mod:`.sql_tool` (read-only SQL over
the episode's database), :mod:`.score_tools` (record-bound scores) and
:mod:`.actions` (orders, notes and the submission).
"""

from __future__ import annotations

from .actions import ACTION_TOOLS, submit_answer
from .score_tools import SCORE_TOOLS
from .sql_tool import SQL_TOOLS
from .tools_read import READ_TOOLS

ALL_TOOLS = [*READ_TOOLS, *SQL_TOOLS, *SCORE_TOOLS, *ACTION_TOOLS, submit_answer]
