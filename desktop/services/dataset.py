"""The whole dataset as plain records: demo data, import and export share it.

Import is a two-pass pipeline that never holds a million rows in memory:

1. :func:`check_file` (pass 1, no database) streams the file and validates every row
   and field. Any problem raises ``DomainError("import_invalid", problems=[...])`` with
   each :class:`Problem` named by row (CSV) or index (JSON) and field; nothing is
   written. It returns an :class:`ImportPlan`: the small parts (products, settings, ...)
   and a way to stream the licenses again.
2. ``DatasetStore.load_plan(plan, progress)`` (storage) streams the licenses in
   batches of bulk inserts inside the caller's single write transaction.

The bounds every import checks are named constants below (``MIN_DATE`` ...).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Protocol

from desktop.domain.catalog import CURRENCIES, DeviceKind, ProductKind, ProductLine
from desktop.domain.codes import parse_device_code, shown, shown_path
from desktop.domain.errors import DomainError
from desktop.domain.terms import add_months
from desktop.services.cells import safe_text, unsafe_text
from desktop.services.progress import NO_PROGRESS, Progress

FORMAT_NAME = "licdesk-dataset"
FORMAT_VERSION = 1

# ---------------------------------------------------------------- bounds (our decisions)

#: Dates outside this range are refused: no year 9999 that later overflows a quote
#: (+60 months) or the forecast. 1990 predates every product we track.
MIN_DATE = dt.date(1990, 1, 1)
MAX_DATE = dt.date(2099, 12, 31)
#: A list price per unit, in currency units, written as plain decimals ("24900.00",
#: "24 900,00"): no exponent, sign, NaN, underscores or more than 2 decimals.
MAX_PRICE = Decimal("1000000000")
PRICE_PATTERN = re.compile(r"^[0-9]{1,10}(?:[.,][0-9]{1,2})?$")
#: Seats of one enova365 module lot.
MAX_SEATS = 10_000
#: "Remind me later" may not be set further ahead of the import day than this.
MAX_SNOOZE_MONTHS = 12
#: Files: a JSON export is parsed whole, so it is bounded; CSV streams and is not.
#: Measured: a 55 MB export (100,000 licenses with history) peaks at about 460 MB
#: while checked. Larger stores travel as CSV (or a later streaming JSON reader).
MAX_JSON_BYTES = 64 * 1024 * 1024
MAX_JSON_DEPTH = 20
#: A CSV field longer than this is refused (Python's csv default limit, named).
MAX_CSV_FIELD = 131_072
#: The longest description of a release and the most history entries per license.
MAX_DESCRIPTION = 10_000
MAX_HISTORY = 1_000
#: An import with thousands of problems lists the first ones and counts the rest.
MAX_PROBLEMS = 200
#: Text limits: the column widths of desktop/storage/schema.py (a test compares).
TEXT_LIMITS = {
    "sku": 64,
    "name": 200,
    "store": 200,
    "base": 200,
    "version": 40,
    "file": 400,
    "kind": 40,
    "setting": 1000,
}
SKU_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/+-]*$")
VERSION_PATTERN = re.compile(r"^[0-9]{1,5}(?:\.[0-9]{1,5}){0,3}$")
EVENT_KIND_PATTERN = re.compile(r"^[a-z][a-z0-9_.-]*$")
#: What the license authority signs travels as it was stored (schema widths): a
#: serial like LD-0123456789ABCDEF, a key id like ed25519:0123456789abcdef, a
#: base64 signature, a store id (hex). Anything else is not one of ours.
SERIAL_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,39}$")
KEY_ID_PATTERN = re.compile(r"^[a-z0-9]{1,16}:[0-9a-f]{1,47}$")
SIGNATURE_PATTERN = re.compile(r"^[A-Za-z0-9+/]{4,400}={0,2}$")
STORE_ID_PATTERN = re.compile(r"^[A-Za-z0-9-]{1,64}$")
#: Characters no imported text may hold: controls (NUL, tab, CR, LF ...), lone
#: surrogates (undecodable bytes), private use, and the invisible formatting
#: characters that hide or reorder text (zero-width, bidi overrides, BOM, tags).
BAD_TEXT = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\u061c\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff"
    "\U000e0000-\U000e007f\U000f0000-\U0010ffff]"
)

# Settings an import may carry, each with its own check. The keys are those of
# services/settings.py, services/warnings.py and the bases view (a test compares).
EXPIRING_DAYS_KEY = "expiring_days"
WARNING_STAGES_KEY = "warning_stages"
DEVICE_NOTICE_DAYS_KEY = "device_notice_days"
SNOOZED_UNTIL_KEY = "warnings.snoozed_until"
DISMISSED_ON_KEY = "warnings.dismissed_on"
RELEASE_FEED_KEY = "release_feed"
AUTHORITY_URL_KEY = "authority_url"
#: Never imported (and never exported): a store's identity must not be copied over
#: another store's (its signatures would then verify there), ``signed_store`` is
#: obsolete, and ``clock.high_water`` is this store's own clock mark
#: (desktop/services/clock.py), not data. An import skips them and says so in
#: LoadSummary.skipped_settings.
SKIPPED_SETTINGS = ("store_id", "signed_store", "clock.high_water")
MAX_SETTING_DAYS = 366


@dataclass
class PriceSpec:
    effective_from: dt.date
    amount: Decimal


@dataclass
class ProductSpec:
    sku: str
    name: str
    line: str
    currency: str
    kind: str = ProductKind.LICENSE.value
    renewal_sku: str | None = None
    prices: list[PriceSpec] = field(default_factory=list)


@dataclass
class BaseSpec:
    name: str
    product_sku: str
    store: str | None = None
    installed_version: str | None = None
    installed_on: dt.date | None = None
    platform_version: str | None = None
    server_version: str | None = None
    internet_exchange: bool = False


@dataclass
class DeviceSpec:
    code: str
    kind: str
    name: str
    store: str | None = None
    base: str | None = None
    platform_version: str | None = None
    client_version: str | None = None


@dataclass
class LotSpec:
    module_sku: str
    seats: int
    purchased_on: dt.date
    dropped_on: dt.date | None = None


@dataclass
class SignedSpec:
    """What the license authority signed over a license, stored as it came (trust.py
    rebuilds the document from the license row and this)."""

    serial: str
    issued_at: dt.datetime
    key_id: str
    signature: str


@dataclass
class LicenseSpec:
    product_sku: str
    device_code: str | None
    activated_on: dt.date | None
    subscription_end: dt.date | None
    modules: list[LotSpec] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)
    #: The current period's own start (the authority's, not the first activation).
    period_start: dt.date | None = None
    signed: SignedSpec | None = None


@dataclass
class ReleaseSpec:
    product_sku: str
    version: str
    released_on: dt.date
    description: str = ""
    file: str | None = None


@dataclass
class Dataset:
    products: list[ProductSpec] = field(default_factory=list)
    stores: list[str] = field(default_factory=list)
    bases: list[BaseSpec] = field(default_factory=list)
    devices: list[DeviceSpec] = field(default_factory=list)
    licenses: list[LicenseSpec] = field(default_factory=list)
    releases: list[ReleaseSpec] = field(default_factory=list)
    settings: dict[str, str] = field(default_factory=dict)
    #: The id of the store the export came from: its signatures name it.
    store_id: str | None = None


@dataclass(frozen=True)
class LoadSummary:
    products: int
    stores: int
    bases: int
    devices: int
    licenses: int
    releases: int
    skipped_settings: tuple[str, ...] = ()
    #: Signed licenses written with their signatures (they verify here) ...
    signed: int = 0
    #: ... and those whose signatures were left behind: they named another store
    #: (desktop/storage/dataset_store.py, ``_Loader._trust``), so they show as not verified.
    unsigned: int = 0


#: One batch of pass 2: the devices first seen in it, then its licenses.
Batch = tuple[list[DeviceSpec], list[LicenseSpec]]


@dataclass(frozen=True)
class ImportPlan:
    """What pass 1 accepted. Small parts are held; licenses are streamed again."""

    source: str
    products: list[ProductSpec]
    stores: list[str]
    bases: list[BaseSpec]
    devices: list[DeviceSpec]
    releases: list[ReleaseSpec]
    settings: dict[str, str]
    skipped_settings: tuple[str, ...]
    license_count: int
    #: ``batches(size)`` yields the licenses again in file order, ``size`` at a time.
    #: It raises DomainError("import_file_changed") if the file changed since pass 1.
    batches: Callable[[int], Iterator[Batch]]
    #: The exporting store's id (JSON exports), which its signatures name.
    store_id: str | None = None
    #: How many licenses carry a signature.
    signed_count: int = 0


class DatasetStore(Protocol):
    def load(self, dataset: Dataset) -> LoadSummary: ...

    def load_plan(self, plan: ImportPlan, progress: Progress = NO_PROGRESS) -> LoadSummary: ...

    def dump(self) -> Dataset: ...

    def is_empty(self) -> bool: ...


# ---------------------------------------------------------------- validation


@dataclass(frozen=True)
class Problem:
    where: str  # "licenses[3]" or "row 5"
    field: str
    code: str  # missing | bad_date | bad_number | unknown_product | ...
    value: str = ""


class _Checker:
    """Collects problems; each value is shown safely (escaped, shortened)."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.more = 0

    def add(self, where: str, fld: str, code: str, value: object = "") -> None:
        if len(self.problems) >= MAX_PROBLEMS:
            self.more += 1
            return
        self.problems.append(Problem(where, fld, code, "" if value is None else shown(value)))

    def text(
        self,
        where: str,
        fld: str,
        raw: object,
        *,
        required: bool = True,
        limit: int = TEXT_LIMITS["name"],
        cell: bool = False,
    ) -> str | None:
        if type(raw) is str and not cell:  # the hot path: plain ASCII text
            stripped = raw.strip()
            if stripped and stripped.isascii() and stripped.isprintable():
                if len(stripped) > limit:
                    self.add(where, fld, "too_long", stripped)
                    return None
                return stripped
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if required:
                self.add(where, fld, "missing")
            return None
        if isinstance(raw, bool) or not isinstance(raw, str | int):
            self.add(where, fld, "bad_text", raw)
            return None
        text = str(raw)
        if cell:
            text = unsafe_text(text)
        text = text.strip()
        if BAD_TEXT.search(text):
            self.add(where, fld, "bad_characters", text)
            return None
        if len(text) > limit:
            self.add(where, fld, "too_long", text)
            return None
        return text

    def sku(self, where: str, fld: str, raw: object, *, required: bool = True) -> str | None:
        text = self.text(where, fld, raw, required=required, limit=TEXT_LIMITS["sku"])
        if text is not None and not SKU_PATTERN.match(text):
            self.add(where, fld, "bad_sku", text)
            return None
        return text

    def version(self, where: str, fld: str, raw: object) -> str | None:
        text = self.text(where, fld, raw, required=False, limit=TEXT_LIMITS["version"])
        if text is not None and not VERSION_PATTERN.match(text):
            self.add(where, fld, "bad_version", text)
            return None
        return text

    def date(self, where: str, fld: str, raw: object, *, required: bool = True) -> dt.date | None:
        text = self.text(where, fld, raw, required=required, limit=40)
        if text is None:
            return None
        day = _iso_date(text)
        if day is None:
            self.add(where, fld, "bad_date", text)
        elif not MIN_DATE <= day <= MAX_DATE:
            self.add(where, fld, "date_out_of_range", text)
            return None
        return day

    def decimal(self, where: str, fld: str, raw: object) -> Decimal | None:
        if isinstance(raw, float):  # JSON 1e400, 0.1: not plain decimal notation
            self.add(where, fld, "bad_number", repr(raw))
            return None
        text = self.text(where, fld, raw, limit=40)
        if text is None:
            return None
        plain = text.replace(" ", "").replace("\u00a0", "")
        if not PRICE_PATTERN.match(plain):
            self.add(where, fld, "bad_number", text)
            return None
        value = Decimal(plain.replace(",", "."))
        if value > MAX_PRICE:
            self.add(where, fld, "number_out_of_range", text)
            return None
        return value

    def integer(self, where: str, fld: str, raw: object, low: int, high: int) -> int | None:
        text = self.text(where, fld, raw, limit=20)
        if text is None:
            return None
        if not text.isascii() or not text.isdigit():
            self.add(where, fld, "bad_number", text)
            return None
        value = int(text)
        if not low <= value <= high:
            self.add(where, fld, "number_out_of_range", text)
            return None
        return value

    def choice(self, where: str, fld: str, raw: object, allowed: tuple[str, ...]) -> str | None:
        text = self.text(where, fld, raw, limit=40)
        if text is not None and text not in allowed:
            self.add(where, fld, "bad_choice", text)
            return None
        return text

    def boolean(self, where: str, fld: str, raw: object) -> bool:
        if raw is None or raw == "":
            return False
        if isinstance(raw, bool):
            return raw
        word = str(raw).strip().lower() if isinstance(raw, str | int) else None
        if word in ("1", "true", "yes"):
            return True
        if word in ("0", "false", "no"):
            return False
        self.add(where, fld, "bad_choice", raw)
        return False

    def device_code(self, where: str, fld: str, raw: object, *, required: bool) -> str | None:
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if required:
                self.add(where, fld, "missing")
            return None
        if not isinstance(raw, str):
            self.add(where, fld, "bad_text", raw)
            return None
        try:
            return parse_device_code(raw)
        except DomainError:
            self.add(where, fld, "bad_device_code", raw.strip())
            return None

    def raise_if_any(self) -> None:
        if self.problems:
            problems = list(self.problems)
            if self.more:
                problems.append(Problem("...", "-", "more_problems", str(self.more)))
            raise DomainError("import_invalid", problems=problems)


