"""This PC's identity: its stable workplace code (a device code of the PC01 model)."""

from __future__ import annotations

import uuid
from functools import cache
from pathlib import Path

from desktop.domain.codes import workplace_code

MACHINE_ID_FILES = ("/etc/machine-id", "/var/lib/dbus/machine-id")


@cache
def this_pc_code() -> str:
    """This workplace's stable device code, derived from the machine id (no personal data)."""
    machine = ""
    for name in MACHINE_ID_FILES:
        try:
            machine = Path(name).read_text(encoding="ascii").strip()
            break
        except (OSError, UnicodeDecodeError):
            continue
    return workplace_code(machine or str(uuid.getnode()))
