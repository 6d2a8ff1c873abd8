"""Update the translation sources from the code and compile them for the program.

    python resources/translations/build.py            # update the .ts files, then compile .qm
    python resources/translations/build.py --check    # fail if a .ts or .qm is out of date

The ``.ts`` files are what translators edit (Qt Linguist: ``pyside6-linguist``); the ``.qm``
files are what the program loads, shipped beside them. English is the source language: its
``.ts`` only carries the plural forms ("1 order" / "2 orders").
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LANGUAGES = {"en": "en_US", "tr": "tr_TR", "fr": "fr_CA"}


def tool(name: str) -> str:
    """``pyside6-lupdate`` / ``pyside6-lrelease`` next to this Python (PySide6-Essentials)."""
    beside = Path(sys.executable).with_name(f"pyside6-{name}")
    if beside.exists():
        return str(beside)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")
    return found


def sources() -> list[str]:
    return sorted(str(path) for path in (ROOT / "ui").rglob("*.py"))


def update(folder: Path) -> None:
    for code, locale in LANGUAGES.items():
        subprocess.run(
            [
                tool("lupdate"),
                *sources(),
                "-ts",
                str(folder / f"posbridge_{code}.ts"),
                "-source-language",
                "en_US",
                "-target-language",
                locale,
                "-no-obsolete",
                "-locations",
                "none",
                "-silent",
            ],
            check=True,
        )


def release(folder: Path) -> None:
    for code in LANGUAGES:
        subprocess.run(
            [
                tool("lrelease"),
                "-silent",
                str(folder / f"posbridge_{code}.ts"),
                "-qm",
                str(folder / f"posbridge_{code}.qm"),
            ],
            check=True,
        )


def unfinished(ts_file: Path) -> int:
    return ts_file.read_text(encoding="utf-8").count('type="unfinished"')


def check() -> int:
    """Rebuild into a scratch folder and compare: the shipped files must be what the code says."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for code in LANGUAGES:
            shutil.copy(HERE / f"posbridge_{code}.ts", folder)
        update(folder)
        release(folder)
        stale = [
            name
            for code in LANGUAGES
            for name in (f"posbridge_{code}.ts", f"posbridge_{code}.qm")
            if not filecmp.cmp(folder / name, HERE / name, shallow=False)
        ]
        missing = {code: unfinished(folder / f"posbridge_{code}.ts") for code in LANGUAGES}
    for name in stale:
        print(f"out of date: {name} (run python resources/translations/build.py)")
    for code, count in missing.items():
        if count:
            print(f"{code}: {count} text(s) not translated yet")
    return 1 if stale or any(missing.values()) else 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    if parser.parse_args().check:
        return check()
    update(HERE)
    release(HERE)
    for code in LANGUAGES:
        count = unfinished(HERE / f"posbridge_{code}.ts")
        print(f"{code}: {'complete' if not count else f'{count} text(s) to translate'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
