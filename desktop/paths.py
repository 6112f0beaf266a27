"""Where License Desk keeps its files, frozen (PyInstaller) or not."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from desktop import APP_ID, ORG_NAME


def data_dir() -> Path:
    override = os.environ.get("LICDESK_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_ID, ORG_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    override = os.environ.get("LICDESK_DATA_DIR")
    path = (
        Path(override) / "logs" if override else Path(platformdirs.user_log_dir(APP_ID, ORG_NAME))
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    override = os.environ.get("LICDESK_DATA_DIR")
    path = (
        Path(override) / "cache"
        if override
        else Path(platformdirs.user_cache_dir(APP_ID, ORG_NAME))
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """Per-PC settings that must be known before a database opens (how to reach it)."""
    override = os.environ.get("LICDESK_DATA_DIR")
    path = (
        Path(override) / "config"
        if override
        else Path(platformdirs.user_config_dir(APP_ID, ORG_NAME))
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / "licdesk.db"


def demo_db_path() -> Path:
    return data_dir() / "licdesk-demo.db"


def resource_root() -> Path:
    """The `resources/` folder: beside the package in a checkout, in _MEIPASS when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resource_root().joinpath(*parts)
