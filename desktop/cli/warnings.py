"""licdesk warnings [--json] [--ack]: what the start-up pop-up and the banner say today."""

from __future__ import annotations

import argparse

from desktop.cli.common import Subparsers, print_json, print_table
from desktop.context import AppContext
from desktop.domain.warnings import ENDED_STAGE
from desktop.services import warnings as warning_service


def register(sub: Subparsers) -> None:
    p = sub.add_parser("warnings", help="subscriptions ending within the threshold or ended")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--ack",
        action="store_true",
        help="mark the pending stages as shown (as closing the pop-up does)",
    )
    p.set_defaults(run=run)


def run(app: AppContext, args: argparse.Namespace) -> int:
    today = app.clock.today()
    state = warning_service.collect(app.db, today, app.verifier)
    if args.ack:
        warning_service.acknowledge(app.db, state, today)
    if args.json:
        print_json(
            {
                "today": today.isoformat(),
                "popup_due": state.popup_due,
                "ended_count": state.ended_count,
                "snoozed_until": state.snoozed_until.isoformat() if state.snoozed_until else None,
                "items": [i.to_json() for i in state.items],
            }
        )
        return 0
    rows = [
        [
            str(i.license.id),
            i.license.product_name,
            i.license.device_code or "-",
            i.license.store_name or "-",
            i.license.subscription_end.isoformat() if i.license.subscription_end else "-",
            str(i.license.days_left),
            "ended" if i.stage == ENDED_STAGE else f"{i.stage} d",
            "new" if i.pending else "",
        ]
        for i in state.items
    ]
    print_table(["ID", "Product", "Device code", "Store", "Ends", "Days", "Stage", ""], rows)
    print(f"\n{state.ended_count} subscription(s) have ended.")
    return 0
