"""The Dükkango Integrations API simulator: order state, the documented endpoints, faults.

Facts come from shared/reference/provider-apis.md §3 (cited as §3.x) and the seed
seeds/dukkango-acknowledge-order.md; where the docs are silent the choice is marked "assumed".
The feed is a change feed: an order is listed until its current status is acknowledged, and
again after every status change (the seed's timeline, §3.4).
"""

from __future__ import annotations

import copy
import math
import random
import re
import secrets
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from app.sim.dukkango_orders import (
    CANCELLED,
    CONFIRMED,
    DELIVERED,
    IN_DELIVERY,
    RECEIVED,
    STATUS_TEXT,
    UNKNOWN_STATUS_TEXT,
    new_order,
    wall_time,
)
from app.sim.dukkango_stream import OrderStream
from app.sim.platform import Call, ControlError, Endpoint, PlatformSim, Reply, control_json
from app.sim.recording import Fault
from app.sim.turkish_menu import RESTAURANT_NAMES

DEMO_TOKEN = "sim-dukkango-token"  # a fixed Access-Token, always valid (the "fixed token" mode)
DEMO_APP_SECRET = "sim-app-secret"
DEMO_REST_SECRET = "sim-rest-secret"

ACTIVE_STATUSES = frozenset({RECEIVED, CONFIRMED, IN_DELIVERY})  # what get-current lists (§3.4)
TERMINAL_STATUSES = frozenset({DELIVERED, CANCELLED})

# §3.4 cancel reasons; the list shape of GET /orders/cancel-reasons is assumed (not found).
CANCEL_REASONS: tuple[tuple[int, str], ...] = (
    (1, "Ürün tükendi"),
    (2, "Adres bulunamıyor"),
    (3, "Yoğunluk nedeniyle"),
    (4, "Müşteri iptal etti"),
    (5, "Teknik sorun"),
    (6, "Çok uzak teslimat adresi"),
    (7, "Ödeme problemi"),
    (8, "Diğer"),
)
CUSTOMER_CANCEL_REASON = 4

# GET /orders/variables, verbatim from the doc (§3.4).
VARIABLES: dict[str, Any] = {
    "paymentMethod": [
        {"key": "CASH", "name": "Nakit"},
        {"key": "CREDIT_CARD", "name": "Kredi Kartı"},
        {"key": "DEBIT_CARD", "name": "Banka Kartı"},
    ],
    "shippingMethod": [
        {"key": "delivery", "name": "Teslimat"},
        {"key": "pickup", "name": "Gel Al"},
    ],
}

# The documented error texts (§3.8). Assumed, as the docs have none: the texts for a wrong-state
# transition, an unknown path, a wrong method and server errors.
MISSING_FIELD = "eksik alan"
UNAUTHORIZED = "yetkisiz erişim"
BAD_URL = "URL hatalı"
ORDER_NOT_FOUND = "sipariş bulunamadı"
TOO_MANY = "çok fazla istek"
INVALID_TRANSITION = "geçersiz işlem"
_STATUS_ERRORS = {
    404: "bulunamadı",
    405: "izin verilmeyen metod",
    429: TOO_MANY,
    500: "sunucu hatası",
    502: "ağ geçidi hatası",
    503: "servis geçici olarak kullanılamıyor",
}

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)

Visibility = Literal["once", "vanish"]
VISIBILITIES: tuple[str, ...] = ("once", "vanish")


@dataclass
class _Order:
    payload: dict[str, Any]  # the documented fields; status_id/status_text kept in step
    status_id: int = RECEIVED
    changed_by: str = "platform"  # who made the last change: platform, customer or restaurant
    needs_ack: bool = True  # the current status has not been acknowledged yet
    acked_statuses: set[int] = field(default_factory=set)
    ack_count: int = 0
    preparing_time: int | None = None
    cancel_reason_id: int | None = None

    @property
    def payment_key(self) -> str:
        return str(self.payload["payment_key"])

    def move(self, status_id: int, by: str, status_text: str | None = None) -> None:
        self.status_id = status_id
        self.changed_by = by
        self.needs_ack = True  # every change re-lists the order until acknowledged (§3.4)
        self.payload["status_id"] = status_id
        self.payload["status_text"] = status_text or STATUS_TEXT.get(status_id, UNKNOWN_STATUS_TEXT)


