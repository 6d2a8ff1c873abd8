"""The tray icon and its notification on a real X display with a real tray host.

Offscreen Qt has no system tray, so the other UI tests use a recording stand-in. Here a
virtual display (Xvfb) runs the small ``trayer`` panel, and a separate process (Qt's platform
is chosen once per process) shows our tray icon with its unopened-order count and raises a
notification. The test command installs both programs; elsewhere this test is skipped.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = r"""
import json, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from ui import workarounds
workarounds.apply()
app = QApplication([])
deadline = time.monotonic() + 10
while not QSystemTrayIcon.isSystemTrayAvailable() and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.05)
from ui.tray import Tray
tray = Tray()
tray.set_count(3, "3 orders waiting to be opened")
notified = tray.notify("New order 2047", "2x Adana Kebap, 1x Ayran", "info")
QTimer.singleShot(300, app.quit)
app.exec()
icon = tray._icon
print(json.dumps({
    "available": tray.available,
    "visible": bool(icon and icon.isVisible()),
    "tooltip": icon.toolTip() if icon else "",
    "notified": notified,
    "menu": [a.text() for a in tray.menu().actions() if a.text()],
}))
"""


@pytest.fixture
def x_display() -> Iterator[str]:
    if not (shutil.which("Xvfb") and shutil.which("trayer")):
        pytest.skip("Xvfb and trayer are not installed (packaging/dev.sh test installs them)")
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        display = ":" + pipe.readline().strip()
    env = dict(os.environ, DISPLAY=display)
    panel = subprocess.Popen(
        ["trayer", "--edge", "top", "--widthtype", "request"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield display
    finally:
        for process in (panel, xvfb):
            process.terminate()
            process.wait(timeout=10)


def test_tray_icon_count_and_notification_on_a_real_tray(x_display: str) -> None:
    env = dict(os.environ, DISPLAY=x_display, QT_QPA_PLATFORM="xcb")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["available"] and result["visible"]
    assert result["tooltip"] == "3 orders waiting to be opened"
    assert result["notified"] is True
    assert "Quit POS Bridge" in result["menu"]
