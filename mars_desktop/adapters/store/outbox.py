"""The sync outbox: which finalised sessions still wait for the directorate, and when
each may be tried again. Rows enter with the decision (Store.finalise) and leave
only when the server has acknowledged the session (Store.mark_uploaded)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from .store import Store, utc_now


@dataclass(frozen=True)
class OutboxRow:
    session_id: str
    attempts: int
    next_attempt_at: str
    last_error: str | None


def iso_after(seconds: float, now: datetime | None = None) -> str:
    return ((now or datetime.now(UTC)) + timedelta(seconds=seconds)).isoformat(
        timespec="milliseconds")


class Outbox:
    def __init__(self, store: Store):
        self.store = store

    def due(self, now: str | None = None, limit: int = 1000) -> list[OutboxRow]:
        with self.store.reader() as conn:
            rows = conn.execute(
                "SELECT session_id, attempts, next_attempt_at, last_error FROM sync_outbox "
                "WHERE next_attempt_at <= ? ORDER BY next_attempt_at, enqueued_at LIMIT ?",
                (now or utc_now(), limit)).fetchall()
        return [OutboxRow(*r) for r in rows]

    def pending(self) -> int:
        with self.store.reader() as conn:
            return int(conn.execute("SELECT count(*) FROM sync_outbox").fetchone()[0])

    def next_attempt_at(self) -> str | None:
        with self.store.reader() as conn:
            return conn.execute("SELECT min(next_attempt_at) FROM sync_outbox").fetchone()[0]

    def failed(self, session_id: str, error: str, delay_s: float) -> None:
        """One more failed attempt; the next one waits `delay_s` (kept across restarts)."""
        self.store.writer.call(lambda c: c.execute(
            "UPDATE sync_outbox SET attempts = attempts + 1, next_attempt_at = ?, "
            "last_error = ? WHERE session_id = ?",
            (iso_after(delay_s), error[:500], session_id)))

    def retry_all_now(self) -> int:
        """An admin's "send now": every waiting session becomes due."""
        return self.store.writer.call(lambda c: c.execute(
            "UPDATE sync_outbox SET next_attempt_at = ?", (utc_now(),)).rowcount)

    # -- what the uploader last saw ---------------------------------------------------------

    def state(self) -> dict[str, Any]:
        with self.store.reader() as conn:  # one snapshot, one connection
            values = dict(conn.execute("SELECT key, value FROM sync_state").fetchall())
            pending, errors, next_at = conn.execute(
                "SELECT count(*), count(last_error), min(next_attempt_at) FROM sync_outbox"
            ).fetchone()
        return {"pending": int(pending), "pending_with_errors": int(errors),
                "next_attempt_at": next_at,
                "online": {"1": True, "0": False}.get(values.get("online", "")),
                "last_attempt_at": values.get("last_attempt_at"),
                "last_success_at": values.get("last_success_at"),
                "last_error": values.get("last_error")}

    def note(self, *, online: bool, error: str | None = None, success: bool = False) -> None:
        now = utc_now()
        values = {"online": "1" if online else "0", "last_attempt_at": now}
        if success:
            values["last_success_at"] = now
        values["last_error"] = error or ""

        def write(c: Any) -> None:
            for key, value in values.items():
                c.execute("INSERT INTO sync_state VALUES (?, ?) ON CONFLICT(key) DO UPDATE "
                          "SET value = excluded.value", (key, value))

        self.store.writer.call(write)
