"""Reading and validating kata folders (`katas/NAME/kata.yaml` + files); no kata code runs here."""

from __future__ import annotations

import ast
import difflib
import itertools
from pathlib import Path
from typing import Any

import yaml

from mlprep.errors import KataError, UsageError
from mlprep.kata.model import (
    BENCH_DEVICES,
    DIFFICULTIES,
    LANGS,
    Banned,
    Bench,
    Entry,
    Kata,
    MutantInfo,
    Text,
)

METADATA = "kata.yaml"
REQUIRED_FILES = ("starter.py", "reference.py", "cases.py")
MIN_MUTANTS = 3
BENCH_KEYS = ("sizes", "label", "repeats", "budget", "devices")
MIN_BENCH_SIZES = 3  # fewer points cannot show a growth rate
MAX_BENCH_SIZES = 16
MAX_REPEATS = 50
MAX_BUDGET = 120.0
BENCH_FUNCTION = "bench_inputs"


class _Reader:
    """Typed access to one metadata mapping, with errors that name the file and key."""

    def __init__(self, path: Path, data: object) -> None:
        self.path = path
        if not isinstance(data, dict):
            self.fail("", "the file must hold a mapping")
        self.data: dict[str, Any] = data  # type: ignore[assignment]

    def fail(self, key: str, message: str) -> None:
        where = f" ({key})" if key else ""
        raise KataError(f"{self.path}{where}: {message}")

    def get(self, key: str, kind: type | tuple[type, ...], *, required: bool = True) -> Any:
        if key not in self.data:
            if required:
                self.fail(key, "missing")
            return None
        value = self.data[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind in (int, float)):
            self.fail(
                key, f"expected {getattr(kind, '__name__', kind)}, got {type(value).__name__}"
            )
        return value

    def text(self, value: object, key: str) -> Text:
        if not isinstance(value, dict):
            self.fail(key, "expected a mapping with en and zh texts")
        assert isinstance(value, dict)
        for lang in LANGS:
            item = value.get(lang)
            if not isinstance(item, str) or not item.strip():
                self.fail(f"{key}.{lang}", "missing or empty")
        unknown = set(value) - set(LANGS)
        if unknown:
            self.fail(key, f"unknown languages {sorted(unknown)}")
        return Text(en=value["en"].strip(), zh=value["zh"].strip())


def load_kata(folder: Path) -> Kata:
    """Load and validate one kata folder; `KataError` names the file and what is wrong."""
    folder = folder.resolve()
    meta_path = folder / METADATA
    if not meta_path.is_file():
        raise KataError(f"{folder}: no {METADATA} in this kata folder")
    try:
        raw = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise KataError(f"{meta_path}: not valid YAML: {error}") from error
    r = _Reader(meta_path, raw)
    for name in REQUIRED_FILES:
        if not (folder / name).is_file():
            raise KataError(f"{folder}: missing {name}")

    difficulty = r.get("difficulty", str)
    if difficulty not in DIFFICULTIES:
        r.fail("difficulty", f"must be one of {', '.join(DIFFICULTIES)}")
    entry_raw = _Reader(meta_path, r.get("entry", dict))
    kind = entry_raw.get("kind", str)
    if kind not in ("function", "class"):
        r.fail("entry.kind", "must be function or class")
    params = entry_raw.get("params", list)
    if not all(isinstance(p, str) for p in params):
        r.fail("entry.params", "must be a list of names")
    entry = Entry(
        name=entry_raw.get("name", str),
        kind=kind,
        signature=entry_raw.get("signature", str),
        params=tuple(params),
    )

    banned: list[Banned] = []
    for i, item in enumerate(r.get("banned", list, required=False) or []):
        b = _Reader(meta_path, item)
        api = b.get("api", str, required=False)
        module = b.get("module", str, required=False)
        if (api is None) == (module is None):
            r.fail(f"banned[{i}]", "give exactly one of api or module")
        display = b.get("display", str, required=False) or api or f"the {module} module"
        banned.append(Banned(display=display, api=api, module=module))

    hints = tuple(r.text(h, f"hints[{i}]") for i, h in enumerate(r.get("hints", list)))
    if len(hints) < 2:
        r.fail("hints", "give at least two progressive hints")

    diagnoses = r.get("mutants", dict)
    mutant_dir = folder / "mutants"
    files = {p.stem: p for p in sorted(mutant_dir.glob("*.py"))} if mutant_dir.is_dir() else {}
    for stem in files:
        if stem not in diagnoses:
            r.fail("mutants", f"mutants/{stem}.py has no diagnosis")
    mutants: list[MutantInfo] = []
    for stem, text in diagnoses.items():
        if stem not in files:
            r.fail(f"mutants.{stem}", f"no file mutants/{stem}.py")
        mutants.append(
            MutantInfo(name=str(stem), path=files[stem], diagnosis=r.text(text, f"mutants.{stem}"))
        )
    if len(mutants) < MIN_MUTANTS:
        r.fail("mutants", f"a kata needs at least {MIN_MUTANTS} mutants, found {len(mutants)}")

    preload = r.get("preload", list, required=False) or []
    timeout = r.get("timeout", (int, float), required=False)
    bench = _load_bench(meta_path, raw, folder, float(timeout) if timeout is not None else 10.0)
    return Kata(
        name=folder.name,
        folder=folder,
        title=r.text(r.get("title", dict), "title"),
        task=r.text(r.get("task", dict), "task"),
        topic=r.get("topic", str),
        difficulty=difficulty,
        entry=entry,
        hints=hints,
        mutants=tuple(mutants),
        banned=tuple(banned),
        preload=tuple(str(p) for p in preload),
        seed_source=r.get("seed_source", str, required=False),
        timeout=float(timeout) if timeout is not None else 10.0,
        bench=bench,
    )


