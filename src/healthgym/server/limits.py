"""Request limits: a body-size cap (413) and a body-receive timeout (408).

:class:`BodyLimitMiddleware` is plain ASGI.  It refuses a request whose declared
``Content-Length`` is over the cap before reading anything, otherwise reads the
body itself (so a chunked body cannot exceed the cap either, and a client that
trickles its body is cut off after ``timeout_s``), then hands the buffered body to
the application.  Error bodies are JSON: ``{"error": ..., "detail": ...}``.
"""

from __future__ import annotations

import json
from typing import Any

import anyio

Scope = dict[str, Any]
Message = dict[str, Any]


async def send_json(send: Any, status: int, error: str, detail: str) -> None:
    """Answer a raw ASGI request with a small JSON error."""
    body = json.dumps({"error": error, "detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodyLimitMiddleware:
    """Cap request bodies at ``max_bytes`` and their arrival at ``timeout_s``."""

    def __init__(self, app: Any, max_bytes: int, timeout_s: float) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.timeout_s = timeout_s

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                await send_json(send, 400, "bad_request", "malformed Content-Length header")
                return
            if size > self.max_bytes:
                await send_json(send, 413, "payload_too_large", self._too_large(size))
                return
        chunks: list[bytes] = []
        total = 0
        more = True
        with anyio.move_on_after(self.timeout_s) as scope_timer:
            while more:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return  # the client went away; nothing to answer
                chunk = message.get("body", b"")
                total += len(chunk)
                if total > self.max_bytes:
                    await send_json(send, 413, "payload_too_large", self._too_large(total))
                    return
                chunks.append(chunk)
                more = message.get("more_body", False)
        if scope_timer.cancelled_caught:
            await send_json(
                send,
                408,
                "request_timeout",
                f"the request body did not arrive within {self.timeout_s:g} s",
            )
            return
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: wait for the disconnect

        await self.app(scope, replay, send)

    def _too_large(self, size: int) -> str:
        return f"request body of {size} bytes exceeds the limit of {self.max_bytes} bytes"
