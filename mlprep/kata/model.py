"""What a kata is (its metadata) and what a check returns (a verdict)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

LANGS = ("en", "zh")
DIFFICULTIES = ("easy", "medium", "hard")

PASS = "pass"
FAIL = "fail"
ERROR = "error"
TIMEOUT = "timeout"


@dataclass(frozen=True)
class Text:
    """A text in every supported language."""

    en: str
    zh: str

    def get(self, lang: str) -> str:
        """The text in `lang` ("en", "zh", or "both": English then Chinese)."""
        if lang == "zh":
            return self.zh
        if lang == "both":
            return f"{self.en}\n{self.zh}"
        return self.en


@dataclass(frozen=True)
class Banned:
    """An API a solution may not use: `api` (dotted attribute) or `module` (a whole module)."""

    display: str
    api: str | None = None
    module: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Identifiers the static scan looks for."""
        if self.module is not None:
            return (self.module,)
        assert self.api is not None
        return (self.api.rsplit(".", 1)[-1],)

    def message(self) -> str:
        return f"{self.display} is not allowed in this kata"


@dataclass(frozen=True)
class Entry:
    """The function or class a solution must define."""

    name: str
    kind: str  # function | class
    signature: str
    params: tuple[str, ...]


BENCH_DEVICES = ("cpu", "cuda")


@dataclass(frozen=True)
class Bench:
    """A kata's `bench:` section: how `mlprep kata NAME --bench` times solutions.

    `cases.py` builds the arguments of one call with `bench_inputs(size, seed)`;
    `sizes` grow, `repeats` calls per size keep the best time, `budget` seconds
    bound one size's calls, `devices` are where it may run (cuda: tensor katas).
    """

    sizes: tuple[int, ...]
    label: str = "n"
    repeats: int = 5
    budget: float = 10.0
    devices: tuple[str, ...] = ("cpu",)


@dataclass(frozen=True)
class MutantInfo:
    name: str
    path: Path
    diagnosis: Text


@dataclass(frozen=True)
class Kata:
    """One kata folder, validated."""

    name: str
    folder: Path
    title: Text
    task: Text
    topic: str
    difficulty: str
    entry: Entry
    hints: tuple[Text, ...]
    mutants: tuple[MutantInfo, ...]
    banned: tuple[Banned, ...] = ()
    preload: tuple[str, ...] = ()
    seed_source: str | None = None
    timeout: float = 10.0
    bench: Bench | None = None

    @property
    def starter(self) -> Path:
        return self.folder / "starter.py"

    @property
    def reference(self) -> Path:
        return self.folder / "reference.py"

    @property
    def cases(self) -> Path:
        return self.folder / "cases.py"

    def mutant(self, name: str) -> MutantInfo | None:
        return next((m for m in self.mutants if m.name == name), None)


@dataclass(frozen=True)
class CaseResult:
    """The outcome of one generated case."""

    name: str
    status: str  # pass | fail | error | timeout
    message: str = ""
    inputs: str = ""
    max_abs: float | None = None
    max_rel: float | None = None
    index: tuple[int, ...] | None = None

    @property
    def ok(self) -> bool:
        return self.status == PASS

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "name": self.name,
            "status": self.status,
            "message": self.message,
        }
        if self.inputs:
            data["inputs"] = self.inputs
        if self.max_abs is not None:
            data["max_abs_error"] = self.max_abs
        if self.max_rel is not None:
            data["max_rel_error"] = self.max_rel
        if self.index is not None:
            data["index"] = list(self.index)
        return data


@dataclass(frozen=True)
class Diagnosis:
    """A mutant that reproduces the solution's wrong outputs, and what it means."""

    mutant: str
    text: Text


@dataclass(frozen=True)
class Verdict:
    """The result of checking one solution file against one kata."""

    kata: str
    file: Path
    seed: int
    cases: tuple[CaseResult, ...]
    error: str | None = None  # the file could not be run at all (syntax error, banned API, ...)
    output: str = ""  # what the solution printed (cut)
    diagnosis: Diagnosis | None = None
    elapsed: float = 0.0
    notes: tuple[str, ...] = field(default_factory=tuple)
    sandbox: dict[str, object] = field(default_factory=dict)  # the boundary the solution ran in

    @property
    def sandbox_line(self) -> str:
        """`sandbox: full (...)` or `sandbox: limited (no Landlock)`; empty when nothing ran."""
        mode = self.sandbox.get("mode")
        if mode is None:
            return ""
        abi = self.sandbox.get("landlock_abi") or 0
        if mode == "full":
            return f"sandbox: full (Landlock ABI {abi}, namespaces)"
        return f"sandbox: limited ({'no user namespaces' if abi else 'no Landlock'})"

    @property
    def passed(self) -> int:
        return sum(1 for c in self.cases if c.ok)

    @property
    def failed(self) -> int:
        return len(self.cases) - self.passed

    @property
    def status(self) -> str:
        if self.error is not None:
            return ERROR
        return PASS if self.cases and self.failed == 0 else FAIL

    @property
    def ok(self) -> bool:
        return self.status == PASS

    def summary_line(self) -> str:
        """`NAME: 3 passed, 1 failed`, or for a file that never ran, its short verdict."""
        if self.error is not None:
            return f"{self.kata}: {self.error_headline()}"
        return f"{self.kata}: {self.passed} passed, {self.failed} failed"

    def error_headline(self) -> str:
        """What kept the file from running, in a few words (the full text is `error`).

        `your file does not load: SyntaxError at line 7`, `... ModuleNotFoundError at
        line 1`, `... it does not define roc_auc`; a banned API: `your file is refused: ...`.
        """
        assert self.error is not None
        first, *frames = self.error.splitlines()
        name = self.file.name
        syntax = re.search(r" has a syntax error \(line (\d+)\)", first)
        if syntax is not None:
            return f"your file does not load: SyntaxError at line {syntax[1]}"
        if " is not allowed in this kata" in first:
            return f"your file is refused: {first}"
        detail = first.split(" could not be loaded: ", 1)[-1]
        missing = re.fullmatch(r"LookupError: .* does not define (.+)", detail)
        if missing is not None:
            return f"your file does not load: it does not define {missing[1]}"
        raised = re.match(r"([A-Za-z_][\w.]*)(?::| \(|$)", detail)
        if raised is None:  # no exception: a crash, a time-out, an unreadable file
            return f"your file does not load: {detail}"
        lines = [m[1] for f in frames if (m := re.match(rf"\s*{re.escape(name)} line (\d+)", f))]
        where = f" at line {lines[-1]}" if lines else ""
        return f"your file does not load: {raised[1]}{where}"

    def to_json(self, lang: str = "en") -> dict[str, object]:
        data: dict[str, object] = {
            "kata": self.kata,
            "status": self.status,
            "passed": self.passed,
            "failed": self.failed,
            "seed": self.seed,
            "file": str(self.file),
            "cases": [c.to_json() for c in self.cases],
        }
        if self.error is not None:
            data["error"] = self.error
        if self.sandbox:
            data["sandbox"] = dict(self.sandbox)
        if self.diagnosis is not None:
            data["diagnosis"] = {
                "mutant": self.diagnosis.mutant,
                "message": self.diagnosis.text.get(lang),
            }
        return data
