"""``posbridge``: the window by default, the core's subcommands by name, no Qt for those."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ui import launcher


def test_importing_the_launcher_loads_no_qt() -> None:
    code = (
        "import sys, ui.launcher; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'qasync')]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("command", ["headless", "orders", "sim"])
def test_core_subcommands_go_to_the_core(command: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import app.cli

    seen: list[list[str]] = []
    monkeypatch.setattr(app.cli, "main", lambda argv: seen.append(list(argv)) or 0)
    assert launcher.main([command, "--help-me"]) == 0
    assert seen == [[command, "--help-me"]]


def test_window_options(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import ui.app

    seen: list[Any] = []
    monkeypatch.setattr(ui.app, "run_gui", lambda options: seen.append(options) or 0)
    assert launcher.main([]) == 0
    assert seen[-1] == ui.app.GuiOptions()
    config = tmp_path / "c.toml"
    assert (
        launcher.main(["--demo", "--lang", "tr", "--config", str(config), "--data-dir", "d"]) == 0
    )
    assert seen[-1] == ui.app.GuiOptions(demo=True, config=config, data_dir="d", lang="tr")


def test_an_unknown_language_is_refused_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        launcher.main(["--lang", "xx"])
    assert "invalid choice" in capsys.readouterr().err
