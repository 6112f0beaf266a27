"""licdesk orders [--json] | order create|status|text|fulfil"""

from __future__ import annotations

import argparse

from desktop.cli.common import Subparsers, date_arg, positive_int, print_json
from desktop.context import AppContext
from desktop.services import printing, renewals
from desktop.services.ports import OrderRow


def register(sub: Subparsers) -> None:
    p = sub.add_parser("orders", help="renewal orders")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_orders)
    p = sub.add_parser("order", help="create, change, print or fulfil an order")
    osub = p.add_subparsers(dest="order_command", metavar="ACTION", required=True)
    c = osub.add_parser("create", help="order the renewal of licenses (a draft)")
    c.add_argument("--license", dest="licenses", type=positive_int, action="append", required=True)
    c.add_argument("--on", type=date_arg, metavar="YYYY-MM-DD")
    c.set_defaults(run=run_create)
    c = osub.add_parser("status", help="mark an order sent, fulfilled or cancelled")
    c.add_argument("order_id", type=positive_int)
    c.add_argument("status", choices=list(renewals.ORDER_STATUSES))
    c.set_defaults(run=run_status)
    c = osub.add_parser("text", help="print an order as text for an e-mail")
    c.add_argument("order_id", type=positive_int)
    c.set_defaults(run=run_text)
    c = osub.add_parser(
        "fulfil",
        help="let the authority issue the renewal codes and activate them (all lines or none)",
    )
    c.add_argument("order_id", type=positive_int)
    c.add_argument("--json", action="store_true")
    c.set_defaults(run=run_fulfil)


def order_json(o: OrderRow) -> dict[str, object]:
    """An order for ``orders --json``: each line with its printed figures (quantity,
    unit_price, percent, amount, amount_basis, modules); totals = sum of the lines."""
    lines = []
    for (head, modules), ln in zip(
        printing.grouped(printing.printed_lines(o)), o.lines, strict=True
    ):
        lines.append(
            {
                "license_id": ln.license_id,
                "sku": ln.sku,
                "product_name": ln.product_name,
                "device_code": ln.device_code,
                "kind": ln.kind,
                **printing.figures_json(head, modules),
                "current_end": ln.current_end.isoformat() if ln.current_end else None,
                "new_end": ln.new_end.isoformat(),
                "days_forfeited": ln.days_forfeited,
                "fulfilled": ln.fulfilled,
            }
        )
    return {
        "id": o.id,
        "created_at": o.created_at.isoformat(),
        "quote_date": o.quote_date.isoformat(),
        "status": o.status,
        "totals": {c: m.as_str() for c, m in sorted(renewals.order_totals(o).items())},
        "lines": lines,
    }


def run_orders(app: AppContext, args: argparse.Namespace) -> int:
    orders = renewals.orders(app.db)
    if args.json:
        print_json([order_json(o) for o in orders])
        return 0
    for o in orders:
        print(renewals.order_text(o))
        print()
    return 0


def run_create(app: AppContext, args: argparse.Namespace) -> int:
    on = args.on or app.clock.today()
    order_id = renewals.create_order(app.db, args.licenses, on)
    print(f"Order {order_id} created (draft).")
    return 0


def run_status(app: AppContext, args: argparse.Namespace) -> int:
    renewals.set_order_status(app.db, args.order_id, args.status)
    print(f"Order {args.order_id} is now {args.status}.")
    return 0


def run_text(app: AppContext, args: argparse.Namespace) -> int:
    print(renewals.order_text(renewals.order(app.db, args.order_id)))
    return 0


def run_fulfil(app: AppContext, args: argparse.Namespace) -> int:
    done = renewals.fulfil_order(app.db, app.authority, app.trusted_keys, args.order_id)
    if args.json:
        print_json({"order_id": done.order_id, "lines": done.lines})
    else:
        print(
            f"Order {done.order_id} fulfilled: {done.lines} renewal code(s) issued and "
            "activated on their devices."
        )
    return 0
