"""licdesk init [--demo] | export --format csv|json FILE | import FILE"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path

from desktop.cli.common import print_json
from desktop.context import AppContext
from desktop.services import setup


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
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


def run_init(ctx: AppContext, args: argparse.Namespace) -> int:
    # The store was created and migrated by the composition root before we got here.
    if args.demo:
        summary = setup.init_demo(ctx.uow, ctx.clock.today())
        if args.json:
            print_json(asdict(summary))
        else:
            print(
                f"Demo data as of {ctx.clock.today().isoformat()} in {ctx.db_label}: "
                f"{summary.licenses} licenses, {summary.devices} devices, "
                f"{summary.stores} stores, {summary.bases} bases, {summary.releases} releases."
            )
        for hook in ctx.extras.get("after_demo", []):
            hook(ctx)
        codes = ctx.extras.get("demo_codes")
        if codes and not args.json:
            print("Unused activation codes to try (licdesk activate --device CODE --code ...):")
            for code in codes:
                print(f"  {code}")
    elif args.json:
        print_json({"database": ctx.db_label, "ready": True})
    else:
        print(f"Database ready: {ctx.db_label}")
    return 0


def run_export(ctx: AppContext, args: argparse.Namespace) -> int:
    count = setup.export_file(ctx.uow, args.file, args.format)
    print(f"Exported {count} licenses to {args.file}")
    return 0


def run_import(ctx: AppContext, args: argparse.Namespace) -> int:
    summary = setup.import_file(ctx.uow, args.file)
    if args.json:
        print_json(asdict(summary))
    else:
        print(
            f"Imported {summary.licenses} licenses, {summary.devices} devices, "
            f"{summary.products} products, {summary.stores} stores, "
            f"{summary.bases} bases, {summary.releases} releases."
        )
    return 0
