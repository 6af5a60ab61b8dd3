"""Generated cases for `lora_linear`: the checker builds the module, checks its initialisation,
loads weights, runs forward and backward, and checks the merged layer."""

from __future__ import annotations

import torch
from torch import nn

from mlprep.kata.casekit import Case

TOL = {"atol": 2e-5, "rtol": 2e-4}
INIT_SEED = 20240607


def _check_structure(model, in_features, out_features, r):
    if not isinstance(model, nn.Module):
        raise TypeError("LoRALinear must be a torch.nn.Module")
    base = getattr(model, "base", None)
    if type(base) is not nn.Linear or base.bias is None:
        raise TypeError("self.base must be an nn.Linear(in_features, out_features) with bias")
    if tuple(base.weight.shape) != (out_features, in_features):
        raise TypeError(
            f"self.base.weight has shape {list(base.weight.shape)}, "
            f"expected [{out_features}, {in_features}]"
        )
    for name, shape in (("lora_A", (r, in_features)), ("lora_B", (out_features, r))):
        p = getattr(model, name, None)
        if not isinstance(p, nn.Parameter):
            raise TypeError(f"self.{name} must be an nn.Parameter")
        if tuple(p.shape) != shape:
            raise TypeError(f"self.{name} has shape {list(p.shape)}, expected {list(shape)}")


def invoke(solution, in_features, out_features, r, alpha, weights, x, grad_output):
    """Build a fresh module (seeded), check its init, load weights, forward, backward, merge."""
    torch.manual_seed(INIT_SEED)
    model = solution.LoRALinear(in_features, out_features, r, alpha)
    _check_structure(model, in_features, out_features, r)
    result = {}
    with torch.no_grad():
        a, b = model.lora_A.detach(), model.lora_B.detach()
        result["init.lora_B_is_zero"] = bool((b == 0).all())
        flat = a.flatten()
        result["init.lora_A_is_random"] = bool(
            (flat != 0).any() and (flat.numel() == 1 or (flat != flat[0]).any())
        )
        fresh, plain = model(x), model.base(x)
        result["init.output_equals_base"] = bool(
            type(fresh) is torch.Tensor
            and fresh.shape == plain.shape
            and torch.allclose(fresh, plain, atol=1e-6, rtol=1e-5)
        )
    result["trainable_parameters"] = sorted(
        name for name, p in model.named_parameters() if p.requires_grad
    )
    with torch.no_grad():
        model.base.weight.copy_(weights["base.weight"])
        model.base.bias.copy_(weights["base.bias"])
        model.lora_A.copy_(weights["lora_A"])
        model.lora_B.copy_(weights["lora_B"])
    xg = x.clone().requires_grad_(True)
    out = model(xg)
    if type(out) is not torch.Tensor:
        return out
    if out.shape != grad_output.shape or not out.requires_grad:
        result["output"] = out.detach()
        return result
    (out * grad_output).sum().backward()
    result["output"] = out.detach()
    result["grad.x"] = xg.grad
    result["grad.lora_A"] = model.lora_A.grad
    result["grad.lora_B"] = model.lora_B.grad
    result["grad.base.weight"] = model.base.weight.grad
    result["grad.base.bias"] = model.base.bias.grad
    merged = model.merge()
    if type(merged) is not nn.Linear:
        raise TypeError(f"merge() must return a plain torch.nn.Linear, got {type(merged).__name__}")
    with torch.no_grad():
        result["merged.output"] = merged(x)
        result["output_after_merge"] = model(x)
    return result


def _weights(g, in_features, out_features, r):
    def uniform(*shape, bound):
        return (torch.rand(*shape, generator=g) * 2 - 1) * bound

    return {
        "base.weight": uniform(out_features, in_features, bound=in_features**-0.5),
        "base.bias": uniform(out_features, bound=in_features**-0.5),
        "lora_A": uniform(r, in_features, bound=in_features**-0.5),
        "lora_B": uniform(out_features, r, bound=r**-0.5),  # trained B: not zero
    }


def _case(g, name, in_features, out_features, r, alpha, lead, tol=TOL, note=""):
    x = torch.randn(*lead, in_features, generator=g)
    grad_output = torch.randn(*lead, out_features, generator=g)
    weights = _weights(g, in_features, out_features, r)
    args = (in_features, out_features, r, alpha, weights, x, grad_output)
    return Case(name, args, **tol, note=note or f"in={in_features}, out={out_features}, "
                f"r={r}, alpha={alpha} (scaling {alpha / r:g}), x {list(x.shape)}")  # fmt: skip


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    cases = []
    dims = [(8, 6, 2, 16), (16, 16, 4, 8), (32, 12, 8, 16), (12, 24, 4, 32), (20, 10, 2, 4),
            (24, 8, 8, 8.0), (6, 18, 3, 12.0), (16, 32, 16, 2)]  # fmt: skip
    for i in range(8):
        in_features, out_features, r, alpha = dims[i]
        lead = [(rint(1, 6),), (rint(1, 3), rint(2, 7))][i % 2]
        cases.append(_case(g, f"typical[{i}]", in_features, out_features, r, alpha, lead))
    cases += [
        _case(g, "edge/r=1", 10, 7, 1, 4, (5,)),
        _case(g, "edge/alpha=r_scaling_1", 12, 12, 4, 4, (3, 2)),
        _case(g, "edge/alpha<r", 16, 8, 8, 2, (4,), note="scaling 0.25"),
        _case(g, "edge/x_1d", 9, 5, 3, 6, ()),
        _case(g, "edge/in=1", 1, 6, 2, 8, (4,)),
        _case(g, "edge/batch_1_length_1", 8, 8, 2, 16, (1, 1)),
        _case(g, "edge/rank_equals_in_features", 6, 9, 6, 12, (3,)),
    ]
    cases.append(
        _case(g, "large/in=512,out=384,r=16,x[4,64,512]", 512, 384, 16, 32, (4, 64),
              tol={"atol": 2e-4, "rtol": 1e-3})
    )  # fmt: skip
    return cases
