#!/usr/bin/env python3
"""Benchmark: upload a MovieLens-1M-scale score matrix through the Python SDK.

Starts its own server (the all-in-one jar), generates a synthetic ML-1M-scale dataset with numpy
(6,040 users, 3,706 items, 1,000,000 train interactions with power-law item popularity, 2
ground-truth items per user not in train), registers it, builds a 6,040 x 3,706 float32
prediction DataFrame (popularity + noise) and times

    upload_experiment(prediction_matrix=..., n_candidates=100, wait=True)

from the call until the metrics are ready, split into client top-N, Arrow encoding, upload
(HTTP until 202) and server compute (202 until status ready). Also reports the java process's
peak RSS (VmHWM). Each repeat uploads a new experiment; the table shows every run and the median.

    .venv/bin/python bench/upload_ml1m.py --server-jar /tmp/web4rec-server.jar --repeat 3

With ``--url`` it starts no server and measures a running one instead, e.g. the distributed mode
started by ``./web4rec up --distributed`` (one process per service on MariaDB, Kafka and S3);
``--token`` logs in with an API token, else a new account is signed up. The peak RSS is then not
measured (several processes).

    .venv/bin/python bench/upload_ml1m.py --url http://localhost:8080 --repeat 3
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import numpy as np
import pandas as pd
import requests

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "clients" / "python"))

from web4rec import Web4Rec, Web4RecClient, Web4RecDataset  # noqa: E402

N_USERS, N_ITEMS, N_TRAIN, N_GT = 6040, 3706, 1_000_000, 2
MIN_PER_USER, MAX_PER_USER = 20, 2314  # ML-1M's bounds


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(jar: Path, port: int, data_dir: Path, xmx: str):
    cmd = ["java", "--add-opens=java.base/java.nio=ALL-UNNAMED", f"-Xmx{xmx}", "-jar", str(jar), "up",
           "--port", str(port), "--data-dir", str(data_dir / "data"), "--max-upload-mb", "1024"]
    log = open(data_dir / "server.log", "wb")
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=data_dir)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        if proc.poll() is not None:
            raise SystemExit(f"server exited ({proc.returncode}); see {data_dir / 'server.log'}")
        try:
            if requests.get(url + "/health/ready", timeout=2).status_code == 200:
                return proc, url
        except requests.RequestException:
            pass
        if time.monotonic() > deadline:
            proc.kill()
            raise SystemExit(f"server not ready after 90 s; see {data_dir / 'server.log'}")
        time.sleep(0.3)


def peak_rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def synthetic_ml1m(seed: int):
    """Train/ground truth with power-law item popularity and skewed user activity."""
    rng = np.random.default_rng(seed)
    # item popularity ~ Zipf over a random item order
    pop = 1.0 / np.arange(1, N_ITEMS + 1) ** 0.9
    pop = pop[rng.permutation(N_ITEMS)]
    log_p = np.log(pop / pop.sum())
    # user activity: lognormal, min 20, max 2314, summing exactly to N_TRAIN
    w = rng.lognormal(mean=0.0, sigma=1.1, size=N_USERS)
    counts = np.full(N_USERS, MIN_PER_USER)
    extra = N_TRAIN - counts.sum()
    counts += np.floor(w / w.sum() * extra).astype(np.int64)
    counts = np.minimum(counts, MAX_PER_USER)
    while counts.sum() < N_TRAIN:  # hand out the remainder (and what the cap cut) one by one
        room = np.flatnonzero(counts < MAX_PER_USER)
        add = rng.choice(room, size=min(len(room), N_TRAIN - counts.sum()), replace=False)
        counts[add] += 1
    users = np.arange(1, N_USERS + 1)
    items = np.arange(1, N_ITEMS + 1)
    tr_u, tr_i, gt_u, gt_i = [], [], [], []
    for u, c in zip(users, counts):
        # weighted sampling without replacement: Gumbel top-k
        keys = log_p + rng.gumbel(size=N_ITEMS)
        top = np.argpartition(-keys, c + N_GT)[: c + N_GT]
        top = top[np.argsort(-keys[top])]
        tr_u.append(np.full(c, u))
        tr_i.append(items[top[:c]])
        gt_u.append(np.full(N_GT, u))
        gt_i.append(items[top[c:]])
    train = pd.DataFrame({"user_id": np.concatenate(tr_u), "item_id": np.concatenate(tr_i)})
    train["rating"] = rng.integers(1, 6, len(train)).astype(np.float64)
    train["timestamp"] = rng.integers(956_703_932, 1_046_454_590, len(train))
    gt = pd.DataFrame({"user_id": np.concatenate(gt_u), "item_id": np.concatenate(gt_i)})
    return train, gt


def prediction_matrix(train: pd.DataFrame, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed + 1)
    counts = np.bincount(train["item_id"].to_numpy(), minlength=N_ITEMS + 1)[1:].astype(np.float32)
    pop = counts / counts.max()
    scores = pop[None, :] + rng.normal(0.0, 0.05, size=(N_USERS, N_ITEMS)).astype(np.float32)
    return pd.DataFrame(scores, index=np.arange(1, N_USERS + 1), columns=np.arange(1, N_ITEMS + 1), copy=False)


def main() -> None:
    default_jar = os.environ.get("WEB4REC_SERVER_JAR") or str(REPO_ROOT / "launcher" / "target" / "web4rec-server.jar")
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--server-jar", default=default_jar, help="all-in-one server jar (default: %(default)s)")
    ap.add_argument("--port", type=int, default=0, help="server port (0 = a free one)")
    ap.add_argument("--url", help="measure this running server instead of starting the jar")
    ap.add_argument("--token", default=os.environ.get("WEB4REC_TOKEN"),
                    help="API token for --url (default: sign up a new account)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--n-candidates", type=int, default=100)
    ap.add_argument("--xmx", default="4g", help="server heap (default %(default)s)")
    ap.add_argument("--json", help="also write the results to this JSON file")
    ap.add_argument("--keep-data", action="store_true", help="keep the server's data dir and log")
    args = ap.parse_args()

    jar = Path(args.server_jar)
    if not args.url and not jar.is_file():
        raise SystemExit(f"server jar not found: {jar}")
    Web4Rec.progress = False
    t0 = time.perf_counter()
    train, gt = synthetic_ml1m(args.seed)
    matrix = prediction_matrix(train, args.seed)
    gen_s = time.perf_counter() - t0
    print(f"generated {len(train):,} train rows, {len(gt):,} ground-truth rows, "
          f"{matrix.shape[0]:,} x {matrix.shape[1]:,} float32 matrix in {gen_s:.1f} s", flush=True)

    data_dir = Path(tempfile.mkdtemp(prefix="web4rec-bench-"))
    if args.url:
        proc, url = None, args.url.rstrip("/")
    else:
        proc, url = start_server(jar, args.port or free_port(), data_dir, args.xmx)
    results = []
    rss = float("nan")
    tag = uuid.uuid4().hex[:6]
    try:
        client = Web4RecClient(server=url, token=args.token if args.url else None, poll_interval=0.05,
                               max_poll_interval=0.1)
        if not client.token:
            client.signup(f"bench-{uuid.uuid4().hex[:8]}@example.com", "benchmark-password")
        ds = Web4RecDataset(f"ml1m-synthetic-{tag}" if args.url else "ml1m-synthetic").add_train_interaction(train).add_ground_truth(gt)
        t0 = time.perf_counter()
        info = client.register_dataset(ds)
        register_s = time.perf_counter() - t0
        print(f"registered {info.name}: {info.n_users} users, {info.n_items} items, {info.n_train:,} train "
              f"in {register_s:.2f} s", flush=True)
        for r in range(args.repeat):
            t0 = time.perf_counter()
            exp = client.upload_experiment(f"pop-noise-{r}", {"noise": 0.05, "seed": args.seed},
                                           prediction_matrix=matrix, n_candidates=args.n_candidates, wait=True,
                                           timeout=1800)
            wall = time.perf_counter() - t0
            t = dict(client.last_upload_timings)
            results.append({"run": r + 1, "wall_s": wall, "top_n_s": t.get("top_n", 0.0),
                            "encode_s": t.get("encode", 0.0), "upload_s": t.get("upload", 0.0),
                            "compute_s": t.get("compute", 0.0), "ndcg@10": exp.metrics.get("ndcg@10")})
            print(f"run {r + 1}: {wall:.2f} s (ndcg@10 {exp.metrics.get('ndcg@10')})", flush=True)
        if proc is not None:
            rss = peak_rss_mb(proc.pid)
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        if args.keep_data:
            print(f"server data and log kept in {data_dir}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)

    cols = ["wall_s", "top_n_s", "encode_s", "upload_s", "compute_s"]
    header = f"{'run':>6} " + " ".join(f"{c:>10}" for c in cols)
    print()
    print(f"ML-1M scale: {N_USERS} users x {N_ITEMS} items, {N_TRAIN:,} train, n_candidates={args.n_candidates}, "
          f"seed={args.seed}, " + (f"server {url} (running)" if args.url else f"server -Xmx{args.xmx}"))
    print(header)
    print("-" * len(header))
    for row in results:
        print(f"{row['run']:>6} " + " ".join(f"{row[c]:>10.2f}" for c in cols))
    median = {c: statistics.median(r[c] for r in results) for c in cols}
    print(f"{'median':>6} " + " ".join(f"{median[c]:>10.2f}" for c in cols))
    print(f"dataset register: {register_s:.2f} s; server peak RSS (VmHWM): {rss:.0f} MB")
    if args.json:
        Path(args.json).write_text(json.dumps({"runs": results, "median": median, "register_s": register_s,
                                               "peak_rss_mb": rss, "seed": args.seed}, indent=2))


if __name__ == "__main__":
    main()
