"""A parse cache for decks, keyed on the file's content (and path and mlprep version).

A 10,000-card deck takes about a second to parse and check; unpickling the
checked `Deck` takes a few milliseconds. The cache is only ever a shortcut:
a missing, corrupt, foreign or racing entry falls back to parsing, and
entries are written atomically (temp file + rename) so two processes never
see half a file.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from mlprep import __version__
from mlprep.decks.model import Deck

_MAGIC = b"mlprep-deck-cache\n"
_FORMAT = f"{__version__}/1".encode()
MAX_ENTRIES = 256


class DeckCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def key(self, path: Path, data: bytes) -> str:
        digest = hashlib.blake2b(data, digest_size=20)
        digest.update(b"\0" + str(path.resolve()).encode() + b"\0" + _FORMAT)
        return digest.hexdigest()

    def get(self, key: str) -> Deck | None:
        entry = self.folder / f"{key}.pickle"
        try:
            blob = entry.read_bytes()
        except OSError:
            return None
        header = _MAGIC + _FORMAT + b"\n"
        if not blob.startswith(header):
            return None
        try:
            deck = pickle.loads(blob[len(header) :])
        except Exception:  # a corrupt or truncated entry is just a miss
            return None
        return deck if isinstance(deck, Deck) else None

    def put(self, key: str, deck: Deck) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".pickle")
            with os.fdopen(handle, "wb") as out:
                out.write(_MAGIC + _FORMAT + b"\n")
                pickle.dump(deck, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.folder / f"{key}.pickle")
            self._prune()
        except OSError:
            pass  # a read-only or full disk only costs speed

    def _prune(self) -> None:
        entries = sorted(self.folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime)
        for stale in entries[:-MAX_ENTRIES]:
            stale.unlink(missing_ok=True)
