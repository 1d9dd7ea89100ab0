"""The MIMIC-IV-like SQLite schema of an episode's database, and how it is built.

Tables follow MIMIC-IV v2 (hosp, icu and ed modules; Johnson AEW et al. Sci Data
2023;10:1) with its column names, reduced to the columns the tools use:

* ``patients``, ``admissions``, ``edstays`` (every emergency-department visit, admitted
  or not), ``icustays`` (``los`` in fractional days);
* ``d_labitems`` + ``labevents`` (``valuenum``, ``valueuom``, reference range and
  ``flag = 'abnormal'`` as in MIMIC); ``d_labitems`` also carries the hospital's
  critical limits (an extension: MIMIC-IV has none);
* ``microbiologyevents`` (one row per specimen, ``org_name`` NULL when nothing grew);
* ``d_items`` + ``chartevents`` (vital signs, FiO2 in %, GCS components, ventilator mode,
  admission weight), ``outputevents`` (urine, mL), ``inputevents`` (vasopressor rates);
  ward vital signs, which MIMIC-IV keeps outside the ICU module, are chartevents with a
  NULL ``stay_id``;
* ``poe`` (provider order entry: every order, with its status) + ``prescriptions``
  (medication orders, linked by ``poe_id``; ``stoptime`` NULL while active);
* ``medrecon`` (home medications reconciled on admission, as in MIMIC-IV-ED);
* ``diagnoses_icd`` / ``procedures_icd`` with ``d_icd_diagnoses`` / ``d_icd_procedures``;
* ``noteevents`` (discharge summaries, radiology and progress notes).

Times are text ``YYYY-MM-DD HH:MM:SS`` (shifted future years, as MIMIC shifts dates).
"""

from __future__ import annotations

import hashlib
import marshal
import sqlite3
import threading
from collections import OrderedDict
from typing import Any

from .catalog import CHART_ITEMS, ICD10_CM, ICD10_PCS, LAB_ITEMS

TABLES: dict[str, tuple[str, ...]] = {
    "patients": ("subject_id", "gender", "anchor_age", "anchor_year", "dod"),
    "admissions": (
        "hadm_id",
        "subject_id",
        "admittime",
        "dischtime",
        "deathtime",
        "admission_type",
        "admission_location",
        "discharge_location",
        "insurance",
        "edregtime",
        "edouttime",
        "hospital_expire_flag",
    ),
    "edstays": ("stay_id", "subject_id", "hadm_id", "intime", "outtime", "disposition"),
    "icustays": (
        "stay_id",
        "subject_id",
        "hadm_id",
        "first_careunit",
        "last_careunit",
        "intime",
        "outtime",
        "los",
    ),
    "labevents": (
        "labevent_id",
        "subject_id",
        "hadm_id",
        "itemid",
        "charttime",
        "value",
        "valuenum",
        "valueuom",
        "ref_range_lower",
        "ref_range_upper",
        "flag",
    ),
    "microbiologyevents": (
        "microevent_id",
        "subject_id",
        "hadm_id",
        "chartdate",
        "charttime",
        "spec_type_desc",
        "test_name",
        "org_name",
    ),
    "chartevents": (
        "subject_id",
        "hadm_id",
        "stay_id",
        "charttime",
        "itemid",
        "value",
        "valuenum",
        "valueuom",
    ),
    "outputevents": (
        "subject_id",
        "hadm_id",
        "stay_id",
        "charttime",
        "itemid",
        "value",
        "valueuom",
    ),
    "inputevents": (
        "subject_id",
        "hadm_id",
        "stay_id",
        "starttime",
        "endtime",
        "itemid",
        "rate",
        "rateuom",
        "patientweight",
    ),
    "poe": (
        "poe_id",
        "poe_seq",
        "subject_id",
        "hadm_id",
        "ordertime",
        "order_type",
        "order_subtype",
        "order_text",
        "order_status",
        "discontinue_time",
        "discontinue_reason",
    ),
    "prescriptions": (
        "pharmacy_id",
        "poe_id",
        "subject_id",
        "hadm_id",
        "starttime",
        "stoptime",
        "drug_type",
        "drug",
        "dose_val_rx",
        "dose_unit_rx",
        "route",
        "doses_per_24_hrs",
    ),
    "medrecon": ("subject_id", "hadm_id", "charttime", "name", "dose", "frequency"),
    "diagnoses_icd": ("subject_id", "hadm_id", "seq_num", "icd_code", "icd_version"),
    "procedures_icd": (
        "subject_id",
        "hadm_id",
        "seq_num",
        "chartdate",
        "icd_code",
        "icd_version",
    ),
    "noteevents": ("note_id", "subject_id", "hadm_id", "charttime", "category", "text"),
}
# tables whose rows are the same for every patient (built from the catalogues)
DICTIONARY_TABLES: dict[str, tuple[str, ...]] = {
    "d_labitems": (
        "itemid",
        "label",
        "fluid",
        "category",
        "valueuom",
        "ref_range_lower",
        "ref_range_upper",
        "critical_low",
        "critical_high",
    ),
    "d_items": ("itemid", "label", "abbreviation", "linksto", "category", "unitname"),
    "d_icd_diagnoses": ("icd_code", "icd_version", "long_title"),
    "d_icd_procedures": ("icd_code", "icd_version", "long_title"),
}
_PRIMARY = {
    "patients": "subject_id",
    "admissions": "hadm_id",
    "edstays": "stay_id",
    "icustays": "stay_id",
    "labevents": "labevent_id",
    "microbiologyevents": "microevent_id",
    "poe": "poe_id",
    "prescriptions": "pharmacy_id",
    "noteevents": "note_id",
    "d_labitems": "itemid",
    "d_items": "itemid",
}
_INDEXES = (
    "CREATE INDEX ix_lab ON labevents (hadm_id, itemid, charttime)",
    "CREATE INDEX ix_chart ON chartevents (charttime, itemid)",
)