def _iso_date(text: str) -> dt.date | None:
    if len(text) != 10 or not text.isascii() or text[4] != "-" or text[7] != "-":
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


LINES = tuple(v.value for v in ProductLine)
KINDS = tuple(v.value for v in ProductKind)
DEVICE_KINDS = tuple(v.value for v in DeviceKind)


def check_settings(
    chk: _Checker, raw: object, today: dt.date, where: str = "settings"
) -> tuple[dict[str, str], tuple[str, ...]]:
    """Only known keys, each with its own check; returns (settings, skipped keys)."""
    if raw is None:
        return {}, ()
    if not isinstance(raw, dict):
        chk.add(where, "-", "not_an_object")
        return {}, ()
    out: dict[str, str] = {}
    skipped: list[str] = []
    for key, value in raw.items():
        w = f"{where}[{shown(key)}]"
        if key in SKIPPED_SETTINGS:
            skipped.append(key)
            continue
        text = chk.text(w, "value", value, limit=TEXT_LIMITS["setting"])
        if text is None:
            continue
        if key in (EXPIRING_DAYS_KEY, DEVICE_NOTICE_DAYS_KEY):
            days = chk.integer(w, "value", text, 0, MAX_SETTING_DAYS)
            if days is not None:
                out[key] = str(days)
        elif key == WARNING_STAGES_KEY:
            parts = [p.strip() for p in text.split(",")]
            if not 1 <= len(parts) <= 10 or not all(
                p.isascii() and p.isdigit() and int(p) <= MAX_SETTING_DAYS for p in parts
            ):
                chk.add(w, "value", "bad_warning_stages", text)
            else:
                out[key] = ",".join(str(s) for s in sorted({int(p) for p in parts}, reverse=True))
        elif key in (SNOOZED_UNTIL_KEY, DISMISSED_ON_KEY):
            day = chk.date(w, "value", text)
            latest = (
                add_months(today, MAX_SNOOZE_MONTHS)
                if key == SNOOZED_UNTIL_KEY
                else today + dt.timedelta(days=1)
            )
            if day is not None and day > latest:
                chk.add(w, "value", "date_too_late", text)
            elif day is not None:
                out[key] = day.isoformat()
        elif key == RELEASE_FEED_KEY:
            out[key] = text
        elif key == AUTHORITY_URL_KEY:
            if text and not (text.startswith(("https://", "http://")) and " " not in text):
                chk.add(w, "value", "bad_choice", text)
            else:
                out[key] = text
        else:
            chk.add(w, "key", "unknown_setting", key)
    return out, tuple(skipped)


