"""The command line: ``headless``, ``orders`` and ``sim``. These names are a public interface.

This module never imports Qt: the window is started by ``ui.launcher``, which hands these
subcommands over to here.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.config import AppConfig, ConfigError, default_config_path, resolve_data_dir
from app.store.codec import line_to_dict
from app.store.errors import StoreError
from app.store.schema import DB_FILENAME
from app.store.store import Store, StoredOrder


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="posbridge",
        description="POS Bridge: receives online orders, saves and acknowledges them at once.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    headless = sub.add_parser("headless", help="run the bridge with no window until stopped")
    headless.add_argument("--config", type=Path, default=None, help="the TOML configuration file")
    headless.add_argument("--data-dir", default=None, help="where the database and log live")
    headless.add_argument("--verbose", action="store_true")

    orders = sub.add_parser("orders", help="print the stored orders")
    orders.add_argument("--data-dir", default=None)
    orders.add_argument("--format", choices=("json", "csv"), default="json")

    engine = sub.add_parser(
        "engine", help="the bridge for the window (started by the window itself, not by people)"
    )
    engine.add_argument("--link", type=int, required=True, help="the window's port on 127.0.0.1")
    engine.add_argument("--verbose", action="store_true")

    sim = sub.add_parser("sim", help="run the platform simulators on 127.0.0.1")
    sim.add_argument("--port", type=int, default=8765)
    sim.add_argument("--seed", type=int, default=1)
    sim.add_argument("--cooldown", type=float, default=30.0, help="Dükkango feed cooldown (s)")
    sim.add_argument("--latency-ms", type=int, default=0)
    sim.add_argument("--stream", action="store_true", help="keep creating realistic orders")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "headless":
            return _headless(args)
        if args.command == "orders":
            return _orders(args)
        if args.command == "engine":
            return _engine(args)
        return _sim(args)
    except (ConfigError, StoreError) as exc:
        print(f"posbridge: {exc}", file=sys.stderr)
        return 2


def _headless(args: argparse.Namespace) -> int:
    from app import headless
    from app.logs import setup_logging

    config = AppConfig.load(args.config or default_config_path())
    data_dir = resolve_data_dir(args.data_dir)
    setup_logging(data_dir, verbose=args.verbose)
    try:
        return asyncio.run(headless.run(config, data_dir))
    except KeyboardInterrupt:
        return 0


def _engine(args: argparse.Namespace) -> int:
    from app.engine import service

    try:
        return asyncio.run(service.run(args.link, verbose=args.verbose))
    except KeyboardInterrupt:
        return 0


def _orders(args: argparse.Namespace) -> int:
    data_dir = resolve_data_dir(args.data_dir)
    if not (data_dir / DB_FILENAME).exists():
        print(
            f"posbridge: there is no POS Bridge database in {data_dir} yet. Start the bridge "
            "first, or give the right folder with --data-dir.",
            file=sys.stderr,
        )
        return 1
    store = Store.open(data_dir)
    try:
        records = [order_record(s) for s in store.list_orders()]
    finally:
        store.close()
    if args.format == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(_csv(records))
    return 0


def order_record(stored: StoredOrder) -> dict[str, Any]:
    order = stored.order
    return {
        "provider": order.provider.value,
        "account": order.account,
        "order_id": order.order_id,
        "display_id": order.display_id,
        "status": order.status.value,
        "provider_status": order.provider_status,
        "provider_status_text": order.provider_status_text,
        "acked": stored.acked,
        "received_at": stored.received_at.isoformat(),
        "acked_at": stored.acked_at.isoformat() if stored.acked_at else None,
        "placed_at": order.placed_at.isoformat() if order.placed_at else None,
        "customer": order.customer.name,
        "lines": [line_to_dict(line) for line in order.lines],
        "total": None if order.total is None else float(order.total),
        "currency": order.currency,
        "seen": stored.seen_at is not None,
        "problem": stored.problem,
    }


CSV_COLUMNS = [
    "provider",
    "account",
    "order_id",
    "display_id",
    "status",
    "provider_status",
    "acked",
    "received_at",
    "acked_at",
    "customer",
    "items",
    "total",
    "currency",
    "problem",
]


def _csv(records: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for record in records:
        row = dict(record)
        row["items"] = "; ".join(f"{line['quantity']}x {line['name']}" for line in record["lines"])
        writer.writerow(row)
    return out.getvalue()


def _sim(args: argparse.Namespace) -> int:
    from app.sim.server import serve_forever

    serve_forever(
        port=args.port,
        seed=args.seed,
        cooldown_seconds=args.cooldown,
        latency_ms=args.latency_ms,
        stream=args.stream,
    )
    return 0
