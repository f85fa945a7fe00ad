"""Score matrix -> top-N candidate lists, exactly as METRICS.md "Preparing lists" orders them.

Train items are masked (score -inf) before the cut; the order is score descending, ties by the
external item id ascending with numeric ids compared as numbers. The matrix is read in row
chunks: the chunk copy (where the mask is written) is the only copy of the scores, so a
138,000 x 27,000 float32 matrix never needs more than one chunk of extra memory.
"""
from __future__ import annotations

import math
from typing import Optional

import numpy as np
import pandas as pd

from . import _progress
from .dataset import show

# Elements per chunk: the chunk copy plus argpartition's int64 index array stay around 100 MB.
_CHUNK_ELEMENTS = 8 * 1024 * 1024
DEFAULT_CHUNK_ROWS = 2048


def _id_key(v):
    s = str(v)
    try:
        return (0, int(s), s)
    except ValueError:
        pass
    try:
        f = float(s)
        if math.isfinite(f):
            return (0, f, s)
    except ValueError:
        pass
    return (1, 0, s)


def id_order_rank(ids) -> np.ndarray:
    """rank[j] = position of ids[j] in tie order (external id ascending, numbers as numbers)."""
    ids = pd.Index(ids)
    n = len(ids)
    if pd.api.types.is_integer_dtype(ids.dtype) or pd.api.types.is_float_dtype(ids.dtype):
        order = np.argsort(ids.to_numpy(), kind="stable")
    else:
        order = np.array(sorted(range(n), key=lambda j: _id_key(ids[j])), dtype=np.int64)
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n, dtype=np.int64)
    return rank


def _comparable(a: pd.Index, b) -> tuple:
    """Both id collections as Index objects that compare the way the server does (string form),
    keeping the fast integer path when both sides are integers."""
    b = pd.Index(b)
    if pd.api.types.is_integer_dtype(a.dtype) and pd.api.types.is_integer_dtype(b.dtype):
        return a.astype(np.int64), b.astype(np.int64)
    return pd.Index(a.astype(str)), pd.Index(b.astype(str))


def _train_mask_pairs(users: pd.Index, items: pd.Index, train: Optional[pd.DataFrame]):
    """(row, col) positions of train interactions inside the matrix, sorted by row."""
    if train is None or len(train) == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    u_idx, tu = _comparable(users, train["user_id"])
    i_idx, ti = _comparable(items, train["item_id"])
    rows = u_idx.get_indexer(tu)
    cols = i_idx.get_indexer(ti)
    keep = (rows >= 0) & (cols >= 0)
    rows, cols = rows[keep].astype(np.int64), cols[keep].astype(np.int64)
    order = np.argsort(rows, kind="stable")
    return rows[order], cols[order]


