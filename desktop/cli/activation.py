"""licdesk activate | authority init | authority issue | authority codes | this-pc"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from desktop.cli.common import print_json, print_table
from desktop.context import AppContext
from desktop.domain.errors import DomainError
from desktop.services import activation


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
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
    a.add_argument("--months", type=int, default=12)
    a.add_argument("--count", type=int, default=1)
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
    p.add_argument("--license", type=int, required=True, metavar="ID")
    p.set_defaults(run=run_transfer)

    p = sub.add_parser("this-pc", help="this workplace's own device code")
    p.set_defaults(run=run_this_pc)


def _authority(ctx: AppContext) -> activation.LocalAuthority:
    return ctx.extras["authority"]  # type: ignore[no-any-return]


def run_activate(ctx: AppContext, args: argparse.Namespace) -> int:
    today = ctx.clock.today()
    try:
        with ctx.uow(write=True) as uow:
            result = activation.activate(uow, _authority(ctx), args.device, args.code, today)
            uow.commit()
    except DomainError as err:
        with ctx.uow(write=True) as uow:
            activation.record_refusal(uow, args.device, err)
            uow.commit()
        raise
    if args.json:
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
    else:
        print(
            f"Activated {result.product_sku} on {result.device_code} (license "
            f"{result.license_id}); update subscription until {result.new_end}."
        )
    return 0


def run_init(ctx: AppContext, args: argparse.Namespace) -> int:
    kid = _authority(ctx).init()
    print(f"Authority key {kid} is in the OS keyring; its public key is trusted.")
    return 0


def run_issue(ctx: AppContext, args: argparse.Namespace) -> int:
    auth = _authority(ctx)
    auth.init()
    with ctx.uow(write=True) as uow:
        codes = auth.issue(uow, args.sku, args.kind, args.months, args.count, ctx.clock.today())
        uow.commit()
    if args.json:
        print_json(
            [{"code": c, "sku": args.sku, "kind": args.kind, "months": args.months} for c in codes]
        )
    else:
        print("\n".join(codes))
    return 0


def run_codes(ctx: AppContext, args: argparse.Namespace) -> int:
    with ctx.uow() as uow:
        rows = uow.activation.codes()
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


def run_export_license(ctx: AppContext, args: argparse.Namespace) -> int:
    auth = _authority(ctx)
    with ctx.uow(write=True) as uow:
        data = activation.export_license_file(uow, auth, args.device, args.code, ctx.clock.today())
        uow.commit()
    args.file.write_text(json.dumps(data, indent=2), encoding="utf-8")
    print(f"License file for {data['license']['device']} written to {args.file}")
    return 0


def run_load_license(ctx: AppContext, args: argparse.Namespace) -> int:
    from desktop.app import install_activation_verifier

    try:
        data = json.loads(args.file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise DomainError("license_file_format") from None
    with ctx.uow(write=True) as uow:
        auth = _authority(ctx)
        result = activation.load_license_file(uow, auth, data, auth.trust.load(), ctx.clock.today())
        uow.commit()
    install_activation_verifier(ctx)
    if args.json:
        print_json(result.to_json())
    else:
        print(
            f"Loaded: {result.kind} of {result.product_sku} on {result.device_code}, "
            f"update subscription until {result.new_end}."
        )
    return 0


def run_transfer(ctx: AppContext, args: argparse.Namespace) -> int:
    with ctx.uow(write=True) as uow:
        old = activation.transfer(uow, _authority(ctx), args.license, ctx.clock.today())
        uow.commit()
    print(
        f"License {args.license} unbound from {old}; its activation code now activates it "
        "on the new device."
    )
    return 0


def run_this_pc(ctx: AppContext, args: argparse.Namespace) -> int:
    from desktop.app import this_pc_code

    print(this_pc_code())
    return 0
