"""English, Turkish and French: complete, compiled, switchable while the window runs, and no
user-facing text outside the translation system."""

from __future__ import annotations

import ast
import asyncio
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from uitest_helpers import run, wait_for

from ui.i18n import Translations
from ui.orders_model import Category, Column

ROOT = Path(__file__).resolve().parents[2]

# Calls whose text arguments a person reads (None: every argument; else the positions that
# hold text, the others being keys and severities).
TEXT_CALLS: dict[str, tuple[int, ...] | None] = {
    "setText": None,
    "setWindowTitle": None,
    "setToolTip": None,
    "setPlaceholderText": None,
    "setTitle": None,
    "setTabText": None,
    "addTab": None,
    "setInformativeText": None,
    "showMessage": None,
    "setStatusTip": None,
    "addMenu": None,
    "QLabel": None,
    "QPushButton": None,
    "QAction": None,
    "set_banner": (2, 3),
    "notify": (1, 2),
    "set_message": (0,),
}
# Literal texts that are not words: symbols and brand names.
ALLOWED = {"✕", "POS Bridge"}


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    translations = Translations(qapp)
    try:
        yield translations
    finally:
        translations.remove_all()


def test_every_language_is_complete_and_the_shipped_files_are_current() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "resources" / "translations" / "build.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_no_user_facing_literal_bypasses_translation() -> None:
    offenders = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = (
                node.func.attr
                if isinstance(node.func, ast.Attribute)
                else getattr(node.func, "id", "")
            )
            if name not in TEXT_CALLS:
                continue
            positions = TEXT_CALLS[name]
            for position, arg in enumerate(node.args):
                if positions is not None and position not in positions:
                    continue
                if (
                    isinstance(arg, ast.Constant)
                    and isinstance(arg.value, str)
                    and any(c.isalpha() for c in arg.value)
                    and arg.value not in ALLOWED
                ):
                    offenders.append(
                        f"{path.relative_to(ROOT)}:{node.lineno} {name}({arg.value!r})"
                    )
    assert not offenders, "\n".join(offenders)


def test_plural_forms_in_english(translations: Translations) -> None:
    translations.install("en")
    one = QCoreApplication.translate("Counter", "%n order(s) waiting to be opened", None, 1)
    many = QCoreApplication.translate("Counter", "%n order(s) waiting to be opened", None, 3)
    assert one == "1 order waiting to be opened"
    assert many == "3 orders waiting to be opened"


def test_switching_language_while_the_window_runs(
    open_env: Callable[..., Any], qloop: asyncio.AbstractEventLoop, translations: Translations
) -> None:
    async def scenario() -> None:
        async with open_env() as env:
            env.counter.translations = translations
            window = env.window
            env.sim.dukkango.add_orders(1)
            await wait_for(lambda: window.model.rowCount() == 1, what="an order")
            # Qt delivers LanguageChange to every widget on the next turn of the loop.
            window.language_actions["tr"].trigger()
            needs_action = window.filter_buttons[Category.NEEDS_ACTION]
            await wait_for(lambda: needs_action.text() == "İşlem bekleyen (1)", what="Turkish")
            status = Qt.Orientation.Horizontal
            assert window.proxy.headerData(Column.STATUS, status) == "Durum"
            assert window.proxy.index(0, Column.STATUS).data() == "● YENİ"
            assert window.detail.placeholder.text().startswith("Burada görmek")
            banner = await wait_for(lambda: window.notices.banner("alert:new"), what="the banner")
            await wait_for(lambda: "YENİ SİPARİŞ" in banner.label.text(), what="Turkish banner")
            assert env.counter.settings.value("ui/language") == "tr"
            window.language_actions["fr"].trigger()
            every = window.filter_buttons[Category.ALL]
            await wait_for(lambda: every.text() == "Toutes (1)", what="French")
            assert window.proxy.index(0, Column.STATUS).data() == "● NOUVELLE"
            window.language_actions["en"].trigger()
            await wait_for(lambda: every.text() == "All (1)", what="English again")
            assert window.windowTitle() == "(1) POS Bridge — orders"

    run(qloop, scenario())


def test_the_system_language_is_followed(monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QLocale

    import ui.i18n as i18n

    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale("tr_TR")))
    assert i18n.system_language() == "tr"
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.system_language() == "en"
