"""Importing the authority starts nothing, and the customer's client stays light."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import importlib, pkgutil, sys, threading
import desktop.authority.client
light = sorted({n.split(".")[0] for n in sys.modules} & {"starlette", "uvicorn", "sqlite3"})
import desktop.authority as pkg
for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
    if m.name != "desktop.authority.__main__":
        importlib.import_module(m.name)
heavy = sorted({n.split(".")[0] for n in sys.modules} & {"PySide6", "sqlalchemy", "alembic"})
print(",".join(light), "|", ",".join(heavy), "|", threading.active_count())
"""


def test_imports_start_nothing_and_the_client_needs_no_server_parts() -> None:
    out = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True
    ).stdout.split("|")
    assert [x.strip() for x in out] == ["", "", "1"]
