#!/usr/bin/env python3
"""Reproducible synthetic recommender data at named scales, written as Arrow IPC streams.

    python bench/generate.py --scale ml-1m --out bench/out/ml-1m [--seed 42]

Files (all Arrow IPC *stream* format, uncompressed):
  train.arrow            user_id int64, item_id int64            (no duplicate pairs, grouped by user)
  ground_truth.arrow     user_id int64, item_id int64            (2-10 per user, none in the user's train)
  items.arrow            item_id int64, genres list<utf8>        (1-3 of 18 genre names per item)
  candidates.arrow       user_id int64, item_id int64, score float32
                         (top-100 per user, train items excluded, score descending within a user)
  item_embeddings.arrow  item_id int64, e0..e63 float32
  manifest.json          scale, seed, counts, generator version, timings

Model of the data (vectorised numpy; users processed in fixed-size blocks, each block with its own
generator seeded from (seed, pass, block), so the same seed gives byte-identical files on any machine
and with any --workers):
  * items get a Zipf-like popularity weight w_i = (rank_i + 10)^-1 (ranks randomly assigned to ids)
    and a latent vector V_i (64-dim); users get a latent vector U_u and a power-law activity n_u
    (Pareto weights, at least `min_activity`, capped at 30% of the catalogue) whose sum is exactly
    the scale's interaction count.
  * a user's "true" preference logit is log w_i + <U_u, V_i>. Each user draws n_u + g_u distinct
    items without replacement from softmax(logit) (Gumbel/exponential-race top-k); g_u ~ U{2..10} of
    them, chosen at random, become the ground truth, the rest the train interactions. Ground truth
    is thus drawn by popularity (and taste), so popularity-aware models score.
  * the "model" that produced the candidates scores a*z(log(train pop + 1)) + <U'_u, V'_i> with
    noisy factor estimates U' = U + noise, V' = V + noise; train items are masked, the top 100 are
    kept. The item embeddings are V' (what the model learnt), the genres are drawn from V too, so
    every similarity source (cooc, genre, emb) is related to the lists.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.ipc as ipc

GENERATOR_VERSION = "2"
GENRES = ["Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama",
          "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War",
          "Western"]
SCALES = {
    # name: users, items, train interactions, minimum activity per user
    "tiny": dict(users=200, items=300, interactions=6_000, min_activity=5),
    "ml-100k": dict(users=943, items=1_682, interactions=100_000, min_activity=20),
    "ml-1m": dict(users=6_040, items=3_706, interactions=1_000_000, min_activity=20),
    "ml-20m": dict(users=138_493, items=26_744, interactions=20_000_000, min_activity=20),
}
N_CANDIDATES = 100
EMB_DIM = 64
GT_MIN, GT_MAX = 2, 10
MAX_ACTIVITY_SHARE = 0.30      # no user has more than 30% of the catalogue in train
BLOCK_ELEMENTS = 1 << 21       # users per block = BLOCK_ELEMENTS // n_items (fixed: part of the determinism).
# Small enough (8-16 MB work arrays) for glibc to recycle freed blocks instead of mapping fresh pages.
TASTE_STD = 1.5                # std of <U, V> in the true preference
MODEL_NOISE = 0.8              # relative noise of the model's factor estimates
MODEL_POP_WEIGHT = 0.6         # weight of standardised log train popularity in the model score


def user_activity(rng: np.random.Generator, n_users: int, n_items: int, total: int, min_act: int) -> np.ndarray:
    """Power-law activity per user, each in [min_act, cap], summing exactly to total."""
    cap = max(min_act, int(MAX_ACTIVITY_SHARE * n_items))
    if not n_users * min_act <= total <= n_users * cap:
        raise ValueError(f"cannot spread {total} interactions over {n_users} users within [{min_act}, {cap}]")
    w = rng.pareto(1.3, n_users)                 # Lomax/Pareto II (alpha=1.3) weights from 0, heavy tail
    extra_total = total - n_users * min_act
    extra_cap = cap - min_act
    alloc = np.zeros(n_users)
    free = np.ones(n_users, dtype=bool)
    remaining = float(extra_total)
    for _ in range(100):                          # water-filling: capped users give their excess to the rest
        share = remaining * w * free / w[free].sum()
        new = alloc + share
        over = new > extra_cap
        if not over.any():
            alloc = new
            break
        alloc = np.where(over, extra_cap, new)
        free &= ~over
        remaining = extra_total - alloc.sum()
    base = np.floor(alloc).astype(np.int64)
    short = extra_total - int(base.sum())
    if short:                                     # hand out the rounding remainder by largest fraction
        frac = np.where(base < extra_cap, alloc - base, -1.0)
        base[np.argsort(-frac, kind="stable")[:short]] += 1
    n = base + min_act
    assert int(n.sum()) == total and n.min() >= min_act and n.max() <= cap
    return n


def top_k_rows(keys: np.ndarray, k: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per row r, the column indices of its k[r] largest keys in descending key order, equal keys by
    column index ascending (= item id ascending, the order METRICS.md prescribes for ties).
    Returns (idx, mask): idx is (rows, max k), mask marks the valid entries."""
    kmax = int(k.max())
    n_cols = keys.shape[1]
    if kmax < n_cols:
        part = np.sort(np.argpartition(keys, n_cols - kmax, axis=1)[:, n_cols - kmax:], axis=1)
    else:
        part = np.broadcast_to(np.arange(n_cols), keys.shape).copy()
    part_keys = np.take_along_axis(keys, part, axis=1)
    order = np.argsort(-part_keys, axis=1, kind="stable")
    idx = np.take_along_axis(part, order, axis=1)
    mask = np.arange(kmax)[None, :] < k[:, None]
    return idx, mask


