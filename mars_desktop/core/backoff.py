"""When to try an upload again: exponential backoff with full jitter.

Full jitter (a uniform draw between 0 and the exponential ceiling) spreads the
retries of many workstations that went offline together, so a directorate
server coming back is not hit by all of them at the same instant. A server's
Retry-After is a floor. An answer that will not change by retrying soon (the
server refused the record) waits the ceiling, but is never dropped.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Backoff:
    base_s: float = 2.0
    cap_s: float = 900.0

    def ceiling(self, attempts: int) -> float:
        """The upper bound after `attempts` failed attempts (1 = the first failure)."""
        return min(self.cap_s, self.base_s * 2.0 ** min(max(attempts - 1, 0), 60))

    def delay(self, attempts: int, rng: random.Random, *, retry_after_s: float | None = None,
              refused: bool = False) -> float:
        wait = self.cap_s if refused else rng.uniform(0.0, self.ceiling(attempts))
        if retry_after_s is not None:
            wait = max(wait, min(retry_after_s, self.cap_s))
        return wait