def check_references(data: Dataset, chk: _Checker, label: str = "licenses") -> None:
    skus = {p.sku for p in data.products}
    codes = {d.code for d in data.devices}
    stores = set(data.stores)
    bases = {b.name for b in data.bases}
    seen_sku: set[str] = set()
    for i, p in enumerate(data.products):
        if p.sku in seen_sku:
            chk.add(f"products[{i}]", "sku", "duplicate", p.sku)
        seen_sku.add(p.sku)
    seen_store: set[str] = set()
    for i, name in enumerate(data.stores):
        if name in seen_store:
            chk.add(f"stores[{i}]", "name", "duplicate", name)
        seen_store.add(name)
    seen_base: set[str] = set()
    for i, b in enumerate(data.bases):
        if b.name in seen_base:
            chk.add(f"bases[{i}]", "name", "duplicate", b.name)
        seen_base.add(b.name)
        if b.product_sku not in skus:
            chk.add(f"bases[{i}]", "product_sku", "unknown_product", b.product_sku)
        if b.store and b.store not in stores:
            chk.add(f"bases[{i}]", "store", "unknown_store", b.store)
    seen_code: set[str] = set()
    for i, d in enumerate(data.devices):
        if d.code in seen_code:
            chk.add(f"devices[{i}]", "code", "duplicate", d.code)
        seen_code.add(d.code)
        if d.store and d.store not in stores:
            chk.add(f"devices[{i}]", "store", "unknown_store", d.store)
        if d.base and d.base not in bases:
            chk.add(f"devices[{i}]", "base", "unknown_base", d.base)
    for i, lic in enumerate(data.licenses):
        where = f"{label}[{i}]"
        if lic.product_sku not in skus:
            chk.add(where, "product_sku", "unknown_product", lic.product_sku)
        if lic.device_code and lic.device_code not in codes:
            chk.add(where, "device_code", "unknown_device", lic.device_code)
        _check_license_dates(chk, where, lic)
        for j, lot in enumerate(lic.modules):
            if lot.module_sku not in skus:
                chk.add(f"{where}.modules[{j}]", "module_sku", "unknown_product", lot.module_sku)
    seen_release: set[tuple[str, str]] = set()
    for i, r in enumerate(data.releases):
        if r.product_sku not in skus:
            chk.add(f"releases[{i}]", "product_sku", "unknown_product", r.product_sku)
        if (r.product_sku, r.version) in seen_release:
            chk.add(f"releases[{i}]", "version", "duplicate", r.version)
        seen_release.add((r.product_sku, r.version))


