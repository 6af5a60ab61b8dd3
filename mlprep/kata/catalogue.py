"""Reading and validating kata folders (`katas/NAME/kata.yaml` + files); no kata code runs here."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import yaml

from mlprep.errors import KataError, UsageError
from mlprep.kata.model import DIFFICULTIES, LANGS, Banned, Entry, Kata, MutantInfo, Text

METADATA = "kata.yaml"
REQUIRED_FILES = ("starter.py", "reference.py", "cases.py")
MIN_MUTANTS = 3


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
