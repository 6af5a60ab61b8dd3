"""The one place that says how to install mlprep's extras.

The distribution is published as `mlprep-interview` (the name `mlprep` on the
public index belongs to an unrelated project); the command and the import
package stay `mlprep`. A hint installs from where this copy came from: the
source checkout it runs from, else the URL pip recorded at install time
(PEP 610 `direct_url.json`), else the distribution name. Torch always comes
from PyTorch's CPU-only wheel index, so a hint never pulls a multi-GB CUDA build.
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path

DIST_NAME = "mlprep-interview"
TORCH_CPU_INDEX = "https://download.pytorch.org/whl/cpu"
TORCH_CPU_INSTALL = f"pip install torch --index-url {TORCH_CPU_INDEX}"

_CHECKOUT = Path(__file__).resolve().parent.parent


def _checkout() -> Path | None:
    """The source checkout this code runs from, if it is one."""
    pyproject = _CHECKOUT / "pyproject.toml"
    try:
        text = pyproject.read_text(encoding="utf-8")
    except OSError:
        return None
    return _CHECKOUT if f'name = "{DIST_NAME}"' in text else None


def _recorded_source() -> str | None:
    """The URL pip installed this distribution from (None: from an index, or unknown)."""
    from importlib import metadata

    try:
        raw = metadata.distribution(DIST_NAME).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    if not raw:
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    url = data.get("url")
    if not isinstance(url, str):
        return None
    vcs = data.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("vcs") == "git":
        commit = vcs.get("requested_revision") or vcs.get("commit_id")
        return f"git+{url}" + (f"@{commit}" if commit else "")
    return url


def requirement(extra: str | None = None) -> str:
    """What to give pip to install mlprep (with `extra`) from its real source, shell-quoted."""
    suffix = f"[{extra}]" if extra else ""
    checkout = _checkout()
    if checkout is not None:
        return "-e " + shlex.quote(f"{checkout}{suffix}")
    source = _recorded_source()
    if source is not None and source.startswith("file://"):
        return shlex.quote(f"{source.removeprefix('file://')}{suffix}")
    if source is not None:
        return shlex.quote(f"{DIST_NAME}{suffix} @ {source}")
    return shlex.quote(f"{DIST_NAME}{suffix}")


def upgrade_command() -> str:
    """How to get a newer mlprep from the same source."""
    checkout = _checkout()
    if checkout is not None:
        return f"git -C {shlex.quote(str(checkout))} pull && pip install {requirement()}"
    return f"pip install -U {requirement()}"


def extra_install_command(extra: str) -> str:
    """The full command that installs `extra`; torch-based extras get the CPU build of torch first."""
    command = f"pip install {requirement(extra)}"
    if extra == "kata":
        return f"{TORCH_CPU_INSTALL} && {command}"
    return command


def kata_install_command() -> str:
    return extra_install_command("kata")
