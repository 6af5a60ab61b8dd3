"""Progress of long work (verify, check) as plain calls: the domain counts, the UI draws."""

from __future__ import annotations

import threading
from collections.abc import Callable

Progress = Callable[[int, int, str], None]  # (done, total, what just finished)


class Tally:
    """Counts finished items across threads and reports each step to an optional `Progress`."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total = total
        self.progress = progress
        self.count = 0
        self._lock = threading.Lock()
        if progress is not None:
            progress(0, total, "")

    def done(self, what: str) -> None:
        if self.progress is None:
            return
        with self._lock:
            self.count += 1
            self.progress(self.count, self.total, what)