class DukkangoSim(PlatformSim):
    """State and HTTP API of one simulated Dükkango integration account. Thread-safe."""

    name = "dukkango"
    prefix = "/dukkango/api/integrations"

    def __init__(
        self,
        *,
        seed: int = 1,
        cooldown_seconds: float = 30.0,
        latency_ms: int = 0,
        token_ttl_seconds: float = 86400,
    ) -> None:
        self.seed = seed
        self.cooldown_seconds = cooldown_seconds
        self.token_ttl_seconds = token_ttl_seconds
        self._lock = threading.RLock()
        self._tokens: dict[str, float | None] = {DEMO_TOKEN: None}  # token → expiry (epoch s)
        self._stream: OrderStream | None = None
        self._seed_state()
        super().__init__(latency_ms=latency_ms)

    def _seed_state(self) -> None:
        """Everything that reset() restores; the rng is re-seeded so a reset replays the run."""
        self._rng = random.Random(seed_bytes(self.seed, "orders"))
        self._restaurants = [
            {"id": str(uuid.UUID(int=self._rng.getrandbits(128), version=4)), "name": name}
            for name in RESTAURANT_NAMES
        ]
        self._next_display_id = self._rng.randint(1000, 3000)
        self._orders: dict[str, _Order] = {}
        self._acknowledged: set[tuple[str, int]] = set()
        self._last_feed: dict[str, float] = {}  # token → arrival of its last successful poll
        self._violations = 0
        self._cancel_visibility: Visibility = "once"
        self._delivered_visibility: Visibility = "vanish"

    # -- scenario switches --------------------------------------------------------------------

    @property
    def cancel_visibility(self) -> Visibility:
        """A cancellation by the customer or the platform: "once" (re-listed with status 6
        until acknowledged, the PROVIDERS.md assumption) or "vanish" (it just disappears)."""
        return self._cancel_visibility

    @cancel_visibility.setter
    def cancel_visibility(self, value: Visibility) -> None:
        with self._lock:
            self._cancel_visibility = _visibility(value)

    @property
    def delivered_visibility(self) -> Visibility:
        """A delivery reported by the platform (status 5): "vanish" by default, since terminal
        statuses are not among those get-current returns (§3.4); "once" lists it until acked."""
        return self._delivered_visibility

    @delivered_visibility.setter
    def delivered_visibility(self, value: Visibility) -> None:
        with self._lock:
            self._delivered_visibility = _visibility(value)

    # -- the Python API for tests, demo and benchmarks ----------------------------------------

    def add_orders(self, n: int = 1, **overrides: Any) -> list[str]:
        """Create ``n`` new RECEIVED orders; returns their payment_keys."""
        keys = []
        with self._lock:
            for _ in range(n):
                payload = new_order(
                    self._rng,
                    display_id=self._next_display_id,
                    restaurant=self._rng.choice(self._restaurants),
                    placed_at=datetime.now(UTC),
                    overrides=overrides,
                )
                key = str(payload["payment_key"])
                if key.lower() in self._orders:
                    raise ValueError(f"payment_key {key} already exists")
                self._next_display_id += self._rng.randint(1, 4)  # other shops' orders between
                self._orders[key.lower()] = _Order(payload)
                keys.append(key)
        return keys

    def set_status(self, payment_key: str, status_id: int, status_text: str | None = None) -> None:
        """A change made on the platform's side (its courier moved the order, the customer
        cancelled); the order is listed again with the new status until acknowledged, except
        a terminal status, which follows ``cancel_visibility`` / ``delivered_visibility``.
        Any status id is accepted, to play one the docs do not list."""
        with self._lock:
            self._order(payment_key).move(status_id, "platform", status_text)

    def cancel_by_customer(self, payment_key: str) -> None:
        with self._lock:
            order = self._order(payment_key)
            order.move(CANCELLED, "customer")
            order.cancel_reason_id = CUSTOMER_CANCEL_REASON

    def snapshot(self) -> list[dict[str, Any]]:
        """Every order's simulator-side state, oldest first."""
        with self._lock:
            return [
                {
                    "payment_key": o.payment_key,
                    "id": o.payload["id"],
                    "status_id": o.status_id,
                    "acked_statuses": set(o.acked_statuses),
                    "preparing_time": o.preparing_time,
                    "cancel_reason_id": o.cancel_reason_id,
                    "ack_count": o.ack_count,
                    "courier_type": o.payload.get("courier_type"),
                    "shipping_method": o.payload.get("shipping_method"),
                    "changed_by": o.changed_by,
                    "in_feed": self._in_feed(o),
                }
                for o in self._orders.values()
            ]

    def order_payload(self, payment_key: str) -> dict[str, Any]:
        """The order exactly as get-current would list it now."""
        with self._lock:
            return copy.deepcopy(self._order(payment_key).payload)

    def acknowledged(self) -> set[tuple[str, int]]:
        """Every (payment_key, status_id) that received a successful ack."""
        with self._lock:
            return set(self._acknowledged)

    def cooldown_violations(self) -> int:
        """How many get-current calls were refused with 429 for the 30 s cooldown."""
        with self._lock:
            return self._violations

    def valid_tokens(self) -> set[str]:
        now = time.time()
        with self._lock:
            return {t for t, exp in self._tokens.items() if exp is None or exp > now}

    def revoke_token(self, token: str) -> None:
        """Make ``token`` invalid (the demo token too, until reset): the next call gets 401."""
        with self._lock:
            self._tokens[token] = 0.0

    def reset(self) -> None:
        """Back to the state right after construction (login tokens stay valid)."""
        self.stop_stream()
        with self._lock:
            self._seed_state()
            self._tokens = {t: e for t, e in self._tokens.items() if e != 0.0}
            self._tokens[DEMO_TOKEN] = None
        super().reset()

    def start_stream(self, interval_seconds: float = 10.0) -> None:
        """Generate demo traffic in the background: a first order within 3 s, then one about
        every ``interval_seconds``, with the odd customer cancellation and courier progress."""
        stream = OrderStream(self, random.Random(seed_bytes(self.seed, "stream")), interval_seconds)
        with self._lock:
            previous, self._stream = self._stream, stream
        if previous is not None:
            previous.stop()  # outside the lock: its thread may be waiting for it
        stream.start()

    def stop_stream(self) -> None:
        with self._lock:
            stream, self._stream = self._stream, None
        if stream is not None:
            stream.stop()

    def begin_shutdown(self) -> None:
        self.stop_stream()
        super().begin_shutdown()

    # -- internals ----------------------------------------------------------------------------

    def _order(self, payment_key: str) -> _Order:
        try:
            return self._orders[payment_key.lower()]
        except KeyError:
            raise KeyError(f"no order with payment_key {payment_key}") from None

    def _in_feed(self, order: _Order) -> bool:
        if not order.needs_ack:
            return False
        if order.status_id in ACTIVE_STATUSES:
            return True
        if order.changed_by == "restaurant":
            return False  # our own cancel/complete: the bridge knows, nothing is re-listed
        if order.status_id == CANCELLED:
            return self._cancel_visibility == "once"
        if order.status_id == DELIVERED:
            return self._delivered_visibility == "once"
        return True  # a status we do not know (COMPLETE_NEEDS_PAYMENT?): listed, like active

    # -- the documented endpoints -------------------------------------------------------------

    def endpoints(self) -> list[Endpoint]:
        return [
            Endpoint("login", "POST", "/auth/login", self._login),
            Endpoint("get-current", "GET", "/orders/get-current", self._get_current),
            Endpoint("success", "PUT", "/orders/success/{key}", self._success, True),
            Endpoint("accept", "PUT", "/orders/accept/{key}", self._accept, True),
            Endpoint("ontheway", "PUT", "/orders/ontheway/{key}", self._ontheway, True),
            Endpoint("complete", "PUT", "/orders/complete/{key}", self._complete, True),
            Endpoint("cancel", "PUT", "/orders/cancel/{key}", self._cancel, True),
            Endpoint("variables", "GET", "/orders/variables", self._variables),
            Endpoint("cancel-reasons", "GET", "/orders/cancel-reasons", self._cancel_reasons),
            Endpoint("restaurants", "GET", "/restaurants/get", self._restaurants_get),
        ]

    def _login(self, call: Call) -> Reply:
        body = call.json_body()
        body = body if isinstance(body, dict) else {}
        for key in ("app_secret_key", "rest_secret_key"):
            if not isinstance(body.get(key), str) or not body[key]:
                return _error(400, MISSING_FIELD, f"{key} is required")
        if (body["app_secret_key"], body["rest_secret_key"]) != (DEMO_APP_SECRET, DEMO_REST_SECRET):
            return _error(401, UNAUTHORIZED)
        token = secrets.token_hex(32)
        expires = time.time() + self.token_ttl_seconds
        with self._lock:
            self._tokens[token] = expires
        # §3.2: "expiration_date" has no zone; Istanbul wall time, as the example's dates.
        expiration = wall_time(datetime.fromtimestamp(expires, UTC))
        return _ok({"access_token": token, "expiration_date": expiration})

    def _authorize(self, call: Call) -> str | Reply:
        """The caller's token, or the documented 401 (missing, unknown or expired token)."""
        token = call.header("access-token")
        with self._lock:
            expiry = self._tokens.get(token or "", 0.0)
        if not token or (expiry is not None and expiry <= time.time()):
            return _error(401, UNAUTHORIZED)
        return token

    def _get_current(self, call: Call) -> Reply:
        token = self._authorize(call)
        if isinstance(token, Reply):
            return token
        wanted = _query_int(call.record.query, "status_id")
        if wanted == "invalid":  # assumed: the docs give no error for a bad filter
            return _error(400, INVALID_TRANSITION, "status_id bir sayı olmalı")
        with self._lock:
            last = self._last_feed.get(token)
            # §3.7: one call per 30 s per token, the window opening at a successful call.
            # Measured at arrival so that injected latency does not move the window.
            if last is not None and call.record.time - last < self.cooldown_seconds:
                self._violations += 1
                return self.status_reply(429)
            self._last_feed[token] = call.record.time
            listed = [
                copy.deepcopy(o.payload)
                for o in self._orders.values()
                if self._in_feed(o) and (wanted is None or o.status_id == wanted)
            ]
        return _ok(listed)

    def _order_call(self, call: Call) -> _Order | Reply:
        """Auth, then the path's payment_key: a UUID (403 otherwise) of a known order (404)."""
        token = self._authorize(call)
        if isinstance(token, Reply):
            return token
        key = call.params["key"]
        if not _UUID.fullmatch(key):
            return _error(403, BAD_URL)  # e.g. the numeric display id (§3.3, the seed)
        with self._lock:
            order = self._orders.get(key.lower())
        return order if order is not None else _error(404, ORDER_NOT_FOUND)

    def _success(self, call: Call) -> Reply:
        order = self._order_call(call)
        if isinstance(order, Reply):
            return order
        with self._lock:
            # Acknowledges the status the order has now (per status, §3.9 surprise 2).
            order.needs_ack = False
            order.acked_statuses.add(order.status_id)
            order.ack_count += 1
            self._acknowledged.add((order.payment_key, order.status_id))
        return _ok("OK")

    def _accept(self, call: Call) -> Reply:
        body = call.json_body()
        minutes = body.get("preparing_time") if isinstance(body, dict) else None
        order = self._order_call(call)
        if isinstance(order, Reply):
            return order
        if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes <= 0:
            return _error(400, MISSING_FIELD, "preparing_time is required")
        with self._lock:
            if order.status_id != RECEIVED:
                return _invalid(order, "yalnızca yeni (1) sipariş onaylanabilir")
            order.move(CONFIRMED, "restaurant")
            order.preparing_time = minutes
        return _ok("OK")

    def _ontheway(self, call: Call) -> Reply:
        order = self._order_call(call)
        if isinstance(order, Reply):
            return order
        with self._lock:
            # §3.4: only for the restaurant's own courier; the platform moves "fuudy" orders.
            if order.payload.get("courier_type") != "restaurant":
                return _invalid(order, "yalnızca restoran kuryesi ile teslim edilen siparişler")
            if order.status_id != CONFIRMED:
                return _invalid(order, "yalnızca hazırlanan (2) sipariş yola çıkabilir")
            order.move(IN_DELIVERY, "restaurant")
        return _ok("OK")

    def _complete(self, call: Call) -> Reply:
        order = self._order_call(call)
        if isinstance(order, Reply):
            return order
        with self._lock:
            pickup = (
                order.payload.get("shipping_method") == "pickup"
                or order.payload.get("courier_type") == "come_get"
            )
            # Assumed: a pickup order has no delivery leg, so it completes from CONFIRMED.
            if not (order.status_id == IN_DELIVERY or (pickup and order.status_id == CONFIRMED)):
                return _invalid(order, "sipariş bu durumda tamamlanamaz")
            order.move(DELIVERED, "restaurant")
        return _ok("OK")

    def _cancel(self, call: Call) -> Reply:
        body = call.json_body()
        reason = body.get("reason_id") if isinstance(body, dict) else None
        order = self._order_call(call)
        if isinstance(order, Reply):
            return order
        if reason is None:
            return _error(400, MISSING_FIELD, "reason_id is required")
        if not isinstance(reason, int) or isinstance(reason, bool) or not 1 <= reason <= 8:
            # Assumed: the docs give only the "missing" error; an invalid id is treated alike.
            return _error(400, MISSING_FIELD, "reason_id must be between 1 and 8")
        with self._lock:
            if order.status_id in TERMINAL_STATUSES:  # §3.4: "except already completed/canceled"
                return _invalid(order, "tamamlanmış veya iptal edilmiş sipariş iptal edilemez")
            order.move(CANCELLED, "restaurant")
            order.cancel_reason_id = reason
        return _ok("OK")

    def _variables(self, call: Call) -> Reply:
        token = self._authorize(call)
        return token if isinstance(token, Reply) else _ok(copy.deepcopy(VARIABLES))

    def _cancel_reasons(self, call: Call) -> Reply:
        token = self._authorize(call)
        if isinstance(token, Reply):
            return token
        return _ok([{"id": i, "name": name} for i, name in CANCEL_REASONS])

    def _restaurants_get(self, call: Call) -> Reply:
        token = self._authorize(call)
        return token if isinstance(token, Reply) else _ok(copy.deepcopy(self._restaurants))

    # -- what the shared pipeline needs -------------------------------------------------------

    def status_reply(self, status: int, message: str | None = None) -> Reply:
        if status == 429 and message is None:
            # The documented text, with the configured cooldown (§3.7).
            wait = max(1, math.ceil(self.cooldown_seconds))
            message = f"Çok fazla istek. Lütfen {wait} saniye bekleyin."
        return _error(status, _STATUS_ERRORS.get(status, "hata"), message)

    def blind_reply(self, endpoint: Endpoint) -> Reply:
        return _ok("OK")

    def drift(self, fault: Fault, reply: Reply, endpoint: Endpoint) -> None:
        envelope = reply.payload
        if not isinstance(envelope, dict):
            return
        orders = envelope.get("data") if endpoint.name == "get-current" else None
        if isinstance(orders, list):
            targets = [o for o in orders if isinstance(o, dict)]
        else:  # not an order list: the drift applies to the envelope itself
            targets = [envelope]
        how_many = int(fault.params.get("how_many", 1))
        if fault.kind == "missing_field":
            path = str(fault.params.get("field", "payment_key"))
            for target in targets[:how_many]:
                _pop_path(target, path)
        elif fault.kind == "wrong_type":
            path = str(fault.params.get("field", "status_id"))
            for target in targets[:how_many]:
                _retype_path(target, path)
        else:  # unknown_field: new keys everywhere, as when the platform ships a new version
            extra = fault.params.get("fields") or {
                "kampanya_kodu": "YAZ25",
                "sadakat": {"puan": 120, "seviye": "altın"},
                "tahmini_teslim_dk": 35,
            }
            if isinstance(orders, list):
                for target in targets:
                    target.update(copy.deepcopy(extra))
            envelope["meta"] = {"api_version": "2.1", "server_time": wall_time(datetime.now(UTC))}

    def state_json(self) -> dict[str, Any]:
        orders = self.snapshot()
        for order in orders:
            order["acked_statuses"] = sorted(order["acked_statuses"])
        return {
            "orders": orders,
            "acknowledged": sorted([key, status] for key, status in self.acknowledged()),
            "cooldown_violations": self.cooldown_violations(),
            "request_count": self.request_count(),
            "callback_errors": [repr(e) for e in self.callback_errors()],
            "cancel_visibility": self.cancel_visibility,
            "delivered_visibility": self.delivered_visibility,
            "latency_ms": self.latency_ms,
        }

    # -- the Dükkango part of the control API -------------------------------------------------

    def extra_control_routes(self) -> list[BaseRoute]:
        return [
            Route("/orders", self._control_add_orders, methods=["POST"]),
            Route("/orders/{payment_key}/status", self._control_set_status, methods=["POST"]),
            Route("/stream", self._control_stream, methods=["POST", "DELETE"]),
            Route("/scenario", self._control_scenario, methods=["POST"]),
            Route("/tokens/revoke", self._control_revoke, methods=["POST"]),
        ]

    async def _control_add_orders(self, request: Request) -> JSONResponse:
        spec = await control_json(request)
        count = spec.pop("count", 1)
        if not isinstance(count, int) or count < 0:
            raise ControlError("count must be a non-negative int")
        try:
            keys = self.add_orders(count, **spec)
        except ValueError as exc:
            raise ControlError(str(exc)) from exc
        return JSONResponse({"payment_keys": keys})

    async def _control_set_status(self, request: Request) -> JSONResponse:
        spec = await control_json(request)
        status_id = spec.get("status_id")
        if not isinstance(status_id, int):
            raise ControlError('expected {"status_id": <int>}')
        key = request.path_params["payment_key"]
        try:
            if status_id == CANCELLED and spec.get("by") == "customer":
                self.cancel_by_customer(key)
            else:
                self.set_status(key, status_id, spec.get("status_text"))
        except KeyError as exc:
            return JSONResponse({"error": str(exc)}, status_code=404)
        return JSONResponse({"ok": True})

    async def _control_stream(self, request: Request) -> JSONResponse:
        if request.method == "DELETE":
            self.stop_stream()
            return JSONResponse({"streaming": False})
        spec = await control_json(request)
        interval = spec.get("interval_seconds", 10.0)
        if not isinstance(interval, int | float) or interval <= 0:
            raise ControlError("interval_seconds must be a positive number")
        self.start_stream(float(interval))
        return JSONResponse({"streaming": True, "interval_seconds": interval})

    async def _control_scenario(self, request: Request) -> JSONResponse:
        spec = await control_json(request)
        try:
            if "cancel_visibility" in spec:
                self.cancel_visibility = spec["cancel_visibility"]
            if "delivered_visibility" in spec:
                self.delivered_visibility = spec["delivered_visibility"]
        except ValueError as exc:
            raise ControlError(str(exc)) from exc
        return JSONResponse(
            {
                "cancel_visibility": self.cancel_visibility,
                "delivered_visibility": self.delivered_visibility,
            }
        )

    async def _control_revoke(self, request: Request) -> JSONResponse:
        spec = await control_json(request)
        token = spec.get("token")
        if not isinstance(token, str):
            raise ControlError('expected {"token": "..."}')
        self.revoke_token(token)
        return JSONResponse({"ok": True})


