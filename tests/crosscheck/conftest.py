"""Fixtures of the cross-check: a real Web4Rec server, the `tiny` synthetic scale, and one experiment
uploaded through the SDK whose metrics are then compared with ranx and Microsoft Recommenders.

Server jar: $WEB4REC_SERVER_JAR, else <repo>/launcher/target/web4rec-server.jar; started by the SDK's
web4rec.testing, as for the SDK's own integration tests. Without a jar the server tests are skipped,
or fail when WEB4REC_REQUIRE_SERVER=1.
"""
from __future__ import annotations

import shutil
import tempfile
import uuid
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from web4rec.testing import server_url_for_pytest

from xc_common import KS, REPO_ROOT, SEED  # noqa: E402  (also puts bench/ on sys.path)

import benchlib  # noqa: E402
import generate  # noqa: E402

DEFAULT_JAR = REPO_ROOT / "launcher" / "target" / "web4rec-server.jar"
READY_TIMEOUT_S = 90
WAIT_S = 180


@pytest.fixture(scope="session")
def tiny_dir():
    """The `tiny` scale generated into a temp dir (the same files bench/run_metrics.py would use)."""
    d = Path(tempfile.mkdtemp(prefix="w4r-xc-data-"))
    generate.write(generate.generate("tiny", SEED, log=lambda *_: None), d)
    yield d
    shutil.rmtree(d, ignore_errors=True)


@pytest.fixture(scope="session")
def data(tiny_dir) -> benchlib.BenchData:
    return benchlib.load(tiny_dir, embeddings=True)


@pytest.fixture(scope="session")
def server_url():
    yield from server_url_for_pytest(DEFAULT_JAR, max_upload_mb=64, ready_timeout_s=READY_TIMEOUT_S,
                                 prefix="w4r-xc-server-")


def frames(d: benchlib.BenchData):
    """The tiny scale as the SDK's DataFrames."""
    train = pd.DataFrame({"user_id": d.train_user, "item_id": d.train_item})
    gt = pd.DataFrame({"user_id": d.gt_user, "item_id": d.gt_item})
    items = d.items.to_pandas()
    items["genres"] = items["genres"].map(list)
    recs = pd.DataFrame({"user_id": d.cand_user, "item_id": d.cand_item, "score": d.cand_score.astype(np.float64)})
    emb = d.embeddings
    emb_df = pd.DataFrame({c: emb.column(c).to_numpy() for c in emb.column_names if c != "item_id"},
                          index=pd.Index(emb.column("item_id").to_numpy(), name="item_id"))
    return train, gt, items, recs, emb_df


@pytest.fixture(scope="session")
def server_result(server_url, data):
    """Register the tiny dataset (with genres), upload its candidates with the item embeddings, wait,
    and fetch the experiment row (Web4Rec.experiments()) and the per-user table."""
    from web4rec import Web4Rec, Web4RecDataset
    Web4Rec.progress = False
    Web4Rec.signup(email=f"xc-{uuid.uuid4().hex[:8]}@example.org", password="crosscheck-pw", server=server_url)
    train, gt, items, recs, emb_df = frames(data)
    name = f"xc-tiny-{uuid.uuid4().hex[:6]}"
    ds = Web4RecDataset(dataset_name=name)
    ds.add_train_interaction(train).add_ground_truth(gt).add_item_side(items)
    info = Web4Rec.register_dataset(ds)
    Web4Rec.upload_experiment(experiment_name="tiny-model", recommendations=recs, dataset_name=name,
                              n_candidates=100, ks=list(KS), item_embeddings=emb_df, timeout=WAIT_S)
    exps = Web4Rec.experiments(dataset_name=name)
    row = exps.set_index("experiment_name").loc["tiny-model"]
    per_user = Web4Rec.metrics_per_user("tiny-model", dataset_name=name)
    return {"dataset": info, "row": row, "per_user": per_user.set_index("user_id").sort_index()}
