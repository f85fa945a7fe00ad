"""Arrow IPC encoding of each column kind (no server needed)."""
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from web4rec import _arrow


def roundtrip(table: pa.Table) -> pa.Table:
    buf = _arrow.to_ipc_stream(table)
    with pa.ipc.open_stream(buf) as r:
        return r.read_all()


def test_int_ids_stay_int64_and_string_ids_utf8():
    t = _arrow.encode_table(pd.DataFrame({"user_id": np.array([1, 2], dtype=np.int32), "item_id": ["a", "b"]}),
                            id_columns=("user_id", "item_id"))
    t = roundtrip(t)
    assert t.schema.field("user_id").type == pa.int64()
    assert t.schema.field("item_id").type == pa.string()
    assert t.column("user_id").to_pylist() == [1, 2]


def test_mixed_object_ids_become_strings_and_integral_floats_ints():
    assert _arrow.id_array(pd.Series([1, "x"], dtype=object), "user_id").to_pylist() == ["1", "x"]
    assert _arrow.id_array(pd.Series([1, 2], dtype=object), "user_id").type == pa.int64()
    assert _arrow.id_array(pd.Series([3.0, 4.0]), "item_id").to_pylist() == [3, 4]
    with pytest.raises(ValueError, match="non-integral float ids"):
        _arrow.id_array(pd.Series([3.5]), "item_id")
    with pytest.raises(ValueError, match="null ids"):
        _arrow.id_array(pd.Series(["a", None]), "item_id")


def test_interaction_columns():
    df = pd.DataFrame({"user_id": [1, 2], "item_id": [3, 4], "rating": [4, 5],
                       "timestamp": pd.to_datetime(["1970-01-01 00:00:10", "2000-01-01 00:00:00"]), "extra": ["x", "y"]})
    t = roundtrip(_arrow.encode_table(df, id_columns=("user_id", "item_id"), float_columns=("rating",),
                                      int_columns=("timestamp",)))
    assert t.column_names == ["user_id", "item_id", "rating", "timestamp"]  # extra dropped
    assert t.schema.field("rating").type == pa.float64()
    assert t.schema.field("timestamp").type == pa.int64()
    assert t.column("timestamp").to_pylist() == [10, 946684800]


def test_side_columns_each_kind():
    df = pd.DataFrame({
        "item_id": [1, 2, 3],
        "genres_list": [["Action", "Comedy"], [], None],
        "genres_pipe": ["Action|Comedy", "Drama", None],
        "title": ["A", "B", "C"],
        "cat": pd.Categorical(["x", "y", "x"]),
        "year": [1995, 1999, 2001],
        "year_nullable": pd.array([1995, None, 2001], dtype="Int64"),
        "score": [0.5, np.nan, 1.5],
        "flag": [True, False, True],
        "obj_ints": pd.Series([1, None, 3], dtype=object),
    })
    t = roundtrip(_arrow.encode_table(df, id_columns=("item_id",), side=True))
    types = {f.name: f.type for f in t.schema}
    assert types["item_id"] == pa.int64()
    assert types["genres_list"] == pa.list_(pa.string())
    assert t.column("genres_list").to_pylist() == [["Action", "Comedy"], [], None]
    assert types["genres_pipe"] == pa.string()  # '|'-separated stays utf8; the server splits it
    assert t.column("genres_pipe").to_pylist() == ["Action|Comedy", "Drama", None]
    assert types["title"] == pa.string()
    assert types["cat"] == pa.string() and t.column("cat").to_pylist() == ["x", "y", "x"]
    assert types["year"] == pa.int64()
    assert types["year_nullable"] == pa.int64() and t.column("year_nullable").to_pylist() == [1995, None, 2001]
    assert types["score"] == pa.float64()
    assert types["flag"] == pa.string()
    assert types["obj_ints"] == pa.int64() and t.column("obj_ints").to_pylist() == [1, None, 3]


def test_list_column_with_tuples_arrays_and_scalars():
    s = pd.Series([("a", 1), np.array(["b"]), "c|d"], dtype=object)
    assert _arrow.side_array(s, "g").to_pylist() == [["a", "1"], ["b"], ["c", "d"]]


def test_per_user_stream_decodes_to_dataframe():
    t = pa.table({"user_id": pa.array(["1", "2"]), "ndcg@10": pa.array([0.5, 1.0])})
    df = _arrow.from_ipc_stream(_arrow.to_ipc_stream(t).to_pybytes())
    assert list(df.columns) == ["user_id", "ndcg@10"]
    assert df["ndcg@10"].tolist() == [0.5, 1.0]
