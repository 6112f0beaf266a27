"""licdesk backup [--to FILE] | backups | restore FILE

These commands work on the store's file (or server) without opening it: a damaged store
can still be backed up as it is, listed, and restored. The composition root hands them
the store's :class:`~desktop.services.ports.Backups` (``run_backups(backups, args)``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import Subparsers, print_json, print_table
from desktop.domain.errors import DomainError
from desktop.services import backup
from desktop.services.ports import BackupInfo, Backups


def register(sub: Subparsers) -> None:
    p = sub.add_parser("backup", help="write a backup of the database now")
    p.add_argument("--to", type=Path, metavar="FILE", help="write it here instead")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run_backups=run_backup)

    p = sub.add_parser("backups", help="list the database's backups, newest first")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run_backups=run_list)

    p = sub.add_parser(
        "restore",
        help="replace the database with a backup (checked first; the current one is "
        "backed up before it is replaced)",
    )
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run_backups=run_restore)


def _json(info: BackupInfo) -> dict[str, object]:
    return {
        "path": str(info.path),
        "created": info.created.isoformat(),
        "reason": info.reason,
        "size": info.size,
        "revision": info.revision,
    }


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{max(1, n // 1024)} KB"


def run_backup(backups: Backups, args: argparse.Namespace) -> int:
    info = backup.backup_now(backups, args.to)
    if args.json:
        print_json(_json(info))
    else:
        print(f"Backed up to {info.path} ({_size(info.size)}).")
    return 0


def run_list(backups: Backups, args: argparse.Namespace) -> int:
    found = backup.list_backups(backups)
    if args.json:
        print_json({"folder": str(backups.folder), "backups": [_json(b) for b in found]})
        return 0
    if not found:
        print(f"No backups yet in {backups.folder}.")
        return 0
    print_table(
        ["Made", "Why", "Size", "File"],
        [[b.created.isoformat(sep=" "), b.reason, _size(b.size), str(b.path)] for b in found],
    )
    return 0


def run_restore(backups: Backups, args: argparse.Namespace) -> int:
    result = backup.restore(backups, args.file)
    if args.json:
        print_json(
            {
                "restored": _json(result.restored),
                "safety": _json(result.safety) if result.safety else None,
            }
        )
        return 0
    print(f"Restored the database from {result.restored.path}.")
    if result.safety is not None:
        print(f"The database as it was is kept in {result.safety.path}.")
    return 0


def damage_hint(backups: Backups, command: str = "licdesk") -> str | None:
    """For a damaged store: the last good backup and the command that restores it."""
    try:
        good = backup.last_good(backups)
    except DomainError:
        return None
    if good is None:
        return f"No usable backup was found in {backups.folder}."
    return (
        f"The last good backup is from {good.created.isoformat(sep=' ')}: restore it with\n"
        f"  {command} restore {good.path}"
    )
