"""Post-hoc analysis calls end to end against a real server (see conftest.py): maps with one point
per user/item, and every aggregate recomputed here in pandas from the uploaded tables."""
import numpy as np
import pandas as pd
import pytest

from test_integration import N_ITEMS, N_USERS, WAIT_S, make_toy, unique
from web4rec import NotFoundError, ValidationError, Web4Rec, Web4RecClient, Web4RecDataset

pytestmark = pytest.mark.integration

K = 5
N_CANDIDATES = 20


def recommendations(train: pd.DataFrame, seed: int) -> pd.DataFrame:
    """20 candidates per user outside train, distinct descending scores: top-k is the first k."""
    rng = np.random.default_rng(seed)
    seen = train.groupby("user_id")["item_id"].apply(set).to_dict()
    rows = []
    for u in range(1, N_USERS + 1):
        pool = [i for i in range(1, N_ITEMS + 1) if i not in seen.get(u, set())]
        for r, i in enumerate(rng.choice(pool, N_CANDIDATES, replace=False)):
            rows.append((u, int(i), float(N_CANDIDATES - r)))
    return pd.DataFrame(rows, columns=["user_id", "item_id", "score"])


@pytest.fixture(scope="module")
def setup(server_url):
    token = Web4Rec.signup(email=f"{unique('maps')}@example.com", password="correct-horse", server=server_url)
    client = Web4RecClient(server=server_url, token=token)
    train, gt, users, items = make_toy(seed=4)
    name = unique("maps")
    client.register_dataset(Web4RecDataset(name).add_train_interaction(train).add_ground_truth(gt)
                            .add_user_side(users).add_item_side(items))
    recs = recommendations(train, seed=9)
    client.upload_experiment(experiment_name="A", recommendations=recs, dataset_name=name,
                             n_candidates=N_CANDIDATES, ks=[K, 10], timeout=WAIT_S)
    top = recs.sort_values(["user_id", "score"], ascending=[True, False]).groupby("user_id").head(K)
    return client, name, train, gt, users, items, recs, top


def test_projection_one_point_per_user_and_item(setup):
    client, name = setup[0], setup[1]
    users = client.projection("A", entity="user", method="pca", dataset_name=name, timeout=WAIT_S)
    assert list(users.columns) == ["id", "x", "y"]
    assert sorted(users["id"]) == list(range(1, N_USERS + 1))
    meta = users.attrs["projection"]
    assert meta["source"] == "candidate_scores" and meta["sampled"] is False
    assert len(meta["explained_variance"]) == 2 and 0 < meta["explained_variance"][0] <= 1
    items = client.projection("A", entity="item", method="umap", dataset_name=name, neighbors=10, timeout=WAIT_S)
    assert sorted(items["id"]) == list(range(1, N_ITEMS + 1))
    assert items.attrs["projection"]["source"] == "train_interactions"
    assert np.isfinite(items[["x", "y"]].to_numpy()).all()
    # stored: the same map again
    again = client.projection("A", entity="user", method="pca", dataset_name=name)
    pd.testing.assert_frame_equal(users, again)
    with pytest.raises(ValueError):
        client.projection("A", entity="group", dataset_name=name)


def test_projection_uses_uploaded_embeddings(setup):
    client, name, train = setup[0], setup[1], setup[2]
    rng = np.random.default_rng(2)
    user_emb = pd.DataFrame(rng.normal(size=(N_USERS, 6)), index=np.arange(1, N_USERS + 1))
    client.upload_experiment(experiment_name="E", recommendations=recommendations(train, 3), dataset_name=name,
                             n_candidates=N_CANDIDATES, user_embeddings=user_emb, timeout=WAIT_S)
    df = client.projection("E", entity="user", method="pca", dataset_name=name, timeout=WAIT_S)
    assert df.attrs["projection"]["source"] == "model_embeddings"
    assert df.attrs["projection"]["source_dims"] == 6
    assert len(df) == N_USERS


def test_audience_counts_distinct_users_in_top_k(setup):
    client, name, train, gt, users, items, recs, top = setup
    chosen = [3, 7, 11, 19]
    got = client.audience("A", chosen, k=K, dataset_name=name)
    assert list(got.columns) == ["group", "column", "value", "count"]
    interacted = set(train.loc[train.item_id.isin(chosen), "user_id"])
    recommended = set(top.loc[top.item_id.isin(chosen), "user_id"])
    anywhere = set(recs.loc[recs.item_id.isin(chosen), "user_id"])
    assert recommended != anywhere  # the candidate list would give a different audience
    assert got.attrs["n_interacted"] == len(interacted)
    assert got.attrs["n_recommended"] == len(recommended)
    side = users.set_index("user_id")
    for group, members in (("interacted", interacted), ("recommended", recommended)):
        expected = side.loc[sorted(members), "gender"].value_counts().to_dict()
        rows = got[(got.group == group) & (got.column == "gender") & (got["count"] > 0)]
        assert dict(zip(rows.value, rows["count"])) == expected
        # multi-valued user column: each user counts once per language
        langs = side.loc[sorted(members), "languages"].str.split("|").explode().value_counts().to_dict()
        rows = got[(got.group == group) & (got.column == "languages") & (got["count"] > 0)]
        assert dict(zip(rows.value, rows["count"])) == langs
        ages = got[(got.group == group) & (got.column == "age")]
        assert ages["count"].sum() == len(members)


