"""Which staged warning was already shown, per license, stage and end date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from desktop.storage.schema import WarningShown


class SqlWarningsRepo:
    def __init__(self, session: Session) -> None:
        self._s = session

    def shown(self, keys: Iterable[tuple[int, int, dt.date]]) -> set[tuple[int, int, dt.date]]:
        wanted = list(keys)
        found: set[tuple[int, int, dt.date]] = set()
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            rows = self._s.execute(
                select(WarningShown.license_id, WarningShown.stage, WarningShown.end_date).where(
                    tuple_(WarningShown.license_id, WarningShown.stage, WarningShown.end_date).in_(
                        chunk
                    )
                )
            )
            found.update((r[0], r[1], r[2]) for r in rows)
        return found

    def mark_shown(self, keys: Iterable[tuple[int, int, dt.date]], today: dt.date) -> None:
        wanted = set(keys)
        for key in wanted - self.shown(wanted):
            self._s.add(
                WarningShown(license_id=key[0], stage=key[1], end_date=key[2], shown_on=today)
            )
        self._s.flush()
