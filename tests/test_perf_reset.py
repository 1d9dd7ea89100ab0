"""Reset-time caches give the same episodes as building everything afresh.

* visual_diagnosis keeps the study that task generation rendered and measured, so the
  task's episodes neither render nor measure it again: the kept arrays equal a fresh
  render and every tool prints the same text on the kept and on a fresh state;
* ehr_management copies the schema and dictionaries from a template database, and a
  task's episodes copy the database generation (or an earlier episode) built for the
  same rows: the episode's database equals one built statement by statement, episodes
  never share writes, and the kept databases fit a byte budget.
"""

from __future__ import annotations

import json
import sqlite3

import numpy as np

from healthgym.domains import get_domain
from healthgym.domains.ehr_management import schema
from healthgym.domains.ehr_management.schema import (
    _DICTIONARY,
    _INDEXES,
    DICTIONARY_TABLES,
    TABLES,
    _ddl,
    build_database,
    database_for,
)
from healthgym.domains.visual_diagnosis import records as vr
from healthgym.domains.visual_diagnosis import study as vs
from healthgym.domains.visual_diagnosis import tasks as vt
from healthgym.domains.visual_diagnosis.ecg import EcgParams
from healthgym.domains.visual_diagnosis.images import LesionParams
from healthgym.tasks import Task


def _fresh_state(task: Task):
    h = task.hidden
    if h["kind"] == "lesion":
        return vs.lesion_state(LesionParams.from_dict(h["params"]), h["age"], h["sex"])
    return vs.ecg_state(EcgParams.from_dict(h["params"]), h["age"], h["sex"])


def test_generated_study_is_kept_and_equals_a_fresh_render():
    d = get_domain("visual_diagnosis")
    expected = {
        "lesion": {"asymmetry", "border", "colour_pixels", "feret", "segmentation", "structures"},
        "ecg": {"atrial", "beat", "fiducials", "morph", "rpeaks"},
    }
    for index in (0, 1):  # a lesion and an ECG task
        vs._STUDIES.clear()
        task = Task.model_validate(json.loads(vt._spec.__wrapped__(index)))  # generate anew
        assert task == d.task(index)
        kind = task.hidden["kind"]
        key = (kind, json.dumps(task.hidden["params"], sort_keys=True))
        shared = vs._STUDIES[key]  # kept by generation, with its measurements
        assert set(shared.cache) == expected[kind]
        seg = shared.cache.get("segmentation")
        assert seg is None or not seg.mask.flags.writeable
        a, b = vr.new_state(task), vr.new_state(task)
        assert a.cache is not b.cache and a.cache is not shared.cache
        assert set(a.cache) == expected[kind] and not a.measured
        fresh = _fresh_state(task)  # rendered from the parameters, nothing measured yet
        for name in ("image", "signal"):
            kept, drawn = getattr(a, name), getattr(fresh, name)
            assert (kept is None) == (drawn is None)
            assert kept is None or np.array_equal(kept, drawn)
        assert not fresh.cache
        for call in task.reference.calls:
            tool = d.toolkit.get(call.name)
            if tool is None or tool.terminal:
                continue
            assert tool(a, **call.arguments) == tool(fresh, **call.arguments), call.name
        assert a.measured == fresh.measured and a.measured


def _built_statement_by_statement(tables: dict) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    for name, columns in {**TABLES, **DICTIONARY_TABLES}.items():
        db.execute(_ddl(name, columns))
        rows = _DICTIONARY.get(name) or tables.get(name) or []
        if rows:
            db.executemany(f"INSERT INTO {name} VALUES ({', '.join('?' * len(columns))})", rows)
    for statement in _INDEXES:
        db.execute(statement)
    db.commit()
    return db


def _content(db: sqlite3.Connection) -> list:
    master = db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    tables = [r[1] for r in master if r[0] == "table"]
    return [master, *(db.execute(f"SELECT rowid, * FROM {t}").fetchall() for t in tables)]


def test_ehr_database_from_template_equals_a_direct_build_and_is_private():
    task = get_domain("ehr_management").task(0)
    tables = task.hidden["tables"]
    a, b = build_database(tables), build_database(tables)
    direct = _built_statement_by_statement(tables)
    assert _content(a) == _content(direct)
    before = _content(b)
    a.execute("DELETE FROM labevents")
    a.execute("DELETE FROM d_labitems")
    a.commit()
    assert _content(b) == before  # another episode's database is untouched
    assert _content(build_database(tables)) == _content(direct)  # and so is the template
    with_limit = build_database(tables)
    if hasattr(with_limit, "getlimit"):  # Python >= 3.11
        assert with_limit.getlimit(sqlite3.SQLITE_LIMIT_LENGTH) == 1_000_000


def test_ehr_episodes_copy_the_database_generation_built():
    task = get_domain("ehr_management").task(1)
    tables = task.hidden["tables"]
    key = schema.rows_key(tables)
    assert key in schema._GENERATED  # kept by generation
    direct = _content(_built_statement_by_statement(tables))
    a, b = database_for(tables), database_for(tables)
    assert _content(a) == direct
    a.execute("DELETE FROM poe")
    a.commit()
    assert _content(b) == direct and _content(database_for(tables)) == direct
    if hasattr(b, "getlimit"):  # Python >= 3.11
        assert b.getlimit(sqlite3.SQLITE_LIMIT_LENGTH) == 1_000_000
    loaded = Task.model_validate_json(task.model_dump_json())  # new row objects, same rows
    assert loaded.hidden["tables"] is not tables
    assert schema.rows_key(loaded.hidden["tables"]) == key  # found by content
    assert _content(database_for(loaded.hidden["tables"])) == direct


def test_ehr_database_cache_is_keyed_by_rows_and_bounded(monkeypatch):
    task = get_domain("ehr_management").task(2)
    tables = task.hidden["tables"]
    schema.clear_databases()
    assert not schema._GENERATED and schema._generated_bytes == 0
    built: list[int] = []
    real_build = schema.build_database
    monkeypatch.setattr(schema, "build_database", lambda t: built.append(1) or real_build(t))
    first = database_for(tables)  # built once, then kept pristine
    first.execute("DELETE FROM labevents")
    first.commit()
    again = database_for(json.loads(json.dumps(tables)))  # the same rows, new objects
    assert len(built) == 1
    assert _content(again) == _content(_built_statement_by_statement(tables))
    changed = json.loads(json.dumps(tables))
    changed["labevents"] = changed["labevents"][1:]  # other rows: another database
    assert schema.rows_key(changed) != schema.rows_key(tables)
    assert _content(database_for(changed)) != _content(again) and len(built) == 2
    monkeypatch.setattr(schema, "_GENERATED_BYTES", 1)  # the budget keeps one database
    changed["labevents"] = changed["labevents"][1:]
    database_for(changed)
    assert list(schema._GENERATED) == [schema.rows_key(changed)]
    assert schema._generated_bytes == sum(schema._SIZES.values()) > 0
    weird = {"patients": [[object()]]}  # rows marshal cannot write: built, never kept
    assert schema.rows_key(weird) is None
    schema.clear_databases()
