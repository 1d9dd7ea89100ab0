"""How the environment server reads request bodies and reports refusals.

Bad input is always a 4xx with ``{"error": ..., "detail": ...}``: malformed JSON 400,
a body over the cap 413, a field that does not fit 422, an unknown or expired session
404, a step after the end 409, too many sessions 429; anything unexpected is a logged
500 that says no more than "internal server error".
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from .sessions import SessionError

log = logging.getLogger("healthgym.server")


class AsciiJSONResponse(JSONResponse):
    """JSON with every non-ASCII character escaped: text echoed from a client (a tool
    name, a field name) can never make the response unencodable (lone surrogates)."""

    def render(self, content: Any) -> bytes:
        return json.dumps(
            content, ensure_ascii=True, allow_nan=False, separators=(",", ":")
        ).encode()


class RequestError(Exception):
    """A refused request: HTTP ``status``, a short ``error`` code and a clear detail."""

    def __init__(self, status: int, error: str, detail: Any) -> None:
        super().__init__(str(detail))
        self.status, self.error, self.detail = status, error, detail


def error_response(status: int, error: str, detail: Any, **headers: str) -> JSONResponse:
    return AsciiJSONResponse(
        {"error": error, "detail": detail}, status_code=status, headers=headers
    )


async def parse_body(request: Request, model: type[BaseModel]) -> Any:
    """The request body as ``model``: 400 for malformed JSON, 422 for wrong fields."""
    raw = await request.body()
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as e:  # JSONDecodeError, bad UTF-8, deep nesting
        msg = e.msg if isinstance(e, json.JSONDecodeError) else type(e).__name__
        raise RequestError(400, "malformed_json", f"the body is not valid JSON: {msg}") from None
    try:
        return model.model_validate(data)
    except ValidationError as e:
        errors = [
            {"loc": list(err["loc"]), "msg": err["msg"]}
            for err in e.errors(include_url=False, include_input=False)[:20]
        ]
        raise RequestError(422, "invalid_request", errors) from None
    except RecursionError:
        raise RequestError(422, "invalid_request", "the body is nested too deeply") from None


def add_error_handlers(app: FastAPI) -> None:
    """Map every refusal and failure to an :func:`error_response`."""

    @app.exception_handler(RequestError)
    async def _request_error(request: Request, exc: RequestError) -> JSONResponse:
        return error_response(exc.status, exc.error, exc.detail)

    @app.exception_handler(SessionError)
    async def _session_error(request: Request, exc: SessionError) -> JSONResponse:
        headers = {"Retry-After": "5"} if exc.status == 429 else {}
        return error_response(exc.status, exc.code, exc.message, **headers)

    @app.exception_handler(RequestValidationError)
    async def _query_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"loc": list(e["loc"]), "msg": e["msg"]} for e in exc.errors()[:20]]
        return error_response(422, "invalid_request", errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error_response(exc.status_code, "http_error", exc.detail)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return error_response(500, "internal_error", "internal server error")
