"""The on-disk index: build, manifest, search, errors, concurrency, exact pruning."""

from __future__ import annotations

import json
import random
import shutil
from multiprocessing.pool import ThreadPool

import pytest

from healthgym.knowledge import KnowledgeBase, KnowledgeBaseError, Passage, build_index
from healthgym.knowledge import index as index_module
from healthgym.knowledge.index import IDS_FILE, MANIFEST, MAXSCORES_FILE


def _passages() -> list[Passage]:
    return [
        Passage(
            "a", "Gout", "Acute monoarticular arthritis from urate crystals.", "Src A", "u://a"
        ),
        Passage("b", "Pseudogout", "Calcium pyrophosphate crystals; gout is the differential."),
        Passage("c", "Cellulitis", "Spreading skin infection of the leg.", metadata={"n": 1}),
        Passage("d", "Erysipelas", "Superficial cellulitis with a raised border.", "Src D"),
    ]


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory):
    out = tmp_path_factory.mktemp("kbi") / "kb"
    build_index(_passages(), out, name="tiny", heap_mb=32, threads=1)
    return out


def test_manifest_and_files(kb_path):
    m = json.loads((kb_path / MANIFEST).read_text())
    assert m["passages"] == 4 and m["name"] == "tiny" and m["format"] == "healthgym-kb"
    assert m["sources"] == {"": 4} and len(m["content_hash"]) == 64
    assert m["built_at"] and m["schema_version"] == 1
    assert (kb_path / IDS_FILE).read_text().split() == ["a", "b", "c", "d"]
    kb = KnowledgeBase(kb_path)
    assert len(kb) == 4 and kb.stats()["size_bytes"] > 0


def test_search_get_and_title_boost(kb_path):
    kb = KnowledgeBase(kb_path)
    hits = kb.search("gout", k=5)
    assert [h.passage.id for h in hits] == ["a", "b"]  # title match outranks text match
    assert hits[0].rank == 1 and hits[0].score > hits[1].score
    assert hits[0].passage == _passages()[0]
    assert kb.search_ids("cellulitis", 1) == [
        ("c", pytest.approx(kb.search("cellulitis")[0].score))
    ]
    assert kb.get("c").metadata == {"n": 1}
    assert kb.get("zzz") is None and kb.get("") is None and kb.get("a OR b") is None
    assert kb.search("gout", k=0)[0].passage.id == "a"  # k is clamped to >= 1


def test_build_skips_and_refuses(tmp_path):
    ps = [*_passages(), Passage("a", "dup", "duplicate id"), Passage("e", "t", "  ")]
    ps.append(Passage("bad\nid", "t", "text"))
    m = build_index(ps, tmp_path / "kb", heap_mb=32, threads=1)
    assert m["passages"] == 4
    assert m["skipped"] == {"bad_id": 1, "duplicate_id": 1, "empty_text": 1}
    with pytest.raises(KnowledgeBaseError, match="already exists"):
        build_index(_passages(), tmp_path / "kb", heap_mb=32, threads=1)
    m2 = build_index(_passages()[:2], tmp_path / "kb", overwrite=True, heap_mb=32, threads=1)
    assert m2["passages"] == 2 and len(KnowledgeBase.open(tmp_path / "kb")) == 2
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "keep.txt").write_text("precious")
    with pytest.raises(KnowledgeBaseError, match="not a knowledge base"):
        build_index(_passages(), tmp_path / "notes", overwrite=True)
    assert (tmp_path / "notes" / "keep.txt").exists()
    with pytest.raises(KnowledgeBaseError, match="no passages"):
        build_index([Passage("x", "t", "")], tmp_path / "empty")
    assert not (tmp_path / "empty").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp dirs left


def _expect_error(path, *fragments):
    kb = KnowledgeBase(path)  # lazy: constructing never raises
    with pytest.raises(KnowledgeBaseError) as e:
        kb.search("gout")
    msg = str(e.value)
    assert str(path) in msg and "healthgym kb build" in msg
    for f in fragments:
        assert f in msg
    with pytest.raises(KnowledgeBaseError):
        KnowledgeBase.open(path)


