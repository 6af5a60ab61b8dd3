"""Generated cases for `dpo_loss`: summed log-probs of chosen/rejected responses.

`invoke` makes the policy log-probs leaves that require grad, calls the solution,
back-propagates the loss and compares the loss, both reward vectors and the two
gradients. Tolerances: the float32 path rounds each of a handful of subtractions of
numbers up to M = max |log-prob| (error ~ eps32 * M each), scaled by beta inside the
sigmoid: atol = 8 * eps * (1 + beta * M), rtol a few eps.
"""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case, InputChanged

NAMES = ("policy_chosen_logps", "policy_rejected_logps", "ref_chosen_logps", "ref_rejected_logps")


def invoke(solution, pc, pr, rc, rr, beta, label_smoothing):
    pc_leaf = pc.clone().requires_grad_(True)
    pr_leaf = pr.clone().requires_grad_(True)
    rc_in, rr_in = rc.clone(), rr.clone()
    result = solution.dpo_loss(pc_leaf, pr_leaf, rc_in, rr_in, beta, label_smoothing)
    for name, before, after in zip(NAMES, (pc, pr, rc, rr), (pc_leaf, pr_leaf, rc_in, rr_in),
                                   strict=True):  # fmt: skip
        if not torch.equal(before, after.detach()):
            raise InputChanged(name)
    if not isinstance(result, (tuple, list)) or len(result) != 3:
        return result
    loss, chosen_rewards, rejected_rewards = result
    out = {"loss": loss, "chosen_rewards": chosen_rewards, "rejected_rewards": rejected_rewards}
    for key in ("chosen_rewards", "rejected_rewards"):
        if isinstance(out[key], torch.Tensor):
            out[key] = out[key].detach()
    if not isinstance(loss, torch.Tensor):
        return out
    if not loss.requires_grad:
        raise TypeError(
            "the loss does not require grad: compute it with torch operations on the inputs "
            "(no .item(), numpy or torch.no_grad), so that it can be back-propagated"
        )
    if loss.dim() != 0:
        out["loss"] = loss.detach()
        return out  # reported as a shape mismatch
    loss.backward()
    out["loss"] = loss.detach()
    zeros = torch.zeros_like(pc)
    out["grad.policy_chosen_logps"] = pc_leaf.grad if pc_leaf.grad is not None else zeros
    out["grad.policy_rejected_logps"] = pr_leaf.grad if pr_leaf.grad is not None else zeros
    return out


def _tol(dtype, beta, *tensors):
    m = max(float(t.abs().max()) for t in tensors)
    eps = torch.finfo(dtype).eps
    return {"atol": 8 * eps * (1 + beta * m), "rtol": 1e-5 if dtype == torch.float32 else 1e-10}


def _batch(g, b, dtype, ref_scale=(20.0, 300.0), drift=3.0, shift=0.0):
    lo, hi = ref_scale
    rc = -(lo + (hi - lo) * torch.rand(b, generator=g, dtype=torch.float64))
    rr = -(lo + (hi - lo) * torch.rand(b, generator=g, dtype=torch.float64))
    pc = rc + drift * torch.randn(b, generator=g, dtype=torch.float64) + shift
    pr = rr + drift * torch.randn(b, generator=g, dtype=torch.float64) - shift
    return tuple(t.to(dtype) for t in (pc, pr, rc, rr))


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def add(name, tensors, beta, ls=0.0, note=""):
        tol = _tol(tensors[0].dtype, beta, *tensors)
        cases.append(Case(name, (*tensors, float(beta), float(ls)), **tol, note=note))

    betas, smooth = [0.1, 0.5, 1.0, 0.05], [0.0, 0.0, 0.1, 0.25]
    for i in range(12):
        b = int(torch.randint(2, 65, (1,), generator=g))
        dtype = torch.float32 if i % 2 else torch.float64
        add(f"typical[{i}]", _batch(g, b, dtype), betas[i % 4], smooth[i % 3 + (i % 2)],
            note=f"B={b}, {dtype}")  # fmt: skip

    pc = torch.tensor([-12.5, -40.0, -7.25])
    rc = torch.tensor([-12.5, -41.0, -9.0])
    pr = torch.tensor([-30.0, -22.0, -18.5])
    rr = torch.tensor([-30.0, -20.0, -18.5])
    add("edge/hand_checked", (pc, pr, rc, rr), 0.1, note="h = [0, 3, 1.75]")
    add("edge/policy_equals_reference", (rc, rr, rc, rr), 0.1, note="loss = log 2")
    one = _batch(g, 1, torch.float64)
    add("edge/B=1", one, 0.5)
    add("edge/label_smoothing_0.3", (pc, pr, rc, rr), 1.0, 0.3, note="conservative DPO")
    add("edge/label_smoothing_0.5", (pc, pr, rc, rr), 1.0, 0.5, note="the loss ignores the order")
    add("edge/only_chosen_moves", (rc + 2.0, rr, rc, rr), 0.2, note="rejected: policy = reference")
    add("edge/beta_large", _batch(g, 8, torch.float32), 5.0)

    # hard: huge margins; naive log(sigmoid(x)) overflows / underflows
    pcb, prb, rcb, rrb = _batch(g, 16, torch.float32, drift=1.0)
    big = torch.linspace(-2000.0, 2000.0, 16)
    add("hard/huge_margins_float32", (pcb + big / 2, prb - big / 2, rcb, rrb), 0.1,
        note="beta*h from -200 to 200")  # fmt: skip
    add("hard/huge_margins_smoothed", (pcb + big / 2, prb - big / 2, rcb, rrb), 0.1, 0.1)
    pcb, prb, rcb, rrb = _batch(g, 8, torch.float64, drift=1.0)
    big = torch.linspace(-9000.0, 9000.0, 8, dtype=torch.float64)
    add("hard/huge_margins_float64", (pcb + big / 2, prb - big / 2, rcb, rrb), 0.1,
        note="beta*h from -900 to 900")  # fmt: skip
    add("hard/large_logps_float32", _batch(g, 32, torch.float32, ref_scale=(8000.0, 16000.0)),
        0.1, note="log-probs near -1e4: cancellation")  # fmt: skip
    add("hard/tiny_differences", _batch(g, 32, torch.float64, drift=1e-6), 0.1,
        note="policy within 1e-6 of the reference")  # fmt: skip
    add("large/B=4096,float32", _batch(g, 4096, torch.float32), 0.1, 0.1)
    return cases
