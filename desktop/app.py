"""The composition root: the one module that knows every layer.

``licdesk`` with no subcommand opens the window; with a subcommand it is the CLI.
Global options (before the subcommand): --db PATH_OR_URL (or LICDESK_DB),
--today YYYY-MM-DD, --demo, --lang, --version.

It builds one :class:`~desktop.context.AppContext` (the store, the clock, the
authority, the signature check, this PC's code) and hands it to the front end.
Nothing imports this module but ``desktop.__main__`` and the ``licdesk`` script.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop import APP_NAME, __version__

if TYPE_CHECKING:  # imported where used: `licdesk --version` costs little more than Python
    from datetime import date

    from desktop.context import AppContext
    from desktop.domain.clock import Clock
    from desktop.services.activation import Authority
    from desktop.services.licenses import Verifier
    from desktop.storage.database import SqlDatabase


def build_parser() -> argparse.ArgumentParser:
    from desktop.cli.common import date_arg
    from desktop.cli.main import add_commands

    parser = argparse.ArgumentParser(
        prog="licdesk",
        description=f"{APP_NAME}: licenses, update subscriptions and renewals.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="database file or URL (default: LICDESK_DB or the user data dir)",
    )
    parser.add_argument(
        "--today", type=date_arg, metavar="YYYY-MM-DD", help="evaluate every rule as of this day"
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        dest="use_demo",
        help="use the separate demo database (created on first use)",
    )
    parser.add_argument("--lang", metavar="CODE", help="UI language: en, ru or pl")
    parser.add_argument("--quit-after", type=int, metavar="MS", help=argparse.SUPPRESS)
    parser.add_argument("-v", "--verbose", action="store_true", help="log to stderr too")
    add_commands(parser)
    return parser


def setup_logging(verbose: bool) -> None:
    import logging

    from desktop.logfile import LazyLogFile

    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(LazyLogFile())  # the file is opened by the first record
    if verbose:
        root.addHandler(logging.StreamHandler(sys.stderr))


def make_clock(today: date | None) -> Clock:
    from desktop.domain.clock import FixedClock, SystemClock, parse_iso_date

    if today is None:
        env = os.environ.get("LICDESK_TODAY")
        return FixedClock(parse_iso_date(env, "LICDESK_TODAY")) if env else SystemClock()
    return FixedClock(today)


def db_target(args: argparse.Namespace) -> str:
    from desktop import paths

    if args.use_demo:
        return str(paths.demo_db_path())
    return str(args.db or os.environ.get("LICDESK_DB") or paths.default_db_path())


def _local_authority() -> Authority:
    from desktop import paths
    from desktop.authority.keys import TrustStore
    from desktop.services.activation import LocalAuthority
    from desktop.storage.secrets import KeyringSecrets

    return LocalAuthority(KeyringSecrets(), TrustStore(paths.data_dir() / "trusted_keys.json"))


def _signature_check(app: AppContext) -> Verifier:
    from desktop.services.activation import SignatureCheck

    check = SignatureCheck(app.db, lambda: app.authority.trusted_keys())
    app.db.subscribe(check.invalidate)  # a write may sign the store or change its keys
    return check


def build_app(target: str, clock: Clock, *, is_demo: bool = False) -> AppContext:
    """Open (and migrate) the store and wire the application object onto it."""
    from desktop import local_config
    from desktop.storage.database import open_database

    db = open_database(target, connect_timeout_s=local_config.load().connect_timeout_s)
    return _wire(db, clock, is_demo)


def open_fast(target: str, clock: Clock, *, is_demo: bool = False) -> AppContext | None:
    """The window's fast start: a local SQLite file at the current schema, read through
    plain sqlite3 (SQLAlchemy is imported on the first unit of work); else None."""
    from desktop.storage.database import open_fast_database

    # A local file: the per-PC connect timeout (local_config) is for servers only.
    db = open_fast_database(target)
    return _wire(db, clock, is_demo) if db is not None else None


def _this_pc() -> str:
    from desktop.workplace import this_pc_code

    return this_pc_code()


def _wire(db: SqlDatabase, clock: Clock, is_demo: bool) -> AppContext:
    from desktop.context import AppContext

    return AppContext(
        db=db,
        clock=clock,
        is_demo=is_demo,
        make_authority=_local_authority,
        make_verifier=_signature_check,
        this_pc=_this_pc,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging(args.verbose)
    from desktop.domain.errors import DomainError
    from desktop.messages import render

    try:
        clock = make_clock(args.today)
        target = db_target(args)
        if getattr(args, "command", None):
            from desktop.cli.main import run

            # A local file at the current schema opens through plain sqlite3, as the
            # window's does: a read-only command never imports SQLAlchemy.
            fast = None if args.use_demo else open_fast(target, clock)
            app = fast or build_app(target, clock, is_demo=args.use_demo)
            if args.use_demo:
                from desktop.cli.data import prepare_demo

                prepare_demo(app)
            return run(app, args)
    except DomainError as err:
        print(f"licdesk: {render(err.code, err.params)}", file=sys.stderr)
        return 2

    from desktop import paths
    from desktop.ui.launch import run_gui

    return run_gui(
        lambda: build_app(target, clock, is_demo=args.use_demo),
        open_fast=lambda: open_fast(target, clock, is_demo=args.use_demo),
        demo=args.use_demo,
        lang=args.lang,
        quit_after_ms=args.quit_after,
        open_demo=lambda: build_app(str(paths.demo_db_path()), clock, is_demo=True),
    )
