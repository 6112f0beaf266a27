"""Guards against defects of the Qt binding that the app cannot wait out.

PySide6 6.12.0 on CPython 3.11 hands back ``None``, ``True`` and ``False`` from its
C++ wrappers without a new reference: every void call (``label.setText``,
``tree.addTopLevelItem``...), every ``None`` returned for a null pointer and every
``signal.emit()`` takes one reference away for good. A session lives on the few
hundred thousand references the imports leave; a long afternoon, or a window that
adds a row per license of a big store, reaches zero and Python aborts with "Fatal
Python error: none_dealloc" (or bool_dealloc). PySide6 6.11 and Python 3.12+ (whose
singletons are immortal) are not affected.

``protect_singletons`` finds out whether this binding leaks (a few calls on a plain
QObject) and, only then, gives the three singletons the huge reference count that
Python 3.12 gives every immortal object, so that no session can count them down.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

#: What Python 3.12 would call immortal: no session makes 2**40 calls.
_RESERVE = 1 << 40
_PROBE_CALLS = 64
_protected = False


def _leaks() -> bool:
    from PySide6.QtCore import QObject

    probe = QObject()
    before = (sys.getrefcount(None), sys.getrefcount(True))
    for _ in range(_PROBE_CALLS):
        probe.setObjectName("probe")  # void: returns None
        probe.objectNameChanged.emit("probe")  # returns True
    after = (sys.getrefcount(None), sys.getrefcount(True))
    probe.deleteLater()
    # A correct binding leaves both counts where they were; allow for noise far
    # below one reference per call.
    return any(b - a >= _PROBE_CALLS // 2 for a, b in zip(after, before, strict=True))


def protect_singletons() -> bool:
    """Make None/True/False immortal when the binding leaks their references.

    Returns True when the guard was applied. Safe to call more than once.
    """
    global _protected
    if _protected:
        return True
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False  # immortal already
    if not _leaks():
        return False
    import PySide6

    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython 3.11 object.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _RESERVE
    _protected = True
    log.warning(
        "PySide6 %s on Python %d.%d loses references to None/True/False; "
        "protected them (use a PySide6 release without this defect)",
        PySide6.__version__,
        *sys.version_info[:2],
    )
    return True