def top_n(prediction_matrix: pd.DataFrame, n: int, train_interactions: Optional[pd.DataFrame] = None,
          chunk_rows: Optional[int] = None, progress_desc: str = "top-N") -> pd.DataFrame:
    """Turn a users x items score DataFrame into a long table ``user_id, item_id, score, rank``.

    ``train_interactions`` (columns ``user_id``, ``item_id``) are masked first. Scores of ``-inf``
    are treated as "never recommend"; NaN and ``+inf`` raise ``ValueError``. A user whose row has
    fewer than ``n`` recommendable items gets a shorter list. ``n`` is the candidate count
    (``n_candidates`` in ``upload_experiment`` and on the wire).
    """
    if not isinstance(prediction_matrix, pd.DataFrame):
        raise ValueError("prediction_matrix must be a pandas DataFrame (index = user ids, "
                         "columns = item ids, values = float scores)")
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n_candidates must be a positive integer, got {n!r}")
    users, items = prediction_matrix.index, prediction_matrix.columns
    n_users, n_items = prediction_matrix.shape
    if n_users == 0 or n_items == 0:
        raise ValueError(f"prediction_matrix is empty ({n_users} users x {n_items} items)")
    if users.has_duplicates:
        raise ValueError(f"prediction_matrix has duplicate user ids in its index, e.g. {show(users[users.duplicated()][0])}")
    if items.has_duplicates:
        raise ValueError(f"prediction_matrix has duplicate item ids in its columns, e.g. {show(items[items.duplicated()][0])}")
    if users.hasnans or items.hasnans:
        raise ValueError("prediction_matrix has null user or item ids")

    values = prediction_matrix.to_numpy(copy=False)
    if not np.issubdtype(values.dtype, np.number) or np.issubdtype(values.dtype, np.complexfloating):
        raise ValueError(f"prediction_matrix must hold float scores, got dtype {values.dtype}")
    work_dtype = np.float32 if values.dtype == np.float32 else np.float64

    item_rank = id_order_rank(items)
    mask_rows, mask_cols = _train_mask_pairs(users, items, train_interactions)
    k = int(min(n, n_items))
    if chunk_rows is None:
        chunk_rows = max(1, min(DEFAULT_CHUNK_ROWS, _CHUNK_ELEMENTS // n_items))

    out_rows, out_cols, out_scores, out_ranks = [], [], [], []
    with _progress.bar(total=n_users, desc=progress_desc, unit="user") as pbar:
        for r0 in range(0, n_users, chunk_rows):
            r1 = min(r0 + chunk_rows, n_users)
            chunk = np.array(values[r0:r1], dtype=work_dtype, copy=True)
            bad = ~(chunk < np.inf)  # NaN or +inf
            if bad.any():
                r, c = np.argwhere(bad)[0]
                raise ValueError(f"prediction_matrix has a non-finite score {chunk[r, c]} for user {show(users[r0 + r])}, "
                                 f"item {show(items[c])}; use finite scores (-inf means 'never recommend')")
            lo, hi = np.searchsorted(mask_rows, [r0, r1])
            chunk[mask_rows[lo:hi] - r0, mask_cols[lo:hi]] = -np.inf

            cols, scores = _chunk_top_k(chunk, k, item_rank)
            valid = scores > -np.inf
            ranks = np.cumsum(valid, axis=1)
            flat = valid.ravel()
            out_rows.append(np.repeat(np.arange(r0, r1, dtype=np.int64), k)[flat])
            out_cols.append(cols.ravel()[flat])
            out_scores.append(scores.ravel()[flat].astype(np.float64))
            out_ranks.append(ranks.ravel()[flat].astype(np.int64))
            del chunk
            pbar.update(r1 - r0)

    rows = np.concatenate(out_rows)
    cols = np.concatenate(out_cols)
    return pd.DataFrame({
        "user_id": users.to_numpy()[rows],
        "item_id": items.to_numpy()[cols],
        "score": np.concatenate(out_scores),
        "rank": np.concatenate(out_ranks),
    })


def _chunk_top_k(chunk: np.ndarray, k: int, item_rank: np.ndarray):
    """Column indices and scores of each row's top k, ordered (score desc, item id asc).

    argpartition alone picks an arbitrary subset of the items tied with the k-th score; rows
    where that matters are redone exactly: everything strictly above the threshold, then the
    tied items in id order.
    """
    n_rows, n_items = chunk.shape
    if k < n_items:
        part = np.argpartition(chunk, n_items - k, axis=1)[:, n_items - k:]
        scores = np.take_along_axis(chunk, part, axis=1)
        threshold = scores.min(axis=1)
        greater = np.count_nonzero(chunk > threshold[:, None], axis=1)
        equal = np.count_nonzero(chunk == threshold[:, None], axis=1)
        # a -inf threshold means fewer than k recommendable items: the -inf ones are dropped anyway
        for i in np.flatnonzero((equal > k - greater) & (threshold > -np.inf)):
            row = chunk[i]
            above = np.flatnonzero(row > threshold[i])
            tied = np.flatnonzero(row == threshold[i])
            tied = tied[np.argsort(item_rank[tied], kind="stable")][: k - len(above)]
            part[i] = np.concatenate([above, tied])
            scores[i] = row[part[i]]
    else:
        part = np.broadcast_to(np.arange(n_items, dtype=np.int64), (n_rows, n_items))
        scores = chunk
    order = np.lexsort((item_rank[part], -scores), axis=1)
    return np.take_along_axis(part, order, axis=1), np.take_along_axis(scores, order, axis=1)
