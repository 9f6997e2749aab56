#!/usr/bin/python3
"""Reference values for the Pylon metric tests, from scikit-learn and SciPy (Debian python3-sklearn 1.2,
python3-scipy 1.10). Writes pylon-core/src/test/resources/metrics/reference_fixtures.json; run from the repository
root:  /usr/bin/python3 bench/metrics/make_fixtures.py

Each case: the metric as a `metrics:` list item (YAML), the output shape, the logits (flat, row-major, exactly
representable as float32), the targets (flat) and the expected key -> value.
"""
import json
import os

import numpy as np
from scipy import ndimage
from scipy.special import logsumexp
from sklearn.metrics import (confusion_matrix, f1_score, precision_score, recall_score, roc_auc_score,
                             top_k_accuracy_score)

rng = np.random.default_rng(20251123)
cases = []


def case(name, metric, logits, targets, expected):
    logits = np.asarray(logits, dtype=np.float32)
    cases.append({
        "name": name,
        "metric": metric,
        "shape": list(logits.shape),
        "logits": [float(v) for v in logits.ravel()],
        "targets": [int(v) for v in np.asarray(targets).ravel()],
        "expected": {k: float(v) for k, v in expected.items()},
    })


# ---- classification: quantised logits (ties), 4 classes
N, C = 200, 4
y = rng.integers(0, C, N)
logits = np.round(rng.normal(size=(N, C)) * 4) / 4 + np.eye(C)[y] * 0.75
logits = logits.astype(np.float32)
pred = logits.argmax(1)  # first maximum, as Pylon
labels = list(range(C))
for metric_name, fn in (("precision", precision_score), ("recall", recall_score), ("f1", f1_score)):
    expected = {
        f"{metric_name}/macro": fn(y, pred, labels=labels, average="macro", zero_division=0),
        f"{metric_name}/micro": fn(y, pred, labels=labels, average="micro", zero_division=0),
    }
    for c, v in enumerate(fn(y, pred, labels=labels, average=None, zero_division=0)):
        expected[f"{metric_name}/class_{c}"] = v
    case(f"sklearn {metric_name}", f"{{name: {metric_name}, num_classes: {C}}}", logits, y, expected)

cm = confusion_matrix(y, pred, labels=labels)
expected = {f"confusion_matrix/class_{c}": cm[c, c] / cm[c].sum() for c in range(C)}
expected["confusion_matrix/mean_recall"] = np.mean([cm[c, c] / cm[c].sum() for c in range(C)])
case("sklearn confusion matrix recall", f"{{name: confusion_matrix, num_classes: {C}}}", logits, y, expected)

def canonical_softmax(x):
    # as Pylon: exponentials summed in increasing order, so that mathematically equal probabilities are equal
    # floats (rows that are permutations of each other would otherwise round differently and break ties)
    e = np.exp(x - x.max(axis=1, keepdims=True))
    s = np.sort(e, axis=1)
    total = s[:, 0].copy()
    for j in range(1, s.shape[1]):
        total = total + s[:, j]
    return e / total[:, None]


probs = canonical_softmax(logits.astype(np.float64))
expected = {"auroc/macro": roc_auc_score(y, probs, multi_class="ovr", average="macro")}
for c in range(C):
    expected[f"auroc/class_{c}"] = roc_auc_score(y == c, probs[:, c])
case("sklearn auroc one-vs-rest", f"{{name: auroc, num_classes: {C}}}", logits, y, expected)

# top-k without ties inside a row (scikit-learn's tie order is unspecified)
continuous = (rng.normal(size=(N, C)) + np.eye(C)[y] * 0.5).astype(np.float32)
for k in (1, 2, 3):
    case(f"sklearn top-{k} accuracy", f"{{name: top_k_accuracy, k: {k}}}", continuous, y,
         {"top_k_accuracy": top_k_accuracy_score(y, continuous, k=k, labels=labels)})

# ---- binary AUROC with many ties, scores [N] and logits [N, 2]
yb = rng.integers(0, 2, 300)
scores = (np.round(rng.normal(size=300) * 2 + yb * 1.5) / 2).astype(np.float32)
case("sklearn auroc binary scores", "{name: auroc, num_classes: 2}", scores, yb,
     {"auroc": roc_auc_score(yb, scores)})
pair = np.round(rng.normal(size=(300, 2)) * 2).astype(np.float32) / 2
pair[:, 1] += yb
case("sklearn auroc binary logits", "{name: auroc, num_classes: 2}", pair, yb,
     {"auroc": roc_auc_score(yb, pair[:, 1].astype(np.float64) - pair[:, 0])})


