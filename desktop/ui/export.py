"""Export the rows currently shown (filter and order applied) to CSV or XLSX.

Headers are the columns' own, in the UI language; values are the columns' raw values,
so dates stay dates and days stay numbers in a spreadsheet. Rows stream from one
cursor into the file (openpyxl's write-only mode for XLSX), with progress and cancel;
the file appears under its name only when complete.

A workbook is one a manager can use as it opens: a bold header row that stays in
view, an autofilter over the table, columns as wide as their contents, dates as
date cells in the reader's own date format, money as numbers in a currency format.

Every value passes through :func:`cell_value` on its way into a file (CSV and XLSX,
the license table and orders alike): the one place where a raw value becomes what
the file stores - the seam for neutralising text that a spreadsheet would run as a
formula.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
from collections.abc import Callable, Hashable, Iterator, Sequence
from decimal import Decimal
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.domain.errors import DomainError
from desktop.services import licenses
from desktop.services.cells import safe_text
from desktop.services.licenses import LicenseRow, Verifier
from desktop.services.ports import Database, LicenseQuery
from desktop.services.progress import Progress
from desktop.ui.columns import COLUMNS, Col

#: Excel's built-in short-date format (numFmtId 14): shown in the reader's locale.
DATE_FORMAT = "mm-dd-yy"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
INTEGER_FORMAT = "0"
CURRENCY_FORMATS = {
    "RUB": '#,##0.00\\ "₽"',
    "PLN": '#,##0.00\\ "zł"',
    "EUR": '#,##0.00\\ "€"',
    "USD": '"$"#,##0.00',
}
#: Rows read before the first is written, to fit the column widths.
WIDTH_SAMPLE = 200
MAX_WIDTH = 60
HEADER_FILL = "E8EEF5"


#: What a cell holds: text, a number, a date, or nothing.
CellValue = str | int | float | Decimal | dt.date | None


def cell_value(value: object) -> CellValue:
    """A raw value as a file stores it: the one seam every exported value goes through.

    Dates stay dates, numbers stay numbers, ``None`` becomes an empty cell, the rest
    is text. No text runs as a formula: CSV writes it through
    :func:`desktop.services.cells.safe_text` (OWASP: a leading ``= + - @``, tab or CR
    gets a quote), XLSX as a string cell (openpyxl would read "=..." as a formula).
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, dt.date | int | float | Decimal):
        return value
    return str(value)


def _csv_value(value: object) -> object:
    stored = cell_value(value)
    if stored is None:
        return ""
    if isinstance(stored, dt.date):
        return stored.isoformat()
    if isinstance(stored, str):
        return safe_text(stored)
    return stored


def currency_format(currency: str) -> str:
    return CURRENCY_FORMATS.get(currency, f'#,##0.00\\ "{currency}"')


def _width_of(value: object) -> int:
    stored = cell_value(value)
    if stored is None:
        return 0
    if isinstance(stored, dt.datetime):
        return 16
    if isinstance(stored, dt.date):
        return 10
    if isinstance(stored, Decimal | float):
        return len(f"{stored:,.2f}") + 3  # thousands separators and the currency sign
    return max((len(part) for part in str(stored).splitlines()), default=0)


