"""``licdesk-authority``: the vendor's license authority from the command line.

    licdesk-authority [--data DIR] [--today YYYY-MM-DD] COMMAND ...

init, serve, issue, codes, product add, rotate-key, public-keys, license-file. A refusal
prints one sentence to stderr and exits with 2; nothing prints a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop.authority import config as cfg
from desktop.domain.clock import Clock, FixedClock, SystemClock, parse_iso_date
from desktop.domain.errors import DomainError
from desktop.messages import render

EXIT_REFUSED = 2


def _date(text: str) -> Any:
    try:
        return parse_iso_date(text, "--today")
    except DomainError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; use YYYY-MM-DD") from None


def _int_in(low: int, high: int) -> Any:
    def read(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"'{text}' must be {low} to {high}")
        return value

    return read


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="licdesk-authority",
        description="The License Desk license authority: issues activation codes and "
        "signs licenses. Its signing key never leaves its data folder (or OS keyring).",
    )
    p.add_argument(
        "--data",
        type=Path,
        metavar="DIR",
        help=f"the authority's data folder (default: ${cfg.ENV_DIR}, else the user data "
        "folder 'licdesk-authority')",
    )
    p.add_argument(
        "--today", type=_date, metavar="YYYY-MM-DD", help="a fixed date (tests and demos)"
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    s = sub.add_parser("init", help="create the register and the first signing key")
    s.add_argument("--name", default=cfg.DEFAULT_NAME, help="the authority's name")
    s.add_argument(
        "--keyring", action="store_true", help="keep private keys in the OS keyring, not files"
    )

    s = sub.add_parser("serve", help="answer the customer apps over HTTP")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=_int_in(1, 65535), default=8765)
    s.add_argument(
        "--allow-fulfil",
        action="store_true",
        help="also fulfil orders and sign demo data (demo authorities only)",
    )

    s = sub.add_parser("issue", help="issue activation codes")
    s.add_argument("--sku", required=True)
    s.add_argument("--kind", required=True, choices=("license", "renewal"))
    s.add_argument("--months", type=_int_in(1, 60), default=12)
    s.add_argument("--devices", type=_int_in(1, 1000), default=1, help="devices per code")
    s.add_argument("--count", type=_int_in(1, 1000), default=1)
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("codes", help="list the codes issued")
    s.add_argument("--unused", action="store_true", help="only codes with a free use")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("product", help="the product catalogue")
    psub = s.add_subparsers(dest="product_command", metavar="ACTION", required=True)
    a = psub.add_parser("add", help="add a product")
    a.add_argument("--sku", required=True)
    a.add_argument("--name", required=True)
    a.add_argument("--line", required=True, choices=("mobile-smarts", "enova365"))
    psub.add_parser("list", help="list the products")

    sub.add_parser("rotate-key", help="a new signing key; older keys stay listed")

    s = sub.add_parser("public-keys", help="the public keys to ship with the app")
    s.add_argument("--json", action="store_true", help="the key list as JSON")
    s.add_argument(
        "--trust-file",
        action="store_true",
        help="a trust file: {key id: base64 public key}",
    )

    s = sub.add_parser("license-file", help="a signed license file for an offline PC")
    s.add_argument("--code", required=True)
    s.add_argument("--device", required=True)
    s.add_argument("--store", required=True, help="the customer database's store id")
    s.add_argument("--serial", help="renewal: the serial of the license to renew")
    s.add_argument("--out", required=True, type=Path, metavar="FILE")
    return p


def _service(args: argparse.Namespace, clock: Clock, allow_fulfil: bool = False) -> Any:
    from desktop.authority.service import AuthorityService

    return AuthorityService(args.data, clock, allow_fulfil=allow_fulfil)


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def run(args: argparse.Namespace) -> int:
    clock: Clock = FixedClock(args.today) if args.today else SystemClock()
    cmd = args.command
    if cmd == "init":
        from desktop.authority.service import init_authority
        from desktop.authority.signer import KeyStorage

        storage = KeyStorage.KEYRING if args.keyring else KeyStorage.FILE
        kid = init_authority(args.data, name=args.name, key_storage=storage)
        print(f"license authority '{args.name}' created in {args.data}")
        print(f"signing key {kid} ({storage.value})")
        return 0
    if cmd == "serve":
        from desktop.authority.server import serve

        service = _service(args, clock, allow_fulfil=args.allow_fulfil)
        service.signer.current()  # a key problem stops here, not at the first request
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
        print(f"'{service.config.name}' serving on http://{args.host}:{args.port}", flush=True)
        serve(service, args.host, args.port)
        return 0
    if cmd == "issue":
        codes = _service(args, clock).issue(
            args.sku, args.kind, args.months, args.devices, args.count
        )
        if args.json:
            _print_json(
                [
                    {
                        "code": c,
                        "sku": args.sku,
                        "kind": args.kind,
                        "months": args.months,
                        "devices": args.devices,
                    }
                    for c in codes
                ]
            )
        else:
            print("\n".join(codes))
        return 0
    if cmd == "codes":
        rows = _service(args, clock).codes(args.unused)
        if args.json:
            _print_json(
                [
                    {
                        "code": r.code,
                        "code_hash": r.code_hash,
                        "sku": r.sku,
                        "kind": r.kind,
                        "months": r.months,
                        "devices": r.devices,
                        "uses": r.uses,
                        "issued_at": r.issued_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                        "origin": r.origin,
                    }
                    for r in rows
                ]
            )
        else:
            for r in rows:
                print(
                    f"{r.code or '(not kept)':28}  {r.sku:18} {r.kind:8} {r.months:>3} mo  "
                    f"{r.uses}/{r.devices}  {r.issued_at:%Y-%m-%d}"
                )
        return 0
    if cmd == "product":
        service = _service(args, clock)
        if args.product_command == "add":
            p = service.add_product(args.sku, args.name, args.line)
            print(f"product {p.sku} '{p.name}' ({p.line}) added")
        else:
            for p in service.products():
                print(f"{p.sku:18} {p.line:14} {p.name}")
        return 0
    if cmd == "rotate-key":
        kid = _service(args, clock).rotate_key()
        print(f"new signing key {kid}; older keys stay listed for verification")
        return 0
    if cmd == "public-keys":
        keys = _service(args, clock).public_keys()
        if args.trust_file:
            _print_json({k.key_id: k.public for k in keys})
        elif args.json:
            _print_json(
                {
                    "format": "licdesk-public-keys",
                    "version": 1,
                    "keys": [k.to_json() for k in keys],
                }
            )
        else:
            for k in keys:
                mark = "current" if k.current else ""
                print(f"{k.key_id}  {k.public}  {k.created:%Y-%m-%d}  {mark}".rstrip())
        return 0
    if cmd == "license-file":
        return _license_file(args, clock)
    raise AssertionError(cmd)  # argparse allows no other command


def _license_file(args: argparse.Namespace, clock: Clock) -> int:
    out: Path = args.out
    if not out.parent.is_dir():
        raise DomainError("export_failed", path=str(out), reason="no such folder")
    data = _service(args, clock).license_file(
        args.code, args.device, args.store, serial=args.serial
    )
    tmp = out.with_name(out.name + ".part")
    try:
        tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(tmp, out)
    except OSError as exc:
        # The code is bound already; running the same command again returns the same file.
        raise DomainError("export_failed", path=str(out), reason=exc.strerror or str(exc)) from None
    doc = data["document"]
    print(f"{out}: license {doc['serial']} for {doc['device']}, {doc['start']} .. {doc['end']}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.data is None:
        args.data = cfg.default_data_dir()
    try:
        return run(args)
    except DomainError as err:
        print(f"licdesk-authority: {render(err.code, err.params)}", file=sys.stderr)
        return EXIT_REFUSED
    except OSError as exc:  # a folder or file the authority cannot use
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"licdesk-authority: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_REFUSED
    except sqlite3.Error as exc:
        print(f"licdesk-authority: the register cannot be used: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
