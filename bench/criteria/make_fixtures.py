#!/usr/bin/env python3
"""Reference values for the single-output losses in io.pylon.criteria.

Run with Debian's python3-torch (1.13):  /usr/bin/python3 bench/criteria/make_fixtures.py
Writes pylon-core/src/test/resources/criteria/reference_losses.json, which the Java tests read (they never run
Python). Cross-entropy, BCE, MSE, L1 and smooth L1 come from torch.nn.functional; Dice, Tversky, focal Tversky,
focal and top-k are hand-written here from their published formulas (independently of the Java code), in float64.
Each case stores the inputs, the params section (bound through Criteria.create), the loss value and d loss / d output.
"""
import json
import math
import os

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
GEN = torch.Generator().manual_seed(20261123)


def randn(*shape, scale=1.0):
    return torch.randn(*shape, generator=GEN) * scale


def randint(high, *shape):
    return torch.randint(0, high, shape, generator=GEN)


def one_hot(target, classes):
    return F.one_hot(target, classes).movedim(-1, 1).to(torch.float64)


def overlap(x, y, mode, batch, include_background):
    if mode == "binary":
        p, t = torch.sigmoid(x).unsqueeze(1), y.unsqueeze(1)
    else:
        p, t = torch.softmax(x, 1), one_hot(y, x.shape[1])
    dims = tuple(range(2, p.dim()))
    if batch:
        dims = (0,) + dims
    tp = (p * t).sum(dims) if dims else p * t
    ps = p.sum(dims) if dims else p
    ts = t.sum(dims) if dims else t
    if mode != "binary" and not include_background:
        tp, ps, ts = tp[..., 1:], ps[..., 1:], ts[..., 1:]
    return tp, ps, ts


def dice(x, y, mode="multiclass", weight=(), smooth=1.0, include_background=True, batch_dice=False):
    tp, ps, ts = overlap(x, y, mode, batch_dice, include_background)
    per_class = 1 - (2 * tp + smooth) / (ps + ts + smooth)
    if not weight:
        return per_class.mean()
    w = torch.tensor(weight)
    if not include_background:
        w = w[1:]
    return ((per_class * w).sum(-1) / w.sum()).mean()


def tversky_index(x, y, mode, alpha, beta, smooth, include_background):
    tp, ps, ts = overlap(x, y, mode, False, include_background)
    fp, fn = ps - tp, ts - tp
    return (tp + smooth) / (tp + alpha * fp + beta * fn + smooth)


def tversky(x, y, mode="multiclass", alpha=0.5, beta=0.5, smooth=1.0, include_background=True):
    return (1 - tversky_index(x, y, mode, alpha, beta, smooth, include_background)).mean()


def focal_tversky(x, y, mode="multiclass", alpha=0.7, beta=0.3, gamma=0.75, smooth=1.0, include_background=True):
    return ((1 - tversky_index(x, y, mode, alpha, beta, smooth, include_background)) ** gamma).mean()


def focal(x, y, mode="multiclass", alpha=(), gamma=2.0, ignore_index=-100):
    if mode == "binary":  # torchvision.ops.sigmoid_focal_loss, written out
        p = torch.sigmoid(x)
        ce = F.binary_cross_entropy_with_logits(x, y, reduction="none")
        p_t = p * y + (1 - p) * (1 - y)
        loss = ce * (1 - p_t) ** gamma
        if alpha:
            loss = (alpha[0] * y + (1 - alpha[0]) * (1 - y)) * loss
        return loss.mean()
    valid = y != ignore_index
    safe = torch.where(valid, y, torch.zeros_like(y))
    logp = torch.log_softmax(x, 1).gather(1, safe.unsqueeze(1)).squeeze(1)
    loss = -((1 - logp.exp()) ** gamma) * logp
    if alpha:
        loss = loss * torch.tensor(alpha)[safe]
    return loss[valid].sum() / valid.sum()


def topk(x, y, fraction=None, count=None, ignore_index=-100):
    ce = F.cross_entropy(x, y, reduction="none", ignore_index=ignore_index)[y != ignore_index]
    m = ce.numel()
    k = max(1, math.ceil(fraction * m)) if fraction is not None else min(count, m)
    return torch.topk(ce, k).values.mean()


def cross_entropy(x, y, weight=(), label_smoothing=0.0, ignore_index=-100):
    return F.cross_entropy(x, y, weight=torch.tensor(weight) if weight else None, ignore_index=ignore_index,
                           label_smoothing=label_smoothing)


def bce_with_logits(x, y, pos_weight=()):
    pw = None
    if len(pos_weight) == 1:
        pw = torch.tensor(pos_weight)
    elif pos_weight:
        pw = torch.tensor(pos_weight).view(-1, *([1] * (x.dim() - 2)))
    return F.binary_cross_entropy_with_logits(x, y, pos_weight=pw)


