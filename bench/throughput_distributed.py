#!/usr/bin/env python3
"""Benchmark: metrics throughput of the distributed mode with 1 and 2 metrics workers.

Needs a running distributed deployment WITHOUT metrics workers, so that uploads queue up on Kafka:

    ./web4rec up --distributed --metrics-workers 0 &        # gateway, ingest, rerank, metrics API
    .venv/bin/python bench/throughput_distributed.py --url http://localhost:8080 --workers 1,2,1,2

It registers the synthetic ML-1M-scale dataset of upload_ml1m.py once, then for each entry of
``--workers``: uploads ``--experiments`` (20) experiments (they wait on Kafka, status ``uploaded``),
starts that many metrics worker processes (``web4rec-server.jar service metrics`` with
data-distributed/config/metrics-worker.properties and the secrets of data-distributed/secrets.env),
and times until every experiment is ready; then stops the workers. It reports the time from
starting the workers (JVM start and Kafka group join included) and from the first job's start to
the last ready (the steady-state throughput), per run and as medians per worker count.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

import requests

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "clients" / "python"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from upload_ml1m import prediction_matrix, synthetic_ml1m  # noqa: E402
from web4rec import Web4Rec, Web4RecClient, Web4RecDataset  # noqa: E402


def secrets(dist: Path) -> dict:
    env = {}
    for line in (dist / "secrets.env").read_text().splitlines():
        line = line.strip()
        if line.startswith("export "):
            k, _, v = line[len("export "):].partition("=")
            env[k] = v
    return env


def statuses(url: str, token: str, dataset: str) -> dict:
    r = requests.get(f"{url}/api/v1/datasets/{dataset}/experiments",
                     headers={"Authorization": f"Bearer {token}"}, timeout=30)
    r.raise_for_status()
    return {e["name"]: e["status"] for e in r.json()["experiments"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", default="http://localhost:8080")
    ap.add_argument("--dist-dir", default=str(REPO_ROOT / "data-distributed"))
    ap.add_argument("--server-jar", default=str(REPO_ROOT / "launcher" / "target" / "web4rec-server.jar"))
    ap.add_argument("--workers", default="1,2", help="worker counts, one run each (default %(default)s)")
    ap.add_argument("--experiments", type=int, default=20)
    ap.add_argument("--xmx", default="2g", help="heap of each worker (default %(default)s)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--cpus-per-worker", type=int, default=0,
                    help="give each worker JVM this many CPUs (-XX:ActiveProcessorCount), as a pod's CPU"
                         " limit would; 0: every core of the machine (default)")
    args = ap.parse_args()
    url = args.url.rstrip("/")
    dist = Path(args.dist_dir)
    env = dict(os.environ)
    env.update(secrets(dist))
    config = dist / "config" / "metrics-worker.properties"

    Web4Rec.progress = False
    train, gt = synthetic_ml1m(args.seed)
    matrix = prediction_matrix(train, args.seed)
    client = Web4RecClient(server=url, poll_interval=0.2)
    token = client.signup(f"tput-{uuid.uuid4().hex[:8]}@example.com", "benchmark-password")
    name = f"ml1m-tput-{uuid.uuid4().hex[:6]}"
    client.register_dataset(Web4RecDataset(name).add_train_interaction(train).add_ground_truth(gt))
    print(f"registered {name}", flush=True)

    runs = []
    for run, w in enumerate(int(x) for x in args.workers.split(",")):
        names = [f"r{run}-e{i}" for i in range(args.experiments)]
        for n in names:
            client.upload_experiment(n, {"run": run}, prediction_matrix=matrix, dataset_name=name,
                                     n_candidates=100, wait=False)
        queued = statuses(url, token, name)
        assert all(queued[n] == "uploaded" for n in names), "workers are running: start with --metrics-workers 0"
        print(f"run {run + 1}: {len(names)} experiments queued; starting {w} worker(s)", flush=True)
        t0 = time.perf_counter()
        procs = []
        for k in range(w):
            log = open(dist / "logs" / f"bench-worker-{run}-{k}.log", "wb")
            procs.append(subprocess.Popen(
                ["java", "--add-opens=java.base/java.nio=ALL-UNNAMED", f"-Xmx{args.xmx}"]
                + ([f"-XX:ActiveProcessorCount={args.cpus_per_worker}"] if args.cpus_per_worker else [])
                + ["-jar", args.server_jar, "service", "metrics", "--config", str(config)],
                env=env, stdout=log, stderr=subprocess.STDOUT))
        first = None
        try:
            while True:
                s = statuses(url, token, name)
                mine = [s[n] for n in names]
                if first is None and any(x != "uploaded" for x in mine):
                    first = time.perf_counter()
                if all(x in ("ready", "failed") for x in mine):
                    break
                if any(p.poll() is not None for p in procs):
                    raise SystemExit("a worker exited; see data-distributed/logs/bench-worker-*.log")
                time.sleep(0.2)
            done = time.perf_counter()
        finally:
            for p in procs:
                p.terminate()
            for p in procs:
                try:
                    p.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    p.kill()
        failed = sum(1 for n in names if s[n] == "failed")
        row = {"workers": w, "total_s": done - t0, "steady_s": done - (first or t0), "failed": failed}
        runs.append(row)
        print(f"run {run + 1}: {w} worker(s): all ready {row['total_s']:.1f} s after starting them, "
              f"{row['steady_s']:.1f} s from the first job ({args.experiments / row['steady_s']:.2f} exp/s)"
              + (f", {failed} FAILED" if failed else ""), flush=True)

    print()
    print(f"{args.experiments} queued ML-1M-scale experiments (n_candidates=100), workers -Xmx{args.xmx}"
          + (f", {args.cpus_per_worker} CPU(s) each" if args.cpus_per_worker else ", all cores each"))
    print(f"{'workers':>8} {'runs':>5} {'median total s':>15} {'median steady s':>16} {'exp/s':>7}")
    for w in sorted({r["workers"] for r in runs}):
        rs = [r for r in runs if r["workers"] == w]
        tot = statistics.median(r["total_s"] for r in rs)
        st = statistics.median(r["steady_s"] for r in rs)
        print(f"{w:>8} {len(rs):>5} {tot:>15.1f} {st:>16.1f} {args.experiments / st:>7.2f}")


if __name__ == "__main__":
    main()
