"""Side-by-side for bench/recommend_bench.ts: item-item cosine with scipy.sparse.

Usage: python3 recommend_scipy.py DIR — DIR holds a users x items CSR matrix written by the
TypeScript bench (meta.json, indptr.i32, indices.i32, values.f32) and the TypeScript top-k
neighbour lists (nb_indptr.i32, nb_indices.i32, nb_values.f32). Prints one JSON line: median
seconds of X.T @ X + cosine normalisation, and the largest difference from the TypeScript values.
"""
import json
import sys
import time

import numpy as np
import scipy.sparse as sp

d = sys.argv[1]
meta = json.load(open(f"{d}/meta.json"))
rd = lambda name, t: np.fromfile(f"{d}/{name}", dtype=t)
X = sp.csr_matrix((rd("values.f32", np.float32), rd("indices.i32", np.int32), rd("indptr.i32", np.int32)),
                  shape=(meta["nUsers"], meta["nItems"]))
reps = meta.get("reps", 3)


def cosine(X):
    C = (X.T @ X).tocsr()  # items x items dot products
    norms = np.sqrt(np.asarray(C.diagonal(), dtype=np.float64))
    inv = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    D = sp.diags(inv.astype(np.float32))
    S = (D @ C @ D).tocsr()
    S.setdiag(0)
    return S


times = []
for _ in range(reps):
    t0 = time.perf_counter()
    S = cosine(X)
    times.append(time.perf_counter() - t0)

ip, ix, iv = rd("nb_indptr.i32", np.int32), rd("nb_indices.i32", np.int32), rd("nb_values.f32", np.float32)
rows = np.repeat(np.arange(len(ip) - 1), np.diff(ip))
ref = np.asarray(S[rows, ix]).ravel()
print(json.dumps({
    "scipy": sp.__version__ if hasattr(sp, "__version__") else __import__("scipy").__version__,
    "seconds": float(np.median(times)),
    "nnz_out": int(S.nnz),
    "max_abs_diff": float(np.max(np.abs(ref - iv))) if len(iv) else 0.0,
}))
