"""Start llama-cpp-python's OpenAI-compatible server with its AMX weight repacking off.

    python scripts/llama_server.py --model X.gguf --port 8011 [--chat_format ...] [--n_ctx N]

llama-cpp-python 0.3.36 repacks weights into "extra buffer types" on CPUs with AMX,
and that path faults on this project's CI machines; the server's settings do not
expose ``use_extra_bufts``, so this launcher turns it off in the model defaults and
then runs the stock server (every other option is the server's own).  Used to record
the transcript replayed by ``tests/test_real_server_transcript.py`` (see
``scripts/record_transcript.py``).
"""

from __future__ import annotations

import runpy
import sys

import llama_cpp.llama_cpp as low_level

_defaults = low_level.llama_model_default_params


def _no_extra_bufts():  # type: ignore[no-untyped-def]
    params = _defaults()
    params.use_extra_bufts = False
    return params


low_level.llama_model_default_params = _no_extra_bufts
sys.argv[0] = "llama_cpp.server"
runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)
