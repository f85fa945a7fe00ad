"""pandas <-> Arrow IPC stream encoding for the tables that cross the wire.

Wire types (docs/api.md): ids stay ``int64`` when they are integers, else ``utf8``; strings and
categories are ``utf8``; integers ``int64``; floats ``float64``; list-valued columns
``list<utf8>`` (multi-valued side information such as genres).
"""
from __future__ import annotations

import io
from typing import Iterable

import numpy as np
import pandas as pd
import pyarrow as pa

ARROW_STREAM = "application/vnd.apache.arrow.stream"

_LIST_TYPES = (list, tuple, set, frozenset, np.ndarray)


def _is_integral_float(values: np.ndarray) -> bool:
    return bool(np.all(np.isfinite(values)) and np.all(np.floor(values) == values))


def id_array(values, column: str) -> pa.Array:
    """Encode an id column: int64 if every id is an integer, else utf8 (string form)."""
    s = values if isinstance(values, pd.Series) else pd.Series(values)
    if s.isna().any():
        first = int(np.flatnonzero(s.isna().to_numpy())[0])
        raise ValueError(f"column '{column}' has null ids (first at row {first}); every id must be set")
    dtype = s.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return pa.array(s.astype(str).to_numpy(dtype=object), type=pa.string())
    if pd.api.types.is_integer_dtype(dtype):
        if pd.api.types.is_unsigned_integer_dtype(dtype) and len(s) and int(s.max()) > np.iinfo(np.int64).max:
            return pa.array(s.astype(str).to_numpy(dtype=object), type=pa.string())
        return pa.array(s.to_numpy(dtype=np.int64), type=pa.int64())
    if pd.api.types.is_float_dtype(dtype):
        arr = s.to_numpy(dtype=np.float64)
        if _is_integral_float(arr):
            return pa.array(arr.astype(np.int64), type=pa.int64())
        raise ValueError(f"column '{column}' holds non-integral float ids (e.g. {arr[~(np.floor(arr) == arr)][0]!r}); "
                         "use integer or string ids")
    if isinstance(dtype, pd.CategoricalDtype):
        s = s.astype(object)
    obj = s.to_numpy(dtype=object)
    if len(obj) and all(isinstance(v, (int, np.integer)) and not isinstance(v, (bool, np.bool_)) for v in obj):
        try:
            return pa.array(obj.astype(np.int64), type=pa.int64())
        except OverflowError:
            pass
    return pa.array([str(v) for v in obj], type=pa.string())


def is_list_column(s: pd.Series) -> bool:
    if s.dtype != object:
        return False
    for v in s:
        if isinstance(v, _LIST_TYPES):
            return True
    return False


def _list_value(v):
    if isinstance(v, _LIST_TYPES):
        return [str(x) for x in v]
    if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA:
        return None
    return [x for x in str(v).split("|") if x != ""]


def side_array(s: pd.Series, column: str) -> pa.Array:
    """Encode a side-information column: list<utf8>, utf8, int64 or float64."""
    dtype = s.dtype
    if is_list_column(s):
        return pa.array([_list_value(v) for v in s], type=pa.list_(pa.string()))
    if pd.api.types.is_bool_dtype(dtype):
        return _utf8(s)
    if pd.api.types.is_integer_dtype(dtype):
        if s.isna().any():  # nullable Int64 with missing values
            return pa.array(s.astype("Int64"), type=pa.int64(), from_pandas=True)
        return pa.array(s.to_numpy(dtype=np.int64), type=pa.int64())
    if pd.api.types.is_float_dtype(dtype):
        return pa.array(s.to_numpy(dtype=np.float64, na_value=np.nan), type=pa.float64(), from_pandas=True)
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return _epoch_seconds(s, column)
    if isinstance(dtype, pd.CategoricalDtype):
        return _utf8(s.astype(object))
    if dtype == object:
        non_null = s.dropna()
        if len(non_null) and all(isinstance(v, (int, np.integer)) and not isinstance(v, (bool, np.bool_))
                                 for v in non_null):
            return pa.array([None if _isnull(v) else int(v) for v in s], type=pa.int64())
        if len(non_null) and all(isinstance(v, (float, np.floating, int, np.integer))
                                 and not isinstance(v, (bool, np.bool_)) for v in non_null):
            return pa.array([None if _isnull(v) else float(v) for v in s], type=pa.float64())
    return _utf8(s)


