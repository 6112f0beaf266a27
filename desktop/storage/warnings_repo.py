"""The staged warnings in SQL: which licenses are due, at which stage, shown or not.

Every question is one statement over the due range of ``licenses`` (an index range on
the end date), so a million licenses cost what the SQL costs and no statement carries
one parameter per license (SQLite allows 32,766, psycopg 65,535):

* the stage is a ``CASE`` over the end date (stages as end-date bounds);
* "already shown" is a join on the primary key of ``warnings_shown``
  (license, stage, end date): a renewal moves the end and re-arms every stage;
* acknowledging is one ``INSERT ... SELECT`` of every pending stage.

Hand-written SQL over the DB-API connection, like desktop.storage.license_reader (whose
row shape and parameter style it shares).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from desktop.domain.warnings import ENDED_STAGE
from desktop.services.ports import DueRecord, WarningCount, WarningScope
from desktop.storage.license_reader import _SELECT, LicenseSql, _record

_SHOWN_JOIN = (
    " LEFT JOIN warnings_shown w ON w.license_id = l.id AND w.end_date = l.subscription_end"
    " AND w.stage = {stage}"
)


class WarningSql:
    """SQL text and parameters of the warning queries for one dialect."""

    def __init__(self, dialect: str) -> None:
        self._lic = LicenseSql(dialect)
        self.ph = self._lic.ph

    def _date(self, day: dt.date) -> Any:
        return self._lic._date(day)

    def stage(self, scope: WarningScope, params: list[Any]) -> str:
        """The stage of a due license: ENDED_STAGE once ended, else the smallest stage
        whose bound its end has reached (desktop.domain.warnings.stage_for)."""
        ph = self.ph
        params.append(self._date(scope.today))
        parts = [f"CASE WHEN l.subscription_end < {ph} THEN {ENDED_STAGE}"]
        for s in sorted(set(scope.stages)):
            params.append(self._date(scope.today + dt.timedelta(days=s)))
            parts.append(f" WHEN l.subscription_end <= {ph} THEN {int(s)}")
        parts.append(" END")
        return "".join(parts)

    def due(self, scope: WarningScope, params: list[Any]) -> str:
        ph = self.ph
        oldest = scope.today - dt.timedelta(days=scope.max_ended_age_days)
        stages = [s for s in scope.stages]
        newest = (
            scope.today + dt.timedelta(days=max(stages))
            if stages
            else scope.today - dt.timedelta(days=1)
        )
        params += [self._date(oldest), self._date(newest)]
        conds = [f"l.device_id IS NOT NULL AND l.subscription_end BETWEEN {ph} AND {ph}"]
        if scope.store_id is not None:
            params.append(scope.store_id)
            conds.append(f"d.store_id = {ph}")
        elif scope.no_store:
            conds.append("d.store_id IS NULL")
        if scope.pending_only:
            conds.append("w.license_id IS NULL")
        return " WHERE " + " AND ".join(conds)

    def _from(self, scope: WarningScope, params: list[Any], *, devices: bool) -> str:
        """licenses l [JOIN devices d] LEFT JOIN warnings_shown w, with the due filter."""
        join = " JOIN devices d ON d.id = l.device_id" if devices else ""
        shown = _SHOWN_JOIN.format(stage=self.stage(scope, params))
        return f" FROM licenses l{join}{shown}{self.due(scope, params)}"

    def summary(self, scope: WarningScope) -> tuple[str, list[Any]]:
        params: list[Any] = []
        stage = self.stage(scope, params)
        body = self._from(scope, params, devices=True)
        inner = (
            f"SELECT {stage} AS stage, d.store_id AS store_id, "
            f"CASE WHEN w.license_id IS NULL THEN 1 ELSE 0 END AS pending{body}"
        )
        return (
            "SELECT x.stage, x.store_id, s.name, count(*), sum(x.pending) "
            f"FROM ({inner}) x LEFT JOIN stores s ON s.id = x.store_id "
            "GROUP BY x.stage, x.store_id, s.name "
            # one order on every database: by stage, devices without a store first
            "ORDER BY x.stage, x.store_id IS NOT NULL, x.store_id",
            params,
        )

    def count(self, scope: WarningScope) -> tuple[str, list[Any]]:
        params: list[Any] = []
        devices = scope.store_id is not None or scope.no_store
        return f"SELECT count(*){self._from(scope, params, devices=devices)}", params

    def rows(
        self,
        scope: WarningScope,
        *,
        offset: int = 0,
        limit: int | None = None,
        reverse: bool = False,
    ) -> tuple[str, list[Any]]:
        """The license rows (license_reader's shape) plus stage and pending, by end date
        then id (``reverse``: the exact mirror, for a deep page read from the far end)."""
        params: list[Any] = []
        stage = self.stage(scope, params)
        shown = _SHOWN_JOIN.format(stage=self.stage(scope, params))
        where = self.due(scope, params)
        direction = "DESC" if reverse else "ASC"
        window = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
        # _SELECT joins devices (d) and stores (s) already; the end date is never NULL here.
        sql = (
            f"{_SELECT[: _SELECT.index(' FROM ')]}, {stage}, "
            f"CASE WHEN w.license_id IS NULL THEN 1 ELSE 0 END"
            f"{_SELECT[_SELECT.index(' FROM ') :]}{shown}{where}"
            f" ORDER BY l.subscription_end {direction}, l.id {direction}{window}"
        )
        return sql, params

    def ids(self, scope: WarningScope, limit: int) -> tuple[str, list[Any]]:
        params: list[Any] = []
        devices = scope.store_id is not None or scope.no_store
        body = self._from(scope, params, devices=devices)
        return f"SELECT l.id{body} ORDER BY l.subscription_end, l.id LIMIT {int(limit)}", params

    def mark_shown(self, scope: WarningScope) -> tuple[str, list[Any]]:
        params: list[Any] = []
        stage = self.stage(scope, params)
        params.append(self._date(scope.today))
        shown_on = self.ph
        pending = WarningScope(
            scope.today,
            scope.threshold_days,
            scope.stages,
            scope.max_ended_age_days,
            pending_only=True,
            store_id=scope.store_id,
            no_store=scope.no_store,
        )
        devices = scope.store_id is not None or scope.no_store
        body = self._from(pending, params, devices=devices)
        return (
            "INSERT INTO warnings_shown (license_id, stage, end_date, shown_on) "
            f"SELECT l.id, {stage}, l.subscription_end, {shown_on}{body}",
            params,
        )


def _due(row: Any) -> DueRecord:
    return (_record(row), int(row[-2]), bool(row[-1]))


class DbapiWarningsRepo:
    """WarningsRepo over a DB-API connection (sqlite3, or psycopg under SQLAlchemy)."""

    def __init__(self, connection: Any, dialect: str) -> None:
        self._conn = connection
        self._dialect = dialect
        self._sql = WarningSql(dialect)
        self._streams = 0

    def _all(self, sql: str, params: list[Any]) -> list[Any]:
        cur = self._conn.cursor()
        try:
            cur.execute(sql, params)
            rows: list[Any] = cur.fetchall()
            return rows
        finally:
            cur.close()

    def summary(self, scope: WarningScope) -> list[WarningCount]:
        return [
            WarningCount(int(r[0]), r[1], r[2], int(r[3]), int(r[4] or 0))
            for r in self._all(*self._sql.summary(scope))
        ]

    def count(self, scope: WarningScope) -> int:
        return int(self._all(*self._sql.count(scope))[0][0])

    def page(
        self, scope: WarningScope, offset: int, limit: int, total: int | None = None
    ) -> list[DueRecord]:
        if offset > 10_000:  # a deep page: read it from the nearer end (trap 3)
            total = self.count(scope) if total is None else total
            if offset > total // 2:
                end = min(total, offset + limit)
                if end <= offset:
                    return []
                rows = self._all(
                    *self._sql.rows(scope, offset=total - end, limit=end - offset, reverse=True)
                )
                return [_due(r) for r in reversed(rows)]
        return [_due(r) for r in self._all(*self._sql.rows(scope, offset=offset, limit=limit))]

    def stream(self, scope: WarningScope, batch: int) -> Iterator[list[DueRecord]]:
        sql, params = self._sql.rows(scope)
        if self._dialect == "postgresql":  # server-side: not the whole result in memory
            self._streams += 1
            cur = self._conn.cursor(name=f"licdesk_warnings_{id(self)}_{self._streams}")
            cur.itersize = batch
        else:
            cur = self._conn.cursor()
        try:
            cur.execute(sql, params)
            while True:
                rows = cur.fetchmany(batch)
                if not rows:
                    return
                yield [_due(r) for r in rows]
        finally:
            cur.close()

    def ids(self, scope: WarningScope, limit: int) -> list[int]:
        return [int(r[0]) for r in self._all(*self._sql.ids(scope, limit))]

    def mark_shown(self, scope: WarningScope) -> int:
        cur = self._conn.cursor()
        try:
            cur.execute(*self._sql.mark_shown(scope))
            return int(cur.rowcount or 0)
        finally:
            cur.close()
