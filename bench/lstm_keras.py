"""Keras (and PyTorch, 1 thread) side of bench/lstm_bench.ts.

Trains LSTM(64) -> Dense(1) and LSTM(128, return_sequences) -> LSTM(64) -> Dense(1) on random
data (N sequences x T steps x F features), batch 256, Adam, binary cross-entropy, and prints one
JSON object per framework and model: median training and inference throughput (sequences/s) of
the measured epochs after a warm-up epoch.

Usage: python lstm_keras.py N T F BATCH EPOCHS [keras|torch|both]
Needs tensorflow-cpu (Keras) and/or torch; a framework that does not import is reported as
{"error": ...}. Throughput is also given per CPU-second (time.process_time, all threads).
"""
import json
import os
import statistics
import sys
import time

N, T, F, BATCH, EPOCHS = (int(a) for a in sys.argv[1:6])
WHICH = sys.argv[6] if len(sys.argv) > 6 else "both"
MODELS = {"lstm64": [64], "lstm128_64": [128, 64]}


def data():
    import numpy as np

    rng = np.random.default_rng(42)
    x = rng.standard_normal((N, T, F)).astype("float32")
    y = (rng.random((N, 1)) < 0.5).astype("float32")
    return x, y


def keras_run(units):
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import tensorflow as tf

    tf.keras.utils.set_random_seed(42)
    x, y = data()
    layers = [tf.keras.Input((T, F))]
    for i, u in enumerate(units):
        layers.append(tf.keras.layers.LSTM(u, return_sequences=i < len(units) - 1))
    layers.append(tf.keras.layers.Dense(1, activation="sigmoid"))
    model = tf.keras.Sequential(layers)
    model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss="binary_crossentropy")
    model.fit(x, y, batch_size=BATCH, epochs=1, shuffle=False, verbose=0)  # warm-up
    train, cpu = [], []
    for _ in range(EPOCHS):
        t0, c0 = time.perf_counter(), time.process_time()
        model.fit(x, y, batch_size=BATCH, epochs=1, shuffle=False, verbose=0)
        train.append(N / (time.perf_counter() - t0))
        cpu.append(N / (time.process_time() - c0))
    model.predict(x, batch_size=1024, verbose=0)
    t0 = time.perf_counter()
    model.predict(x, batch_size=1024, verbose=0)
    infer = N / (time.perf_counter() - t0)
    return {"framework": f"Keras (tensorflow-cpu {tf.__version__})",
            "train_seq_per_s": statistics.median(train),
            "train_seq_per_cpu_s": statistics.median(cpu), "infer_seq_per_s": infer}


def torch_run(units):
    import torch

    torch.set_num_threads(1)
    torch.manual_seed(42)
    x, y = data()
    x, y = torch.from_numpy(x), torch.from_numpy(y)

    class Net(torch.nn.Module):
        def __init__(self):
            super().__init__()
            dims = [F] + units
            self.lstms = torch.nn.ModuleList(
                torch.nn.LSTM(dims[i], dims[i + 1], batch_first=True) for i in range(len(units))
            )
            self.dense = torch.nn.Linear(units[-1], 1)

        def forward(self, h):
            for lstm in self.lstms:
                h, _ = lstm(h)
            return self.dense(h[:, -1])

    net = Net()
    opt = torch.optim.Adam(net.parameters(), 1e-3)
    loss_fn = torch.nn.BCEWithLogitsLoss()

    def epoch():
        for s in range(0, N, BATCH):
            opt.zero_grad()
            loss = loss_fn(net(x[s:s + BATCH]), y[s:s + BATCH])
            loss.backward()
            opt.step()

    epoch()
    train, cpu = [], []
    for _ in range(EPOCHS):
        t0, c0 = time.perf_counter(), time.process_time()
        epoch()
        train.append(N / (time.perf_counter() - t0))
        cpu.append(N / (time.process_time() - c0))
    with torch.no_grad():
        t0 = time.perf_counter()
        for s in range(0, N, 1024):
            torch.sigmoid(net(x[s:s + 1024]))
        infer = N / (time.perf_counter() - t0)
    return {"framework": f"PyTorch {torch.__version__} (1 thread)",
            "train_seq_per_s": statistics.median(train),
            "train_seq_per_cpu_s": statistics.median(cpu), "infer_seq_per_s": infer}


for name, units in MODELS.items():
    for fw, run in (("keras", keras_run), ("torch", torch_run)):
        if WHICH not in ("both", fw):
            continue
        try:
            out = run(units)
        except Exception as e:  # reported, not raised: the bench prints what ran
            out = {"error": f"{type(e).__name__}: {e}"}
        print(json.dumps({"model": name, "which": fw, **out}), flush=True)
