"""Where an authority keeps its files, and the little it remembers about itself.

A data folder holds ``authority.json`` (name, where new keys go), ``register.db`` and
``keys/`` (see :mod:`desktop.authority.signer`). The folder comes from ``--data``, else
``LICDESK_AUTHORITY_DIR``, else the platform's user data folder ``licdesk-authority``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from desktop.authority.signer import KeyStorage
from desktop.domain.errors import DomainError

ENV_DIR = "LICDESK_AUTHORITY_DIR"
APP_DIR_NAME = "licdesk-authority"
CONFIG_FILE = "authority.json"
CONFIG_FORMAT = "licdesk-authority"
REGISTER_FILE = "register.db"
DEFAULT_NAME = "license authority"
DEMO_NAME = "demo authority"


def default_data_dir() -> Path:
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


@dataclass(frozen=True)
class AuthorityConfig:
    name: str
    key_storage: KeyStorage

    def to_json(self) -> dict[str, object]:
        return {
            "format": CONFIG_FORMAT,
            "version": 1,
            "name": self.name,
            "key_storage": self.key_storage.value,
        }


def is_initialised(data_dir: Path) -> bool:
    return (Path(data_dir) / CONFIG_FILE).exists()


def load_config(data_dir: Path) -> AuthorityConfig:
    path = Path(data_dir) / CONFIG_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DomainError("authority_dir_not_initialised", path=str(data_dir)) from None
    except (OSError, ValueError) as exc:
        raise DomainError("authority_config_unreadable", path=str(path), reason=str(exc)) from None
    try:
        if data["format"] != CONFIG_FORMAT:
            raise ValueError(data["format"])
        return AuthorityConfig(str(data["name"]), KeyStorage(data["key_storage"]))
    except (KeyError, TypeError, ValueError):
        raise DomainError(
            "authority_config_unreadable", path=str(path), reason="not an authority file"
        ) from None


def save_config(data_dir: Path, config: AuthorityConfig) -> None:
    path = Path(data_dir) / CONFIG_FILE
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(json.dumps(config.to_json(), indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
