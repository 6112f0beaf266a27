"""Issue 9, done means: the window keeps its event loop turning while a 100,000-row
import runs, and a PostgreSQL server that cannot be reached answers with a message
(and a Retry) instead of a frozen window."""

from __future__ import annotations

import csv
import datetime as dt
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from desktop.domain.clock import FixedClock
from desktop.services import licenses
from desktop.services.dataset import CSV_COLUMNS
from desktop.storage.open import open_store
from desktop.ui.main_window import MainWindow
from tests.conftest import TODAY, make_ctx

ROWS = 100_000
TICK_MS = 10


def write_csv(path: Path, n: int) -> None:
    """n licenses of one product on n devices in 50 stores (the app's flat CSV)."""
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(CSV_COLUMNS)
        end = TODAY + dt.timedelta(days=40)
        for i in range(n):
            serial = f"{1_000_000_000_000 + i}"
            out.writerow(
                [
                    "MS-STORE15-BASE",
                    "Магазин 15",
                    "mobile-smarts",
                    "RUB",
                    "24900.00",
                    "2024-01-01",
                    "",
                    f"CP30-{serial}-{serial}",
                    "terminal",
                    f"ТСД {i}",
                    f"Магазин №{i % 50 + 1}",
                    (end - dt.timedelta(days=365)).isoformat(),
                    (end - dt.timedelta(days=i % 400)).isoformat(),
                ]
            )


class Ticks:
    """Counts the event loop's turns: a QTimer fires only while the loop runs."""

    def __init__(self) -> None:
        self.count = 0
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        self.count += 1


@pytest.mark.slow
def test_the_event_loop_turns_while_100k_rows_are_imported(qtbot, tmp_path: Path, msgboxes) -> None:  # noqa: ANN001
    source = tmp_path / "big.csv"
    write_csv(source, ROWS)
    store = open_store(tmp_path / "store.db")
    app = make_ctx(store)
    try:
        w = MainWindow()
        qtbot.addWidget(w)
        w.show()
        w.attach(app, licenses.make_query(app.db, TODAY))
        w.finish_attach()
        ticks = Ticks()
        seen_during: list[int] = []
        ticks.timer.timeout.connect(lambda: seen_during.append(ticks.count))
        ticks.timer.start()
        op = w.import_path(source)
        qtbot.waitUntil(lambda: bool(msgboxes.infos), timeout=300_000)
        ticks.timer.stop()
        title, text = msgboxes.infos[-1]
        assert "100000 licenses" in text.replace(",", "").replace("\u00a0", "")
        assert licenses.count(app.db, licenses.make_query(app.db, TODAY)) == ROWS
        # the loop turned all along: dozens of ticks, not one burst at the end
        assert ticks.count >= 20, ticks.count
        assert op is not None
        w.close()
    finally:
        store.dispose()


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A TCP port that accepts connections and never answers (a server that hangs)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        sock.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
                held.append(conn)
            except OSError:
                continue

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    yield sock.getsockname()[1]
    stop.set()
    t.join()
    for c in held:
        c.close()
    sock.close()


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


@pytest.mark.parametrize("kind", ["closed port", "silent server"])
def test_an_unreachable_server_says_so_with_retry_and_the_window_stays_alive(
    qtbot, tmp_path: Path, msgboxes, monkeypatch: pytest.MonkeyPatch, request, kind: str
) -> None:  # noqa: ANN001
    """The real launcher (desktop.ui.launch.run_gui) on a URL nobody answers: the window
    shows, "Opening..." is said, the loop keeps turning while the worker waits (at most
    the connect timeout), and then the message offers Retry; declining ends the run."""
    from desktop import app as composition
    from desktop import local_config
    from desktop.ui import launch, ops

    port = _closed_port() if kind == "closed port" else request.getfixturevalue("silent_server")
    monkeypatch.setenv("LICDESK_DATA_DIR", str(tmp_path / "data"))
    local_config.save(local_config.LocalConfig(connect_timeout_s=2))
    url = f"postgresql+psycopg://licdesk:secret@127.0.0.1:{port}/licdesk"
    monkeypatch.setattr(ops, "_manager", None)  # run_gui shuts its task manager down
    ticks = Ticks()
    ticks.timer.start()

    def open_app():  # noqa: ANN202
        return composition.build_app(url, FixedClock(TODAY))

    code = launch.run_gui(
        open_app,
        open_fast=lambda: None,
        demo=False,
        lang="en",
        quit_after_ms=None,
        open_demo=open_app,
    )
    ticks.timer.stop()
    monkeypatch.setattr(ops, "_manager", None)
    assert code == 2
    assert len(msgboxes.retries) == 1
    _title, text = msgboxes.retries[0]
    assert text.startswith("Cannot open the database") and "127.0.0.1" in text, text
    assert "secret" not in text  # the password is never shown
    if kind == "silent server":
        assert "timeout" in text.lower(), text
    assert ticks.count >= 5, ticks.count  # the window was not frozen while it waited
