#!/usr/bin/python3
"""Peer of `pylon bench tune`: Optuna's TPE on the same functions, trials and seeds.

Prints one JSON object per line: {"function", "sampler", "bests", "median", "q1", "q3"}.
Usage: OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/tune/peer_optuna.py --trials 100 --seeds 20
"""
import argparse
import json
import math

import numpy as np
import optuna

H_ALPHA = [1.0, 1.2, 3.0, 3.2]
H_A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
H_P = [[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886], [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
       [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650], [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]]


def branin(x):
    b = 5.1 / (4 * math.pi ** 2)
    c = 5 / math.pi
    t = 1 / (8 * math.pi)
    return (x[1] - b * x[0] ** 2 + c * x[0] - 6) ** 2 + 10 * (1 - t) * math.cos(x[0]) + 10


def hartmann6(x):
    return -sum(H_ALPHA[i] * math.exp(-sum(H_A[i][j] * (x[j] - H_P[i][j]) ** 2 for j in range(6))) for i in range(4))


def styblinski_tang10(x):
    return sum(v ** 4 - 16 * v ** 2 + 5 * v for v in x) / 2


FUNCTIONS = {
    "branin": (branin, [(-5, 10), (0, 15)]),
    "hartmann6": (hartmann6, [(0, 1)] * 6),
    "styblinski_tang10": (styblinski_tang10, [(-5, 5)] * 10),
}


def best_of(f, bounds, sampler, trials):
    def objective(trial):
        return f([trial.suggest_float("x%d" % i, lo, hi) for i, (lo, hi) in enumerate(bounds)])

    study = optuna.create_study(direction="minimize", sampler=sampler)
    study.optimize(objective, n_trials=trials)
    return study.best_value


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--seeds", type=int, default=20)
    args = parser.parse_args()
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    samplers = {
        "optuna_tpe": lambda s: optuna.samplers.TPESampler(seed=s),
        "optuna_tpe_multivariate": lambda s: optuna.samplers.TPESampler(seed=s, multivariate=True),
    }
    for name, (f, bounds) in FUNCTIONS.items():
        for sampler_name, make in samplers.items():
            bests = [best_of(f, bounds, make(s), args.trials) for s in range(args.seeds)]
            q1, median, q3 = np.percentile(bests, [25, 50, 75])
            print(json.dumps({"function": name, "sampler": sampler_name, "bests": bests,
                              "median": median, "q1": q1, "q3": q3}), flush=True)


if __name__ == "__main__":
    main()
