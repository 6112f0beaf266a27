"""licdesk orders [--json] | order create --license ID ... [--on DATE] | order status ID S"""

from __future__ import annotations

import argparse

from desktop.cli.common import date_arg, print_json
from desktop.context import AppContext
from desktop.services import renewals


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("orders", help="renewal orders")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_orders)
    p = sub.add_parser("order", help="create an order or change its status")
    osub = p.add_subparsers(dest="order_command", metavar="ACTION", required=True)
    c = osub.add_parser("create", help="order the renewal of licenses (a draft)")
    c.add_argument("--license", dest="licenses", type=int, action="append", required=True)
    c.add_argument("--on", type=date_arg, metavar="YYYY-MM-DD")
    c.set_defaults(run=run_create)
    c = osub.add_parser("status", help="mark an order sent, fulfilled or cancelled")
    c.add_argument("order_id", type=int)
    c.add_argument("status", choices=list(renewals.ORDER_STATUSES))
    c.set_defaults(run=run_status)
    c = osub.add_parser("text", help="print an order as text for an e-mail")
    c.add_argument("order_id", type=int)
    c.set_defaults(run=run_text)


def run_orders(ctx: AppContext, args: argparse.Namespace) -> int:
    with ctx.uow() as uow:
        orders = uow.orders.all()
    if args.json:
        print_json(
            [
                {
                    "id": o.id,
                    "created_at": o.created_at.isoformat(),
                    "quote_date": o.quote_date.isoformat(),
                    "status": o.status,
                    "totals": {c: m.as_str() for c, m in sorted(renewals.order_totals(o).items())},
                    "lines": [
                        {
                            "license_id": ln.license_id,
                            "sku": ln.sku,
                            "device_code": ln.device_code,
                            "amount": renewals.Money.from_minor(
                                ln.amount_minor, ln.currency
                            ).as_str(),
                            "currency": ln.currency,
                            "new_end": ln.new_end.isoformat(),
                            "fulfilled": ln.fulfilled,
                        }
                        for ln in o.lines
                    ],
                }
                for o in orders
            ]
        )
        return 0
    for o in orders:
        print(renewals.order_text(o))
        print()
    return 0


def run_create(ctx: AppContext, args: argparse.Namespace) -> int:
    on = args.on or ctx.clock.today()
    with ctx.uow(write=True) as uow:
        q = renewals.quote(uow, args.licenses, on)
        order_id = renewals.create_order(uow, q, args.licenses)
        uow.commit()
    print(f"Order {order_id} created (draft).")
    return 0


def run_status(ctx: AppContext, args: argparse.Namespace) -> int:
    with ctx.uow(write=True) as uow:
        renewals.set_order_status(uow, args.order_id, args.status)
        uow.commit()
    print(f"Order {args.order_id} is now {args.status}.")
    return 0


def run_text(ctx: AppContext, args: argparse.Namespace) -> int:
    with ctx.uow() as uow:
        order = uow.orders.get(args.order_id)
    if order is None:
        from desktop.domain.errors import DomainError

        raise DomainError("order_not_found", order_id=args.order_id)
    print(renewals.order_text(order))
    return 0
