"""Read a release feed in the vendor's shape, from a folder or a .zip.

    versions.xml            <versions product="MS-STORE15-BASE">
                              <version folder="15.3"/> ...
                            </versions>
    15.3/update.xml         <update>
                              <version>15.3</version>
                              <date>2026-11-02</date>
                              <description>...</description>
                              <file>MobileSmarts-Store15-15.3.zip</file>
                            </update>

``product`` may be omitted and given by the caller instead. Every problem is
collected with the item it concerns; a feed with any problem loads nothing.

A feed is data, never instructions, and it may come from anywhere: the XML parser is
``defusedxml`` (a DTD, entity or external reference is refused by the parser itself, in
whatever encoding the document declares); a damaged, encrypted or oddly compressed zip,
an oversized member, an unknown encoding or an absurd version string is a refusal
with a message (DomainError), never a traceback. Bounds are named below.
"""

from __future__ import annotations

import bz2
import datetime as dt
import lzma
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
from defusedxml.ElementTree import fromstring  # type: ignore[import-untyped]

from desktop.domain.codes import shown, shown_path
from desktop.domain.errors import DomainError
from desktop.services.dataset import (
    BAD_TEXT,
    MAX_DATE,
    MAX_DESCRIPTION,
    MIN_DATE,
    TEXT_LIMITS,
    VERSION_PATTERN,
    Problem,
)

#: One XML document (versions.xml or an update.xml), read at most this far.
MAX_XML_BYTES = 1_000_000
#: A zip with more members than this is not a feed.
MAX_ZIP_MEMBERS = 10_000
#: At most this many versions in versions.xml.
MAX_VERSIONS = 1_000
#: A folder name in versions.xml: plain relative POSIX path parts.
FOLDER_PATTERN = re.compile(r"^[A-Za-z0-9._-]{1,100}(?:/[A-Za-z0-9._-]{1,100}){0,3}$")
#: Zip compression methods we read; anything else (and encryption) is refused.
ZIP_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)
#: What reading a damaged member may raise (CRC, truncated or corrupt streams).
_ZIP_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    OSError,
    NotImplementedError,
    RuntimeError,
    ValueError,
)
_OPEN_ERRORS: tuple[type[BaseException], ...] = (*_ZIP_ERRORS, KeyError)
_ = bz2  # imported so that a missing bz2 module fails here, not inside a read


class FeedTooLarge(Exception):
    """A member or file is larger than MAX_XML_BYTES."""


@dataclass(frozen=True)
class FeedRelease:
    version: str
    released_on: dt.date
    description: str
    file: str


@dataclass(frozen=True)
class Feed:
    product_sku: str
    releases: list[FeedRelease]


class _Source:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.zip: zipfile.ZipFile | None = None
        try:
            is_file, is_dir = path.is_file(), path.is_dir()
        except (OSError, ValueError):
            is_file = is_dir = False
        if is_file:
            try:
                self.zip = zipfile.ZipFile(path)
                infos = self.zip.infolist()
            except _OPEN_ERRORS:
                raise DomainError("feed_bad_zip", path=shown_path(path)) from None
            if len(infos) > MAX_ZIP_MEMBERS:
                raise DomainError("feed_bad_zip", path=shown_path(path))
        elif not is_dir:
            raise DomainError("feed_missing", path=shown_path(path))
        self.prefix = ""
        if self.zip is not None:  # allow one top folder inside the zip
            names = self.zip.namelist()
            if "versions.xml" not in names:
                top = [n for n in names if n.endswith("/versions.xml") and n.count("/") == 1]
                self.prefix = top[0][: -len("versions.xml")] if top else ""

    def read(self, rel: str) -> bytes | None:
        """The member's bytes; None when absent; FeedTooLarge; DomainError when damaged."""
        if self.zip is not None:
            try:
                info = self.zip.getinfo(self.prefix + rel)
            except KeyError:
                return None
            if info.flag_bits & 0x1:
                raise DomainError("feed_zip_encrypted", item=shown(rel))
            if info.compress_type not in ZIP_METHODS:
                raise DomainError("feed_zip_method", item=shown(rel), method=info.compress_type)
            if info.file_size > MAX_XML_BYTES:
                raise FeedTooLarge
            try:
                with self.zip.open(info) as member:
                    data = member.read(MAX_XML_BYTES + 1)  # the header may lie: bound the read
            except _ZIP_ERRORS:
                raise DomainError("feed_zip_damaged", item=shown(rel)) from None
            if len(data) > MAX_XML_BYTES:
                raise FeedTooLarge
            return data
        root = self.path.resolve()
        target = (self.path / rel).resolve()
        if root != target and root not in target.parents:
            return None  # a symlink out of the feed folder
        try:
            if not target.is_file():
                return None
            with target.open("rb") as f:
                data = f.read(MAX_XML_BYTES + 1)
        except (OSError, ValueError):
            return None
        if len(data) > MAX_XML_BYTES:
            raise FeedTooLarge
        return data


