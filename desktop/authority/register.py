"""The authority's register: its own SQLite file, ``register.db`` in its data folder.

WAL, ``synchronous=FULL`` (a commit survives a power cut), foreign keys on, and every
write under ``BEGIN IMMEDIATE`` (RELIABILITY.md: a deferred transaction that reads and
then writes can fail with SQLITE_BUSY whatever the timeout). One connection per unit
of work: the HTTP server runs requests on worker threads.

Tables: products; codes (the code text is kept: the authority is the vendor); licenses
the authority signed (device NULL once transferred away); uses (one row per binding of
a code to a device; ``released_at`` set when a transfer frees it); an append-only audit
log (triggers refuse UPDATE and DELETE); fulfilments keyed by (store, order_ref) with the
stored response.

The one-winner rule for the last use of a code is :meth:`Tx.claim_use`:
``UPDATE codes SET uses = uses + 1 WHERE code_hash = ? AND uses < devices`` and its
rowcount.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.domain.catalog import ProductLine

SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 15_000

#: The vendor catalogue a new register starts with (the demo database's products).
CATALOGUE: tuple[tuple[str, str, str], ...] = (
    ("MS-STORE15-BASE", "Магазин 15", ProductLine.MOBILE_SMARTS.value),
    ("MS-WH15-BASE", "Склад 15", ProductLine.MOBILE_SMARTS.value),
    ("MS-KIROVKA", "Кировка", ProductLine.MOBILE_SMARTS.value),
    ("MS-EGAIS3", "ЕГАИС 3", ProductLine.MOBILE_SMARTS.value),
    (
        "MS-EGAIS-CHM",
        "ЕГАИС, терминальная версия с CheckMark 2",
        ProductLine.MOBILE_SMARTS.value,
    ),
    ("ENOVA365", "enova365", ProductLine.ENOVA365.value),
)

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE products (
    sku TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    line TEXT NOT NULL CHECK (line IN ('mobile-smarts', 'enova365'))
);
CREATE TABLE codes (
    id INTEGER PRIMARY KEY,
    code TEXT,
    code_hash TEXT NOT NULL UNIQUE,
    sku TEXT NOT NULL REFERENCES products (sku),
    kind TEXT NOT NULL CHECK (kind IN ('license', 'renewal')),
    months INTEGER NOT NULL CHECK (months BETWEEN 1 AND 60),
    devices INTEGER NOT NULL DEFAULT 1 CHECK (devices >= 1),
    uses INTEGER NOT NULL DEFAULT 0 CHECK (uses >= 0 AND uses <= devices),
    issued_at TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'issue'
);
CREATE TABLE licenses (
    serial TEXT PRIMARY KEY,
    code_hash TEXT REFERENCES codes (code_hash),
    store TEXT NOT NULL,
    device TEXT,
    product TEXT NOT NULL REFERENCES products (sku),
    start TEXT NOT NULL,
    "end" TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    key_id TEXT NOT NULL,
    signature TEXT NOT NULL,
    transferred_from TEXT,
    CHECK ("end" >= start)
);
CREATE INDEX licenses_device ON licenses (device, store);
CREATE INDEX licenses_code ON licenses (code_hash);
CREATE TABLE uses (
    id INTEGER PRIMARY KEY,
    code_hash TEXT NOT NULL REFERENCES codes (code_hash),
    serial TEXT NOT NULL REFERENCES licenses (serial),
    device TEXT NOT NULL,
    store TEXT NOT NULL,
    used_at TEXT NOT NULL,
    released_at TEXT
);
CREATE UNIQUE INDEX uses_live ON uses (code_hash, device) WHERE released_at IS NULL;
CREATE INDEX uses_code ON uses (code_hash, id);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    event TEXT NOT NULL,
    details TEXT NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TABLE fulfilments (
    store TEXT NOT NULL,
    order_ref TEXT NOT NULL,
    request_key TEXT NOT NULL,
    response TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (store, order_ref)
);
"""


def stamp(moment: dt.datetime) -> str:
    """A UTC moment as stored and sent: ``YYYY-MM-DDTHH:MM:SSZ``."""
    return moment.astimezone(dt.UTC).replace(microsecond=0, tzinfo=None).isoformat() + "Z"


def parse_stamp(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.removesuffix("Z")).replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class ProductRow:
    sku: str
    name: str
    line: str


@dataclass(frozen=True)
class CodeRow:
    code: str | None
    code_hash: str
    sku: str
    kind: str
    months: int
    devices: int
    uses: int
    issued_at: dt.datetime
    origin: str


@dataclass(frozen=True)
class LicenseRow:
    serial: str
    code_hash: str | None
    store: str
    device: str | None
    product: str
    start: dt.date
    end: dt.date
    issued_at: dt.datetime
    key_id: str
    signature: str
    transferred_from: str | None


