"""The README's "Use from OpenEnv / TRL" and "Use over MCP" examples run as written.

Each example is the ```python block that follows an ``<!-- example: NAME -->`` marker.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

README = Path(__file__).resolve().parents[1] / "README.md"


def example(name: str) -> str:
    text = README.read_text()
    found = re.search(
        rf"<!-- example: {re.escape(name)} -->\s*```python\n(.*?)```", text, re.DOTALL
    )
    assert found, f"no example {name!r} in {README}"
    return found.group(1)


def run_code(code: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<README example>", "exec"), {"__name__": "__main__"})
    return out.getvalue()


def test_the_mcp_example_runs():
    out = run_code(example("mcp"))
    assert "[get_vitals]" in out and "True {" in out and "'status': 'invalid'" in out


def test_the_openenv_example_runs(tmp_path):
    pytest.importorskip("openenv.core")
    code = example("openenv")
    assert "http://127.0.0.1:8000" in code
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = (tmp_path / "server.log").open("wb")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from healthgym.cli import app; app()",
            "serve",
            "openenv",
            "--port",
            str(port),
        ],
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail("the OpenEnv server did not start")
            time.sleep(0.2)
        out = run_code(code.replace("http://127.0.0.1:8000", url))
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()
    assert "[get_vitals]" in out and "evidence_met" in out
    assert "True " in out and "'composite'" in out and "'step_count': 2" in out
