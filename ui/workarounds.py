"""Workarounds for bugs and traps in the libraries we use, each explained where it is applied.

Call ``apply()`` before the first Qt call from Python (``ui.app``, the tests' conftest and the
benchmarks do); ``GuiThreadCollector`` is started by ``ui.app`` for the life of the window.
"""

from __future__ import annotations

import ctypes
import gc
import importlib.util
import logging
import sys

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

_applied = False
IMMORTAL = 1 << 48


def binding_drops_references() -> bool:
    """True when PySide6 hands back ``None``/``True`` without owning a reference.

    Seen with PySide6 6.12.0 on CPython 3.11: every method returning ``void`` returns
    ``Py_None`` without ``Py_INCREF``, and ``SignalInstance.emit()``/``disconnect()`` return
    ``Py_True`` the same way (the wheel relies on CPython 3.12's immortal singletons). Each call
    from Python then lowers the count by one, and after some thousands of calls the process
    aborts with "Fatal Python error: none_dealloc" (or bool_dealloc).
    """
    if sys.version_info >= (3, 12):
        return False  # None, True and False are immortal there: nothing can go wrong
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(4):
        probe.setObjectName("probe")  # void
        probe.ping.emit()  # returns True
    return sys.getrefcount(None) < none_before or sys.getrefcount(True) < true_before


def apply() -> None:
    """Apply every workaround that is needed here (idempotent)."""
    global _applied
    if _applied:
        return
    _applied = True
    protect_singletons()
    skip_missing_sniffio()


def skip_missing_sniffio() -> None:
    """httpcore 1.0 tries ``import sniffio`` on every request; without sniffio installed each
    failed import searches the whole ``sys.path`` on disk (about 1 ms here, 11,000 times in a
    1,000-order burst: seconds of the event loop's time). ``None`` in ``sys.modules`` makes the
    import fail at once, and httpcore then assumes asyncio, which is what we run.

    # WORKAROUND until ``sniffio`` is a dependency (the proper fix, see the README).
    """
    if "sniffio" not in sys.modules and importlib.util.find_spec("sniffio") is None:
        sys.modules["sniffio"] = None  # type: ignore[assignment]


def protect_singletons() -> None:
    """Make None, True and False immortal where the binding under-counts them.

    # WORKAROUND for PySide6 6.12.0 + CPython 3.11 (see binding_drops_references): this is
    # what CPython 3.12 does for every program. A window makes millions of Qt calls a day;
    # adding 2**48 to each count means it can never reach zero. ob_refcnt is the first field
    # of every CPython object.
    """
    if binding_drops_references():
        for singleton in (None, True, False):
            ctypes.c_ssize_t.from_address(id(singleton)).value += IMMORTAL
        log.info("applied the PySide6 reference-count workaround (None, True, False)")


class GuiThreadCollector(QObject):
    """Runs Python's cyclic garbage collector on Qt's thread only.

    Left alone, the collector runs in whichever thread happens to allocate (the database
    writer, the store reader, a simulator thread) and destroys Qt objects caught in reference
    cycles there: "QObject::~QObject: Timers cannot be stopped from another thread" at best, a
    crash at worst. So automatic collection is switched off and a timer on Qt's thread collects
    when the counts pass the usual thresholds (the same decisions CPython would take).
    """

    def __init__(self, interval_ms: int = 1000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)

    def check(self) -> None:
        counts, thresholds = gc.get_count(), gc.get_threshold()
        generation = -1
        for level in range(3):
            if counts[level] > thresholds[level]:
                generation = level
        if generation >= 0:
            gc.collect(generation)

    def stop(self) -> None:
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
