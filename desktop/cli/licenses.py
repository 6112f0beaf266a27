"""licdesk licenses [--status S] [--expiring-within DAYS] [--search TEXT] [--json]"""

from __future__ import annotations

import argparse

from desktop.cli.common import Subparsers, nonneg_int, print_json_array, print_table_stream
from desktop.context import AppContext
from desktop.domain.status import LicenseStatus
from desktop.services import licenses as license_service
from desktop.services.ports import SortKey


def register(sub: Subparsers) -> None:
    p = sub.add_parser("licenses", help="list licenses with their update-subscription status")
    p.add_argument("--status", choices=[s.value for s in LicenseStatus if s != "invalid"])
    p.add_argument(
        "--expiring-within",
        type=nonneg_int,
        metavar="DAYS",
        help="only bound licenses whose subscription ends within DAYS from today",
    )
    p.add_argument(
        "--search",
        default="",
        metavar="TEXT",
        help="product, SKU, device code, device name or store contains TEXT",
    )
    p.add_argument("--sort", choices=[s.value for s in SortKey], default=SortKey.END.value)
    p.add_argument("--desc", action="store_true", help="sort descending")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(run=run)


def run(app: AppContext, args: argparse.Namespace) -> int:
    today = app.clock.today()
    query = license_service.make_query(
        app.db,
        today,
        status=LicenseStatus(args.status) if args.status else None,
        expiring_within=args.expiring_within,
        search=args.search,
        sort=SortKey(args.sort),
        descending=args.desc,
    )
    # Streamed from one cursor: a million licenses never sit in memory.
    rows = license_service.stream(app.db, query, app.verifier)
    if args.json:
        print_json_array(r.to_json() for r in rows)
        return 0
    n = print_table_stream(
        ["ID", "Product", "Device code", "Device", "Store", "Status", "Subscription end", "Days"],
        (
            [
                str(r.id),
                r.product_name,
                r.device_code or "-",
                r.device_name or "-",
                r.store_name or "-",
                r.status.value,
                r.subscription_end.isoformat() if r.subscription_end else "-",
                "" if r.days_left is None else str(r.days_left),
            ]
            for r in rows
        ),
    )
    print(f"\n{n} license(s) as of {today.isoformat()}")
    return 0
