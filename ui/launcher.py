"""``posbridge``: the window by default, the core's subcommands when named.

Imports no Qt at module level, so ``posbridge headless`` runs on a server with no display and
no Qt libraries at all.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

CORE_COMMANDS = frozenset({"headless", "orders", "sim", "engine"})


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="posbridge",
        description=(
            "POS Bridge: receives online orders, saves and acknowledges them at once, and shows "
            "them to the staff. Without a subcommand it opens the window. Subcommands: "
            "headless, orders, sim (see 'posbridge headless --help')."
        ),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the window on the built-in simulators with a fresh temporary data folder",
    )
    parser.add_argument("--config", type=Path, default=None, help="the TOML configuration file")
    parser.add_argument("--data-dir", default=None, help="where the database and log live")
    parser.add_argument(
        "--lang", choices=("en", "tr", "fr"), default=None, help="window language (default: system)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in CORE_COMMANDS:
        try:
            from app.cli import main as core_main
        except ImportError as exc:  # pragma: no cover - only while the core is incomplete
            print(f"posbridge: the command line is not available ({exc})", file=sys.stderr)
            return 2
        return core_main(args)
    options = build_parser().parse_args(args)
    from ui.app import GuiOptions, run_gui

    return run_gui(
        GuiOptions(
            demo=options.demo, config=options.config, data_dir=options.data_dir, lang=options.lang
        )
    )


if __name__ == "__main__":
    sys.exit(main())