def test_selection_panels_equal_pandas(setup):
    client, name, train, gt, users, items, recs, top = setup
    chosen = list(range(1, N_USERS + 1, 3))
    panels = client.selection("A", user_ids=chosen, dataset_name=name, k=K)
    assert set(panels) == {"side", "metrics", "top_items", "genres"}
    side = panels["side"]
    gender = side[side.column == "gender"].set_index("value")
    sel = users[users.user_id.isin(chosen)]
    assert gender["selected"].to_dict() == sel.gender.value_counts().reindex(gender.index, fill_value=0).to_dict()
    assert gender["all"].to_dict() == users.gender.value_counts().reindex(gender.index, fill_value=0).to_dict()
    ages = side[side.column == "age"]
    assert ages["selected"].sum() == len(sel) and ages["all"].sum() == len(users)

    per_user = client.metrics_per_user("A", name)
    per_user["user_id"] = per_user["user_id"].astype(int)
    m = panels["metrics"].set_index(["experiment", "metric"])
    expected = per_user.loc[per_user.user_id.isin(chosen), f"recall@{K}"].mean()
    assert m.loc[("A", f"recall@{K}"), "selected"] == pytest.approx(expected, abs=1e-12)
    assert m.loc[("A", f"recall@{K}"), "all"] == pytest.approx(per_user[f"recall@{K}"].mean(), abs=1e-12)

    counts = top[top.user_id.isin(chosen)].item_id.value_counts()
    ti = panels["top_items"]
    assert len(ti) == min(20, len(counts))
    for _, row in ti.iterrows():
        assert row["count"] == counts[row["item"]]
        assert row["share"] == pytest.approx(counts[row["item"]] / len(chosen))
    assert ti["count"].iloc[0] == counts.max()
    assert "year" in ti.columns and "genres" in ti.columns

    genres = items.set_index("item_id")["genres"]
    rec_genres = genres.loc[top[top.user_id.isin(chosen)].item_id].explode().value_counts()
    g = panels["genres"].set_index("value")
    for value, n in rec_genres.items():
        assert g.loc[value, "recommended_count"] == n
    assert g["recommended"].sum() == pytest.approx(1.0)

    item_panels = client.selection("A", item_ids=[1, 2, 3], dataset_name=name, k=K)
    pop = train.item_id.value_counts()
    assert item_panels["popularity"].attrs["selected"]["mean"] == pytest.approx(
        np.mean([pop.get(i, 0) for i in (1, 2, 3)]))
    share = top.item_id.isin([1, 2, 3]).sum() / len(top)
    assert item_panels["recommended"]["selected_share"].iloc[0] == pytest.approx(share)

    with pytest.raises(ValidationError, match="999"):
        client.selection("A", user_ids=[1, 999], dataset_name=name)
    with pytest.raises(ValueError):
        client.selection("A", dataset_name=name)


def test_drilldown_and_filters(setup):
    client, name, train, gt, users, items, recs, top = setup
    d = client.user_drilldown(2, experiment_names=["A"], k=K, dataset_name=name)
    assert d["user"] == 2
    assert d["side"]["gender"] == users.set_index("user_id").loc[2, "gender"]
    assert set(d["train"]["item"]) == set(train.loc[train.user_id == 2, "item_id"])
    r = d["recommendations"]
    assert list(r["item"]) == list(top.loc[top.user_id == 2, "item_id"])
    truth = set(gt.loc[gt.user_id == 2, "item_id"])
    assert list(r["hit"]) == [i in truth for i in r["item"]]
    with pytest.raises(NotFoundError):
        client.user_drilldown(12345, dataset_name=name)

    ids = client.filter_ids("A", "user", {"gender": ["F"], "age": (30, None)}, dataset_name=name)
    expected = users[(users.gender == "F") & (users.age >= 30)].user_id.tolist()
    assert sorted(ids) == sorted(expected)
    per_user = client.metrics_per_user("A", name)
    good = client.filter_ids("A", "user", metric=f"recall@{K}", metric_min=0.3, dataset_name=name)
    assert sorted(good) == sorted(per_user.loc[per_user[f"recall@{K}"] >= 0.3, "user_id"].astype(int))
    comedy = client.filter_ids("A", "item", {"genres": ["Comedy"], "year": (1990, 1999)}, dataset_name=name)
    mask = items.genres.apply(lambda g: "Comedy" in g) & items.year.between(1990, 1999)
    assert sorted(comedy) == sorted(items.loc[mask, "item_id"])
    with pytest.raises(ValidationError):
        client.filter_ids("A", "user", {"shoe_size": [42]}, dataset_name=name)
