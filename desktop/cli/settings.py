"""licdesk settings [--expiring-days N] [--warning-stages 30,14,1] [--device-notice-days N]
[--authority-url URL] [--json]: show the store's business settings, or change them."""

from __future__ import annotations

import argparse
from dataclasses import replace

from desktop.cli.common import Subparsers, nonneg_int, print_json
from desktop.context import AppContext
from desktop.services import settings


def _stages(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(p) for p in text.split(",") if p.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a list of days like 30,14,1") from None


def register(sub: Subparsers) -> None:
    p = sub.add_parser("settings", help="the store's settings (warning threshold, authority, ...)")
    p.add_argument("--expiring-days", type=nonneg_int, metavar="N")
    p.add_argument("--warning-stages", type=_stages, metavar="DAYS")
    p.add_argument("--device-notice-days", type=nonneg_int, metavar="N")
    p.add_argument("--authority-url", metavar="URL", help='the license authority ("" clears it)')
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run)


def run(app: AppContext, args: argparse.Namespace) -> int:
    values = settings.load(app.db)
    changed = replace(
        values,
        expiring_days=values.expiring_days if args.expiring_days is None else args.expiring_days,
        warning_stages=values.warning_stages
        if args.warning_stages is None
        else args.warning_stages,
        device_notice_days=(
            values.device_notice_days
            if args.device_notice_days is None
            else args.device_notice_days
        ),
        authority_url=values.authority_url if args.authority_url is None else args.authority_url,
    )
    if changed != values:
        values = settings.save(app.db, changed)
    data = {
        "expiring_days": values.expiring_days,
        "warning_stages": list(values.warning_stages),
        "device_notice_days": values.device_notice_days,
        "authority_url": values.authority_url or None,
    }
    if args.json:
        print_json(data)
    else:
        for key, value in data.items():
            shown = ",".join(map(str, value)) if isinstance(value, list) else value
            print(f"{key}: {'-' if shown in (None, '') else shown}")
    return 0