def fitted_widths(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> list[float]:
    """Column widths (in characters) that show the header and the sampled values."""
    widths = [len(h) * 1.15 + 3 for h in headers]  # bold, and room for the filter button
    for row in rows:
        for i, value in enumerate(row[: len(widths)]):
            widths[i] = max(widths[i], _width_of(value) + 2)
    return [min(w, MAX_WIDTH) for w in widths]


class XlsxSheet:
    """One streamed worksheet: an optional header block, the table with its bold frozen
    header row and autofilter, then rows appended one by one; saved atomically."""

    def __init__(
        self,
        path: Path,
        title: str,
        headers: Sequence[str],
        *,
        sample: Sequence[Sequence[object]] = (),
        preamble: Sequence[tuple[str, object]] = (),
    ) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.utils import get_column_letter

        self.path = path
        self._tmp = path.with_name(path.name + ".part")
        self._wb = Workbook(write_only=True)
        self._ws = self._wb.create_sheet(title[:31])
        self._columns = len(headers)
        self._bold = Font(bold=True)
        self._letter = get_column_letter
        ws = self._ws
        table_row = len(preamble) + (2 if preamble else 1)  # the header row, 1-based
        self._first = table_row
        # Write-only sheets take their layout before the first row.
        ws.freeze_panes = f"A{table_row + 1}"
        # The header block's values (a list of stores) may run over the next columns;
        # only its labels widen the first one.
        labels = [(label,) for label, _ in preamble]
        for i, width in enumerate(fitted_widths(headers, [*sample, *labels]), start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        for label, value in preamble:
            ws.append([self._cell(label, bold=True), self._cell(value)])
        if preamble:
            ws.append([])
        fill = PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
        heads = []
        for h in headers:
            c = self._cell(h, bold=True)
            c.fill = fill
            c.alignment = Alignment(vertical="center")
            heads.append(c)
        ws.append(heads)
        self._last = table_row

    def _cell(self, value: object, *, currency: str | None = None, bold: bool = False) -> Any:
        """A raw value as a styled cell (through :func:`cell_value`)."""
        from openpyxl.cell import WriteOnlyCell

        stored = cell_value(value)
        # openpyxl writes Decimal and date values; its type hints leave them out.
        cell = WriteOnlyCell(self._ws, value=stored)  # type: ignore[arg-type]
        if isinstance(stored, str):
            cell.data_type = "s"  # text, even when openpyxl would read a formula into it
        if isinstance(stored, dt.datetime):
            cell.number_format = DATETIME_FORMAT
        elif isinstance(stored, dt.date):
            cell.number_format = DATE_FORMAT
        elif isinstance(stored, Decimal | float) and currency:
            cell.number_format = currency_format(currency)
        elif isinstance(stored, int):
            cell.number_format = INTEGER_FORMAT
        if bold:
            cell.font = self._bold
        return cell

    def row(self, values: Sequence[object], *, currency: str | None = None) -> None:
        """One table row; Decimal values are money in ``currency``."""
        self._ws.append([self._cell(v, currency=currency) for v in values])
        self._last += 1

    def blank(self) -> None:
        """Ends the filtered table; what follows (totals) stays out of its filter."""
        self._ws.append([])

    def total(self, label: str, amount: Decimal, currency: str, *, amount_column: int) -> None:
        """A total under the amounts: label left of ``amount_column`` (1-based)."""
        cells: list[object] = [None] * max(0, amount_column - 2)
        cells.append(self._cell(label, bold=True))
        cells.append(self._cell(amount, currency=currency, bold=True))
        cells.append(self._cell(currency, bold=True))
        self._ws.append(cells)

    def __enter__(self) -> XlsxSheet:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is not None:  # cancelled or failed: no file under any name
            _discard(self._ws)
            self._tmp.unlink(missing_ok=True)
            return
        last = self._letter(self._columns)
        self._ws.auto_filter.ref = f"A{self._first}:{last}{max(self._last, self._first)}"
        try:
            self._wb.save(self._tmp)
            self._tmp.replace(self.path)
        except BaseException:
            self._tmp.unlink(missing_ok=True)
            raise


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
    rows: Iterator[LicenseRow] = licenses.stream(db, query, verifier, progress)
    tmp = path.with_name(path.name + ".part")
    count = 0
    try:
        if path.suffix.lower() == ".xlsx":
            first = list(islice(rows, WIDTH_SAMPLE))
            sample = [[v(r) for v in values] for r in first]
            title = QCoreApplication.translate("Export", "Licenses")
            with XlsxSheet(path, title, headers, sample=sample) as sheet:
                for cells in sample:
                    sheet.row(cells)
                    count += 1
                for row in rows:
                    sheet.row([v(row) for v in values])
                    count += 1
        else:
            with tmp.open("w", newline="", encoding="utf-8-sig") as fh:
                writer = csv.writer(fh)
                writer.writerow(headers)
                counted = [0]

                def lines() -> Iterator[list[object]]:
                    for row in rows:
                        counted[0] += 1
                        yield [_csv_value(v(row)) for v in values]

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
