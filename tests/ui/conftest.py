"""pytest-qt setup: offscreen Qt, message boxes recorded instead of shown."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import dataclass, field  # noqa: E402

import pytest  # noqa: E402


@dataclass
class MsgboxRecorder:
    infos: list[tuple[str, str]] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    questions: list[tuple[str, str]] = field(default_factory=list)
    buttons: list[tuple[str, str]] = field(default_factory=list)  # named (yes, no) buttons
    retries: list[tuple[str, str]] = field(default_factory=list)
    crashes: list[tuple[str, str, str]] = field(default_factory=list)  # title, text, details
    originals: dict[str, object] = field(default_factory=dict)  # the real functions
    answer: bool = True
    retry_answer: bool = False


@pytest.fixture(autouse=True)
def msgboxes(monkeypatch: pytest.MonkeyPatch) -> MsgboxRecorder:
    """No modal box may block a test: record what would have been shown."""
    from desktop.ui import msgbox

    rec = MsgboxRecorder()
    rec.originals = {name: getattr(msgbox, name) for name in ("crash", "error", "ask")}
    monkeypatch.setattr(msgbox, "info", lambda _p, title, text: rec.infos.append((title, text)))
    monkeypatch.setattr(
        msgbox, "error", lambda _p, title, text, details="": rec.errors.append((title, text))
    )

    def ask(_p, title, text, default_yes=False, yes_text="", no_text=""):  # noqa: ANN001, ANN202
        rec.questions.append((title, text))
        rec.buttons.append((yes_text, no_text))
        return rec.answer

    def retry(_p, title, text):  # noqa: ANN001, ANN202
        rec.retries.append((title, text))
        return rec.retry_answer

    def crash(_p, title, text, details):  # noqa: ANN001, ANN202
        rec.crashes.append((title, text, details))
        return False  # keep working

    monkeypatch.setattr(msgbox, "ask", ask)
    monkeypatch.setattr(msgbox, "retry", retry)
    monkeypatch.setattr(msgbox, "crash", crash)
    return rec


@pytest.fixture(autouse=True, scope="session")
def _english(qapp):  # noqa: ANN001
    """The UI in its source language, with the English plural forms installed."""
    from desktop.ui import i18n
    from desktop.ui.qtguard import protect_singletons

    protect_singletons()  # as the app does: a long test session must not run out of None
    i18n.install("en")


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path_factory: pytest.TempPathFactory, qapp):  # noqa: ANN001
    """QSettings (window geometry, language) in a temp dir, never the user's."""
    from PySide6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setOrganizationName("LicenseDeskTests")
    QCoreApplication.setApplicationName("licdesk-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        str(tmp_path_factory.mktemp("qsettings")),
    )
    QSettings().clear()
    yield


#: The authority behind each test's context (tests issue codes from it).
RUNNING: dict[int, object] = {}


@pytest.fixture
def actx(store, authority):  # noqa: ANN001, ANN201
    """Demo data signed by a real license authority on a local port, which this context
    trusts and asks (tests/conftest.py: ``authority``)."""
    from desktop.services import setup
    from tests.conftest import TODAY, make_ctx

    ctx = make_ctx(store, authority=authority)
    setup.init_demo(ctx.db, TODAY)
    setup.sign_demo(ctx.db, ctx.authority, ctx.trusted_keys)
    RUNNING[id(ctx)] = authority
    return ctx
