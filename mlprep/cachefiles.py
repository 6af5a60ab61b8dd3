"""Cache files written atomically and kept to a bounded number (decks, kata cases)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def store_entry(folder: Path, name: str, data: bytes, keep: int) -> None:
    """Write `folder/name` whole or not at all (temp file + rename), then drop the oldest
    entries with the same suffix beyond `keep`. A read-only or full disk only costs speed."""
    suffix = Path(name).suffix
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=suffix)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, folder / name)
        entries = sorted(folder.glob(f"*{suffix}"), key=lambda p: p.stat().st_mtime)
        for stale in entries[:-keep]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass
