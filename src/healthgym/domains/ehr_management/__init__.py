"""ehr_management: navigate a longitudinal MIMIC-IV-style record, compute scores, act.

The episode's database is an in-memory SQLite built at reset from the task's hidden
rows (:mod:`.schema`); the tools query it (:mod:`.tools_read`, :mod:`.sql_tool`,
:mod:`.score_tools`) or change it (:mod:`.actions`), and action tasks are graded on its
end state (:mod:`.grading`).  The suite and its leak rule are described in
:mod:`.tasks`; the patients come from seeded disease courses (:mod:`.courses`,
:mod:`.generator`).
"""

from __future__ import annotations

from ..base import declare_domain

DOMAIN = declare_domain(
    __name__,
    description="Chart review, scores, medication reconciliation and orders on a "
    "longitudinal MIMIC-IV-style record; actions graded on the database's end state.",
    instructions=(
        "You are a hospital physician working in the electronic health record. Answer from "
        "the record only: look the data up with the tools (admissions, labs, vitals, orders, "
        "notes, SQL) and compute scores with the score tools. Place or stop orders and write "
        "notes only when the task asks for it. Finish with submit_answer."
    ),
)
