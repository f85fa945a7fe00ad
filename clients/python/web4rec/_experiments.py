"""Experiments: upload one model's lists, wait for its metrics, read one / all / per user."""
from __future__ import annotations

import json
import time
import uuid
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Union

import numpy as np
import pandas as pd

from . import _arrow, _progress
from ._multipart import MultipartBody
from ._resource import ResourceApi
from ._topn import top_n
from .dataset import require_columns, show
from .exceptions import ExperimentFailedError, WaitTimeoutError
from .models import ExperimentInfo

if TYPE_CHECKING:
    from .client import Web4RecClient

_STATUS_STEPS = ("uploaded", "computing", "ready")
_RECS_EXAMPLE = ("pd.DataFrame({'user_id': [1, 1, 2], 'item_id': [10, 20, 10], 'score': [0.9, 0.7, 0.8], "
                 "'rank': [1, 2, 1]})")


def _json_default(o):
    if isinstance(o, np.integer):
        return int(o)
    if isinstance(o, np.floating):
        return float(o)
    if isinstance(o, np.bool_):
        return bool(o)
    if isinstance(o, np.ndarray):
        return o.tolist()
    raise TypeError(f"{type(o).__name__} is not JSON serializable")


def _to_json(value, what: str) -> str:
    try:
        return json.dumps(value, default=_json_default, allow_nan=False, ensure_ascii=True)
    except (TypeError, ValueError) as e:
        raise ValueError(f"{what} must be JSON-serializable (numbers, strings, booleans, lists, dicts): {e}") from None


class ExperimentHandle:
    """An uploaded experiment whose metrics may still be computing (``wait=False``)."""

    def __init__(self, client: "Web4RecClient", dataset_name: str, name: str, info: Optional[ExperimentInfo] = None):
        self._client = client
        self.dataset_name = dataset_name
        self.name = name
        self.info = info

    def refresh(self) -> ExperimentInfo:
        """Fetch the experiment object again."""
        self.info = self._client.experiment(self.name, dataset_name=self.dataset_name)
        return self.info

    def status(self) -> str:
        """The current status: ``uploaded``, ``computing``, ``ready`` or ``failed``."""
        return self.refresh().status

    def wait(self, timeout: Optional[float] = None, poll_interval: Optional[float] = None) -> ExperimentInfo:
        """Poll until the metrics are ready and return the experiment. Raises
        :class:`ExperimentFailedError` if computing failed, :class:`WaitTimeoutError` after ``timeout`` s."""
        deadline = None if timeout is None else time.monotonic() + timeout
        delay = self._client.poll_interval if poll_interval is None else poll_interval
        max_delay = max(delay, self._client.max_poll_interval)
        with _progress.bar(total=len(_STATUS_STEPS), desc=f"experiment {self.name}", unit="step",
                           bar_format="{desc} ({n}/{total}) [{elapsed}]") as pbar:
            while True:
                info = self.refresh()
                if info.status in _STATUS_STEPS:
                    pbar.n = _STATUS_STEPS.index(info.status) + 1
                pbar.set_description_str(f"experiment {self.name}: {info.status}")
                if info.status == "ready":
                    return info
                if info.status == "failed":
                    raise ExperimentFailedError(
                        f"computing the metrics of experiment '{self.name}' failed: {info.error or 'no reason given'}",
                        code="experiment_failed")
                sleep = delay
                if deadline is not None:
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        raise WaitTimeoutError(f"experiment '{self.name}' is still '{info.status}' after {timeout} s",
                                               code="wait_timeout")
                    sleep = min(delay, remaining)
                time.sleep(sleep)
                delay = min(delay * 1.5, max_delay)

    def __repr__(self) -> str:
        status = self.info.status if self.info else "?"
        return f"ExperimentHandle(name={self.name!r}, dataset_name={self.dataset_name!r}, status={status!r})"


def _check_recommendations(recs) -> None:
    require_columns(recs, ("user_id", "item_id", "score"), "recommendations", _RECS_EXAMPLE)
    if len(recs) == 0:
        raise ValueError(f"recommendations is empty. Example: {_RECS_EXAMPLE}")
    for col in ("user_id", "item_id"):
        if recs[col].isna().any():
            raise ValueError(f"recommendations has null values in '{col}'. Example: {_RECS_EXAMPLE}")
    try:
        scores = recs["score"].to_numpy(dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"recommendations column 'score' must be numeric, got {recs['score'].dtype}") from None
    bad = ~np.isfinite(scores)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise ValueError(f"recommendations has {int(bad.sum())} non-finite scores (NaN/inf), e.g. {scores[i]} for "
                         f"user {show(recs['user_id'].iloc[i])}, item {show(recs['item_id'].iloc[i])}; drop those rows or "
                         "give finite scores")
    dup = recs.duplicated(subset=["user_id", "item_id"])
    if dup.any():
        row = recs.loc[dup.to_numpy()].iloc[0]
        raise ValueError(f"recommendations has {int(dup.sum())} duplicate (user_id, item_id) rows, e.g. "
                         f"({show(row['user_id'])}, {show(row['item_id'])}); keep one row per pair")
    if "rank" in recs.columns:
        ranks = recs["rank"]
        if not pd.api.types.is_integer_dtype(ranks) or (ranks < 1).any():
            raise ValueError("recommendations column 'rank' must hold integers >= 1 (1 = best)")



