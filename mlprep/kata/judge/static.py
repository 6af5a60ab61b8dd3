"""Checks on a solution's source made without running it: syntax, and banned APIs by name."""

from __future__ import annotations

import ast
from collections.abc import Sequence
from pathlib import Path

from mlprep.kata.model import Banned

MAX_SOURCE_BYTES = 2 * 1024 * 1024


def read_source(path: Path) -> bytes:
    """The file's bytes; `OSError`/`ValueError` when it is missing, unreadable or huge."""
    size = path.stat().st_size
    if size > MAX_SOURCE_BYTES:
        raise ValueError(
            f"{path.name} is {size} bytes; a kata solution is at most {MAX_SOURCE_BYTES}"
        )
    return path.read_bytes()


def syntax_error(source: bytes, name: str) -> str | None:
    """A message for the first syntax error, or None."""
    try:
        ast.parse(source, filename=name)
    except SyntaxError as error:
        where = f" (line {error.lineno})" if error.lineno else ""
        text = (error.text or "").strip()
        detail = f": {text}" if text else ""
        return f"{name} has a syntax error{where}: {error.msg}{detail}"
    except (ValueError, RecursionError, MemoryError) as error:
        return f"{name} cannot be parsed: {error}"
    return None


def banned_uses(source: bytes, banned: Sequence[Banned], name: str) -> list[str]:
    """One message per banned API the source names (attribute, name, import or string)."""
    try:
        tree = ast.parse(source, filename=name)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    found: list[str] = []
    for rule in banned:
        node = _first_use(tree, rule)
        if node is not None:
            line = getattr(node, "lineno", None)
            where = f" ({name} line {line})" if line else ""
            found.append(f"{rule.message()}{where}")
    return found


def _first_use(tree: ast.AST, rule: Banned) -> ast.AST | None:
    """The first node that uses `rule`'s API.

    An API ban matches attribute access (`F.name`, `torch.nn.functional.name`, not
    `self.name`) and `from package import name`; bare names do not match, since a
    solution's own function may share the API's name. A module ban matches imports
    and the module's name as a string (`__import__("re")`).
    """
    (token,) = rule.names
    top = (rule.api or rule.module or "").split(".")[0]
    for node in ast.walk(tree):
        if rule.module is not None:
            if isinstance(node, ast.alias) and node.name.split(".")[0] == token:
                return node
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == token:
                return node
            if isinstance(node, ast.Constant) and node.value == token:
                return node
            continue
        own = isinstance(node, ast.Attribute) and (
            isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")
        )
        if isinstance(node, ast.Attribute) and node.attr == token and not own:
            return node
        if (
            isinstance(node, ast.ImportFrom)
            and (node.module or "").split(".")[0] == top
            and any(alias.name == token for alias in node.names)
        ):
            return node
    return None
