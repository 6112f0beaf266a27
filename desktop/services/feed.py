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
DTDs and entities are refused (a feed is data, never instructions).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from desktop.domain.catalog import parse_version
from desktop.domain.errors import DomainError
from desktop.services.dataset import Problem

MAX_XML_BYTES = 1_000_000


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
        if path.is_file():
            try:
                self.zip = zipfile.ZipFile(path)
            except zipfile.BadZipFile:
                raise DomainError("feed_bad_zip", path=str(path)) from None
        elif not path.is_dir():
            raise DomainError("feed_missing", path=str(path))
        self.prefix = ""
        if self.zip is not None:  # allow one top folder inside the zip
            names = self.zip.namelist()
            if "versions.xml" not in names:
                top = [n for n in names if n.endswith("/versions.xml") and n.count("/") == 1]
                self.prefix = top[0][: -len("versions.xml")] if top else ""

    def read(self, rel: str) -> bytes | None:
        if self.zip is not None:
            try:
                info = self.zip.getinfo(self.prefix + rel)
            except KeyError:
                return None
            if info.file_size > MAX_XML_BYTES:
                return None
            return self.zip.read(info)
        target = self.path / rel
        if not target.is_file() or target.stat().st_size > MAX_XML_BYTES:
            return None
        return target.read_bytes()


def _parse(data: bytes) -> ET.Element:
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ET.ParseError("DTDs and entities are not allowed")
    return ET.fromstring(data)


def read_feed(path: Path, product_sku: str | None = None) -> Feed:
    src = _Source(path)
    problems: list[Problem] = []
    raw = src.read("versions.xml")
    if raw is None:
        raise DomainError("feed_no_versions", path=str(path))
    try:
        root = _parse(raw)
    except ET.ParseError as exc:
        raise DomainError("feed_bad_xml", item="versions.xml", reason=str(exc)) from None
    sku = product_sku or root.get("product")
    if not sku:
        raise DomainError("feed_no_product", path=str(path))
    releases: list[FeedRelease] = []
    seen: set[str] = set()
    for i, node in enumerate(root.findall("version")):
        folder = (node.get("folder") or node.text or "").strip()
        where = f"versions.xml #{i + 1}"
        if not folder or PurePosixPath(folder).is_absolute() or ".." in PurePosixPath(folder).parts:
            problems.append(Problem(where, "folder", "bad_choice", folder))
            continue
        item = f"{folder}/update.xml"
        data = src.read(item)
        if data is None:
            problems.append(Problem(item, "-", "missing"))
            continue
        try:
            upd = _parse(data)
        except ET.ParseError as exc:
            problems.append(Problem(item, "-", "bad_xml", str(exc)))
            continue
        fields = {
            k: (upd.findtext(k) or "").strip() for k in ("version", "date", "description", "file")
        }
        for k in ("version", "date", "file"):
            if not fields[k]:
                problems.append(Problem(item, k, "missing"))
        version, date_text = fields["version"], fields["date"]
        day = None
        if date_text:
            try:
                day = dt.date.fromisoformat(date_text) if len(date_text) == 10 else None
            except ValueError:
                day = None
            if day is None:
                problems.append(Problem(item, "date", "bad_date", date_text))
        if version:
            try:
                parse_version(version)
            except DomainError:
                problems.append(Problem(item, "version", "bad_version", version))
                version = ""
            if version in seen:
                problems.append(Problem(item, "version", "duplicate", version))
            seen.add(version)
        if version and day and fields["file"]:
            releases.append(FeedRelease(version, day, fields["description"], fields["file"]))
    if problems:
        raise DomainError("feed_invalid", problems=problems)
    if not releases:
        raise DomainError("feed_empty", path=str(path))
    return Feed(sku, releases)
