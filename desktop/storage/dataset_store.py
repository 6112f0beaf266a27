"""Write a whole Dataset in one transaction (merge by natural keys) and read it back.

Loading streams (``load_plan``): licenses arrive in batches (``ImportPlan.batches``)
and are written with driver-level executemany, never one ORM flush per row, each row
with its derived search/sort columns already filled by the same function as
``search_index`` (a test compares), so the FTS trigger indexes each row once.

* Into an empty ``licenses`` table rows go straight in, numbered in file order. A big
  load into SQLite drops the table's indexes and the FTS insert trigger first and
  builds them afterwards (sorted builds beat random-order upkeep several times over);
  SQLite DDL is transactional, so a rollback or a kill -9 brings them back.
* Otherwise rows go to a temporary staging table; one set-based statement decides
  which are new (a stored license with the same product, device and activation day
  absorbs one incoming one) and numbers them, and ``INSERT ... SELECT`` moves them.

Everything happens in the caller's write transaction: an error, or a Cancelled raised
by ``progress``, rolls it all back. New license ids are numbered by the loader; on
PostgreSQL it holds ``LOCK TABLE licenses IN EXCLUSIVE MODE`` (readers go on) and
moves the id sequence past them.

Parameter limits: no statement carries more than IN_CHUNK values in an IN list or
BATCH_ROWS rows per executemany, far below SQLite's 32,766 (999 in old builds) and
PostgreSQL's 65,535 bound parameters.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Date,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desktop.domain.errors import DomainError
from desktop.domain.money import MINOR_UNITS, Money
from desktop.services.dataset import (
    SKIPPED_SETTINGS,
    BaseSpec,
    Dataset,
    DeviceSpec,
    ImportPlan,
    LicenseSpec,
    LoadSummary,
    LotSpec,
    PriceSpec,
    Problem,
    ProductSpec,
    ReleaseSpec,
    SignedSpec,
    parse_history_time,
    plan_of,
)
from desktop.services.progress import NO_PROGRESS, Progress
from desktop.services.trust import STORE_ID_KEY
from desktop.storage.schema import (
    Device,
    Event,
    InstalledBase,
    License,
    ModuleLot,
    Product,
    ProductPrice,
    Release,
    Setting,
    Store,
)
from desktop.storage.search_index import _params as search_params

#: Licenses per batch of pass 2 (one executemany each).
BATCH_ROWS = 5_000
#: Values per IN list.
IN_CHUNK = 500
#: Licenses moved from staging into ``licenses`` per statement (a progress step each).
MOVE_ROWS = 100_000
#: SQLite page cache for a big load (KiB), given back afterwards: a bounded cost.
SQLITE_IMPORT_CACHE_KB = 65_536
#: From this many new licenses (and at least as many as stored), SQLite's license
#: indexes are dropped for the load and built afterwards.
REBUILD_MIN_ROWS = 50_000
FTS_INSERT_TRIGGER = "license_fts_ai"
#: Stands for "no activation day" in the re-import key (every real date is later).
NO_DAY = dt.date(1000, 1, 1)

PRODUCTS: Table = Product.__table__  # type: ignore[assignment]
PRICES: Table = ProductPrice.__table__  # type: ignore[assignment]
STORES: Table = Store.__table__  # type: ignore[assignment]
BASES: Table = InstalledBase.__table__  # type: ignore[assignment]
DEVICES: Table = Device.__table__  # type: ignore[assignment]
LICENSES: Table = License.__table__  # type: ignore[assignment]
LOTS: Table = ModuleLot.__table__  # type: ignore[assignment]
EVENTS: Table = Event.__table__  # type: ignore[assignment]
RELEASES: Table = Release.__table__  # type: ignore[assignment]
SETTINGS: Table = Setting.__table__  # type: ignore[assignment]

_TEMP = MetaData()
STAGE = Table(
    "import_stage",
    _TEMP,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("product_id", Integer, nullable=False),
    Column("device_id", Integer),
    Column("dkey", Integer, nullable=False),
    Column("akey", Date, nullable=False),
    Column("activated_on", Date),
    Column("subscription_end", Date),
    Column("search_text", Text, nullable=False),
    Column("sort_product", String(200)),
    Column("sort_kind", String(40)),
    Column("sort_device_code", String(80)),
    Column("sort_device", String(200)),
    Column("sort_store", String(200)),
    Column("sort_free", Integer, nullable=False),
    Column("period_start", Date),
    Column("serial", String(40)),
    Column("issued_at", DateTime),
    Column("key_id", String(64)),
    Column("signature", Text),
    Column("plain", Integer, nullable=False),  # 1: no modules, no history of its own
    prefixes=["TEMPORARY"],
    postgresql_on_commit="DROP",
)
HAVE = Table(
    "import_have",
    _TEMP,
    Column("product_id", Integer, nullable=False),
    Column("dkey", Integer, nullable=False),
    Column("akey", Date, nullable=False),
    Column("n", Integer, nullable=False),
    prefixes=["TEMPORARY"],
    postgresql_on_commit="DROP",
)
KEEP = Table(
    "import_keep",
    _TEMP,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("license_id", Integer, nullable=False),
    prefixes=["TEMPORARY"],
    postgresql_on_commit="DROP",
)


def _minor(amount: Decimal, currency: str) -> int:
    return Money(amount, currency).minor


def _chunks(items: Iterable[Any], size: int = IN_CHUNK) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class SqlDatasetStore:
    def __init__(self, session: Session) -> None:
        self._s = session

    def is_empty(self) -> bool:
        return not self._s.execute(select(func.count()).select_from(License)).scalar_one() and not (
            self._s.execute(select(func.count()).select_from(Product)).scalar_one()
        )

    def load(self, data: Dataset) -> LoadSummary:
        return self.load_plan(plan_of(data))

    def load_plan(self, plan: ImportPlan, progress: Progress = NO_PROGRESS) -> LoadSummary:
        """Pass 2: write a checked plan in the caller's transaction; see the module doc."""
        self._s.flush()
        conn = self._s.connection()
        if conn.dialect.name != "sqlite" or plan.license_count < BATCH_ROWS:
            return _Loader(conn, plan, progress).run()
        # Index pages of a big load stay in memory: several times faster at a million rows.
        previous = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
        conn.exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_IMPORT_CACHE_KB}")
        try:
            return _Loader(conn, plan, progress).run()
        finally:
            conn.exec_driver_sql(f"PRAGMA cache_size = {int(previous)}")

    def dump(self) -> Dataset:
        s = self._s
        data = Dataset()
        pid_sku: dict[int, str] = {}
        for p in s.scalars(select(Product).order_by(Product.id)):
            pid_sku[p.id] = p.sku
            scale = MINOR_UNITS.get(p.currency, 2)
            data.products.append(
                ProductSpec(
                    p.sku,
                    p.name,
                    p.line,
                    p.currency,
                    p.kind,
                    p.renewal_sku,
                    [
                        PriceSpec(pr.effective_from, Decimal(pr.amount_minor).scaleb(-scale))
                        for pr in p.prices
                    ],
                )
            )
        store_names = {st.id: st.name for st in s.scalars(select(Store).order_by(Store.id))}
        data.stores = list(store_names.values())
        base_names: dict[int, str] = {}
        for b in s.scalars(select(InstalledBase).order_by(InstalledBase.id)):
            base_names[b.id] = b.name
            data.bases.append(
                BaseSpec(
                    b.name,
                    pid_sku[b.product_id],
                    store_names.get(b.store_id or -1),
                    b.installed_version,
                    b.installed_on,
                    b.platform_version,
                    b.server_version,
                    b.internet_exchange,
                )
            )
        codes: dict[int, str] = {}
        for d in s.scalars(select(Device).order_by(Device.id)):
            codes[d.id] = d.code
            data.devices.append(
                DeviceSpec(
                    d.code,
                    d.kind,
                    d.name,
                    store_names.get(d.store_id or -1),
                    base_names.get(d.base_id or -1),
                    d.platform_version,
                    d.client_version,
                )
            )
        lots: dict[int, list[LotSpec]] = {}
        for lot in s.scalars(select(ModuleLot).order_by(ModuleLot.id)):
            lots.setdefault(lot.license_id, []).append(
                LotSpec(pid_sku[lot.product_id], lot.seats, lot.purchased_on, lot.dropped_on)
            )
        history: dict[int, list[dict[str, object]]] = {}
        for ev in s.scalars(select(Event).where(Event.license_id.is_not(None)).order_by(Event.id)):
            assert ev.license_id is not None
            entry: dict[str, object] = {"kind": ev.kind, "at": ev.occurred_at.isoformat()}
            entry.update(json.loads(ev.details or "{}"))
            history.setdefault(ev.license_id, []).append(entry)
        for lic in s.scalars(select(License).order_by(License.id)):
            signed = None
            if lic.signature and lic.serial and lic.issued_at and lic.key_id:
                signed = SignedSpec(lic.serial, lic.issued_at, lic.key_id, lic.signature)
            data.licenses.append(
                LicenseSpec(
                    pid_sku[lic.product_id],
                    codes.get(lic.device_id or -1),
                    lic.activated_on,
                    lic.subscription_end,
                    lots.get(lic.id, []),
                    history.get(lic.id, []),
                    lic.period_start,
                    signed,
                )
            )
        for r in s.scalars(select(Release).order_by(Release.product_id, Release.released_on)):
            data.releases.append(
                ReleaseSpec(pid_sku[r.product_id], r.version, r.released_on, r.description, r.file)
            )
        data.settings = {
            st.key: st.value
            for st in s.scalars(select(Setting).order_by(Setting.key))
            if st.key not in SKIPPED_SETTINGS  # a store's identity is not data
        }
        # ... but the signatures name it, so the export says which store it was
        data.store_id = s.scalar(select(Setting.value).where(Setting.key == STORE_ID_KEY))
        return data


