"""Which language to show: `--lang`, then `MLPREP_LANG`, then the locale."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal

from mlprep.errors import UsageError

Display = Literal["en", "zh", "both"]
LANGS: tuple[Display, ...] = ("en", "zh", "both")


def resolve_lang(option: str | None, env: Mapping[str, str] | None = None) -> Display:
    env = os.environ if env is None else env
    for source, value in (("--lang", option), ("MLPREP_LANG", env.get("MLPREP_LANG"))):
        if value:
            lowered = value.strip().lower()
            if lowered.startswith("zh"):
                return "zh"
            if lowered in ("en", "both"):
                return lowered  # type: ignore[return-value]
            raise UsageError(f"{source} must be en, zh or both, not '{value}'")
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
