"""mlprep: study and self-test tool for machine-learning engineer interviews."""

from __future__ import annotations

__version__ = "0.1.0"
