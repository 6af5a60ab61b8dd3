"""Install hints and documented commands never pull a CUDA torch or the unrelated `mlprep` package."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
from pathlib import Path
from typing import Any

import pytest

from mlprep import doctor, install_hint
from mlprep.install_hint import DIST_NAME, TORCH_CPU_INDEX, extra_install_command
from tests.conftest import MLPREP_CMD, REPO, cli_env

INSTALLERS = re.compile(r"\b(?:pip3?|uv pip|uv tool|pipx|pipx runpip \S+) install\b")


def install_problems(command: str) -> list[str]:
    """Why `command` (one shell line) could install a CUDA torch or PyPI's unrelated `mlprep`."""
    spans = re.findall(r"`([^`]+)`", command)
    if spans:  # prose with inline code: each code span is a command of its own
        outside = re.sub(r"`[^`]+`", " ", command)
        return [p for text in (*spans, outside) for p in install_problems(text)]
    problems = []
    torch_ready = False  # a CPU torch installed earlier on the line
    for part in re.split(r"&&|\|\||;|\n", command):
        if not INSTALLERS.search(part):
            continue
        try:
            words = shlex.split(part.split("#")[0])
        except ValueError:
            words = part.split()
        requirements = [w for w in words if not w.startswith("-")]
        cpu_index = TORCH_CPU_INDEX in part
        torch = [w for w in requirements if re.fullmatch(r"torch(\[.*\])?([=<>~!].*)?", w)]
        if torch and not cpu_index and not all("+cpu" in w for w in torch):
            problems.append(f"torch without the CPU index: {part.strip()}")
        torch_ready = torch_ready or bool(torch and not problems)
        pulls_torch = [w for w in requirements if re.search(r"\[([^\]]*,)?(kata|dev)\b", w)]
        if pulls_torch and not (cpu_index or torch_ready):
            problems.append(f"the kata extra without a CPU torch first: {part.strip()}")
        for word in requirements:
            if re.fullmatch(r"mlprep(\[[^\]]*\])?([=<>~!].*)?", word):
                problems.append(f"'{word}' resolves to an unrelated package: {part.strip()}")
    return problems


def test_the_checker_finds_bad_commands() -> None:
    assert install_problems("pip install torch && pip install -e '.[kata]'")
    assert install_problems("pip install 'mlprep[kata]'")
    assert install_problems("pipx install mlprep")
    assert install_problems("so never `pip install mlprep`); the command")
    assert install_problems("pip install torch==2.13.0")
    assert install_problems("pip install -e '.[kata]'")
    assert install_problems("pipx install '.[dev]'")
    assert install_problems("pipx runpip mlprep-interview install '.[kata]'")
    assert not install_problems("pip install -e '.[anki]'")
    assert not install_problems(f"pip install torch --index-url {TORCH_CPU_INDEX}")
    assert not install_problems("pip install torch==2.3.1+cpu")
    assert not install_problems(f"pip install -e '.[anki]' && pip install '{DIST_NAME}[anki]'")


def test_hints_install_cpu_torch_and_this_checkout() -> None:
    command = extra_install_command("kata")
    assert command == (
        f"pip install torch --index-url {TORCH_CPU_INDEX} && "
        f"pip install -e {shlex.quote(f'{REPO}[kata]')}"
    )
    assert not install_problems(command)
    assert extra_install_command("anki") == f"pip install -e {shlex.quote(f'{REPO}[anki]')}"


class FakeDistribution:
    def __init__(self, direct_url: dict[str, Any] | None) -> None:
        self.direct_url = direct_url

    def read_text(self, name: str) -> str | None:
        assert name == "direct_url.json"
        return None if self.direct_url is None else json.dumps(self.direct_url)


