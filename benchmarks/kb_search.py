"""Knowledge-base search at scale: our tantivy index against SQLite FTS5.

    python benchmarks/kb_search.py --passages 828000 --queries 1000 [--json] [--seed 0]
    python benchmarks/kb_search.py --quick --json   # seconds: 3,000 passages, 100 queries

A synthetic corpus of N passages (~60 words of text and a 3-8 word title each)
is drawn from a Zipf(s) distribution over a vocabulary of made-up words
(seeded), and Q queries of 2-6 words are drawn from the same distribution.  Both
engines index the same corpus and answer the same queries, top 10:

* ours: :func:`healthgym.knowledge.build_index` + ``KnowledgeBase.search_ids``
  (BM25, en_stem, title boost 2, exact top-10);
* reference: SQLite FTS5 with ``tokenize='porter unicode61'``, the query as
  OR-joined quoted terms (stopwords removed, at most 12 terms),
  ``ORDER BY bm25(fts) LIMIT 10``; the build ends with FTS5's 'optimize'.

Each engine builds and queries in its own subprocess; its peak RSS is that
process's high-water mark (``VmHWM``; Python interpreter included).  Latency is wall time
per query after a warm-up pass over the first 50 queries; p50/p95 over all Q.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]
FTS_MAX_TERMS = 12
WARMUP = 50


# ----------------------------------------------------------------------------- data


def make_vocab(n: int, rng: np.random.Generator) -> list[str]:
    from healthgym.knowledge.query import STOPWORDS

    words: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        w = "".join(rng.choice(SYLLABLES, size=int(rng.integers(2, 5))))
        if w not in words and w not in STOPWORDS:
            words.add(w)
            out.append(w)
    return out


def zipf_sampler(v: int, s: float, rng: np.random.Generator):
    cdf = np.cumsum(1.0 / np.arange(1, v + 1) ** s)
    cdf /= cdf[-1]
    return lambda size: np.minimum(np.searchsorted(cdf, rng.random(size)), v - 1)


def generate(args: argparse.Namespace, work: Path) -> float:
    t0 = time.perf_counter()
    rng = np.random.default_rng(args.seed)
    vocab = np.array(make_vocab(args.vocab, rng))
    draw = zipf_sampler(args.vocab, args.zipf, rng)
    chunk = 50_000
    with (work / "corpus.tsv").open("w", encoding="utf-8") as f:
        for start in range(0, args.passages, chunk):
            n = min(chunk, args.passages - start)
            lengths = rng.integers(args.words - 10, args.words + 11, size=n)
            tokens = vocab[draw(int(lengths.sum()))]
            tlen = rng.integers(3, 9, size=n)
            titles = vocab[draw(int(tlen.sum()))]
            ends, tends = np.cumsum(lengths), np.cumsum(tlen)
            lines = []
            for i in range(n):
                text = " ".join(tokens[ends[i] - lengths[i] : ends[i]])
                title = " ".join(titles[tends[i] - tlen[i] : tends[i]])
                lines.append(f"p{start + i}\t{title}\t{text}\n")
            f.writelines(lines)
    qlen = rng.integers(2, 7, size=args.queries)
    need, ranks = int(qlen.sum()), np.zeros(0, dtype=int)
    while len(ranks) < need:  # rejection sampling when the top ranks are excluded
        more = draw(need)
        ranks = np.concatenate([ranks, more[more >= args.skip_top_ranks]])
    qwords = vocab[ranks[:need]]
    qends = np.cumsum(qlen)
    queries = [" ".join(qwords[qends[i] - qlen[i] : qends[i]]) for i in range(args.queries)]
    (work / "queries.txt").write_text("\n".join(queries) + "\n", encoding="utf-8")
    return time.perf_counter() - t0


def read_corpus(work: Path) -> Iterator[tuple[str, str, str]]:
    with (work / "corpus.tsv").open(encoding="utf-8") as f:
        for line in f:
            pid, title, text = line.rstrip("\n").split("\t")
            yield pid, title, text


def dir_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def timed(queries: list[str], fn) -> tuple[list[float], list[list[str]]]:
    for q in queries[:WARMUP]:
        fn(q)
    lat, results = [], []
    for q in queries:
        t = time.perf_counter()
        ids = fn(q)
        lat.append((time.perf_counter() - t) * 1000)
        results.append(ids)
    return lat, results


def summary(lat: list[float]) -> dict[str, float]:
    a = np.array(lat)
    return {
        "p50_ms": round(float(np.percentile(a, 50)), 4),
        "p95_ms": round(float(np.percentile(a, 95)), 4),
        "mean_ms": round(float(a.mean()), 4),
    }


# -------------------------------------------------------------------------- engines


def run_ours(work: Path, args: argparse.Namespace) -> dict:
    from healthgym.knowledge import KnowledgeBase, Passage, build_index

    out = work / "tantivy"
    passages = (
        Passage(pid, title, text, collection="synthetic") for pid, title, text in read_corpus(work)
    )
    t0 = time.perf_counter()
    build_index(passages, out, heap_mb=args.heap_mb, threads=args.threads or None)
    build_s = time.perf_counter() - t0
    kb = KnowledgeBase.open(out)
    if args.heavy_fraction is not None:
        kb.heavy_fraction = args.heavy_fraction
    queries = (work / "queries.txt").read_text(encoding="utf-8").splitlines()
    lat, results = timed(queries, lambda q: [pid for pid, _ in kb.search_ids(q, 10)])
    plans = dict(kb.plan_counts)
    full_lat, _ = timed(queries[: min(len(queries), 300)], lambda q: kb.search(q, 10))
    return {
        "build_s": round(build_s, 2),
        "index_mb": round(dir_mb(out), 1),
        **summary(lat),
        "with_passage_text_p50_ms": summary(full_lat)["p50_ms"],
        "query_plans": plans,
        "segments": kb._searcher.num_segments,
        "results": results,
    }


def fts_query(q: str) -> str:
    from healthgym.knowledge.query import STOPWORDS

    words = [w for w in re.findall(r"\w+", q.lower()) if w not in STOPWORDS]
    words = list(dict.fromkeys(words))[:FTS_MAX_TERMS]
    return " OR ".join(f'"{w}"' for w in words)


def run_fts5(work: Path, args: argparse.Namespace) -> dict:
    path = work / "fts.sqlite"
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    t0 = time.perf_counter()
    db.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(id UNINDEXED, title, text, "
        "tokenize='porter unicode61')"
    )
    db.executemany("INSERT INTO fts(id, title, text) VALUES (?, ?, ?)", read_corpus(work))
    db.execute("INSERT INTO fts(fts) VALUES('optimize')")
    db.commit()
    build_s = time.perf_counter() - t0
    queries = (work / "queries.txt").read_text(encoding="utf-8").splitlines()
    sql = "SELECT id FROM fts WHERE fts MATCH ? ORDER BY bm25(fts) LIMIT 10"

    def search(q: str) -> list[str]:
        match = fts_query(q)
        return [r[0] for r in db.execute(sql, (match,))] if match else []

    lat, results = timed(queries, search)
    db.close()
    return {
        "build_s": round(build_s, 2),
        "index_mb": round(dir_mb(path), 1),
        **summary(lat),
        "results": results,
    }


def peak_rss_mb() -> float:
    """This process's peak resident set: VmHWM (Linux; ru_maxrss would include the
    parent's peak, which survives exec), else ru_maxrss."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale, 1)


