"""Per-PC connection settings, known before any database is open.

Business settings live in the database; UI state (geometry, language) in QSettings.
What is needed to *reach* the database (how long to wait for a central server) cannot
live in it, so it lives here: a small INI file in the user config folder that the CLI
reads too (no Qt).
"""

from __future__ import annotations

import configparser
import logging
from dataclasses import dataclass
from pathlib import Path

from desktop import paths

log = logging.getLogger(__name__)

SECTION = "connection"
#: Seconds to wait for a central PostgreSQL server before saying it cannot be reached.
DEFAULT_CONNECT_TIMEOUT_S = 5
CONNECT_TIMEOUT_RANGE = (1, 120)


@dataclass(frozen=True)
class LocalConfig:
    connect_timeout_s: int = DEFAULT_CONNECT_TIMEOUT_S


def config_path() -> Path:
    return paths.config_dir() / "licdesk.ini"


def load() -> LocalConfig:
    parser = configparser.ConfigParser()
    try:
        parser.read(config_path(), encoding="utf-8")
    except (OSError, configparser.Error, UnicodeDecodeError):
        log.warning("ignoring an unreadable %s", config_path())
        return LocalConfig()
    raw = parser.get(SECTION, "connect_timeout_s", fallback="")
    try:
        value = int(raw) if raw else DEFAULT_CONNECT_TIMEOUT_S
    except ValueError:
        value = DEFAULT_CONNECT_TIMEOUT_S
    lo, hi = CONNECT_TIMEOUT_RANGE
    return LocalConfig(connect_timeout_s=min(hi, max(lo, value)))


def save(config: LocalConfig) -> None:
    parser = configparser.ConfigParser()
    parser[SECTION] = {"connect_timeout_s": str(config.connect_timeout_s)}
    path = config_path()
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8") as fh:
        parser.write(fh)
    tmp.replace(path)
