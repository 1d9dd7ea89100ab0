"""The built-in corpus: content, registry, caching, concurrent builds, relevance."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from healthgym.clinical.diseases import PROFILES
from healthgym.clinical.registry import core_scores
from healthgym.knowledge import (
    KnowledgeBase,
    Passage,
    build_index,
    builtin_passages,
    default_kb_path,
    ensure_builtin,
    get_default_kb,
    register_generator,
    reset_default_kb,
)
from healthgym.knowledge.builtin import CORPUS_VERSION, GENERATORS, corpus_counts, corpus_hash
from healthgym.knowledge.index import MANIFEST


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("HEALTHGYM_KB_DIR", str(tmp_path / "cache"))
    reset_default_kb()
    yield
    reset_default_kb()


@pytest.fixture(scope="module")
def passages() -> list[Passage]:
    return list(builtin_passages())


def test_corpus_content(passages):
    ids = [p.id for p in passages]
    assert len(ids) == len(set(ids)) >= 1100
    assert all(p.id.startswith("builtin:") and p.text.strip() and p.title for p in passages)
    assert all(p.source and p.collection == "healthgym-builtin" for p in passages)
    counts = corpus_counts()
    assert sum(counts.values()) == len(passages)
    assert counts["diseases"] >= 8 * len(PROFILES) and counts["scores"] >= 2 * len(core_scores())
    by_id = {p.id: p for p in passages}
    dvt = PROFILES["deep_vein_thrombosis"]
    assert by_id["builtin:disease/deep_vein_thrombosis/management"].source == dvt.source
    assert "Apixaban" in by_id["builtin:disease/deep_vein_thrombosis/management"].text
    assert "Lim WS" in by_id["builtin:score/curb65"].source
    assert "3-5: high risk" in by_id["builtin:score/curb65/interpretation"].text
    assert "ferritin" in by_id["builtin:disease/iron_deficiency_anaemia/laboratory"].text.lower()
    # patient-voice chief complaints are not knowledge and are not copied into the corpus
    complaints = {c for p in PROFILES.values() for c in p.chief_complaints}
    assert not any(c in p.text for p in passages for c in complaints)


def test_hash_is_deterministic_and_registry_extends(passages):
    assert corpus_hash() == corpus_hash(passages)

    @register_generator("test_extra")
    def extra():
        yield Passage("builtin:test/extra", "Extra", "Formulary entry.", "test source")

    try:
        assert [p.id for p in builtin_passages(["test_extra"])] == ["builtin:test/extra"]
        assert corpus_hash() != corpus_hash(passages)
        with pytest.raises(ValueError, match="already exists"):
            register_generator("test_extra")(lambda: [])
    finally:
        GENERATORS.pop("test_extra")


def test_build_on_first_use_then_reuse(tmp_path):
    path = ensure_builtin()
    assert path.parent == tmp_path / "cache"
    assert path.name.startswith(f"builtin-{CORPUS_VERSION}-")
    manifest = json.loads((path / MANIFEST).read_text())
    assert manifest["passages"] == len(list(builtin_passages()))
    assert manifest["content_hash"] == corpus_hash()
    stamp = (path / MANIFEST).stat().st_mtime_ns
    assert ensure_builtin() == path and (path / MANIFEST).stat().st_mtime_ns == stamp
    assert default_kb_path() == path
    kb = get_default_kb()
    assert kb is get_default_kb() and len(kb) == manifest["passages"]


def test_two_processes_build_at_once(tmp_path):
    code = (
        "import sys; from healthgym.knowledge import ensure_builtin, KnowledgeBase; "
        "p = ensure_builtin(sys.argv[1]); KnowledgeBase.open(p).search('gout'); print(p)"
    )
    root = str(tmp_path / "shared")
    procs = [
        subprocess.Popen([sys.executable, "-c", code, root], stdout=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    outs = [p.communicate(timeout=120)[0].strip() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert len(set(outs)) == 1
    built = [d for d in (tmp_path / "shared").iterdir() if not d.name.endswith(".lock")]
    assert [d.name for d in built] == [outs[0].rsplit("/", 1)[1]]  # no temp dirs left behind
    assert len(KnowledgeBase.open(outs[0])) > 1000


def test_env_var_points_at_another_index(tmp_path, monkeypatch):
    other = tmp_path / "other"
    build_index([Passage("x1", "Acromegaly", "Growth hormone excess.")], other, heap_mb=32)
    monkeypatch.setenv("HEALTHGYM_KB_DIR", str(other))
    reset_default_kb()
    assert default_kb_path() == other
    assert get_default_kb().search("acromegaly")[0].passage.id == "x1"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("CURB-65 interpretation", "builtin:score/curb65/interpretation"),
        ("first-line treatment of deep vein thrombosis", "builtin:disease/deep_vein_thrombosis/"),
        ("penicillin allergy drugs to avoid", "builtin:allergy/penicillin"),
        ("ferritin reference interval", "builtin:lab/ferritin"),
        ("which conditions present with hemoptysis", "builtin:feature/hemoptysis"),
        ("NSAIDs in chronic kidney disease", "builtin:comorbidity/chronic_kidney_disease"),
        ("creatinine mg/dL to umol/L", "builtin:units/creatinine"),
    ],
)
def test_builtin_relevance(query, expected):
    top = [h.passage.id for h in get_default_kb().search(query, k=3)]
    assert any(i.startswith(expected) for i in top), top
