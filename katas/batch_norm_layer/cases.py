"""Generated cases for `batch_norm_layer`: scripts of train/eval calls on one layer.

`invoke` builds the layer, optionally loads a starting state into it (in place, so plain
tensors and nn.Parameters both work), runs the script and returns every output and the
moving statistics after every step.
"""

from __future__ import annotations

import torch

from mlprep.kata.casekit import Case, InputChanged

F32 = {"atol": 2e-5, "rtol": 1e-4}


def invoke(solution, plan, num_features, options, state, script):
    """`plan` summarises `script` for reports (`T4` a training call on N=4, `E4` eval)."""
    layer = solution.BatchNormLayer(num_features, **options)
    results = {}
    for name in ("gamma", "beta", "moving_mean", "moving_variance"):
        results[f"init.{name}"] = _plain(getattr(layer, name))
    if state is not None:
        with torch.no_grad():
            for name, value in state.items():
                getattr(layer, name).copy_(value)
    for i, step in enumerate(script):
        x = step["x"]
        before = x.clone()
        out = layer(x, training=step["training"])
        if not torch.equal(x, before):
            raise InputChanged(f"x (step {i})")
        mode = "train" if step["training"] else "eval"
        results[f"step{i}.{mode}.y"] = _plain(out)
        results[f"step{i}.moving_mean"] = _plain(layer.moving_mean)
        results[f"step{i}.moving_variance"] = _plain(layer.moving_variance)
    return results


def _plain(value):
    """A detached copy (an nn.Parameter or a tensor that needs grad reads as a plain tensor)."""
    if isinstance(value, torch.Tensor):
        return value.detach().clone()
    return value


def _describe(script) -> str:
    return " ".join(
        f"{'T' if s['training'] else 'E'}{'x'.join(map(str, s['x'].shape))}" for s in script
    )


