"""Score matrix -> top-N lists: masking, tie order, chunk boundaries (no server needed)."""
import math

import numpy as np
import pandas as pd
import pytest

from web4rec._topn import id_order_rank, top_n


def _key(item):
    s = str(item)
    try:
        return (0, int(s), s)
    except ValueError:
        return (1, 0, s)


def reference_top_n(matrix: pd.DataFrame, n: int, train=None) -> pd.DataFrame:
    """Obvious per-user implementation of METRICS.md 'Preparing lists'."""
    masked = {}
    if train is not None:
        for u, i in zip(train["user_id"], train["item_id"]):
            masked.setdefault(str(u), set()).add(str(i))
    rows = []
    for u, scores in matrix.iterrows():
        cands = [(float(s), it) for it, s in scores.items()
                 if str(it) not in masked.get(str(u), set()) and s != -math.inf]
        cands.sort(key=lambda c: (-c[0], _key(c[1])))
        for r, (s, it) in enumerate(cands[:n], start=1):
            rows.append((u, it, s, r))
    return pd.DataFrame(rows, columns=["user_id", "item_id", "score", "rank"])


def assert_same(got: pd.DataFrame, want: pd.DataFrame):
    assert list(got.columns) == ["user_id", "item_id", "score", "rank"]
    assert len(got) == len(want)
    assert [str(x) for x in got["user_id"]] == [str(x) for x in want["user_id"]]
    assert [str(x) for x in got["item_id"]] == [str(x) for x in want["item_id"]]
    np.testing.assert_allclose(got["score"].to_numpy(), want["score"].to_numpy())
    assert got["rank"].tolist() == want["rank"].tolist()


def test_numeric_string_ids_tie_by_number():
    m = pd.DataFrame([[1.0, 1.0, 1.0, 0.0]], index=[1], columns=["10", "2", "1", "3"])
    out = top_n(m, 2)
    assert out["item_id"].tolist() == ["1", "2"]  # "2" < "10" as numbers
    assert out["rank"].tolist() == [1, 2]


def test_integer_ids_tie_by_number():
    m = pd.DataFrame([[5.0, 5.0, 5.0]], index=[1], columns=[10, 2, 100])
    assert top_n(m, 3)["item_id"].tolist() == [2, 10, 100]


def test_mixed_ids_numbers_before_strings():
    assert id_order_rank(["b", "10", "a", "9"]).tolist() == [3, 1, 2, 0]


def test_score_order_then_ties_at_the_cut():
    # threshold 0.5 has four tied items, only two fit: the two smallest ids must win
    m = pd.DataFrame([[0.5, 0.9, 0.5, 0.5, 0.1, 0.5]], index=["u"], columns=[50, 3, 40, 7, 1, 12])
    out = top_n(m, 3)
    assert out["item_id"].tolist() == [3, 7, 12]
    assert out["score"].tolist() == [0.9, 0.5, 0.5]


def test_masks_train_items_before_the_cut():
    m = pd.DataFrame([[0.9, 0.8, 0.7, 0.6], [0.1, 0.2, 0.3, 0.4]], index=[1, 2], columns=[10, 20, 30, 40])
    train = pd.DataFrame({"user_id": [1, 1, 2, 3], "item_id": [10, 30, 40, 10]})  # user 3 not in matrix
    out = top_n(m, 2, train)
    assert out[out.user_id == 1]["item_id"].tolist() == [20, 40]
    assert out[out.user_id == 2]["item_id"].tolist() == [30, 20]


def test_mask_matches_ids_by_string_form():
    m = pd.DataFrame([[0.9, 0.8, 0.7]], index=["1"], columns=["10", "20", "30"])
    train = pd.DataFrame({"user_id": [1], "item_id": [10]})  # ints vs strings: same ids
    assert top_n(m, 1, train)["item_id"].tolist() == ["20"]


