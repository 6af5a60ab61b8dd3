"""`python -m mlprep` is the same as the `mlprep` console script."""

from __future__ import annotations

from mlprep.cli import main

if __name__ == "__main__":
    main()
