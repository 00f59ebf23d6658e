"""Side-by-side for bench/segment_bench.ts: scikit-learn's KMeans on the same matrix.

Usage: python3 segment_sklearn.py FILE ROWS COLS K N_INIT — FILE holds the row-major float64
matrix written by the TypeScript bench. Fits KMeans(k-means++, n_init, max_iter 300, tol 1e-4,
Lloyd) like lib/segment's defaults and prints one JSON line: fit seconds (wall and CPU, all
threads), inertia, iterations,
the library versions and the number of threads OpenMP may use.
"""
import json
import os
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans

path, rows, cols, k, n_init = sys.argv[1], *map(int, sys.argv[2:6])
x = np.fromfile(path, dtype=np.float64).reshape(rows, cols)
t, c = time.perf_counter(), time.process_time()
km = KMeans(n_clusters=k, init="k-means++", n_init=n_init, max_iter=300, tol=1e-4,
            algorithm="lloyd", random_state=0).fit(x)
seconds, cpu = time.perf_counter() - t, time.process_time() - c
try:
    from threadpoolctl import threadpool_info
    threads = max((p.get("num_threads", 1) for p in threadpool_info()), default=1)
except Exception:  # threadpoolctl missing: report the CPU count
    threads = os.cpu_count()
print(json.dumps({
    "seconds": seconds,
    "cpu": cpu,
    "inertia": float(km.inertia_),
    "iterations": int(km.n_iter_),
    "sklearn": sklearn.__version__,
    "threads": threads,
}))