def _check_license_dates(chk: _Checker, where: str, lic: LicenseSpec) -> None:
    if lic.device_code and lic.subscription_end is None:
        # A license bound to a device was activated: its subscription has an end.
        chk.add(where, "subscription_end", "missing")
    if lic.activated_on and lic.subscription_end and lic.subscription_end < lic.activated_on:
        chk.add(where, "subscription_end", "end_before_start", lic.subscription_end)
    if lic.period_start and lic.subscription_end and lic.subscription_end < lic.period_start:
        chk.add(where, "subscription_end", "end_before_start", lic.subscription_end)


# ---------------------------------------------------------------- JSON


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def to_json(data: Dataset) -> str:
    payload = {"format": FORMAT_NAME, "version": FORMAT_VERSION, **_jsonable(asdict(data))}
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _list(chk: _Checker, payload: dict[str, Any], key: str) -> list[Any]:
    value = payload.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list):
        chk.add(key, key, "not_a_list")
        return []
    return value


def _obj(chk: _Checker, where: str, item: Any) -> dict[str, Any]:
    if not isinstance(item, dict):
        chk.add(where, "-", "not_an_object")
        return {}
    return item


def _depth_ok(value: Any) -> bool:
    """True when no list/object nests deeper than MAX_JSON_DEPTH (iterative walk)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > MAX_JSON_DEPTH:
                return False
            children = item.values() if isinstance(item, dict) else item
            stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))
    return True


def _reject_constant(name: str) -> Any:
    raise ValueError(name)


def _history(chk: _Checker, where: str, raw: object) -> list[dict[str, Any]]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        chk.add(where, "history", "not_a_list")
        return []
    if len(raw) > MAX_HISTORY:
        chk.add(where, "history", "too_long", f"{len(raw)} entries")
        return []
    out: list[dict[str, Any]] = []
    for k, ev in enumerate(raw):
        hw = f"{where}.history[{k}]"
        ev = _obj(chk, hw, ev)
        if not ev:
            continue
        kind = chk.text(hw, "kind", ev.get("kind", "imported"), limit=TEXT_LIMITS["kind"])
        if kind is not None and not EVENT_KIND_PATTERN.match(kind):
            chk.add(hw, "kind", "bad_choice", kind)
            kind = None
        at = ev.get("at")
        if at is not None:
            stamp = _iso_datetime(at)
            if stamp is None:
                chk.add(hw, "at", "bad_date", at)
                continue
        details = {k2: v for k2, v in ev.items() if k2 not in ("kind", "at")}
        if any(not isinstance(k2, str) or BAD_TEXT.search(k2) for k2 in details):
            chk.add(hw, "-", "bad_characters", ",".join(map(str, details)))
            continue
        if kind is not None:
            out.append({"kind": kind, **({"at": at} if at is not None else {}), **details})
    return out


def _iso_datetime(raw: object) -> dt.datetime | None:
    if not isinstance(raw, str) or not 10 <= len(raw) <= 32 or not raw.isascii():
        return None
    try:
        stamp = dt.datetime.fromisoformat(raw)
    except ValueError:
        return None
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(dt.UTC).replace(tzinfo=None)
    if not MIN_DATE <= stamp.date() <= MAX_DATE:
        return None
    return stamp


def parse_history_time(raw: object) -> dt.datetime | None:
    """The naive UTC time of a validated history entry (storage writes it)."""
    return _iso_datetime(raw)


def _parse_json_payload(text: str | bytes) -> dict[str, Any]:
    if len(text) > MAX_JSON_BYTES:
        raise DomainError("import_too_large", limit_mb=MAX_JSON_BYTES // (1024 * 1024))
    try:
        payload = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise DomainError("import_not_json", line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise DomainError("import_too_deep", depth=MAX_JSON_DEPTH) from None
    except (ValueError, UnicodeError):  # NaN/Infinity, lone surrogates in bytes input
        raise DomainError("import_not_json", line=0, column=0) from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT_NAME:
        raise DomainError("import_wrong_format")
    if payload.get("version") != FORMAT_VERSION or isinstance(payload.get("version"), bool):
        raise DomainError("import_wrong_version", version=shown(payload.get("version")))
    if not _depth_ok(payload):
        raise DomainError("import_too_deep", depth=MAX_JSON_DEPTH)
    return payload


def _from_json(text: str | bytes, today: dt.date) -> tuple[Dataset, tuple[str, ...]]:
    payload = _parse_json_payload(text)
    chk = _Checker()
    data = Dataset()
    for i, raw in enumerate(_list(chk, payload, "products")):
        w = f"products[{i}]"
        p = _obj(chk, w, raw)
        prices: list[PriceSpec] = []
        raw_prices = p.get("prices") or []
        if not isinstance(raw_prices, list):
            chk.add(w, "prices", "not_a_list")
            raw_prices = []
        seen_days: set[dt.date] = set()
        for j, pr in enumerate(raw_prices):
            pw = f"{w}.prices[{j}]"
            pr = _obj(chk, pw, pr)
            day = chk.date(pw, "effective_from", pr.get("effective_from"))
            amount = chk.decimal(pw, "amount", pr.get("amount"))
            if day in seen_days:
                chk.add(pw, "effective_from", "duplicate", day)
            elif day and amount is not None:
                seen_days.add(day)
                prices.append(PriceSpec(day, amount))
        sku = chk.sku(w, "sku", p.get("sku"))
        name = chk.text(w, "name", p.get("name"))
        line = chk.choice(w, "line", p.get("line"), LINES)
        currency = chk.choice(w, "currency", p.get("currency"), CURRENCIES)
        kind = chk.choice(w, "kind", p.get("kind") or ProductKind.LICENSE.value, KINDS)
        renewal = chk.sku(w, "renewal_sku", p.get("renewal_sku"), required=False)
        if sku and name and line and currency and kind:
            prices.sort(key=lambda pr: pr.effective_from)
            data.products.append(ProductSpec(sku, name, line, currency, kind, renewal, prices))
    for i, raw in enumerate(_list(chk, payload, "stores")):
        name = chk.text(f"stores[{i}]", "name", raw, limit=TEXT_LIMITS["store"])
        if name:
            data.stores.append(name)
    for i, raw in enumerate(_list(chk, payload, "bases")):
        w = f"bases[{i}]"
        b = _obj(chk, w, raw)
        name = chk.text(w, "name", b.get("name"), limit=TEXT_LIMITS["base"])
        sku = chk.sku(w, "product_sku", b.get("product_sku"))
        spec = BaseSpec(
            name or "",
            sku or "",
            chk.text(w, "store", b.get("store"), required=False, limit=TEXT_LIMITS["store"]),
            chk.version(w, "installed_version", b.get("installed_version")),
            chk.date(w, "installed_on", b.get("installed_on"), required=False),
            chk.version(w, "platform_version", b.get("platform_version")),
            chk.version(w, "server_version", b.get("server_version")),
            chk.boolean(w, "internet_exchange", b.get("internet_exchange")),
        )
        if name and sku:
            data.bases.append(spec)
    for i, raw in enumerate(_list(chk, payload, "devices")):
        w = f"devices[{i}]"
        d = _obj(chk, w, raw)
        code = chk.device_code(w, "code", d.get("code"), required=True)
        kind = chk.choice(w, "kind", d.get("kind"), DEVICE_KINDS)
        name = chk.text(w, "name", d.get("name"))
        dspec = DeviceSpec(
            code or "",
            kind or "",
            name or "",
            chk.text(w, "store", d.get("store"), required=False, limit=TEXT_LIMITS["store"]),
            chk.text(w, "base", d.get("base"), required=False, limit=TEXT_LIMITS["base"]),
            chk.version(w, "platform_version", d.get("platform_version")),
            chk.version(w, "client_version", d.get("client_version")),
        )
        if code and kind and name:
            data.devices.append(dspec)
    serials: set[str] = set()
    for i, raw in enumerate(_list(chk, payload, "licenses")):
        w = f"licenses[{i}]"
        lic = _obj(chk, w, raw)
        lots = []
        raw_lots = lic.get("modules") or []
        if not isinstance(raw_lots, list):
            chk.add(w, "modules", "not_a_list")
            raw_lots = []
        for j, lot in enumerate(raw_lots):
            lw = f"{w}.modules[{j}]"
            lot = _obj(chk, lw, lot)
            msku = chk.sku(lw, "module_sku", lot.get("module_sku"))
            seats = chk.integer(lw, "seats", lot.get("seats"), 1, MAX_SEATS)
            bought = chk.date(lw, "purchased_on", lot.get("purchased_on"))
            dropped = chk.date(lw, "dropped_on", lot.get("dropped_on"), required=False)
            if bought and dropped and dropped < bought:
                chk.add(lw, "dropped_on", "end_before_start", dropped)
            if msku and seats and bought:
                lots.append(LotSpec(msku, seats, bought, dropped))
        sku = chk.sku(w, "product_sku", lic.get("product_sku"))
        lspec = LicenseSpec(
            sku or "",
            chk.device_code(w, "device_code", lic.get("device_code"), required=False),
            chk.date(w, "activated_on", lic.get("activated_on"), required=False),
            chk.date(w, "subscription_end", lic.get("subscription_end"), required=False),
            lots,
            _history(chk, w, lic.get("history")),
            chk.date(w, "period_start", lic.get("period_start"), required=False),
        )
        lspec.signed = _signed(chk, w, lic.get("signed"), lspec, serials)
        if sku:
            data.licenses.append(lspec)
    for i, raw in enumerate(_list(chk, payload, "releases")):
        w = f"releases[{i}]"
        r = _obj(chk, w, raw)
        sku = chk.sku(w, "product_sku", r.get("product_sku"))
        version = chk.version(w, "version", r.get("version"))
        if version is None and r.get("version") in (None, ""):
            chk.add(w, "version", "missing")
        day = chk.date(w, "released_on", r.get("released_on"))
        description = r.get("description") or ""
        desc = chk.text(w, "description", description, required=False, limit=MAX_DESCRIPTION)
        if isinstance(description, str) and description.strip() and desc is None:
            continue
        rfile = chk.text(w, "file", r.get("file"), required=False, limit=TEXT_LIMITS["file"])
        if sku and version and day:
            data.releases.append(ReleaseSpec(sku, version, day, desc or "", rfile))
    data.settings, skipped = check_settings(chk, payload.get("settings"), today)
    store_id = payload.get("store_id")
    if store_id is not None:
        data.store_id = chk.text("store_id", "store_id", store_id, limit=64)
        if data.store_id is not None and not STORE_ID_PATTERN.match(data.store_id):
            chk.add("store_id", "store_id", "bad_signature", data.store_id)
    if serials and not data.store_id:
        chk.add("store_id", "store_id", "missing")  # signatures name a store
    check_references(data, chk)
    chk.raise_if_any()
    return data, skipped


def _signed(
    chk: _Checker, where: str, raw: object, lic: LicenseSpec, serials: set[str]
) -> SignedSpec | None:
    """A license's signature as exported: well formed, complete, each serial once.

    Whether it verifies is the verifier's question (desktop/services/trust.py), asked
    every time the license is shown; here only its shape is checked.
    """
    if raw is None:
        return None
    w = f"{where}.signed"
    obj = _obj(chk, w, raw)
    if not obj:
        return None
    found = 0
    serial = chk.text(w, "serial", obj.get("serial"), limit=40)
    if serial is not None and not SERIAL_PATTERN.match(serial):
        chk.add(w, "serial", "bad_signature", serial)
        serial = None
    issued = obj.get("issued_at")
    issued_at = _iso_datetime(issued)
    if issued_at is None:
        chk.add(w, "issued_at", "missing" if issued is None else "bad_date", issued)
    key_id = chk.text(w, "key_id", obj.get("key_id"), limit=64)
    if key_id is not None and not KEY_ID_PATTERN.match(key_id):
        chk.add(w, "key_id", "bad_signature", key_id)
        key_id = None
    signature = chk.text(w, "signature", obj.get("signature"), limit=400)
    if signature is not None and not SIGNATURE_PATTERN.match(signature):
        chk.add(w, "signature", "bad_signature", signature)
        signature = None
    # a signed license names its device and its whole period
    for fld, value in (
        ("device_code", lic.device_code),
        ("period_start", lic.period_start),
        ("subscription_end", lic.subscription_end),
    ):
        if value is None:
            chk.add(where, fld, "missing")
            found += 1
    if serial is not None:
        if serial in serials:
            chk.add(w, "serial", "duplicate", serial)
            found += 1
        serials.add(serial)
    if found or serial is None or issued_at is None or key_id is None or signature is None:
        return None
    return SignedSpec(serial, issued_at, key_id, signature)


# ---------------------------------------------------------------- CSV

#: The flat, spreadsheet-friendly form: one row per license with its product,
#: price, device and store. Bases, releases and enova module lots travel in JSON.
CSV_COLUMNS = (
    "product_sku",
    "product_name",
    "product_line",
    "currency",
    "list_price",
    "price_from",
    "renewal_sku",
    "device_code",
    "device_kind",
    "device_name",
    "store",
    "activated_on",
    "subscription_end",
)
#: Free-text columns: written through cells.safe_text, read through unsafe_text.
CSV_TEXT_COLUMNS = ("product_name", "device_name", "store")


def csv_rows(data: Dataset) -> Iterator[list[str]]:
    """The CSV rows (header first) of a dataset; text cells are formula-safe."""
    products = {p.sku: p for p in data.products}
    devices = {d.code: d for d in data.devices}
    yield list(CSV_COLUMNS)
    for lic in data.licenses:
        p = products[lic.product_sku]
        price = p.prices[-1] if p.prices else None
        d = devices.get(lic.device_code or "")
        yield [
            p.sku,
            safe_text(p.name),
            p.line,
            p.currency,
            str(price.amount) if price else "",
            price.effective_from.isoformat() if price else "",
            p.renewal_sku or "",
            d.code if d else "",
            d.kind if d else "",
            safe_text(d.name) if d else "",
            safe_text(d.store or "") if d else "",
            lic.activated_on.isoformat() if lic.activated_on else "",
            lic.subscription_end.isoformat() if lic.subscription_end else "",
        ]


def to_csv(data: Dataset) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(csv_rows(data))
    return out.getvalue()


@dataclass
class _CsvState:
    """Pass-1 memory: per product only (a few entries), never per row."""

    products: dict[str, ProductSpec] = field(default_factory=dict)
    product_rows: dict[str, int] = field(default_factory=dict)
    checked: dict[tuple[str, ...], str | None] = field(default_factory=dict)
    rows: int = 0


def _csv_product(chk: _Checker, w: str, row: list[str], state: _CsvState) -> str | None:
    """Check the product columns of a row; the same columns are checked once per file."""
    key = tuple(row[0:7])
    if key in state.checked:
        return state.checked[key]
    before = len(chk.problems) + chk.more
    sku = chk.sku(w, "product_sku", row[0])
    name = chk.text(w, "product_name", row[1], cell=True)
    line = chk.choice(w, "product_line", row[2], LINES)
    currency = chk.choice(w, "currency", row[3], CURRENCIES)
    price = chk.decimal(w, "list_price", row[4])
    price_from = chk.date(w, "price_from", row[5])
    renewal = chk.sku(w, "renewal_sku", row[6], required=False)
    result: str | None = None
    if sku and name and line and currency and price is not None and price_from:
        known = state.products.get(sku)
        if known is None:
            first_price = [PriceSpec(price_from, price)]
            state.products[sku] = ProductSpec(
                sku, name, line, currency, renewal_sku=renewal, prices=first_price
            )
            state.product_rows[sku] = int(w.split()[-1])
            result = sku
        else:
            first = f"row {state.product_rows[sku]}"
            for fld, mine, theirs in (
                ("currency", currency, known.currency),
                ("product_line", line, known.line),
                ("product_name", name, known.name),
                ("renewal_sku", renewal, known.renewal_sku),
            ):
                if mine != theirs:
                    chk.add(w, fld, "conflict", f"{shown(mine)} ≠ {shown(theirs)} ({first})")
            same_day = [p for p in known.prices if p.effective_from == price_from]
            if same_day and same_day[0].amount != price:
                chk.add(w, "list_price", "conflict", f"{price} ≠ {same_day[0].amount} ({first})")
            elif not same_day:
                known.prices.append(PriceSpec(price_from, price))
            result = sku
    if len(chk.problems) + chk.more == before:
        state.checked[key] = result  # only remember rows that checked clean
    return result


def _csv_license(chk: _Checker, w: str, row: list[str], sku: str | None) -> Batch | None:
    activated = chk.date(w, "activated_on", row[11], required=False)
    end = chk.date(w, "subscription_end", row[12], required=False)
    code = chk.device_code(w, "device_code", row[7], required=False)
    devices: list[DeviceSpec] = []
    if code:
        kind = chk.choice(w, "device_kind", row[8], DEVICE_KINDS)
        dname = chk.text(w, "device_name", row[9], cell=True)
        store = chk.text(w, "store", row[10], required=False, cell=True)
        if kind and dname:
            devices.append(DeviceSpec(code, kind, dname, store))
    elif not row[7].strip() and any(c.strip() for c in row[8:11]):
        chk.add(w, "device_code", "missing")
    lic = LicenseSpec(sku or "", code, activated, end)
    _check_license_dates(chk, w, lic)
    if sku is None:
        return None
    return devices, [lic]


class _Hashing(io.RawIOBase):
    """A binary reader that hashes and counts what it hands out."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self.digest = hashlib.blake2b(digest_size=16)
        self.done = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n: int = self._raw.readinto(buffer)  # type: ignore[attr-defined]
        if n:
            self.digest.update(memoryview(buffer)[:n])
            self.done += n
        return n


