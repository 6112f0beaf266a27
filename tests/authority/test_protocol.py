"""The wire: any bytes and any JSON get a JSON 4xx, never a 500 or a traceback; a client
that cannot get an answer says authority_unreachable."""

from __future__ import annotations

import datetime as dt
import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.authority.client import HttpAuthority
from desktop.authority.demo import RunningAuthority, serve_in_thread, start_demo_authority
from desktop.authority.server import MAX_BODY_BYTES
from desktop.authority.service import AuthorityService
from desktop.domain.errors import DomainError
from tests.authority.conftest import DEV_A, STORE, MovableClock

POSTS = ["/v1/activate", "/v1/transfer", "/v1/license-file", "/v1/fulfil", "/v1/seed"]
FIELDS = [
    "code",
    "device",
    "store",
    "serial",
    "product",
    "current_end",
    "order_ref",
    "lines",
    "items",
    "line_ref",
    "start",
    "end",
    "months",
]


@pytest.fixture(scope="module")
def fuzz_target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, httpx.Client]]:
    ra = start_demo_authority(tmp_path_factory.mktemp("fuzz"), MovableClock())
    ra.service.issue("MS-STORE15-BASE", "license", count=3)
    with httpx.Client(base_url=ra.url, timeout=10) as http:
        yield ra.url, http
    ra.stop()


def _check(response: httpx.Response) -> None:
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])
    body = response.json()
    assert set(body) == {"error", "params"} and isinstance(body["error"], str)
    assert "Traceback" not in response.text


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=40)
    | st.sampled_from(["2026-11-22", DEV_A, STORE, "MS-STORE15-BASE", "ENOVA365"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), inner, max_size=6)
    ),
    max_leaves=20,
)
shaped_bodies = st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=8)
fuzz = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@fuzz
@given(path=st.sampled_from(POSTS), body=st.binary(max_size=300))
def test_any_bytes_get_a_json_refusal(
    fuzz_target: tuple[str, httpx.Client], path: str, body: bytes
) -> None:
    _check(fuzz_target[1].post(path, content=body))


@fuzz
@given(path=st.sampled_from(POSTS), body=json_values)
def test_any_json_gets_a_json_refusal(
    fuzz_target: tuple[str, httpx.Client], path: str, body: object
) -> None:
    _check(fuzz_target[1].post(path, content=json.dumps(body)))


@fuzz
@given(path=st.sampled_from(POSTS), body=shaped_bodies)
def test_bodies_with_the_right_names_and_wrong_values_get_a_json_refusal(
    fuzz_target: tuple[str, httpx.Client], path: str, body: dict[str, object]
) -> None:
    _check(fuzz_target[1].post(path, content=json.dumps(body)))


def test_edge_bodies(fuzz_target: tuple[str, httpx.Client]) -> None:
    http = fuzz_target[1]
    for body in (
        b"[" * 100_000,  # deeper than the parser recurses
        b"1" * 5000,  # more digits than int() takes
        b'{"code": NaN, "device": Infinity, "store": -Infinity}',
        b"\xff\xfe\x00\x00",
        b"",
        '{"code": "\u0000", "device": "\u202e", "store": "x"}'.encode(),
    ):
        _check(http.post("/v1/activate", content=body))
    big = http.post("/v1/seed", content=b" " * (MAX_BODY_BYTES + 1))
    assert big.status_code == 413 and big.json()["error"] == "request_too_large"
    missing = http.get("/v1/nothing")
    assert missing.status_code == 404 and missing.json()["error"] == "not_found"
    wrong = http.get("/v1/activate")
    assert wrong.status_code == 405 and wrong.json()["error"] == "method_not_allowed"
    used = http.post(
        "/v1/activate", json={"code": "x", "device": DEV_A, "store": STORE, "extra": 1}
    )
    assert used.json() == {
        "error": "bad_request",
        "params": {"field": "extra", "problem": "is not a field of this request"},
    }


