"""The local session store (encrypted SQLite). See store.py."""

from .errors import (
    InvalidTransition,
    NoSuchSession,
    StoreBusy,
    StoreError,
    StoreKeyError,
    StoreNotWritable,
    StoreUnreadable,
)
from .store import DECISIONS, Store, StoreLocation

__all__ = ["DECISIONS", "InvalidTransition", "NoSuchSession", "Store", "StoreBusy",
           "StoreError", "StoreKeyError", "StoreLocation", "StoreNotWritable", "StoreUnreadable"]
