"""Typed results: the dataset and experiment objects of docs/api.md."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Dict, List, Optional


class _FromJson:
    raw: Dict[str, Any]

    @classmethod
    def from_json(cls, data: Dict[str, Any]):
        names = {f.name for f in fields(cls)} - {"raw"}
        # a trailing underscore avoids a Python keyword: lambda_ reads the server's "lambda"
        kwargs = {k: data.get(k.rstrip("_")) for k in names}
        return cls(raw=dict(data), **{k: v for k, v in kwargs.items() if v is not None})

    def __getitem__(self, key: str):
        """Dict-style access to every field the server sent, including ones added after this SDK."""
        return self.raw[key]

    def get(self, key: str, default=None):
        return self.raw.get(key, default)

    def to_dict(self) -> Dict[str, Any]:
        return dict(self.raw)


@dataclass(repr=False)
class DatasetInfo(_FromJson):
    name: str = ""
    id: Any = None
    created_at: Optional[str] = None
    version: Any = None
    n_users: int = 0
    n_items: int = 0
    n_train: int = 0
    n_ground_truth: int = 0
    n_users_with_ground_truth: int = 0
    id_type: str = ""
    user_columns: List[Dict[str, str]] = field(default_factory=list)
    item_columns: List[Dict[str, str]] = field(default_factory=list)
    raw: Dict[str, Any] = field(default_factory=dict)

    def __repr__(self) -> str:
        return (f"DatasetInfo(name={self.name!r}, n_users={self.n_users}, n_items={self.n_items}, "
                f"n_train={self.n_train}, n_ground_truth={self.n_ground_truth}, id_type={self.id_type!r}, "
                f"user_columns={[c.get('name') for c in self.user_columns]}, "
                f"item_columns={[c.get('name') for c in self.item_columns]})")


@dataclass(repr=False)
class ExperimentInfo(_FromJson):
    name: str = ""
    dataset: Any = None
    id: Any = None
    status: str = ""
    error: Optional[str] = None
    hyper_parameters: Dict[str, Any] = field(default_factory=dict)
    ks: List[int] = field(default_factory=list)
    n_candidates: Optional[int] = None
    n_users_with_list: Optional[int] = None
    created_at: Optional[str] = None
    updated_at: Optional[str] = None
    metrics: Dict[str, float] = field(default_factory=dict)
    metrics_meta: Dict[str, Any] = field(default_factory=dict)
    parent: Optional[str] = None
    objective: Optional[str] = None
    sim: Optional[str] = None
    lambda_: Optional[float] = None
    raw: Dict[str, Any] = field(default_factory=dict)

    def __repr__(self) -> str:
        shown = dict(list(self.metrics.items())[:6])
        more = f", ... {len(self.metrics) - 6} more" if len(self.metrics) > 6 else ""
        return (f"ExperimentInfo(name={self.name!r}, dataset={self.dataset!r}, status={self.status!r}, "
                f"error={self.error!r}, metrics={shown}{more})")
