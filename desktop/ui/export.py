"""Export the rows currently shown (filter and order applied) to CSV or XLSX.

Headers are the columns' own, in the UI language; values are the columns' raw values,
so dates stay dates and days stay numbers in a spreadsheet. Rows stream from one
cursor into the file (openpyxl's write-only mode for XLSX), with progress and cancel;
the file appears under its name only when complete.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from desktop.domain.errors import DomainError
from desktop.services import licenses
from desktop.services.licenses import Verifier
from desktop.services.ports import Database, LicenseQuery
from desktop.services.progress import Progress
from desktop.ui.columns import COLUMNS


def _csv_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def export_rows(
    db: Database, query: LicenseQuery, verifier: Verifier, path: Path, progress: Progress
) -> int:
    """Write the query's rows; returns how many. Runs on a worker (desktop.ui.ops)."""
    headers = [c.header() for c in COLUMNS]
    rows = licenses.stream(db, query, verifier, progress)
    tmp = path.with_name(path.name + ".part")
    count = 0
    try:
        if path.suffix.lower() == ".xlsx":
            from openpyxl import Workbook

            wb = Workbook(write_only=True)
            ws = wb.create_sheet("Licenses")
            ws.append(headers)
            for row in rows:
                ws.append([c.value(row) for c in COLUMNS])
                count += 1
            wb.save(tmp)
        else:
            with tmp.open("w", newline="", encoding="utf-8-sig") as fh:
                writer = csv.writer(fh)
                writer.writerow(headers)
                for row in rows:
                    writer.writerow([_csv_value(c.value(row)) for c in COLUMNS])
                    count += 1
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DomainError("export_failed", path=str(path), reason=exc.strerror or "") from None
    except BaseException:
        tmp.unlink(missing_ok=True)  # cancelled or failed: no half file under any name
        raise
    return count
