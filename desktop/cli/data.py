"""licdesk init [--demo] | export --format csv|json FILE | import FILE"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path

from desktop.cli.common import Subparsers, print_json
from desktop.cli.progress import TerminalProgress
from desktop.context import AppContext
from desktop.domain.errors import DomainError
from desktop.messages import render
from desktop.services import setup


def register(sub: Subparsers) -> None:
    p = sub.add_parser("init", help="create (or upgrade) the database; --demo fills demo data")
    p.add_argument("--demo", action="store_true", help="fill an empty database with demo data")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_init)

    p = sub.add_parser("export", help="write the whole dataset to a file")
    p.add_argument("--format", choices=["csv", "json"], required=True)
    p.add_argument("file", type=Path)
    p.set_defaults(run=run_export)

    p = sub.add_parser("import", help="read a dataset file (.json or .csv); all or nothing")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_import)


def prepare_demo(app: AppContext) -> setup.DemoStore:
    """Fill the demo store on first use; say on stderr when its licenses stay unsigned."""
    assert app.prepare_demo is not None
    demo = app.prepare_demo()
    if demo.signing_error is not None:
        err = demo.signing_error
        print(
            f"licdesk: demo licenses are not signed: {render(err.code, err.params)}",
            file=sys.stderr,
        )
    return demo


def run_init(app: AppContext, args: argparse.Namespace) -> int:
    # The store was created and migrated by the composition root before we got here.
    if args.demo:
        demo = prepare_demo(app)
        summary = demo.summary
        if summary is None:
            raise DomainError("store_not_empty")
        codes = app.demo_codes() if app.demo_codes is not None else []
        if args.json:
            print_json(
                {
                    **asdict(summary),
                    "codes": [{"code": c, "sku": sku, "kind": kind} for c, sku, kind in codes],
                }
            )
            return 0
        print(
            f"Demo data as of {app.clock.today().isoformat()} in {app.db_label}: "
            f"{summary.licenses} licenses, {summary.devices} devices, "
            f"{summary.stores} stores, {summary.bases} bases, {summary.releases} releases."
        )
        if app.what_if:
            print("(built as of the --today day; the store is otherwise read-only in this view)")
        if codes:
            print("Unused activation codes from the demo authority, to try activation with:")
            for code, sku, kind in codes:
                print(f"  {code}  {kind} of {sku}")
    elif args.json:
        print_json({"database": app.db_label, "ready": True})
    else:
        print(f"Database ready: {app.db_label}")
    return 0


def run_export(app: AppContext, args: argparse.Namespace) -> int:
    count = setup.export_file(app.db, args.file, args.format)
    print(f"Exported {count} licenses to {args.file}")
    return 0


def run_import(app: AppContext, args: argparse.Namespace) -> int:
    progress = TerminalProgress("Importing")
    try:
        summary = setup.import_file(app.db, args.file, app.clock.today(), progress)
    finally:
        progress.done()
    if args.json:
        print_json(asdict(summary))
    else:
        print(
            f"Imported {summary.licenses} licenses, {summary.devices} devices, "
            f"{summary.products} products, {summary.stores} stores, "
            f"{summary.bases} bases, {summary.releases} releases."
        )
        if summary.signed:
            print(f"{summary.signed} signed licenses verify in this store.")
        if summary.unsigned:
            print(
                f"{summary.unsigned} signed licenses belong to another store and show as "
                "not verified here."
            )
        if summary.skipped_settings:
            print(f"Not imported (this store's own): {', '.join(summary.skipped_settings)}")
    return 0
