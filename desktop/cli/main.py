"""The CLI: each topic module registers its subcommands here, when they are used.

Start-up matters for a command-line tool (`licdesk --version` should cost little more
than starting Python), so the parser knows every command by name and help text from
:data:`COMMANDS` and imports a topic module (and through it the services it needs)
only when one of its commands is on the command line. A test checks the table against
what the modules register.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.context import AppContext

#: Every subcommand in the order ``licdesk --help`` lists them: name -> (topic module in
#: desktop.cli, help). Each module has ``register(subparsers)`` and sets ``run(app, args)``.
COMMANDS: dict[str, tuple[str, str]] = {
    "licenses": ("licenses", "list licenses with their update-subscription status"),
    "warnings": ("warnings", "subscriptions ending within the threshold or ended"),
    "quote": ("renewals", "what renewing the given licenses costs and buys"),
    "forecast": ("renewals", "renewal costs per month if every license renews on time"),
    "orders": ("orders", "renewal orders"),
    "order": ("orders", "create, change, print or fulfil an order"),
    "bases": ("bases", "installed bases with their state (working, ending, demo)"),
    "updates": ("bases", "which releases each base may install without demo mode"),
    "releases": ("bases", "the release catalogue"),
    "install": ("bases", "record that a version was installed on a base"),
    "activate": ("activation", "activate a code on a device (asks the license authority)"),
    "load-license": ("activation", "load a signed license file (the offline path)"),
    "transfer": ("activation", "unbind a license from its device (while it is active)"),
    "this-pc": ("activation", "this workplace's own device code and the store's id"),
    "keys": ("activation", "the license authorities' keys this PC trusts"),
    "settings": ("settings", "the store's settings (warning threshold, authority, ...)"),
    "init": ("data", "create (or upgrade) the database; --demo fills demo data"),
    "export": ("data", "write the whole dataset to a file"),
    "import": ("data", "read a dataset file (.json or .csv); all or nothing"),
    "backup": ("backup", "write a backup of the database now"),
    "backups": ("backup", "list the database's backups, newest first"),
    "restore": (
        "backup",
        "replace the database with a backup (checked first; the current one is backed up "
        "before it is replaced)",
    ),
}


def topic_modules() -> list[str]:
    """The topic modules, in the order of their first command."""
    return list(dict.fromkeys(module for module, _help in COMMANDS.values()))


class _Filler:
    """Stands in for the subparsers while one topic module registers: each of its
    commands fills the placeholder parser made for it (argparse keeps the rest)."""

    def __init__(self, action: _LazySubParsers) -> None:
        self._action = action

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser | None = self._action._name_parser_map.get(name)
        if parser is None:  # a command the table does not know (the table test fails)
            return self._action.add_real_parser(name, **kwargs)
        for key in ("description", "epilog", "formatter_class"):
            if key in kwargs:
                setattr(parser, key, kwargs[key])
        return parser


class _LazySubParsers(argparse._SubParsersAction):  # type: ignore[type-arg]
    """Subcommands whose arguments are declared on first use."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loaded: set[str] = set()

    def add_real_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = super().add_parser(name, **kwargs)
        return parser

    def load(self, command: str) -> None:
        entry = COMMANDS.get(command)
        if entry is None or entry[0] in self._loaded:
            return
        self._loaded.add(entry[0])
        module = importlib.import_module(f"desktop.cli.{entry[0]}")
        module.register(_Filler(self))

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        if isinstance(values, list | tuple) and values:
            self.load(str(values[0]))
        super().__call__(parser, namespace, values, option_string)


def add_commands(parser: argparse.ArgumentParser) -> None:
    parser.register("action", "parsers", _LazySubParsers)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    assert isinstance(sub, _LazySubParsers)
    for name, (_module, help_text) in COMMANDS.items():
        sub.add_real_parser(name, help=help_text)


def load_all(parser: argparse.ArgumentParser) -> None:
    """Declare every command's arguments now (tests, documentation)."""
    for action in parser._actions:
        if isinstance(action, _LazySubParsers):
            for name in COMMANDS:
                action.load(name)


def run(app: AppContext, args: argparse.Namespace) -> int:
    from desktop.domain.errors import DomainError
    from desktop.messages import render

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