def _ddl(name: str, columns: tuple[str, ...]) -> str:
    cols = [f"{c} PRIMARY KEY" if _PRIMARY.get(name) == c else c for c in columns]
    return f"CREATE TABLE {name} ({', '.join(cols)})"


def dictionary_rows() -> dict[str, list[tuple[Any, ...]]]:
    labs = [
        (
            i.itemid,
            i.label,
            i.fluid,
            i.category,
            i.unit,
            i.low,
            i.high,
            i.critical_low,
            i.critical_high,
        )
        for i in LAB_ITEMS.values()
    ]
    items = [
        (i.itemid, i.label, i.abbreviation, i.linksto, i.category, i.unit)
        for i in CHART_ITEMS.values()
    ]
    return {
        "d_labitems": labs,
        "d_items": items,
        "d_icd_diagnoses": [(c, 10, t) for c, t in ICD10_CM.items()],
        "d_icd_procedures": [(c, 10, t) for c, t in ICD10_PCS.items()],
    }


_DICTIONARY = dictionary_rows()
MAX_TEXT_BYTES = 1_000_000  # SQLITE_LIMIT_LENGTH: no string or blob may grow past this


_TEMPLATE: list[sqlite3.Connection] = []  # the empty schema with its dictionaries, once
_TEMPLATE_LOCK = threading.Lock()


def _template() -> sqlite3.Connection:
    """Every table created (in schema order) and the dictionary tables filled: built once
    per process, then copied page by page into each episode's database."""
    if not _TEMPLATE:
        db = sqlite3.connect(":memory:", check_same_thread=False)
        cur = db.cursor()
        for name, columns in {**TABLES, **DICTIONARY_TABLES}.items():
            cur.execute(_ddl(name, columns))
            rows = _DICTIONARY.get(name)
            if rows:
                marks = ", ".join("?" * len(columns))
                cur.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)
        db.commit()
        _TEMPLATE.append(db)
    return _TEMPLATE[0]


def build_database(tables: dict[str, list[list[Any]]]) -> sqlite3.Connection:
    """An in-memory database holding the dictionaries and one patient's rows (the schema
    and dictionaries are copied from a template; the patient's rows are inserted)."""
    db = sqlite3.connect(":memory:", check_same_thread=False)
    if hasattr(db, "setlimit"):  # Python >= 3.11
        db.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_TEXT_BYTES)
    with _TEMPLATE_LOCK:
        _template().backup(db)
    cur = db.cursor()
    for name, columns in TABLES.items():
        rows = tables.get(name) or []
        if rows and name not in _DICTIONARY:
            marks = ", ".join("?" * len(columns))
            cur.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)
    for statement in _INDEXES:
        cur.execute(statement)
    db.commit()
    return db


