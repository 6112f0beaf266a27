"""Release feeds from anywhere: damaged, encrypted, oddly compressed or huge zips, hostile
XML in any encoding and absurd versions are refused with a message, never a traceback."""

from __future__ import annotations

import contextlib
import io
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.errors import DomainError
from desktop.messages import MESSAGES, PROBLEMS, render
from desktop.services import feed as feedmod
from desktop.services.feed import read_feed

EXAMPLES = int(os.environ.get("LICDESK_FUZZ_EXAMPLES", "150"))
VERSIONS = b'<versions product="MS-WH15-BASE"><version folder="16.0"/></versions>'


def update(version: str = "16.0", date: str = "2026-12-01", extra: str = "") -> bytes:
    return (
        f"<update><version>{version}</version><date>{date}</date>"
        f"<description>d{extra}</description><file>x.zip</file></update>"
    ).encode()


def make_zip(
    path: Path,
    members: dict[str, bytes],
    method: int = zipfile.ZIP_DEFLATED,
) -> Path:
    with zipfile.ZipFile(path, "w", compression=method) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def refusal(path: Path) -> DomainError:
    with pytest.raises(DomainError) as err:
        read_feed(path)
    e = err.value
    assert e.code in MESSAGES
    for p in e.params.get("problems", []):
        assert p.code in PROBLEMS
    render(e.code, e.params).encode("utf-8")
    return e


def test_a_good_zip_with_nested_folders_loads(tmp_path: Path) -> None:
    path = make_zip(
        tmp_path / "f.zip",
        {
            "feed/versions.xml": VERSIONS.replace(b"16.0", b"a/b/16.0"),
            "feed/a/b/16.0/update.xml": update(),
        },
    )
    assert [r.version for r in read_feed(path).releases] == ["16.0"]


def test_every_compression_we_read_loads(tmp_path: Path) -> None:
    for method in feedmod.ZIP_METHODS:
        path = make_zip(
            tmp_path / f"m{method}.zip",
            {"versions.xml": VERSIONS, "16.0/update.xml": update()},
            method,
        )
        assert read_feed(path).releases[0].version == "16.0"


