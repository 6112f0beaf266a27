"""licdesk quote --license ID ... [--on DATE] [--json];
licdesk forecast [--months 12] [--by store] [--json]"""

from __future__ import annotations

import argparse

from desktop.cli.common import Subparsers, date_arg, positive_int, print_json, print_table
from desktop.context import AppContext
from desktop.domain.money import Money
from desktop.messages import render
from desktop.services import printing, renewals


def register(sub: Subparsers) -> None:
    p = sub.add_parser("quote", help="what renewing the given licenses costs and buys")
    p.add_argument(
        "--license",
        dest="licenses",
        type=positive_int,
        action="append",
        required=True,
        metavar="ID",
        help="license id (repeat for several)",
    )
    p.add_argument(
        "--on",
        type=date_arg,
        metavar="YYYY-MM-DD",
        help="quote as if bought on this day (default: today)",
    )
    p.add_argument(
        "--restore-dropped",
        action="store_true",
        help="enova365 open update: also restore modules dropped earlier",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_quote)

    p = sub.add_parser("forecast", help="renewal costs per month if every license renews on time")
    p.add_argument(
        "--months", type=positive_int, default=12, help="months ahead, 1 to 60 (default 12)"
    )
    p.add_argument(
        "--by", choices=["month", "store"], default="month", help="break the months down by store"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_forecast)


def run_quote(app: AppContext, args: argparse.Namespace) -> int:
    on = args.on or app.clock.today()
    q = renewals.quote(app.db, args.licenses, on, restore_dropped=args.restore_dropped)
    if args.json:
        print_json(q.to_json())
        return 0
    rows = []
    printed = printing.printed_lines(q.lines)
    for line, (head, modules) in zip(q.lines, printing.grouped(printed), strict=True):
        rows.append(
            [
                str(line.license_id),
                line.product_name,
                line.device_code or "-",
                line.sku,
                line.kind.value,
                line.current_end.isoformat() if line.current_end else "-",
                line.new_end.isoformat(),
                str(line.days_forfeited),
                printing.figures_text(head),
            ]
        )
        for m in modules:
            state = "deferred" if m.deferred else ("restored" if m.restored else "")
            rows.append(["", f"  {m.name}", "", m.sku, state, "", "", "", printing.figures_text(m)])
    print_table(
        ["ID", "Product", "Device", "SKU", "Kind", "Ends", "New end", "Lost days", "Amount"], rows
    )
    print(
        "\nTotal: "
        + ", ".join(
            printing.money_text(m) for _, m in sorted(printing.printed_totals(printed).items())
        )
        + f"  (as bought on {on.isoformat()})"
    )
    return 0


def _money(totals: dict[str, Money]) -> dict[str, str]:
    return {c: v.as_str() for c, v in sorted(totals.items())}


def _money_text(totals: dict[str, Money]) -> str:
    return ", ".join(f"{v.as_str()} {c}" for c, v in sorted(totals.items())) or "-"


def run_forecast(app: AppContext, args: argparse.Namespace) -> int:
    f = renewals.forecast(app.db, app.clock.today(), args.months)
    by_store = args.by == "store"
    left_out = [
        {
            "license_id": x.license_id,
            "reason": x.code,
            "message": render(x.code, {"license_id": x.license_id}),
        }
        for x in f.left_out
    ]
    if args.json:
        data: dict[str, object] = {
            "first_month": f.first_month.strftime("%Y-%m"),
            "months": f.months,
            "totals": _money(f.totals()),
            "by_month": [
                {
                    "month": m.month.strftime("%Y-%m"),
                    "renewals": m.renewals,
                    "totals": _money(m.totals),
                }
                for m in f.by_month()
            ],
            "left_out": left_out,
        }
        if by_store:
            data["by_store"] = [
                {
                    "month": r.month.strftime("%Y-%m"),
                    "store": r.store,
                    "renewals": r.renewals,
                    "totals": _money(r.totals),
                }
                for r in f.by_store()
            ]
        print_json(data)
        return 0
    if by_store:
        print_table(
            ["Month", "Store", "Renewals", "Cost"],
            [
                [r.month.strftime("%Y-%m"), r.store or "-", str(r.renewals), _money_text(r.totals)]
                for r in f.by_store()
            ],
        )
    else:
        print_table(
            ["Month", "Renewals", "Cost"],
            [
                [m.month.strftime("%Y-%m"), str(m.renewals), _money_text(m.totals)]
                for m in f.by_month()
            ],
        )
    print(f"\nTotal over {f.months} month(s): {_money_text(f.totals())}")
    if left_out:
        print(f"\nLeft out ({len(left_out)} license(s) the forecast cannot price):")
        for x in left_out:
            print(f"  {x['license_id']}: {x['message']}")
    return 0
