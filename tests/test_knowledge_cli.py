"""``healthgym kb``: build, search, stats (via the kb_app sub-app)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from healthgym.cli_kb import kb_app
from healthgym.knowledge import reset_default_kb

runner = CliRunner()


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("HEALTHGYM_KB_DIR", str(tmp_path / "cache"))
    reset_default_kb()
    yield
    reset_default_kb()


@pytest.fixture
def corpus(tmp_path):
    f = tmp_path / "corpus.jsonl"
    rows = [
        {"id": "a1", "title": "Acromegaly", "content": "Excess growth hormone in adults."},
        {"id": "g1", "title": "Gout", "content": "Urate crystal arthritis."},
    ]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return f


def test_build_search_stats(tmp_path, corpus):
    out = tmp_path / "kb"
    r = runner.invoke(
        kb_app, ["build", "--source", "jsonl", "--path", str(corpus), "--out", str(out)]
    )
    assert r.exit_code == 0, r.output
    manifest = json.loads(r.stdout)
    assert manifest["passages"] == 2 and manifest["load"]["passages"] == 2
    r = runner.invoke(
        kb_app, ["search", "What is acromegaly?", "--kb", str(out), "--format", "json"]
    )
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    assert rows[0]["id"] == "a1" and rows[0]["rank"] == 1 and "snippet" in rows[0]
    r = runner.invoke(kb_app, ["search", "gout", "--kb", str(out), "--k", "1"])
    assert r.exit_code == 0 and "g1" in r.stdout
    r = runner.invoke(kb_app, ["search", 'AND ("', "--kb", str(out), "--format", "json"])
    assert r.exit_code == 0 and json.loads(r.stdout) == []
    r = runner.invoke(kb_app, ["stats", "--kb", str(out), "--format", "json"])
    assert r.exit_code == 0
    stats = json.loads(r.stdout)
    assert stats["passages"] == 2 and stats["path"] == str(out) and stats["size_bytes"] > 0
    r = runner.invoke(kb_app, ["stats", "--kb", str(out)])
    assert r.exit_code == 0 and "content_hash" in r.stdout
    r = runner.invoke(
        kb_app, ["build", "--source", "jsonl", "--path", str(corpus), "--out", str(out)]
    )
    assert r.exit_code == 1 and "already exists" in " ".join(r.output.split())  # rich wraps lines
    r = runner.invoke(
        kb_app, ["build", "--source", "jsonl", "--path", str(corpus), "--out", str(out), "--force"]
    )
    assert r.exit_code == 0, r.output


def test_errors_are_messages_not_tracebacks(tmp_path):
    r = runner.invoke(kb_app, ["stats", "--kb", str(tmp_path / "missing")])
    assert r.exit_code == 1 and "no knowledge base" in r.output and "kb build" in r.output
    r = runner.invoke(kb_app, ["build", "--source", "medquad", "--out", str(tmp_path / "x")])
    assert r.exit_code == 1 and "needs --path" in r.output
    r = runner.invoke(
        kb_app,
        ["build", "--source", "pubmed", "--path", str(tmp_path), "--out", str(tmp_path / "y")],
    )
    assert r.exit_code == 1 and "no .xml" in r.output
    r = runner.invoke(kb_app, ["build", "--source", "nonsense"])
    assert r.exit_code == 2


def test_builtin_build_and_default_search(tmp_path):
    out = tmp_path / "builtin"
    r = runner.invoke(kb_app, ["build", "--source", "builtin", "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["name"] == "healthgym-builtin"
    r = runner.invoke(kb_app, ["search", "CURB-65 interpretation", "--format", "json", "--k", "3"])
    assert r.exit_code == 0, r.output
    assert "builtin:score/curb65/interpretation" in [row["id"] for row in json.loads(r.stdout)]
