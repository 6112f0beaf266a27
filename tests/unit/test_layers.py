"""The layers hold: domain and services import neither Qt nor SQLAlchemy; the CLI no Qt;
the front ends call services and never open a unit of work, commit or reach a repository;
nothing but the entry point imports the composition root."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "desktop"

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


#: What a front end may not call: it hands the database to a service instead.
FORBIDDEN_CALLS = {"commit", "rollback", "uow", "read"}


def front_end_violations(source: str, filename: str) -> list[str]:
    """Calls of ``.commit()``/``.uow()``/``.read()`` (so no repository is reachable) and
    imports of the storage layer or the composition root, in one front-end module."""
    tree = ast.parse(source, filename)
    found: list[str] = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in FORBIDDEN_CALLS
        ):
            found.append(f"{filename}:{node.lineno}: .{node.func.attr}()")
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        for name in names:
            if name == "desktop.app" or name.startswith("desktop.storage"):
                found.append(f"{filename}:{node.lineno}: imports {name}")
    return found


@pytest.mark.parametrize("front_end", ["ui", "cli"])
def test_front_ends_only_call_services(front_end: str) -> None:
    problems = []
    for path in sorted((PACKAGE / front_end).rglob("*.py")):
        problems += front_end_violations(path.read_text(encoding="utf-8"), str(path))
    assert problems == []


@pytest.mark.parametrize(
    "snippet",
    [
        "with app.db.uow(write=True) as uow:\n    uow.commit()",
        "uow.commit()",
        "with db.read() as view:\n    view.licenses.count(q)",
        "from desktop.storage.uow import Store",
        "import desktop.app",
        "from desktop import app",
    ],
)
def test_the_layer_check_catches(snippet: str) -> None:
    assert front_end_violations(snippet, "x.py")


def test_nothing_imports_the_composition_root() -> None:
    allowed = {PACKAGE / "__main__.py", PACKAGE / "app.py"}
    bad = []
    for path in PACKAGE.rglob("*.py"):
        if path in allowed:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (
                node.module == "desktop.app"
                or (node.module == "desktop" and any(a.name == "app" for a in node.names))
            ):
                bad.append(f"{path}:{node.lineno}")
            if isinstance(node, ast.Import) and any(a.name == "desktop.app" for a in node.names):
                bad.append(f"{path}:{node.lineno}")
    assert bad == []


def test_first_paint_path_does_not_import_sqlalchemy(tmp_path: Path) -> None:
    """The window reads its first rows through sqlite3 (PERFORMANCE.md trap 9)."""
    code = f"""
import sys, os
os.environ["LICDESK_DATA_DIR"] = {str(tmp_path)!r}
from desktop.storage.open import open_store
open_store({str(tmp_path / "x.db")!r}).dispose()
for m in [m for m in sys.modules if m.startswith(("sqlalchemy", "alembic", "desktop"))]:
    del sys.modules[m]
from desktop.app import open_fast
from desktop.domain.clock import SystemClock
from desktop.services import licenses
app = open_fast({str(tmp_path / "x.db")!r}, SystemClock())
query = licenses.make_query(app.db, SystemClock().today())
licenses.count(app.db, query)
licenses.page(app.db, query, 0, 200, verifier=app.verifier)
print(app is not None, any(m.startswith("sqlalchemy") for m in sys.modules))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False"]
