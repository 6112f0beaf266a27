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
import contextlib
import datetime as dt
import logging
import os
import shlex
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import APP_NAME, __version__, local_config, paths
from desktop.domain.clock import Clock, FixedClock, SystemClock, parse_iso_date
from desktop.domain.errors import DomainError
from desktop.domain.terms import supported_day
from desktop.logfile import LazyLogFile
from desktop.workplace import this_pc_code

if TYPE_CHECKING:  # imported where used: they stay off the window's first paint
    from desktop.context import AppContext
    from desktop.services.activation import Authority
    from desktop.services.clock import ClockCheck
    from desktop.services.ports import Backups
    from desktop.services.setup import DemoStore
    from desktop.services.trust import LicenseVerifier, TrustedKeys
    from desktop.storage.database import SqlDatabase

log = logging.getLogger(__name__)


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
    # A debug aid (and the crash-report test): raise inside the window's event loop.
    parser.add_argument("--crash-test", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("-v", "--verbose", action="store_true", help="log to stderr too")
    add_commands(parser)
    return parser


def setup_logging(verbose: bool) -> None:
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(LazyLogFile())  # the file is opened by the first record
    if verbose:
        root.addHandler(logging.StreamHandler(sys.stderr))


def make_clock(today: date | None) -> Clock:
    if today is None:
        env = os.environ.get("LICDESK_TODAY")
        if not env:
            return SystemClock()
        return FixedClock(supported_day(parse_iso_date(env, "LICDESK_TODAY"), "LICDESK_TODAY"))
    return FixedClock(today)


def db_target(args: argparse.Namespace) -> str:
    if args.use_demo:
        return str(paths.demo_db_path())
    return str(args.db or os.environ.get("LICDESK_DB") or paths.default_db_path())


def _authority(db: SqlDatabase, clock: Clock, is_demo: bool) -> Authority:
    from desktop.authority.customer import DemoAuthority, HttpAuthorityPort

    if is_demo:
        return DemoAuthority(paths.demo_authority_dir(), clock)

    def url() -> str | None:
        from desktop.services import settings

        return os.environ.get(AUTHORITY_URL_ENV) or settings.authority_url(db)

    return HttpAuthorityPort(url)


def _keys(is_demo: bool) -> TrustedKeys:
    from desktop.services.trust import load_keys

    keys = load_keys(paths.vendor_keys_dir(), paths.machine_keys_dir())
    if is_demo:
        from desktop.authority.customer import with_demo_keys

        keys = with_demo_keys(keys, paths.demo_authority_dir())
    return keys


def _verifier(app: AppContext) -> LicenseVerifier:
    from desktop.services.trust import LicenseVerifier

    verifier = LicenseVerifier(app.db, lambda: app.trusted_keys)
    app.db.subscribe(verifier.invalidate)  # the store's id is created by its first write
    return verifier


#: The authority's URL for this PC, over the store's setting (an administrator's choice).
AUTHORITY_URL_ENV = "LICDESK_AUTHORITY_URL"


def _prepare_demo_authority() -> None:
    """The demo authority's key exists before any demo license is judged."""
    from desktop.authority import config
    from desktop.authority.service import init_authority
    from desktop.authority.signer import KeyStorage

    folder = paths.demo_authority_dir()
    if not config.is_initialised(folder):
        init_authority(folder, name=config.DEMO_NAME, key_storage=KeyStorage.FILE)


def build_app(
    target: str,
    clock: Clock,
    *,
    is_demo: bool = False,
    what_if: bool = False,
    create: bool = True,
) -> AppContext:
    """Open (and migrate) the store and wire the application object onto it.
    ``create=False``: a missing SQLite file is ``store_missing``, never a new store."""
    from desktop.storage.database import open_database

    db = open_database(
        target, connect_timeout_s=local_config.load().connect_timeout_s, create=create
    )
    return _wire(db, clock, is_demo, what_if)


def open_fast(
    target: str, clock: Clock, *, is_demo: bool = False, what_if: bool = False
) -> AppContext | None:
    """The window's fast start: a local SQLite file at the current schema, read through
    plain sqlite3 (SQLAlchemy is imported on the first unit of work); else None."""
    from desktop.storage.database import open_fast_database

    db = open_fast_database(target, connect_timeout_s=local_config.load().connect_timeout_s)
    return _wire(db, clock, is_demo, what_if) if db is not None else None


def _wire(db: SqlDatabase, clock: Clock, is_demo: bool, what_if: bool) -> AppContext:
    from desktop.context import AppContext  # not on `licdesk --version`'s path
    from desktop.services import clock as clock_service

    is_demo = is_demo or db_is_demo(db)
    if is_demo:
        _prepare_demo_authority()
    check = None
    if not what_if:
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        check = clock_service.check(db, now)
        if check.set_back:
            log.warning("system clock set back: %s < %s", now, check.high_water)
            clock_service.record_set_back(db, check)
            clock = GuardedClock(clock, check)
    else:
        db.set_read_only(DomainError("what_if", day=clock.today().isoformat()))

    def authority() -> Authority:
        return _authority(db, clock, is_demo)

    def demo_codes() -> list[tuple[str, str, str]]:
        from desktop.authority.customer import DemoAuthority

        made = app.authority
        return list(made.codes()) if isinstance(made, DemoAuthority) else []

    def prepare_demo() -> DemoStore:
        """Fill an empty store with demo data signed by the demo authority: sample data,
        so it is made even in a what-if view (as of that day, and said so)."""
        from desktop.services import setup

        reason = db.read_only_reason()
        if reason is not None and reason.code != "what_if":
            raise DomainError(reason.code, **reason.params)
        db.set_read_only(None)
        try:
            # Only the demo database has a demo authority to sign with (its key is
            # trusted there alone); demo data elsewhere stays "not verified".
            authority = app.authority if is_demo else None
            return setup.ensure_demo(db, authority, app.trusted_keys, clock.today())
        finally:
            db.set_read_only(reason)

    app = AppContext(
        db=db,
        clock=clock,
        is_demo=is_demo,
        make_authority=authority,
        make_keys=lambda: _keys(is_demo),
        make_verifier=_verifier,
        this_pc=this_pc_code,
        clock_check=check,
        demo_codes=demo_codes if is_demo else None,
        what_if=what_if,
        prepare_demo=prepare_demo,
    )
    return app


def db_is_demo(db: SqlDatabase) -> bool:
    """The separate demo database (the demo authority's key counts for it alone)."""
    return db.dialect == "sqlite" and Path(db.label).resolve() == paths.demo_db_path().resolve()


class GuardedClock:
    """The system clock, never before the day the store has already seen."""

    def __init__(self, inner: Clock, check: ClockCheck) -> None:
        self._inner = inner
        self._check = check

    def today(self) -> dt.date:
        return self._check.today(self._inner.today())


def main(argv: Sequence[str] | None = None) -> int:
    from desktop import crash

    crash.install()
    _tolerant_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging(args.verbose)
    from desktop.messages import render

    target: str | None = None
    try:
        clock = make_clock(args.today)
        what_if = args.today is not None or bool(os.environ.get("LICDESK_TODAY"))
        target = db_target(args)
        if args.crash_test and getattr(args, "command", None):
            raise RuntimeError(f"crash test (--crash-test) with --db {target}")
        run_backups = getattr(args, "run_backups", None)
        if run_backups is not None:  # backup, backups, restore: the store stays closed
            return int(run_backups(_backups(target), args) or 0)
        if getattr(args, "command", None):
            from desktop.cli.main import run

            # A local file at the current schema opens through plain sqlite3, as the
            # window's does: a read-only command never imports SQLAlchemy.
            fast = None if args.use_demo else open_fast(target, clock, what_if=what_if)
            # A new store only when asked for (init) or for the demo: never a typo's.
            create = args.use_demo or args.command == "init"
            app = fast or build_app(
                target, clock, is_demo=args.use_demo, what_if=what_if, create=create
            )
            if args.use_demo and not (args.command == "init" and args.demo):
                from desktop.cli.data import prepare_demo

                prepare_demo(app)  # `init --demo` fills it itself and says what it made
            return run(app, args)
    except DomainError as err:
        print(f"licdesk: {render(err.code, err.params)}", file=sys.stderr)
        if err.code == "store_damaged" and target is not None:
            _say_last_good_backup(target, args)
        return 2
    except UnicodeEncodeError as err:
        if "surrogate" not in str(err.reason):
            raise
        given = list(sys.argv[1:] if argv is None else argv)
        culprit = next((a for a in given if _not_text(a)), str(err.object))
        bad = culprit.encode("utf-8", "replace").decode("utf-8")[:80]
        print(f"licdesk: {render('arg_not_text', {'value': bad})}", file=sys.stderr)
        return 2
    except OSError as err:  # the environment's fault (a file, a folder, a disk): say so
        log.warning("command failed: %s", err, exc_info=True)
        where = f": {err.filename}" if err.filename else ""
        print(f"licdesk: {err.strerror or err}{where}", file=sys.stderr)
        return 2
    except Exception as exc:  # our bug: a crash report, one line, and a distinct exit
        crash.handle(exc, "command line")
        return crash.EXIT_CRASH

    from desktop.ui.launch import run_gui

    return run_gui(
        # the demo is made on first use; any other store only when the user chooses
        lambda: build_app(
            target, clock, is_demo=args.use_demo, what_if=what_if, create=args.use_demo
        ),
        open_fast=lambda: open_fast(target, clock, is_demo=args.use_demo, what_if=what_if),
        demo=args.use_demo,
        lang=args.lang,
        quit_after_ms=args.quit_after,
        open_demo=lambda: build_app(
            str(paths.demo_db_path()), clock, is_demo=True, what_if=what_if
        ),
        create_app=lambda: build_app(
            target, clock, is_demo=args.use_demo, what_if=what_if, create=True
        ),
        backups=lambda: _backups(target),
        crash_test=args.crash_test,
    )


# ---------------------------------------------------------------- hardening (issue 12)


def _tolerant_streams() -> None:
    """Any bytes on the command line come back as surrogate escapes; echoing one must
    not end the run with a UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def _not_text(arg: str) -> bool:
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _backups(target: str) -> Backups:
    """The store's backups, without opening the store (it may be damaged)."""
    from desktop.storage.backup import open_backups

    return open_backups(target, connect_timeout_s=local_config.load().connect_timeout_s)


def _say_last_good_backup(target: str, args: argparse.Namespace) -> None:
    from desktop.cli.backup import damage_hint

    command = "licdesk"
    if args.use_demo:
        command += " --demo"
    elif args.db:
        command += f" --db {shlex.quote(str(args.db))}"
    try:
        hint = damage_hint(_backups(target), command)
    except DomainError:
        hint = None
    if hint:
        print(hint, file=sys.stderr)
