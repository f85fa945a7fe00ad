"""The HTTP client (one object, one reused session) and the ``Web4Rec`` class-level facade."""
from __future__ import annotations

import email.utils
import json
import os
import platform
import random
import time
import uuid
from typing import Any, Dict, List, Optional, Sequence, Union
from urllib.parse import quote

import numpy as np
import pandas as pd
import requests

from . import _arrow, _progress
from ._multipart import MultipartBody
from ._topn import top_n
from ._version import __version__
from .dataset import Web4RecDataset, check_name, require_columns, show
from .exceptions import (AuthenticationError, ExperimentFailedError, ServerUnavailableError, WaitTimeoutError,
                         Web4RecError, error_class_for_status)
from .models import DatasetInfo, ExperimentInfo

DEFAULT_SERVER = "http://localhost:8080"
RETRY_STATUSES = (429, 503, 504)
_STATUS_STEPS = ("uploaded", "computing", "ready")
_RECS_EXAMPLE = ("pd.DataFrame({'user_id': [1, 1, 2], 'item_id': [10, 20, 10], 'score': [0.9, 0.7, 0.8], "
                 "'rank': [1, 2, 1]})")


def _user_agent() -> str:
    return (f"web4rec-python/{__version__} (python {platform.python_version()}; "
            f"requests {requests.__version__})")


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