def test_missing_empty_and_corrupt_indexes(tmp_path, kb_path):
    _expect_error(tmp_path / "nowhere", "no knowledge base")
    (tmp_path / "empty").mkdir()
    _expect_error(tmp_path / "empty", "no manifest.json")
    bad = tmp_path / "bad_manifest"
    shutil.copytree(kb_path, bad)
    (bad / MANIFEST).write_text("{not json")
    _expect_error(bad, "corrupt manifest")
    wrong = tmp_path / "wrong_count"
    shutil.copytree(kb_path, wrong)
    m = json.loads((wrong / MANIFEST).read_text())
    (wrong / MANIFEST).write_text(json.dumps({**m, "passages": 99}))
    _expect_error(wrong, "holds 4 passages")
    gone = tmp_path / "no_tantivy_meta"
    shutil.copytree(kb_path, gone)
    (gone / "meta.json").unlink()
    _expect_error(gone, "cannot open the index")
    zero = tmp_path / "zero"
    shutil.copytree(kb_path, zero)
    (zero / MANIFEST).write_text(json.dumps({**m, "passages": 0}))
    _expect_error(zero, "holds no passages")
    garbage = tmp_path / "garbage"
    shutil.copytree(kb_path, garbage)
    (garbage / "meta.json").write_text("garbage")
    _expect_error(garbage, "cannot open the index")


def test_concurrent_searches_match_sequential(tmp_path):
    rng = random.Random(1)
    vocab = [f"w{i}" for i in range(300)]
    ps = [
        Passage(f"p{i}", " ".join(rng.choices(vocab, k=3)), " ".join(rng.choices(vocab, k=40)))
        for i in range(2000)
    ]
    build_index(ps, tmp_path / "kb", heap_mb=64, threads=2)
    kb = KnowledgeBase(tmp_path / "kb")  # opened lazily by the first threads, concurrently
    queries = [" ".join(rng.choices(vocab, k=rng.randint(1, 5))) for _ in range(400)]
    with ThreadPool(8) as pool:
        parallel = pool.map(lambda q: [(h.passage.id, h.score) for h in kb.search(q, 5)], queries)
    sequential = [[(h.passage.id, h.score) for h in kb.search(q, 5)] for q in queries]
    assert parallel == sequential and all(parallel)


def test_pruned_search_equals_full_search(tmp_path, monkeypatch):
    """The pruned plan (light terms as candidates) returns the exact top k, with the
    recorded per-term maximum scores as bounds."""
    monkeypatch.setattr(index_module, "PRUNE_MIN_DOCS", 0)  # record maxima for a small index
    rng = random.Random(7)
    vocab = [f"t{i}" for i in range(2000)]
    weights = [1 / (r + 1) for r in range(len(vocab))]  # Zipf: some terms in most passages
    ps = [
        Passage(
            f"p{i}",
            " ".join(rng.choices(vocab, weights, k=4)),
            " ".join(rng.choices(vocab, weights, k=50)),
        )
        for i in range(4000)
    ]
    build_index(ps, tmp_path / "kb", heap_mb=64, threads=1)
    maxima = json.loads((tmp_path / "kb" / MAXSCORES_FILE).read_text())
    assert maxima["num_docs"] == 4000 and "t0" in maxima["fields"]["text"]
    pruned, full = KnowledgeBase.open(tmp_path / "kb"), KnowledgeBase.open(tmp_path / "kb")
    (top,) = full.search_ids("t0", 1)  # text + title score of the best t0 passage
    assert maxima["fields"]["text"]["t0"] <= top[1] * (1 + 1e-6)
    pruned.prune_min_docs, pruned.heavy_fraction = 0, 0.05
    full.prune_min_docs = 10**12
    for _ in range(300):
        q = " ".join(rng.choices(vocab, weights, k=rng.randint(2, 6)))
        a, b = pruned.search_ids(q, 10), full.search_ids(q, 10)
        assert [s for _, s in a] == pytest.approx([s for _, s in b], rel=1e-5)
        cut = b[-1][1]  # ids may differ only among documents tied at the cut

        def above(hits, cut=cut):
            return {i for i, s in hits if s > cut * (1 + 1e-5)}

        assert above(a) == above(b)
    assert pruned.plan_counts["pruned"] > 50
