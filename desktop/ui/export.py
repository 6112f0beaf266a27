"""Export the rows currently shown (filter applied) to CSV or XLSX, headers in the UI language."""

from __future__ import annotations

import csv
from pathlib import Path

from desktop.context import AppContext
from desktop.domain.errors import DomainError
from desktop.services import licenses as license_service
from desktop.services.ports import LicenseQuery
from desktop.ui import formatting as fmt


def _rows(ctx: AppContext, query: LicenseQuery) -> list[list[object]]:
    with ctx.uow() as uow:
        rows = license_service.list_licenses(uow, query, ctx.verifier)
    from desktop.ui.license_model import Col

    out = []
    for r in rows:
        values = {
            Col.PRODUCT: r.product_name,
            Col.DEVICE: r.device_name or "",
            Col.STORE: r.store_name or "",
            Col.STATUS: fmt.status_text(r.status, r.days_left),
            Col.END: r.subscription_end,
            Col.DAYS_LEFT: r.days_left,
            Col.ACTIVATED: r.activated_on,
            Col.DEVICE_CODE: r.device_code or "",
            Col.KIND: fmt.kind_text(r.product_line, r.device_kind),
        }
        out.append([values[c] for c in Col])
    return out


def export_rows(ctx: AppContext, query: LicenseQuery, headers: list[str], path: Path) -> int:
    """Write the filtered rows; dates stay dates (XLSX) or ISO text (CSV). Returns the count."""
    rows = _rows(ctx, query)
    tmp = path.with_name(path.name + ".part")
    try:
        if path.suffix.lower() == ".xlsx":
            from openpyxl import Workbook

            wb = Workbook(write_only=True)
            ws = wb.create_sheet("Licenses")
            ws.append(headers)
            for r in rows:
                ws.append(r)
            wb.save(tmp)
        else:
            with tmp.open("w", newline="", encoding="utf-8-sig") as fh:
                writer = csv.writer(fh)
                writer.writerow(headers)
                for r in rows:
                    writer.writerow(
                        [
                            "" if v is None else (v.isoformat() if hasattr(v, "isoformat") else v)
                            for v in r
                        ]
                    )
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DomainError("export_failed", path=str(path), reason=exc.strerror or "") from None
    return len(rows)
