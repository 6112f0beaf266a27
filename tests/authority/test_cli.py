"""``licdesk-authority`` (python -m desktop.authority) as a user runs it: subprocesses."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.authority.client import HttpAuthority
from desktop.authority.signer import key_file_name
from desktop.domain.errors import DomainError
from desktop.domain.signing import LicenseDocument
from tests.authority.conftest import DEV_A, STORE

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop.authority", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def refused(result: subprocess.CompletedProcess[str], text: str) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert text in result.stderr, result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_init_issue_codes_license_file_keys(tmp_path: Path) -> None:
    data = str(tmp_path / "auth")
    done = cli("--data", data, "init", "--name", "Cleverence authority")
    assert done.returncode == 0, done.stderr
    assert "ed25519:" in done.stdout
    refused(cli("--data", data, "init"), "There already is a license authority")

    issued = cli(
        "--data",
        data,
        "issue",
        "--sku",
        "MS-STORE15-BASE",
        "--kind",
        "license",
        "--count",
        "3",
        "--devices",
        "2",
        "--json",
    )
    assert issued.returncode == 0, issued.stderr
    codes = [x["code"] for x in json.loads(issued.stdout)]
    assert len(codes) == 3 and all(x["devices"] == 2 for x in json.loads(issued.stdout))
    plain = cli("--data", data, "issue", "--sku", "ENOVA365", "--kind", "renewal")
    assert len(plain.stdout.split()) == 1

    out = tmp_path / "offline.json"
    made = cli(
        "--data",
        data,
        "--today",
        "2026-11-22",
        "license-file",
        "--code",
        codes[0],
        "--device",
        DEV_A,
        "--store",
        STORE,
        "--out",
        str(out),
    )
    assert made.returncode == 0, made.stderr
    file = json.loads(out.read_text(encoding="utf-8"))
    doc = LicenseDocument.from_json(file["document"])
    assert (doc.start.isoformat(), doc.end.isoformat()) == ("2026-11-22", "2027-11-21")

    listed = json.loads(cli("--data", data, "codes", "--json").stdout)
    assert [(c["code"], c["uses"]) for c in listed][:3] == [
        (codes[0], 1),
        (codes[1], 0),
        (codes[2], 0),
    ]
    unused = cli("--data", data, "codes", "--unused").stdout
    assert codes[1] in unused and codes[0] in unused  # 1 of 2 devices used

    trust = json.loads(cli("--data", data, "public-keys", "--trust-file").stdout)
    from desktop.services.trust import load_keys, verify_signature

    folder = tmp_path / "vendor"
    folder.mkdir()
    _write(folder / "authority.json", trust)  # what the vendor ships with the app
    keys = load_keys(folder, None)
    assert verify_signature(keys.keys[file["key_id"]], file["signature"], doc.payload())

    rotated = cli("--data", data, "rotate-key")
    assert rotated.returncode == 0
    listing = json.loads(cli("--data", data, "public-keys", "--json").stdout)
    assert listing["format"] == "licdesk-public-keys"
    assert [k["current"] for k in listing["keys"]] == [False, True]
    assert listing["keys"][0]["key_id"] == file["key_id"]


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_bad_input_says_what_is_wrong_and_exits_with_2(tmp_path: Path) -> None:
    data = str(tmp_path / "auth")
    refused(cli("--data", data, "codes"), "There is no license authority in")
    assert cli("--data", data, "init").returncode == 0
    refused(
        cli("--data", data, "issue", "--sku", "NOPE", "--kind", "license"),
        "There is no product with SKU NOPE.",
    )
    refused(cli("--data", data, "issue", "--sku", "MS-KIROVKA", "--kind", "gift"), "invalid choice")
    refused(
        cli("--data", data, "issue", "--sku", "MS-KIROVKA", "--kind", "license", "--months", "61"),
        "must be 1 to 60",
    )
    refused(cli("--data", data, "--today", "2026-13-01", "codes"), "is not a date")
    added = cli(
        "--data",
        data,
        "product",
        "add",
        "--sku",
        "MS-NEW",
        "--name",
        "Новый",
        "--line",
        "mobile-smarts",
    )
    assert added.returncode == 0, added.stderr
    assert "MS-NEW" in cli("--data", data, "product", "list").stdout
    refused(
        cli(
            "--data", data, "product", "add", "--sku", "MS-NEW", "--name", "x", "--line", "enova365"
        ),
        "There already is a product with SKU MS-NEW.",
    )
    refused(
        cli(
            "--data",
            data,
            "license-file",
            "--code",
            "ABC",
            "--device",
            DEV_A,
            "--store",
            STORE,
            "--out",
            str(tmp_path / "f.json"),
        ),
        "24 letters",
    )
    refused(
        cli(
            "--data",
            data,
            "license-file",
            "--code",
            "ABC",
            "--device",
            DEV_A,
            "--store",
            STORE,
            "--out",
            str(tmp_path / "no" / "f.json"),
        ),
        "no such folder",
    )
    refused(cli("--data", data, "serve", "--port", "70000"), "must be 1 to 65535")
    assert "licdesk-authority" in cli("--help").stdout


def test_the_data_folder_comes_from_the_environment(tmp_path: Path) -> None:
    env = {"LICDESK_AUTHORITY_DIR": str(tmp_path / "from-env")}
    assert cli("init", env=env).returncode == 0
    assert (tmp_path / "from-env" / "register.db").exists()
    assert cli("codes", env=env).returncode == 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_answers_until_stopped(tmp_path: Path) -> None:
    data = str(tmp_path / "auth")
    kid = cli("--data", data, "init").stdout.split("signing key ")[1].split()[0]
    if os.name == "posix":
        key = tmp_path / "auth" / "keys" / key_file_name(kid)
        key.chmod(0o644)
        refused(cli("--data", data, "serve", "--port", str(_free_port())), "chmod 600")
        key.chmod(0o600)
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "desktop.authority",
            "--data",
            data,
            "--today",
            "2026-11-22",
            "serve",
            "--port",
            str(port),
            "--allow-fulfil",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        with HttpAuthority(f"http://127.0.0.1:{port}", timeout_s=2.0) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    status = client.status()
                    break
                except DomainError:
                    assert proc.poll() is None, proc.communicate()[1]
                    assert time.monotonic() < deadline, "serve did not answer"
                    time.sleep(0.05)
            assert status.fulfil_allowed and status.today.isoformat() == "2026-11-22"
            assert status.current_key_id == kid
    finally:
        proc.terminate()  # the server this test started, by its handle
        _, err = proc.communicate(timeout=30)
    assert "Traceback" not in err
