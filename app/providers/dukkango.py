"""Dükkango (restaurant food orders, Turkey): feed, acknowledgement and the staff actions.

Facts from the Dükkango integration docs (shared/reference/provider-apis.md §3):
- every order path takes the UUID ``payment_key``, never the numeric ``id``;
- ``GET /orders/get-current`` allows one call per 30 s per token and repeats an order until its
  current status is acknowledged, and again after every status change: a change feed in which
  (payment_key, status_id) is the unit to save and to acknowledge;
- replies use the envelope ``{"status": true, "data": ...}`` / ``{"status": false, "error": ...}``;
- ``date`` has no timezone (Istanbul wall time) and ``discount`` arrives as a string.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import httpx

from app.credentials import redact
from app.model import (
    ActionKind,
    Address,
    Customer,
    LineOption,
    Order,
    OrderLine,
    OrderStatus,
    Provider,
    Rejected,
)
from app.providers.base import AckRequest, FeedBatch, FeedReply, Outcome
from app.providers.http import (
    AuthError,
    RejectedError,
    TransientError,
    UnreadableReply,
    make_client,
    now_utc,
    parse_retry_after,
    send,
)
from app.providers.jsonstream import ITEM, LIST_START, scan_object

try:
    ISTANBUL: Any = ZoneInfo("Europe/Istanbul")
except ZoneInfoNotFoundError:  # no tz database (bare Windows without tzdata): Turkey is UTC+3
    from datetime import timezone

    ISTANBUL = timezone(timedelta(hours=3), "TRT")

STATUSES: dict[int, tuple[OrderStatus, str]] = {
    1: (OrderStatus.NEW, "Sipariş Geldi"),
    2: (OrderStatus.ACCEPTED, "Hazırlanıyor"),
    16: (OrderStatus.ON_THE_WAY, "Restoran Kuryeye Verildi"),
    5: (OrderStatus.DONE, "Teslim Edildi"),
    6: (OrderStatus.CANCELLED, "İptal Edildi"),
}
# The order statuses move forward only: a reply that shows an older status than ours crossed
# one of our own actions on the way and is stale. Unknown codes rank as "still active".
_RANK = {"1": 1, "2": 2, "16": 3, "5": 5, "6": 5}
_UNKNOWN_RANK = 4

CANCEL_REASONS: list[tuple[int, str]] = [
    (1, "Ürün tükendi"),
    (2, "Adres bulunamıyor"),
    (3, "Yoğunluk nedeniyle"),
    (4, "Müşteri iptal etti"),
    (5, "Teknik sorun"),
    (6, "Çok uzak teslimat adresi"),
    (7, "Ödeme problemi"),
    (8, "Diğer"),
]
TOKEN_REFRESH_MARGIN = timedelta(hours=1)  # the docs: refresh when less than 1 h is left
CALL_DEADLINE_MARGIN = 5.0


@dataclass
class _Token:
    value: str
    expires_at: datetime | None  # None: a fixed token from the platform, no expiry known


class DukkangoSource:
    provider = Provider.DUKKANGO
    reack_on_repeat = True
    ack_batch_size = 1  # one PUT per order and status
    ack_deadline_hours: float | None = None

    def __init__(
        self,
        account: str,
        base_url: str,
        credentials: dict[str, str],
        *,
        cooldown_seconds: float = 30.0,
        timeout_seconds: float = 15.0,
        client: httpx.AsyncClient | None = None,
    ) -> None:
        self.account = account
        self.min_poll_interval = cooldown_seconds
        self._timeout = timeout_seconds
        self._client = client or make_client(base_url.rstrip("/"), timeout_seconds)
        self._fixed_token = credentials.get("token")
        self._app_key = credentials.get("app_secret_key")
        self._rest_key = credentials.get("rest_secret_key")
        if not self._fixed_token and not (self._app_key and self._rest_key):
            raise AuthError(
                f"Account '{account}': Dükkango needs either a token, or both app_secret_key "
                "and rest_secret_key."
            )
        self._token: _Token | None = _Token(self._fixed_token, None) if self._fixed_token else None

    # -- authentication -----------------------------------------------------------------------

    async def _access_token(self) -> str:
        token = self._token
        if token is None or (
            token.expires_at is not None and token.expires_at - now_utc() < TOKEN_REFRESH_MARGIN
        ):
            token = await self._login()
        return token.value

    async def _login(self) -> _Token:
        if not (self._app_key and self._rest_key):
            raise AuthError(
                f"Dükkango refused the access token of '{self.account}'. Ask Dükkango for a new "
                "token and store it in the keyring."
            )
        response = await send(
            self._client,
            "POST",
            "/auth/login",
            deadline=self._deadline(),
            json={"app_secret_key": self._app_key, "rest_secret_key": self._rest_key},
        )
        if response.status_code in (400, 401, 403):
            raise AuthError(
                f"Dükkango refused the login of '{self.account}' "
                f"({_platform_text(response)}). Check the app and restaurant secret keys."
            )
        data = self._data(response, "login")
        if not isinstance(data, dict) or not isinstance(data.get("access_token"), str):
            raise TransientError("Dükkango's login reply had no access token; trying again.")
        expires = _parse_local_time(data.get("expiration_date"))
        if expires is None:
            expires = now_utc() + timedelta(hours=23)
        self._token = _Token(data["access_token"], expires)
        return self._token

    async def _call(
        self, method: str, path: str, json_body: Any = None, what: str = ""
    ) -> httpx.Response:
        """One authorised call; on 401 log in again once (the docs' advice), then give up."""
        for attempt in (1, 2):
            token = await self._access_token()
            response = await send(
                self._client,
                method,
                path,
                deadline=self._deadline(),
                headers={"Access-Token": token},
                json=json_body,
            )
            if response.status_code != 401:
                return response
            self._token = None if self._app_key else self._token
            if attempt == 2 or not self._app_key:
                break
        raise AuthError(
            f"Dükkango refused the credentials of '{self.account}' (yetkisiz erişim) while "
            f"{what or 'calling it'}. Enter a new token or new keys."
        )

    def _deadline(self) -> float:
        return self._timeout + CALL_DEADLINE_MARGIN

    # -- feed ---------------------------------------------------------------------------------

    async def fetch(self, cursor: str | None = None) -> FeedReply:
        started = time.perf_counter()
        requested_at = now_utc()
        response = await self._call("GET", "/orders/get-current", what="reading new orders")
        latency = (time.perf_counter() - started) * 1000
        self._raise_for_status(response, "reading new orders")
        return FeedReply(
            body=response.content,
            received_at=now_utc(),
            latency_ms=latency,
            content_type=response.headers.get("content-type", ""),
            requested_at=requested_at,
        )

    def parse(self, reply: FeedReply) -> FeedBatch:
        whole = FeedBatch()
        for batch in self.iter_parse(reply):
            whole.orders.extend(batch.orders)
            whole.rejects.extend(batch.rejects)
        return whole

    def iter_parse(self, reply: FeedReply, chunk_size: int = 250) -> Iterator[FeedBatch]:
        """The reply in batches of ``chunk_size`` entries, decoded as it goes. A reply that is
        unreadable as a whole raises UnreadableReply, possibly after some batches: the caller
        saves all batches in one transaction, so that undoes them."""
        unreadable = (
            "Dükkango sent a reply that is not readable JSON (cut off or an error page). "
            "No order was acknowledged; they come again with the next poll."
        )
        try:
            text = reply.body.decode("utf-8")
        except UnicodeDecodeError:
            raise UnreadableReply(unreadable, reply.body) from None
        members: dict[str, Any] = {}
        has_list = False
        batch = FeedBatch()
        try:
            for kind, value in scan_object(text, "data"):
                if kind == ITEM:
                    self._parse_entry(value, batch)
                    if len(batch.orders) + len(batch.rejects) >= chunk_size:
                        yield batch
                        batch = FeedBatch()
                elif kind == LIST_START:
                    has_list = True
                else:
                    key, member = value
                    members[key] = member
        except (ValueError, RecursionError):
            raise UnreadableReply(unreadable, reply.body) from None
        if members.get("status") is False:
            error = _envelope_text(members)
            raise UnreadableReply(f"Dükkango answered with an error: {error}.", reply.body)
        if not has_list:
            if "data" in members and members["data"] is None:
                pass  # no orders
            elif "data" in members:
                raise UnreadableReply("Dükkango's order list is not a list.", reply.body)
            else:
                raise UnreadableReply("Dükkango's reply has no order list.", reply.body)
        yield batch

    def _parse_entry(self, entry: Any, batch: FeedBatch) -> None:
        try:
            batch.orders.append(parse_order(entry, self.account))
        except Exception as exc:  # one odd entry must never block the others
            batch.rejects.append(
                Rejected(
                    reason=f"Unreadable order: {exc}",
                    raw=json.dumps(entry, ensure_ascii=False, sort_keys=True),
                    order_id=_maybe_key(entry),
                )
            )

    def status_rank(self, provider_status: str) -> int:
        return _RANK.get(provider_status, _UNKNOWN_RANK)

    # -- acknowledgement and actions ----------------------------------------------------------

    async def acknowledge(self, requests: Sequence[AckRequest]) -> list[Outcome]:
        return [
            await self._put(r.outbox_id, f"/orders/success/{r.order_id}", None, "acknowledging")
            for r in requests
        ]

    async def accept(self, outbox_id: int, order_id: str, preparing_minutes: int) -> Outcome:
        outcome = await self._put(
            outbox_id,
            f"/orders/accept/{order_id}",
            {"preparing_time": int(preparing_minutes)},
            "accepting",
        )
        return _moved(outcome, 2)

    async def on_the_way(self, outbox_id: int, order_id: str) -> Outcome:
        return _moved(
            await self._put(outbox_id, f"/orders/ontheway/{order_id}", None, "sending"), 16
        )

    async def complete(self, outbox_id: int, order_id: str) -> Outcome:
        return _moved(
            await self._put(outbox_id, f"/orders/complete/{order_id}", None, "completing"), 5
        )

    async def cancel(self, outbox_id: int, order_id: str, reason_id: int) -> Outcome:
        outcome = await self._put(
            outbox_id, f"/orders/cancel/{order_id}", {"reason_id": int(reason_id)}, "cancelling"
        )
        return _moved(outcome, 6)

    # Both rules depend on the order alone, so the window can ask them without a connection.
    @staticmethod
    def cancel_reasons() -> list[tuple[int, str]]:
        return list(CANCEL_REASONS)

    @staticmethod
    def allowed_actions(order: Order) -> frozenset[ActionKind]:
        pickup = order.fulfilment == "pickup" or order.extra.get("courier_type") == "come_get"
        own_courier = order.extra.get("courier_type") == "restaurant"
        if order.status is OrderStatus.NEW:
            return frozenset({ActionKind.ACCEPT, ActionKind.CANCEL})
        if order.status is OrderStatus.ACCEPTED:
            actions = {ActionKind.CANCEL}
            if own_courier and not pickup:
                actions.add(ActionKind.ON_THE_WAY)
            if pickup:
                actions.add(ActionKind.COMPLETE)
            return frozenset(actions)
        if order.status is OrderStatus.ON_THE_WAY:
            return frozenset({ActionKind.COMPLETE, ActionKind.CANCEL})
        return frozenset()

    async def _put(self, outbox_id: int, path: str, body: Any, what: str) -> Outcome:
        response = await self._call("PUT", path, body, what)
        self._raise_for_status(response, what)
        data = self._data(response, what)
        return Outcome(outbox_id, ok=True, response=str(data)[:200])

    # -- replies ------------------------------------------------------------------------------

    def _raise_for_status(self, response: httpx.Response, what: str) -> None:
        code = response.status_code
        if code < 300:
            return
        text = _platform_text(response)
        if code == 429:
            retry = parse_retry_after(response.headers.get("retry-after"))
            raise TransientError(
                f"Dükkango asks us to slow down while {what} ({text}).",
                retry_after=retry if retry is not None else self.min_poll_interval,
            )
        if code >= 500 or code == 408:
            raise TransientError(f"Dükkango had a server error ({code}) while {what}.")
        raise RejectedError(f"Dükkango refused {what}: {text} ({code}).", code, text)

    @staticmethod
    def _data(response: httpx.Response, what: str) -> Any:
        try:
            envelope = response.json()
        except ValueError:
            # A 2xx whose body is not JSON: we cannot tell whether it worked, and every call
            # here is idempotent, so try again.
            raise TransientError(f"Dükkango sent an unreadable answer while {what}.") from None
        if not isinstance(envelope, dict):
            raise TransientError(f"Dükkango sent an unexpected answer while {what}.")
        if envelope.get("status") is False:
            text = _envelope_text(envelope)
            raise RejectedError(f"Dükkango refused {what}: {text}.", response.status_code, text)
        return envelope.get("data")

    async def aclose(self) -> None:
        await self._client.aclose()


# -- parsing ----------------------------------------------------------------------------------


def parse_order(entry: Any, account: str) -> Order:
    """One ``get-current`` entry into the neutral order. Raises on what cannot be guessed."""
    if not isinstance(entry, dict):
        raise TypeError(f"an order must be an object, got {type(entry).__name__}")
    payment_key = entry.get("payment_key")
    if not isinstance(payment_key, str):
        raise ValueError("payment_key is missing")
    try:
        uuid.UUID(payment_key)
    except ValueError:
        raise ValueError(f"payment_key {payment_key!r} is not a UUID") from None
    status_id = _int(entry.get("status_id"), "status_id")
    status, default_text = STATUSES.get(status_id, (OrderStatus.UNKNOWN, ""))
    lines, readable = _lines(entry.get("items"))
    customer: dict[str, Any] = _table(entry.get("customer"))
    address: dict[str, Any] = _table(entry.get("address"))
    details = [
        f"{label} {address[key]}"
        for key, label in (("apartment", "Apt."), ("floor", "Kat"), ("door", "Daire"))
        if address.get(key) not in (None, "")
    ]
    if address.get("description"):
        details.insert(0, str(address["description"]))
    display = entry.get("id")
    extra = {
        key: str(entry[key])
        for key in ("courier_type", "restaurant_name", "restaurant_id", "shipping_method")
        if entry.get(key) not in (None, "")
    }
    return Order(
        provider=Provider.DUKKANGO,
        account=account,
        order_id=payment_key,
        display_id=str(display) if display not in (None, "") else payment_key[:8],
        status=status,
        provider_status=str(status_id),
        provider_status_text=str(entry.get("status_text") or default_text),
        placed_at=_parse_local_time(entry.get("date")),
        raw=entry,
        customer=Customer(name=_text(customer.get("name")), phone=_text(customer.get("phone"))),
        address=Address(text=_text(address.get("address")), details=", ".join(details)),
        fulfilment=_text(entry.get("shipping_method")),
        payment_method=_text(entry.get("payment_method")),
        lines=lines,
        lines_readable=readable,
        total=_money(entry.get("total"), "total"),
        currency="TRY",
        discount=_money(entry.get("discount"), "discount"),
        delivery_fee=_money(entry.get("courier_fee"), "courier_fee"),
        tip=_money(entry.get("order_tip"), "order_tip"),
        note=_text(entry.get("note")),
        scheduled_for=_parse_local_time(entry.get("scheduled_date")),
        extra=extra,
        ack_unit=str(status_id),
    )


def _lines(items: Any) -> tuple[tuple[OrderLine, ...], bool]:
    """The item list's shape is assumed (the docs were unreadable there): if it is not the
    shape we expect, keep the order with its raw payload rather than refuse it."""
    if items is None:
        return (), True
    if not isinstance(items, list):
        return (), False
    lines: list[OrderLine] = []
    try:
        for index, item in enumerate(items, 1):
            quantity = _int(item.get("quantity", 1), "quantity")
            price = _money(item.get("price"), "price")
            options = tuple(
                LineOption(
                    group=_text(o.get("group")),
                    name=_text(o.get("name")),
                    price=_money(o.get("price"), "option price") or Decimal(0),
                )
                for o in item.get("options") or []
            )
            unit = None if price is None else price + sum((o.price for o in options), Decimal(0))
            lines.append(
                OrderLine(
                    line_id=str(item.get("food_id", index)),
                    name=_text(item.get("name")) or "?",
                    quantity=quantity,
                    unit_price=unit,
                    total=None if unit is None else unit * quantity,
                    sku=str(item.get("food_id", "")),
                    note=_text(item.get("note")),
                    options=options,
                )
            )
    except (AttributeError, TypeError, ValueError, InvalidOperation):
        return (), False
    return tuple(lines), True


def _int(value: Any, name: str) -> int:
    if isinstance(value, bool):
        raise TypeError(f"{name} is not a number")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())  # schema drift: numbers sent as text
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise ValueError(f"{name} is missing or not a whole number ({value!r})")


