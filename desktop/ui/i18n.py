"""Load the UI language: --lang, else the choice saved in settings, else the system's.

.ts sources live in resources/translations; .qm files are compiled at build/install
time (``python -m desktop.ui.i18n --compile``, run by .ci/run and build.spec). A
checkout without compiled files compiles them on first use into the cache dir.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from desktop import paths

log = logging.getLogger(__name__)

LANGUAGES = {"en": "English", "ru": "Русский", "pl": "Polski"}
SETTINGS_KEY = "ui/language"


def ts_dir() -> Path:
    return paths.resource("translations")


def _lrelease() -> list[str]:
    import PySide6

    exe = Path(PySide6.__file__).parent / (
        "lrelease.exe" if sys.platform == "win32" else "lrelease"
    )
    return [str(exe)] if exe.exists() else ["pyside6-lrelease"]


def compile_all(out_dir: Path | None = None) -> list[Path]:
    built = []
    for ts in sorted(ts_dir().glob("licdesk_*.ts")):
        qm = (out_dir or ts.parent) / (ts.stem + ".qm")
        subprocess.run([*_lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def qm_path(lang: str) -> Path | None:
    name = f"licdesk_{lang}"
    shipped = ts_dir() / f"{name}.qm"
    ts = ts_dir() / f"{name}.ts"
    if shipped.exists() and (not ts.exists() or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    if not ts.exists():
        return None
    cached = paths.cache_dir() / f"{name}.qm"
    if not cached.exists() or cached.stat().st_mtime < ts.stat().st_mtime:
        try:
            subprocess.run(
                [*_lrelease(), "-silent", str(ts), "-qm", str(cached)], check=True, timeout=60
            )
        except (OSError, subprocess.SubprocessError):
            log.exception("could not compile %s", ts)
            return None
    return cached


def chosen_language(explicit: str | None = None) -> str:
    if explicit:
        return explicit if explicit in LANGUAGES else "en"
    saved = QSettings().value(SETTINGS_KEY, "", type=str)
    if saved in LANGUAGES:
        return str(saved)
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def save_language(lang: str) -> None:
    QSettings().setValue(SETTINGS_KEY, lang if lang in LANGUAGES else "")


_installed: list[QTranslator] = []


def install(lang: str) -> str:
    """Install the translators for ``lang`` (ours and Qt's own dialogs); returns the language."""
    app = QCoreApplication.instance()
    assert app is not None, "install translations after creating the application"
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    locale = QLocale(
        {"ru": QLocale.Language.Russian, "pl": QLocale.Language.Polish}.get(
            lang, QLocale.Language.English
        ),
        {"ru": QLocale.Country.Russia, "pl": QLocale.Country.Poland}.get(
            lang, QLocale.Country.UnitedKingdom
        ),
    )
    QLocale.setDefault(locale)
    if lang != "en":
        qt = QTranslator()
        if qt.load(
            locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            app.installTranslator(qt)
            _installed.append(qt)
    path = qm_path(lang)
    ours = QTranslator()
    if path and ours.load(str(path)):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("no translation for %s", lang)
    return lang


def uninstall() -> None:
    """At quit: take the translators out while the application still exists."""
    app = QCoreApplication.instance()
    for t in _installed:
        if app is not None:
            app.removeTranslator(t)
    _installed.clear()


def update_sources() -> None:
    """Developer step: collect the strings of every module into the .ts files (lupdate)."""
    import PySide6

    exe = Path(PySide6.__file__).parent / "lupdate"
    lupdate = [str(exe)] if exe.exists() else ["pyside6-lupdate"]
    package = Path(__file__).resolve().parent.parent
    sources = sorted(str(p) for p in package.rglob("*.py") if "migrations" not in p.parts)
    for lang, target in (("ru", "ru_RU"), ("pl", "pl_PL")):
        subprocess.run(
            [
                *lupdate,
                "-silent",
                "-no-obsolete",
                "-locations",
                "none",
                "-target-language",
                target,
                *sources,
                "-ts",
                str(ts_dir() / f"licdesk_{lang}.ts"),
            ],
            check=True,
        )
    # English needs only its plural forms ("%n day(s)" -> "1 day", "2 days").
    subprocess.run(
        [
            *lupdate,
            "-silent",
            "-no-obsolete",
            "-pluralonly",
            "-locations",
            "none",
            "-target-language",
            "en_GB",
            *sources,
            "-ts",
            str(ts_dir() / "licdesk_en.ts"),
        ],
        check=True,
    )


if __name__ == "__main__":
    if "--update" in sys.argv:
        update_sources()
    if "--compile" in sys.argv:
        for p in compile_all():
            print(p)