def _copy(source: sqlite3.Connection) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:", check_same_thread=False)
    if hasattr(db, "setlimit"):  # Python >= 3.11
        db.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_TEXT_BYTES)
    source.backup(db)
    return db


def copy_database(source: sqlite3.Connection) -> sqlite3.Connection:
    """A private in-memory copy of ``source`` (page by page, with the episode limits)."""
    with _TEMPLATE_LOCK:
        return _copy(source)


# Episode databases already built in this process, kept pristine (never handed out: each
# episode gets a page copy): keyed by a digest of the rows they hold, so a task's later
# episodes copy its database whether the task object is the one generation made, one
# loaded again (``Domain.task``, JSON) or a prepared task given to reset.  Least recently
# used first out, within a byte budget (about 0.3 MB a patient: ~160 records).
_GENERATED: OrderedDict[bytes, sqlite3.Connection] = OrderedDict()
_GENERATED_BYTES = 48_000_000
_generated_bytes = 0
_SIZES: dict[bytes, int] = {}


def rows_key(tables: Any) -> bytes | None:
    """Digest of ``tables`` (equal digests: equal rows), or None when the rows hold values
    ``marshal`` cannot write (such tables are built, never cached).  Format version 0
    writes no back-references and no interning flags, so equal rows give equal bytes
    whether or not the objects are shared or interned (a JSON round trip gives the same
    key; a tuple and a list do not, which only costs a rebuild)."""
    try:
        blob = marshal.dumps(tables, 0)
    except ValueError:
        return None
    return hashlib.blake2b(blob, digest_size=20).digest()


def _db_bytes(db: sqlite3.Connection) -> int:
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    return int(pages) * int(db.execute("PRAGMA page_size").fetchone()[0])


def _keep(key: bytes, db: sqlite3.Connection) -> None:
    """Keep ``db`` under ``key`` (caller holds the lock)."""
    global _generated_bytes
    old = _GENERATED.pop(key, None)
    if old is not None:
        _generated_bytes -= _SIZES.pop(key)
        old.close()
    _GENERATED[key] = db
    _SIZES[key] = _db_bytes(db)
    _generated_bytes += _SIZES[key]
    while _generated_bytes > _GENERATED_BYTES and len(_GENERATED) > 1:
        gone, conn = _GENERATED.popitem(last=False)
        _generated_bytes -= _SIZES.pop(gone)
        conn.close()


def remember_database(tables: Any, db: sqlite3.Connection) -> None:
    """Keep ``db``, a pristine :func:`build_database` of ``tables``, for their episodes."""
    key = rows_key(tables)
    if key is None:
        db.close()
        return
    with _TEMPLATE_LOCK:
        _keep(key, db)


def clear_databases() -> None:
    """Forget every kept database (benchmarks, tests)."""
    global _generated_bytes
    with _TEMPLATE_LOCK:
        while _GENERATED:
            _GENERATED.popitem()[1].close()
        _SIZES.clear()
        _generated_bytes = 0


def database_for(tables: dict[str, list[list[Any]]]) -> sqlite3.Connection:
    """An episode's database of ``tables``: a page copy of the pristine database this
    process built for the same rows (at task generation or an earlier reset), else built
    now (and kept for the next episode of the task)."""
    key = rows_key(tables)
    if key is not None:
        with _TEMPLATE_LOCK:  # copied under the lock: an eviction closes the source
            kept = _GENERATED.get(key)
            if kept is not None:
                _GENERATED.move_to_end(key)
                return _copy(kept)
    db = build_database(tables)
    if key is not None:
        pristine = _copy(db)
        with _TEMPLATE_LOCK:
            _keep(key, pristine)
    return db


def dump(db: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every patient table's rows in a stable order (for determinism checks)."""
    return {
        name: db.execute(f"SELECT * FROM {name} ORDER BY {', '.join(cols)}").fetchall()
        for name, cols in TABLES.items()
    }