def test_n_larger_than_items_and_fully_masked_user():
    m = pd.DataFrame([[0.3, 0.2], [0.5, 0.5]], index=[1, 2], columns=[1, 2])
    train = pd.DataFrame({"user_id": [1, 1], "item_id": [1, 2]})
    out = top_n(m, 10, train)
    assert out["user_id"].tolist() == [2, 2]
    assert out["rank"].tolist() == [1, 2]


def test_minus_inf_means_never_recommend():
    m = pd.DataFrame([[-np.inf, 0.1, -np.inf]], index=[1], columns=[1, 2, 3])
    assert top_n(m, 3)["item_id"].tolist() == [2]


@pytest.mark.parametrize("bad", [np.nan, np.inf])
def test_nan_and_plus_inf_rejected_client_side(bad):
    m = pd.DataFrame([[0.1, bad]], index=["alice"], columns=["x", "y"])
    with pytest.raises(ValueError, match=r"non-finite score .* user 'alice', item 'y'"):
        top_n(m, 1)


@pytest.mark.parametrize("chunk_rows", [1, 3, 7, 64])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_random_matrices_match_reference_across_chunk_boundaries(chunk_rows, dtype):
    rng = np.random.default_rng(7)
    n_users, n_items = 23, 41
    # few distinct values -> many ties, also exactly at the cut
    scores = rng.integers(0, 4, size=(n_users, n_items)).astype(dtype) / 4
    items = [str(x) for x in rng.permutation(np.arange(1, 200))[:n_items]]
    m = pd.DataFrame(scores, index=np.arange(100, 100 + n_users), columns=items)
    train = pd.DataFrame({"user_id": rng.integers(100, 100 + n_users, 80),
                          "item_id": rng.choice(items, 80)}).drop_duplicates()
    for n in (1, 5, 40, 41, 100):
        assert_same(top_n(m, n, train, chunk_rows=chunk_rows), reference_top_n(m, n, train))


def test_integer_score_matrix_and_one_copy_per_chunk_only():
    m = pd.DataFrame(np.arange(12).reshape(3, 4), index=[1, 2, 3], columns=[4, 3, 2, 1])
    out = top_n(m, 2)
    assert out[out.user_id == 1]["item_id"].tolist() == [1, 2]
    # the input is left untouched (masking writes into the chunk copy)
    assert m.to_numpy().tolist() == np.arange(12).reshape(3, 4).tolist()


@pytest.mark.parametrize("bad, match", [
    (pd.DataFrame([[1.0]], index=[1, ][:1], columns=[1]).iloc[:0], "empty"),
    (pd.DataFrame([[1.0, 2.0]], index=[1], columns=[1, 1]), "duplicate item ids"),
    (pd.DataFrame([[1.0], [2.0]], index=[1, 1], columns=[1]), "duplicate user ids"),
    (pd.DataFrame([["a"]], index=[1], columns=[1]), "float scores"),
])
def test_bad_matrices(bad, match):
    with pytest.raises(ValueError, match=match):
        top_n(bad, 3)


def test_bad_n():
    m = pd.DataFrame([[1.0]], index=[1], columns=[1])
    for n in (0, -1, 2.5, True):
        with pytest.raises(ValueError, match="n_candidates"):
            top_n(m, n)


def test_memory_stays_at_one_chunk_not_one_matrix():
    import tracemalloc
    rng = np.random.default_rng(0)
    m = pd.DataFrame(rng.random((4000, 2000), dtype=np.float32))
    matrix_bytes = m.to_numpy(copy=False).nbytes  # 32 MB
    top_n(m, 10, chunk_rows=256)  # warm up imports/caches outside the measurement
    tracemalloc.start()
    out = top_n(m, 10, chunk_rows=256)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(out) == 40_000
    assert peak < matrix_bytes / 2, f"peak {peak / 1e6:.1f} MB for a {matrix_bytes / 1e6:.1f} MB matrix"
