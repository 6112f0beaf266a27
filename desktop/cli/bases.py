"""licdesk bases | updates [--base ID] | releases load PATH | install --base ID --version X"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import Subparsers, positive_int, print_json, print_table
from desktop.context import AppContext
from desktop.services import bases


def register(sub: Subparsers) -> None:
    p = sub.add_parser("bases", help="installed bases with their state (working, ending, demo)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_bases)

    p = sub.add_parser("updates", help="which releases each base may install without demo mode")
    p.add_argument("--base", type=positive_int, metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_updates)

    p = sub.add_parser("releases", help="the release catalogue")
    rsub = p.add_subparsers(dest="releases_command", metavar="ACTION", required=True)
    load = rsub.add_parser("load", help="load releases from an update feed (folder or .zip)")
    load.add_argument("path", type=Path)
    load.add_argument("--product", metavar="SKU", help="product, if versions.xml names none")
    load.add_argument("--json", action="store_true")
    load.set_defaults(run=run_load)

    p = sub.add_parser("install", help="record that a version was installed on a base")
    p.add_argument("--base", type=positive_int, required=True, metavar="ID")
    p.add_argument("--version", required=True, dest="release", metavar="X")
    p.add_argument(
        "--yes", action="store_true", help="confirm even when licenses would fall into demo mode"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_install)


def run_bases(app: AppContext, args: argparse.Namespace) -> int:
    rows = bases.list_bases(app.db, app.clock.today(), app.verifier)
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    print_table(
        ["ID", "Base", "Product", "Version", "Released", "Internet", "Devices", "State"],
        [
            [
                str(r.info.id),
                r.info.name,
                r.info.product_name,
                r.info.installed_version or "-",
                r.installed_release_date.isoformat() if r.installed_release_date else "-",
                "yes" if r.info.internet_exchange else "no",
                str(r.device_count),
                r.status.state.value
                + (
                    f" ({r.status.reason.value}: licenses "
                    f"{', '.join(map(str, r.status.demo_license_ids))})"
                    if r.status.reason
                    else ""
                )
                + (f" in {r.status.ending_days} d" if r.status.ending_days is not None else ""),
            ]
            for r in rows
        ],
    )
    return 0


def run_updates(app: AppContext, args: argparse.Namespace) -> int:
    rows = bases.updates(app.db, app.clock.today(), args.base, app.verifier)
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    for r in rows:
        print(
            f"{r.name}: installed {r.installed_version or '-'}, newest "
            f"{r.newest.version if r.newest else '-'}, newest without demo "
            f"{r.newest_allowed.version if r.newest_allowed else 'none'}"
        )
        if r.no_safe_release is not None:
            print(
                "  no release keeps it out of demo mode: Магазин 15 with Internet exchange "
                "needs a running subscription (licenses "
                f"{', '.join(map(str, r.stuck_license_ids))} have ended); renew them."
            )
        if r.unconfirmed_license_ids:
            print(
                "  not confirmed by a signature: licenses "
                f"{', '.join(map(str, r.unconfirmed_license_ids))} (recorded by hand or "
                "imported); no release is called safe on their dates alone."
            )
        for n in r.newer:
            cost = ", ".join(f"{m.as_str()} {c}" for c, m in sorted(n.renewal_totals.items()))
            if n.license_ids:
                verdict = (
                    f"demo for licenses {', '.join(map(str, n.license_ids))}; renewing "
                    f"them costs {cost}"
                )
            elif r.unconfirmed_license_ids:
                verdict = "safe by the dates, not confirmed"
            else:
                verdict = "safe to install"
            print(f"  {n.version} ({n.released_on.isoformat()}): {verdict}")
    return 0


def run_load(app: AppContext, args: argparse.Namespace) -> int:
    loaded = bases.load_feed(app.db, args.path, args.product)
    if args.json:
        print_json(
            {
                "product_sku": loaded.product_sku,
                "added": len(loaded.new_versions),
                "new_versions": list(loaded.new_versions),
            }
        )
    else:
        print(
            f"{len(loaded.new_versions)} new release(s) of {loaded.product_sku} loaded"
            + (f": {', '.join(loaded.new_versions)}." if loaded.new_versions else ".")
        )
    return 0


def run_install(app: AppContext, args: argparse.Namespace) -> int:
    demo = bases.record_install(
        app.db,
        args.base,
        args.release,
        app.clock.today(),
        confirmed=args.yes,
        verifier=app.verifier,
    )
    if args.json:
        print_json({"base_id": args.base, "version": args.release, "demo_license_ids": list(demo)})
    else:
        print(
            f"Recorded {args.release} on base {args.base}."
            + (f" Licenses now in demo mode: {', '.join(map(str, demo))}." if demo else "")
        )
    return 0