def _money(value: Any, name: str) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise TypeError(f"{name} is not an amount ({value!r})")
    amount = Decimal(str(value).strip())
    if not amount.is_finite():
        raise ValueError(f"{name} is not a finite amount")
    return amount


def _table(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _parse_local_time(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return parsed.replace(tzinfo=ISTANBUL) if parsed.tzinfo is None else parsed


def _maybe_key(entry: Any) -> str | None:
    if isinstance(entry, dict) and isinstance(entry.get("payment_key"), str):
        return str(entry["payment_key"])[:64]
    return None


def _envelope_text(envelope: dict[str, Any]) -> str:
    parts = [str(envelope.get(k)) for k in ("error", "message") if envelope.get(k)]
    return " – ".join(parts) or "no reason given"


def _platform_text(response: httpx.Response) -> str:
    try:
        envelope = response.json()
    except ValueError:
        return redact(response.text[:120]) or f"HTTP {response.status_code}"
    if isinstance(envelope, dict):
        return _envelope_text(envelope)
    return str(envelope)[:120]


def _moved(outcome: Outcome, status_id: int) -> Outcome:
    status = STATUSES[status_id][0]
    return Outcome(
        outcome.outbox_id, outcome.ok, outcome.response, outcome.error, (status, str(status_id))
    )
