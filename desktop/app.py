"""The composition root: the one module that knows every layer.

``licdesk`` with no subcommand opens the window; with a subcommand it is the CLI.
Global options (before the subcommand): --db PATH_OR_URL (or LICDESK_DB),
--today YYYY-MM-DD, --demo, --lang, --version.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import sys
from collections.abc import Sequence
from typing import Any

from desktop import APP_NAME, __version__, paths
from desktop.context import AppContext
from desktop.domain.clock import Clock, FixedClock, SystemClock, parse_iso_date
from desktop.domain.errors import DomainError

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
    parser.add_argument("-v", "--verbose", action="store_true", help="log to stderr too")
    add_commands(parser)
    return parser


def setup_logging(verbose: bool) -> None:
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    try:
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            paths.log_dir() / "licdesk.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if verbose:
        root.addHandler(logging.StreamHandler(sys.stderr))


def make_clock(today: object) -> Clock:
    if today is None:
        env = os.environ.get("LICDESK_TODAY")
        return FixedClock(parse_iso_date(env, "LICDESK_TODAY")) if env else SystemClock()
    return FixedClock(today)  # type: ignore[arg-type]


def db_target(args: argparse.Namespace) -> str:
    if args.use_demo:
        return str(paths.demo_db_path())
    return args.db or os.environ.get("LICDESK_DB") or str(paths.default_db_path())


def open_context(
    target: str, clock: Clock, *, is_demo: bool = False, lazy: bool = False
) -> AppContext:
    """Open (and migrate) the store and wire every feature onto it.

    ``lazy`` (the GUI's start): a SQLite file already at the current schema is read
    through plain sqlite3 at once, and SQLAlchemy is imported on the first unit of work.
    """
    if lazy:
        from desktop.storage.fastread import open_fast_reader

        fast = open_fast_reader(target)
        if fast is not None:
            return _lazy_context(target, clock, is_demo, fast)
    from desktop.storage.db import safe_url
    from desktop.storage.open import open_store

    store = open_store(target)
    ctx = AppContext(
        uow=store.uow,
        clock=clock,
        db_label=target if "://" not in target else safe_url(target),
        is_demo=is_demo,
        dialect=store.dialect,
    )
    ctx.extras["store"] = store
    install_activation(ctx)
    return ctx


def trust_store():  # type: ignore[no-untyped-def]
    from desktop.authority.keys import TrustStore

    return TrustStore(paths.data_dir() / "trusted_keys.json")


class _LazyAuthority:
    """Builds the keyring-backed authority on first use: cryptography and keyring stay
    out of the start-up path of a store that has nothing signed."""

    def __init__(self) -> None:
        self._real: Any = None

    def __getattr__(self, name: str) -> Any:
        if self._real is None:
            from desktop.services.activation import LocalAuthority
            from desktop.storage.secrets import KeyringSecrets

            self._real = LocalAuthority(KeyringSecrets(), trust_store())
        return getattr(self._real, name)


#: Setting that marks a store whose licenses are signed (see desktop.services.activation).
SIGNED_STORE_KEY = "signed_store"


def install_activation(ctx: AppContext) -> None:
    """The local authority (keyring-backed) and the signature check of every license."""
    ctx.extras["authority"] = _LazyAuthority()
    ctx.extras.setdefault("after_demo", []).append(_demo_activation)
    with ctx.read() as view:
        signed = view.settings.get(SIGNED_STORE_KEY) == "1"
    if signed:
        install_activation_verifier(ctx)


def _demo_activation(ctx: AppContext) -> None:
    """Sign the demo licenses and leave unused codes, so activation can be tried at once."""
    from desktop.services.activation import sign_licenses

    auth = ctx.extras["authority"]
    try:
        auth.init()
        with ctx.uow(write=True) as uow:
            sign_licenses(uow, auth)
            codes = [
                *auth.issue(uow, "MS-EGAIS-CHM", "license", 12, 2, ctx.clock.today()),
                *auth.issue(uow, "MS-EGAIS-CHM", "renewal", 12, 2, ctx.clock.today()),
                *auth.issue(uow, "MS-STORE15-BASE", "renewal", 12, 2, ctx.clock.today()),
            ]
            uow.commit()
    except DomainError as err:
        from desktop.messages import render

        log.warning("demo activation skipped: %s", err)
        print(
            f"licdesk: demo licenses are not signed: {render(err.code, err.params)}",
            file=sys.stderr,
        )
        return
    install_activation_verifier(ctx)
    log.info("demo activation codes issued: %d", len(codes))
    ctx.extras["demo_codes"] = codes


def install_activation_verifier(ctx: AppContext) -> None:
    from desktop.services.activation import make_verifier

    with ctx.read() as view:
        signed = view.settings.get(SIGNED_STORE_KEY) == "1"
        store_id = view.settings.get("store_id")
    ctx.verifier = make_verifier(trust_store().load(), store_id, signed)


def this_pc_code() -> str:
    """This workplace's stable device code, derived from the machine id."""
    import uuid

    from desktop.domain.codes import workplace_code

    machine = ""
    for p in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            machine = open(p, encoding="ascii").read().strip()  # noqa: SIM115
            break
        except OSError:
            continue
    return workplace_code(machine or str(uuid.getnode()))


def _lazy_context(target: str, clock: Clock, is_demo: bool, fast: Any) -> AppContext:
    stores: list[Any] = []

    def uow(**kwargs: Any) -> Any:
        if not stores:
            from desktop.storage.open import open_store

            stores.append(open_store(target))
            ctx.extras["store"] = stores[0]
        return stores[0].uow(**kwargs)

    ctx = AppContext(uow=uow, clock=clock, db_label=target, is_demo=is_demo, dialect="sqlite")
    ctx.fast_read = fast
    install_activation(ctx)
    return ctx


def ensure_demo(ctx: AppContext) -> None:
    from desktop.services import setup

    if setup.is_empty(ctx.uow):
        setup.init_demo(ctx.uow, ctx.clock.today())
        for hook in ctx.extras.get("after_demo", []):
            hook(ctx)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging(args.verbose)
    from desktop.messages import render

    try:
        clock = make_clock(args.today)
        target = db_target(args)
        if getattr(args, "command", None):
            from desktop.cli.main import run

            ctx = open_context(target, clock, is_demo=args.use_demo)
            if args.use_demo:
                ensure_demo(ctx)
            return run(ctx, args)
    except DomainError as err:
        print(f"licdesk: {render(err.code, err.params)}", file=sys.stderr)
        return 2

    from desktop.ui.launch import run_gui

    return run_gui(
        lambda: open_context(target, clock, is_demo=args.use_demo, lazy=True),
        demo=args.use_demo,
        lang=args.lang,
        quit_after_ms=args.quit_after,
        open_demo=lambda: open_context(str(paths.demo_db_path()), clock, is_demo=True),
        ensure_demo=ensure_demo,
    )
