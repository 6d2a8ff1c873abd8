"""Languages: English (the source), Turkish (Dükkango's staff), French (prepared for Canada).

Every string a person reads goes through Qt's translation system (``self.tr`` in widgets,
``QCoreApplication.translate`` elsewhere), so ``pyside6-lupdate`` finds it and a translator can
work in Qt Linguist. The compiled ``.qm`` files ship in ``resources/translations``; rebuild them
with ``python resources/translations/build.py`` after changing a ``.ts`` file.

Switching at run time installs new translators; Qt then sends ``QEvent.LanguageChange`` to every
widget, and each widget re-reads its texts in ``retranslate()``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ui.resources import resource_path

log = logging.getLogger(__name__)

# Each language is named in itself (an endonym), as language pickers do everywhere: a Turkish
# cashier looking for Turkish must find "Türkçe" whatever language the window is in now.
LANGUAGES: dict[str, str] = {"en": "English", "tr": "Türkçe", "fr": "Français (Canada)"}
LOCALES: dict[str, str] = {"en": "en_US", "tr": "tr_TR", "fr": "fr_CA"}
DEFAULT_LANGUAGE = "en"


def system_language() -> str:
    """The supported language closest to the system's, English otherwise."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("-", "_").split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE


class Translations:
    """The translators installed in the application; one language at a time."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = DEFAULT_LANGUAGE

    def install(self, code: str) -> str:
        """Switch to ``code`` (unknown codes fall back to English); returns the language used."""
        if code not in LANGUAGES:
            log.warning("unknown language %r, using English", code)
            code = DEFAULT_LANGUAGE
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        QLocale.setDefault(QLocale(LOCALES[code]))
        # English too: its file carries the plural forms ("1 order", "2 orders").
        ours = QTranslator(self._app)
        if ours.load(str(resource_path("translations", f"posbridge_{code}.qm"))):
            self._installed.append(ours)
        else:
            log.error("translation file for %s is missing; the window falls back to English", code)
        if code != "en":
            # Qt's own strings (standard buttons, context menus of text fields).
            qt_own = QTranslator(self._app)
            if qt_own.load(
                f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            ):
                self._installed.append(qt_own)
        for translator in self._installed:
            self._app.installTranslator(translator)
        self.language = code
        log.info("language: %s", code)
        return code

    def remove_all(self) -> None:
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        QLocale.setDefault(QLocale(LOCALES[DEFAULT_LANGUAGE]))
        self.language = DEFAULT_LANGUAGE
