"""The CLI: each topic module registers its subcommands here."""

from __future__ import annotations

import argparse
import sys
from types import ModuleType

from desktop.cli import (
    activation,
    backup,
    bases,
    data,
    licenses,
    orders,
    renewals,
    settings,
    warnings,
)
from desktop.context import AppContext
from desktop.domain.errors import DomainError
from desktop.messages import render

#: Topic modules; each has ``register(subparsers)`` and sets ``run(app, args)``.
COMMAND_MODULES: list[ModuleType] = [
    licenses,
    warnings,
    renewals,
    orders,
    bases,
    activation,
    settings,
    data,
    backup,
]


def add_commands(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)


def run(app: AppContext, args: argparse.Namespace) -> int:
    if app.clock_check is not None and app.clock_check.set_back and app.clock_check.high_water:
        print(
            "licdesk: "
            + render(
                "clock_set_back",
                {
                    "seen": app.clock_check.high_water.isoformat(sep=" ", timespec="minutes"),
                    "day": app.clock.today().isoformat(),
                },
            ),
            file=sys.stderr,
        )
    stop_watching = app.db.watch_busy(_say_waiting)
    try:
        return int(args.run(app, args) or 0)
    except DomainError as err:
        print(f"licdesk: {render(err.code, err.params)}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    finally:
        stop_watching()


def _say_waiting(waiting: bool) -> None:
    """A write waits for another program's write lock: say so at once (then it either
    goes through or ends with ``store_busy``)."""
    if waiting:
        print(
            "licdesk: another program is writing to this database; waiting...",
            file=sys.stderr,
            flush=True,
        )
