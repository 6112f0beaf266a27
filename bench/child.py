"""Measured in a fresh process: start -> first rows painted, then the table operations.

Prints one JSON line. Run by bench/bench_table.py; ``--empty`` measures the floor: an
empty PySide6 main window's first paint.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

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
    i18n.install("en")
    window = MainWindow()
    window.resize(1280, 760)
    spy = PaintSpy(lambda: window.model is not None and window.model.rowCount() > 0)
    window.table.viewport().installEventFilter(spy)
    window.show()

    def attach() -> None:
        import datetime as dt

        from desktop.app import open_context
        from desktop.domain.clock import FixedClock

        ctx = open_context(db, FixedClock(dt.date(2026, 11, 22)), lazy=True)
        window.attach(ctx)
        window.when_rows_painted(lambda: launch.finish_window(ctx, window, True))

    QTimer.singleShot(0, attach)

    def timed(name: str, action) -> None:  # noqa: ANN001
        t = time.perf_counter()
        action()
        window.table.viewport().repaint()  # synchronous: the rows are on screen
        app.processEvents()
        out[name] = (time.perf_counter() - t) * 1000

    def after_paint() -> None:
        QTimer.singleShot(500, measure)  # let the deferred start-up finish first

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
