"""The layers hold: domain and services import neither Qt nor SQLAlchemy; the CLI no Qt."""

from __future__ import annotations

import subprocess
import sys

import pytest

CHECK = """
import importlib, pkgutil, sys
import desktop.{pkg} as pkg
for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
    importlib.import_module(m.name)
bad = sorted({{n.split(".")[0] for n in sys.modules}} & set({forbidden!r}))
print(",".join(bad))
"""


@pytest.mark.parametrize(
    ("pkg", "forbidden"),
    [
        ("domain", ["PySide6", "sqlalchemy", "alembic"]),
        ("services", ["PySide6", "sqlalchemy", "alembic"]),
        ("cli", ["PySide6"]),
    ],
)
def test_layer_imports(pkg: str, forbidden: list[str]) -> None:
    out = subprocess.run(
        [sys.executable, "-c", CHECK.format(pkg=pkg, forbidden=forbidden)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert out == "", f"desktop.{pkg} imports {out}"


def test_first_paint_path_does_not_import_sqlalchemy(tmp_path) -> None:  # noqa: ANN001
    """The window reads its first rows through sqlite3 (PERFORMANCE.md trap 9)."""
    code = f"""
import sys, os
os.environ["LICDESK_DATA_DIR"] = {str(tmp_path)!r}
from desktop.storage.open import open_store
open_store({str(tmp_path / "x.db")!r}).dispose()
for m in [m for m in sys.modules if m.startswith(("sqlalchemy", "alembic", "desktop"))]:
    del sys.modules[m]
from desktop.app import open_context
from desktop.domain.clock import SystemClock
ctx = open_context({str(tmp_path / "x.db")!r}, SystemClock(), lazy=True)
with ctx.read() as view:
    view.licenses.count
print(ctx.fast_read is not None, any(m.startswith("sqlalchemy") for m in sys.modules))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False"]


def test_signed_store_key_is_one_value() -> None:
    from desktop import app
    from desktop.services import activation

    assert app.SIGNED_STORE_KEY == activation.SIGNED_STORE_KEY