def test_refusals_carry_http_statuses(running: RunningAuthority) -> None:
    code = running.service.issue("MS-STORE15-BASE", "license")[0]
    with httpx.Client(base_url=running.url) as http:
        ok = http.post("/v1/activate", json={"code": code, "device": DEV_A, "store": STORE})
        assert ok.status_code == 200
        again = http.post(
            "/v1/activate",
            json={"code": code, "device": "CP30-1111111111111-1111111111111", "store": STORE},
        )
        assert again.status_code == 409 and again.json()["error"] == "code_used"
        from desktop.domain.codes import generate_activation_code

        unknown = http.post(
            "/v1/activate",
            json={"code": generate_activation_code(), "device": DEV_A, "store": STORE},
        )
        assert unknown.status_code == 404 and unknown.json() == {
            "error": "code_unknown",
            "params": {},
        }
        bad = http.post("/v1/activate", json={"code": "AB", "device": DEV_A, "store": STORE})
        assert bad.status_code == 422 and bad.json()["error"] == "code_length"


def test_the_log_never_holds_a_whole_code(
    running: RunningAuthority, caplog: pytest.LogCaptureFixture
) -> None:
    code = running.service.issue("MS-STORE15-BASE", "license")[0]
    with caplog.at_level("INFO", logger="desktop.authority"), running.client() as client:
        client.activate(code, DEV_A, STORE)
        with pytest.raises(DomainError):
            client.activate(code, "CP30-1111111111111-1111111111111", STORE)
    text = caplog.text
    assert "/v1/activate" in text and code[:5] in text
    assert code not in text and code.replace("-", "") not in text
    assert code[6:] not in text


# --- unreachable ----------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_nobody_listening_is_authority_unreachable() -> None:
    client = HttpAuthority(f"http://127.0.0.1:{_free_port()}", timeout_s=2.0)
    with client, pytest.raises(DomainError) as err:
        client.status()
    assert err.value.code == "authority_unreachable"
    assert set(err.value.params) == {"url", "reason"}


def test_a_silent_server_is_authority_unreachable_after_the_timeout() -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)  # accepts the connection in the kernel, never answers
        url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        with HttpAuthority(url, timeout_s=0.3) as client, pytest.raises(DomainError) as err:
            client.activate("X", DEV_A, STORE)
    assert err.value.code == "authority_unreachable"
    assert "0.3 s" in err.value.params["reason"]


class _NotAnAuthority(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        self.send_response(200 if self.path.endswith("status") else 500)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<html>hello</html>")

    def do_POST(self) -> None:  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"kind": "license"}')

    def log_message(self, *args: object) -> None:
        pass


def test_an_answer_that_is_not_the_authority_s_is_authority_unreachable() -> None:
    server = HTTPServer(("127.0.0.1", 0), _NotAnAuthority)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with HttpAuthority(f"http://127.0.0.1:{server.server_port}") as client:
            for call in (client.status, lambda: client.activate("X", DEV_A, STORE)):
                with pytest.raises(DomainError) as err:
                    call()
                assert err.value.code == "authority_unreachable"
    finally:
        server.shutdown()
        server.server_close()


def test_a_url_that_is_not_http_is_refused() -> None:
    for url in ("ftp://example.org", "127.0.0.1:8765", "http://"):
        with pytest.raises(DomainError) as err:
            HttpAuthority(url)
        assert err.value.code == "authority_unreachable"


# --- https ----------------------------------------------------------------------------


def _self_signed(tmp: Path) -> tuple[Path, Path]:
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "licdesk test authority")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp / "cert.pem", tmp / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


def test_https_is_verified_like_any_https(
    tmp_path: Path, clock: MovableClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    cert, key = _self_signed(tmp_path)
    with start_demo_authority(tmp_path / "a", clock):
        pass  # initialises the folder
    service = AuthorityService(tmp_path / "a", clock)
    running = serve_in_thread(service, ssl_certfile=cert, ssl_keyfile=key)
    try:
        assert running.url.startswith("https://")
        monkeypatch.delenv("SSL_CERT_FILE", raising=False)
        monkeypatch.delenv("SSL_CERT_DIR", raising=False)
        with HttpAuthority(running.url) as untrusting, pytest.raises(DomainError) as err:
            untrusting.status()
        assert err.value.code == "authority_unreachable"
        assert "CERTIFICATE_VERIFY_FAILED" in err.value.params["reason"]
        # An administrator's own CA, the way httpx takes it from the environment.
        monkeypatch.setenv("SSL_CERT_FILE", str(cert))
        with HttpAuthority(running.url) as trusting:
            assert trusting.status().name == "demo authority"
    finally:
        running.stop()
