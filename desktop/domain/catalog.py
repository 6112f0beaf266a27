"""Product lines and device kinds: the vocabulary shared by every layer."""

from __future__ import annotations

import re
from enum import StrEnum

from desktop.domain.errors import DomainError


class ProductLine(StrEnum):
    MOBILE_SMARTS = "mobile-smarts"
    ENOVA365 = "enova365"


class ProductKind(StrEnum):
    LICENSE = "license"
    MODULE = "module"  # enova365 module sold in seats


class DeviceKind(StrEnum):
    TERMINAL = "terminal"
    PC = "pc"


CURRENCIES = ("RUB", "PLN", "EUR", "USD")

_VERSION = re.compile(r"^\d+(\.\d+){0,3}$")


def parse_version(text: str) -> tuple[int, ...]:
    """'15.3' -> (15, 3); DomainError('bad_version') for anything else."""
    value = text.strip()
    if not _VERSION.match(value):
        raise DomainError("bad_version", value=text)
    return tuple(int(p) for p in value.split("."))
