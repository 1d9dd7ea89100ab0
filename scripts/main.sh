#!/usr/bin/env bash
# The main job: install healthgym into .venv, then generate the task suite and run the
# scripted reference policies (oracle, lazy, random) over the test split of every domain.
# Results land in runs/<policy>/{summary.json,trajectories.jsonl}.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e .
.venv/bin/healthgym tasks stats
for policy in oracle lazy random; do
  .venv/bin/healthgym run --policy "$policy" --domains all --split test --out "runs/$policy"
done
