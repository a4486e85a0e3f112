"""The audit trail as a hash chain: each event carries the hash of the one before.

Changing, removing or inserting an event breaks every later link, so `verify`
names the first event that no longer fits. Removing the newest events leaves a
shorter chain that still fits; a checkpoint (an event id and its hash, sent to
the directorate with each upload) catches that too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

GENESIS = "0" * 64


def event_hash(prev_hash: str, event_id: int, at: str, actor: str | None, action: str,
               session_id: str | None, detail_json: str | None) -> str:
    text = json.dumps([prev_hash, event_id, at, actor, action, session_id, detail_json],
                      ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    events: int
    last_id: int | None
    last_hash: str
    broken_at: int | None = None
    reason: str = ""

    def as_dict(self) -> dict[str, object]:
        return {"ok": self.ok, "events": self.events, "last_id": self.last_id,
                "last_hash": self.last_hash, "broken_at": self.broken_at, "reason": self.reason}


def verify(rows: Iterable[tuple], checkpoint: tuple[int, str] | None = None) -> ChainCheck:
    """rows: (id, at, actor, action, session_id, detail_json, prev_hash, hash) by id."""
    prev, count, last_id, seen_checkpoint = GENESIS, 0, None, checkpoint is None
    for event_id, at, actor, action, sid, detail, prev_hash, hash_ in rows:
        if prev_hash != prev:
            why = ("an event before it was removed or changed" if count else
                   "the first event does not start the chain")
            return ChainCheck(False, count, last_id, prev, event_id, why)
        if hash_ != event_hash(prev_hash, event_id, at, actor, action, sid, detail):
            return ChainCheck(False, count, last_id, prev, event_id,
                              "its content was changed after it was written")
        if checkpoint and event_id == checkpoint[0]:
            if hash_ != checkpoint[1]:
                return ChainCheck(False, count, last_id, prev, event_id,
                                  "it differs from the checkpoint the directorate holds")
            seen_checkpoint = True
        prev, last_id, count = hash_, event_id, count + 1
    if not seen_checkpoint:
        return ChainCheck(False, count, last_id, prev, checkpoint[0] if checkpoint else None,
                          "events up to the directorate's checkpoint are missing")
    return ChainCheck(True, count, last_id, prev)
