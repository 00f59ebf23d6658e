"""scikit-learn side of bench/models_bench.ts: LogisticRegression fit times on the same data.

Usage: /usr/bin/python3 bench/models_sklearn.py PREFIX ROWS COLS REPEATS
Reads PREFIX.x (float64, row-major ROWS x COLS) and PREFIX.y (uint8) written by the Deno side,
fits each configuration REPEATS times and prints one JSON object per configuration:
{"config", "median_s", "n_iter", "coef", "intercept"}. Run it with OPENBLAS_NUM_THREADS=1 (the
Deno side sets it) so both sides use one core.
"""
import json
import statistics
import sys
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression

prefix, rows, cols, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
configs = sys.argv[5].split(",") if len(sys.argv) > 5 else ["l2_lbfgs", "l2_lbfgs_tight", "l2_newton_cholesky"]
x = np.fromfile(prefix + ".x", dtype=np.float64).reshape(rows, cols)
y = np.fromfile(prefix + ".y", dtype=np.uint8).astype(np.int64)

CONFIGS = {
    # scikit-learn's defaults (tol 1e-4 on the gradient of the mean loss)
    "l2_lbfgs": dict(penalty="l2", C=1.0, solver="lbfgs"),
    # as tight as shoplab's default stopping rule (1e-8)
    "l2_lbfgs_tight": dict(penalty="l2", C=1.0, solver="lbfgs", tol=1e-8, max_iter=1000),
    # the same algorithm as shoplab (Newton with the exact Hessian), new in scikit-learn 1.2
    "l2_newton_cholesky": dict(penalty="l2", C=1.0, solver="newton-cholesky", tol=1e-8),
    "l1_saga": dict(penalty="l1", C=0.1, solver="saga", tol=1e-4, max_iter=10000),
    "l1_liblinear": dict(penalty="l1", C=0.1, solver="liblinear", tol=1e-6, intercept_scaling=100),
}

for name in configs:
    times, model = [], None
    for r in range(repeats + 1):  # the first fit is an untimed warm-up
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            t = time.perf_counter()
            model = LogisticRegression(**CONFIGS[name]).fit(x, y)
            if r > 0:
                times.append(time.perf_counter() - t)
    print(json.dumps({
        "config": name,
        "median_s": statistics.median(times),
        "n_iter": int(model.n_iter_[0]),
        "coef": model.coef_[0].tolist(),
        "intercept": float(model.intercept_[0]),
    }), flush=True)
