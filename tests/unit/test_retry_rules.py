"""Backoff with full jitter, capped, never shorter than Retry-After; Retry-After in both forms."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from app.engine.backoff import Backoff
from app.providers.http import parse_retry_after


def test_full_jitter_stays_within_the_growing_ceiling() -> None:
    backoff = Backoff(base=1.0, cap=30.0, rng=random.Random(1))
    for attempt in range(10):
        ceiling = min(30.0, 2.0**attempt)
        delays = [backoff.delay(attempt) for _ in range(200)]
        assert all(0 <= d <= ceiling for d in delays)
        assert max(delays) > ceiling * 0.8  # spread over the whole range: full jitter
        assert min(delays) < ceiling * 0.2


def test_retry_after_is_honoured_and_the_floor_kept() -> None:
    backoff = Backoff(base=0.5, cap=60.0, floor=2.0, rng=random.Random(2))
    assert all(backoff.delay(0, retry_after=17) >= 17 for _ in range(50))
    assert all(backoff.delay(0) >= 2.0 for _ in range(50))
    assert backoff.delay(50, retry_after=10_000) <= 240  # an absurd Retry-After is capped


def test_retry_after_seconds_and_dates() -> None:
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    later = format_datetime(now + timedelta(seconds=90), usegmt=True)
    assert parse_retry_after("30") == 30
    assert parse_retry_after(later, now=now.timestamp()) == 90
    assert parse_retry_after("yesterday-ish") is None
    assert parse_retry_after(None) is None
    assert parse_retry_after("-5") == 0
