"""End-to-end against a real server (see conftest.py): the whole flow, metric values checked by
hand, and every bad input answering the right error class with a useful message."""
import math
import uuid
from unittest import mock

import numpy as np
import pandas as pd
import pytest

from web4rec import (AuthenticationError, ConflictError, ExperimentHandle, NotFoundError, PayloadTooLargeError,
                     ValidationError, Web4Rec, Web4RecClient, Web4RecDataset)

pytestmark = pytest.mark.integration

N_USERS, N_ITEMS, N_TRAIN_PER_USER, N_GT_PER_USER = 40, 60, 8, 3
USERS_WITH_GT = list(range(1, 36))  # users 36..40 have no ground truth
WAIT_S = 90  # metrics of these toy datasets take well under a second
GENRES = ["Action", "Comedy", "Drama", "Horror", "Romance"]


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def make_toy(seed: int = 1):
    rng = np.random.default_rng(seed)
    train, gt = [], []
    for u in range(1, N_USERS + 1):
        items = rng.choice(np.arange(1, N_ITEMS + 1), N_TRAIN_PER_USER + N_GT_PER_USER, replace=False)
        train += [(u, int(i), float(rng.integers(1, 6)), 1_000_000 + int(i)) for i in items[:N_TRAIN_PER_USER]]
        if u in USERS_WITH_GT:
            gt += [(u, int(i)) for i in items[N_TRAIN_PER_USER:]]
    train = pd.DataFrame(train, columns=["user_id", "item_id", "rating", "timestamp"])
    gt = pd.DataFrame(gt, columns=["user_id", "item_id"])
    users = pd.DataFrame({"user_id": np.arange(1, N_USERS + 1),
                          "gender": rng.choice(["F", "M"], N_USERS),
                          "age": rng.integers(18, 70, N_USERS),
                          # a '|'-separated utf8 column is multi-valued too
                          "languages": ["|".join(rng.choice(["en", "fr", "de"], rng.integers(1, 3), replace=False))
                                        for _ in range(N_USERS)]})
    genres = [list(rng.choice(GENRES, rng.integers(1, 3), replace=False)) for _ in range(N_ITEMS)]
    items = pd.DataFrame({"item_id": np.arange(1, N_ITEMS + 1), "genres": genres,
                          "year": rng.integers(1950, 2020, N_ITEMS),
                          "title": [f"Movie {i}" for i in range(1, N_ITEMS + 1)]})
    return train, gt, users, items


