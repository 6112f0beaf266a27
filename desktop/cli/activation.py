"""licdesk activate | load-license | transfer | this-pc | authority ..."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import Subparsers, positive_int, print_json, print_table
from desktop.context import AppContext
from desktop.services import activation


def register(sub: Subparsers) -> None:
    p = sub.add_parser("activate", help="activate a code on a device")
    p.add_argument("--device", required=True, metavar="CODE")
    p.add_argument("--code", required=True, metavar="CODE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_activate)

    p = sub.add_parser("authority", help="the local license authority (the vendor's side)")
    asub = p.add_subparsers(dest="authority_command", metavar="ACTION", required=True)
    a = asub.add_parser("init", help="create the signing key (kept in the OS keyring)")
    a.set_defaults(run=run_init)
    a = asub.add_parser("issue", help="issue activation codes")
    a.add_argument("--sku", required=True)
    a.add_argument("--kind", choices=list(activation.KINDS), required=True)
    a.add_argument("--months", type=positive_int, default=12)
    a.add_argument("--count", type=positive_int, default=1)
    a.add_argument("--json", action="store_true")
    a.set_defaults(run=run_issue)
    a = asub.add_parser("codes", help="the register of issued codes")
    a.add_argument("--json", action="store_true")
    a.set_defaults(run=run_codes)

    a = asub.add_parser(
        "export-license", help="redeem a code for a device and write a signed license file"
    )
    a.add_argument("--device", required=True, metavar="CODE")
    a.add_argument("--code", required=True, metavar="CODE")
    a.add_argument("file", type=Path)
    a.set_defaults(run=run_export_license)

    p = sub.add_parser("load-license", help="load a signed license file (the offline path)")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_load_license)

    p = sub.add_parser("transfer", help="unbind a license from its device (while it is active)")
    p.add_argument("--license", type=positive_int, required=True, metavar="ID")
    p.set_defaults(run=run_transfer)

    p = sub.add_parser("this-pc", help="this workplace's own device code")
    p.set_defaults(run=run_this_pc)


def _print_result(result: activation.ActivationResult, as_json: bool) -> None:
    if as_json:
        print_json(result.to_json())
    elif result.kind == "already-active":
        print(f"This code is already active on {result.device_code} (license {result.license_id}).")
    elif result.kind == "renewal":
        print(
            f"Renewed {result.product_sku} on {result.device_code}: subscription end "
            f"{result.old_end} -> {result.new_end}"
            + (
                f"; {result.days_forfeited} day(s) forfeited by renewing early."
                if result.days_forfeited
                else "."
            )
        )
    elif result.kind == "transfer":
        print(
            f"Transferred {result.product_sku} to {result.device_code} (license "
            f"{result.license_id}); update subscription until {result.new_end}."
        )
    else:
        print(
            f"Activated {result.product_sku} on {result.device_code} (license "
            f"{result.license_id}); update subscription until {result.new_end}."
        )


def run_activate(app: AppContext, args: argparse.Namespace) -> int:
    result = activation.activate(app.db, app.authority, args.device, args.code, app.clock.today())
    _print_result(result, args.json)
    return 0


def run_init(app: AppContext, args: argparse.Namespace) -> int:
    kid = app.authority.init()
    print(f"Authority key {kid} is in the OS keyring; its public key is trusted.")
    return 0


def run_issue(app: AppContext, args: argparse.Namespace) -> int:
    codes = activation.issue_codes(
        app.db, app.authority, args.sku, args.kind, args.months, args.count, app.clock.today()
    )
    if args.json:
        print_json(
            [{"code": c, "sku": args.sku, "kind": args.kind, "months": args.months} for c in codes]
        )
    else:
        print("\n".join(codes))
    return 0


def run_codes(app: AppContext, args: argparse.Namespace) -> int:
    rows = activation.issued_codes(app.db)
    if args.json:
        print_json(
            [
                {
                    "code": r.code,
                    "sku": r.sku,
                    "kind": r.kind,
                    "months": r.months,
                    "issued_on": r.issued_on.isoformat(),
                    "used_at": r.used_at.isoformat() if r.used_at else None,
                    "used_device_code": r.used_device_code,
                }
                for r in rows
            ]
        )
        return 0
    print_table(
        ["Code", "SKU", "Kind", "Months", "Issued", "Used on device"],
        [
            [
                r.code,
                r.sku,
                r.kind,
                str(r.months),
                r.issued_on.isoformat(),
                f"{r.used_device_code} ({r.used_at.date().isoformat()})" if r.used_at else "-",
            ]
            for r in rows
        ],
    )
    return 0


def run_export_license(app: AppContext, args: argparse.Namespace) -> int:
    from desktop.services.activation import LocalAuthority

    authority = app.authority
    assert isinstance(authority, LocalAuthority)
    data = activation.export_license_file(
        app.db, authority, args.device, args.code, app.clock.today(), args.file
    )
    print(f"License file for {data['license']['device']} written to {args.file}")
    return 0


def run_load_license(app: AppContext, args: argparse.Namespace) -> int:
    result = activation.load_license_file(app.db, app.authority, args.file, app.clock.today())
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
    print(app.this_pc())
    return 0