# ---- segmentation: label maps of blobs; logits = one-hot of a perturbed prediction
def blobs(shape, classes, n):
    maps = np.zeros((n,) + shape, dtype=np.int64)
    grid = np.indices(shape).astype(np.float64)
    for i in range(n):
        for c in range(1, classes):
            if rng.random() < 0.2:
                continue  # class absent
            centre = [rng.uniform(0, s) for s in shape]
            radius = rng.uniform(0.6, shape[0] / 3)
            sq = sum((grid[a] - centre[a]) ** 2 for a in range(len(shape)))
            maps[i][sq < radius ** 2] = c
    return maps


def surface(mask):
    structure = ndimage.generate_binary_structure(mask.ndim, 1)
    return mask & ~ndimage.binary_erosion(mask, structure=structure, border_value=0)


def directed(a, b, spacing):
    dist = ndimage.distance_transform_edt(~b, sampling=spacing)
    return dist[a]


def surface_scores(pred, truth, spacing, classes):
    diagonal = np.sqrt(sum((d * s) ** 2 for d, s in zip(pred.shape[1:], spacing)))
    hd = np.zeros((pred.shape[0], classes))
    asd = np.zeros((pred.shape[0], classes))
    for i in range(pred.shape[0]):
        for c in range(1, classes):
            a, b = pred[i] == c, truth[i] == c
            if not a.any() and not b.any():
                continue
            if not a.any() or not b.any():
                hd[i, c] = asd[i, c] = diagonal
                continue
            sa, sb = surface(a), surface(b)
            dab, dba = directed(sa, sb, spacing), directed(sb, sa, spacing)
            hd[i, c] = max(np.percentile(dab, 95), np.percentile(dba, 95))
            asd[i, c] = (dab.sum() + dba.sum()) / (len(dab) + len(dba))
    return hd, asd


for shape, spacing in (((16, 14), (0.8, 1.5)), ((8, 9, 7), (1.0, 2.0, 0.5))):
    K = 3
    truth = blobs(shape, K, 8)
    pred = blobs(shape, K, 8)
    pred[:4] = np.where(rng.random((4,) + shape) < 0.9, truth[:4], pred[:4])  # half close to the truth
    pred[4] = 0  # empty prediction
    truth[5] = 0  # empty target
    pred[6] = truth[6] = 0  # all background
    single = tuple(s // 2 for s in shape)
    truth[7] = 0
    truth[7][single] = 1  # single-voxel object
    onehot = np.moveaxis(np.eye(K, dtype=np.float32)[pred], -1, 1)
    hd, asd = surface_scores(pred, truth, spacing, K)
    sp = "[" + ", ".join(str(s) for s in spacing) + "]"
    for name, values in (("hd95", hd), ("assd", asd)):
        expected = {f"{name}/mean": values[:, 1:].mean()}
        for c in range(1, K):
            expected[f"{name}/class_{c}"] = values[:, c].mean()
        case(f"scipy {name} {len(shape)}d", f"{{name: {name}, num_classes: {K}, spacing: {sp}}}", onehot, truth,
             expected)
    dice = f1_score(truth.ravel(), pred.ravel(), labels=[1, 2], average=None, zero_division=1)
    case(f"sklearn dice {len(shape)}d", f"{{name: dice, num_classes: {K}}}", onehot, truth,
         {"dice/mean": dice.mean(), "dice/class_1": dice[0], "dice/class_2": dice[1]})

# ---- perplexity / bits per character: logits [N, C, T]
N, V, T = 20, 11, 13
tok_logits = (rng.normal(size=(N, V, T)) * 2).astype(np.float32)
tokens = rng.integers(0, V, (N, T))
tokens[rng.random((N, T)) < 0.1] = -100
x = tok_logits.astype(np.float64)
ce = logsumexp(x, axis=1) - np.take_along_axis(x, np.maximum(tokens, 0)[:, None, :], axis=1)[:, 0, :]
mean_ce = ce[tokens != -100].mean()
case("perplexity", "{name: perplexity}", tok_logits, tokens, {"perplexity": np.exp(mean_ce)})
case("bits per character", "{name: bpc}", tok_logits, tokens, {"bpc": mean_ce / np.log(2)})

out = os.path.join("pylon-core", "src", "test", "resources", "metrics", "reference_fixtures.json")
with open(out, "w") as f:
    json.dump({"generator": "bench/metrics/make_fixtures.py", "cases": cases}, f)
print(f"wrote {len(cases)} cases to {out}")
