"""Generated cases for `reverse_list_ii`: linked lists travel as Python lists.

`invoke` builds a chain of this module's `ListNode`s (a solution only reads and
writes `.val` and `.next`), calls `reverse_between(head, left, right)` and walks
the returned list back into a Python list. The walk stops after n + 1 nodes, so a
cycle (or nodes from nowhere) is reported as an error instead of hanging.
"""

from __future__ import annotations

import random

from mlprep.kata.casekit import Case, hypothesis_examples


class ListNode:
    __slots__ = ("next", "val")

    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next

    def __repr__(self) -> str:
        return f"ListNode({self.val})"


def build(values) -> ListNode | None:
    head = None
    for v in reversed(list(values)):
        head = ListNode(v, head)
    return head


def to_list(head, n: int) -> list:
    out = []
    node = head
    while node is not None:
        if len(out) == n:
            raise ValueError(
                f"the returned list has more than {n} nodes: it has a cycle (or extra nodes); "
                f"first {n + 1} values: {[*out, node.val][:20]!r}"
            )
        out.append(node.val)
        node = node.next
    return out


def invoke(solution, values, left, right):
    head = build(values)
    return to_list(solution.reverse_between(head, left, right), len(values))


def generate(seed: int) -> list[Case]:
    rng = random.Random(seed)
    cases = [
        Case("edge/leetcode", ([1, 2, 3, 4, 5], 2, 4)),
        Case("edge/single_node", ([5], 1, 1)),
        Case("edge/left_equals_right", ([1, 2, 3], 2, 2)),
        Case("edge/whole_list", ([1, 2, 3, 4], 1, 4)),
        Case("edge/from_head", ([1, 2, 3, 4, 5], 1, 3)),
        Case("edge/to_tail", ([1, 2, 3, 4, 5], 3, 5)),
        Case("edge/two_nodes_swap", ([3, 5], 1, 2)),
        Case("edge/two_nodes_same", ([3, 5], 2, 2)),
        Case("edge/head_only", ([1, 2, 3], 1, 1)),
        Case("edge/tail_only", ([1, 2, 3], 3, 3)),
        Case("edge/middle_pair", ([1, 2, 3, 4], 2, 3)),
        Case("edge/duplicate_values", ([7, 7, 1, 7, 2], 2, 4)),
        Case("edge/negative_values", ([-1, -2, -3, -4, 0], 1, 5)),
    ]
    for i in range(14):
        n = rng.randint(1, 30)
        left = rng.randint(1, n)
        right = rng.randint(left, n)
        values = [rng.randint(-500, 500) for _ in range(n)]
        cases.append(Case(f"typical[{i}]", (values, left, right)))

    from hypothesis import strategies as st

    @st.composite
    def lists_and_range(draw):
        values = draw(st.lists(st.integers(0, 9), min_size=1, max_size=7))
        left = draw(st.integers(1, len(values)))
        right = draw(st.integers(left, len(values)))
        return values, left, right

    drawn = hypothesis_examples(lists_and_range(), 60, seed)
    unique = sorted({(tuple(v), lo, hi) for v, lo, hi in drawn}, key=lambda x: (len(x[0]), x))
    cases += [
        Case(f"property[{i}]", (list(v), lo, hi)) for i, (v, lo, hi) in enumerate(unique[:25])
    ]

    big = list(range(1, 501))
    cases.append(Case("large/n=500,whole", (big, 1, 500)))
    cases.append(Case("large/n=500,middle", (big, 137, 402)))
    cases.append(Case("large/n=500,from_head", (big, 1, 250)))
    return cases
