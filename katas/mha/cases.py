"""Generated cases for `mha`: the checker builds the module, loads weights, runs forward and backward."""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case

TOL = {"atol": 2e-5, "rtol": 2e-4}
LAYERS = ("q_proj", "k_proj", "v_proj", "out_proj")


def invoke(solution, d_model, num_heads, weights, query, key, value, mask, grad_output):
    """Build the solution's module, load the weights, return the output and every gradient."""
    model = solution.MultiHeadAttention(d_model, num_heads)
    if not isinstance(model, torch.nn.Module):
        raise TypeError("MultiHeadAttention must be a torch.nn.Module")
    for name in LAYERS:
        layer = getattr(model, name, None)
        if (
            type(layer) is not torch.nn.Linear
            or layer.bias is None
            or layer.weight.shape != (d_model, d_model)
        ):
            raise TypeError(f"{name} must be an nn.Linear(d_model, d_model) with bias")
        with torch.no_grad():
            layer.weight.copy_(weights[f"{name}.weight"])
            layer.bias.copy_(weights[f"{name}.bias"])
    q = query.clone().requires_grad_(True)
    k = key.clone().requires_grad_(True)
    v = value.clone().requires_grad_(True)
    out = model(q, k, v) if mask is None else model(q, k, v, mask=mask)
    if type(out) is not torch.Tensor:
        return out
    if out.shape != grad_output.shape:
        return {"output": out.detach()}
    (out * grad_output).sum().backward()
    result = {
        "output": out.detach(),
        "grad.query": q.grad,
        "grad.key": k.grad,
        "grad.value": v.grad,
    }
    for name in LAYERS:
        layer = getattr(model, name)
        result[f"grad.{name}.weight"] = layer.weight.grad
        result[f"grad.{name}.bias"] = layer.bias.grad
    return result


def _weights(g, d_model):
    bound = d_model**-0.5
    out = {}
    for name in LAYERS:
        out[f"{name}.weight"] = (torch.rand(d_model, d_model, generator=g) * 2 - 1) * bound
        out[f"{name}.bias"] = (torch.rand(d_model, generator=g) * 2 - 1) * bound
    return out


def _mask(g, shape, p=0.6):
    mask = torch.rand(shape, generator=g) < p
    keep = torch.randint(0, shape[-1], shape[:-1], generator=g)
    return mask | torch.nn.functional.one_hot(keep, shape[-1]).bool()


def _case(g, name, b, lq, lk, d_model, heads, mask_kind=None, tol=TOL, note=""):
    query = torch.randn(b, lq, d_model, generator=g)
    key = torch.randn(b, lk, d_model, generator=g)
    value = torch.randn(b, lk, d_model, generator=g)
    mask = None
    if mask_kind == "full":
        mask = _mask(g, (b, heads, lq, lk))
    elif mask_kind == "padding":
        mask = _mask(g, (b, 1, 1, lk), 0.7)
    elif mask_kind == "causal":
        mask = torch.tril(torch.ones(lq, lk, dtype=torch.bool))
    elif mask_kind == "query_key":
        mask = _mask(g, (b, 1, lq, lk))
    grad_output = torch.randn(b, lq, d_model, generator=g)
    args = (d_model, heads, _weights(g, d_model), query, key, value, mask, grad_output)
    return Case(name, args, **tol, note=note or f"d_model={d_model}, heads={heads}")


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases = []
    shapes = [(8, 2), (16, 4), (32, 8), (24, 3), (16, 2), (32, 4)]
    masks = [None, "padding", "full", "causal", "query_key", None]
    for i in range(10):
        d_model, heads = shapes[i % len(shapes)]
        b = int(torch.randint(1, 4, (1,), generator=g))
        lq = int(torch.randint(2, 10, (1,), generator=g))
        lk = lq if i % 2 == 0 else int(torch.randint(2, 10, (1,), generator=g))
        kind = masks[i % len(masks)]
        if kind == "causal":
            lk = lq
        cases.append(_case(g, f"typical[{i}]", b, lq, lk, d_model, heads, kind))
    cases += [
        _case(g, "edge/one_head", 2, 5, 5, 16, 1),
        _case(g, "edge/head_size_1", 2, 4, 6, 8, 8),
        _case(g, "edge/length_1", 3, 1, 1, 16, 4),
        _case(g, "edge/cross_attention_Lq!=Lk", 2, 3, 9, 16, 2, "padding"),
        _case(g, "edge/batch_1", 1, 7, 7, 32, 4, "causal"),
    ]
    cases.append(_case(g, "large/B=2,L=256,d=64,H=8", 2, 256, 256, 64, 8, "padding",
                       tol={"atol": 1e-4, "rtol": 1e-3}))  # fmt: skip
    return cases
