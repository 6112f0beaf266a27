"""Read side of the license table in hand-written SQL over a DB-API connection.

The table's queries are few and hot, so they are SQL text, not ORM or Core
expressions (PERFORMANCE.md traps 8 and 9): a page costs what the SQL costs, and the
window can show its first rows through the plain ``sqlite3`` module before
SQLAlchemy is even imported (desktop.storage.fastread). One builder serves SQLite
(``?`` parameters, FTS5 search) and PostgreSQL (``%s`` parameters, LIKE search).

* Filters are WHERE clauses on indexed columns of ``licenses``; COUNT touches only
  that table (and ``devices`` for a store filter).
* Every sort key is an indexed column of ``licenses`` (the ``sort_*`` copies kept by
  desktop.storage.search_index), with the id as tie-breaker, so no page needs a temp
  B-tree and every page is deterministic.
* Deep pages are read from the nearer end with the order reversed, so the OFFSET
  that SQL walks is at most half the result (trap 3).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from desktop.domain.status import LicenseStatus, expiring_window
from desktop.services.ports import LicenseQuery, LicenseRecord, SortKey

#: FTS5's trigram tokenizer needs at least three characters.
FTS_MIN_CHARS = 3
#: From this offset on, a page asks for the total to decide which end is nearer.
DEEP_OFFSET = 50_000

_SELECT = (
    "SELECT l.id, p.sku, p.name, p.line, l.device_id, d.code, d.name, d.kind, d.store_id, "
    "s.name, l.activated_on, l.subscription_end, l.key_id, l.signature, "
    "l.serial, l.period_start, l.issued_at "
    "FROM licenses l JOIN products p ON p.id = l.product_id "
    "LEFT JOIN devices d ON d.id = l.device_id LEFT JOIN stores s ON s.id = d.store_id"
)

_SORT_COLUMNS: dict[SortKey, tuple[str, ...]] = {
    SortKey.PRODUCT: ("l.sort_product",),
    SortKey.KIND: ("l.sort_kind",),
    SortKey.DEVICE_CODE: ("l.sort_device_code",),
    SortKey.DEVICE: ("l.sort_device",),
    SortKey.STORE: ("l.sort_store",),
    # Status is monotonic in the end date for bound licenses: by end, free ones last.
    SortKey.STATUS: ("l.sort_free", "l.subscription_end"),
    SortKey.ACTIVATED: ("l.activated_on",),
    SortKey.END: ("l.subscription_end",),
    SortKey.DAYS_LEFT: ("l.subscription_end",),
    SortKey.ID: (),
}


class LicenseSql:
    """Builds the SQL text and parameters of the table's queries for one dialect."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        self.ph = "?" if dialect == "sqlite" else "%s"

    def _date(self, day: dt.date) -> Any:
        return day.isoformat() if self.dialect == "sqlite" else day

    def status_parts(
        self, status: LicenseStatus, today: dt.date, threshold: int
    ) -> list[tuple[str, list[Any]]]:
        """One status as disjoint conditions, each an index range on ``licenses``.

        The rule is desktop.domain.status.license_status with ``valid`` left to the
        verifier: free = not bound; then by the end date, and a bound license without
        an end date (imports refuse one, a hand edit can leave one) is expired, as the
        status function says. tests/integration/test_status_rule.py holds the two equal.
        """
        ph = self.ph
        bound = "l.device_id IS NOT NULL"
        if status is LicenseStatus.FREE:
            return [("l.device_id IS NULL", [])]
        if status is LicenseStatus.EXPIRING:
            lo, hi = expiring_window(today, threshold)
            return [
                (
                    f"{bound} AND l.subscription_end BETWEEN {ph} AND {ph}",
                    [self._date(lo), self._date(hi)],
                )
            ]
        if status is LicenseStatus.EXPIRED:
            return [
                (f"{bound} AND l.subscription_end < {ph}", [self._date(today)]),
                (f"{bound} AND l.subscription_end IS NULL", []),
            ]
        if status is LicenseStatus.ACTIVE:
            hi = expiring_window(today, threshold)[1]
            return [(f"{bound} AND l.subscription_end > {ph}", [self._date(hi)])]
        return [("1 = 0", [])]  # INVALID is decided by signature verification, not by SQL

    def status_condition(
        self, status: LicenseStatus, today: dt.date, threshold: int, params: list[Any]
    ) -> str:
        """The status as one condition (pages and streams; a count sums status_parts)."""
        if status is LicenseStatus.EXPIRED:
            # One OR on the end date, tested first on the end-date index SQLite walks:
            # as two bound-and-end terms it read every passed row (~1 s a page at 1 M).
            params.append(self._date(today))
            return (
                f"(l.subscription_end < {self.ph} OR l.subscription_end IS NULL) "
                "AND l.device_id IS NOT NULL"
            )
        [(cond, values)] = self.status_parts(status, today, threshold)
        params += values
        return cond

    def search_condition(self, folded: str, params: list[Any]) -> str:
        """Substring search on the case-folded search text (FTS5 trigram on SQLite)."""
        if self.dialect == "sqlite" and len(folded) >= FTS_MIN_CHARS:
            params.append('"' + folded.replace('"', '""') + '"')
            return f"l.id IN (SELECT rowid FROM license_fts WHERE license_fts MATCH {self.ph})"
        params.append(
            "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        )
        return f"l.search_text LIKE {self.ph} ESCAPE '\\'"

    def where(self, query: LicenseQuery, params: list[Any], *, with_status: bool = True) -> str:
        ph = self.ph
        conds: list[str] = []
        if with_status and query.status is not None:
            conds.append(
                self.status_condition(query.status, query.today, query.threshold_days, params)
            )
        if query.expiring_within is not None:
            conds.append(
                self.status_condition(
                    LicenseStatus.EXPIRING, query.today, query.expiring_within, params
                )
            )
        if query.store_id is not None:
            params.append(query.store_id)
            conds.append(f"d.store_id = {ph}")
        if query.license_ids is not None:
            ids = [int(i) for i in query.license_ids] or [-1]
            conds.append(f"l.id IN ({', '.join(str(i) for i in ids)})")
        text = query.search.strip().casefold()
        if text:
            conds.append(self.search_condition(text, params))
        return " WHERE " + " AND ".join(conds) if conds else ""

    @staticmethod
    def order_by(query: LicenseQuery, reverse: bool) -> str:
        """The query's order, or (``reverse``) its exact mirror for reading a deep page
        from the far end.

        Empty values (free, never activated) go last in both directions, so the mirror
        of ``ASC NULLS LAST`` is ``DESC NULLS FIRST``. The id is never NULL and stays a
        plain ASC/DESC, or SQLite sorts ties in a temp B-tree. Every one of these orders
        walks one index: SQLite reads any of them from the plain ``(c, id)`` index;
        PostgreSQL reads ``(c, id)`` and ``(c DESC NULLS LAST, id DESC)`` (migration
        0008_scale) forwards or backwards.
        """
        desc = query.descending != reverse
        # Empty values (free, never activated) go last in both directions; the id is
        # never NULL and stays a plain ASC/DESC, or SQLite sorts ties in a temp B-tree.
        # A page read backwards (``reverse``) walks the exact reverse of that order, so
        # its empty values come first.
        direction = "DESC" if desc else "ASC"
        nulls = "NULLS FIRST" if reverse else "NULLS LAST"
        columns = _SORT_COLUMNS[query.sort]
        # NULLS placement only on a leading nullable key: SQLite walks an index for it,
        # but not for a second key, where it would sort in a temp B-tree again.
        keys = [
            f"{c} {direction} {nulls}" if i == 0 and c != "l.sort_free" else f"{c} {direction}"
            for i, c in enumerate(columns)
        ]
        keys.append(f"l.id {direction}")
        return " ORDER BY " + ", ".join(keys)

    def count(
        self,
        query: LicenseQuery,
        *,
        with_status: bool = True,
        extra: str = "",
        extra_params: list[Any] | None = None,
    ) -> tuple[str, list[Any]]:
        if with_status and query.status is not None:
            parts = self.status_parts(query.status, query.today, query.threshold_days)
            if len(parts) > 1:
                # A sum of index range counts: an OR would cost a multi-index OR (2x).
                assert not extra
                counts: list[str] = []
                params: list[Any] = []
                for cond, values in parts:
                    sql, part_params = self.count(
                        query, with_status=False, extra=f"({cond})", extra_params=values
                    )
                    counts.append(f"({sql})")
                    params += part_params
                return "SELECT " + " + ".join(counts), params
        params = []
        where = self.where(query, params, with_status=with_status)
        if extra:
            where = (where + " AND " if where else " WHERE ") + extra
            params += extra_params or []
        join = " JOIN devices d ON d.id = l.device_id" if query.store_id is not None else ""
        return f"SELECT count(*) FROM licenses l{join}{where}", params

    def page(
        self, query: LicenseQuery, offset: int, limit: int, reverse: bool
    ) -> tuple[str, list[Any]]:
        params: list[Any] = []
        where = self.where(query, params)
        order = self.order_by(query, reverse)
        window = f" LIMIT {int(limit)} OFFSET {int(offset)}"
        # The OFFSET walks the licenses' index alone; only the page's ids are joined
        # with products, devices and stores (joining every skipped row cost ~10 ms
        # at offset 50,000).
        join = " JOIN devices d ON d.id = l.device_id" if query.store_id is not None else ""
        ids = f"SELECT l.id FROM licenses l{join}{where}{order}{window}"
        return f"{_SELECT} WHERE l.id IN ({ids}){order}", params


#: The statuses counted as index ranges; expired is the rest (see status_parts).
_RANGE_COUNTED = (LicenseStatus.FREE, LicenseStatus.EXPIRING, LicenseStatus.ACTIVE)


def _with_expired(counts: dict[LicenseStatus, int], total: int) -> dict[LicenseStatus, int]:
    """The four quick-filter counts, expired being the licenses no range counted."""
    return {
        LicenseStatus.FREE: counts[LicenseStatus.FREE],
        LicenseStatus.EXPIRING: counts[LicenseStatus.EXPIRING],
        LicenseStatus.EXPIRED: total - sum(counts.values()),
        LicenseStatus.ACTIVE: counts[LicenseStatus.ACTIVE],
    }


@lru_cache(maxsize=8192)
def _parse_day(text: str) -> dt.date:
    # A million rows hold a few thousand distinct days: parse each once.
    return dt.date.fromisoformat(text[:10])


def _as_date(value: Any) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    return _parse_day(str(value))


def _as_utc(value: Any) -> dt.datetime | None:
    """A stored UTC moment (naive in the database) as an aware datetime."""
    if value is None:
        return None
    moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=dt.UTC, microsecond=0)


