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


def demo_authority_dir() -> Path:
    """The demo authority's own folder (its key file and register): demo only."""
    return data_dir() / "demo-authority"


#: Environment variable that points at another machine-wide folder of trusted keys; it is
#: honoured only for a folder an administrator owns (desktop.services.trust.admin_only).
MACHINE_KEYS_ENV = "LICDESK_MACHINE_KEYS_DIR"


def machine_keys_dir() -> Path:
    """Where an administrator installs the public keys of the license authorities this
    PC trusts: outside every user's folders and outside the database."""
    override = os.environ.get(MACHINE_KEYS_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / ORG_NAME / "trusted-keys"
    if sys.platform == "darwin":
        return Path("/Library/Application Support") / ORG_NAME / "trusted-keys"
    return Path("/etc") / APP_ID / "trusted-keys"


def vendor_keys_dir() -> Path:
    """The vendor's public keys, shipped with the app."""
    return resource("trusted_keys")


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
