"""Client-side validation: ValueError naming the problem, before anything is sent."""
import numpy as np
import pandas as pd
import pytest

from web4rec import Web4Rec, Web4RecClient, Web4RecDataset
from web4rec._experiments import _check_recommendations


@pytest.fixture
def ds():
    return Web4RecDataset(dataset_name="toy")


def test_bad_dataset_name():
    for name in ("", "has space", "x" * 129, None, "a/b", ".", "..", "ok\n"):
        with pytest.raises(ValueError, match=r"A-Za-z0-9"):
            Web4RecDataset(dataset_name=name)


def test_missing_column_named_with_example(ds):
    with pytest.raises(ValueError) as e:
        ds.add_train_interaction(pd.DataFrame({"user_id": [1], "movie": [2]}))
    assert "'item_id'" in str(e.value) and "Example:" in str(e.value) and "movie" in str(e.value)
    with pytest.raises(ValueError, match="'user_id'"):
        ds.add_ground_truth(pd.DataFrame({"item_id": [1]}))
    with pytest.raises(ValueError, match="'user_id'"):
        ds.add_user_side(pd.DataFrame({"age": [1]}))
    with pytest.raises(ValueError, match="'item_id'"):
        ds.add_item_side(pd.DataFrame({"genres": ["A"]}))


def test_not_a_dataframe(ds):
    with pytest.raises(ValueError, match="must be a pandas DataFrame"):
        ds.add_train_interaction([(1, 2)])


def test_empty_null_and_duplicate_rows(ds):
    with pytest.raises(ValueError, match="empty"):
        ds.add_train_interaction(pd.DataFrame({"user_id": [], "item_id": []}))
    with pytest.raises(ValueError, match="null values in 'item_id'"):
        ds.add_ground_truth(pd.DataFrame({"user_id": [1], "item_id": [None]}))
    with pytest.raises(ValueError, match=r"duplicate \(user_id, item_id\) rows, e.g. \(1, 2\)"):
        ds.add_train_interaction(pd.DataFrame({"user_id": [1, 1], "item_id": [2, 2]}))
    with pytest.raises(ValueError, match="duplicate ids in 'item_id'"):
        ds.add_item_side(pd.DataFrame({"item_id": [1, 1], "genres": ["a", "b"]}))
    with pytest.raises(ValueError, match="'rating' must be numeric"):
        ds.add_train_interaction(pd.DataFrame({"user_id": [1], "item_id": [2], "rating": ["good"]}))


def test_register_needs_train_and_ground_truth(ds):
    client = Web4RecClient(server="http://127.0.0.1:9", token="t")
    with pytest.raises(ValueError, match="no train interactions"):
        client.register_dataset(ds)
    ds.add_train_interaction(pd.DataFrame({"user_id": [1], "item_id": [2]}))
    with pytest.raises(ValueError, match="no ground truth"):
        client.register_dataset(ds)


def test_recommendations_checks():
    ok = pd.DataFrame({"user_id": [1, 1], "item_id": [2, 3], "score": [0.5, 0.4], "rank": [1, 2]})
    _check_recommendations(ok)
    with pytest.raises(ValueError, match="missing the column 'score'"):
        _check_recommendations(ok.drop(columns="score"))
    with pytest.raises(ValueError, match="empty"):
        _check_recommendations(ok.iloc[:0])
    with pytest.raises(ValueError, match=r"non-finite scores .* user 1, item 3"):
        _check_recommendations(ok.assign(score=[0.5, np.nan]))
    with pytest.raises(ValueError, match="non-finite"):
        _check_recommendations(ok.assign(score=[np.inf, 0.1]))
    with pytest.raises(ValueError, match="duplicate"):
        _check_recommendations(ok.assign(item_id=[2, 2]))
    with pytest.raises(ValueError, match="rank"):
        _check_recommendations(ok.assign(rank=[0, 1]))


def test_upload_argument_errors():
    client = Web4RecClient(server="http://127.0.0.1:9", token="t")
    recs = pd.DataFrame({"user_id": [1], "item_id": [2], "score": [0.5]})
    with pytest.raises(ValueError, match="no dataset was registered"):
        client.upload_experiment("e", recommendations=recs)
    with pytest.raises(ValueError, match="exactly one of"):
        client.upload_experiment("e", dataset_name="d")
    with pytest.raises(ValueError, match="exactly one of"):
        client.upload_experiment("e", dataset_name="d", recommendations=recs, prediction_matrix=recs)
    with pytest.raises(ValueError, match="n_candidates"):
        client.upload_experiment("e", dataset_name="d", recommendations=recs, n_candidates=0)
    with pytest.raises(ValueError, match="ks"):
        client.upload_experiment("e", dataset_name="d", recommendations=recs, ks=[0])
    with pytest.raises(ValueError, match="hyper_parameters must be a dict"):
        client.upload_experiment("e", dataset_name="d", recommendations=recs, hyper_parameters=[1])
    with pytest.raises(ValueError, match="JSON-serializable"):
        client.upload_experiment("e", dataset_name="d", recommendations=recs, hyper_parameters={"f": object()})
    with pytest.raises(ValueError, match="train_interactions=train_df"):
        client.upload_experiment("e", dataset_name="d", prediction_matrix=pd.DataFrame([[1.0]]))
    with pytest.raises(ValueError, match="experiment_name"):
        client.upload_experiment("", dataset_name="d", recommendations=recs)


def test_dataset_name_ambiguous_when_two_registered():
    client = Web4RecClient(server="http://127.0.0.1:9", token="t")
    client._registered = {"a": None, "b": None}
    with pytest.raises(ValueError, match="2 datasets were registered"):
        client.experiments()


def test_not_logged_in(monkeypatch):
    monkeypatch.delenv("WEB4REC_TOKEN", raising=False)
    monkeypatch.setattr(Web4Rec, "_client", None)
    from web4rec import AuthenticationError
    with pytest.raises(AuthenticationError, match="not logged in"):
        Web4Rec.datasets()


def test_env_fallbacks(monkeypatch):
    monkeypatch.setenv("WEB4REC_SERVER", "http://example.test:1234/")
    monkeypatch.setenv("WEB4REC_TOKEN", "w4r_abc")
    c = Web4RecClient()
    assert c.server == "http://example.test:1234" and c.token == "w4r_abc"
    assert c.session.headers["User-Agent"].startswith("web4rec-python/0.1.0")


def test_projection_neighbors_from_the_offered_set():
    client = Web4RecClient(server="http://127.0.0.1:9", token="t")
    for bad in (3, 16, 200, True, 15.0):
        with pytest.raises(ValueError, match=r"one of \[5, 10, 15, 30, 50\]"):
            client.projection("e", method="umap", dataset_name="d", neighbors=bad)
    with pytest.raises(ValueError, match="applies to method='umap' only"):
        client.projection("e", method="pca", dataset_name="d", neighbors=15)
