"""The customer app's side of the wire: :class:`HttpAuthority` over httpx.

Answers come back typed (:mod:`desktop.authority.wire`); a refusal by the authority
becomes ``DomainError(code, **params)`` with the authority's code; anything that is not
an answer (connection refused, timeout, TLS failure, not JSON, not the expected shape)
becomes ``DomainError("authority_unreachable", url=..., reason=...)``.

The client parses documents but verifies no signature: the customer app does that
against the public keys it trusts (never against keys an authority merely lists).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import httpx

from desktop import __version__
from desktop.authority.wire import (
    ActivationResult,
    AuthorityStatus,
    FulfilResult,
    OrderLine,
    SeedItem,
    SeedResult,
    SignedLicense,
    TransferResult,
)
from desktop.domain.errors import DomainError

T = TypeVar("T")


def _public_url(url: str) -> str:
    """The URL as it may appear in a message: without any user:password part."""
    try:
        return str(httpx.URL(url).copy_with(username=None, password=None))
    except (httpx.InvalidURL, TypeError, ValueError):
        return url[:200]


class HttpAuthority:
    """A license authority at ``base_url`` (``http://host:port`` or ``https://...``; TLS
    certificates are verified as httpx does by default)."""

    def __init__(self, base_url: str, timeout_s: float = 10.0) -> None:
        self.url = _public_url(base_url.rstrip("/"))
        try:
            parsed = httpx.URL(base_url.rstrip("/"))
        except (httpx.InvalidURL, TypeError, ValueError):
            raise DomainError("authority_unreachable", url=self.url, reason="not a URL") from None
        if parsed.scheme not in ("http", "https") or not parsed.host:
            raise DomainError("authority_unreachable", url=self.url, reason="not an http(s) URL")
        self.timeout_s = timeout_s
        self._http = httpx.Client(
            base_url=parsed,
            timeout=httpx.Timeout(timeout_s, connect=timeout_s),
            follow_redirects=False,
            headers={"Accept": "application/json", "User-Agent": f"licdesk/{__version__}"},
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> HttpAuthority:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the calls --------------------------------------------------------------------
    def status(self) -> AuthorityStatus:
        return self._parse(self._call("GET", "/v1/status"), AuthorityStatus.from_json)

    def activate(
        self,
        code: str,
        device: str,
        store: str,
        *,
        serial: str | None = None,
        product: str | None = None,
        current_end: dt.date | None = None,
    ) -> ActivationResult:
        body = _activation_body(code, device, store, serial, product, current_end)
        return self._parse(self._call("POST", "/v1/activate", body), ActivationResult.from_json)

    def transfer(self, serial: str, device: str, store: str) -> TransferResult:
        body = {"serial": serial, "device": device, "store": store}
        return self._parse(self._call("POST", "/v1/transfer", body), TransferResult.from_json)

    def license_file(
        self,
        code: str,
        device: str,
        store: str,
        *,
        serial: str | None = None,
        product: str | None = None,
        current_end: dt.date | None = None,
    ) -> SignedLicense:
        """The signed license file for an offline PC; ``.to_file()`` is what to save."""
        body = _activation_body(code, device, store, serial, product, current_end)
        return self._parse(self._call("POST", "/v1/license-file", body), SignedLicense.from_file)

    def fulfil(self, store: str, order_ref: str, lines: Sequence[OrderLine]) -> FulfilResult:
        body = {"store": store, "order_ref": order_ref, "lines": [x.to_json() for x in lines]}
        return self._parse(self._call("POST", "/v1/fulfil", body), FulfilResult.from_json)

    def seed(self, store: str, items: Sequence[SeedItem]) -> SeedResult:
        body = {"store": store, "items": [x.to_json() for x in items]}
        return self._parse(self._call("POST", "/v1/seed", body), SeedResult.from_json)

    # --- the plumbing -----------------------------------------------------------------
    def _unreachable(self, reason: str) -> DomainError:
        return DomainError("authority_unreachable", url=self.url, reason=reason[:300])

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        try:
            response = self._http.request(method, path, json=body)
        except httpx.TimeoutException:
            raise self._unreachable(f"no answer within {self.timeout_s:g} s") from None
        except (httpx.HTTPError, httpx.InvalidURL, OSError) as exc:
            raise self._unreachable(str(exc) or type(exc).__name__) from None
        try:
            data = response.json()
        except ValueError:
            raise self._unreachable(f"HTTP {response.status_code}, not a JSON answer") from None
        if response.status_code >= 400:
            error = data.get("error") if isinstance(data, dict) else None
            params = data.get("params", {}) if isinstance(data, dict) else None
            if isinstance(error, str) and error and isinstance(params, dict):
                safe = {
                    k: v
                    for k, v in params.items()
                    if isinstance(k, str) and k.isidentifier() and k not in ("code", "self")
                }
                raise DomainError(error, **safe)
            raise self._unreachable(f"HTTP {response.status_code}")
        if response.status_code != 200:
            raise self._unreachable(f"HTTP {response.status_code}")
        return data

    def _parse(self, data: Any, read: Callable[[Any], T]) -> T:
        try:
            return read(data)
        except (DomainError, ValueError, KeyError, TypeError) as exc:
            raise self._unreachable(f"unexpected answer ({exc})") from None


def _activation_body(
    code: str,
    device: str,
    store: str,
    serial: str | None,
    product: str | None,
    current_end: dt.date | None,
) -> dict[str, Any]:
    body: dict[str, Any] = {"code": code, "device": device, "store": store}
    if serial is not None:
        body["serial"] = serial
    if product is not None:
        body["product"] = product
    if current_end is not None:
        body["current_end"] = current_end.isoformat()
    return body