def _record(row: Any) -> LicenseRecord:
    return LicenseRecord(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        row[5],
        row[6],
        row[7],
        row[8],
        row[9],
        _as_date(row[10]),
        _as_date(row[11]),
        row[12],
        row[13],
        row[14],
        _as_date(row[15]),
        _as_utc(row[16]),
    )


class DbapiLicenseReader:
    """LicenseReader over a DB-API connection (sqlite3, or psycopg through SQLAlchemy)."""

    def __init__(self, connection: Any, dialect: str) -> None:
        self._conn = connection
        self._sql = LicenseSql(dialect)
        self._streams = 0

    def _all(self, sql: str, params: list[Any]) -> list[Any]:
        cur = self._conn.cursor()
        try:
            cur.execute(sql, params)
            rows: list[Any] = cur.fetchall()
            return rows
        finally:
            cur.close()

    def _scalar(self, sql: str, params: list[Any]) -> Any:
        rows = self._all(sql, params)
        return rows[0][0] if rows else None

    def count(self, query: LicenseQuery) -> int:
        return int(self._scalar(*self._sql.count(query)) or 0)

    def page(
        self, query: LicenseQuery, offset: int, limit: int, total: int | None = None
    ) -> list[LicenseRecord]:
        """Rows [offset, offset+limit) of the ordered result (``total`` if already known)."""
        if offset > DEEP_OFFSET:
            total = self.count(query) if total is None else total
            if offset > total // 2:  # nearer the end: read backwards
                end = min(total, offset + limit)
                if end <= offset:
                    return []
                rows = self._all(*self._sql.page(query, total - end, end - offset, True))
                return [_record(r) for r in reversed(rows)]
        return [_record(r) for r in self._all(*self._sql.page(query, offset, limit, False))]

    def stream(self, query: LicenseQuery, batch: int) -> Iterator[list[LicenseRecord]]:
        params: list[Any] = []
        where = self._sql.where(query, params)
        order = LicenseSql.order_by(query, False)
        # One ordered pass over one cursor (_SELECT already joins devices as d). On
        # PostgreSQL a named (server-side) cursor: psycopg's default cursor would hold
        # the whole result in client memory before the first row.
        sql = f"{_SELECT}{where}{order}"
        cur = self._cursor(batch)
        try:
            cur.execute(sql, params)
            while True:
                rows = cur.fetchmany(batch)
                if not rows:
                    return
                yield [_record(r) for r in rows]
        finally:
            cur.close()

    def _cursor(self, batch: int) -> Any:
        """A cursor that streams its result (sqlite3 always does)."""
        if self._sql.dialect != "postgresql":
            return self._conn.cursor()
        self._streams += 1
        cur = self._conn.cursor(name=f"licdesk_stream_{id(self)}_{self._streams}")
        cur.itersize = batch
        return cur

    def get(self, license_id: int) -> LicenseRecord | None:
        rows = self._all(f"{_SELECT} WHERE l.id = {self._sql.ph}", [license_id])
        return _record(rows[0]) if rows else None

    def status_counts(self, query: LicenseQuery) -> dict[LicenseStatus, int]:
        """Counts per status for the quick filters.

        The whole store: four indexed range counts, no row scan. Narrowed by a search or
        a store: one pass over the (few) matching rows, so the search runs once. Expired
        is what is left of the bound licenses (ended, or without an end date).
        """
        if query.search.strip() or query.store_id is not None:
            return self._counts_in_one_pass(query)
        counts: dict[LicenseStatus, int] = {}
        for status in _RANGE_COUNTED:
            extra_params: list[Any] = []
            extra = self._sql.status_condition(
                status, query.today, query.threshold_days, extra_params
            )
            sql, params = self._sql.count(
                query, with_status=False, extra=f"({extra})", extra_params=extra_params
            )
            counts[status] = int(self._scalar(sql, params) or 0)
        total = int(self._scalar(*self._sql.count(query, with_status=False)) or 0)
        return _with_expired(counts, total)

    def _counts_in_one_pass(self, query: LicenseQuery) -> dict[LicenseStatus, int]:
        sql = self._sql
        case_params: list[Any] = []  # the CASEs come first in the text, so do their values
        cases = [
            "sum(CASE WHEN "
            + sql.status_condition(status, query.today, query.threshold_days, case_params)
            + " THEN 1 ELSE 0 END)"
            for status in _RANGE_COUNTED
        ]
        where_params: list[Any] = []
        where = sql.where(query, where_params, with_status=False)
        join = " JOIN devices d ON d.id = l.device_id" if query.store_id is not None else ""
        text = f"SELECT count(*), {', '.join(cases)} FROM licenses l{join}{where}"
        total, *values = (int(v or 0) for v in self._all(text, case_params + where_params)[0])
        return _with_expired(dict(zip(_RANGE_COUNTED, values, strict=True)), total)

    def store_is_empty(self) -> bool:
        """No products and no licenses: the first start's question."""
        return not self._scalar(
            "SELECT 1 WHERE EXISTS (SELECT 1 FROM licenses) OR EXISTS (SELECT 1 FROM products)",
            [],
        )

    def latest_event_time(self) -> dt.datetime | None:
        # the history is append-only: the newest id is the newest entry (no scan)
        value = self._scalar("SELECT occurred_at FROM events ORDER BY id DESC LIMIT 1", [])
        moment = _as_utc(value)
        return moment.replace(tzinfo=None) if moment is not None else None

    def next_end(self, today: dt.date) -> dt.date | None:
        ph = self._sql.ph
        value = self._scalar(
            "SELECT min(subscription_end) FROM licenses "
            f"WHERE device_id IS NOT NULL AND subscription_end >= {ph}",
            [self._sql._date(today)],
        )
        return _as_date(value)
