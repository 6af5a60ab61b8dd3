"""Generated kata cases kept on disk, keyed on the kata's files, the seed and mlprep's version.

Generating a kata's cases (its `cases.py`, then the reference on each) takes 0.1-1 s,
about as long as checking a solution; the cases only change when the kata does. The
cache holds the oracle's own messages as JSON (no pickle: nothing in it can run code),
and it is only a shortcut: a missing, corrupt or foreign entry means generating again.
Entries are written atomically (temp file + rename), so parallel checkers never see
half a file. The folder sits where kata code cannot reach it (`Paths.private`).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from mlprep import __version__
from mlprep.cachefiles import store_entry
from mlprep.kata.model import Kata

FORMAT = 1
MAX_ENTRIES = 512


def case_key(kata: Kata, seed: int) -> str:
    """Changes whenever anything that shapes the cases does: kata files, seed, mlprep."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{__version__}/{FORMAT}/{kata.name}/{seed}".encode())
    for path in sorted(kata.folder.glob("*")):
        if path.is_file() and path.suffix in (".py", ".yaml", ".yml", ".json", ".txt"):
            digest.update(b"\0" + path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class CaseCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get(self, key: str) -> list[dict[str, Any]] | None:
        try:
            data = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, list) or not all(isinstance(m, dict) for m in data):
            return None
        return data

    def put(self, key: str, messages: list[dict[str, Any]]) -> None:
        data = json.dumps(messages, separators=(",", ":")).encode("utf-8")
        store_entry(self.folder, f"{key}.json", data, MAX_ENTRIES)
