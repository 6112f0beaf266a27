"""Measured in a fresh process: start -> first rows painted, then the table operations.

Prints one JSON line. Run by bench/bench_table.py and bench/bench_jobs.py:

    child.py --empty                  the floor: an empty PySide6 window's first paint
    child.py DB                       first rows, then the table operations
    child.py DB --first-paint-only    first rows, then quit
    child.py DB --popup               first rows, then the start-up warning pop-up: the
                                      scan, the dialog, Close; the event loop's longest
                                      stall meanwhile
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this worktree's package

T0 = float(os.environ.get("BENCH_T0", "0")) or time.time()


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    empty = "--empty" in sys.argv
    app = QApplication(sys.argv[:1])
    out: dict[str, float] = {}

    class PaintSpy(QObject):
        def __init__(self, ready) -> None:  # noqa: ANN001
            super().__init__()
            self.ready = ready
            self.done = False

        def eventFilter(self, obj, event) -> bool:  # noqa: ANN001, N802
            if not self.done and event.type() == QEvent.Type.Paint and self.ready():
                self.done = True
                out["first_paint_s"] = time.time() - T0
                QTimer.singleShot(0, after_paint)
            return False

    if empty:
        w = QMainWindow()
        w.resize(1280, 760)
        spy = PaintSpy(lambda: True)
        w.installEventFilter(spy)
        w.show()

        def after_paint() -> None:
            print(json.dumps(out))
            app.quit()

        app.exec()
        return

    from desktop.ui import i18n, launch
    from desktop.ui.main_window import MainWindow

    db = sys.argv[1]
    first_only = "--first-paint-only" in sys.argv
    popup = "--popup" in sys.argv
    i18n.install("en")
    window = MainWindow()
    window.resize(1280, 760)
    spy = PaintSpy(lambda: window.model is not None and window.model.rowCount() > 0)
    window.table.viewport().installEventFilter(spy)
    window.show()

    def attach() -> None:
        import datetime as dt

        from desktop.app import build_app, open_fast
        from desktop.domain.clock import FixedClock

        clock = FixedClock(dt.date(2026, 11, 22))
        ctx = open_fast(db, clock) or build_app(db, clock)
        _app, query, _empty = launch.opened(ctx)
        window.attach(ctx, query)
        window.when_rows_painted(lambda: launch.finish_window(window, True))

    QTimer.singleShot(0, attach)

    def timed(name: str, action) -> None:  # noqa: ANN001
        t = time.perf_counter()
        action()
        window.table.viewport().repaint()  # synchronous: the rows are on screen
        app.processEvents()
        out[name] = (time.perf_counter() - t) * 1000

    def after_paint() -> None:
        if first_only:
            out["peak_rss_mb"] = peak_mb()
            print(json.dumps(out))
            app.quit()
            return
        QTimer.singleShot(500, run_popup if popup else measure)  # let the start-up finish

    def run_popup() -> None:
        """show_warnings as the start does; the dialog is answered with Close."""
        from desktop.ui.warnings_dialog import WarningsDialog

        stall = {"max": 0.0, "last": time.perf_counter()}

        def tick() -> None:
            now = time.perf_counter()
            stall["max"] = max(stall["max"], now - stall["last"])
            stall["last"] = now

        ticker = QTimer()
        ticker.setInterval(5)
        ticker.timeout.connect(tick)
        marks: dict[str, float] = {}

        def fake_exec(dialog: WarningsDialog) -> int:
            marks["shown"] = time.perf_counter()
            out["popup_rows"] = dialog.list_model.rowCount()
            out["popup_stores"] = dialog.summary_model.rowCount() - 1 if dialog.summary_model else 0
            app.processEvents()
            dialog.list.viewport().repaint()  # the first page painted
            marks["painted"] = time.perf_counter()
            dialog.reject()  # Close
            marks["closed"] = time.perf_counter()
            return 0

        WarningsDialog.exec = fake_exec  # type: ignore[method-assign]

        def done(_choice: object) -> None:
            end = time.perf_counter()
            ticker.stop()
            out["popup_scan_to_dialog_s"] = marks["shown"] - start
            out["popup_first_page_ms"] = (marks["painted"] - marks["shown"]) * 1000
            out["popup_close_ms"] = (marks["closed"] - marks["painted"]) * 1000
            out["popup_ack_s"] = end - marks["closed"]
            out["event_loop_max_stall_ms"] = stall["max"] * 1000
            out["peak_rss_mb"] = peak_mb()
            print(json.dumps(out))
            app.quit()

        window.warnings_done.connect(done)
        ticker.start()
        stall["last"] = time.perf_counter()
        start = time.perf_counter()
        window.show_warnings()

    def measure() -> None:
        from PySide6.QtCore import Qt

        from desktop.domain.status import LicenseStatus
        from desktop.ui.license_model import Col

        table = window.table
        out["rss_after_paint_mb"] = rss_mb()
        timed("expiring_filter_ms", lambda: window.set_quick_filter(LicenseStatus.EXPIRING))
        timed("all_filter_ms", lambda: window.set_quick_filter(None))
        timed("sort_end_desc_ms", lambda: table.sortByColumn(Col.END, Qt.SortOrder.DescendingOrder))
        timed("sort_end_asc_ms", lambda: table.sortByColumn(Col.END, Qt.SortOrder.AscendingOrder))
        timed("jump_last_row_ms", table.scrollToBottom)
        timed("jump_first_row_ms", table.scrollToTop)

        def search() -> None:
            window.search.setText("ТСД 00012")
            window._apply_filters()  # what the 200 ms debounce triggers

        timed("search_3plus_chars_ms", search)
        out["search_rows"] = window.model.rowCount()
        timed("clear_search_ms", lambda: (window.search.clear(), window._apply_filters()))
        bar = table.verticalScrollBar()
        steps = []
        for _ in range(200):
            t = time.perf_counter()
            bar.triggerAction(bar.SliderAction.SliderPageStepAdd)
            table.viewport().repaint()
            app.processEvents()
            steps.append((time.perf_counter() - t) * 1000)
        steps.sort()
        out["scroll_page_p50_ms"] = steps[len(steps) // 2]
        out["scroll_page_p95_ms"] = steps[int(len(steps) * 0.95)]
        rss_before = rss_mb()
        n = window.model.rowCount()
        for i in range(1, 201):  # sweep the whole table in 200 jumps plus page steps
            bar.setValue(int(bar.maximum() * i / 200))
            table.viewport().repaint()
            bar.triggerAction(bar.SliderAction.SliderPageStepAdd)
            table.viewport().repaint()
        app.processEvents()
        out["rows"] = n
        out["rss_before_sweep_mb"] = rss_before
        out["rss_after_sweep_mb"] = rss_mb()
        out["cached_pages"] = window.model.cached_pages()
        out["peak_rss_mb"] = peak_mb()
        print(json.dumps(out))
        app.quit()

    app.exec()


if __name__ == "__main__":
    main()
