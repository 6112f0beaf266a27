"""licdesk activate | load-license | transfer | this-pc | keys

Issuing codes, listing them and rotating keys are the license authority's commands
(``licdesk-authority``), never the customer app's.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import Subparsers, positive_int, print_json, print_table
from desktop.context import AppContext
from desktop.services import activation
from desktop.services.trust import describe


def register(sub: Subparsers) -> None:
    p = sub.add_parser("activate", help="activate a code on a device (asks the license authority)")
    p.add_argument("--device", required=True, metavar="CODE")
    p.add_argument("--code", required=True, metavar="CODE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_activate)

    p = sub.add_parser("load-license", help="load a signed license file (the offline path)")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_load_license)

    p = sub.add_parser("transfer", help="unbind a license from its device (while it is active)")
    p.add_argument("--license", type=positive_int, required=True, metavar="ID")
    p.set_defaults(run=run_transfer)

    p = sub.add_parser("this-pc", help="this workplace's own device code and the store's id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_this_pc)

    p = sub.add_parser("keys", help="the license authorities' keys this PC trusts")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_keys)


def _print_result(result: activation.ActivationResult, as_json: bool) -> None:
    if as_json:
        print_json(result.to_json())
    elif result.kind == "already-active":
        print(f"This code is already active on {result.device_code} (license {result.license_id}).")
    elif result.kind == "renewal":
        print(
            f"Renewed {result.product_name} on {result.device_code}: subscription end "
            f"{result.old_end} -> {result.new_end}"
            + (
                f"; {result.days_forfeited} day(s) forfeited by renewing early."
                if result.days_forfeited
                else "."
            )
        )
    elif result.kind == "transfer":
        print(
            f"Transferred {result.product_name} to {result.device_code} (license "
            f"{result.license_id}); update subscription until {result.new_end}."
        )
    else:
        print(
            f"Activated {result.product_name} on {result.device_code} (license "
            f"{result.license_id}); update subscription until {result.new_end}."
        )


def run_activate(app: AppContext, args: argparse.Namespace) -> int:
    result = activation.activate(app.db, app.authority, app.trusted_keys, args.device, args.code)
    _print_result(result, args.json)
    return 0


def run_load_license(app: AppContext, args: argparse.Namespace) -> int:
    result = activation.load_license_file(app.db, app.trusted_keys, args.file)
    _print_result(result, args.json)
    return 0


def run_transfer(app: AppContext, args: argparse.Namespace) -> int:
    old = activation.transfer(app.db, app.authority, args.license, app.clock.today())
    print(
        f"License {args.license} unbound from {old}; its activation code now activates it "
        "on the new device."
    )
    return 0


def run_this_pc(app: AppContext, args: argparse.Namespace) -> int:
    store = activation.store_id(app.db)
    if args.json:
        print_json({"device_code": app.this_pc(), "store_id": store})
    else:
        print(app.this_pc())
        print(f"store id: {store}")
    return 0


def run_keys(app: AppContext, args: argparse.Namespace) -> int:
    keys = app.trusted_keys
    rows = describe(keys)
    problems = [{"file": p.path, "reason": p.reason} for p in keys.problems]
    if args.json:
        print_json({"keys": rows, "ignored": problems})
        return 0
    if rows:
        print_table(
            ["Key", "Fingerprint", "From", "File"],
            [[r["key_id"], r["fingerprint"], r["source"], r["file"]] for r in rows],
        )
    else:
        print("No license authority's key is trusted on this PC: every signed license is")
        print("judged invalid and every other one 'not verified'. An administrator installs")
        print("keys as *.json files in the machine-wide folder (see README).")
    for p in problems:
        print(f"ignored {p['file']}: {p['reason']}")
    return 0
