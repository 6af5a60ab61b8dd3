"""Every filesystem location mlprep uses, decided in one place.

Defaults come from platformdirs; `MLPREP_HOME`, `MLPREP_DECKS` and
`MLPREP_WORKSPACE` override them (tests point them at a temporary folder).
Nothing else in the package computes a path on its own.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "mlprep"
STORE_FILENAME = "mlprep.db"

_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    """Shipped data: inside the wheel (`mlprep/_data/NAME`) or, from a source checkout, the repo root."""
    in_wheel = _PACKAGE_DIR / "_data" / name
    if in_wheel.is_dir():
        return in_wheel
    return _PACKAGE_DIR.parent / name


@dataclass(frozen=True)
class Paths:
    """Where mlprep reads and writes; build it with `resolve_paths`."""

    home: Path
    user_decks: Path
    workspace: Path
    shipped_decks: Path
    shipped_katas: Path
    cache_override: Path | None = None  # MLPREP_CACHE

    @property
    def store(self) -> Path:
        return self.home / STORE_FILENAME

    @property
    def cache(self) -> Path:
        """Rebuildable data (parsed decks, generated kata cases): MLPREP_CACHE, or in the data folder."""
        return self.cache_override or self.home / "cache"

    @property
    def kata_cases(self) -> Path:
        return self.cache / "kata-cases"

    def private(self) -> list[Path]:
        """What kata code must never reach: the data folder, the cache, the workspace, $HOME."""
        return [self.home, self.cache, self.user_decks, self.workspace, Path.home()]


def _from_env(env: Mapping[str, str], name: str) -> Path | None:
    value = env.get(name, "").strip()
    return Path(value).expanduser() if value else None


def resolve_paths(env: Mapping[str, str] | None = None) -> Paths:
    """Resolve every location from the environment (defaults to `os.environ`)."""
    env = os.environ if env is None else env
    home = _from_env(env, "MLPREP_HOME")
    if home is None:
        import platformdirs  # imported here: only needed when no override is set

        home = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    user_decks = _from_env(env, "MLPREP_DECKS") or home / "decks"
    workspace = _from_env(env, "MLPREP_WORKSPACE") or Path.home() / "mlprep-workspace"
    return Paths(
        home=home,
        user_decks=user_decks,
        workspace=workspace,
        shipped_decks=_bundled("decks"),
        shipped_katas=_bundled("katas"),
        cache_override=_from_env(env, "MLPREP_CACHE"),
    )


def kata_runs_root() -> Path:
    """The per-user folder under the temporary folder that holds every kata run folder."""
    import tempfile

    return Path(tempfile.gettempdir()) / f"mlprep-{os.getuid()}"
