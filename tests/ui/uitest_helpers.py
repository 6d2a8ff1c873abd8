"""Builders and waiting helpers for the window's tests and the UI benchmarks."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any, TypeVar

from app.model import Address, Customer, LineOption, Order, OrderLine, OrderStatus, Provider
from app.store.store import OrderSummary, QuarantineInfo
from ui.counter import Counter
from ui.main_window import MainWindow
from ui.orders_model import OrdersTableModel
from ui.sounds import SoundPlayer
from ui.tray import Tray

T = TypeVar("T")

BASE_TIME = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
CUSTOMERS = (
    "Ayşe Yılmaz",
    "Mehmet Demir",
    "Zeynep Kaya",
    "Can Öztürk",
    "Elif Şahin",
    "Burak Çelik",
)
DISHES = (
    ("Adana Kebap", Decimal("185.00")),
    ("Lahmacun", Decimal("70.00")),
    ("Mercimek Çorbası", Decimal("60.00")),
    ("İskender", Decimal("240.00")),
    ("Ayran", Decimal("25.00")),
    ("Künefe", Decimal("120.00")),
)


def make_summary(i: int, **changes: Any) -> OrderSummary:
    summary = OrderSummary(
        row_id=i,
        account="Kadıköy Şube",
        provider=Provider.DUKKANGO.value,
        order_id=f"pk-{i:08d}",
        display_id=str(100000 + i),
        status=OrderStatus.NEW.value,
        provider_status="1",
        received_at=BASE_TIME + timedelta(seconds=i),
        customer_name=CUSTOMERS[i % len(CUSTOMERS)],
        summary=f"2× {DISHES[i % len(DISHES)][0]}, 1× Ayran",
        total=Decimal("385.00") + i % 50,
        currency="TRY",
        acked=True,
        deadline_at=None,
        seen=False,
        cancel_confirmed=False,
        action_kind="",
        action_state="",
        problem="",
    )
    return replace(summary, **changes) if changes else summary


def make_quarantine(i: int, **changes: Any) -> QuarantineInfo:
    info = QuarantineInfo(
        id=i,
        account="Kadıköy Şube",
        order_id=f"pk-bad-{i}",
        reason="items: expected a list",
        first_seen=BASE_TIME + timedelta(seconds=i),
        times_seen=1,
        raw='{"payment_key": "pk-bad", "items": "??"}',
    )
    return replace(info, **changes) if changes else info


def make_order(
    i: int,
    account: str = "Kadıköy Şube",
    status: OrderStatus = OrderStatus.NEW,
    provider_status: str = "1",
    placed_at: datetime | None = None,
    courier_type: str = "restaurant",
) -> Order:
    """A Dükkango-like order built directly (fast enough to fill 100,000 rows)."""
    dish, price = DISHES[i % len(DISHES)]
    lines = (
        OrderLine(
            line_id=str(i % 97),
            name=dish,
            quantity=2,
            unit_price=price,
            total=price * 2,
            note="Acısız olsun" if i % 3 == 0 else "",
            options=(LineOption("Ekmek", "Lavaş", Decimal("0")),) if i % 2 == 0 else (),
        ),
        OrderLine(
            line_id="ayran",
            name="Ayran",
            quantity=1,
            unit_price=Decimal("25.00"),
            total=Decimal("25.00"),
        ),
    )
    total = price * 2 + Decimal("25.00")
    return Order(
        provider=Provider.DUKKANGO,
        account=account,
        order_id=f"pk-{i:08d}",
        display_id=str(100000 + i),
        status=status,
        provider_status=provider_status,
        provider_status_text="Yeni sipariş",
        placed_at=placed_at or BASE_TIME + timedelta(seconds=i),
        raw={
            "id": 100000 + i,
            "payment_key": f"pk-{i:08d}",
            "status_id": int(provider_status or 1),
        },
        customer=Customer(name=CUSTOMERS[i % len(CUSTOMERS)], phone="+90 555 010 20 30"),
        address=Address(text="Moda Cd. No: 12 D: 4", details="Zil çalışmıyor", city="İstanbul"),
        fulfilment="delivery",
        payment_method="Kapıda kredi kartı",
        lines=lines,
        total=total,
        currency="TRY",
        note="Kapıyı çalmayın, bebek uyuyor" if i % 5 == 0 else "",
        extra={"courier_type": courier_type},
        ack_unit=provider_status,
    )


class RecordingTray(Tray):
    """A tray that exists (the offscreen platform has none) and remembers what it showed."""

    def __init__(self) -> None:
        super().__init__(available=False)
        self.available = True
        self.notifications: list[tuple[str, str, str]] = []
        self.counts: list[int] = []

    def notify(self, title: str, body: str, severity: str = "info") -> bool:
        self.notifications.append((title, body, severity))
        return True

    def set_count(self, count: int, tooltip: str) -> None:
        super().set_count(count, tooltip)
        self.counts.append(count)


@dataclass
class CounterEnv:
    """The window on the real bridge (see the ``open_env`` fixture)."""

    sim: Any
    bridge: Any
    counter: Counter
    window: MainWindow
    model: OrdersTableModel
    tray: Tray
    sounds: SoundPlayer
    played: list[str] = field(default_factory=list)


async def wait_for(
    predicate: Callable[[], T],
    timeout: float = 5.0,  # noqa: ASYNC109 - a polling helper: the timeout is its point
    what: str = "condition",
) -> T:
    """Await until ``predicate()`` is truthy (inside a coroutine run on the qasync loop)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if loop.time() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        await asyncio.sleep(0.01)


def run(loop: asyncio.AbstractEventLoop, coro: Awaitable[T], timeout: float = 30.0) -> T:
    return loop.run_until_complete(asyncio.wait_for(coro, timeout))
