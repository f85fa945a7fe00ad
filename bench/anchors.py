#!/usr/bin/env python3
"""Independent implementations ("anchors") timed on the generated files.

    python bench/anchors.py --data bench/out/ml-1m --ks 10,20 --anchor ranx --group accuracy
    python bench/anchors.py --data bench/out/ml-1m --ks 10,20 --anchor recommenders --group diversity

One (anchor, group) per process, so that bench/run_metrics.py can cap each at 10 minutes and still
report the groups that finished. Prints one JSON line per measurement on stdout:
  {"anchor", "group", "phase": "convert"|"warmup", "seconds"}                  input preparation
  {"anchor", "group", "k", "metric", "value", "seconds"}                      one metric at one K
Times start from the files already loaded into memory (the same pyarrow read for every anchor and
for nothing of ours), so they cover the anchor's own input preparation and computation.

Groups:
  ranx:          accuracy      precision, recall, ndcg (Järvelin linear gain = binary here), map,
                               mrr, hit_rate at each K; input given as numba typed lists built from
                               numpy (the fast path)
                 accuracy_df   the same through ranx's documented DataFrame route
                               (Qrels.from_df / Run.from_df, string ids) + evaluate
  recommenders:  accuracy      precision_at_k, recall_at_k, ndcg_at_k, map_at_k (1.2.1)
                 coverage_novelty   catalog_coverage, novelty, distributional_coverage (= our entropy)
                 diversity     diversity, item_sim_measure="item_cooccurrence_count"
                 serendipity   serendipity (col_relevance = ground-truth hit) and, without
                               col_relevance, what we call unexpectedness
                 diversity_emb diversity with item_sim_measure="item_feature_vector" on the item
                               embeddings (a row-wise pandas apply over all item pairs: small scales only)
The lists are the candidates in file order (= METRICS.md order); anchors that sort by a prediction
column get prediction = N - position (N = longest list), so they see exactly our L_u.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import BenchData, load  # noqa: E402

RANX_METRICS = ("precision", "recall", "ndcg", "map", "mrr", "hit_rate")
OUR_NAME = {  # anchor metric -> our metric name (without @K); for the agreement check in run_metrics
    ("ranx", "precision"): "precision", ("ranx", "recall"): "recall", ("ranx", "ndcg"): "ndcg",
    ("ranx", "map"): "map", ("ranx", "mrr"): "mrr", ("ranx", "hit_rate"): "hit_rate",
    ("recommenders", "precision_at_k"): "precision", ("recommenders", "recall_at_k"): "recall",
    ("recommenders", "ndcg_at_k"): "ndcg", ("recommenders", "map_at_k"): "map",
    ("recommenders", "distributional_coverage"): "entropy", ("recommenders", "diversity"): "diversity:cooc", ("recommenders", "serendipity"): "serendipity:cooc",
    ("recommenders", "unexpectedness"): "unexpectedness:cooc", ("recommenders", "diversity_emb"): "diversity:emb",
}
GROUPS = {"ranx": ("accuracy", "accuracy_df"),
          "recommenders": ("accuracy", "coverage_novelty", "diversity", "serendipity", "diversity_emb")}


def emit(**kw):
    print(json.dumps(kw), flush=True)


# ---------------------------------------------------------------------------------------------- ranx
def ranx_typed_lists(d: BenchData, users: np.ndarray = None):
    """(users, qrels, run) as ranx's internal numba typed lists: per user a float64 (n, 2) array of
    (item id, score); the run in our list order with score N - position, qrels with relevance 1."""
    from numba.typed import List
    if users is None:
        users = np.unique(d.gt_user)
    pos = d.cand_position().astype(np.float64)
    c_start = np.searchsorted(d.cand_user, users, "left"); c_stop = np.searchsorted(d.cand_user, users, "right")
    g_order = np.argsort(d.gt_user, kind="stable")
    g_user, g_item = d.gt_user[g_order], d.gt_item[g_order]
    g_start = np.searchsorted(g_user, users, "left"); g_stop = np.searchsorted(g_user, users, "right")
    run_arr = np.column_stack([d.cand_item.astype(np.float64), pos.max() + 1.0 - pos])
    qrel_arr = np.column_stack([g_item.astype(np.float64), np.ones(len(g_item))])
    run, qrels = List(), List()
    for a, b, c, e in zip(c_start, c_stop, g_start, g_stop):
        run.append(run_arr[a:b])
        qrels.append(qrel_arr[c:e])
    return users, qrels, run


def ranx_metric_names(ks):
    return [f"{m}@{k}" for k in ks for m in RANX_METRICS]


def ranx_per_user(qrels, run, ks) -> dict:
    """Per-user values {"ndcg@10": array, ...} in the order of the typed lists."""
    from ranx import evaluate
    return evaluate(qrels, run, ranx_metric_names(ks), return_mean=False)


def ranx_from_df(d: BenchData):
    """ranx's documented route: DataFrames with string ids -> Qrels / Run."""
    from ranx import Qrels, Run
    pos = d.cand_position()
    qdf = pd.DataFrame({"q_id": d.gt_user.astype(str).astype(object), "doc_id": d.gt_item.astype(str).astype(object),
                        "score": np.ones(len(d.gt_user), dtype=np.int64)})
    rdf = pd.DataFrame({"q_id": d.cand_user.astype(str).astype(object),
                        "doc_id": d.cand_item.astype(str).astype(object),
                        "score": (pos.max() + 1.0 - pos).astype(np.float64)})
    return Qrels.from_df(qdf), Run.from_df(rdf)