_SHARED: dict = {}   # read-only arrays of the current generation, inherited by forked workers


def _map(fn, tasks, workers: int):
    """Ordered map over blocks, in-process or in forked workers (the result does not depend on which:
    every block seeds its own generator from (seed, pass, block index))."""
    if workers <= 1 or len(tasks) < 2:
        return [fn(t) for t in tasks]
    import multiprocessing as mp
    with mp.get_context("fork").Pool(workers) as pool:
        return pool.map(fn, tasks, chunksize=max(1, len(tasks) // (8 * workers)))


def _draw_block(task):
    b, users = task
    S = _SHARED
    rng = np.random.default_rng([S["seed"], 1, b])
    logits = S["U"][users] @ S["V"].T
    logits += S["log_w"]
    # key = logit - log(E), E ~ Exp(1): the top-k keys are a weighted sample without replacement
    e = rng.standard_exponential(size=logits.shape, dtype=np.float32)
    np.maximum(e, np.float32(1e-30), out=e)   # E = 0 would give an infinite key
    np.log(e, out=e)
    logits -= e
    del e
    idx, mask = top_k_rows(logits, S["k_all"][users])
    del logits
    # which of the drawn items become ground truth: g_u random positions among the first k_u
    r = rng.random(idx.shape, dtype=np.float32)
    r[~mask] = 2.0
    pos_rank = np.argsort(np.argsort(r, axis=1, kind="stable"), axis=1, kind="stable")
    is_gt = pos_rank < S["n_gt"][users, None]
    rows = np.broadcast_to(users[:, None], idx.shape)
    tr = mask & ~is_gt
    return rows[tr], idx[tr], rows[is_gt], idx[is_gt]


def _score_block(task):
    start, stop = task
    S = _SHARED
    scores = S["U_hat"][start:stop] @ S["V_hat"].T
    scores += S["pop_feature"]
    lo, hi = S["user_start"][start], S["user_start"][stop]
    scores[S["train_u"][lo:hi] - start, S["train_i"][lo:hi]] = -np.inf
    idx, _ = top_k_rows(scores, np.full(stop - start, N_CANDIDATES))
    return idx.ravel(), np.take_along_axis(scores, idx, axis=1).ravel()


def generate(scale: str, seed: int = 42, log=print, workers: int = 1) -> dict:
    cfg = SCALES[scale]
    n_users, n_items, total, min_act = cfg["users"], cfg["items"], cfg["interactions"], cfg["min_activity"]
    rng = np.random.default_rng(seed)
    t0 = time.perf_counter()

    # items: popularity rank -> Zipf-like weight; ids 1..n_items in random order of popularity
    rank = rng.permutation(n_items)               # rank of item index j (0 = most popular)
    log_w = (-1.0 * np.log(rank + 10.0)).astype(np.float32)
    sigma = (TASTE_STD ** 2 / EMB_DIM) ** 0.25
    V = (rng.standard_normal((n_items, EMB_DIM), dtype=np.float32) * sigma)
    U = (rng.standard_normal((n_users, EMB_DIM), dtype=np.float32) * sigma)
    item_ids = np.arange(1, n_items + 1, dtype=np.int64)
    user_ids = np.arange(1, n_users + 1, dtype=np.int64)

    n_train = user_activity(rng, n_users, n_items, total, min_act)
    n_gt = rng.integers(GT_MIN, GT_MAX + 1, n_users)

    # model estimates (noisy factors) and item side data
    V_hat = V + rng.standard_normal(V.shape, dtype=np.float32) * (sigma * MODEL_NOISE)
    U_hat = U + rng.standard_normal(U.shape, dtype=np.float32) * (sigma * MODEL_NOISE)
    genre_proj = rng.standard_normal((EMB_DIM, len(GENRES)), dtype=np.float32)
    genre_keys = V @ genre_proj / sigma + rng.gumbel(size=(n_items, len(GENRES))).astype(np.float32)
    n_genres = rng.choice([1, 2, 3], n_items, p=[0.45, 0.35, 0.20])
    g_idx, g_mask = top_k_rows(genre_keys, n_genres)

    # pass 1: per block of users, draw train + ground truth without replacement (exponential races).
    # Users go in order of activity so a block's rows have similar k (the (rows, max k) work arrays stay small).
    block = max(1, BLOCK_ELEMENTS // n_items)
    k_all = n_train + n_gt
    by_k = np.argsort(k_all, kind="stable")
    _SHARED.update(seed=seed, U=U, V=V, log_w=log_w, k_all=k_all, n_gt=n_gt)
    tasks = [(b, by_k[start:start + block]) for b, start in enumerate(range(0, n_users, block))]
    parts = _map(_draw_block, tasks, workers)
    train_u = np.concatenate([p[0] for p in parts]); train_i = np.concatenate([p[1] for p in parts])
    gt_u = np.concatenate([p[2] for p in parts]); gt_i = np.concatenate([p[3] for p in parts])
    del parts
    order = np.argsort(train_u, kind="stable")    # group by user (drawn order kept within a user)
    train_u, train_i = train_u[order], train_i[order]
    order = np.argsort(gt_u, kind="stable")
    gt_u, gt_i = gt_u[order], gt_i[order]
    del order
    t_draw = time.perf_counter() - t0
    log(f"[generate] {scale}: drew {len(train_u):,} train + {len(gt_u):,} ground-truth rows in {t_draw:.1f} s")

    # pass 2: the model's scores, train items masked, top-100 per user (users in id order)
    pop = np.bincount(train_i, minlength=n_items).astype(np.float32)
    lp = np.log1p(pop)
    pop_feature = (MODEL_POP_WEIGHT * TASTE_STD * (lp - lp.mean()) / (lp.std() + 1e-12)).astype(np.float32)
    user_start = np.searchsorted(train_u, np.arange(n_users + 1))   # train rows are grouped by user
    _SHARED.update(U_hat=U_hat, V_hat=V_hat, pop_feature=pop_feature, train_u=train_u, train_i=train_i,
                   user_start=user_start)
    parts = _map(_score_block, [(start, min(n_users, start + block)) for start in range(0, n_users, block)],
                 workers)
    cand_i = np.concatenate([p[0] for p in parts]); cand_s = np.concatenate([p[1] for p in parts])
    cand_u = np.repeat(np.arange(n_users), N_CANDIDATES)
    del parts
    _SHARED.clear()
    assert np.isfinite(cand_s).all(), "a user has fewer than 100 non-train items"
    t_model = time.perf_counter() - t0 - t_draw
    log(f"[generate] {scale}: scored and cut {len(cand_u):,} candidate rows in {t_model:.1f} s")

    tables = {
        "train": pa.table({"user_id": user_ids[train_u], "item_id": item_ids[train_i]}),
        "ground_truth": pa.table({"user_id": user_ids[gt_u], "item_id": item_ids[gt_i]}),
        "items": pa.table({"item_id": item_ids, "genres": genre_lists(g_idx, g_mask)}),
        "candidates": pa.table({"user_id": user_ids[cand_u], "item_id": item_ids[cand_i],
                                "score": pa.array(cand_s.astype(np.float32))}),
        "item_embeddings": pa.table({"item_id": item_ids,
                                     **{f"e{d}": pa.array(V_hat[:, d]) for d in range(EMB_DIM)}}),
    }
    info = {
        "scale": scale, "seed": seed, "generator_version": GENERATOR_VERSION,
        "users": n_users, "items": n_items, "train": int(len(train_u)), "ground_truth": int(len(gt_u)),
        "candidates": int(len(cand_u)), "candidates_per_user": N_CANDIDATES, "embedding_dim": EMB_DIM,
        "genres": GENRES, "items_with_train": int((pop > 0).sum()),
        "max_item_popularity": int(pop.max()), "max_user_activity": int(n_train.max()),
        "seconds": {"draw": round(t_draw, 2), "model": round(t_model, 2)},
    }
    return {"tables": tables, "manifest": info}


def genre_lists(g_idx: np.ndarray, g_mask: np.ndarray) -> pa.Array:
    names = np.array(GENRES, dtype=object)
    counts = g_mask.sum(axis=1)
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int32)
    values = pa.array(names[g_idx[g_mask]].tolist(), type=pa.utf8())
    return pa.ListArray.from_arrays(pa.array(offsets), values)


def write_stream(table: pa.Table, path: Path) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    with pa.OSFile(str(tmp), "wb") as sink, ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table, max_chunksize=1 << 20)
    os.replace(tmp, path)


def write(result: dict, out: Path) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    for name, table in result["tables"].items():
        write_stream(table, out / f"{name}.arrow")
    manifest = dict(result["manifest"])
    manifest["seconds"]["write"] = round(time.perf_counter() - t0, 2)
    manifest["files"] = {f"{name}.arrow": (out / f"{name}.arrow").stat().st_size for name in result["tables"]}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def is_complete(out: Path, scale: str, seed: int) -> bool:
    """True when `out` holds a finished generation of this scale, seed and generator version."""
    try:
        m = json.loads((out / "manifest.json").read_text())
    except (OSError, ValueError):
        return False
    return (m.get("scale") == scale and m.get("seed") == seed and m.get("generator_version") == GENERATOR_VERSION
            and all((out / f).is_file() for f in m.get("files", {})))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", required=True, choices=sorted(SCALES))
    ap.add_argument("--out", type=Path, help="output directory (default bench/out/<scale>)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1),
                    help="processes for the per-block work (the output does not depend on it)")
    args = ap.parse_args(argv)
    out = args.out or Path(__file__).resolve().parent / "out" / args.scale
    t0 = time.perf_counter()
    manifest = write(generate(args.scale, args.seed, workers=args.workers), out)
    print(f"[generate] wrote {out} in {time.perf_counter() - t0:.1f} s: "
          f"{manifest['users']:,} users, {manifest['items']:,} items, {manifest['train']:,} train, "
          f"{manifest['ground_truth']:,} ground truth, {manifest['candidates']:,} candidates", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
