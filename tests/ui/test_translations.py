"""Every string the UI shows is translated into Russian and Polish, and the .ts files
hold every string of the sources (lupdate run into a temp copy finds nothing new)."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop import paths

TS_DIR = paths.resource("translations")
PACKAGE = Path(__file__).resolve().parents[2] / "desktop"


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    out = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            out.append((name, msg.findtext("source") or "", msg))
    return out


@pytest.mark.parametrize("lang", ["ru", "pl"])
def test_every_entry_is_translated_and_finished(lang: str) -> None:
    problems = []
    for ctx, source, msg in messages(TS_DIR / f"licdesk_{lang}.ts"):
        tr = msg.find("translation")
        assert tr is not None
        kind = tr.get("type")
        if kind == "vanished" or kind == "obsolete":
            continue
        forms = [f.text or "" for f in tr.findall("numerusform")] or [tr.text or ""]
        if kind == "unfinished" or not all(f.strip() for f in forms):
            problems.append(f"{ctx}: {source!r}")
        # placeholders survive translation
        for ph in ("%1", "%2", "%3", "%n", "{"):
            if ph in source and not all(ph in f for f in forms):
                problems.append(f"{ctx}: {source!r} loses {ph}")
    assert not problems, f"{len(problems)} entries in licdesk_{lang}.ts:\n" + "\n".join(
        problems[:40]
    )


def test_ts_files_hold_every_source_string(tmp_path: Path) -> None:
    """Run lupdate into a copy: a string missing from the .ts files fails here."""
    from desktop.ui import i18n

    shutil.copy(TS_DIR / "licdesk_ru.ts", tmp_path / "check.ts")
    sources = sorted(str(p) for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)
    import PySide6

    exe = Path(PySide6.__file__).parent / "lupdate"
    subprocess.run(
        [
            str(exe),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            *sources,
            "-ts",
            str(tmp_path / "check.ts"),
        ],
        check=True,
    )
    before = {(c, s) for c, s, _ in messages(TS_DIR / "licdesk_ru.ts")}
    after = {(c, s) for c, s, _ in messages(tmp_path / "check.ts")}
    missing = sorted(after - before)
    assert not missing, "run `python -m desktop.ui.i18n --update`; new strings: " + repr(
        missing[:20]
    )
    assert i18n.qm_path("ru") is not None


def test_russian_ui_really_shows_russian(qtbot, demo_ctx) -> None:  # noqa: ANN001
    from desktop.services import licenses
    from desktop.ui import i18n
    from desktop.ui.columns import Col
    from desktop.ui.main_window import MainWindow
    from tests.conftest import TODAY

    try:
        i18n.install("ru")
        w = MainWindow()
        qtbot.addWidget(w)
        w.attach(demo_ctx, licenses.make_query(demo_ctx.db, TODAY))
        header = w.model.headerData(
            Col.END, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal
        )
        assert header == "Подписка на обновления"
        assert w.act_renew.text() != "&Renew..."
    finally:
        i18n.install("en")
