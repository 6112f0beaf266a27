"""licdesk warnings [--json] [--ack]: what the start-up pop-up and the banner say today."""

from __future__ import annotations

import argparse

from desktop.cli.common import Subparsers, print_json_array, print_table, print_table_stream
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


def _stage(stage: int) -> str | int:
    return "ended" if stage == ENDED_STAGE else stage


def run(app: AppContext, args: argparse.Namespace) -> int:
    today = app.clock.today()
    state = warning_service.collect(app.db, today)
    # Listed as collected (before --ack marks them shown); streamed, never all in memory.
    items = warning_service.stream(app.db, state.scope(), app.verifier)
    if args.json:
        head = {
            "today": today.isoformat(),
            "popup_due": state.popup_due,
            "ended_count": state.ended_count,
            "snoozed_until": state.snoozed_until.isoformat() if state.snoozed_until else None,
            "due": state.total,
            "pending": state.pending,
            "counts": [
                {
                    "stage": _stage(c.stage),
                    "store": c.store_name,
                    "total": c.total,
                    "pending": c.pending,
                }
                for c in sorted(
                    state.counts, key=lambda c: (c.store_name is None, c.store_name or "", c.stage)
                )
            ],
        }
        print_json_array((i.to_json() for i in items), head, "items")
    else:
        if state.total > 100:  # hundreds due: the summary per store first
            stages = sorted({c.stage for c in state.counts})
            print_table(
                ["Store", *(str(_stage(s)) + ("" if s == ENDED_STAGE else " d") for s in stages)],
                [
                    [r.store_name or "-", *(str(r.per_stage.get(s, 0)) for s in stages)]
                    for r in state.by_store()
                ],
            )
            print()
        print_table_stream(
            ["ID", "Product", "Device code", "Store", "Ends", "Days", "Stage", ""],
            (
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
                for i in items
            ),
        )
        print(
            f"\n{state.total} due, {state.pending} not shown yet; "
            f"{state.ended_count} subscription(s) have ended."
        )
    if args.ack:
        warning_service.acknowledge(app.db, today)
    return 0
