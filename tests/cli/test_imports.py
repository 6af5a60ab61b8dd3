"""The quiz path stays light: no torch, numpy, pytest or hypothesis is imported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import cli_env

HEAVY = ("torch", "numpy", "pytest", "hypothesis", "mlprep.kata")

PROBE = """
import sys
from typer.testing import CliRunner
from mlprep.cli import app
runner = CliRunner()
for args, stdin in (([\"--help\"], None), ([\"quiz\", \"--help\"], None), ([\"quiz\", \"--new\", \"2\"], \"3\\n3\\n\"), ([\"stats\"], None)):
    result = runner.invoke(app, args, input=stdin)
    assert result.exit_code == 0, (args, result.output, repr(result.exception))
heavy = sorted({m.split(".")[0] if not m.startswith("mlprep") else m for m in sys.modules
                if m.split(".")[0] in ("torch", "numpy", "pytest", "hypothesis") or m.startswith("mlprep.kata")})
print(",".join(heavy))
"""


def test_quiz_path_imports_nothing_heavy(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"heavy modules on the quiz path: {result.stdout}"
    assert all(name not in result.stdout for name in HEAVY)
