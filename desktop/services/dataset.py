"""The whole dataset as plain records: demo data, import and export share it.

Import validates everything first and reports each problem by row and field; the
storage writes the dataset in one transaction, so a bad file writes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Protocol

from desktop.domain.catalog import CURRENCIES, DeviceKind, ProductKind, ProductLine
from desktop.domain.errors import DomainError

FORMAT_NAME = "licdesk-dataset"
FORMAT_VERSION = 1


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
class LicenseSpec:
    product_sku: str
    device_code: str | None
    activated_on: dt.date | None
    subscription_end: dt.date | None
    modules: list[LotSpec] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)


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


@dataclass(frozen=True)
class LoadSummary:
    products: int
    stores: int
    bases: int
    devices: int
    licenses: int
    releases: int


class DatasetStore(Protocol):
    def load(self, dataset: Dataset) -> LoadSummary: ...

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
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, where: str, fld: str, code: str, value: object = "") -> None:
        self.problems.append(Problem(where, fld, code, "" if value is None else str(value)))

    def text(self, where: str, fld: str, raw: object, *, required: bool = True) -> str | None:
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if required:
                self.add(where, fld, "missing")
            return None
        if not isinstance(raw, str | int):
            self.add(where, fld, "bad_text", raw)
            return None
        return str(raw).strip()

    def date(self, where: str, fld: str, raw: object, *, required: bool = True) -> dt.date | None:
        text = self.text(where, fld, raw, required=required)
        if text is None:
            return None
        try:
            if len(text) != 10:
                raise ValueError
            return dt.date.fromisoformat(text)
        except ValueError:
            self.add(where, fld, "bad_date", text)
            return None

    def decimal(self, where: str, fld: str, raw: object) -> Decimal | None:
        text = self.text(where, fld, raw)
        if text is None:
            return None
        try:
            value = Decimal(text.replace(" ", "").replace(",", "."))
        except InvalidOperation:
            self.add(where, fld, "bad_number", text)
            return None
        if not value.is_finite() or value < 0:
            self.add(where, fld, "bad_number", text)
            return None
        return value

    def integer(self, where: str, fld: str, raw: object) -> int | None:
        text = self.text(where, fld, raw)
        if text is None:
            return None
        try:
            value = int(text)
        except ValueError:
            self.add(where, fld, "bad_number", text)
            return None
        if value <= 0:
            self.add(where, fld, "bad_number", text)
            return None
        return value

    def choice(self, where: str, fld: str, raw: object, allowed: tuple[str, ...]) -> str | None:
        text = self.text(where, fld, raw)
        if text is not None and text not in allowed:
            self.add(where, fld, "bad_choice", text)
            return None
        return text

    def boolean(self, where: str, fld: str, raw: object) -> bool:
        if raw in (None, ""):
            return False
        if isinstance(raw, bool):
            return raw
        if str(raw).strip().lower() in ("1", "true", "yes"):
            return True
        if str(raw).strip().lower() in ("0", "false", "no"):
            return False
        self.add(where, fld, "bad_choice", raw)
        return False

    def raise_if_any(self) -> None:
        if self.problems:
            raise DomainError("import_invalid", problems=self.problems)


LINES = tuple(v.value for v in ProductLine)
KINDS = tuple(v.value for v in ProductKind)
DEVICE_KINDS = tuple(v.value for v in DeviceKind)


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
    seen_code: set[str] = set()
    for i, d in enumerate(data.devices):
        if d.code in seen_code:
            chk.add(f"devices[{i}]", "code", "duplicate", d.code)
        seen_code.add(d.code)
        if d.store and d.store not in stores:
            chk.add(f"devices[{i}]", "store", "unknown_store", d.store)
        if d.base and d.base not in bases:
            chk.add(f"devices[{i}]", "base", "unknown_base", d.base)
    for i, b in enumerate(data.bases):
        if b.product_sku not in skus:
            chk.add(f"bases[{i}]", "product_sku", "unknown_product", b.product_sku)
        if b.store and b.store not in stores:
            chk.add(f"bases[{i}]", "store", "unknown_store", b.store)
    for i, lic in enumerate(data.licenses):
        where = f"{label}[{i}]"
        if lic.product_sku not in skus:
            chk.add(where, "product_sku", "unknown_product", lic.product_sku)
        if lic.device_code and lic.device_code not in codes:
            chk.add(where, "device_code", "unknown_device", lic.device_code)
        if lic.device_code and lic.subscription_end is None:
            # A license bound to a device was activated: its subscription has an end.
            chk.add(where, "subscription_end", "missing")
        if lic.activated_on and lic.subscription_end and lic.subscription_end < lic.activated_on:
            chk.add(where, "subscription_end", "end_before_start", lic.subscription_end)
        for j, lot in enumerate(lic.modules):
            if lot.module_sku not in skus:
                chk.add(f"{where}.modules[{j}]", "module_sku", "unknown_product", lot.module_sku)
    for i, r in enumerate(data.releases):
        if r.product_sku not in skus:
            chk.add(f"releases[{i}]", "product_sku", "unknown_product", r.product_sku)


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
    if not isinstance(value, list):
        chk.add(key, key, "not_a_list")
        return []
    return value


def _obj(chk: _Checker, where: str, item: Any) -> dict[str, Any]:
    if not isinstance(item, dict):
        chk.add(where, "-", "not_an_object")
        return {}
    return item


def from_json(text: str) -> Dataset:
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DomainError("import_not_json", line=exc.lineno, column=exc.colno) from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT_NAME:
        raise DomainError("import_wrong_format")
    if payload.get("version") != FORMAT_VERSION:
        raise DomainError("import_wrong_version", version=payload.get("version"))
    chk = _Checker()
    data = Dataset()
    for i, raw in enumerate(_list(chk, payload, "products")):
        w = f"products[{i}]"
        p = _obj(chk, w, raw)
        prices = []
        for j, pr in enumerate(p.get("prices") or []):
            pw = f"{w}.prices[{j}]"
            pr = _obj(chk, pw, pr)
            day = chk.date(pw, "effective_from", pr.get("effective_from"))
            amount = chk.decimal(pw, "amount", pr.get("amount"))
            if day and amount is not None:
                prices.append(PriceSpec(day, amount))
        sku = chk.text(w, "sku", p.get("sku"))
        name = chk.text(w, "name", p.get("name"))
        line = chk.choice(w, "line", p.get("line"), LINES)
        currency = chk.choice(w, "currency", p.get("currency"), CURRENCIES)
        kind = chk.choice(w, "kind", p.get("kind") or ProductKind.LICENSE.value, KINDS)
        if sku and name and line and currency and kind:
            data.products.append(
                ProductSpec(
                    sku,
                    name,
                    line,
                    currency,
                    kind,
                    chk.text(w, "renewal_sku", p.get("renewal_sku"), required=False),
                    prices,
                )
            )
    for i, raw in enumerate(_list(chk, payload, "stores")):
        name = chk.text(f"stores[{i}]", "name", raw)
        if name:
            data.stores.append(name)
    for i, raw in enumerate(_list(chk, payload, "bases")):
        w = f"bases[{i}]"
        b = _obj(chk, w, raw)
        name = chk.text(w, "name", b.get("name"))
        sku = chk.text(w, "product_sku", b.get("product_sku"))
        if name and sku:
            data.bases.append(
                BaseSpec(
                    name,
                    sku,
                    chk.text(w, "store", b.get("store"), required=False),
                    chk.text(w, "installed_version", b.get("installed_version"), required=False),
                    chk.date(w, "installed_on", b.get("installed_on"), required=False),
                    chk.text(w, "platform_version", b.get("platform_version"), required=False),
                    chk.text(w, "server_version", b.get("server_version"), required=False),
                    chk.boolean(w, "internet_exchange", b.get("internet_exchange")),
                )
            )
    for i, raw in enumerate(_list(chk, payload, "devices")):
        w = f"devices[{i}]"
        d = _obj(chk, w, raw)
        code = chk.text(w, "code", d.get("code"))
        kind = chk.choice(w, "kind", d.get("kind"), DEVICE_KINDS)
        name = chk.text(w, "name", d.get("name"))
        if code and kind and name:
            data.devices.append(
                DeviceSpec(
                    code,
                    kind,
                    name,
                    chk.text(w, "store", d.get("store"), required=False),
                    chk.text(w, "base", d.get("base"), required=False),
                    chk.text(w, "platform_version", d.get("platform_version"), required=False),
                    chk.text(w, "client_version", d.get("client_version"), required=False),
                )
            )
    for i, raw in enumerate(_list(chk, payload, "licenses")):
        w = f"licenses[{i}]"
        lic = _obj(chk, w, raw)
        lots = []
        for j, lot in enumerate(lic.get("modules") or []):
            lw = f"{w}.modules[{j}]"
            lot = _obj(chk, lw, lot)
            msku = chk.text(lw, "module_sku", lot.get("module_sku"))
            seats = chk.integer(lw, "seats", lot.get("seats"))
            bought = chk.date(lw, "purchased_on", lot.get("purchased_on"))
            dropped = chk.date(lw, "dropped_on", lot.get("dropped_on"), required=False)
            if msku and seats and bought:
                lots.append(LotSpec(msku, seats, bought, dropped))
        sku = chk.text(w, "product_sku", lic.get("product_sku"))
        if sku:
            history = lic.get("history") or []
            data.licenses.append(
                LicenseSpec(
                    sku,
                    chk.text(w, "device_code", lic.get("device_code"), required=False),
                    chk.date(w, "activated_on", lic.get("activated_on"), required=False),
                    chk.date(w, "subscription_end", lic.get("subscription_end"), required=False),
                    lots,
                    history if isinstance(history, list) else [],
                )
            )
    for i, raw in enumerate(_list(chk, payload, "releases")):
        w = f"releases[{i}]"
        r = _obj(chk, w, raw)
        sku = chk.text(w, "product_sku", r.get("product_sku"))
        version = chk.text(w, "version", r.get("version"))
        day = chk.date(w, "released_on", r.get("released_on"))
        if sku and version and day:
            data.releases.append(
                ReleaseSpec(
                    sku,
                    version,
                    day,
                    str(r.get("description") or ""),
                    chk.text(w, "file", r.get("file"), required=False),
                )
            )
    settings = payload.get("settings") or {}
    if isinstance(settings, dict):
        data.settings = {str(k): str(v) for k, v in settings.items()}
    check_references(data, chk)
    chk.raise_if_any()
    return data


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


def to_csv(data: Dataset) -> str:
    products = {p.sku: p for p in data.products}
    devices = {d.code: d for d in data.devices}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for lic in data.licenses:
        p = products[lic.product_sku]
        price = p.prices[-1] if p.prices else None
        d = devices.get(lic.device_code or "")
        writer.writerow(
            [
                p.sku,
                p.name,
                p.line,
                p.currency,
                str(price.amount) if price else "",
                price.effective_from.isoformat() if price else "",
                p.renewal_sku or "",
                d.code if d else "",
                d.kind if d else "",
                d.name if d else "",
                (d.store or "") if d else "",
                lic.activated_on.isoformat() if lic.activated_on else "",
                lic.subscription_end.isoformat() if lic.subscription_end else "",
            ]
        )
    return out.getvalue()


def from_csv(text: str) -> Dataset:
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    missing = [c for c in CSV_COLUMNS if c not in header]
    if missing:
        raise DomainError("import_csv_columns", missing=",".join(missing))
    chk = _Checker()
    data = Dataset()
    products: dict[str, ProductSpec] = {}
    devices: dict[str, DeviceSpec] = {}
    for rowno, row in enumerate(reader, start=2):  # row 1 is the header
        w = f"row {rowno}"
        sku = chk.text(w, "product_sku", row.get("product_sku"))
        name = chk.text(w, "product_name", row.get("product_name"))
        line = chk.choice(w, "product_line", row.get("product_line"), LINES)
        currency = chk.choice(w, "currency", row.get("currency"), CURRENCIES)
        price = chk.decimal(w, "list_price", row.get("list_price"))
        price_from = chk.date(w, "price_from", row.get("price_from"))
        activated = chk.date(w, "activated_on", row.get("activated_on"), required=False)
        end = chk.date(w, "subscription_end", row.get("subscription_end"), required=False)
        code = chk.text(w, "device_code", row.get("device_code"), required=False)
        if code:
            kind = chk.choice(w, "device_kind", row.get("device_kind"), DEVICE_KINDS)
            dname = chk.text(w, "device_name", row.get("device_name"))
            store = chk.text(w, "store", row.get("store"), required=False)
            if kind and dname and code not in devices:
                devices[code] = DeviceSpec(code, kind, dname, store)
                if store and store not in data.stores:
                    data.stores.append(store)
        if activated and end and end < activated:
            chk.add(w, "subscription_end", "end_before_start", end)
        if sku and name and line and currency and price is not None and price_from:
            if sku not in products:
                products[sku] = ProductSpec(
                    sku,
                    name,
                    line,
                    currency,
                    renewal_sku=(row.get("renewal_sku") or "").strip() or None,
                    prices=[PriceSpec(price_from, price)],
                )
            elif all(pr.effective_from != price_from for pr in products[sku].prices):
                products[sku].prices.append(PriceSpec(price_from, price))
            data.licenses.append(LicenseSpec(sku, code, activated, end))
    chk.raise_if_any()
    data.products = list(products.values())
    for p in data.products:
        p.prices.sort(key=lambda pr: pr.effective_from)
    data.devices = list(devices.values())
    return data


def read_file(path: Path) -> Dataset:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DomainError("import_unreadable", path=str(path), reason=exc.strerror or "") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DomainError("import_not_utf8", path=str(path)) from None
    if path.suffix.lower() == ".csv":
        return from_csv(text)
    return from_json(text)


def write_file(data: Dataset, path: Path, fmt: str) -> None:
    text = to_csv(data) if fmt == "csv" else to_json(data)
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)  # never leave a half-written export under the real name
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DomainError("export_failed", path=str(path), reason=exc.strerror or "") from None
