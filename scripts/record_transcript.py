"""Record what a real OpenAI-compatible server answers, for replay in tests.

    python scripts/record_transcript.py --upstream http://127.0.0.1:8011 --port 8012 \
        --out tests/data/transcripts/NAME.jsonl [--label "llama-cpp-python 0.3.36 ..."]

A loopback proxy: every ``POST /v1/chat/completions`` is forwarded to ``--upstream``
unchanged and one JSON line ``{"request": shape, "status": code, "response": body}``
is appended to ``--out``, where ``shape`` is the request's shape without its text
(:func:`healthgym.agents.mock_server.request_summary`); the first line describes the
server: ``{"label": ...}``.
Point ``healthgym run --policy openai --base-url http://127.0.0.1:PORT/v1`` at it.
``tests/test_real_server_transcript.py`` replays such a file: each recorded request
gets its recorded response, so the client's handling of a real server's replies
(errors included) is tested without the server.
"""

from __future__ import annotations

import argparse
import json
import threading
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from healthgym.agents.mock_server import request_summary


def create_app(upstream: str, out: Path, label: str) -> FastAPI:
    app = FastAPI()
    lock = threading.Lock()
    client = httpx.AsyncClient(base_url=upstream, timeout=600)
    with out.open("w") as f:
        f.write(json.dumps({"label": label}) + "\n")

    @app.post("/v1/chat/completions")
    async def chat(request: Request) -> Any:
        body = await request.json()
        r = await client.post("/v1/chat/completions", json=body)
        try:
            payload = r.json()
        except ValueError:
            payload = {"raw": r.text}
        with lock, out.open("a") as f:
            f.write(
                json.dumps(
                    {"request": request_summary(body), "status": r.status_code, "response": payload}
                )
            )
            f.write("\n")
        return JSONResponse(payload, status_code=r.status_code)

    return app


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--upstream", required=True)
    p.add_argument("--port", type=int, default=8012)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--label", default="")
    a = p.parse_args()
    a.out.parent.mkdir(parents=True, exist_ok=True)
    uvicorn.run(create_app(a.upstream, a.out, a.label), host="127.0.0.1", port=a.port)


if __name__ == "__main__":
    main()
