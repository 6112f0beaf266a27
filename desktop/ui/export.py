"""Export the rows currently shown (filter and order applied) to CSV or XLSX.

Headers are the columns' own, in the UI language; values are the columns' raw values,
so dates stay dates and days stay numbers in a spreadsheet. Rows stream from one
cursor into the file (openpyxl's write-only mode for XLSX), with progress and cancel;
the file appears under its name only when complete.
"""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Callable, Hashable, Iterator
from pathlib import Path
from typing import Any

from desktop.domain.errors import DomainError
from desktop.services import licenses
from desktop.services.licenses import LicenseRow, Verifier
from desktop.services.ports import Database, LicenseQuery
from desktop.services.progress import Progress
from desktop.ui.columns import COLUMNS, Col


def _discard(sheet: Any) -> None:
    """A cancelled write-only sheet: end its row writer and delete its temporary file
    now (left to the garbage collector, the writer complains about a closed file)."""
    with contextlib.suppress(Exception):
        sheet.close()
    with contextlib.suppress(Exception):
        sheet._writer.cleanup()


def _values() -> list[Callable[[LicenseRow], object]]:
    """Each column's raw value; the translated texts (state, kind) memoised per export,
    since a million rows hold a few hundred distinct ones."""
    out: list[Callable[[LicenseRow], object]] = []
    for c in COLUMNS:
        if c.col is Col.STATUS:
            out.append(_memo(c.value, lambda r: (r.status, r.days_left)))
        elif c.col is Col.KIND:
            out.append(_memo(c.value, lambda r: (r.product_line, r.device_kind)))
        else:
            out.append(c.value)
    return out


def _memo(
    value: Callable[[LicenseRow], object], key: Callable[[LicenseRow], Hashable]
) -> Callable[[LicenseRow], object]:
    seen: dict[Hashable, object] = {}

    def get(row: LicenseRow) -> object:
        k = key(row)
        v = seen.get(k, seen)
        if v is seen:
            v = seen[k] = value(row)
        return v

    return get


def export_rows(
    db: Database, query: LicenseQuery, verifier: Verifier, path: Path, progress: Progress
) -> int:
    """Write the query's rows; returns how many. Runs on a worker (desktop.ui.ops)."""
    headers = [c.header() for c in COLUMNS]
    values = _values()
    rows = licenses.stream(db, query, verifier, progress)
    tmp = path.with_name(path.name + ".part")
    count = 0
    try:
        if path.suffix.lower() == ".xlsx":
            from openpyxl import Workbook

            wb = Workbook(write_only=True)
            ws = wb.create_sheet("Licenses")
            try:
                ws.append(headers)
                for row in rows:
                    ws.append([v(row) for v in values])
                    count += 1
            except BaseException:
                _discard(ws)
                raise
            wb.save(tmp)
        else:
            with tmp.open("w", newline="", encoding="utf-8-sig") as fh:
                writer = csv.writer(fh)
                writer.writerow(headers)
                # csv writes None as an empty field and a date as str(date): ISO 8601.
                counted = [0]

                def lines() -> Iterator[list[object]]:
                    for row in rows:
                        counted[0] += 1
                        yield [v(row) for v in values]

                writer.writerows(lines())
                count = counted[0]
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DomainError("export_failed", path=str(path), reason=exc.strerror or "") from None
    except BaseException:
        tmp.unlink(missing_ok=True)  # cancelled or failed: no half file under any name
        raise
    return count