def _parse(data: bytes) -> Element:
    """Parse with defusedxml; every failure is ParseError with a short reason."""
    try:
        root: Element = fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:  # DTD, entity, external reference
        raise ParseError(f"forbidden: {type(exc).__name__}") from None
    except ParseError:
        raise
    except (ValueError, LookupError, UnicodeError, RecursionError) as exc:
        raise ParseError(str(exc)[:100] or type(exc).__name__) from None
    return root


def _text(node: Element, tag: str) -> str:
    found: Any = node.findtext(tag)
    return (found or "").strip()


def read_feed(path: Path, product_sku: str | None = None) -> Feed:
    src = _Source(path)
    try:
        return _read(src, path, product_sku)
    finally:
        if src.zip is not None:
            src.zip.close()


def _read(src: _Source, path: Path, product_sku: str | None) -> Feed:
    problems: list[Problem] = []
    try:
        raw = src.read("versions.xml")
    except FeedTooLarge:
        raise DomainError("feed_too_large", item="versions.xml", limit=MAX_XML_BYTES) from None
    if raw is None:
        raise DomainError("feed_no_versions", path=shown_path(path))
    try:
        root = _parse(raw)
    except ParseError as exc:
        raise DomainError("feed_bad_xml", item="versions.xml", reason=shown(exc, 100)) from None
    sku = product_sku or root.get("product")
    if not sku or len(sku) > TEXT_LIMITS["sku"] or BAD_TEXT.search(sku):
        raise DomainError("feed_no_product", path=shown_path(path))
    nodes = root.findall("version")
    if len(nodes) > MAX_VERSIONS:
        raise DomainError("feed_too_large", item="versions.xml", limit=MAX_VERSIONS)
    releases: list[FeedRelease] = []
    seen: set[str] = set()
    for i, node in enumerate(nodes):
        folder = (node.get("folder") or node.text or "").strip()
        where = f"versions.xml #{i + 1}"
        if not FOLDER_PATTERN.match(folder) or ".." in PurePosixPath(folder).parts:
            problems.append(Problem(where, "folder", "bad_choice", shown(folder)))
            continue
        item = f"{folder}/update.xml"
        try:
            data = src.read(item)
        except FeedTooLarge:
            problems.append(Problem(item, "-", "too_long", f"> {MAX_XML_BYTES} bytes"))
            continue
        if data is None:
            problems.append(Problem(item, "-", "missing"))
            continue
        try:
            upd = _parse(data)
        except ParseError as exc:
            problems.append(Problem(item, "-", "bad_xml", shown(exc, 100)))
            continue
        fields = {k: _text(upd, k) for k in ("version", "date", "description", "file")}
        for k in ("version", "date", "file"):
            if not fields[k]:
                problems.append(Problem(item, k, "missing"))
        for k, limit in (("file", TEXT_LIMITS["file"]), ("description", MAX_DESCRIPTION)):
            text = fields[k]
            if len(text) > limit:
                problems.append(Problem(item, k, "too_long", shown(text)))
                fields[k] = ""
            elif BAD_TEXT.search(text.replace("\n", " ").replace("\t", " ").replace("\r", " ")):
                problems.append(Problem(item, k, "bad_characters", shown(text)))
                fields[k] = ""
        version, date_text = fields["version"], fields["date"]
        day = None
        if date_text:
            day = _feed_date(date_text)
            if day is None:
                problems.append(Problem(item, "date", "bad_date", shown(date_text)))
        if version:
            if not VERSION_PATTERN.match(version):
                problems.append(Problem(item, "version", "bad_version", shown(version)))
                version = ""
            elif version in seen:
                problems.append(Problem(item, "version", "duplicate", version))
            seen.add(version)
        if version and day and fields["file"]:
            releases.append(FeedRelease(version, day, fields["description"], fields["file"]))
    if problems:
        raise DomainError("feed_invalid", problems=problems)
    if not releases:
        raise DomainError("feed_empty", path=shown_path(path))
    return Feed(sku, releases)


def _feed_date(text: str) -> dt.date | None:
    if len(text) != 10 or not text.isascii():
        return None
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return None
    return day if MIN_DATE <= day <= MAX_DATE else None
