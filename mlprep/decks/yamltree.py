"""Safe, located YAML: parse a deck file into a small tree that remembers line and column.

Why not `yaml.safe_load`: it silently keeps the last of two duplicate keys,
forgets where values came from, expands alias bombs, and its C composer
overflows the C stack on absurd nesting. This builds the tree from the event
stream instead, with limits checked as events arrive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from mlprep.errors import Location, Problem

MAX_DEPTH = 32
MAX_BYTES = 64 * 1024 * 1024
_DEPTH_MESSAGE = f"nesting deeper than {MAX_DEPTH} levels: a deck needs only a few"

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
HAS_LIBYAML = _Loader is not yaml.SafeLoader

_STD = "tag:yaml.org,2002:"
_ALLOWED_SCALAR_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null")}


class YamlProblem(Exception):
    """Raised with the located problem that stops parsing."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class Node:
    """A YAML value with its position (1-based line and column)."""

    line: int
    column: int


@dataclass
class Scalar(Node):
    value: str | int | float | bool | None = None


@dataclass
class Sequence(Node):
    items: list[AnyNode] = field(default_factory=list)


@dataclass
class Mapping(Node):
    items: dict[str, AnyNode] = field(default_factory=dict)
    key_positions: dict[str, tuple[int, int]] = field(default_factory=dict)


AnyNode = Scalar | Sequence | Mapping


def describe(node: AnyNode) -> str:
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    if node.value is None:
        return "nothing (null)"
    return {bool: "a boolean", int: "a number", float: "a number", str: "text"}[type(node.value)]


def too_large(path: Path, size: int) -> Problem:
    """The problem for a deck file of `size` bytes, over `MAX_BYTES`."""
    return Problem(
        Location(path),
        f"file is {size / 2**20:.0f} MiB; deck files are limited to "
        f"{MAX_BYTES // 2**20} MiB: split it into several decks",
    )