def _subset(d: BenchData, n_users: int) -> BenchData:
    """The first n_users users of d (for warm-ups)."""
    last = np.unique(d.gt_user)[:n_users][-1]
    c, g, t = d.cand_user <= last, d.gt_user <= last, d.train_user <= last
    return BenchData(d.train_user[t], d.train_item[t], d.gt_user[g], d.gt_item[g], d.cand_user[c], d.cand_item[c],
                     d.cand_score[c], d.items)


def run_ranx(d: BenchData, group: str, ks):
    """Warm-up first (numba compiles ranx's kernels and its typed containers once per process: on a
    50-user subset, reported as phase 'warmup'), then the timed conversion and evaluation."""
    from ranx import evaluate
    names = ranx_metric_names(ks)
    small = _subset(d, 50)
    t0 = time.perf_counter()
    if group == "accuracy":
        _, q, r = ranx_typed_lists(small)
        evaluate(q, r, names)
        emit(anchor="ranx", group=group, phase="warmup", seconds=time.perf_counter() - t0)
        t0 = time.perf_counter()
        users, qrels, run = ranx_typed_lists(d)
        emit(anchor="ranx", group=group, phase="convert", seconds=time.perf_counter() - t0)
        for k in ks:
            for m in RANX_METRICS:
                t0 = time.perf_counter()
                v = evaluate(qrels, run, f"{m}@{k}")
                emit(anchor="ranx", group=group, k=k, metric=m, value=float(v), seconds=time.perf_counter() - t0)
    elif group == "accuracy_df":
        q, r = ranx_from_df(small)
        evaluate(q, r, names)
        emit(anchor="ranx", group=group, phase="warmup", seconds=time.perf_counter() - t0)
        t0 = time.perf_counter()
        qrels, run = ranx_from_df(d)
        emit(anchor="ranx", group=group, phase="convert", seconds=time.perf_counter() - t0)
        for k in ks:
            t0 = time.perf_counter()   # the first evaluate also sorts the run (ranx caches the sorted form)
            res = evaluate(qrels, run, [f"{m}@{k}" for m in RANX_METRICS])
            dt = (time.perf_counter() - t0) / len(RANX_METRICS)
            for m in RANX_METRICS:
                emit(anchor="ranx", group=group, k=k, metric=m, value=float(res[f"{m}@{k}"]), seconds=dt)
    else:
        raise SystemExit(f"unknown ranx group {group}")


# --------------------------------------------------------------------------------------- recommenders
def rec_frames(d: BenchData):
    """rating_true (user, item, rating=1), rating_pred (user, item, prediction = N - position over all
    candidates) and train_df (user, item), in Microsoft Recommenders' default column names."""
    pos = d.cand_position()
    rating_true = pd.DataFrame({"userID": d.gt_user, "itemID": d.gt_item, "rating": np.ones(len(d.gt_user))})
    rating_pred = pd.DataFrame({"userID": d.cand_user, "itemID": d.cand_item,
                                "prediction": (pos.max() + 1.0 - pos).astype(np.float64)})
    train_df = pd.DataFrame({"userID": d.train_user, "itemID": d.train_item})
    return rating_true, rating_pred, train_df