class Web4RecClient:
    """A connection to one Web4Rec server as one user (token).

    ``server`` defaults to ``$WEB4REC_SERVER`` then ``http://localhost:8080``; ``token`` to
    ``$WEB4REC_TOKEN``. ``timeout`` is (connect, read) seconds for ordinary calls,
    ``upload_timeout`` for uploads. GETs (and uploads carrying an idempotency key) are retried on
    429/503/504, honouring ``Retry-After``, with exponential backoff and jitter.
    """

    def __init__(self, server: Optional[str] = None, token: Optional[str] = None, *,
                 team: Optional[str] = None, timeout=(10.0, 60.0), upload_timeout=(10.0, 600.0),
                 max_retries: int = 5, backoff: float = 0.5, max_backoff: float = 30.0,
                 poll_interval: float = 0.25, max_poll_interval: float = 2.0):
        self.server = (server or os.environ.get("WEB4REC_SERVER") or DEFAULT_SERVER).rstrip("/")
        self.token = token or os.environ.get("WEB4REC_TOKEN") or None
        self.team = team
        self.timeout = timeout
        self.upload_timeout = upload_timeout
        self.max_retries = max_retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.poll_interval = poll_interval
        self.max_poll_interval = max_poll_interval
        self.session = requests.Session()
        self.session.headers.update({"User-Agent": _user_agent(), "Accept": "application/json"})
        # datasets registered through this client: the default dataset_name and the train items to mask
        self._registered: Dict[str, Web4RecDataset] = {}
        self._dataset_info: Dict[str, DatasetInfo] = {}
        self.last_upload_timings: Dict[str, float] = {}

    def __repr__(self) -> str:
        return f"Web4RecClient(server={self.server!r}, token={'set' if self.token else None})"

    def close(self) -> None:
        self.session.close()

    # ---------------------------------------------------------------- HTTP plumbing
    def _request(self, method: str, path: str, *, json_body: Any = None, body: Optional[MultipartBody] = None,
                 params: Optional[Dict[str, Any]] = None, headers: Optional[Dict[str, str]] = None,
                 retry: Optional[bool] = None, timeout=None, auth: bool = True,
                 progress_desc: Optional[str] = None) -> requests.Response:
        url = self.server + path
        h = dict(headers or {})
        if auth:
            if not self.token:
                raise AuthenticationError("no API token: call Web4Rec.login(token=...) or Web4Rec.signup(...), "
                                          "or set WEB4REC_TOKEN", code="no_token")
            h["Authorization"] = f"Bearer {self.token}"
        if self.team:
            h.setdefault("X-Web4Rec-Team", str(self.team))
        if retry is None:
            retry = method in ("GET", "HEAD", "PUT", "DELETE", "OPTIONS") or "Idempotency-Key" in h
        timeout = timeout or self.timeout
        attempt = 0
        while True:
            pbar = None
            if body is not None:
                body.reset()
                h["Content-Type"] = body.content_type
                if progress_desc:
                    pbar = _progress.bar(total=len(body), desc=progress_desc, unit="B", unit_scale=True,
                                         unit_divisor=1024)
                    body.on_read = pbar.update
            try:
                resp = self.session.request(method, url, params=params, json=json_body, data=body,
                                            headers=h, timeout=timeout)
            except (requests.ConnectionError, requests.Timeout) as e:
                # only a GET is safe to resend blindly after a broken connection
                if retry and method == "GET" and attempt < self.max_retries:
                    time.sleep(self._backoff_delay(attempt))
                    attempt += 1
                    continue
                hint = ""
                if body is not None and len(body) > 1_000_000:
                    hint = (f" (the request body was {len(body) / 1e6:.1f} MB; if the server closed the connection "
                            "early, the body may exceed its upload limit)")
                raise ServerUnavailableError(f"could not talk to the Web4Rec server at {self.server}: {e}{hint}",
                                             code="connection_error") from e
            finally:
                if pbar is not None:
                    pbar.close()
                    body.on_read = None
            if retry and resp.status_code in RETRY_STATUSES and attempt < self.max_retries:
                time.sleep(self._retry_delay(resp, attempt))
                attempt += 1
                continue
            self._raise_for_status(resp)
            return resp

    def _backoff_delay(self, attempt: int) -> float:
        cap = min(self.max_backoff, self.backoff * (2 ** attempt))
        return cap / 2 + random.uniform(0, cap / 2)

    def _retry_delay(self, resp: requests.Response, attempt: int) -> float:
        value = resp.headers.get("Retry-After")
        if value:
            try:
                return min(self.max_backoff, max(0.0, float(value)))
            except ValueError:
                parsed = email.utils.parsedate_to_datetime(value) if value else None
                if parsed is not None:
                    return min(self.max_backoff, max(0.0, parsed.timestamp() - time.time()))
        return self._backoff_delay(attempt)

    @staticmethod
    def _raise_for_status(resp: requests.Response) -> None:
        """Map an error answer to the exception hierarchy, carrying the server's message."""
        if resp.status_code < 400:
            return
        code = message = example = None
        try:
            payload = resp.json()
            if isinstance(payload, dict):
                code = payload.get("error")
                message = payload.get("message") or payload.get("detail")
                example = payload.get("example")
                if isinstance(code, dict):  # tolerate {"error": {"code":..., "message":...}}
                    code, message = code.get("code"), message or code.get("message")
        except ValueError:
            pass
        if not message:
            text = (resp.text or "").strip()
            message = text[:500] if text else (resp.reason or "request failed")
        message = f"{resp.request.method} {resp.request.path_url}: {message}" if resp.request is not None else message
        raise error_class_for_status(resp.status_code)(message, status=resp.status_code, code=code,
                                                         example=None if example is None else str(example))

    # ---------------------------------------------------------------- accounts
    def signup(self, email: str, password: str) -> str:
        """Create an account; remembers and returns its API token."""
        if not email or "@" not in str(email):
            raise ValueError(f"email must be an e-mail address, got {email!r}")
        if not isinstance(password, str) or len(password) < 8:
            raise ValueError("password must be a string of at least 8 characters")
        resp = self._request("POST", "/api/v1/auth/signup", json_body={"email": email, "password": password},
                             auth=False, retry=False)
        self.token = resp.json()["token"]
        return self.token

    def login_password(self, email: str, password: str) -> Dict[str, Any]:
        """Log in with e-mail and password; the session JWT becomes this client's bearer token."""
        resp = self._request("POST", "/api/v1/auth/login", json_body={"email": email, "password": password},
                             auth=False, retry=False)
        data = resp.json()
        self.token = data["session"]
        return data

    def me(self) -> Dict[str, Any]:
        return self._request("GET", "/api/v1/me").json()

    def create_token(self, name: str) -> str:
        return self._request("POST", "/api/v1/tokens", json_body={"name": name}, retry=False).json()["token"]

    # ---------------------------------------------------------------- datasets
    def register_dataset(self, ds: Web4RecDataset) -> DatasetInfo:
        """Upload a dataset's tables (Arrow IPC streams in one multipart request)."""
        if not isinstance(ds, Web4RecDataset):
            raise ValueError(f"register_dataset expects a Web4RecDataset, got {type(ds).__name__}")
        ds.check_complete()
        body = MultipartBody().add_field("name", ds.dataset_name)
        tables = [("train", ds.train, dict(id_columns=("user_id", "item_id"), float_columns=("rating",),
                                           int_columns=("timestamp",))),
                  ("ground_truth", ds.ground_truth, dict(id_columns=("user_id", "item_id"))),
                  ("user_side", ds.user_side, dict(id_columns=("user_id",), side=True)),
                  ("item_side", ds.item_side, dict(id_columns=("item_id",), side=True))]
        for part, df, kw in tables:
            if df is not None:
                buf = _arrow.to_ipc_stream(_arrow.encode_table(df, **kw))
                body.add_file(part, f"{part}.arrows", _arrow.ARROW_STREAM, buf)
        resp = self._request("POST", "/api/v1/datasets", body=body.close(), timeout=self.upload_timeout,
                             retry=False, progress_desc=f"upload dataset {ds.dataset_name}")
        info = DatasetInfo.from_json(resp.json())
        self._registered[ds.dataset_name] = ds
        self._dataset_info[ds.dataset_name] = info
        return info

    def dataset(self, dataset_name: Optional[str] = None) -> DatasetInfo:
        name = self._resolve_dataset(dataset_name)
        info = DatasetInfo.from_json(self._request("GET", f"/api/v1/datasets/{quote(name, safe='')}").json())
        self._dataset_info[name] = info
        return info

    def datasets(self) -> pd.DataFrame:
        """One row per dataset of the team."""
        items = self._request("GET", "/api/v1/datasets").json().get("datasets", [])
        rows = []
        for d in items:
            row = dict(d)
            for key in ("user_columns", "item_columns"):
                if isinstance(row.get(key), list):
                    row[key] = [c.get("name") if isinstance(c, dict) else c for c in row[key]]
            rows.append(row)
        first = ["name", "id", "version", "created_at", "n_users", "n_items", "n_train", "n_ground_truth",
                 "n_users_with_ground_truth", "id_type", "user_columns", "item_columns"]
        df = pd.DataFrame(rows)
        if df.empty:
            return pd.DataFrame(columns=first)
        return df[[c for c in first if c in df.columns] + [c for c in df.columns if c not in first]]

    def _resolve_dataset(self, dataset_name: Optional[str]) -> str:
        if dataset_name is not None:
            return check_name(dataset_name)
        if len(self._registered) == 1:
            return next(iter(self._registered))
        if not self._registered:
            raise ValueError("dataset_name is required: no dataset was registered in this session. "
                             "Example: dataset_name='ml-latest-small'")
        raise ValueError(f"dataset_name is required: {len(self._registered)} datasets were registered in this "
                         f"session ({sorted(self._registered)})")

    # ---------------------------------------------------------------- experiments
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
        resp = self._request("POST", f"/api/v1/datasets/{quote(dataset_name, safe='')}/experiments", body=body,
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
        path = f"/api/v1/datasets/{quote(dataset_name, safe='')}/experiments/{quote(experiment_name, safe='')}"
        return ExperimentInfo.from_json(self._request("GET", path).json())

    def experiment_infos(self, dataset_name: Optional[str] = None) -> List[ExperimentInfo]:
        dataset_name = self._resolve_dataset(dataset_name)
        data = self._request("GET", f"/api/v1/datasets/{quote(dataset_name, safe='')}/experiments").json()
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

    # ---------------------------------------------------------------- re-ranking
    def _rerank_body(self, objective: str, k: int, n_candidates: Optional[int], users, sim: Optional[str],
                     column: Optional[str]) -> Dict[str, Any]:
        if not isinstance(objective, str):
            raise ValueError("objective must be one of 'diversity', 'novelty', 'unexpectedness', "
                             "'calibration', 'dpp'")
        body: Dict[str, Any] = {"objective": objective, "k": int(k)}
        if n_candidates is not None:
            body["n_candidates"] = int(n_candidates)
        if objective in ("diversity", "unexpectedness", "dpp"):
            body["sim"] = sim or "cooc"
        if objective == "calibration":
            if not (column or (sim and sim.startswith("genre."))):
                raise ValueError("calibration needs column= (a multi-valued item column). Example: column='genres'")
            body["column"] = column or sim[len("genre."):]
        if users is not None:
            ids = [u.item() if hasattr(u, "item") else u for u in list(users)]
            if not ids:
                raise ValueError("users is empty: give user ids, or None for every user")
            body["users"] = [u if isinstance(u, (int, str)) else str(u) for u in ids]
        return body

    def rerank(self, experiment_name: str, objective: str, lam: float, k: int = 10, n_candidates: Optional[int] = 100,
               users=None, sim: str = "cooc", dataset_name: Optional[str] = None, wait: bool = True, *,
               column: Optional[str] = None, name: Optional[str] = None,
               timeout: Optional[float] = None) -> str:
        """Re-rank an experiment's candidates (METRICS.md "Re-ranking") into a derived experiment and
        return its name. ``objective``: diversity, novelty, unexpectedness, calibration (with
        ``column``) or dpp; ``sim``: cooc, emb or genre.<col>; ``users``: a group to re-rank (default
        all). ``wait=True`` blocks until the derived experiment's metrics are ready."""
        if not (isinstance(lam, (int, float)) and 0 <= lam <= 1):
            raise ValueError(f"lam must be a number in [0, 1], got {lam!r}. Example: 0.5")
        dataset_name = self._resolve_dataset(dataset_name)
        body = self._rerank_body(objective, k, n_candidates, users, sim, column)
        body["lambda"] = float(lam)
        if name:
            body["name"] = name
        path = (f"/api/v1/datasets/{quote(dataset_name, safe='')}/experiments/"
                f"{quote(experiment_name, safe='')}/rerank")
        info = ExperimentInfo.from_json(self._request("POST", path, json_body=body, retry=False).json())
        if wait:
            ExperimentHandle(self, dataset_name, info.name, info).wait(timeout=timeout)
        return info.name

    def rerank_sweep(self, experiment_name: str, objective: str, lams: Optional[Sequence[float]] = None, k: int = 10,
                     n_candidates: Optional[int] = 100, users=None, sim: str = "cooc",
                     dataset_name: Optional[str] = None, wait: bool = True, *, column: Optional[str] = None,
                     timeout: Optional[float] = None) -> pd.DataFrame:
        """Re-rank at every λ in ``lams`` (default 0, 0.1, ..., 1) and return one row per λ with
        ``lambda``, ``experiment_name`` and every metric of the derived experiment: the accuracy /
        beyond-accuracy frontier. ``wait=False`` returns the rows with their status only."""
        lams = [i / 10 for i in range(11)] if lams is None else [float(x) for x in lams]
        if not lams or any(not (0 <= x <= 1) for x in lams):
            raise ValueError(f"lams must be numbers in [0, 1], got {lams!r}")
        dataset_name = self._resolve_dataset(dataset_name)
        body = self._rerank_body(objective, k, n_candidates, users, sim, column)
        body["lambdas"] = lams
        path = (f"/api/v1/datasets/{quote(dataset_name, safe='')}/experiments/"
                f"{quote(experiment_name, safe='')}/sweep")
        infos = [ExperimentInfo.from_json(e) for e in
                 self._request("POST", path, json_body=body, retry=False).json()["experiments"]]
        if wait:
            infos = [ExperimentHandle(self, dataset_name, i.name, i).wait(timeout=timeout) for i in infos]
        rows = [{"lambda": i.lambda_, "experiment_name": i.name, "status": i.status, **(i.metrics or {})}
                for i in infos]
        return pd.DataFrame(rows)

    def breakdown(self, experiment_name: str, metric: str, by: str,
                  dataset_name: Optional[str] = None) -> pd.DataFrame:
        """A per-user metric by user segment: ``by`` is ``"activity"`` (quintiles of train history
        size), ``"cold"`` (history <= 5 vs warm) or a user side column. One row per group with
        ``group, n, mean, std, ci_low, ci_high`` (95% t interval of the mean)."""
        dataset_name = self._resolve_dataset(dataset_name)
        path = (f"/api/v1/datasets/{quote(dataset_name, safe='')}/experiments/"
                f"{quote(experiment_name, safe='')}/breakdown")
        data = self._request("GET", path, params={"metric": metric, "by": by}).json()
        cols = ["group", "n", "mean", "std", "ci_low", "ci_high"]
        return pd.DataFrame(data.get("groups", []), columns=cols)

    def compare(self, experiment_names: Sequence[str], dataset_name: Optional[str] = None,
                metrics: Optional[Sequence[str]] = None) -> pd.DataFrame:
        """Significance tests between 2..10 experiments: one row per metric and pair (a, b) with
        ``n`` (users in both), ``mean_a``, ``mean_b``, ``mean_diff`` (b - a), its 95% bootstrap CI,
        paired t-test and Wilcoxon p-values, and their Holm-adjusted values (``*_adj``)."""
        names = list(experiment_names) if not isinstance(experiment_names, str) else [experiment_names]
        if len(names) < 2:
            raise ValueError(f"compare needs at least two experiment names, got {names!r}. "
                             "Example: ['BPR-MF', 'ItemKNN']")
        dataset_name = self._resolve_dataset(dataset_name)
        params = {"experiments": ",".join(names)}
        if metrics:
            params["metrics"] = ",".join([metrics] if isinstance(metrics, str) else list(metrics))
        data = self._request("GET", f"/api/v1/datasets/{quote(dataset_name, safe='')}/compare",
                             params=params).json()
        cols = ["metric", "a", "b", "n", "mean_a", "mean_b", "mean_diff", "ci_low", "ci_high", "p_t",
                "p_wilcoxon", "p_t_adj", "p_wilcoxon_adj"]
        return pd.DataFrame(data.get("comparisons", []), columns=cols)

    def metrics_per_user(self, experiment_name: str, dataset_name: Optional[str] = None) -> pd.DataFrame:
        """Per-user metrics: ``user_id`` then one float column per metric (users with ground truth)."""
        dataset_name = self._resolve_dataset(dataset_name)
        path = (f"/api/v1/datasets/{quote(dataset_name, safe='')}/experiments/"
                f"{quote(experiment_name, safe='')}/per-user")
        resp = self._request("GET", path, headers={"Accept": f"{_arrow.ARROW_STREAM}, text/csv;q=0.5"})
        ctype = resp.headers.get("Content-Type", "")
        df = _arrow.from_csv(resp.content) if "csv" in ctype else _arrow.from_ipc_stream(resp.content)
        if "user_id" in df.columns:
            info = self._dataset_info.get(dataset_name) or self.dataset(dataset_name)
            if info.id_type == "int":
                try:
                    df["user_id"] = df["user_id"].astype(np.int64)
                except (TypeError, ValueError):
                    pass
        return df


    # ---------------------------------------------------------------- post-hoc analysis (docs/analysis-api.md)
    def _experiment_path(self, dataset_name: str, experiment_name: str) -> str:
        return (f"/api/v1/datasets/{quote(dataset_name, safe='')}/experiments/"
                f"{quote(experiment_name, safe='')}")

    @staticmethod
    def _ids(values, what: str, example: str) -> List[Any]:
        if values is None or isinstance(values, (str, bytes)):
            raise ValueError(f"{what} must be a list of ids. Example: {example}")
        ids = [v.item() if hasattr(v, "item") else v for v in list(values)]
        if not ids:
            raise ValueError(f"{what} is empty: give at least one id. Example: {example}")
        return [v if isinstance(v, (int, str)) else str(v) for v in ids]

    @staticmethod
    def _k(k: Optional[int]) -> Optional[int]:
        if k is None:
            return None
        if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 1 <= int(k) <= 1000:
            raise ValueError(f"k must be an integer in [1, 1000], got {k!r}. Example: k=10")
        return int(k)

    def projection(self, experiment_name: str, entity: str = "user", method: str = "pca",
                   dataset_name: Optional[str] = None, *, neighbors: Optional[int] = None,
                   timeout: Optional[float] = None) -> pd.DataFrame:
        """The experiment's 2-D map of users or items: one row per user/item with ``id``, ``x``, ``y``
        (a UMAP map over 50,000 points covers a documented sample). The server computes the map once
        and keeps it; this call waits for the job with a progress bar. ``df.attrs["projection"]``
        holds what the map says about itself: ``source`` (model_embeddings, candidate_scores or
        train_interactions), ``explained_variance`` (PCA), ``sampled``, ``sample_note``, ``n_total``."""
        if entity not in ("user", "item"):
            raise ValueError(f"entity must be 'user' or 'item', got {entity!r}")
        if method not in ("pca", "umap"):
            raise ValueError(f"method must be 'pca' or 'umap', got {method!r}")
        params: Dict[str, Any] = {"entity": entity, "method": method}
        if neighbors is not None:
            if method != "umap":
                raise ValueError("neighbors applies to method='umap' only")
            if isinstance(neighbors, bool) or not isinstance(neighbors, (int, np.integer)) or not 2 <= neighbors <= 200:
                raise ValueError(f"neighbors must be an integer in [2, 200], got {neighbors!r}. Example: 15")
            params["neighbors"] = int(neighbors)
        dataset_name = self._resolve_dataset(dataset_name)
        path = self._experiment_path(dataset_name, experiment_name) + "/projection"
        deadline = None if timeout is None else time.monotonic() + timeout
        delay = self.poll_interval
        with _progress.bar(total=100, desc=f"{method} map of {entity}s", unit="%",
                           bar_format="{desc}: {percentage:3.0f}% [{elapsed}]") as pbar:
            while True:
                resp = self._request("GET", path, params=params)
                data = resp.json()
                if resp.status_code == 200:
                    pbar.n = 100
                    pbar.refresh()
                    break
                pbar.n = int(100 * float(data.get("progress") or 0))
                pbar.set_description_str(f"{method} map of {entity}s: {data.get('stage', 'running')}")
                if deadline is not None and time.monotonic() + delay > deadline:
                    raise WaitTimeoutError(f"the {method} map of {entity}s of '{experiment_name}' is still running "
                                           f"after {timeout} s", code="wait_timeout")
                time.sleep(delay)
                delay = min(delay * 1.5, self.max_poll_interval)
        df = pd.DataFrame({"id": data["ids"], "x": np.asarray(data["x"], dtype=np.float64),
                           "y": np.asarray(data["y"], dtype=np.float64)})
        df.attrs["projection"] = {k: v for k, v in data.items() if k not in ("ids", "x", "y")}
        return df

    def audience(self, experiment_name: str, item_ids, k: int = 10,
                 dataset_name: Optional[str] = None) -> pd.DataFrame:
        """Who meets the given items: users who interacted with any of them in train (``group`` =
        "interacted") vs users the experiment recommends any of them to in its top-``k`` (not the
        whole candidate list; "recommended"). Long format: ``group, column, value, count`` (distinct
        users) over every user side column (numeric columns binned, value ``"[18, 25)"``).
        ``df.attrs`` has ``n_interacted``, ``n_recommended`` and ``k``."""
        body = {"item_ids": self._ids(item_ids, "item_ids", "[31, 50]"), "k": self._k(k)}
        dataset_name = self._resolve_dataset(dataset_name)
        data = self._request("POST", self._experiment_path(dataset_name, experiment_name) + "/audience",
                             json_body=body, retry=True).json()
        df = pd.DataFrame(data.get("rows", []), columns=["group", "column", "value", "count"])
        df["count"] = df["count"].astype(np.int64)
        df.attrs.update({"k": data.get("k"), "n_interacted": data.get("n_interacted"),
                         "n_recommended": data.get("n_recommended")})
        return df

    @staticmethod
    def _side_frame(side: List[Dict[str, Any]]) -> pd.DataFrame:
        """Side-column panels in long form: one row per value (categorical) or bin (numeric)."""
        rows = []
        for c in side:
            if c.get("kind") == "numeric":
                edges = c.get("edges") or []
                for b in range(max(0, len(edges) - 1)):
                    rows.append({"column": c["column"], "kind": "numeric", "value": None,
                                 "bin_low": edges[b], "bin_high": edges[b + 1],
                                 "selected": c["selected"][b], "all": c["all"][b]})
            else:
                for v, sel, al in zip(c.get("values", []), c.get("selected", []), c.get("all", [])):
                    rows.append({"column": c["column"], "kind": c.get("kind"), "value": v, "bin_low": None,
                                 "bin_high": None, "selected": sel, "all": al})
        return pd.DataFrame(rows, columns=["column", "kind", "value", "bin_low", "bin_high", "selected", "all"])

    @staticmethod
    def _with_side(rows: List[Dict[str, Any]], key: str) -> pd.DataFrame:
        flat = []
        for r in rows:
            row = {k: v for k, v in r.items() if k != "side"}
            for col, v in (r.get("side") or {}).items():
                row[col if col not in row else f"side.{col}"] = v
            flat.append(row)
        return pd.DataFrame(flat)

    def selection(self, experiment_name: str, user_ids=None, dataset_name: Optional[str] = None, *,
                  item_ids=None, k: Optional[int] = None) -> Dict[str, pd.DataFrame]:
        """The panels for a selection (e.g. a lasso on the map), as DataFrames.

        Users (``user_ids=``): ``side`` (column, kind, value or bin_low/bin_high, selected, all),
        ``metrics`` (every ready experiment's per-user metrics at ``k``: experiment, metric, selected,
        all), ``top_items`` (the 20 items most often in the selection's top-``k`` of this experiment,
        with count, share and item side columns) and ``genres`` (per multi-valued item column: value,
        share among the selection's train items vs among their recommendations).
        Items (``item_ids=``): ``side``, ``popularity`` (log bins of train counts, selected vs all,
        attrs with means and medians) and ``recommended`` (share of all top-``k`` slots).
        ``k`` defaults to the smallest K the experiment's metrics were computed at."""
        if (user_ids is None) == (item_ids is None):
            raise ValueError("give exactly one of user_ids= or item_ids=. Example: selection('BPR', user_ids=[1, 2, 3])")
        dataset_name = self._resolve_dataset(dataset_name)
        base = self._experiment_path(dataset_name, experiment_name)
        if user_ids is not None:
            body = {"user_ids": self._ids(user_ids, "user_ids", "[1, 2, 3]")}
            if k is not None:
                body["k"] = self._k(k)
            data = self._request("POST", base + "/selection/users", json_body=body, retry=True).json()
            genres = []
            for g in data.get("genres", []):
                for x, v in enumerate(g.get("values", [])):
                    genres.append({"column": g["column"], "value": v, "train": g["train"][x],
                                   "recommended": g["recommended"][x], "train_count": g["train_counts"][x],
                                   "recommended_count": g["recommended_counts"][x]})
            out = {"side": self._side_frame(data.get("side", [])),
                   "metrics": pd.DataFrame(data.get("metrics", []),
                                           columns=["experiment", "metric", "selected", "all"]),
                   "top_items": self._with_side(data.get("top_items", []), "item"),
                   "genres": pd.DataFrame(genres, columns=["column", "value", "train", "recommended",
                                                           "train_count", "recommended_count"])}
        else:
            body = {"item_ids": self._ids(item_ids, "item_ids", "[31, 50]")}
            if k is not None:
                body["k"] = self._k(k)
            data = self._request("POST", base + "/selection/items", json_body=body, retry=True).json()
            pop = data.get("popularity", {})
            edges = pop.get("edges", [])
            popularity = pd.DataFrame({"bin_low": edges[:-1], "bin_high": edges[1:],
                                       "selected": pop.get("selected_counts", []), "all": pop.get("all_counts", [])})
            popularity.attrs.update({"selected": pop.get("selected"), "all": pop.get("all")})
            out = {"side": self._side_frame(data.get("side", [])), "popularity": popularity,
                   "recommended": pd.DataFrame([data.get("recommended", {})])}
        for df in out.values():
            df.attrs.update({"n_selected": data.get("n_selected"), "n_total": data.get("n_total"), "k": data.get("k")})
        return out

    def user_drilldown(self, user_id, experiment_names: Optional[Sequence[str]] = None, k: Optional[int] = None,
                       dataset_name: Optional[str] = None) -> Dict[str, Any]:
        """One user side by side: ``side`` (dict of the user's side columns), ``train`` and
        ``ground_truth`` (item + item side columns) and ``recommendations`` (experiment, rank, item,
        score, hit, item side columns) for each named experiment (default: every ready one, at most
        10) at ``k`` (default: their smallest K)."""
        if user_id is None or isinstance(user_id, (list, tuple, dict)):
            raise ValueError(f"user_id must be one user id, got {user_id!r}. Example: 42")
        user_id = user_id.item() if hasattr(user_id, "item") else user_id
        params: Dict[str, Any] = {}
        if experiment_names is not None:
            names = [experiment_names] if isinstance(experiment_names, str) else list(experiment_names)
            if not names:
                raise ValueError("experiment_names is empty: give names, or None for every ready experiment")
            params["experiments"] = ",".join(names)
        if k is not None:
            params["k"] = self._k(k)
        dataset_name = self._resolve_dataset(dataset_name)
        path = (f"/api/v1/datasets/{quote(dataset_name, safe='')}/users/"
                f"{quote(str(user_id), safe='')}/drilldown")
        data = self._request("GET", path, params=params).json()
        recs = []
        for e in data.get("experiments", []):
            for it in e.get("items", []):
                recs.append({"experiment": e["name"], **it})
        recommendations = self._with_side(recs, "item")
        if recommendations.empty:
            recommendations = pd.DataFrame(columns=["experiment", "item", "rank", "score", "hit"])
        return {"user": data.get("user"), "side": data.get("side", {}), "k": data.get("k"),
                "train": self._with_side(data.get("train", []), "item"),
                "ground_truth": self._with_side(data.get("ground_truth", []), "item"),
                "recommendations": recommendations}

    def filter_ids(self, experiment_name: str, entity: str = "user", where: Optional[Dict[str, Any]] = None,
                   metric: Optional[str] = None, metric_min: Optional[float] = None,
                   metric_max: Optional[float] = None, dataset_name: Optional[str] = None) -> List[Any]:
        """Ids of the users or items that match every condition of ``where`` (a side column to a
        list of values - any of them for multi-valued columns - or to a ``(min, max)`` range, either
        end None, inclusive) and, for users, ``metric_min <= metric <= metric_max`` (users without a
        value for the metric are left out). Example: ``filter_ids('BPR', 'user', {'gender': ['F'],
        'age': (18, 35)}, metric='recall@10', metric_min=0.5)``."""
        if entity not in ("user", "item"):
            raise ValueError(f"entity must be 'user' or 'item', got {entity!r}")
        body: Dict[str, Any] = {"entity": entity}
        if where:
            if not isinstance(where, dict):
                raise ValueError("where must be a dict of column -> values list or (min, max)")
            cond = {}
            for col, v in where.items():
                if isinstance(v, tuple) and len(v) == 2:
                    cond[col] = {k: float(x) for k, x in zip(("min", "max"), v) if x is not None}
                elif isinstance(v, dict):
                    cond[col] = v
                elif isinstance(v, (list, set, np.ndarray, pd.Series)):
                    cond[col] = [x.item() if hasattr(x, "item") else x for x in list(v)]
                else:
                    cond[col] = [v]
            body["where"] = cond
        if metric is not None:
            if entity != "user":
                raise ValueError("metric filters apply to users only")
            m: Dict[str, Any] = {"name": metric}
            if metric_min is not None:
                m["min"] = float(metric_min)
            if metric_max is not None:
                m["max"] = float(metric_max)
            body["metric"] = m
        dataset_name = self._resolve_dataset(dataset_name)
        data = self._request("POST", self._experiment_path(dataset_name, experiment_name) + "/filter",
                             json_body=body, retry=True).json()
        return list(data.get("ids", []))


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


class Web4Rec:
    """The session-level API (class methods on one default :class:`Web4RecClient`).

    >>> Web4Rec.login(token="w4r_...", server="http://localhost:8080")
    >>> Web4Rec.register_dataset(ds)
    >>> Web4Rec.upload_experiment(experiment_name="BPR-MF", prediction_matrix=scores)
    >>> Web4Rec.experiments()

    Set ``Web4Rec.progress = False`` (or ``WEB4REC_NO_PROGRESS=1``) to hide progress bars.
    """

    progress: bool = True
    _client: Optional[Web4RecClient] = None

    @classmethod
    def client(cls) -> Web4RecClient:
        """The default client; created from WEB4REC_SERVER / WEB4REC_TOKEN when not logged in yet."""
        if cls._client is None:
            if not os.environ.get("WEB4REC_TOKEN"):
                raise AuthenticationError("not logged in: call Web4Rec.login(token=..., server=...) or "
                                          "Web4Rec.signup(email=..., password=...), or set WEB4REC_TOKEN",
                                          code="no_token")
            cls._client = Web4RecClient()
        return cls._client

    @classmethod
    def signup(cls, email: str, password: str, server: Optional[str] = None) -> str:
        """Create an account; returns its API token and makes it the session's token (and server)."""
        client = Web4RecClient(server=server)
        token = client.signup(email, password)
        cls._replace(client)
        return token

    @classmethod
    def login(cls, token: Optional[str] = None, server: Optional[str] = None, *, email: Optional[str] = None,
              password: Optional[str] = None) -> Dict[str, Any]:
        """Use an API token (or e-mail + password) for this session; checks it and returns ``/me``."""
        client = Web4RecClient(server=server, token=token)
        if email is not None or password is not None:
            client.login_password(email, password)
        elif not client.token:
            raise ValueError("login needs token= (or WEB4REC_TOKEN in the environment), or email= and password=")
        me = client.me()
        cls._replace(client)
        return me

    @classmethod
    def _replace(cls, client: Web4RecClient) -> None:
        old = cls._client
        if old is not None and old.server == client.server:
            # keep what this session registered, so dataset_name stays optional after a re-login
            client._registered.update(old._registered)
            client._dataset_info.update(old._dataset_info)
        cls._client = client

    @classmethod
    def logout(cls) -> None:
        if cls._client is not None:
            cls._client.close()
        cls._client = None

    @classmethod
    def register_dataset(cls, ds: Web4RecDataset) -> DatasetInfo:
        return cls.client().register_dataset(ds)

    @classmethod
    def upload_experiment(cls, experiment_name: str, hyper_parameters: Optional[Dict[str, Any]] = None,
                          prediction_matrix: Optional[pd.DataFrame] = None,
                          recommendations: Optional[pd.DataFrame] = None, dataset_name: Optional[str] = None,
                          n_candidates: int = 100, ks: Optional[Sequence[int]] = None, wait: bool = True,
                          **kwargs) -> Union[ExperimentInfo, ExperimentHandle]:
        return cls.client().upload_experiment(experiment_name, hyper_parameters, prediction_matrix,
                                              recommendations, dataset_name, n_candidates, ks, wait, **kwargs)

    @classmethod
    def experiment(cls, experiment_name: str, dataset_name: Optional[str] = None) -> ExperimentInfo:
        return cls.client().experiment(experiment_name, dataset_name)

    @classmethod
    def experiments(cls, dataset_name: Optional[str] = None) -> pd.DataFrame:
        return cls.client().experiments(dataset_name)

    @classmethod
    def metrics_per_user(cls, experiment_name: str, dataset_name: Optional[str] = None) -> pd.DataFrame:
        return cls.client().metrics_per_user(experiment_name, dataset_name)

    @classmethod
    def rerank(cls, experiment_name: str, objective: str, lam: float, k: int = 10, n_candidates: Optional[int] = 100,
               users=None, sim: str = "cooc", dataset_name: Optional[str] = None, wait: bool = True,
               **kwargs) -> str:
        return cls.client().rerank(experiment_name, objective, lam, k, n_candidates, users, sim, dataset_name,
                                   wait, **kwargs)

    @classmethod
    def rerank_sweep(cls, experiment_name: str, objective: str, lams: Optional[Sequence[float]] = None,
                     k: int = 10, n_candidates: Optional[int] = 100, users=None, sim: str = "cooc",
                     dataset_name: Optional[str] = None, wait: bool = True, **kwargs) -> pd.DataFrame:
        return cls.client().rerank_sweep(experiment_name, objective, lams, k, n_candidates, users, sim,
                                         dataset_name, wait, **kwargs)

    @classmethod
    def breakdown(cls, experiment_name: str, metric: str, by: str,
                  dataset_name: Optional[str] = None) -> pd.DataFrame:
        return cls.client().breakdown(experiment_name, metric, by, dataset_name)

    @classmethod
    def compare(cls, experiment_names: Sequence[str], dataset_name: Optional[str] = None,
                metrics: Optional[Sequence[str]] = None) -> pd.DataFrame:
        return cls.client().compare(experiment_names, dataset_name, metrics)

    @classmethod
    def projection(cls, experiment_name: str, entity: str = "user", method: str = "pca",
                   dataset_name: Optional[str] = None, **kwargs) -> pd.DataFrame:
        return cls.client().projection(experiment_name, entity, method, dataset_name, **kwargs)

    @classmethod
    def audience(cls, experiment_name: str, item_ids, k: int = 10, dataset_name: Optional[str] = None) -> pd.DataFrame:
        return cls.client().audience(experiment_name, item_ids, k, dataset_name)

    @classmethod
    def selection(cls, experiment_name: str, user_ids=None, dataset_name: Optional[str] = None,
                  **kwargs) -> Dict[str, pd.DataFrame]:
        return cls.client().selection(experiment_name, user_ids, dataset_name, **kwargs)

    @classmethod
    def user_drilldown(cls, user_id, experiment_names: Optional[Sequence[str]] = None, k: Optional[int] = None,
                       dataset_name: Optional[str] = None) -> Dict[str, Any]:
        return cls.client().user_drilldown(user_id, experiment_names, k, dataset_name)

    @classmethod
    def filter_ids(cls, experiment_name: str, entity: str = "user", where: Optional[Dict[str, Any]] = None,
                   metric: Optional[str] = None, metric_min: Optional[float] = None,
                   metric_max: Optional[float] = None, dataset_name: Optional[str] = None) -> List[Any]:
        return cls.client().filter_ids(experiment_name, entity, where, metric, metric_min, metric_max,
                                       dataset_name)

    @classmethod
    def datasets(cls) -> pd.DataFrame:
        return cls.client().datasets()

    @classmethod
    def dataset(cls, dataset_name: Optional[str] = None) -> DatasetInfo:
        return cls.client().dataset(dataset_name)


_progress.register_switch(Web4Rec)