def decode(path: Path, data: bytes) -> str:
    """Bytes to text, with a located message for binary and non-UTF-8 files."""
    if len(data) > MAX_BYTES:
        raise YamlProblem(too_large(path, len(data)))
    if b"\x00" in data[:8192] or b"\x00" in data:
        offset = data.index(b"\x00")
        line, column = _position(data, offset)
        raise YamlProblem(
            Problem(
                Location(path, line, column), "this is a binary file (NUL byte), not a YAML deck"
            )
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        raise YamlProblem(
            Problem(
                Location(path, line, column),
                f"file is not valid UTF-8 (byte 0x{data[error.start]:02x}); "
                "save it as UTF-8 (decks must be UTF-8 text)",
            )
        ) from None


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, len(data[start:offset].decode("utf-8", errors="replace")) + 1


def parse(path: Path, text: str) -> AnyNode | None:
    """Parse one YAML document into a located tree; `None` for an empty document."""
    loader = _Loader(text)
    try:
        return _build(path, loader)
    except yaml.MarkedYAMLError as error:
        raise YamlProblem(_syntax_problem(path, text, error)) from None
    except yaml.YAMLError as error:  # unmarked reader errors (e.g. control characters)
        raise YamlProblem(Problem(Location(path), f"YAML error: {error}")) from None
    finally:
        loader.dispose()


def _syntax_problem(path: Path, text: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    location = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
    problem = error.problem or "invalid YAML"
    lines = text.splitlines()
    offending = ""
    if mark is not None and mark.line < len(lines):
        offending = lines[mark.line][mark.column : mark.column + 1]
    if offending == "\t" or "\\t" in problem:
        return Problem(location, "tab character: YAML indentation must use spaces, not tabs")
    if "nesting depth" in problem:  # libyaml's own cap (1000) can trip before ours is reached
        return Problem(location, _DEPTH_MESSAGE)
    context = f" ({error.context})" if error.context else ""
    return Problem(location, f"YAML syntax error: {problem}{context}")


def _at(path: Path, mark: Any) -> Location:
    return Location(path, mark.line + 1, mark.column + 1)


def _build(path: Path, loader: Any) -> AnyNode | None:
    stack: list[tuple[Sequence | Mapping, str | None]] = []  # container, pending mapping key
    root: AnyNode | None = None
    documents = 0
    while loader.check_event():
        event = loader.get_event()
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise YamlProblem(
                    Problem(
                        _at(path, event.start_mark),
                        "a second YAML document ('---'): a deck file holds exactly one deck",
                    )
                )
            continue
        if isinstance(event, yaml.AliasEvent):
            raise YamlProblem(
                Problem(
                    _at(path, event.start_mark),
                    f"alias '*{event.anchor}': anchors and aliases are not allowed in decks; "
                    "write the value out",
                )
            )
        if isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            if event.anchor is not None:
                raise YamlProblem(
                    Problem(
                        _at(path, event.start_mark),
                        f"anchor '&{event.anchor}': anchors and aliases are not allowed in decks; "
                        "write the value out",
                    )
                )
            node = _open_node(path, loader, event)
            if isinstance(node, (Sequence, Mapping)) and len(stack) >= MAX_DEPTH:
                raise YamlProblem(
                    Problem(
                        _at(path, event.start_mark),
                        _DEPTH_MESSAGE,
                    )
                )
            if stack:
                _attach(path, stack, node)
            else:
                root = node
            if isinstance(node, (Sequence, Mapping)):
                stack.append((node, None))
            continue
        if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            stack.pop()
    return root


def _open_node(path: Path, loader: Any, event: Any) -> AnyNode:
    line, column = event.start_mark.line + 1, event.start_mark.column + 1
    tag = event.tag
    if isinstance(event, yaml.ScalarEvent):
        if tag is None or tag == "!":
            tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        elif tag not in _ALLOWED_SCALAR_TAGS:
            raise _tag_problem(path, event, tag)
        return Scalar(line, column, _scalar_value(loader, tag, event))
    if tag not in (None, "!", _STD + "seq", _STD + "map"):
        raise _tag_problem(path, event, tag)
    if isinstance(event, yaml.SequenceStartEvent):
        return Sequence(line, column)
    return Mapping(line, column)


def _tag_problem(path: Path, event: Any, tag: str) -> YamlProblem:
    shown = tag.replace(_STD, "!!")
    return YamlProblem(
        Problem(
            _at(path, event.start_mark),
            f"tag '{shown}' is not allowed in decks (only plain text, numbers, lists and "
            "mappings); nothing was executed",
        )
    )


def _scalar_value(loader: Any, tag: str, event: Any) -> str | int | float | bool | None:
    if tag == _STD + "str":
        return str(event.value)
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    if tag == _STD + "null":
        return None
    if tag == _STD + "bool":
        return bool(loader.construct_yaml_bool(node))
    if tag == _STD + "int":
        return int(loader.construct_yaml_int(node))
    if tag == _STD + "float":
        return float(loader.construct_yaml_float(node))
    return str(event.value)  # timestamps and other implicit types stay text


def _attach(path: Path, stack: list[tuple[Sequence | Mapping, str | None]], node: AnyNode) -> None:
    container, pending_key = stack[-1]
    if isinstance(container, Sequence):
        container.items.append(node)
        return
    if pending_key is None:
        if not isinstance(node, Scalar) or isinstance(node.value, bool) or node.value is None:
            raise YamlProblem(
                Problem(
                    Location(path, node.line, node.column),
                    f"mapping key must be a plain name, not {describe(node)}",
                )
            )
        key = str(node.value)
        if key in container.key_positions:
            first_line = container.key_positions[key][0]
            raise YamlProblem(
                Problem(
                    Location(path, node.line, node.column),
                    f"key '{key}' appears twice in this mapping (first at line {first_line}); "
                    "YAML would silently keep only the last one: remove or rename one",
                )
            )
        container.key_positions[key] = (node.line, node.column)
        stack[-1] = (container, key)
        return
    container.items[pending_key] = node
    stack[-1] = (container, None)