REFERENCES = {
    "cross_entropy": cross_entropy,
    "bce_with_logits": bce_with_logits,
    "dice": dice,
    "focal": focal,
    "tversky": tversky,
    "focal_tversky": focal_tversky,
    "topk": topk,
    "mse": lambda x, y: F.mse_loss(x, y),
    "l1": lambda x, y: F.l1_loss(x, y),
    "smooth_l1": lambda x, y, beta=1.0: F.smooth_l1_loss(x, y, beta=beta),
}


def case(name, loss, x, y, **params):
    x = x.clone().requires_grad_(True)
    value = REFERENCES[loss](x, y, **params)
    value.backward()
    return {
        "name": name,
        "loss": loss,
        "params": params,
        "output": {"shape": list(x.shape), "data": x.detach().flatten().tolist()},
        "target": {"shape": list(y.shape), "dtype": "long" if y.dtype == torch.int64 else "double",
                   "data": y.flatten().tolist()},
        "expected": value.item(),
        "grad": x.grad.flatten().tolist(),
    }


def with_ignored(y, index, every=5):
    y = y.clone()
    y.view(-1)[::every] = index
    return y


def binary_target(*shape):
    return randint(2, *shape).to(torch.float64)


def build():
    cases = []
    x, y = randn(6, 4, scale=2), randint(4, 6)
    cases.append(case("ce_plain", "cross_entropy", x, y))
    cases.append(case("ce_weighted_smoothed", "cross_entropy", x, y, weight=[0.5, 2.0, 1.0, 0.25],
                      label_smoothing=0.1))
    xs, ys = randn(2, 3, 4, 5), randint(3, 2, 4, 5)
    cases.append(case("ce_spatial_ignore", "cross_entropy", xs, with_ignored(ys, 255), ignore_index=255))
    cases.append(case("ce_spatial_all_options", "cross_entropy", xs, with_ignored(ys, -100),
                      weight=[1.0, 3.0, 0.5], label_smoothing=0.2))

    xb, yb = randn(3, 4, 5, scale=2), binary_target(3, 4, 5)
    cases.append(case("bce_plain", "bce_with_logits", xb, yb))
    cases.append(case("bce_pos_weight_scalar", "bce_with_logits", xb, yb, pos_weight=[3.0]))
    cases.append(case("bce_pos_weight_per_class", "bce_with_logits", xb, yb, pos_weight=[0.5, 2.0, 4.0, 1.0]))

    xd, yd = randn(2, 3, 4, 4, scale=2), randint(3, 2, 4, 4)
    cases.append(case("dice_multiclass", "dice", xd, yd))
    cases.append(case("dice_weighted_no_background_batch", "dice", xd, yd, weight=[1.0, 2.0, 0.5],
                      smooth=0.5, include_background=False, batch_dice=True))
    cases.append(case("dice_no_smooth", "dice", xd, yd, smooth=0.0))
    xdb, ydb = randn(2, 1, 4, 4, scale=2), binary_target(2, 1, 4, 4)
    cases.append(case("dice_binary", "dice", xdb, ydb, mode="binary"))

    cases.append(case("tversky_multiclass", "tversky", xd, yd, alpha=0.3, beta=0.7))
    cases.append(case("tversky_binary_no_smooth", "tversky", xdb, ydb, mode="binary", alpha=0.6, beta=0.4,
                      smooth=0.0))
    cases.append(case("focal_tversky_multiclass", "focal_tversky", xd, yd, include_background=False))
    cases.append(case("focal_tversky_binary", "focal_tversky", xdb, ydb, mode="binary", alpha=0.5, beta=0.5,
                      gamma=2.0))

    cases.append(case("focal_binary", "focal", xb, yb, mode="binary", alpha=[0.25], gamma=2.0))
    cases.append(case("focal_binary_gamma_half", "focal", xb, yb, mode="binary", gamma=0.5))
    cases.append(case("focal_multiclass", "focal", xs, with_ignored(ys, 255, every=4), alpha=[0.2, 0.5, 0.3],
                      gamma=1.5, ignore_index=255))
    cases.append(case("focal_multiclass_gamma0", "focal", x, y, gamma=0.0))

    cases.append(case("topk_fraction", "topk", xs, with_ignored(ys, 255, every=3), fraction=0.3,
                      ignore_index=255))
    cases.append(case("topk_count", "topk", x, y, count=4))

    xr, yr = randn(3, 5, scale=2), randn(3, 5, scale=2)
    cases.append(case("mse", "mse", xr, yr))
    cases.append(case("l1", "l1", xr, yr))
    cases.append(case("smooth_l1", "smooth_l1", xr, yr, beta=0.7))
    return cases


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out = os.path.join(root, "pylon-core", "src", "test", "resources", "criteria", "reference_losses.json")
    document = {"generator": "bench/criteria/make_fixtures.py",
                "torch": torch.__version__,
                "cases": build()}
    with open(out, "w") as f:
        json.dump(document, f, indent=1)
        f.write("\n")
    print("wrote", len(document["cases"]), "cases to", out)


if __name__ == "__main__":
    main()
