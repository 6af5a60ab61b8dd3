"""Generated cases for `kv_cache`: each case is a script of append/attend calls on one cache.

The checker runs the script on a fresh `KVCache` and returns every `attend` result, keyed by
its step, the cache length S and Tq, so a failure names the call that went wrong.
"""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case

F32 = {"atol": 1e-5, "rtol": 1e-4}
F64 = {"atol": 1e-10, "rtol": 1e-9}


def invoke(solution, plan, script):
    """`plan` is a readable summary of `script` (shown first in reports); only `script` runs."""
    cache = solution.KVCache()
    results = {}
    length = 0
    for step, op in enumerate(script):
        if op["op"] == "append":
            length += op["k"].shape[2]
            returned = cache.append(op["k"].clone(), op["v"].clone())
            if returned is not None and returned is not cache:
                raise TypeError("append must return None")
        else:
            q = op["q"]
            out = cache.attend(q.clone())
            results[f"step{step}.attend(S={length},Tq={q.shape[2]})"] = out
    return results


def _script(g, b, h, d, dv, plan, dtype=torch.float32, scale=1.0):
    """plan: a list of ("append", T) and ("attend", Tq) items."""

    def randn(*shape):
        return (torch.randn(*shape, generator=g, dtype=torch.float64) * scale).to(dtype)

    script = []
    for op, t in plan:
        if op == "append":
            script.append({"op": "append", "k": randn(b, h, t, d), "v": randn(b, h, t, dv)})
        else:
            script.append({"op": "attend", "q": randn(b, h, t, d)})
    return script


def _prefill_then_decode(chunks, steps, attend_chunks=True):
    plan = []
    for t in chunks:
        plan.append(("append", t))
        if attend_chunks:
            plan.append(("attend", t))
    for _ in range(steps):
        plan += [("append", 1), ("attend", 1)]
    return plan


def _describe(plan):
    return " ".join(f"{'+' if op == 'append' else 'q'}{t}" for op, t in plan)


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    cases = []

    def add(name, b, h, d, dv, plan, tol=F32, **kw):
        script = _script(g, b, h, d, dv, plan, **kw)
        summary = _describe(plan)
        note = f"B={b}, H={h}, d={d}, dv={dv}"
        cases.append(Case(name, (summary, script), **tol, note=note))

    for i in range(8):
        chunks = [rint(1, 6) for _ in range(rint(1, 3))]
        plan = _prefill_then_decode(chunks, rint(1, 4))
        d = [8, 16, 32, 4][i % 4]
        dv = d if i % 2 else [3, 12][i % 4 // 2]
        add(f"typical[{i}]", rint(1, 3), rint(1, 4), d, dv, plan)

    add("edge/decode_from_one_token", 2, 2, 8, 8, _prefill_then_decode([1], 5))
    add("edge/prompt_in_one_chunk", 1, 4, 16, 16, _prefill_then_decode([7], 0))
    add("edge/chunked_prompt_no_decode", 2, 2, 8, 8, _prefill_then_decode([3, 4, 2], 0))
    add("edge/decode_only_no_chunk_attend", 2, 3, 8, 8, _prefill_then_decode([6], 3, False))
    add("edge/attend_twice", 2, 2, 8, 8,
        [("append", 5), ("attend", 5), ("attend", 5), ("append", 1), ("attend", 1),
         ("attend", 1)])  # fmt: skip
    add("edge/attend_last_2_of_chunk", 2, 2, 16, 16,
        [("append", 4), ("append", 6), ("attend", 2), ("append", 3), ("attend", 3)])  # fmt: skip
    add("edge/attend_whole_cache_after_chunks", 1, 2, 8, 4,
        [("append", 3), ("append", 4), ("attend", 7)])  # fmt: skip
    add("edge/H=1", 3, 1, 8, 8, _prefill_then_decode([2, 3], 2))
    add("edge/dv!=d", 2, 2, 64, 3, _prefill_then_decode([4, 2], 2))
    add("edge/float64", 2, 2, 16, 16, _prefill_then_decode([3, 5], 3),
        tol=F64, dtype=torch.float64)  # fmt: skip
    add("hard/large_logits", 2, 2, 16, 16, _prefill_then_decode([5, 3], 3),
        tol={"atol": 2e-3, "rtol": 2e-3}, scale=6.0)  # fmt: skip
    add("large/B=2,H=8,d=64,prompt_256,16_steps", 2, 8, 64, 64,
        _prefill_then_decode([192, 64], 16), tol={"atol": 1e-4, "rtol": 1e-3})  # fmt: skip
    return cases