class _Loader:
    """One load: products, stores, bases, devices, then licenses through staging."""

    def __init__(self, conn: Connection, plan: ImportPlan, progress: Progress) -> None:
        self.c = conn
        self.plan = plan
        self.progress = progress
        self.pg = conn.dialect.name == "postgresql"
        self.ph = "%s" if self.pg else "?"  # the driver's placeholder (psycopg / sqlite3)
        self.now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
        # the stored form of ``now`` for driver-level statements (SQLite keeps text)
        to_db = DateTime().bind_processor(conn.dialect)
        self.stamp: Any = to_db(self.now) if to_db else self.now
        self.products: dict[str, tuple[int, str, str]] = {}  # sku -> id, name, line
        self.base_ids: dict[str, int] = {}
        self.store_ids: dict[str, int] = {}
        self._fts = False
        self.keep_signatures = False
        self.signed = 0

    # ---------------------------------------------------------------- helpers
    def _count(self, table: Table) -> int:
        return int(self.c.execute(select(func.count()).select_from(table)).scalar_one())

    def _insert_ignore(self, table: Table, rows: list[dict[str, Any]], key: str) -> None:
        if not rows:
            return
        dialect_insert = postgresql.insert if self.pg else sqlite.insert
        stmt = dialect_insert(table).on_conflict_do_nothing(index_elements=[key])
        for chunk in _chunks(rows, BATCH_ROWS):
            self.c.execute(stmt, chunk)

    def _day(self, day: dt.date | None) -> Any:
        # SQLite keeps dates as ISO text (what SQLAlchemy's Date writes); psycopg adapts dates.
        if day is None or self.pg:
            return day
        return day.isoformat()

    # ---------------------------------------------------------------- run
    def run(self) -> LoadSummary:
        plan = self.plan
        tables = (PRODUCTS, STORES, BASES, DEVICES, RELEASES)
        if self.pg:  # new license ids are ours to number: no other writer in between
            self.c.execute(text("LOCK TABLE licenses IN EXCLUSIVE MODE"))
        before = [self._count(t) for t in tables]
        self._load_products(plan.products)
        self._ensure_stores(plan.stores)
        self._load_bases(plan.bases)
        self._ensure_devices(plan.devices)
        self.keep_signatures = self._trust()
        new_licenses = self._load_licenses()
        self._load_releases(plan.releases)
        self._load_settings(plan.settings)
        after = [self._count(t) for t in tables]
        d = [a - b for a, b in zip(after, before, strict=True)]
        return LoadSummary(
            d[0],
            d[1],
            d[2],
            d[3],
            new_licenses,
            d[4],
            plan.skipped_settings,
            signed=self.signed,
            unsigned=self.unsigned(new_licenses),
        )

    def _trust(self) -> bool:
        """Whether this load keeps the file's signatures (decided once, here).

        A signature names the store it was issued to. It is kept when the file came
        from this very store, or when this store holds no signed license yet: that is
        a restore (a backup into a new database, a second PC's first import), and the
        store then takes the exported store's id, so the signatures verify here as
        they did there. Into a store that already holds another store's signed
        licenses they are left behind and the licenses show as not verified: a store
        has one id, and the licenses of two cannot both be verified in it.
        """
        plan = self.plan
        if not plan.signed_count or not plan.store_id:
            return False
        mine = self.c.execute(
            select(SETTINGS.c.value).where(SETTINGS.c.key == STORE_ID_KEY)
        ).scalar_one_or_none()
        if mine == plan.store_id:
            return True
        signed_here = self.c.execute(
            select(LICENSES.c.id).where(LICENSES.c.signature.is_not(None)).limit(1)
        ).first()
        if signed_here is not None:
            return False
        if mine is None:
            self.c.execute(insert(SETTINGS), {"key": STORE_ID_KEY, "value": plan.store_id})
        else:
            self.c.execute(
                SETTINGS.update().where(SETTINGS.c.key == STORE_ID_KEY).values(value=plan.store_id)
            )
        return True

    def unsigned(self, written: int) -> int:
        """Signed licenses of the file written without their signature."""
        return max(0, min(self.plan.signed_count, written) - self.signed)

    def _signed_columns(self, lic: LicenseSpec) -> tuple[Any, ...]:
        """period_start, serial, issued_at, key_id, signature as written for ``lic``."""
        sig = lic.signed if self.keep_signatures else None
        start = self._day(lic.period_start)
        if sig is None:
            return (start, None, None, None, None)
        return (start, sig.serial, self._stamp(sig.issued_at), sig.key_id, sig.signature)

    def _stamp(self, at: dt.datetime) -> Any:
        to_db = DateTime().bind_processor(self.c.dialect)
        return to_db(at) if to_db else at

    def _load_products(self, specs: list[ProductSpec]) -> None:
        stored = {
            r.sku: r
            for r in self.c.execute(
                select(
                    PRODUCTS.c.id,
                    PRODUCTS.c.sku,
                    PRODUCTS.c.name,
                    PRODUCTS.c.line,
                    PRODUCTS.c.currency,
                )
            )
        }
        problems = [
            Problem(
                f"products[{i}]",
                "currency",
                "conflict_stored",
                f"{p.currency} ≠ {stored[p.sku].currency}",
            )
            for i, p in enumerate(specs)
            if p.sku in stored and stored[p.sku].currency != p.currency
        ]
        if problems:
            raise DomainError("import_invalid", problems=problems)
        for p in specs:
            if p.sku not in stored:
                pid = self.c.execute(
                    insert(PRODUCTS).returning(PRODUCTS.c.id),
                    {
                        "sku": p.sku,
                        "name": p.name,
                        "line": p.line,
                        "kind": p.kind,
                        "currency": p.currency,
                        "renewal_sku": p.renewal_sku,
                    },
                ).scalar_one()
                self.products[p.sku] = (pid, p.name, p.line)
            else:
                r = stored[p.sku]
                self.products[p.sku] = (r.id, r.name, r.line)
            self._add_prices(self.products[p.sku][0], p)
        for r in stored.values():
            self.products.setdefault(r.sku, (r.id, r.name, r.line))

    def _add_prices(self, product_id: int, p: ProductSpec) -> None:
        known = set(
            self.c.execute(
                select(PRICES.c.effective_from).where(PRICES.c.product_id == product_id)
            ).scalars()
        )
        rows = [
            {
                "product_id": product_id,
                "effective_from": pr.effective_from,
                "amount_minor": _minor(pr.amount, p.currency),
            }
            for pr in p.prices
            if pr.effective_from not in known
        ]
        if rows:
            self.c.execute(insert(PRICES), rows)

    def _store_ids(self, names: Iterable[str]) -> dict[str, int]:
        wanted = [n for n in set(names) if n not in self.store_ids]
        for chunk in _chunks(wanted):
            for sid, name in self.c.execute(
                select(STORES.c.id, STORES.c.name).where(STORES.c.name.in_(chunk))
            ):
                self.store_ids[name] = sid
        if len(self.store_ids) > 100_000:  # keep memory flat with many stores
            self.store_ids = {}
        return self.store_ids

    def _ensure_stores(self, names: Iterable[str]) -> None:
        wanted = sorted(set(names))
        self._insert_ignore(STORES, [{"name": n} for n in wanted], "name")

    def _load_bases(self, specs: list[BaseSpec]) -> None:
        self._ensure_stores(b.store for b in specs if b.store)
        stores = self._store_ids(b.store for b in specs if b.store)
        self._insert_ignore(
            BASES,
            [
                {
                    "name": b.name,
                    "product_id": self.products[b.product_sku][0],
                    "store_id": stores.get(b.store) if b.store else None,
                    "installed_version": b.installed_version,
                    "installed_on": b.installed_on,
                    "platform_version": b.platform_version,
                    "server_version": b.server_version,
                    "internet_exchange": b.internet_exchange,
                }
                for b in specs
            ],
            "name",
        )
        if specs:
            self.base_ids = {
                name: bid for bid, name in self.c.execute(select(BASES.c.id, BASES.c.name))
            }

    def _ensure_devices(self, specs: list[DeviceSpec]) -> None:
        if not specs:
            return
        self._ensure_stores(d.store for d in specs if d.store)
        stores = self._store_ids(d.store for d in specs if d.store)
        # Driver-level executemany: this and the lookup below run once per batch of a
        # million-row import, where SQLAlchemy's per-row parameter handling would show.
        ph = self.ph
        sql = (
            "INSERT INTO devices(code, kind, name, store_id, base_id, platform_version,"
            f" client_version) VALUES ({', '.join([ph] * 7)}) ON CONFLICT (code) DO NOTHING"
        )
        rows = [
            (
                d.code,
                d.kind,
                d.name,
                stores[d.store] if d.store else None,
                self.base_ids[d.base] if d.base else None,
                d.platform_version,
                d.client_version,
            )
            for d in specs
        ]
        rows.sort(key=lambda r: r[0])  # neighbours in the code index: fewer pages touched
        for chunk in _chunks(rows, BATCH_ROWS):
            self.c.exec_driver_sql(sql, chunk)

    def _device_info(self, codes: set[str]) -> dict[str, tuple[int, str, str, str | None]]:
        """code -> (id, name, kind, store name) as stored (a stored device wins)."""
        out: dict[str, tuple[int, str, str, str | None]] = {}
        for chunk in _chunks(sorted(codes)):
            sql = (
                "SELECT d.code, d.id, d.name, d.kind, s.name FROM devices d"
                " LEFT JOIN stores s ON s.id = d.store_id"
                f" WHERE d.code IN ({', '.join([self.ph] * len(chunk))})"
            )
            for code, did, name, kind, store in self.c.exec_driver_sql(sql, tuple(chunk)):
                out[code] = (did, name, kind, store)
        return out

    # ---------------------------------------------------------------- licenses
    def _load_licenses(self) -> int:
        """Stream the licenses in. Into an empty table they go straight in, numbered in
        file order; otherwise through staging, where re-imported ones are absorbed."""
        plan, c = self.plan, self.c
        total = max(1, plan.license_count)
        direct = self._count(LICENSES) == 0
        base = self._id_base()
        saved: list[str] = []
        if direct and not self.pg and plan.license_count >= REBUILD_MIN_ROWS:
            # A big load into an empty table: building the indexes afterwards (sorted)
            # is several times faster than keeping a dozen random-order indexes and
            # the trigram index current row by row. DDL is transactional in SQLite:
            # a rollback or a kill -9 brings the indexes and the trigger back.
            saved = self._drop_license_indexes()
        if direct:
            target = (
                "INSERT INTO licenses(id, product_id, device_id, activated_on, subscription_end,"
                " search_text, sort_product, sort_kind, sort_device_code, sort_device,"
                " sort_store, sort_free, created_at, period_start, serial, issued_at, key_id,"
                f" signature) VALUES ({', '.join([self.ph] * 18)})"
            )
            events = (
                "INSERT INTO events(occurred_at, kind, license_id, device_id, details)"
                f" VALUES ({self.ph}, 'imported', {self.ph}, {self.ph}, '{{}}')"
            )
        else:
            for t in (STAGE, HAVE, KEEP):
                c.execute(text(f"DROP TABLE IF EXISTS {t.name}"))
                t.create(c)
            columns = list(STAGE.c.keys())
            target = (
                f"INSERT INTO import_stage ({', '.join(columns)})"
                f" VALUES ({', '.join([self.ph] * len(columns))})"
            )
        special: dict[int, tuple[LicenseSpec, int | None]] = {}
        seq = 0
        for devices, licenses in plan.batches(BATCH_ROWS):
            self._ensure_devices(devices)
            info = self._device_info({lic.device_code for lic in licenses if lic.device_code})
            rows: list[tuple[Any, ...]] = []
            plain_events: list[tuple[Any, ...]] = []
            for lic in licenses:
                seq += 1
                pid, pname, line = self.products[lic.product_sku]
                dev = info.get(lic.device_code) if lic.device_code else None
                did, dname, dkind, store = dev if dev else (None, None, None, None)
                p = search_params(
                    (
                        0,
                        pname,
                        lic.product_sku,
                        lic.device_code if dev else None,
                        dname,
                        store,
                        line,
                        dkind,
                    )
                )
                plain = not lic.modules and not lic.history
                if not plain:
                    special[seq] = (lic, did)
                derived = (p["text"], p["p"], p["k"], p["c"], p["d"], p["s"], p["f"])
                start, end = self._day(lic.activated_on), self._day(lic.subscription_end)
                signed = self._signed_columns(lic)
                if direct:
                    rows.append((base + seq, pid, did, start, end, *derived, self.stamp, *signed))
                    self.signed += signed[4] is not None
                    if plain:
                        plain_events.append((self.stamp, base + seq, did))
                else:
                    akey = self._day(lic.activated_on or NO_DAY)
                    rows.append(
                        (seq, pid, did, did or 0, akey, start, end, *derived, *signed, int(plain))
                    )
            c.exec_driver_sql(target, rows)
            if plain_events:
                c.exec_driver_sql(events, plain_events)
            self.progress.step(total + seq, 2 * total)
        if direct:
            kept = seq
            ids = {s: base + s for s in special}
        else:
            kept = self._number_licenses(base) if seq else 0
            ids = self._kept_ids(special)
            self.signed = self._serials_once()
            self._move(kept)
            self._drop_temp()
        if saved:
            self._restore_license_indexes(saved, base)
        if self.pg and kept:
            c.execute(
                text("SELECT setval(pg_get_serial_sequence('licenses', 'id'), :top)"),
                {"top": base + kept},
            )
        self._special(special, ids)
        self.progress.step(2 * total, 2 * total)
        return kept

    def _id_base(self) -> int:
        top = int(self.c.execute(select(func.coalesce(func.max(LICENSES.c.id), 0))).scalar_one())
        if self.pg:
            seq_name = self.c.execute(
                text("SELECT pg_get_serial_sequence('licenses', 'id')")
            ).scalar_one()
            last, called = self.c.execute(
                text(f"SELECT last_value, is_called FROM {seq_name}")
            ).one()
            top = max(top, int(last) if called else int(last) - 1)
        return top

    def _number_licenses(self, base: int) -> int:
        """Give every staged license that is new its id (in KEEP); return how many.

        Re-importing adds nothing twice: each stored license with the same product,
        device and activation day absorbs one incoming one (free ones too).
        """
        c = self.c
        c.execute(
            text(
                "INSERT INTO import_have(product_id, dkey, akey, n) "
                "SELECT product_id, COALESCE(device_id, 0), COALESCE(activated_on, :noday), "
                "COUNT(*) FROM licenses GROUP BY 1, 2, 3"
            ),
            {"noday": self._day(NO_DAY)},
        )
        c.execute(
            text(
                "INSERT INTO import_keep(seq, license_id) "
                f"SELECT seq, {base} + ROW_NUMBER() OVER (ORDER BY seq) FROM ("
                " SELECT s.seq AS seq, ROW_NUMBER() OVER ("
                "  PARTITION BY s.product_id, s.dkey, s.akey ORDER BY s.seq) AS n,"
                "  COALESCE(h.n, 0) AS have"
                " FROM import_stage s LEFT JOIN import_have h ON h.product_id = s.product_id"
                "  AND h.dkey = s.dkey AND h.akey = s.akey"
                ") x WHERE x.n > x.have"
            )
        )
        return self._count(KEEP)

    def _serials_once(self) -> int:
        """Leave behind the signature of a kept license whose serial is already stored
        (one license, one serial: the stored one stays verified); return how many
        kept licenses keep theirs."""
        if not self.keep_signatures:
            return 0
        self.c.execute(
            text(
                "UPDATE import_stage SET serial = NULL, issued_at = NULL, key_id = NULL,"
                " signature = NULL WHERE serial IN (SELECT serial FROM licenses"
                " WHERE serial IS NOT NULL)"
            )
        )
        return int(
            self.c.execute(
                text(
                    "SELECT COUNT(*) FROM import_keep k JOIN import_stage s ON s.seq = k.seq"
                    " WHERE s.signature IS NOT NULL"
                )
            ).scalar_one()
        )

    def _drop_license_indexes(self) -> list[str]:
        rows = self.c.exec_driver_sql(
            "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'licenses' "
            "AND sql IS NOT NULL AND (type = 'index' OR (type = 'trigger' AND name = ?))",
            (FTS_INSERT_TRIGGER,),
        ).all()
        for kind, name, _sql in rows:
            self.c.exec_driver_sql(f'DROP {kind.upper()} "{name}"')
        self._fts = any(kind == "trigger" for kind, _n, _s in rows)
        return [sql for _k, _n, sql in rows]

    def _restore_license_indexes(self, saved: list[str], base: int) -> None:
        if self._fts:  # what the insert trigger would have done, in one statement
            self.c.exec_driver_sql(
                "INSERT INTO license_fts(rowid, search_text) "
                f"SELECT id, search_text FROM licenses WHERE id > {int(base)} ORDER BY id"
            )
        for sql in saved:
            self.c.exec_driver_sql(sql)

    def _move(self, kept: int) -> None:
        c = self.c
        total = max(1, self.plan.license_count)
        lo, hi = c.execute(select(func.min(KEEP.c.license_id), func.max(KEEP.c.license_id))).one()
        if lo is None:
            return
        cols = (
            "product_id, device_id, activated_on, subscription_end, search_text, sort_product,"
            " sort_kind, sort_device_code, sort_device, sort_store, sort_free, period_start,"
            " serial, issued_at, key_id, signature"
        )
        s_cols = ", ".join(f"s.{x.strip()}" for x in cols.split(","))
        for start in range(lo, hi + 1, MOVE_ROWS):
            c.execute(
                text(
                    f"INSERT INTO licenses(id, created_at, {cols}) "
                    f"SELECT k.license_id, :now, {s_cols} FROM import_keep k "
                    "JOIN import_stage s ON s.seq = k.seq "
                    "WHERE k.license_id >= :a AND k.license_id < :b ORDER BY k.license_id"
                ),
                {"now": self.stamp, "a": start, "b": start + MOVE_ROWS},
            )
            c.execute(
                text(
                    "INSERT INTO events(occurred_at, kind, license_id, device_id, details) "
                    "SELECT :now, 'imported', k.license_id, s.device_id, '{}' "
                    "FROM import_keep k JOIN import_stage s ON s.seq = k.seq "
                    "WHERE s.plain = 1 AND k.license_id >= :a AND k.license_id < :b "
                    "ORDER BY k.license_id"
                ),
                {"now": self.stamp, "a": start, "b": start + MOVE_ROWS},
            )
            done = min(kept, start + MOVE_ROWS - lo)
            self.progress.step(total + int(total * 0.999 * done / max(1, kept)), 2 * total)

    def _kept_ids(self, special: dict[int, tuple[LicenseSpec, int | None]]) -> dict[int, int]:
        """seq -> new license id of the staged licenses with modules or history."""
        ids: dict[int, int] = {}
        for chunk in _chunks(sorted(special)):
            rows = self.c.execute(
                select(KEEP.c.seq, KEEP.c.license_id).where(KEEP.c.seq.in_(chunk))
            )
            ids.update((seq, lid) for seq, lid in rows)
        return ids

    def _special(
        self, special: dict[int, tuple[LicenseSpec, int | None]], ids: dict[int, int]
    ) -> None:
        """Module lots and own history (JSON imports) of the licenses that were kept."""
        lots: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        for seq, lid in ids.items():
            lic, did = special[seq]
            lots.extend(
                {
                    "license_id": lid,
                    "product_id": self.products[lot.module_sku][0],
                    "seats": lot.seats,
                    "purchased_on": lot.purchased_on,
                    "dropped_on": lot.dropped_on,
                }
                for lot in lic.modules
            )
            for ev in lic.history or [{"kind": "imported"}]:
                details = {k: v for k, v in ev.items() if k not in ("kind", "at")}
                events.append(
                    {
                        "occurred_at": parse_history_time(ev.get("at")) or self.now,
                        "kind": str(ev.get("kind", "imported")),
                        "license_id": lid,
                        "device_id": did,
                        "base_id": None,
                        "details": json.dumps(details, ensure_ascii=False, default=str),
                    }
                )
        for chunk in _chunks(lots, BATCH_ROWS):
            self.c.execute(insert(LOTS), chunk)
        for chunk in _chunks(events, BATCH_ROWS):
            self.c.execute(insert(EVENTS), chunk)

    def _drop_temp(self) -> None:
        for t in (KEEP, HAVE, STAGE):
            self.c.execute(text(f"DROP TABLE IF EXISTS {t.name}"))

    # ---------------------------------------------------------------- the rest
    def _load_releases(self, specs: list[ReleaseSpec]) -> None:
        if not specs:
            return
        known = {
            (r[0], r[1]) for r in self.c.execute(select(RELEASES.c.product_id, RELEASES.c.version))
        }
        rows = []
        for r in specs:
            pid = self.products[r.product_sku][0]
            if (pid, r.version) in known:
                continue
            known.add((pid, r.version))
            rows.append(
                {
                    "product_id": pid,
                    "version": r.version,
                    "released_on": r.released_on,
                    "description": r.description,
                    "file": r.file,
                }
            )
        for chunk in _chunks(rows, BATCH_ROWS):
            self.c.execute(insert(RELEASES), chunk)

    def _load_settings(self, settings: dict[str, str]) -> None:
        self._insert_ignore(SETTINGS, [{"key": k, "value": v} for k, v in settings.items()], "key")
