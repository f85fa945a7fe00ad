"""The bench harness without a server: generator invariants on `tiny`, and run_metrics' parsing of
the Java runner's JSON line (a fake line: the runner's contract, not its output)."""
from __future__ import annotations

import json

import numpy as np
import pytest

from xc_common import SEED  # noqa: I001  (also puts bench/ on sys.path)
import benchlib
import generate
import run_metrics


def test_generator_invariants(data, tiny_dir):
    cfg = generate.SCALES["tiny"]
    m = json.loads((tiny_dir / "manifest.json").read_text())
    assert (m["users"], m["items"], m["train"]) == (cfg["users"], cfg["items"], cfg["interactions"])
    assert len(data.train_user) == cfg["interactions"]                    # exact count
    pairs = data.train_user * 10**6 + data.train_item
    assert len(np.unique(pairs)) == len(pairs)                              # no duplicate train pairs
    gt_pairs = data.gt_user * 10**6 + data.gt_item
    assert not np.isin(gt_pairs, pairs).any()                               # GT not in the user's train
    _, n_gt = np.unique(data.gt_user, return_counts=True)
    assert n_gt.min() >= 2 and n_gt.max() <= 10 and len(n_gt) == cfg["users"]
    c_pairs = data.cand_user * 10**6 + data.cand_item
    assert not np.isin(c_pairs, pairs).any() and len(np.unique(c_pairs)) == len(c_pairs)
    _, n_c = np.unique(data.cand_user, return_counts=True)
    assert (n_c == 100).all()
    # file order = METRICS.md order: score descending, ties by item id ascending
    order = np.lexsort((data.cand_item, -data.cand_score.astype(np.float64), data.cand_user))
    assert (order == np.arange(len(order))).all()
    g = data.items.column("genres").to_pylist()
    assert all(1 <= len(x) <= 3 and set(x) <= set(generate.GENRES) for x in g)
    assert data.embeddings.num_columns == 1 + generate.EMB_DIM


def test_generator_deterministic(tmp_path, tiny_dir):
    generate.write(generate.generate("tiny", SEED, log=lambda *_: None), tmp_path)
    for f in ("train", "ground_truth", "items", "candidates", "item_embeddings"):
        assert (tmp_path / f"{f}.arrow").read_bytes() == (tiny_dir / f"{f}.arrow").read_bytes(), f


@pytest.mark.parametrize("scale", ["ml-1m", "ml-20m"])
def test_activity_exact_and_bounded(scale):
    cfg = generate.SCALES[scale]
    n = generate.user_activity(np.random.default_rng(1), cfg["users"], cfg["items"], cfg["interactions"],
                               cfg["min_activity"])
    assert n.sum() == cfg["interactions"] and n.min() >= cfg["min_activity"]
    assert n.max() <= generate.MAX_ACTIVITY_SHARE * cfg["items"]


# what a runner may print before its result: log lines, an unrelated object, a truncated line
FAKE_RUNNER_NOISE = ('INFO loading bench/out/tiny\n{"not": "the result"}\n'
                     '{"scale": "tiny", "users": 200, "median_s": 0.4\n')


def test_parse_runner_json():
    good = {"scale": "tiny", "users": 200, "items": 300, "train": 6000, "runs_s": [0.5, 0.4, 0.45],
            "median_s": 0.45, "phases_s": {"load": 0.1, "prepare": 0.1, "accuracy": 0.05, "beyond": 0.2},
            "heap_peak_mb": 300, "metrics": {"ndcg@10": 0.2, "diversity@10:cooc": 0.8}}
    stdout = FAKE_RUNNER_NOISE + json.dumps(good) + "\n"
    assert run_metrics.parse_runner_json(stdout) == good
    with pytest.raises(ValueError):
        run_metrics.parse_runner_json("no json here\n{\"median\": 1}\n")


def test_agreement_relations():
    manifest = {"items": 300, "items_with_train": 250, "train": 6000, "users": 200}
    ours = {"ndcg@10": 0.2, "coverage@10": 0.5, "novelty@10": 3.0, "diversity@10:cooc": 0.8}
    anchor = {"anchor": "recommenders", "metrics": [
        {"metric": "ndcg_at_k", "k": 10, "value": 0.2},
        {"metric": "catalog_coverage", "k": 10, "value": 0.5 * 300 / 250},
        {"metric": "diversity", "k": 10, "value": 0.8}]}
    rows = run_metrics.agreement(ours, anchor, manifest)
    assert {r["metric"] for r in rows} == {"ndcg@10", "coverage@10", "diversity@10:cooc"}
    assert max(r["abs_diff"] for r in rows) < 1e-12
    # novelty's relation needs every item in train: not claimed otherwise
    anchor = {"anchor": "recommenders", "metrics": [{"metric": "novelty", "k": 10, "value": 1.0}]}
    assert run_metrics.agreement(ours, anchor, manifest) == []
    manifest["items_with_train"] = 300
    (row,) = run_metrics.agreement(ours, {"anchor": "recommenders", "metrics": [
        {"metric": "novelty", "k": 10, "value": 3.0 + np.log2(6000 / 200)}]}, manifest)
    assert row["abs_diff"] < 1e-12


def test_run_child_caps(tmp_path):
    import sys
    r = benchlib.run_child([sys.executable, "-c", "import time; print('{\"a\": 1}'); time.sleep(30)"], timeout_s=1)
    assert r.timed_out and r.json_lines() == [{"a": 1}] and r.wall_s < 10
    r = benchlib.run_child([sys.executable, "-c", "b = bytearray(400 << 20); import time; time.sleep(30)"],
                           timeout_s=20, mem_cap_mb=200)
    assert r.killed_for_memory and not r.timed_out
    r = benchlib.run_child([sys.executable, "-c", "b = bytearray(300 << 20); b[::4096] = b'x' * len(b[::4096])"],
                           timeout_s=20)
    assert r.returncode == 0 and r.peak_rss_mb > 300
