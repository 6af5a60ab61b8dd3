"""Every distribution `mlprep/` imports is declared in `pyproject.toml`.

A package that arrives only as a dependency of another (markdown-it-py through
rich, say) works until that other package drops it. The imports are read from
the source (every `import` and `from ... import`, at any depth), mapped to
distributions with the installed metadata, and compared with the declared
requirements (base and extras).
"""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

from tests.conftest import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def imported_modules(package: Path) -> dict[str, str]:
    """Top-level module -> the first file that imports it, for everything outside the stdlib."""
    found: dict[str, str] = {}
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "mlprep":
                    found.setdefault(top, f"{path.relative_to(package.parent)}:{node.lineno}")
    return found


def declared() -> set[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    requirements = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        requirements += extra
    return {_normal(re.split(r"[\s\[<>=!~;]", r, maxsplit=1)[0]) for r in requirements}


def undeclared(modules: dict[str, str], names: set[str]) -> list[str]:
    owners = packages_distributions()
    missing = []
    for module, where in modules.items():
        dists = owners.get(module)
        assert dists, f"{module} (imported at {where}) is not installed"
        if not any(_normal(d) in names for d in dists):
            missing.append(f"{module} ({'/'.join(dists)}), imported at {where}")
    return missing


def test_every_imported_distribution_is_declared() -> None:
    missing = undeclared(imported_modules(REPO / "mlprep"), declared())
    assert not missing, "imported but not declared in pyproject.toml: " + "; ".join(missing)


def test_a_nested_import_of_an_undeclared_package_is_found(tmp_path: Path) -> None:
    """mlprep keeps heavy imports inside functions: the scan must see those too."""
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "m.py").write_text("import os\n\n\ndef f():\n    import markdown_it.main\n")
    modules = imported_modules(package)
    assert modules == {"markdown_it": "pkg/m.py:5"}
    assert undeclared(modules, declared() - {"markdown-it-py"}) == [
        "markdown_it (markdown-it-py), imported at pkg/m.py:5"
    ]
    assert undeclared(modules, declared()) == []
