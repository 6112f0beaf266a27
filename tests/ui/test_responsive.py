"""Issue 9, done means: the window keeps its event loop turning while a 100,000-row
import runs, and a PostgreSQL server that cannot be reached answers with a message
(and a Retry) instead of a frozen window."""

from __future__ import annotations

import csv
import datetime as dt
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from desktop.services import licenses
from desktop.services.dataset import CSV_COLUMNS
from desktop.storage.open import open_store
from desktop.ui.main_window import MainWindow
from tests.conftest import TODAY, make_ctx

ROOT = Path(__file__).resolve().parents[2]
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
            ends = end - dt.timedelta(days=i % 400)
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
                    (ends - dt.timedelta(days=364)).isoformat(),
                    ends.isoformat(),
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
    tmp_path: Path, request, kind: str
) -> None:  # noqa: ANN001
    """The real app (a process of its own, offscreen) on a URL nobody answers: the window
    shows, the loop keeps turning while a worker waits (at most the connect timeout, set
    to 2 s in the per-PC settings), then the message offers Retry; declining ends it."""
    port = _closed_port() if kind == "closed port" else request.getfixturevalue("silent_server")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        LICDESK_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        PYTHONPATH=str(ROOT),
    )
    config = tmp_path / "licdesk.ini"
    config.write_text("[connection]\nconnect_timeout_s = 2\n", encoding="utf-8")
    code = (
        "import sys; from desktop import local_config; from pathlib import Path; "
        f"local_config.config_path = lambda: Path({str(config)!r}); "
        "from tests.ui.unreachable_driver import run; sys.exit(run(sys.argv[1:]))"
    )
    url = f"postgresql+psycopg://licdesk:secret@127.0.0.1:{port}/licdesk"
    proc = subprocess.run(
        [sys.executable, "-c", code, "--", "--db", url],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    out = proc.stdout
    assert "retry: " in out, (out, proc.stderr)
    text = out.split("retry: ", 1)[1]
    assert text.startswith("Cannot open the database") and "127.0.0.1" in text, text
    assert "secret" not in out + proc.stderr  # the password is never shown
    assert proc.returncode == 2, proc.stderr
    if kind == "silent server":  # it waited for the timeout, and the window was alive
        assert "timeout" in text.lower(), text
        ticks = int(out.split("ticks ", 1)[1].split()[0])
        assert ticks >= 5, out