def _key_lines(text: str) -> dict[str, int]:
    """The 1-based line of every mapping key, as a dotted path (`bench.sizes`); best effort."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        return {}
    lines: dict[str, int] = {}

    def walk(node: yaml.Node, prefix: str) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    path = f"{prefix}{key.value}"
                    lines[path] = key.start_mark.line + 1
                    walk(value, path + ".")
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                path = f"{prefix.rstrip('.')}[{i}]"
                lines[path] = item.start_mark.line + 1
                walk(item, path + ".")

    if root is not None:
        walk(root, "")
    return lines


def _defines_bench_inputs(cases: Path) -> bool | str:
    """Whether cases.py defines `bench_inputs(size, seed)` at top level (read, never run)."""
    try:
        tree = ast.parse(cases.read_bytes(), str(cases))
    except (SyntaxError, ValueError, OSError) as error:
        return f"{cases.name} cannot be parsed: {error}"
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == BENCH_FUNCTION:
            positional = len(node.args.posonlyargs) + len(node.args.args)
            return positional >= 2 or node.args.vararg is not None
    return False


def _load_bench(meta_path: Path, raw: dict[str, Any], folder: Path, timeout: float) -> Bench | None:
    """The optional `bench:` section, validated; errors name the file, line and key."""
    if "bench" not in raw or raw["bench"] is None:
        return None
    lines = _key_lines(meta_path.read_text(encoding="utf-8"))
    section = raw["bench"]

    def fail(key: str, message: str) -> None:
        path = f"bench.{key}" if key else "bench"
        line = lines.get(path) or lines.get("bench")
        at = f":{line}" if line else ""
        raise KataError(f"{meta_path}{at} ({path}): {message}")

    if not isinstance(section, dict):
        fail("", f"expected a mapping (sizes, label, repeats, ...), got {type(section).__name__}")

    unknown = sorted(set(section) - set(BENCH_KEYS))
    if unknown:
        fail(str(unknown[0]), f"unknown key; a bench section takes {', '.join(BENCH_KEYS)}")
    if "sizes" not in section:
        fail("sizes", "missing: give the growing problem sizes, e.g. [64, 128, 256, 512, 1024]")
    sizes = section["sizes"]
    if not isinstance(sizes, list) or not all(
        isinstance(n, int) and not isinstance(n, bool) for n in sizes
    ):
        fail("sizes", "must be a list of whole numbers")
    if not MIN_BENCH_SIZES <= len(sizes) <= MAX_BENCH_SIZES:
        fail(
            "sizes",
            f"give {MIN_BENCH_SIZES} to {MAX_BENCH_SIZES} sizes (a growth rate needs at least "
            f"{MIN_BENCH_SIZES} points), found {len(sizes)}",
        )
    if sizes[0] < 1:
        fail("sizes", "sizes must be at least 1")
    if any(later <= earlier for earlier, later in itertools.pairwise(sizes)):
        fail("sizes", "sizes must grow strictly, e.g. [64, 128, 256]")
    label = section.get("label", "n")
    if not isinstance(label, str) or not label.strip():
        fail(
            "label", "must be a non-empty text saying what the size is, e.g. 'L (sequence length)'"
        )
    repeats = section.get("repeats", 5)
    if not isinstance(repeats, int) or isinstance(repeats, bool) or not 1 <= repeats <= MAX_REPEATS:
        fail("repeats", f"must be a whole number from 1 to {MAX_REPEATS}")
    budget = section.get("budget", timeout)
    if (
        not isinstance(budget, (int, float))
        or isinstance(budget, bool)
        or not 0 < budget <= MAX_BUDGET
    ):
        fail("budget", f"must be a number of seconds above 0 and at most {MAX_BUDGET:g}")
    devices = section.get("devices", ["cpu"])
    if (
        not isinstance(devices, list)
        or not devices
        or not all(isinstance(d, str) and d in BENCH_DEVICES for d in devices)
        or len(set(devices)) != len(devices)
    ):
        fail("devices", f"must be a list of distinct devices from {', '.join(BENCH_DEVICES)}")
    if "cpu" not in devices:
        fail("devices", "must include cpu (the default device)")
    found = _defines_bench_inputs(folder / "cases.py")
    if isinstance(found, str):
        fail("", found)
    if not found:
        fail("", f"cases.py defines no {BENCH_FUNCTION}(size, seed) -> tuple of call arguments")
    return Bench(
        sizes=tuple(sizes),
        label=label.strip(),
        repeats=repeats,
        budget=float(budget),
        devices=tuple(devices),
    )


def kata_folders(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and (p / METADATA).is_file())


def load_catalogue(root: Path) -> list[Kata]:
    """Every kata under `root`, sorted by name."""
    return [load_kata(folder) for folder in kata_folders(root)]


def find_kata(root: Path, name: str) -> Kata:
    """The kata called `name`; `UsageError` naming it and close names if there is none."""
    names = [p.name for p in kata_folders(root)]
    if name not in names:
        close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
        hint = f"did you mean {', '.join(close)}?" if close else "run `mlprep kata` to list them."
        raise UsageError(f"unknown kata {name!r}", hint=hint)
    return load_kata(root / name)
