"""What a kata's `cases.py` builds on: the `Case` record and seeded helpers.

A kata's `cases.py` defines `generate(seed: int) -> list[Case]` and, when the
entry point is not a plain function call, `invoke(solution, *args, **kwargs)`
(for example: build a module, load weights, run forward and backward). Cases
are generated in a trusted process; only their inputs reach a solution.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Case:
    """One generated case: its name (`typical[3]`, `edge/single_key`, `large/L=512`) and inputs.

    `raises` names the exception a correct solution raises instead of returning
    (e.g. "ValueError"). `atol`/`rtol` are the tolerance for floating-point
    outputs; `timeout` overrides the kata's per-case time limit (seconds).
    """

    name: str
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    atol: float = 1e-6
    rtol: float = 1e-5
    raises: str | None = None
    timeout: float | None = None
    note: str = ""


class InputChanged(Exception):
    """Raised by a kata's `invoke` when the solution changed an input the engine cannot see.

    The engine compares plain inputs (lists, tensors, ...) before and after each call
    itself; objects that `invoke` builds (a tree, a linked list) it cannot, so `invoke`
    snapshots them deeply, compares after the call, and raises this with the input's name.
    """

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def hypothesis_examples(strategy: Any, count: int, seed: int) -> list[Any]:
    """`count` examples drawn from a hypothesis strategy, reproducibly for `seed`.

    Only hypothesis's generation phase runs (no example database, no shrinking),
    so the same seed always gives the same list.
    """
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hypothesis_seed

    found: list[Any] = []

    @hypothesis_seed(seed)
    @settings(
        max_examples=count,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        deadline=None,
    )
    @given(strategy)
    def collect(example: Any) -> None:
        found.append(example)

    collect()
    return found[:count]


def smallest_first(items: list[T], size: Callable[[T], int]) -> list[T]:
    """Stable sort by size, so the first failing property case shown is the smallest one."""
    return sorted(items, key=size)
