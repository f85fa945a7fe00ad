"""What every endpoint group of the client shares: the transport, the datasets this session
registered (so ``dataset_name`` may be left out) and the URL paths of datasets and experiments."""
from __future__ import annotations

from typing import Dict, Optional
from urllib.parse import quote

from ._http import HttpTransport
from .dataset import Web4RecDataset, check_name
from .models import DatasetInfo


class ResourceApi(HttpTransport):
    """Base of the endpoint groups; :class:`web4rec.Web4RecClient` sets these attributes."""

    poll_interval: float
    max_poll_interval: float
    # datasets registered through this client: the default dataset_name and the train items to mask
    _registered: Dict[str, Web4RecDataset]
    _dataset_info: Dict[str, DatasetInfo]

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

    def _fetch_dataset(self, name: str) -> DatasetInfo:
        """GET one dataset and remember it (the id type of later per-user tables comes from it)."""
        info = DatasetInfo.from_json(self._request("GET", self._dataset_path(name)).json())
        self._dataset_info[name] = info
        return info

    @staticmethod
    def _dataset_path(dataset_name: str) -> str:
        return f"/api/v1/datasets/{quote(dataset_name, safe='')}"

    @classmethod
    def _experiment_path(cls, dataset_name: str, experiment_name: str) -> str:
        return f"{cls._dataset_path(dataset_name)}/experiments/{quote(experiment_name, safe='')}"
