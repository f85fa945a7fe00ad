"""Datasets: register (one multipart request of Arrow streams), read one, list all, delete."""
from __future__ import annotations

from typing import Optional

import pandas as pd

from . import _arrow
from ._multipart import MultipartBody
from ._resource import ResourceApi
from .dataset import Web4RecDataset
from .models import DatasetInfo

_LIST_COLUMNS = ["name", "id", "version", "created_at", "n_users", "n_items", "n_train", "n_ground_truth",
                 "n_users_with_ground_truth", "id_type", "user_columns", "item_columns"]


class DatasetsApi(ResourceApi):
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
        return self._fetch_dataset(self._resolve_dataset(dataset_name))

    def delete_dataset(self, dataset_name: str) -> None:
        """Delete the dataset with all its experiments, their metrics and stored tables.

        Irreversible. Raises NotFoundError when the team has no dataset of that name."""
        name = self._resolve_dataset(dataset_name)
        self._request("DELETE", self._dataset_path(name))
        self._registered.pop(name, None)
        self._dataset_info.pop(name, None)

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
        df = pd.DataFrame(rows)
        if df.empty:
            return pd.DataFrame(columns=_LIST_COLUMNS)
        first = [c for c in _LIST_COLUMNS if c in df.columns]
        return df[first + [c for c in df.columns if c not in _LIST_COLUMNS]]