def score_matrix(seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    # coarse scores -> many ties, so the tie order matters for the metric values
    scores = (rng.integers(0, 8, size=(N_USERS, N_ITEMS)) / 8).astype(np.float32)
    return pd.DataFrame(scores, index=np.arange(1, N_USERS + 1), columns=np.arange(1, N_ITEMS + 1))


def lists_by_hand(candidates: pd.DataFrame, train: pd.DataFrame, n: int = 10**9) -> dict:
    """METRICS.md 'Preparing lists' written out plainly: drop train items, order by score desc,
    ties by numeric item id asc."""
    seen = set(zip(train.user_id, train.item_id))
    lists = {}
    for u, grp in candidates.groupby("user_id"):
        rows = [(float(s), int(i)) for i, s in zip(grp.item_id, grp.score) if (u, i) not in seen]
        rows.sort(key=lambda r: (-r[0], r[1]))
        lists[int(u)] = [i for _, i in rows[:n]]
    return lists


def matrix_as_long(m: pd.DataFrame) -> pd.DataFrame:
    long = m.stack().reset_index()
    long.columns = ["user_id", "item_id", "score"]
    return long


def by_hand(lists: dict, gt: pd.DataFrame, k: int) -> pd.DataFrame:
    rows = []
    for u, grp in gt.groupby("user_id"):
        rel = set(grp.item_id)
        top = lists.get(int(u), [])[:k]
        hits = [1.0 if i in rel else 0.0 for i in top]
        dcg = sum(h / math.log2(r + 2) for r, h in enumerate(hits))
        idcg = sum(1 / math.log2(r + 2) for r in range(min(k, len(rel))))
        rows.append({"user_id": int(u), f"recall@{k}": sum(hits) / len(rel), f"precision@{k}": sum(hits) / k,
                     f"ndcg@{k}": dcg / idcg})
    return pd.DataFrame(rows).set_index("user_id").sort_index()


@pytest.fixture(scope="module")
def toy():
    return make_toy()


@pytest.fixture(scope="module")
def account(server_url):
    token = Web4Rec.signup(email=f"{unique('alice')}@example.com", password="correct-horse", server=server_url)
    return server_url, token


@pytest.fixture(scope="module")
def registered(account, toy):
    """A client with the toy dataset registered (used by the error tests)."""
    url, token = account
    client = Web4RecClient(server=url, token=token)
    train, gt, users, items = toy
    ds = (Web4RecDataset(unique("toy")).add_train_interaction(train).add_ground_truth(gt)
          .add_user_side(users).add_item_side(items))
    client.register_dataset(ds)
    return client, ds.dataset_name


def experiment_names(client, dataset_name):
    return set(client.experiments(dataset_name)["experiment_name"])


# ----------------------------------------------------------------------------- the whole flow
def test_whole_flow(account, toy):
    url, token = account
    me = Web4Rec.login(token=token, server=url)
    assert "@example.com" in me["user"]["email"]
    train, gt, users, items = toy
    items = items.assign(genres=["|".join(g) if i % 2 else g for i, g in enumerate(items.genres)])  # both forms

    ds = Web4RecDataset(dataset_name=unique("flow"))
    ds.add_train_interaction(train)
    ds.add_ground_truth(gt)
    ds.add_user_side(users)
    ds.add_item_side(items)
    info = Web4Rec.register_dataset(ds)
    assert info.name == ds.dataset_name
    assert (info.n_users, info.n_items, info.n_train, info.n_ground_truth) == (N_USERS, N_ITEMS, len(train), len(gt))
    assert info.n_users_with_ground_truth == len(USERS_WITH_GT)
    assert info.id_type == "int"
    kinds = {c["name"]: c["kind"] for c in info.item_columns}
    assert kinds["genres"] == "multi" and kinds["year"] == "numeric" and kinds["title"] == "categorical"
    ukinds = {c["name"]: c["kind"] for c in info.user_columns}
    assert ukinds == {"gender": "categorical", "age": "numeric", "languages": "multi"}
    assert ds.dataset_name in set(Web4Rec.datasets()["name"])

    # 1) a full score matrix, top-N client side (dataset_name omitted: one dataset in this session)
    m = score_matrix(seed=2)
    exp1 = Web4Rec.upload_experiment(experiment_name="BPR-MF",
                                     hyper_parameters={"negative_sampler": "popularity", "embedding_size": 16},
                                     prediction_matrix=m, n_candidates=20, ks=[5, 10], wait=True,
                                     timeout=WAIT_S)
    assert exp1.status == "ready" and exp1.name == "BPR-MF"
    want1 = pd.concat([by_hand(lists_by_hand(matrix_as_long(m), train), gt, k) for k in (5, 10)], axis=1)
    for metric in ("recall@5", "precision@5", "ndcg@5", "recall@10", "ndcg@10"):
        assert exp1.metrics[metric] == pytest.approx(want1[metric].mean(), abs=1e-9), metric

    # 2) already-ranked candidates without a rank column, some users without a list (they score 0)
    m2 = score_matrix(seed=3)
    recs = matrix_as_long(m2)
    recs = recs[recs.user_id > 5].reset_index(drop=True)
    exp2 = Web4Rec.upload_experiment(experiment_name="Pop", hyper_parameters={"negative_sampler": "uniform"},
                                     recommendations=recs, dataset_name=ds.dataset_name, n_candidates=100,
                                     ks=[5, 10], timeout=WAIT_S)
    want2 = by_hand(lists_by_hand(recs, train), gt, 5)
    assert exp2.metrics["recall@5"] == pytest.approx(want2["recall@5"].mean(), abs=1e-9)
    assert want2.loc[[1, 2, 3], "recall@5"].eq(0).all()

    # 3) wait=False returns a handle
    handle = Web4Rec.upload_experiment(experiment_name="BPR-MF-async", hyper_parameters={"embedding_size": 32},
                                       prediction_matrix=m, n_candidates=20, ks=[5, 10], wait=False)
    assert isinstance(handle, ExperimentHandle) and handle.name == "BPR-MF-async"
    assert handle.status() in ("uploaded", "computing", "ready")
    done = handle.wait(timeout=WAIT_S)
    assert done.status == "ready" and handle.status() == "ready"
    assert done.metrics["ndcg@10"] == pytest.approx(exp1.metrics["ndcg@10"], abs=1e-12)

    table = Web4Rec.experiments()
    assert sorted(table["experiment_name"]) == ["BPR-MF", "BPR-MF-async", "Pop"]
    assert table["experiment_name"].is_unique
    for col in ("status", "negative_sampler", "embedding_size", "ndcg@10", "recall@5", "precision@10"):
        assert col in table.columns, col
    row = table.set_index("experiment_name").loc["BPR-MF"]
    assert row["negative_sampler"] == "popularity" and row["embedding_size"] == 16 and row["status"] == "ready"
    assert row["ndcg@10"] == pytest.approx(exp1.metrics["ndcg@10"])

    per_user = Web4Rec.metrics_per_user(experiment_name="BPR-MF")
    assert per_user.columns[0] == "user_id"
    assert {"recall@5", "ndcg@10"} <= set(per_user.columns)
    # one row per user with ground truth or a list (every toy user gets a list);
    # accuracy is NaN for the users without ground truth and left out of the means
    assert len(per_user) == N_USERS and per_user["user_id"].is_unique
    got = per_user.assign(user_id=per_user.user_id.astype(int)).set_index("user_id").sort_index()
    assert got.loc[~got.index.isin(USERS_WITH_GT), "recall@5"].isna().all()
    assert got["novelty@10"].notna().all()
    got = got.loc[USERS_WITH_GT]
    np.testing.assert_allclose(got["recall@5"].to_numpy(), want1["recall@5"].to_numpy(), atol=1e-9)
    np.testing.assert_allclose(got["ndcg@10"].to_numpy(), want1["ndcg@10"].to_numpy(), atol=1e-9)
    assert got["recall@5"].mean() == pytest.approx(exp1.metrics["recall@5"], abs=1e-9)


def test_string_ids_and_train_interactions_argument(account):
    url, token = account
    client = Web4RecClient(server=url, token=token)
    train = pd.DataFrame({"user_id": ["u1", "u1", "u2"], "item_id": ["10", "2", "10"]})
    gt = pd.DataFrame({"user_id": ["u1", "u2"], "item_id": ["3", "2"]})
    ds = Web4RecDataset(unique("strings")).add_train_interaction(train).add_ground_truth(gt)
    assert client.register_dataset(ds).id_type == "string"
    m = pd.DataFrame([[0.5, 0.5, 0.5], [0.5, 0.5, 0.1]], index=["u1", "u2"], columns=["10", "2", "3"])
    other = Web4RecClient(server=url, token=token)  # knows nothing about the dataset
    with pytest.raises(ValueError, match="train_interactions"):
        other.upload_experiment("x", prediction_matrix=m, dataset_name=ds.dataset_name)
    exp = other.upload_experiment("x", prediction_matrix=m, dataset_name=ds.dataset_name, n_candidates=1,
                                  ks=[1], train_interactions=train, timeout=WAIT_S)
    # u1: 10 and 2 are train, list [3] -> hit; u2: 10 masked, tie-free: 2 (0.5) -> hit
    assert exp.metrics["recall@1"] == pytest.approx(1.0)
    per_user = other.metrics_per_user("x", dataset_name=ds.dataset_name)
    assert sorted(per_user["user_id"]) == ["u1", "u2"]


# ----------------------------------------------------------------------------- bad inputs
def _recs(n_users=5):
    return pd.DataFrame({"user_id": np.repeat(np.arange(1, n_users + 1), 2),
                         "item_id": np.tile([1, 2], n_users), "score": np.tile([0.9, 0.5], n_users)})


@pytest.mark.parametrize("case", ["unknown_user", "unknown_item", "nan", "inf", "duplicate", "missing_column",
                                  "empty"])
def test_bad_recommendations_answer_400(registered, case):
    client, dataset = registered
    recs = _recs()
    expect = {"unknown_user": "9999", "unknown_item": "777777"}
    if case == "unknown_user":
        recs.loc[0, "user_id"] = 9999
    elif case == "unknown_item":
        recs.loc[1, "item_id"] = 777777
    elif case == "nan":
        recs.loc[2, "score"] = np.nan
    elif case == "inf":
        recs.loc[2, "score"] = np.inf
    elif case == "duplicate":
        recs.loc[1, "item_id"] = 1
    elif case == "missing_column":
        recs = recs.drop(columns="score")
    elif case == "empty":
        recs = recs.iloc[:0]
    name = unique(case)
    if case not in ("unknown_user", "unknown_item"):  # the client catches these first
        with pytest.raises(ValueError):
            client.upload_experiment(name, recommendations=recs, dataset_name=dataset)
    with pytest.raises(ValidationError) as e:
        client.upload_experiment(name, recommendations=recs, dataset_name=dataset, validate=False)
    assert e.value.status == 400 and e.value.message
    if case in expect:
        assert expect[case] in str(e.value), str(e.value)
    assert name not in experiment_names(client, dataset)


def test_bad_meta_answers_400(registered):
    client, dataset = registered
    name = unique("badks")
    with mock.patch("web4rec._experiments._to_json", return_value='{"experiment_name": "' + name + '", "ks": "ten"}'):
        with pytest.raises(ValidationError):
            client.upload_experiment(name, recommendations=_recs(), dataset_name=dataset)
    assert name not in experiment_names(client, dataset)


def test_experiment_name_exists_409_but_same_idempotency_key_is_200(registered):
    client, dataset = registered
    name = unique("dup")
    key = uuid.uuid4()
    with mock.patch("web4rec._experiments.uuid.uuid4", return_value=key):
        first = client.upload_experiment(name, recommendations=_recs(), dataset_name=dataset, wait=False)
        again = client.upload_experiment(name, recommendations=_recs(), dataset_name=dataset, wait=False)
    assert again.info.id == first.info.id
    with pytest.raises(ConflictError) as e:
        client.upload_experiment(name, recommendations=_recs(), dataset_name=dataset, wait=False)
    assert e.value.status == 409 and name in str(e.value)
    assert (client.experiments(dataset)["experiment_name"] == name).sum() == 1
    first.wait(timeout=WAIT_S)


def test_experiment_for_missing_dataset_404(registered):
    client, _ = registered
    with pytest.raises(NotFoundError) as e:
        client.upload_experiment("x", recommendations=_recs(), dataset_name=unique("nope"))
    assert e.value.status == 404
    with pytest.raises(NotFoundError):
        client.experiments(unique("nope"))
    with pytest.raises(NotFoundError):
        client.experiment(unique("nope"), dataset_name=registered[1])


def test_dataset_name_exists_409(registered, toy):
    client, dataset = registered
    train, gt, _, _ = toy
    ds = Web4RecDataset(dataset).add_train_interaction(train).add_ground_truth(gt)
    with pytest.raises(ConflictError) as e:
        client.register_dataset(ds)
    assert e.value.status == 409


@pytest.mark.parametrize("case", ["duplicate_train", "duplicate_gt", "empty_train", "missing_column",
                                  "duplicate_side_ids"])
def test_bad_dataset_answers_400(registered, toy, case):
    client, _ = registered
    train, gt, users, items = toy
    ds = Web4RecDataset(unique("bad")).add_train_interaction(train).add_ground_truth(gt)
    # bypass the client-side checks of add_* to see the server's answer
    if case == "duplicate_train":
        ds.train = pd.concat([train, train.iloc[:1]])
    elif case == "duplicate_gt":
        ds.ground_truth = pd.concat([gt, gt.iloc[:1]])
    elif case == "empty_train":
        ds.train = train.iloc[:0]
    elif case == "missing_column":
        ds.ground_truth = gt.rename(columns={"item_id": "movie_id"})
    elif case == "duplicate_side_ids":
        ds.item_side = pd.concat([items, items.iloc[:1]])
    with pytest.raises(ValidationError) as e:
        client.register_dataset(ds)
    assert e.value.status == 400 and e.value.message
    if case == "missing_column":
        assert "item_id" in str(e.value)
    assert ds.dataset_name not in set(client.datasets()["name"])


def test_body_over_limit_413(registered):
    client, dataset = registered
    n = 450_000  # 24 bytes/row -> ~10.8 MB of Arrow, over --max-upload-mb 8
    rng = np.random.default_rng(0)
    recs = pd.DataFrame({"user_id": rng.integers(1, N_USERS + 1, n), "item_id": rng.integers(1, N_ITEMS + 1, n),
                         "score": rng.random(n)})
    name = unique("big")
    with pytest.raises(PayloadTooLargeError) as e:
        client.upload_experiment(name, recommendations=recs, dataset_name=dataset, validate=False)
    assert e.value.status == 413
    assert name not in experiment_names(client, dataset)


def test_another_users_dataset_is_404(server_url, registered):
    client, dataset = registered
    bob = Web4RecClient(server=server_url)
    bob.signup(f"{unique('bob')}@example.com", "another-password")
    with pytest.raises(NotFoundError):
        bob.experiments(dataset)
    with pytest.raises(NotFoundError):
        bob.dataset(dataset)
    with pytest.raises(NotFoundError):
        bob.upload_experiment("steal", recommendations=_recs(), dataset_name=dataset)
    assert dataset not in set(bob.datasets()["name"])
    assert "steal" not in experiment_names(client, dataset)


def test_bad_token_401(server_url):
    with pytest.raises(AuthenticationError) as e:
        Web4Rec.login(token="w4r_deadbeef_notarealsecret", server=server_url)
    assert e.value.status == 401
    with pytest.raises(AuthenticationError):
        Web4RecClient(server=server_url, token="garbage").datasets()


def test_signup_email_taken_409(server_url):
    email = f"{unique('carol')}@example.com"
    Web4RecClient(server=server_url).signup(email, "password-1")
    with pytest.raises(ConflictError):
        Web4RecClient(server=server_url).signup(email, "password-2")


# ----------------------------------------------------------------------------- breakdowns and comparisons
def test_breakdown_and_compare_as_dataframes(registered, toy):
    client, name = registered
    users = toy[2]
    for exp, seed in (("cmp-a", 11), ("cmp-b", 12)):
        client.upload_experiment(experiment_name=exp, prediction_matrix=score_matrix(seed), dataset_name=name,
                                 n_candidates=20, ks=[5], timeout=WAIT_S)
    per_user = client.metrics_per_user("cmp-a", name).set_index("user_id")

    by_gender = client.breakdown("cmp-a", "recall@5", "gender", dataset_name=name)
    assert list(by_gender.columns) == ["group", "n", "mean", "std", "ci_low", "ci_high"]
    # the group means equal the per-user values averaged by gender in pandas
    gender = users.set_index("user_id")["gender"]
    evaluated = per_user.index.astype(int)
    expected = per_user["recall@5"].groupby(gender.loc[evaluated].to_numpy()).agg(["mean", "count"])
    got = by_gender.set_index("group")
    for g, row in expected.iterrows():
        assert got.loc[g, "n"] == row["count"]
        assert got.loc[g, "mean"] == pytest.approx(row["mean"], abs=1e-12)

    cold = client.breakdown("cmp-a", "ndcg@5", "cold", dataset_name=name)
    assert int(cold["n"].sum()) == len(USERS_WITH_GT)  # every user has 8 train items: all warm
    assert int(cold["n"].iloc[1]) == len(USERS_WITH_GT)

    cmp = client.compare(["cmp-a", "cmp-b"], dataset_name=name, metrics=["ndcg@5", "recall@5"])
    assert list(cmp["metric"]) == ["ndcg@5", "recall@5"]
    b = client.metrics_per_user("cmp-b", name).set_index("user_id")
    diff = (b["ndcg@5"] - per_user["ndcg@5"]).mean()
    row = cmp.iloc[0]
    assert row["a"] == "cmp-a" and row["b"] == "cmp-b" and row["n"] == len(USERS_WITH_GT)
    assert row["mean_diff"] == pytest.approx(diff, abs=1e-12)
    assert row["ci_low"] <= row["mean_diff"] <= row["ci_high"]
    assert 0 <= row["p_t"] <= 1 and row["p_t_adj"] == row["p_t"]

    with pytest.raises(ValueError):
        client.compare(["cmp-a"], dataset_name=name)
    with pytest.raises(ValidationError, match="cannot break down"):
        client.breakdown("cmp-a", "ndcg@5", "shoe_size", dataset_name=name)


def test_embeddings_upload(registered):
    client, name = registered
    rng = np.random.default_rng(3)
    item_emb = pd.DataFrame(rng.normal(size=(N_ITEMS, 4)), index=np.arange(1, N_ITEMS + 1))
    user_emb = pd.DataFrame(rng.normal(size=(N_USERS, 4)), index=np.arange(1, N_USERS + 1))
    info = client.upload_experiment(experiment_name=unique("emb"), prediction_matrix=score_matrix(5),
                                    dataset_name=name, n_candidates=20, item_embeddings=item_emb,
                                    user_embeddings=user_emb, timeout=WAIT_S)
    assert info.status == "ready"
    bad = item_emb.copy()
    bad.index = bad.index + 1000  # ids the dataset does not have
    with pytest.raises(ValidationError, match="not in the dataset"):
        client.upload_experiment(experiment_name=unique("emb-bad"), prediction_matrix=score_matrix(5),
                                 dataset_name=name, n_candidates=20, item_embeddings=bad, timeout=WAIT_S)
    with pytest.raises(ValueError, match="NaN"):
        client.upload_experiment(experiment_name=unique("emb-nan"), prediction_matrix=score_matrix(5),
                                 dataset_name=name, n_candidates=20,
                                 item_embeddings=item_emb.where(item_emb > 0), timeout=WAIT_S)


# ----------------------------------------------------------------------------- re-ranking
def test_rerank_and_sweep(registered):
    client, name = registered
    parent = unique("rr-parent")
    client.upload_experiment(experiment_name=parent, prediction_matrix=score_matrix(21), dataset_name=name,
                             n_candidates=30, ks=[5], timeout=WAIT_S)
    base = client.experiment(parent, name).metrics

    derived = client.rerank(parent, "diversity", 0.0, k=5, dataset_name=name, timeout=WAIT_S)
    assert derived == f"{parent}~diversity:cooc@0"
    same = client.experiment(derived, name)
    assert same.parent == parent and same.objective == "diversity" and same.sim == "cooc" and same.lambda_ == 0
    for metric, value in base.items():  # λ = 0 reproduces the parent's top-K
        assert same.metrics[metric] == pytest.approx(value, abs=1e-12, nan_ok=True), metric

    group = client.rerank(parent, "novelty", 1.0, k=5, users=[1, 2, 3], dataset_name=name, timeout=WAIT_S)
    per_user = client.metrics_per_user(group, name)
    assert sorted(per_user["user_id"].astype(int)) == [1, 2, 3]

    frontier = client.rerank_sweep(parent, "diversity", lams=[0, 0.5, 1], k=5, sim="genre.genres",
                                   dataset_name=name, timeout=WAIT_S)
    assert list(frontier["lambda"]) == [0.0, 0.5, 1.0]
    assert (frontier["status"] == "ready").all()
    assert frontier["diversity@5:genre.genres"].iloc[-1] >= frontier["diversity@5:genre.genres"].iloc[0]

    table = client.experiments(name)
    row = table.set_index("experiment_name").loc[derived]
    assert row["parent"] == parent and row["objective"] == "diversity" and row["lambda"] == 0
    assert pd.isna(table.set_index("experiment_name").loc[parent, "parent"])

    with pytest.raises(ValueError):
        client.rerank(parent, "diversity", 1.5, dataset_name=name)
    with pytest.raises(ValidationError, match="not in the dataset"):
        client.rerank(parent, "novelty", 0.5, users=[123456], dataset_name=name)


# ----------------------------------------------------------------------------- deletion
def test_delete_experiment_takes_its_reranks(registered):
    client, name = registered
    parent, other = unique("del-parent"), unique("del-other")
    client.upload_experiment(experiment_name=parent, prediction_matrix=score_matrix(31), dataset_name=name,
                             n_candidates=30, ks=[5], timeout=WAIT_S)
    client.upload_experiment(experiment_name=other, prediction_matrix=score_matrix(32), dataset_name=name,
                             n_candidates=30, ks=[5], timeout=WAIT_S)
    derived = client.rerank(parent, "novelty", 0.5, k=5, dataset_name=name, timeout=WAIT_S)

    client.delete_experiment(parent, dataset_name=name)

    names = experiment_names(client, name)
    assert parent not in names and derived not in names and other in names
    with pytest.raises(NotFoundError):
        client.experiment(parent, name)
    with pytest.raises(NotFoundError):
        client.delete_experiment(parent, dataset_name=name)


def test_delete_dataset_through_the_facade(account, toy):
    url, token = account
    Web4Rec.login(token=token, server=url)
    train, gt, _, _ = toy
    ds = Web4RecDataset(unique("del-ds")).add_train_interaction(train).add_ground_truth(gt)
    Web4Rec.register_dataset(ds)
    Web4Rec.upload_experiment("to-go", prediction_matrix=score_matrix(33), dataset_name=ds.dataset_name,
                              n_candidates=30, ks=[5], timeout=WAIT_S)

    Web4Rec.delete_experiment("to-go", ds.dataset_name)
    assert "to-go" not in set(Web4Rec.experiments(ds.dataset_name)["experiment_name"])
    Web4Rec.delete_dataset(ds.dataset_name)

    assert ds.dataset_name not in set(Web4Rec.datasets()["name"])
    with pytest.raises(NotFoundError):
        Web4Rec.dataset(ds.dataset_name)
    with pytest.raises(NotFoundError):
        Web4Rec.delete_dataset(ds.dataset_name)
    Web4Rec.register_dataset(ds)  # the name is free again
    Web4Rec.delete_dataset(ds.dataset_name)


def test_another_team_cannot_delete(server_url, registered):
    client, dataset = registered
    mallory = Web4RecClient(server=server_url)
    mallory.signup(f"{unique('mallory')}@example.com", "another-password")
    with pytest.raises(NotFoundError):
        mallory.delete_dataset(dataset)
    with pytest.raises(NotFoundError):
        mallory.delete_experiment("anything", dataset_name=dataset)
    assert client.dataset(dataset).name == dataset