def rec_reco_df(d: BenchData, k: int) -> pd.DataFrame:
    """The top-K lists as reco_df, with a 0/1 'relevance' column (item in GT_u)."""
    m = d.top_k_rows(k)
    u, i = d.cand_user[m], d.cand_item[m]
    width = int(max(d.cand_item.max(), d.gt_item.max())) + 1
    rel = np.isin(u * width + i, d.gt_user * width + d.gt_item).astype(np.float64)
    return pd.DataFrame({"userID": u, "itemID": i, "relevance": rel})


def rec_item_features(d: BenchData) -> pd.DataFrame:
    emb = d.embeddings
    ids = emb.column("item_id").to_numpy()
    mat = np.column_stack([emb.column(f"e{j}").to_numpy() for j in range(emb.num_columns - 1)]).astype(np.float64)
    return pd.DataFrame({"itemID": ids, "features": list(mat)})


def run_recommenders(d: BenchData, group: str, ks):
    warnings.filterwarnings("ignore")  # recommenders 1.2.1 triggers pandas chained-assignment warnings
    from recommenders.evaluation import python_evaluation as pe
    t0 = time.perf_counter()
    if group == "accuracy":
        rating_true, rating_pred, _ = rec_frames(d)
        emit(anchor="recommenders", group=group, phase="convert", seconds=time.perf_counter() - t0)
        for k in ks:
            for fn in (pe.precision_at_k, pe.recall_at_k, pe.ndcg_at_k, pe.map_at_k):
                t0 = time.perf_counter()
                v = fn(rating_true, rating_pred, k=k)
                emit(anchor="recommenders", group=group, k=k, metric=fn.__name__, value=float(v),
                     seconds=time.perf_counter() - t0)
        return
    _, _, train_df = rec_frames(d)
    reco = {k: rec_reco_df(d, k) for k in ks}
    feats = rec_item_features(d) if group == "diversity_emb" else None
    emit(anchor="recommenders", group=group, phase="convert", seconds=time.perf_counter() - t0)
    for k in ks:
        r = reco[k][["userID", "itemID"]]
        calls = {
            "coverage_novelty": [("catalog_coverage", lambda: pe.catalog_coverage(train_df, r)),
                                 ("novelty", lambda: pe.novelty(train_df, r)),
                                 ("distributional_coverage", lambda: pe.distributional_coverage(train_df, r))],
            "diversity": [("diversity", lambda: pe.diversity(train_df, r))],
            "serendipity": [("serendipity", lambda: pe.serendipity(train_df, reco[k], col_relevance="relevance")),
                            ("unexpectedness", lambda: pe.serendipity(train_df, r))],
            "diversity_emb": [("diversity_emb", lambda: pe.diversity(
                train_df, r, item_feature_df=feats, item_sim_measure="item_feature_vector"))],
        }[group]
        for name, call in calls:
            t0 = time.perf_counter()
            v = call()
            emit(anchor="recommenders", group=group, k=k, metric=name, value=float(v),
                 seconds=time.perf_counter() - t0)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="time one anchor group on generated files (JSON lines on stdout)")
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--ks", default="10,20")
    ap.add_argument("--anchor", choices=sorted(GROUPS), required=True)
    ap.add_argument("--group", required=True)
    args = ap.parse_args(argv)
    ks = [int(k) for k in args.ks.split(",")]
    if args.group not in GROUPS[args.anchor]:
        ap.error(f"--group for {args.anchor}: one of {GROUPS[args.anchor]}")
    t0 = time.perf_counter()
    d = load(args.data, embeddings=args.group == "diversity_emb")
    emit(anchor=args.anchor, group=args.group, phase="load", seconds=time.perf_counter() - t0)
    (run_ranx if args.anchor == "ranx" else run_recommenders)(d, args.group, ks)
    return 0


if __name__ == "__main__":
    sys.exit(main())