def child(engine: str, work: Path, args: argparse.Namespace) -> None:
    result = run_ours(work, args) if engine == "ours" else run_fts5(work, args)
    result["peak_rss_mb"] = peak_rss_mb()
    (work / f"{engine}.json").write_text(json.dumps(result), encoding="utf-8")


def spawn(engine: str, work: Path, args: argparse.Namespace) -> dict:
    cmd = [sys.executable, __file__, "--_engine", engine, "--_work", str(work)]
    cmd += ["--heap-mb", str(args.heap_mb), "--threads", str(args.threads)]
    if args.heavy_fraction is not None:
        cmd += ["--heavy-fraction", str(args.heavy_fraction)]
    subprocess.run(cmd, check=True)
    return json.loads((work / f"{engine}.json").read_text(encoding="utf-8"))


def overlap(a: list[list[str]], b: list[list[str]]) -> float:
    scores = [
        len(set(x) & set(y)) / max(len(x), len(y)) for x, y in zip(a, b, strict=True) if x or y
    ]
    return round(float(np.mean(scores)), 3) if scores else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--passages", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--vocab", type=int, default=50_000)
    ap.add_argument("--zipf", type=float, default=1.0, help="Zipf exponent s")
    ap.add_argument("--words", type=int, default=60, help="mean words per passage")
    ap.add_argument(
        "--skip-top-ranks",
        type=int,
        default=0,
        help="sensitivity: queries never use the R most frequent words (as if they were "
        "stopwords); 0 = queries drawn from the full Zipf vocabulary",
    )
    ap.add_argument("--heap-mb", type=int, default=1024)
    ap.add_argument("--threads", type=int, default=0, help="tantivy indexing threads (0 = auto)")
    ap.add_argument("--heavy-fraction", type=float, default=None)
    ap.add_argument("--workdir", type=Path, default=None, help="keep the data here")
    ap.add_argument(
        "--quick",
        action="store_true",
        help="seconds: 3,000 passages, 100 queries, a 5,000-word vocabulary, 50 MB heap",
    )
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--_engine", choices=["ours", "fts5"], help=argparse.SUPPRESS)
    ap.add_argument("--_work", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args._engine:
        child(args._engine, args._work, args)
        return
    if args.quick:
        args.passages, args.queries, args.vocab, args.heap_mb = 3000, 100, 5000, 50
    work = args.workdir or Path(tempfile.mkdtemp(prefix="kb_bench_"))
    work.mkdir(parents=True, exist_ok=True)
    for stale in ("tantivy", "fts.sqlite"):
        shutil.rmtree(work / stale, ignore_errors=True) if (work / stale).is_dir() else (
            work / stale
        ).unlink(missing_ok=True)
    try:
        gen_s = generate(args, work)
        ours, fts = spawn("ours", work, args), spawn("fts5", work, args)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    agreement = overlap(ours.pop("results"), fts.pop("results"))
    speedup = fts["p50_ms"] / ours["p50_ms"] if ours["p50_ms"] else float("inf")
    report = {
        "quick": args.quick,
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "passages": args.passages,
        "queries": args.queries,
        "seed": args.seed,
        "vocab": args.vocab,
        "zipf_s": args.zipf,
        "skip_top_ranks": args.skip_top_ranks,
        "cpus": os.cpu_count(),
        "sqlite": sqlite3.sqlite_version,
        "corpus_gen_s": round(gen_s, 1),
        "ours": ours,
        "fts5": fts,
        "p50_speedup": round(speedup, 1),
        "top10_overlap": agreement,
        "rss_method": "peak RSS (VmHWM) of each engine's own subprocess: build + queries",
        "goals": {
            "ours_p50_le_1ms": ours["p50_ms"] <= 1.0,
            "speedup_ge_20x": speedup >= 20,
            "build_le_90s": ours["build_s"] <= 90,
        },
    }
    if args.json:
        print(json.dumps(report))
        return
    print(f"{args.passages:,} passages, {args.queries:,} queries (seed {args.seed})")
    print(f"{'':8}{'build s':>9}{'index MB':>10}{'p50 ms':>9}{'p95 ms':>9}{'RSS MB':>9}")
    for name, r in (("ours", ours), ("fts5", fts)):
        print(
            f"{name:8}{r['build_s']:>9.1f}{r['index_mb']:>10.1f}{r['p50_ms']:>9.3f}"
            f"{r['p95_ms']:>9.3f}{r['peak_rss_mb']:>9.0f}"
        )
    print(
        f"p50 speed-up {speedup:.1f}x; top-10 overlap {agreement:.2f}; plans {ours['query_plans']}"
    )


if __name__ == "__main__":
    main()
