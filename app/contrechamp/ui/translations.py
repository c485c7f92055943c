"""Which language the window speaks: Qt's own French plus ours, switchable while running."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from contrechamp.resources import translations_dir

__all__ = ["LANGUAGES", "Translations", "i18n_dir", "resolve_language"]

LANGUAGES = ("en", "fr")  # English is the source language: it needs only its plural forms


def i18n_dir() -> Path:
    """Where ``contrechamp_<lang>.qm`` files are: ``i18n/`` of the checkout (``make
    translations`` builds them), of the installed package or of the PyInstaller bundle."""
    return translations_dir()


def resolve_language(choice: str) -> str:
    """Turn a settings choice ("system", "en", "fr") into a language we have."""
    if choice in LANGUAGES:
        return choice
    system = QLocale.system().name().split("_", 1)[0]
    return system if system in LANGUAGES else "en"


class Translations:
    """Installs and swaps the translators; Qt then sends LanguageChange to every widget."""

    def __init__(self, qm_dir: Path | None = None) -> None:
        self._qm_dir = qm_dir or i18n_dir()
        self._installed: list[QTranslator] = []
        self.language = "en"

    def apply(self, choice: str) -> str:
        """Switch to a language ("system", "en", "fr"); return the one now in use."""
        language = resolve_language(choice)
        self.clear()
        if QCoreApplication.instance() is not None:
            if language != "en":
                qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
                self._install(Path(qt_dir) / f"qtbase_{language}.qm")
            # English needs only its plural forms ("1 camera", "2 cameras"), when built.
            self._install(self._qm_dir / f"contrechamp_{language}.qm")
        self.language = language
        return language

    def clear(self) -> None:
        """Remove the translators this object installed (the source English shows)."""
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed = []

    def _install(self, path: Path) -> None:
        translator = QTranslator()
        if path.is_file() and translator.load(str(path)):
            QCoreApplication.installTranslator(translator)
            self._installed.append(translator)