@pytest.mark.parametrize(
    ("direct_url", "expected"),
    [
        (None, f"pip install '{DIST_NAME}[kata]'"),  # from the index, under its own name
        ({"url": "file:///home/me/mlprep", "dir_info": {}}, "pip install '/home/me/mlprep[kata]'"),
        (
            {
                "url": "https://example.org/me/mlprep.git",
                "vcs_info": {"vcs": "git", "commit_id": "abc123"},
            },
            f"pip install '{DIST_NAME}[kata] @ git+https://example.org/me/mlprep.git@abc123'",
        ),
    ],
)
def test_hints_outside_a_checkout_name_the_recorded_source(
    monkeypatch: pytest.MonkeyPatch, direct_url: dict[str, Any] | None, expected: str
) -> None:
    from importlib import metadata

    monkeypatch.setattr(install_hint, "_checkout", lambda: None)
    monkeypatch.setattr(
        metadata,
        "distribution",
        lambda name: FakeDistribution(direct_url) if name == DIST_NAME else None,
    )
    command = extra_install_command("kata")
    assert command == f"pip install torch --index-url {TORCH_CPU_INDEX} && {expected}"
    assert not install_problems(command)


@pytest.fixture
def no_torch(tmp_path: Path) -> Path:
    """A folder that shadows torch with a module that cannot be imported."""
    shadow = tmp_path / "shadow"
    shadow.mkdir()
    (shadow / "torch.py").write_text('raise ImportError("no torch in this test")\n')
    return shadow


def test_doctor_and_kata_say_the_same_cpu_command(
    home: Path, tmp_path: Path, no_torch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONPATH", str(no_torch))
    check = doctor._torch()
    assert check.status == doctor.WARN and check.fix == extra_install_command("kata")
    solution = tmp_path / "attention.py"
    solution.write_text("def attention(q, k, v):\n    return v\n")
    result = subprocess.run(
        [*MLPREP_CMD, "kata", "attention", "--file", str(solution)],
        env=cli_env(tmp_path, PYTHONPATH=str(no_torch)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "kata 'attention' needs torch, which cannot be imported" in result.stderr
    assert f"hint: install the kata extra: {extra_install_command('kata')}" in result.stderr


def readme_lines() -> list[str]:
    """Every README line, the test command that CI runs included."""
    return (REPO / "README.md").read_text("utf-8").splitlines()


def test_no_documented_command_installs_cuda_or_the_unrelated_package() -> None:
    sources: dict[str, list[str]] = {"README.md": readme_lines()}
    for path in [
        *sorted((REPO / "docs").glob("*.md")),
        REPO / "action.yml",
        REPO / ".pre-commit-hooks.yaml",
        *sorted((REPO / "mlprep").rglob("*.py")),
    ]:
        sources[str(path.relative_to(REPO))] = path.read_text("utf-8").splitlines()
    problems = [
        f"{name}:{number}: {problem}"
        for name, lines in sources.items()
        for number, line in enumerate(lines, 1)
        for problem in install_problems(line)
    ]
    assert problems == []
    readme = "\n".join(sources["README.md"])
    assert "pipx install" in readme and "uv tool install" in readme
    assert "--install-completion" in readme


def test_shell_completion_completes_commands(tmp_path: Path) -> None:
    """`mlprep --install-completion` installs Typer's completion; this is what it runs.

    Typer finds the shell among the command's parent processes (shellingham), so the command
    runs from bash, as it would from a user's prompt, whatever started the test run."""
    mlprep = str(Path(MLPREP_CMD[0]).parent / "mlprep")
    script = subprocess.run(
        ["bash", "-c", f"{shlex.quote(mlprep)} --show-completion; exit $?"],  # a child of bash
        env=cli_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert script.returncode == 0 and "_mlprep_completion()" in script.stdout
    completion = subprocess.run(
        [str(Path(MLPREP_CMD[0]).parent / "mlprep")],
        env=cli_env(
            tmp_path, _MLPREP_COMPLETE="complete_bash", COMP_WORDS="mlprep import ", COMP_CWORD="2"
        ),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completion.stdout.split() == ["anki", "csv"]
