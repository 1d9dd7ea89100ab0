#!/usr/bin/env bash
# The test job: install healthgym with its dev extras into .venv, then lint and test.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[dev]"
.venv/bin/ruff check src tests benchmarks
.venv/bin/python -m pytest -q "$@"