@dataclass(frozen=True)
class UseRow:
    code_hash: str
    serial: str
    device: str
    store: str
    used_at: dt.datetime
    released_at: dt.datetime | None


def _code(r: sqlite3.Row) -> CodeRow:
    return CodeRow(
        r["code"],
        r["code_hash"],
        r["sku"],
        r["kind"],
        r["months"],
        r["devices"],
        r["uses"],
        parse_stamp(r["issued_at"]),
        r["origin"],
    )


def _license(r: sqlite3.Row) -> LicenseRow:
    return LicenseRow(
        r["serial"],
        r["code_hash"],
        r["store"],
        r["device"],
        r["product"],
        dt.date.fromisoformat(r["start"]),
        dt.date.fromisoformat(r["end"]),
        parse_stamp(r["issued_at"]),
        r["key_id"],
        r["signature"],
        r["transferred_from"],
    )


def _use(r: sqlite3.Row) -> UseRow:
    return UseRow(
        r["code_hash"],
        r["serial"],
        r["device"],
        r["store"],
        parse_stamp(r["used_at"]),
        parse_stamp(r["released_at"]) if r["released_at"] else None,
    )


class Tx:
    """The register's statements inside one transaction (read or write)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def _one(self, sql: str, *args: Any) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.conn.execute(sql, args).fetchone()
        return row

    # --- products ---------------------------------------------------------------------
    def product(self, sku: str) -> ProductRow | None:
        r = self._one("SELECT sku, name, line FROM products WHERE sku = ?", sku)
        return ProductRow(r["sku"], r["name"], r["line"]) if r else None

    def products(self) -> list[ProductRow]:
        rows = self.conn.execute("SELECT sku, name, line FROM products ORDER BY sku")
        return [ProductRow(r["sku"], r["name"], r["line"]) for r in rows]

    def add_product(self, sku: str, name: str, line: str) -> None:
        self.conn.execute(
            "INSERT INTO products (sku, name, line) VALUES (?, ?, ?)", (sku, name, line)
        )

    # --- codes ------------------------------------------------------------------------
    def add_code(
        self,
        code: str | None,
        chash: str,
        sku: str,
        kind: str,
        months: int,
        devices: int,
        issued_at: dt.datetime,
        origin: str = "issue",
        uses: int = 0,
    ) -> None:
        self.conn.execute(
            "INSERT INTO codes (code, code_hash, sku, kind, months, devices, uses, issued_at, "
            "origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (code, chash, sku, kind, months, devices, uses, stamp(issued_at), origin),
        )

    def code(self, chash: str) -> CodeRow | None:
        r = self._one("SELECT * FROM codes WHERE code_hash = ?", chash)
        return _code(r) if r else None

    def codes(self, unused_only: bool = False) -> list[CodeRow]:
        where = " WHERE uses < devices" if unused_only else ""
        return [_code(r) for r in self.conn.execute(f"SELECT * FROM codes{where} ORDER BY id")]

    def claim_use(self, chash: str) -> bool:
        """Take one use of the code; False when all its devices are taken (one winner)."""
        cur = self.conn.execute(
            "UPDATE codes SET uses = uses + 1 WHERE code_hash = ? AND uses < devices", (chash,)
        )
        return cur.rowcount == 1

    def release_use(self, chash: str) -> None:
        self.conn.execute(
            "UPDATE codes SET uses = uses - 1 WHERE code_hash = ? AND uses > 0", (chash,)
        )

    # --- uses -------------------------------------------------------------------------
    def live_use(self, chash: str, device: str) -> UseRow | None:
        r = self._one(
            "SELECT * FROM uses WHERE code_hash = ? AND device = ? AND released_at IS NULL",
            chash,
            device,
        )
        return _use(r) if r else None

    def last_use(self, chash: str) -> UseRow | None:
        r = self._one("SELECT * FROM uses WHERE code_hash = ? ORDER BY id DESC LIMIT 1", chash)
        return _use(r) if r else None

    def add_use(self, chash: str, serial: str, device: str, store: str, at: dt.datetime) -> None:
        self.conn.execute(
            "INSERT INTO uses (code_hash, serial, device, store, used_at) VALUES (?, ?, ?, ?, ?)",
            (chash, serial, device, store, stamp(at)),
        )

    def release_uses(self, serial: str, device: str, at: dt.datetime) -> None:
        self.conn.execute(
            "UPDATE uses SET released_at = ? WHERE serial = ? AND device = ? "
            "AND released_at IS NULL",
            (stamp(at), serial, device),
        )

    # --- licenses ---------------------------------------------------------------------
    def license(self, serial: str) -> LicenseRow | None:
        r = self._one("SELECT * FROM licenses WHERE serial = ?", serial)
        return _license(r) if r else None

    def device_licenses(self, device: str, store: str) -> list[LicenseRow]:
        rows = self.conn.execute(
            'SELECT * FROM licenses WHERE device = ? AND store = ? ORDER BY "end" DESC, serial',
            (device, store),
        )
        return [_license(r) for r in rows]

    def transferred_license(self, chash: str) -> LicenseRow | None:
        r = self._one(
            "SELECT * FROM licenses WHERE code_hash = ? AND device IS NULL ORDER BY serial LIMIT 1",
            chash,
        )
        return _license(r) if r else None

    def add_license(self, row: LicenseRow) -> None:
        self.conn.execute(
            'INSERT INTO licenses (serial, code_hash, store, device, product, start, "end", '
            "issued_at, key_id, signature, transferred_from) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                row.serial,
                row.code_hash,
                row.store,
                row.device,
                row.product,
                row.start.isoformat(),
                row.end.isoformat(),
                stamp(row.issued_at),
                row.key_id,
                row.signature,
                row.transferred_from,
            ),
        )

    def update_license(self, row: LicenseRow) -> None:
        self.conn.execute(
            'UPDATE licenses SET store = ?, device = ?, start = ?, "end" = ?, issued_at = ?, '
            "key_id = ?, signature = ?, transferred_from = ? WHERE serial = ?",
            (
                row.store,
                row.device,
                row.start.isoformat(),
                row.end.isoformat(),
                stamp(row.issued_at),
                row.key_id,
                row.signature,
                row.transferred_from,
                row.serial,
            ),
        )

    def license_count(self) -> int:
        r = self._one("SELECT count(*) AS n FROM licenses")
        return int(r["n"]) if r else 0

    # --- audit and fulfilments --------------------------------------------------------
    def audit(self, at: dt.datetime, event: str, **details: Any) -> None:
        self.conn.execute(
            "INSERT INTO audit (at, event, details) VALUES (?, ?, ?)",
            (stamp(at), event, json.dumps(details, sort_keys=True, ensure_ascii=False)),
        )

    def audit_log(self) -> list[tuple[dt.datetime, str, dict[str, Any]]]:
        rows = self.conn.execute("SELECT at, event, details FROM audit ORDER BY id")
        return [(parse_stamp(r["at"]), r["event"], json.loads(r["details"])) for r in rows]

    def fulfilment(self, store: str, order_ref: str) -> tuple[str, str] | None:
        r = self._one(
            "SELECT request_key, response FROM fulfilments WHERE store = ? AND order_ref = ?",
            store,
            order_ref,
        )
        return (r["request_key"], r["response"]) if r else None

    def add_fulfilment(
        self, store: str, order_ref: str, request_key: str, response: str, at: dt.datetime
    ) -> None:
        self.conn.execute(
            "INSERT INTO fulfilments (store, order_ref, request_key, response, at) "
            "VALUES (?, ?, ?, ?, ?)",
            (store, order_ref, request_key, response, stamp(at)),
        )


class Register:
    """The register file. Opening it creates nothing: :meth:`create` does, once."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        # Writers of this process queue here instead of in SQLite's busy handler, which
        # polls with growing sleeps and can starve one thread; other processes (the CLI
        # issuing codes while the server runs) still meet at BEGIN IMMEDIATE.
        self._write_lock = threading.Lock()

    def exists(self) -> bool:
        return self.path.exists()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=True
        )
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    def create(self, now: dt.datetime) -> None:
        """The schema, WAL mode and the vendor catalogue, in one transaction."""
        conn = self._connect()
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("BEGIN IMMEDIATE")
            try:
                # statement by statement: executescript() would COMMIT on its own
                for statement in _statements(SCHEMA):
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('schema', ?), ('created', ?)",
                    (str(SCHEMA_VERSION), stamp(now)),
                )
                conn.executemany(
                    "INSERT INTO products (sku, name, line) VALUES (?, ?, ?)", CATALOGUE
                )
                conn.execute(
                    "INSERT INTO audit (at, event, details) VALUES (?, 'created', '{}')",
                    (stamp(now),),
                )
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        finally:
            conn.close()

    @contextmanager
    def write(self) -> Iterator[Tx]:
        """One write transaction: the write lock is taken first (BEGIN IMMEDIATE);
        commit on success, roll back on any exception."""
        with self._write_lock:
            conn = self._connect()
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield Tx(conn)
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
            finally:
                conn.close()

    @contextmanager
    def read(self) -> Iterator[Tx]:
        conn = self._connect()
        try:
            conn.execute("BEGIN")
            try:
                yield Tx(conn)
            finally:
                conn.execute("ROLLBACK")
        finally:
            conn.close()


def _statements(script: str) -> list[str]:
    """Split the schema into statements (triggers hold inner semicolons)."""
    out: list[str] = []
    buf = ""
    for part in script.split(";"):
        buf += part + ";"
        if sqlite3.complete_statement(buf):
            if buf.strip(" \n;"):
                out.append(buf.strip())
            buf = ""
    return out