def seed_bytes(seed: int, purpose: str) -> str:
    """A seed for one purpose, so the stream's choices do not shift the orders' data."""
    return f"dukkango:{purpose}:{seed}"


def _ok(data: Any) -> Reply:
    return Reply(200, {"status": True, "data": data})


def _error(status: int, error: str, message: str | None = None) -> Reply:
    payload: dict[str, Any] = {"status": False, "error": error}
    if message is not None:
        payload["message"] = message
    return Reply(status, payload)


def _invalid(order: _Order, why: str) -> Reply:
    # Assumed: the docs document no error for a wrong-state transition (§3.8); we answer 400
    # with our own code text and say what was wrong, as the other errors do.
    return _error(400, INVALID_TRANSITION, f"{why} (şu anki durum: {order.status_id})")


def _visibility(value: str) -> Visibility:
    if value == "once":
        return "once"
    if value == "vanish":
        return "vanish"
    raise ValueError(f"visibility must be one of {VISIBILITIES}, not {value!r}")


def _query_int(query: str, name: str) -> int | Literal["invalid"] | None:
    for part in query.split("&"):
        key, _, value = part.partition("=")
        if key == name:
            return int(value) if value.isdigit() else "invalid"
    return None


def _pop_path(target: dict[str, Any], path: str) -> None:
    *parents, last = path.split(".")
    for part in parents:
        child = target.get(part)
        if not isinstance(child, dict):
            return
        target = child
    target.pop(last, None)


def _retype_path(target: dict[str, Any], path: str) -> None:
    *parents, last = path.split(".")
    for part in parents:
        child = target.get(part)
        if not isinstance(child, dict):
            return
        target = child
    if last in target:
        target[last] = _retyped(target[last], amount=last in _AMOUNTS)


_AMOUNTS = frozenset({"total", "courier_fee", "order_tip", "price"})


def _retyped(value: Any, *, amount: bool) -> Any:
    """The same information in the wrong JSON type: 1 → "1", 842.5 → "842.50", [..] → {..}."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"{value:.2f}" if amount else str(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return [value]
    if isinstance(value, list):
        return {str(i): item for i, item in enumerate(value)}
    if isinstance(value, dict):
        return list(value.values())
    return ""
