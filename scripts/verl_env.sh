#!/usr/bin/env bash
# The verl job: verl pins an older transformers than the main .venv, so its adapter
# (healthgym.train.verl.tool) is tested in a separate virtual environment, .venv-verl.
# Creates it (torch first, pinned, so that no CUDA build is pulled), installs verl 0.9
# with its own pinned transformers, then healthgym itself without its dependencies plus
# the few that the core and the adapter need, and runs tests_verl/.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
VENV=${VERL_VENV:-.venv-verl}
PIP=("$VENV/bin/python" -m pip install -q --disable-pip-version-check)
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
"${PIP[@]}" torch==2.13.0  # the pinned CPU build (an unpinned torch pulls CUDA)
"${PIP[@]}" "verl==0.9.*"  # brings its pinned transformers (<5.11), ray, tensordict ...
"${PIP[@]}" -e . --no-deps
# the core's own dependencies, what the adapter and its tests use, and the few modules
# that verl's agent loop imports but its base install leaves out (its verl-core extra)
"${PIP[@]}" "gymnasium>=1.0" "pydantic>=2.5" "numpy>=1.24" "typer>=0.12" "rich>=13" \
    "tantivy>=0.22" "pyarrow>=14" "pyyaml>=6" "pytest>=8" cachetools fastapi uvicorn
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 TOKENIZERS_PARALLELISM=false
"$VENV/bin/python" -c "import verl, transformers; print('verl', verl.__version__, \
'transformers', transformers.__version__)"
"$VENV/bin/python" -m pytest tests_verl -q -p no:cacheprovider "$@"
