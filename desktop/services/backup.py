"""Backups: make one, list them, check one, restore one (the window and the CLI alike).

The storage layer does the copying (desktop.storage.backup); here are the rules of
when: an automatic backup before an import (and, in storage, before a migration and a
restore), a daily one while the window runs (DAILY_BACKUP_EVERY), none where the store
has no automatic backups (PostgreSQL: its administrator's).
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from desktop.domain.errors import DomainError
from desktop.services.ports import BackupInfo, Backups, Database, RestoreResult

log = logging.getLogger(__name__)

#: A daily backup is made when the newest automatic one is older than this.
DAILY_BACKUP_EVERY = dt.timedelta(hours=24)
#: How often the window asks whether the daily backup is due.
DAILY_BACKUP_CHECK_EVERY = dt.timedelta(hours=1)


def _of(db: Database) -> Backups:
    backups = db.backups()
    if backups is None:
        raise DomainError("backups_unavailable")
    return backups


def backup_now(backups: Backups, to: Path | None = None) -> BackupInfo:
    """A backup the user asked for (into the store's backup folder, or ``to``)."""
    return backups.create("manual", to)


def list_backups(backups: Backups) -> list[BackupInfo]:
    return backups.list()


def check(backups: Backups, path: Path) -> BackupInfo:
    return backups.check(path)


def restore(backups: Backups, path: Path) -> RestoreResult:
    """Check ``path``, back up the store as it is, then replace it (refused while
    another program has the store open)."""
    return backups.restore(path)


def last_good(backups: Backups) -> BackupInfo | None:
    """The newest backup that passes the check (offered for a damaged store)."""
    for info in backups.list():
        if info.reason == "damaged":
            continue  # a damaged store's byte copy: kept, never offered
        try:
            return backups.check(info.path)
        except DomainError as err:
            log.warning("backup %s is not usable: %s", info.path, err)
    return None


def before_change(db: Database, reason: str) -> BackupInfo | None:
    """An automatic backup before a risky change (``before-import``); None where the
    store takes none. A backup that cannot be written stops the change (raises)."""
    backups = db.backups()
    if backups is None or not backups.automatic:
        return None
    return backups.create(reason)


def daily(db: Database, now: dt.datetime | None = None) -> BackupInfo | None:
    """The daily automatic backup, when the newest automatic one is a day old."""
    backups = db.backups()
    if backups is None or not backups.automatic:
        return None
    now = now or dt.datetime.now()
    newest = next((b for b in backups.list() if b.reason != "manual"), None)
    if newest is not None and now - newest.created < DAILY_BACKUP_EVERY:
        return None
    return backups.create("daily")


def backups_of(db: Database) -> Backups:
    """The store's backups (DomainError ``backups_unavailable`` where there are none)."""
    return _of(db)
