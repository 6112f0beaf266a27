"""The authority over HTTP: a Starlette app served by uvicorn.

JSON endpoints under ``/v1`` (GET status; POST activate, transfer, license-file, fulfil,
seed). A refusal is an HTTP 4xx with ``{"error": CODE, "params": {...}}``: 404 unknown,
409 used or in conflict, 422 malformed input, 403 not allowed, 413 too large. Whatever
bytes arrive, the answer is JSON and never a traceback; an unexpected failure is a 500
``authority_internal`` whose traceback goes to the log only. Each request is logged in
one line without secrets (a code shows only its first group).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
import time
from collections.abc import Awaitable, Callable
from collections.abc import Set as AbstractSet
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from desktop.authority.service import AuthorityService, mask_code
from desktop.domain.errors import DomainError

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 4 * 1024 * 1024  # a seed of 10 000 demo licenses fits

NOT_FOUND = {"code_unknown", "serial_unknown", "unknown_product_sku", "not_found"}
CONFLICT = {
    "code_used",
    "code_other_product",
    "renewal_without_license",
    "transfer_not_active",
    "transfer_free",
    "serial_other_device",
    "fulfil_conflict",
    "product_exists",
}
FORBIDDEN = {"fulfil_not_allowed"}
UNAVAILABLE = {
    "authority_no_keys",
    "authority_keys_unreadable",
    "authority_key_missing",
    "authority_key_exposed",
    "authority_keyring",
    "authority_dir_not_initialised",
    "authority_config_unreadable",
    "authority_busy",
}


def http_status(code: str) -> int:
    if code in NOT_FOUND:
        return 404
    if code in CONFLICT:
        return 409
    if code in FORBIDDEN:
        return 403
    if code in UNAVAILABLE:
        return 503
    if code == "request_too_large":
        return 413
    if code == "method_not_allowed":
        return 405
    if code == "authority_internal":
        return 500
    return 422


def _plain(value: object) -> object:
    return value if isinstance(value, str | int | float | bool) or value is None else str(value)


def error_response(err: DomainError, status: int | None = None) -> JSONResponse:
    params = {str(k): _plain(v) for k, v in err.params.items()}
    return JSONResponse({"error": err.code, "params": params}, status or http_status(err.code))


# --- reading requests ------------------------------------------------------------------


def _bad(field: str, problem: str) -> DomainError:
    return DomainError("bad_request", field=field, problem=problem)


async def read_json(request: Request, limit: int) -> dict[str, Any]:
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise DomainError("request_too_large", limit=limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise DomainError("request_too_large", limit=limit)
        chunks.append(chunk)
    try:
        data = json.loads(b"".join(chunks))
    except (ValueError, RecursionError):
        raise _bad("body", "is not JSON") from None
    if not isinstance(data, dict):
        raise _bad("body", "must be a JSON object")
    return data


def _fields(
    body: dict[str, Any], required: AbstractSet[str], optional: AbstractSet[str] = frozenset()
) -> None:
    missing = sorted(required - set(body))
    if missing:
        raise _bad(missing[0], "is missing")
    extra = sorted(str(k)[:40] for k in set(body) - required - optional)
    if extra:
        raise _bad(extra[0], "is not a field of this request")


def _text(body: dict[str, Any], key: str) -> str:
    value = body.get(key)
    if not isinstance(value, str):
        raise _bad(key, "must be text")
    return value


def _opt_text(body: dict[str, Any], key: str) -> str | None:
    value = body.get(key)
    if value is not None and not isinstance(value, str):
        raise _bad(key, "must be text or null")
    return value


def _opt_date(body: dict[str, Any], key: str) -> dt.date | None:
    value = _opt_text(body, key)
    if value is None:
        return None
    try:
        if len(value) != 10:
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DomainError("bad_date", field=key, value=value[:40]) from None


ACTIVATE_FIELDS = ({"code", "device", "store"}, {"serial", "product", "current_end"})


def _activate_args(body: dict[str, Any]) -> tuple[tuple[str, str, str], dict[str, Any]]:
    _fields(body, *ACTIVATE_FIELDS)
    args = (_text(body, "code"), _text(body, "device"), _text(body, "store"))
    kwargs = {
        "serial": _opt_text(body, "serial"),
        "product": _opt_text(body, "product"),
        "current_end": _opt_date(body, "current_end"),
    }
    return args, kwargs


# --- the app ---------------------------------------------------------------------------

Handler = Callable[[dict[str, Any]], dict[str, Any]]


def create_app(service: AuthorityService, *, max_body: int = MAX_BODY_BYTES) -> Starlette:
    def activate(body: dict[str, Any]) -> dict[str, Any]:
        args, kwargs = _activate_args(body)
        return service.activate(*args, **kwargs).to_json()

    def license_file(body: dict[str, Any]) -> dict[str, Any]:
        args, kwargs = _activate_args(body)
        return service.license_file(*args, **kwargs)

    def transfer(body: dict[str, Any]) -> dict[str, Any]:
        _fields(body, {"serial", "device", "store"})
        return service.transfer(
            _text(body, "serial"), _text(body, "device"), _text(body, "store")
        ).to_json()

    def fulfil(body: dict[str, Any]) -> dict[str, Any]:
        service.require_fulfil()  # refuse before looking at the lines
        _fields(body, {"store", "order_ref", "lines"})
        lines = body["lines"]
        if not isinstance(lines, list):
            raise _bad("lines", "must be a list")
        return service.fulfil(_text(body, "store"), _text(body, "order_ref"), lines).to_json()

    def seed(body: dict[str, Any]) -> dict[str, Any]:
        service.require_fulfil()
        _fields(body, {"store", "items"})
        items = body["items"]
        if not isinstance(items, list):
            raise _bad("items", "must be a list")
        return service.seed(_text(body, "store"), items).to_json()

    def post(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            started = time.monotonic()
            body: dict[str, Any] | None = None
            try:
                body = await read_json(request, max_body)
                response: Response = JSONResponse(await run_in_threadpool(handler, body))
            except DomainError as err:
                response = error_response(err)
            except sqlite3.OperationalError as exc:  # locked past the busy timeout, disk full
                log.warning(
                    "%s %s: register unavailable: %s", request.method, request.url.path, exc
                )
                response = error_response(DomainError("authority_busy"))
            except Exception:  # noqa: BLE001 - an answer, never a traceback
                log.exception("%s %s failed", request.method, request.url.path)
                response = error_response(DomainError("authority_internal"))
            _log_request(request, response, started, body)
            return response

        return endpoint

    async def status(request: Request) -> Response:
        started = time.monotonic()
        try:
            response: Response = JSONResponse((await run_in_threadpool(service.status)).to_json())
        except DomainError as err:
            response = error_response(err)
        except Exception:  # noqa: BLE001
            log.exception("status failed")
            response = error_response(DomainError("authority_internal"))
        _log_request(request, response, started, None)
        return response

    async def http_error(request: Request, exc: Exception) -> Response:
        code = exc.status_code if isinstance(exc, HTTPException) else 500
        path = request.url.path[:100]
        if code == 404:
            err = DomainError("not_found", path=path)
        elif code == 405:
            err = DomainError("method_not_allowed", path=path, method=request.method[:10])
        else:
            err = DomainError("bad_request", field="request", problem=f"HTTP {code}")
        response = error_response(err, code)
        _log_request(request, response, time.monotonic(), None)
        return response

    async def server_error(request: Request, exc: Exception) -> Response:
        log.error("unhandled error on %s", request.url.path, exc_info=exc)
        return error_response(DomainError("authority_internal"))

    routes = [
        Route("/v1/status", status, methods=["GET"]),
        Route("/v1/activate", post(activate), methods=["POST"]),
        Route("/v1/transfer", post(transfer), methods=["POST"]),
        Route("/v1/license-file", post(license_file), methods=["POST"]),
        Route("/v1/fulfil", post(fulfil), methods=["POST"]),
        Route("/v1/seed", post(seed), methods=["POST"]),
    ]
    return Starlette(
        routes=routes,
        exception_handlers={HTTPException: http_error, Exception: server_error},
    )


def _log_request(
    request: Request, response: Response, started: float, body: dict[str, Any] | None
) -> None:
    what = ""
    if body:
        code = body.get("code")
        if isinstance(code, str):
            what += f" code={mask_code(code.strip().upper())}"
        for key in ("device", "serial", "order_ref"):
            value = body.get(key)
            if isinstance(value, str):
                what += f" {key}={value[:60]!r}"
    outcome = ""
    if response.status_code >= 400:
        try:
            outcome = " " + str(json.loads(bytes(response.body)).get("error"))
        except (ValueError, AttributeError):
            outcome = ""
    client = request.client.host if request.client else "-"
    log.info(
        "%s %s %s -> %d%s (%.0f ms)%s",
        client,
        request.method,
        request.url.path[:100],
        response.status_code,
        outcome,
        (time.monotonic() - started) * 1000,
        what,
    )


def uvicorn_config(app: Starlette, host: str, port: int, log_level: str = "info") -> Any:
    import uvicorn

    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level=log_level,
        access_log=False,  # requests are logged by the app, without secrets
        lifespan="off",
        ws="none",
        server_header=False,
    )


def serve(service: AuthorityService, host: str = "127.0.0.1", port: int = 8765) -> None:
    """Run in the foreground until interrupted (``licdesk-authority serve``)."""
    import uvicorn

    uvicorn.Server(uvicorn_config(create_app(service), host, port)).run()
