"""Capped exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff
And Jitter"): wait a random time between 0 and min(cap, base * 2^attempt), but never less than
the platform's own Retry-After."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    base: float = 1.0
    cap: float = 300.0
    floor: float = 0.0  # a minimum wait, e.g. the platform's cooldown
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait before try number ``attempt + 1`` (attempt counts from 0)."""
        ceiling = min(self.cap, self.base * (2 ** min(attempt, 30)))
        wait = self.rng.uniform(0, ceiling)
        if retry_after is not None:
            wait = max(wait, min(retry_after, self.cap * 4))
        return max(wait, self.floor)
