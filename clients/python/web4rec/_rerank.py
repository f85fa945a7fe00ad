"""Re-ranking (METRICS.md "Re-ranking"): one derived experiment per trade-off weight λ.

The weight is ``lam`` (``lams`` for a sweep) in Python because ``lambda`` is a keyword; on the
wire it is ``lambda`` (``lambdas``), and results carry it as ``lambda`` (``ExperimentInfo.lambda_``).
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Sequence

import pandas as pd

from ._experiments import ExperimentHandle
from ._resource import ResourceApi
from .models import ExperimentInfo


class RerankApi(ResourceApi):
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
        all). ``wait=True`` blocks until the derived experiment's metrics are ready.

        ``lam`` is λ in [0, 1], the weight of the objective (0 reproduces the parent's top-``k``). It
        is called ``lam`` because ``lambda`` is a Python keyword; the request sends it as ``lambda``
        and the derived experiment reports it as ``lambda`` (``ExperimentInfo.lambda_``).
        ``n_candidates`` (the same key on the wire) is how many of each user's uploaded candidates
        are re-ranked; None, or more than were uploaded, takes every uploaded candidate."""
        if not (isinstance(lam, (int, float)) and 0 <= lam <= 1):
            raise ValueError(f"lam must be a number in [0, 1], got {lam!r}. Example: 0.5")
        dataset_name = self._resolve_dataset(dataset_name)
        body = self._rerank_body(objective, k, n_candidates, users, sim, column)
        body["lambda"] = float(lam)
        if name:
            body["name"] = name
        path = self._experiment_path(dataset_name, experiment_name) + "/rerank"
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
        beyond-accuracy frontier. ``wait=False`` returns the rows with their status only.

        ``lams`` is sent as the wire key ``lambdas`` (``lambda`` is a Python keyword); the result
        column is ``lambda``. Other arguments as in :meth:`rerank`."""
        lams = [i / 10 for i in range(11)] if lams is None else [float(x) for x in lams]
        if not lams or any(not (0 <= x <= 1) for x in lams):
            raise ValueError(f"lams must be numbers in [0, 1], got {lams!r}")
        dataset_name = self._resolve_dataset(dataset_name)
        body = self._rerank_body(objective, k, n_candidates, users, sim, column)
        body["lambdas"] = lams
        path = self._experiment_path(dataset_name, experiment_name) + "/sweep"
        infos = [ExperimentInfo.from_json(e) for e in
                 self._request("POST", path, json_body=body, retry=False).json()["experiments"]]
        if wait:
            infos = [ExperimentHandle(self, dataset_name, i.name, i).wait(timeout=timeout) for i in infos]
        rows = [{"lambda": i.lambda_, "experiment_name": i.name, "status": i.status, **(i.metrics or {})}
                for i in infos]
        return pd.DataFrame(rows)

