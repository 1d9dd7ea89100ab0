"""The read-only SQL tool: it refuses writes and injection, and no text escapes it."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthgym.domains import get_domain
from healthgym.domains.ehr_management import sql_tool
from healthgym.domains.ehr_management.actions import place_order
from healthgym.domains.ehr_management.schema import dump
from healthgym.env import HealthGymEnv
from healthgym.tools import ToolError, format_hermes

DOMAIN = get_domain("ehr_management")
STATE = DOMAIN.new_state(DOMAIN.task(12))  # an action task: the record has an open admission
BEFORE = dump(STATE.db)

REFUSED = {
    "DELETE FROM patients": "only SELECT",
    "UPDATE labevents SET valuenum = 0": "only SELECT",
    "INSERT INTO poe VALUES (1,2,3,4,5,6,7,8,9,10,11)": "only SELECT",
    "DROP TABLE labevents": "only SELECT",
    "PRAGMA table_info(patients)": "only SELECT",
    "PRAGMA query_only = OFF": "only SELECT",
    "ATTACH DATABASE '/tmp/x.db' AS x": "only SELECT",
    "VACUUM": "only SELECT",
    "SELECT 1; DROP TABLE patients": "one SQL statement",
    "SELECT 1; SELECT 2": "one SQL statement",
    "select 1 -- comment\n; delete from patients": "one SQL statement",
    "WITH x AS (SELECT 1) DELETE FROM patients": "DELETE is not allowed",
    "WITH x AS (SELECT 1) INSERT INTO patients SELECT * FROM patients": "INSERT",
    "SELECT * FROM pragma_table_info('patients')": "forbidden operation",
    "SELECT load_extension('libevil')": "forbidden operation",
    "SELECT randomblob(1000000000)": "forbidden operation",
    "SELECT zeroblob(1000000000)": "forbidden operation",
    "   ": "empty",
    "-- only a comment": "empty",
    "SELECT \x00": "NUL",
    "SELECT * FROM no_such_table": "SQL error: no such table",
    "SELECT (": "SQL error",
}


@pytest.mark.parametrize(("query", "message"), REFUSED.items())
def test_refused_queries(query, message):
    with pytest.raises(ToolError, match=message):
        sql_tool.run_sql(STATE, query)
    assert dump(STATE.db) == BEFORE


def test_reads_work_and_strings_may_contain_keywords():
    out = sql_tool.run_sql(
        STATE, "SELECT label FROM d_labitems WHERE label LIKE '%drop table%' OR 1 = 1 LIMIT 2;"
    )
    assert out.splitlines()[0] == "label" and out.endswith("(2 rows)")
    joined = sql_tool.run_sql(
        STATE,
        "WITH a AS (SELECT hadm_id FROM admissions) SELECT COUNT(*) FROM a "
        "JOIN labevents l ON l.hadm_id = a.hadm_id",
    )
    assert int(joined.splitlines()[1]) > 0
    recursive = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 5) "
    assert sql_tool.run_sql(STATE, recursive + "SELECT SUM(x) FROM c").splitlines()[1] == "15"
    assert "replace" in sql_tool.run_sql(STATE, "SELECT replace('ab', 'a', 'c') AS replace")


def test_row_and_time_limits(monkeypatch):
    out = sql_tool.run_sql(STATE, "SELECT * FROM chartevents")
    assert len(out.splitlines()) == 1 + sql_tool.MAX_ROWS + 1 and "cut" in out
    monkeypatch.setattr(sql_tool, "TIME_LIMIT_S", 0.05)
    endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT MAX(x) FROM c"
    with pytest.raises(ToolError, match="longer than"):
        sql_tool.run_sql(STATE, endless)
    huge = sql_tool.run_sql(STATE, "SELECT printf('%.*c', 5000000, 'x') AS s")
    assert huge.splitlines()[1] == "NULL"  # the connection's string-length limit


def test_writes_by_action_tools_still_work_after_sql():
    state = DOMAIN.new_state(DOMAIN.task(12))
    with pytest.raises(ToolError):
        sql_tool.run_sql(state, "DELETE FROM poe")
    assert "placed" in place_order(state, "lab", "potassium")


def test_sql_errors_reach_the_agent_through_the_environment():
    env = HealthGymEnv(domain="ehr_management", split=None)
    env.reset(options={"index": 0})
    obs, *_ = env.step(format_hermes("run_sql", {"query": "DROP TABLE patients; --"}))
    assert obs.startswith("[run_sql] Error:") and "only SELECT" in obs
    assert env.log.calls[-1].status == "tool_error"
    obs, *_ = env.step(format_hermes("run_sql", {"query": "SELECT COUNT(*) FROM patients"}))
    assert obs.splitlines()[1] == "1"


_WORDS = (
    "SELECT WITH FROM WHERE ; -- /* */ ' \" ( ) , * 1 x patients labevents admissions DROP "
    "DELETE UPDATE INSERT INTO VALUES PRAGMA ATTACH AS UNION JOIN ON = OR AND LIMIT "
    "load_extension randomblob printf RECURSIVE sqlite_master pragma_table_info"
)
_SQL_WORDS = st.sampled_from(_WORDS.split())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=200), st.lists(_SQL_WORDS, max_size=25).map(" ".join)))
def test_fuzz_arbitrary_text_never_escapes(query):
    sql_tool.TIME_LIMIT_S, saved = 0.05, sql_tool.TIME_LIMIT_S
    try:
        out = sql_tool.run_sql(STATE, query)
        assert isinstance(out, str)
    except ToolError as e:
        assert str(e)
    finally:
        sql_tool.TIME_LIMIT_S = saved


def test_fuzz_left_the_database_unchanged():
    assert dump(STATE.db) == BEFORE
    assert STATE.db.execute("PRAGMA query_only").fetchone() == (0,)