def generate(seed: int) -> list[Case]:
    g = torch.Generator().manual_seed(seed)
    cases: list[Case] = []

    def rint(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (1,), generator=g))

    def batch(shape, c, shift, spread):
        """A batch whose channels have their own offset and spread (far from 0 and 1)."""
        view = [1, c] + [1] * (len(shape) - 2)
        z = torch.randn(*shape, generator=g, dtype=torch.float64)
        return (shift.view(view) + spread.view(view) * z).float()

    def channel_stats(c):
        shift = 2.0 * torch.randn(c, generator=g, dtype=torch.float64)
        spread = 0.3 + 2.0 * torch.rand(c, generator=g, dtype=torch.float64)
        return shift, spread

    def random_state(c):
        return {
            "gamma": (1.0 + 0.5 * torch.randn(c, generator=g)),
            "beta": 0.5 * torch.randn(c, generator=g),
            "moving_mean": 0.5 * torch.randn(c, generator=g),
            "moving_variance": 0.5 + torch.rand(c, generator=g),
        }

    def add(name, c, modes, shape_of, options=None, state=None, tol=F32, stats=None, note=""):
        shift, spread = stats if stats is not None else channel_stats(c)
        script = [{"training": t, "x": batch(shape_of(i), c, shift, spread)}
                  for i, t in enumerate(modes)]  # fmt: skip
        opts = options or {}
        text = ", ".join(f"{k}={v}" for k, v in opts.items())
        full = f"C={c}" + (f", {text}" if text else "") + (f"; {note}" if note else "")
        cases.append(Case(name, (_describe(script), c, opts, state, script), **tol, note=full))

    momenta = [0.9, 0.5, 0.99, 0.7]
    for i in range(8):
        c = rint(1, 8)
        modes = [bool(torch.rand(1, generator=g) < 0.6) for _ in range(rint(3, 6))]
        modes[0] = True
        if all(modes):
            modes[-1] = False
        four_d = i % 4 == 3
        sizes = [rint(2, 8) for _ in modes]
        hw = (rint(1, 3), rint(1, 3))

        def shape_of(j, c=c, sizes=sizes, four_d=four_d, hw=hw):
            return (sizes[j], c, *hw) if four_d else (sizes[j], c)

        options = {"momentum": momenta[i % 4]} if i % 2 else {}
        if i % 3 == 2:
            options["epsilon"] = 1e-5
        state = random_state(c) if i % 2 == 0 else None
        add(f"typical[{i}]", c, modes, shape_of, options, state)

    def rows(n, c):
        return lambda j: (n, c)

    add("edge/defaults_eval_only", 4, [False, False], rows(5, 4),
        note="fresh layer: moving mean 0, variance 1, gamma 1, beta 0")  # fmt: skip
    add("edge/defaults_train_then_eval", 4, [True, False], rows(6, 4),
        note="momentum 0.99: the moving statistics move 1% of the way")  # fmt: skip
    add("edge/momentum=0.5_train_train_eval", 3, [True, True, False], rows(4, 3),
        {"momentum": 0.5})  # fmt: skip
    add("edge/momentum=0", 3, [True, False], rows(5, 3), {"momentum": 0.0},
        note="the moving statistics become the batch's")  # fmt: skip
    add("edge/momentum=1", 3, [True, False], rows(5, 3), {"momentum": 1.0},
        state=random_state(3), note="the moving statistics never move")  # fmt: skip
    add("edge/train_N=1", 3, [True, False], rows(1, 3), {"momentum": 0.5},
        note="one sample: batch variance 0, y = beta")  # fmt: skip
    add("edge/train_N=2", 5, [True, True, False], rows(2, 5), {"momentum": 0.6})
    add("edge/epsilon=0.5", 4, [True, False], rows(6, 4), {"epsilon": 0.5, "momentum": 0.8},
        note="a large epsilon: inside the square root")  # fmt: skip
    add("edge/eval_N=1", 4, [True, False], lambda j: (6 if j == 0 else 1, 4), {"momentum": 0.3})
    add("edge/4d_NCHW", 3, [True, True, False], lambda j: (4, 3, 5, 2), {"momentum": 0.8},
        random_state(3), note="statistics over N, H and W")  # fmt: skip
    add("edge/4d_HW=1x1", 4, [True, False], lambda j: (6, 4, 1, 1), {"momentum": 0.5})
    add("edge/4d_N=1", 2, [True, False], lambda j: (1, 2, 3, 3), {"momentum": 0.5},
        note="one image: statistics over H and W only")  # fmt: skip
    shift = torch.tensor([0.5, -1.0, 2.0], dtype=torch.float64)
    spread = torch.tensor([1.0, 0.0, 0.5], dtype=torch.float64)
    add("edge/constant_channel", 3, [True, False], rows(5, 3), {"momentum": 0.5},
        stats=(shift, spread), note="channel 1 is constant: variance 0")  # fmt: skip
    add("edge/long_run_20_steps", 2, [True] * 19 + [False], rows(8, 2), {"momentum": 0.9})

    # numerically hard: a large offset with a small spread (E[x²] - E[x]² cancels in float32);
    # float32 two-pass statistics are good to about eps32 · offset / spread relative in y
    shift = torch.tensor([100.0, -50.0, 30.0], dtype=torch.float64)
    spread = torch.tensor([0.1, 0.05, 0.2], dtype=torch.float64)
    add("hard/offset_100_spread_0.1", 3, [True, True, False], rows(64, 3),
        {"momentum": 0.5, "epsilon": 1e-5}, stats=(shift, spread),
        tol={"atol": 1e-3, "rtol": 1e-3}, note="mean ≫ std")  # fmt: skip
    shift = torch.tensor([50.0, -80.0], dtype=torch.float64)
    spread = torch.tensor([0.05, 0.1], dtype=torch.float64)
    add("hard/4d_offset_50_spread_0.05", 2, [True, False], lambda j: (8, 2, 4, 4),
        {"momentum": 0.5, "epsilon": 1e-5}, stats=(shift, spread),
        tol={"atol": 1e-3, "rtol": 1e-3}, note="mean ≫ std, over N, H, W")  # fmt: skip

    add("large/N=4096,C=256", 256, [True, True, False], rows(4096, 256), {"momentum": 0.9},
        tol={"atol": 5e-5, "rtol": 1e-4})  # fmt: skip
    add("large/N=16,C=32,16x16", 32, [True, False], lambda j: (16, 32, 16, 16),
        {"momentum": 0.9}, tol={"atol": 5e-5, "rtol": 1e-4})  # fmt: skip
    return cases