def _isnull(v) -> bool:
    return v is None or v is pd.NA or (isinstance(v, (float, np.floating)) and np.isnan(v))


def _utf8(s: pd.Series) -> pa.Array:
    return pa.array([None if _isnull(v) else str(v) for v in s.to_numpy(dtype=object)], type=pa.string())


def _epoch_seconds(s: pd.Series, column: str) -> pa.Array:
    if s.dt.tz is not None:
        s = s.dt.tz_convert("UTC").dt.tz_localize(None)
    secs = (s - pd.Timestamp("1970-01-01")) // pd.Timedelta(seconds=1)
    return pa.array(secs.astype("Int64"), type=pa.int64(), from_pandas=True)


def float_array(s: pd.Series, column: str) -> pa.Array:
    try:
        arr = s.to_numpy(dtype=np.float64, na_value=np.nan)
    except (TypeError, ValueError) as e:
        raise ValueError(f"column '{column}' must be numeric (float): {e}") from None
    return pa.array(arr, type=pa.float64())


def int_array(s: pd.Series, column: str) -> pa.Array:
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        return _epoch_seconds(s, column)
    if pd.api.types.is_float_dtype(s.dtype):
        arr = s.to_numpy(dtype=np.float64, na_value=np.nan)
        if not _is_integral_float(arr):
            raise ValueError(f"column '{column}' must hold integers")
        return pa.array(arr.astype(np.int64), type=pa.int64())
    try:
        return pa.array(s.to_numpy(dtype=np.int64), type=pa.int64())
    except (TypeError, ValueError) as e:
        raise ValueError(f"column '{column}' must hold integers: {e}") from None


def encode_table(df: pd.DataFrame, id_columns: Iterable[str] = (), float_columns: Iterable[str] = (),
                 int_columns: Iterable[str] = (), side: bool = False) -> pa.Table:
    """Build the Arrow table for an upload. Columns not named are encoded as side columns when
    ``side`` is true and dropped otherwise (the server ignores unknown columns anyway)."""
    id_columns, float_columns, int_columns = set(id_columns), set(float_columns), set(int_columns)
    arrays, names = [], []
    for col in df.columns:
        name = str(col)
        s = df[col]
        if name in id_columns:
            arr = id_array(s, name)
        elif name in float_columns:
            arr = float_array(s, name)
        elif name in int_columns:
            arr = int_array(s, name)
        elif side:
            arr = side_array(s, name)
        else:
            continue
        arrays.append(arr)
        names.append(name)
    return pa.Table.from_arrays(arrays, names=names)


def encode_embeddings(emb: pd.DataFrame, id_column: str) -> pa.Table:
    """An embedding DataFrame (index = ids, one float column per dimension) as ``id, e0..eD``."""
    if not isinstance(emb, pd.DataFrame):
        raise ValueError(f"{id_column[:-3]}_embeddings must be a DataFrame with ids as index and one float column "
                         "per dimension, e.g. pd.DataFrame(vectors, index=item_ids)")
    if emb.empty or emb.shape[1] == 0:
        raise ValueError(f"{id_column[:-3]}_embeddings is empty")
    values = emb.to_numpy()
    if not np.issubdtype(values.dtype, np.number):
        raise ValueError(f"{id_column[:-3]}_embeddings must hold numbers only")
    values = values.astype(np.float32, copy=False)
    if not np.all(np.isfinite(values)):
        raise ValueError(f"{id_column[:-3]}_embeddings holds NaN or infinite values")
    if emb.index.has_duplicates:
        raise ValueError(f"{id_column[:-3]}_embeddings has duplicate ids in its index")
    arrays = [id_array(pd.Series(emb.index), id_column)]
    names = [id_column]
    for d in range(values.shape[1]):
        arrays.append(pa.array(values[:, d], type=pa.float32()))
        names.append(f"e{d}")
    return pa.Table.from_arrays(arrays, names=names)


def to_ipc_stream(table: pa.Table) -> pa.Buffer:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue()


def from_ipc_stream(data: bytes) -> pd.DataFrame:
    with pa.ipc.open_stream(pa.py_buffer(data)) as reader:
        return reader.read_all().to_pandas()


def from_csv(text: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(text), dtype={"user_id": str})
