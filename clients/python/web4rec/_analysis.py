"""Post-hoc analysis (docs/analysis-api.md): maps, selections, audiences, drill-downs, filters."""
from __future__ import annotations

import time
from typing import Any, Dict, List, Optional, Sequence
from urllib.parse import quote

import numpy as np
import pandas as pd

from . import _progress
from ._resource import ResourceApi
from .exceptions import WaitTimeoutError

# The UMAP neighbour counts the server accepts (each one is a separate stored map).
UMAP_NEIGHBORS = (5, 10, 15, 30, 50)


class AnalysisApi(ResourceApi):
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
            if isinstance(neighbors, bool) or not isinstance(neighbors, (int, np.integer)) or int(neighbors) not in UMAP_NEIGHBORS:
                raise ValueError(f"neighbors must be one of {list(UMAP_NEIGHBORS)}, got {neighbors!r}. Example: 15")
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
        path = f"{self._dataset_path(dataset_name)}/users/{quote(str(user_id), safe='')}/drilldown"
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

