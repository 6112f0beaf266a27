"""The CLI: each topic module registers its subcommands here."""

from __future__ import annotations

import argparse
import sys
from types import ModuleType

from desktop.cli import activation, bases, data, licenses, orders, renewals, settings, warnings
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
    try:
        return int(args.run(app, args) or 0)
    except DomainError as err:
        print(f"licdesk: {render(err.code, err.params)}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
