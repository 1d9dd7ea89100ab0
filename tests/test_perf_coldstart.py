"""Cold start: importing healthgym loads no domain, and a process whose built-in
knowledge base is already cached does not generate (or import) the corpus again."""

from __future__ import annotations

import json
import subprocess
import sys

from healthgym.knowledge import store

PROBE = """
import json, sys
import healthgym
after_import = sorted(m for m in sys.modules if m.startswith("healthgym"))
import gymnasium as gym
env = gym.make(healthgym.env_id(sys.argv[1]))
env.reset(seed=0)
env.step("no tool call yet")
print(json.dumps({"after_import": after_import, "loaded": sorted(sys.modules)}))
"""


def _probe(domain: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, domain], capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_import_loads_no_domain_and_a_cached_kb_skips_the_corpus():
    store.default_kb_path()  # the built-in index and its sources record exist now
    seen = _probe("obstetrics")
    assert "healthgym.domains.base" not in seen["after_import"]
    assert not any(m.startswith("healthgym.domains.obstetrics") for m in seen["after_import"])
    assert "healthgym.domains.obstetrics" in seen["loaded"]  # made on gym.make
    assert "healthgym.knowledge.store" in seen["loaded"]  # the env opened the index
    assert "healthgym.knowledge.builtin" not in seen["loaded"]  # without the corpus


def test_sources_record_is_used_only_while_the_sources_are_unchanged(tmp_path, monkeypatch):
    target = store.default_kb_path()
    fingerprint = store.sources_fingerprint()
    assert fingerprint is not None and len(fingerprint) == 32
    base = target.parent
    assert store._remembered(base, fingerprint) == target
    assert store._remembered(base, "0" * 32) is None  # other sources: not known
    # a record naming a directory without an index, or outside the root, is ignored
    (tmp_path / store.SOURCES_FILE).write_text(
        json.dumps({"a": "builtin-x", "b": "../elsewhere", "c": 3}), encoding="utf-8"
    )
    assert all(store._remembered(tmp_path, k) is None for k in ("a", "b", "c"))
    (tmp_path / store.SOURCES_FILE).write_text("not json", encoding="utf-8")
    assert store._remembered(tmp_path, "a") is None
    store._remember(tmp_path, "f", target)
    assert json.loads((tmp_path / store.SOURCES_FILE).read_text()) == {"f": target.name}
    # an extra corpus generator registered in this process: the record is not trusted
    from healthgym.knowledge import builtin

    monkeypatch.setitem(builtin.GENERATORS, "extra", lambda: [])
    assert store.sources_fingerprint() is None
