"""The window at 100,000 licenses: the start-up pop-up is a lazy view that opens and
closes on a store with tens of thousands due, and the event loop keeps turning while an
import, an export and the warning scan run (issue 15 item 1, issue 16).

No timing is asserted: "keeps turning" is counted in event-loop turns that happen
while the job is running on its worker.
"""

from __future__ import annotations

import shutil
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from desktop.services import setup
from desktop.services import warnings as ws
from desktop.storage.open import open_store
from desktop.ui import launch
from desktop.ui.main_window import MainWindow
from desktop.ui.warnings_dialog import WarningChoice, WarningsDialog
from tests.conftest import TODAY, make_ctx

pytestmark = pytest.mark.slow

N = 100_000
BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of 100,000 licenses (bench/gen.py: half ended within the year, a few
    thousand ending within 30 days, 50 stores), made once for the module."""
    sys.path.insert(0, str(BENCH))
    try:
        from gen import generate
    finally:
        sys.path.remove(str(BENCH))
    path = tmp_path_factory.mktemp("gen") / f"gen-{N}.db"
    generate(path, N)
    return path


@pytest.fixture
def big_ctx(generated: Path, tmp_path: Path) -> Iterator[Any]:
    path = tmp_path / "store.db"
    shutil.copy(generated, path)
    store = open_store(path)
    yield make_ctx(store, TODAY)
    store.dispose()


def open_window(qtbot, ctx) -> MainWindow:  # noqa: ANN001
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    _app, query, _empty = launch.opened(ctx)
    w.attach(ctx, query)
    return w


class LoopWatch:
    """Counts event-loop turns on the GUI thread while a job runs on its worker."""

    def __init__(self) -> None:
        self.running = False
        self.turns_while_running = 0
        self.job_threads: set[int] = set()
        self.gui_thread = threading.get_ident()
        self.finished = False
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._turn)
        self.timer.start()

    def _turn(self) -> None:
        if self.running:
            self.turns_while_running += 1

    def wrap(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        def job(*args: Any, **kwargs: Any) -> Any:
            self.job_threads.add(threading.get_ident())
            self.running = True
            try:
                return fn(*args, **kwargs)
            finally:
                self.running = False
                self.finished = True

        return job

    def check(self) -> None:
        self.timer.stop()
        assert self.finished
        assert self.gui_thread not in self.job_threads  # the job ran on a worker
        assert self.turns_while_running >= 3  # ... and the window kept answering


@pytest.fixture
def answer_close(monkeypatch: pytest.MonkeyPatch, qtbot) -> dict[str, Any]:  # noqa: ANN001
    """The pop-up is shown (not modal, so the test drives it), scrolled to its end and
    closed; what it showed is recorded."""
    seen: dict[str, Any] = {}

    def fake_exec(self: WarningsDialog) -> int:
        self.show()
        model = self.list_model
        seen["rows"] = model.rowCount()
        seen["summary_rows"] = self.summary_model.rowCount() if self.summary_model else 0
        qtbot.waitUntil(lambda: model.loaded(0), timeout=60_000)  # painted: page 0 read
        seen["first_row"] = model.index(0, 0).data()
        self.list.scrollToBottom()  # a deep page: read on a worker, "Loading..." meanwhile
        last = model.rowCount() - 1
        model.index(last, 0).data()
        qtbot.waitUntil(lambda: model.loaded(last), timeout=60_000)
        seen["last_row"] = model.index(last, 0).data()
        seen["pages_cached"] = model.cached_pages()
        self.reject()
        return 0

    monkeypatch.setattr(WarningsDialog, "exec", fake_exec)
    return seen


def test_real_app_with_thousands_due_opens_the_popup_and_quits_cleanly(
    qtbot, big_ctx, answer_close, msgboxes
) -> None:  # noqa: ANN001
    w = open_window(qtbot, big_ctx)
    with qtbot.waitSignal(w.warnings_done, timeout=120_000) as done:
        w.when_rows_painted(lambda: launch.finish_window(w, False))  # as the app starts
    assert done.args[0] is WarningChoice.CLOSE
    state = ws.collect(big_ctx.db, TODAY)
    assert state.total > 10_000 and answer_close["rows"] == state.total
    assert answer_close["summary_rows"] == 1 + len(state.by_store())  # all + one per store
    assert answer_close["first_row"] not in (None, "", "Loading...")
    assert answer_close["last_row"] not in (None, "", "Loading...")
    assert answer_close["pages_cached"] <= 20  # bounded, never a row object per license
    assert state.pending == 0 and not state.popup_due  # Close acknowledged every stage
    assert msgboxes.errors == []
    w.close()
    qtbot.waitUntil(lambda: not w.isVisible())


def test_event_loop_turns_during_the_warning_scan(qtbot, big_ctx, monkeypatch) -> None:  # noqa: ANN001
    watch = LoopWatch()
    monkeypatch.setattr(ws, "collect", watch.wrap(ws.collect))
    monkeypatch.setattr(WarningsDialog, "exec", lambda self: self.reject() or 0)
    w = open_window(qtbot, big_ctx)
    with qtbot.waitSignal(w.warnings_done, timeout=120_000):
        w.show_warnings()
    watch.check()


def test_event_loop_turns_during_an_export(qtbot, big_ctx, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    from desktop.ui import export

    watch = LoopWatch()
    monkeypatch.setattr(export, "export_rows", watch.wrap(export.export_rows))
    w = open_window(qtbot, big_ctx)
    target = tmp_path / "shown.csv"
    w.export_to(target)
    qtbot.waitUntil(lambda: watch.finished and target.exists(), timeout=300_000)
    watch.check()
    with target.open(encoding="utf-8-sig") as fh:
        assert sum(1 for _ in fh) == N + 1


def test_event_loop_turns_during_an_import(qtbot, big_ctx, monkeypatch, tmp_path, msgboxes) -> None:  # noqa: ANN001
    """100,000 licenses from a CSV into an empty store through the window."""
    data = tmp_path / "dataset.csv"
    setup.export_file(big_ctx.db, data, "csv")
    empty = open_store(tmp_path / "empty.db")
    ctx = make_ctx(empty, TODAY)
    watch = LoopWatch()
    monkeypatch.setattr(setup, "import_file", watch.wrap(setup.import_file))
    w = open_window(qtbot, ctx)
    w.import_path(data)
    qtbot.waitUntil(lambda: bool(msgboxes.infos) or bool(msgboxes.errors), timeout=900_000)
    watch.check()
    assert msgboxes.errors == [] and f"Imported {N} licenses" in msgboxes.infos[0][1]
    empty.dispose()