def test_damaged_zips_are_refused(tmp_path: Path) -> None:
    good = make_zip(
        tmp_path / "g.zip", {"versions.xml": VERSIONS, "16.0/update.xml": update() * 50}
    ).read_bytes()
    assert refusal(_write(tmp_path / "t.zip", good[: len(good) // 2])).code == "feed_bad_zip"
    assert refusal(_write(tmp_path / "n.zip", b"PK\x03\x04 not really")).code == "feed_bad_zip"
    # flip bytes inside the compressed update.xml: a CRC or deflate error when read
    at = good.index(b"16.0/update.xml") + 40
    broken = good[:at] + bytes(b ^ 0xFF for b in good[at : at + 20]) + good[at + 20 :]
    e = refusal(_write(tmp_path / "c.zip", broken))
    assert e.code in ("feed_zip_damaged", "feed_invalid", "feed_bad_zip")


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _patch_member(data: bytes, name: bytes, *, flags: int | None = None, method: int | None = None):  # type: ignore[no-untyped-def]
    """Rewrite the local and central headers of member ``name``."""
    out = bytearray(data)
    for sig, flag_at, method_at, name_at in ((b"PK\x03\x04", 6, 8, 30), (b"PK\x01\x02", 8, 10, 46)):
        start = 0
        while (pos := out.find(sig, start)) >= 0:
            start = pos + 4
            if out[pos + name_at : pos + name_at + len(name)] != name:
                continue
            if flags is not None:
                out[pos + flag_at : pos + flag_at + 2] = flags.to_bytes(2, "little")
            if method is not None:
                out[pos + method_at : pos + method_at + 2] = method.to_bytes(2, "little")
    return bytes(out)


def test_encrypted_and_unknown_compression_are_refused(tmp_path: Path) -> None:
    good = make_zip(
        tmp_path / "g.zip", {"versions.xml": VERSIONS, "16.0/update.xml": update()}
    ).read_bytes()
    e = refusal(_write(tmp_path / "e.zip", _patch_member(good, b"versions.xml", flags=1)))
    assert e.code == "feed_zip_encrypted"
    e = refusal(_write(tmp_path / "m.zip", _patch_member(good, b"versions.xml", method=99)))
    assert e.code == "feed_zip_method"
    e = refusal(_write(tmp_path / "i.zip", _patch_member(good, b"16.0/update.xml", method=6)))
    assert e.code == "feed_zip_method"  # "implode": old, unsupported


def test_zip_bombs_and_huge_members_are_refused(tmp_path: Path) -> None:
    bomb = b"<update>" + b" " * 50_000_000 + b"</update>"  # 50 MB of spaces, ~50 kB zipped
    path = make_zip(tmp_path / "b.zip", {"versions.xml": VERSIONS, "16.0/update.xml": bomb})
    assert path.stat().st_size < 1_000_000
    e = refusal(path)
    assert ("16.0/update.xml", "-", "too_long") in {
        (p.where, p.field, p.code) for p in e.params["problems"]
    }
    # a header that lies about the size: the read is bounded all the same
    data = path.read_bytes()
    lie = (feedmod.MAX_XML_BYTES - 1).to_bytes(4, "little")
    out = bytearray(data)
    for sig, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        pos = out.find(sig, out.find(b"16.0/update.xml") - 60 if sig == b"PK\x03\x04" else 0)
        while pos >= 0:
            out[pos + size_at : pos + size_at + 4] = lie
            pos = out.find(sig, pos + 4)
    e = refusal(_write(tmp_path / "lie.zip", bytes(out)))
    assert e.code in ("feed_invalid", "feed_zip_damaged", "feed_bad_zip")


def test_versions_xml_too_large_is_refused(tmp_path: Path) -> None:
    big = b"<versions>" + b"<!-- x -->" * 200_000 + b"</versions>"
    assert refusal(make_zip(tmp_path / "v.zip", {"versions.xml": big})).code == "feed_too_large"


def test_path_traversal_names_and_folders_are_harmless(tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "update.xml").write_bytes(update())
    for folder in ("../secret", "/etc", "a\\..\\b", "a/../../secret", "16.0\x00", "", "a" * 300):
        versions = f'<versions product="P"><version folder="{folder}"/></versions>'.encode(
            "utf-8", "replace"
        ).replace(b"\x00", b"&#0;")
        path = make_zip(
            tmp_path / "t.zip", {"versions.xml": versions, "../secret/update.xml": update()}
        )
        e = refusal(path)
        assert e.code in ("feed_invalid", "feed_bad_xml"), folder
    root = tmp_path / "dir"
    root.mkdir()
    (root / "versions.xml").write_bytes(
        b'<versions product="P"><version folder="link"/></versions>'
    )
    (root / "link").symlink_to(secret, target_is_directory=True)
    e = refusal(root)
    assert {(p.where, p.code) for p in e.params["problems"]} == {("link/update.xml", "missing")}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-be", "iso-8859-1", "cp1251"])
def test_dtds_and_entities_are_refused_in_any_encoding(tmp_path: Path, encoding: str) -> None:
    for body in (
        '<!DOCTYPE u [<!ENTITY e "x">]><update>&e;</update>',
        '<!DOCTYPE u SYSTEM "file:///etc/passwd"><update/>',
        '<!DOCTYPE u [<!ENTITY % p SYSTEM "http://example.invalid/x">%p;]><update/>',
        '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><update>&lol2;</update>',
    ):
        doc = f'<?xml version="1.0" encoding="{encoding}"?>{body}'.encode(encoding)
        e = refusal(make_zip(tmp_path / "d.zip", {"versions.xml": doc}))
        assert e.code == "feed_bad_xml"
        e = refusal(
            make_zip(tmp_path / "u.zip", {"versions.xml": VERSIONS, "16.0/update.xml": doc})
        )
        assert e.params["problems"][0].code == "bad_xml"


@pytest.mark.parametrize("encoding", ["x-unknown", "utf-32", "EBCDIC-XX", "utf-7", ""])
def test_unknown_encodings_are_refused(tmp_path: Path, encoding: str) -> None:
    doc = f'<?xml version="1.0" encoding="{encoding}"?><versions product="P"/>'.encode()
    assert refusal(make_zip(tmp_path / "x.zip", {"versions.xml": doc})).code == "feed_bad_xml"


@pytest.mark.parametrize(
    "version",
    ["99999999999999999999.1", "1.2.3.4.5.6", "١٥.٣", "15.3\u200b", "-1", "1..2", "1" * 50, "v15"],
)
def test_absurd_versions_are_refused(tmp_path: Path, version: str) -> None:
    path = make_zip(
        tmp_path / "v.zip", {"versions.xml": VERSIONS, "16.0/update.xml": update(version)}
    )
    e = refusal(path)
    assert ("16.0/update.xml", "version", "bad_version") in {
        (p.where, p.field, p.code) for p in e.params["problems"]
    }


@pytest.mark.parametrize("date", ["9999-12-31", "1900-01-01", "2026-02-30", "２０２６-12-01"])
def test_absurd_dates_are_refused(tmp_path: Path, date: str) -> None:
    path = make_zip(
        tmp_path / "d.zip", {"versions.xml": VERSIONS, "16.0/update.xml": update(date=date)}
    )
    e = refusal(path)
    assert e.params["problems"][0].code == "bad_date"


def test_odd_paths_are_refused(tmp_path: Path) -> None:
    for path in (Path("no\x00such"), Path("\udcff\udcfe"), tmp_path / "missing", Path("x" * 5000)):
        assert refusal(path).code == "feed_missing"


def _fuzz_zip(data: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("versions.xml", VERSIONS)
        z.writestr("16.0/update.xml", data)
    return buf.getvalue()


GOOD_ZIP = _fuzz_zip(update())


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.one_of(
        st.binary(max_size=400),
        st.builds(
            lambda at, junk: GOOD_ZIP[:at] + junk + GOOD_ZIP[at + len(junk) :],
            st.integers(0, len(GOOD_ZIP)),
            st.binary(min_size=1, max_size=8),
        ),
    )
)
def test_zip_fuzz_never_crashes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.zip"
    path.write_bytes(data)
    with contextlib.suppress(DomainError):
        read_feed(path)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.text(max_size=200), st.sampled_from(["utf-8", "utf-16", "latin-1"]))
def test_xml_fuzz_never_crashes(tmp_path: Path, body: str, encoding: str) -> None:
    root = tmp_path / "x"
    root.mkdir(exist_ok=True)
    (root / "versions.xml").write_bytes(VERSIONS)
    (root / "16.0").mkdir(exist_ok=True)
    (root / "16.0" / "update.xml").write_bytes(
        f"<update><version>{body}</version></update>".encode(encoding, "surrogatepass")
        if encoding != "latin-1"
        else body.encode("latin-1", "replace")
    )
    with contextlib.suppress(DomainError):
        read_feed(root)