class ExperimentsApi(ResourceApi):
    last_upload_timings: Dict[str, float]

    def upload_experiment(self, experiment_name: str, hyper_parameters: Optional[Dict[str, Any]] = None,
                          prediction_matrix: Optional[pd.DataFrame] = None,
                          recommendations: Optional[pd.DataFrame] = None,
                          dataset_name: Optional[str] = None, n_candidates: int = 100,
                          ks: Optional[Sequence[int]] = None, wait: bool = True, *,
                          train_interactions: Optional[pd.DataFrame] = None, validate: bool = True,
                          timeout: Optional[float] = None, item_embeddings: Optional[pd.DataFrame] = None,
                          user_embeddings: Optional[pd.DataFrame] = None) -> Union[ExperimentInfo, ExperimentHandle]:
        """Upload one model's recommendations and (``wait=True``) return the experiment with its metrics.

        Give either ``prediction_matrix`` (DataFrame: index user ids, columns item ids, float scores;
        turned into the top ``n_candidates`` per user here, train items masked first) or
        ``recommendations`` (long DataFrame ``user_id, item_id, score [, rank]``). ``wait=False``
        returns an :class:`ExperimentHandle`. ``validate=False`` skips the client-side checks of
        ``recommendations`` and sends them as they are. ``item_embeddings`` / ``user_embeddings``
        (DataFrames: index = ids, one float column per dimension) enable the ``emb`` similarity
        source (``diversity@10:emb``, ...) and embedding maps.
        """
        t_start = time.perf_counter()
        timings: Dict[str, float] = {}
        self.last_upload_timings = timings
        if not isinstance(experiment_name, str) or not experiment_name.strip():
            raise ValueError(f"experiment_name must be a non-empty string, got {experiment_name!r}. Example: 'BPR-MF'")
        if (prediction_matrix is None) == (recommendations is None):
            raise ValueError("give exactly one of prediction_matrix= (users x items score DataFrame) or "
                             f"recommendations= (long DataFrame). Example: recommendations={_RECS_EXAMPLE}")
        if isinstance(n_candidates, bool) or not isinstance(n_candidates, (int, np.integer)) or n_candidates < 1:
            raise ValueError(f"n_candidates must be a positive integer, got {n_candidates!r}. Example: 100")
        if ks is not None:
            ks = list(ks)
            if not ks or any(isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1 for k in ks):
                raise ValueError(f"ks must be a non-empty list of positive integers, got {ks!r}. Example: [5, 10, 20]")
            ks = [int(k) for k in ks]
        hyper_parameters = {} if hyper_parameters is None else hyper_parameters
        if not isinstance(hyper_parameters, dict):
            raise ValueError(f"hyper_parameters must be a dict, got {type(hyper_parameters).__name__}. "
                             "Example: {'embedding_size': 16}")
        dataset_name = self._resolve_dataset(dataset_name)

        if prediction_matrix is not None:
            if train_interactions is None:
                ds = self._registered.get(dataset_name)
                if ds is None:
                    raise ValueError(
                        f"the train interactions of dataset '{dataset_name}' are needed to mask train items in "
                        "prediction_matrix, but it was not registered in this session: pass "
                        "train_interactions=train_df (columns user_id, item_id), or upload top-N lists via "
                        "recommendations=")
                train_interactions = ds.train
            else:
                require_columns(train_interactions, ("user_id", "item_id"), "train_interactions",
                                "pd.DataFrame({'user_id': [1, 1], 'item_id': [10, 20]})")
            recs = top_n(prediction_matrix, int(n_candidates), train_interactions)
            timings["top_n"] = time.perf_counter() - t_start
        else:
            recs = recommendations
            if validate:
                _check_recommendations(recs)
            elif not isinstance(recs, pd.DataFrame):
                raise ValueError("recommendations must be a pandas DataFrame")

        t0 = time.perf_counter()
        table = _arrow.encode_table(recs, id_columns=("user_id", "item_id"), float_columns=("score",),
                                    int_columns=("rank",))
        buf = _arrow.to_ipc_stream(table)
        del table
        meta: Dict[str, Any] = {"experiment_name": experiment_name, "hyper_parameters": hyper_parameters,
                                "n_candidates": int(n_candidates)}
        if ks is not None:
            meta["ks"] = ks
        body = (MultipartBody().add_field("meta", _to_json(meta, "hyper_parameters"))
                .add_file("recommendations", "recommendations.arrows", _arrow.ARROW_STREAM, buf))
        for part, emb, id_column in (("item_embeddings", item_embeddings, "item_id"),
                                     ("user_embeddings", user_embeddings, "user_id")):
            if emb is not None:
                body.add_file(part, f"{part}.arrows", _arrow.ARROW_STREAM,
                              _arrow.to_ipc_stream(_arrow.encode_embeddings(emb, id_column)))
        body = body.close()
        timings["encode"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        # one key per call, reused by every retry, so a retried upload cannot create a duplicate
        headers = {"Idempotency-Key": str(uuid.uuid4())}
        resp = self._request("POST", self._dataset_path(dataset_name) + "/experiments", body=body,
                             headers=headers, timeout=self.upload_timeout,
                             progress_desc=f"upload {experiment_name}")
        timings["upload"] = time.perf_counter() - t0
        info = ExperimentInfo.from_json(resp.json())
        handle = ExperimentHandle(self, dataset_name, info.name or experiment_name, info)
        if not wait:
            timings["total"] = time.perf_counter() - t_start
            return handle
        t0 = time.perf_counter()
        result = handle.wait(timeout=timeout)
        timings["compute"] = time.perf_counter() - t0
        timings["total"] = time.perf_counter() - t_start
        return result

    def experiment(self, experiment_name: str, dataset_name: Optional[str] = None) -> ExperimentInfo:
        dataset_name = self._resolve_dataset(dataset_name)
        path = self._experiment_path(dataset_name, experiment_name)
        return ExperimentInfo.from_json(self._request("GET", path).json())

    def delete_experiment(self, experiment_name: str, dataset_name: Optional[str] = None) -> None:
        """Delete the experiment and every re-rank derived from it, with their metrics and lists.

        Irreversible. Raises NotFoundError when the experiment does not exist."""
        dataset_name = self._resolve_dataset(dataset_name)
        self._request("DELETE", self._experiment_path(dataset_name, experiment_name))

    def experiment_infos(self, dataset_name: Optional[str] = None) -> List[ExperimentInfo]:
        dataset_name = self._resolve_dataset(dataset_name)
        data = self._request("GET", self._dataset_path(dataset_name) + "/experiments").json()
        return [ExperimentInfo.from_json(e) for e in data.get("experiments", [])]

    def experiments(self, dataset_name: Optional[str] = None) -> pd.DataFrame:
        """One row per experiment: ``experiment_name``, ``status``, one column per hyper-parameter,
        one column per metric (named as the server names it, e.g. ``ndcg@10``), then bookkeeping."""
        infos = self.experiment_infos(dataset_name)
        fixed = ["experiment_name", "status", "parent", "objective", "sim", "lambda"]
        tail = ["error", "n_candidates", "ks", "n_users_with_list", "created_at", "updated_at"]
        hp_cols: Dict[str, None] = {}
        metric_cols: Dict[str, None] = {}
        for e in infos:
            hp_cols.update(dict.fromkeys(e.hyper_parameters or {}))
            metric_cols.update(dict.fromkeys(e.metrics or {}))
        taken = set(fixed) | set(tail) | set(metric_cols)
        hp_name = {k: (f"hp.{k}" if k in taken else k) for k in hp_cols}
        rows = []
        for e in infos:
            row: Dict[str, Any] = {"experiment_name": e.name, "status": e.status, "parent": e.parent,
                                   "objective": e.objective, "sim": e.sim, "lambda": e.lambda_}
            for k, v in (e.hyper_parameters or {}).items():
                row[hp_name[k]] = v
            row.update(e.metrics or {})
            row.update({"error": e.error, "n_candidates": e.n_candidates, "ks": e.ks,
                        "n_users_with_list": e.n_users_with_list, "created_at": e.created_at,
                        "updated_at": e.updated_at})
            rows.append(row)
        columns = fixed + list(hp_name.values()) + list(metric_cols) + tail
        return pd.DataFrame(rows, columns=columns)

    def metrics_per_user(self, experiment_name: str, dataset_name: Optional[str] = None) -> pd.DataFrame:
        """Per-user metrics: ``user_id`` then one float column per metric (users with ground truth)."""
        dataset_name = self._resolve_dataset(dataset_name)
        path = self._experiment_path(dataset_name, experiment_name) + "/per-user"
        resp = self._request("GET", path, headers={"Accept": f"{_arrow.ARROW_STREAM}, text/csv;q=0.5"})
        ctype = resp.headers.get("Content-Type", "")
        df = _arrow.from_csv(resp.content) if "csv" in ctype else _arrow.from_ipc_stream(resp.content)
        if "user_id" in df.columns:
            info = self._dataset_info.get(dataset_name) or self._fetch_dataset(dataset_name)
            if info.id_type == "int":
                try:
                    df["user_id"] = df["user_id"].astype(np.int64)
                except (TypeError, ValueError):
                    pass
        return df

