"""Reading small user-supplied text files (marks, model settings) with one-line errors."""

from __future__ import annotations

from pathlib import Path


class TextFileError(ValueError):
    """The file cannot be read as text; the message names it and says why, in one line."""


def _size(limit_bytes: int) -> str:
    if limit_bytes % 1_000_000 == 0:
        return f"{limit_bytes // 1_000_000} MB"
    return f"{limit_bytes} bytes"


def read_text_file(path: Path, what: str, limit_bytes: int) -> str:
    """UTF-8 text of `path`; refuses folders, missing files and files over `limit_bytes`."""
    try:
        if path.is_dir():
            raise TextFileError(f"{what} {path} is a folder")
        if path.stat().st_size > limit_bytes:
            raise TextFileError(f"{what} {path} is larger than {_size(limit_bytes)}")
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TextFileError(f"{what} not found: {path}") from None
    except UnicodeDecodeError:
        raise TextFileError(f"{what} {path} is not UTF-8 text") from None
    except OSError as exc:
        raise TextFileError(f"cannot read {what} {path}: {exc.strerror}") from None