def _csv_reader(stream: _Hashing) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) with the csv module's errors as DomainError by line."""
    text = io.TextIOWrapper(io.BufferedReader(stream, 1 << 20), encoding="utf-8-sig", newline="")
    reader = csv.reader(text, strict=True)
    line = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except UnicodeDecodeError:
            raise DomainError("import_not_utf8_at", row=reader.line_num + 1) from None
        except csv.Error as exc:
            raise DomainError(
                "import_csv_broken", row=reader.line_num, reason=shown(str(exc))
            ) from None
        line += 1
        yield line, row


def _open(path: Path) -> IO[bytes]:
    try:
        return path.open("rb")
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else str(exc)
        raise DomainError("import_unreadable", path=shown_path(path), reason=reason or "") from None


def _check_header(header: list[str]) -> None:
    names = [h.strip() for h in header]
    missing = [c for c in CSV_COLUMNS if c not in names]
    if missing:
        raise DomainError("import_csv_columns", missing=",".join(missing))


class _CsvFile:
    """Both passes over one CSV file: the same reader, the same checks."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.size = 0
        self.digest = b""
        self.state = _CsvState()

    def _rows(self, stream: _Hashing) -> Iterator[tuple[int, list[str]]]:
        rows = _csv_reader(stream)
        first = next(rows, None)
        if first is None:
            raise DomainError("import_csv_columns", missing=",".join(CSV_COLUMNS))
        header = first[1]
        _check_header(header)
        names = [h.strip() for h in header]
        order = [names.index(c) for c in CSV_COLUMNS]
        width = len(names)
        simple = order == list(range(len(CSV_COLUMNS)))
        for line, cells in rows:
            if len(cells) != width:
                if not any(c.strip() for c in cells):
                    continue  # blank line
                raise DomainError("import_csv_width", row=line, found=len(cells), expected=width)
            yield line, (cells if simple else [cells[i] for i in order])

    def check(self, progress: Progress) -> tuple[int, list[Problem]]:
        chk = _Checker()
        state = self.state
        count = 0
        with _open(self.path) as f:
            try:
                self.size = max(1, self._file_size(f))
            except OSError:
                self.size = 1
            stream = _Hashing(f)
            for line, row in self._rows(stream):
                w = f"row {line}"
                sku = _csv_product(chk, w, row, state)
                if _csv_license(chk, w, row, sku) is not None:
                    count += 1
                if line % 4096 == 0:
                    progress.step(line, max(line, int(line * self.size / max(1, stream.done))) * 2)
            self.digest = stream.digest.digest() if count else b""
            self.size = max(self.size, stream.done)
        state.rows = count
        return count, chk.problems + (
            [Problem("...", "-", "more_problems", str(chk.more))] if chk.more else []
        )

    @staticmethod
    def _file_size(f: IO[bytes]) -> int:
        return os.fstat(f.fileno()).st_size

    def batches(self, size: int) -> Iterator[Batch]:
        """Pass 2: the same rows again; the file must not have changed in between."""
        chk = _Checker()
        state = _CsvState()
        devices: list[DeviceSpec] = []
        licenses: list[LicenseSpec] = []
        seen: set[str] = set()
        with _open(self.path) as f:
            stream = _Hashing(f)
            for line, row in self._rows(stream):
                w = f"row {line}"
                out = _csv_license(chk, w, row, _csv_product(chk, w, row, state))
                if chk.problems:
                    raise DomainError("import_file_changed", path=shown_path(self.path))
                if out is None:
                    continue
                for d in out[0]:
                    if d.code not in seen:
                        seen.add(d.code)
                        devices.append(d)
                licenses.extend(out[1])
                if len(licenses) >= size:
                    yield devices, licenses
                    devices, licenses, seen = [], [], set()
            if (stream.digest.digest() if self.state.rows else b"") != self.digest:
                raise DomainError("import_file_changed", path=shown_path(self.path))
        if licenses:
            yield devices, licenses


def check_csv(path: Path, progress: Progress = NO_PROGRESS) -> ImportPlan:
    source = _CsvFile(path)
    count, problems = source.check(progress)
    if problems:
        raise DomainError("import_invalid", problems=problems)
    products = list(source.state.products.values())
    for p in products:
        p.prices.sort(key=lambda pr: pr.effective_from)
    return ImportPlan(
        source=str(path),
        products=products,
        stores=[],
        bases=[],
        devices=[],
        releases=[],
        settings={},
        skipped_settings=(),
        license_count=count,
        batches=source.batches,
    )


# ---------------------------------------------------------------- plans


def plan_of(data: Dataset, source: str = "", skipped: tuple[str, ...] = ()) -> ImportPlan:
    """A plan over a Dataset already in memory (JSON import, demo data)."""

    def batches(size: int) -> Iterator[Batch]:
        for i in range(0, len(data.licenses), size):
            yield [], data.licenses[i : i + size]

    return ImportPlan(
        source=source,
        products=data.products,
        stores=data.stores,
        bases=data.bases,
        devices=data.devices,
        releases=data.releases,
        settings=data.settings,
        skipped_settings=skipped,
        license_count=len(data.licenses),
        batches=batches,
        store_id=data.store_id,
        signed_count=sum(1 for lic in data.licenses if lic.signed is not None),
    )


def plan_to_dataset(plan: ImportPlan) -> Dataset:
    """Materialise a plan (tests and small files only: it holds every row)."""
    data = Dataset(
        products=list(plan.products),
        stores=list(plan.stores),
        bases=list(plan.bases),
        devices=list(plan.devices),
        releases=list(plan.releases),
        settings=dict(plan.settings),
        store_id=plan.store_id,
    )
    stores = set(data.stores)
    for devices, licenses in plan.batches(10_000):
        known = {d.code for d in data.devices}
        for d in devices:
            if d.code not in known:
                data.devices.append(d)
                known.add(d.code)
                if d.store and d.store not in stores:
                    stores.add(d.store)
                    data.stores.append(d.store)
        data.licenses.extend(licenses)
    return data


def _read_json_bytes(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            raw = f.read(MAX_JSON_BYTES + 1)
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else str(exc)
        raise DomainError("import_unreadable", path=shown_path(path), reason=reason or "") from None
    if len(raw) > MAX_JSON_BYTES:
        raise DomainError("import_too_large", limit_mb=MAX_JSON_BYTES // (1024 * 1024))
    return raw


def check_file(path: Path, today: dt.date, progress: Progress = NO_PROGRESS) -> ImportPlan:
    """Pass 1: read and validate the whole file; DomainError on any problem.

    ``.csv`` streams (any size); anything else is read as a JSON export of at most
    MAX_JSON_BYTES. ``today`` is the import day (bounds the snooze setting).

    Progress over both passes is one scale: each license counts once when checked
    and once when written, so ``total`` is twice the rows (estimated from the bytes
    read until pass 1 ends). ``progress.step`` may raise Cancelled: here nothing was
    written yet; in ``load_plan`` the caller's transaction rolls back.
    """
    if _suffix(path) == ".csv":
        return check_csv(path, progress)
    raw = _read_json_bytes(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DomainError("import_not_utf8", path=shown_path(path)) from None
    progress.step(0, 2)
    data, skipped = _from_json(text, today)
    progress.step(1, 2)
    return plan_of(data, str(path), skipped)


def _suffix(path: Path) -> str:
    try:
        return path.suffix.lower()
    except ValueError:
        return ""


def read_file(path: Path, today: dt.date | None = None) -> Dataset:
    """Validate a whole file into a Dataset (holds every row: small files only).

    Kept for the current ``setup.import_file``; it should call :func:`check_file` and
    ``DatasetStore.load_plan`` instead (and pass the clock's today).
    """
    return plan_to_dataset(check_file(path, today or dt.date.today()))


def write_file(data: Dataset, path: Path, fmt: str) -> None:
    tmp = path.with_name(path.name + ".part")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as f:
            if fmt == "csv":
                csv.writer(f, lineterminator="\n").writerows(csv_rows(data))
            else:
                f.write(to_json(data))
        tmp.replace(path)  # never leave a half-written export under the real name
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DomainError(
            "export_failed", path=shown_path(path), reason=exc.strerror or ""
        ) from None
