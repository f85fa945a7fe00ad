"""The public entry points: :class:`Web4RecClient` (one connection, composed from the endpoint
groups of the ``_*.py`` modules) and the ``Web4Rec`` class-level facade over a default client."""
from __future__ import annotations

import os
from typing import Any, Dict, List, Optional, Sequence, Union

import pandas as pd

from . import _progress
from ._accounts import AccountsApi
from ._analysis import AnalysisApi
from ._compare import CompareApi
from ._datasets import DatasetsApi
from ._experiments import ExperimentHandle, ExperimentsApi
from ._rerank import RerankApi
from .dataset import Web4RecDataset
from .exceptions import AuthenticationError
from .models import DatasetInfo, ExperimentInfo

__all__ = ["ExperimentHandle", "Web4Rec", "Web4RecClient"]


class Web4RecClient(AccountsApi, DatasetsApi, ExperimentsApi, RerankApi, CompareApi, AnalysisApi):
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
        super().__init__(server, token, team=team, timeout=timeout, upload_timeout=upload_timeout,
                         max_retries=max_retries, backoff=backoff, max_backoff=max_backoff)
        self.poll_interval = poll_interval
        self.max_poll_interval = max_poll_interval
        self._registered: Dict[str, Web4RecDataset] = {}
        self._dataset_info: Dict[str, DatasetInfo] = {}
        self.last_upload_timings: Dict[str, float] = {}

    def __repr__(self) -> str:
        return f"Web4RecClient(server={self.server!r}, token={'set' if self.token else None})"


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
        """:meth:`Web4RecClient.rerank`; ``lam`` is sent as ``lambda`` (a Python keyword)."""
        return cls.client().rerank(experiment_name, objective, lam, k, n_candidates, users, sim, dataset_name,
                                   wait, **kwargs)

    @classmethod
    def rerank_sweep(cls, experiment_name: str, objective: str, lams: Optional[Sequence[float]] = None,
                     k: int = 10, n_candidates: Optional[int] = 100, users=None, sim: str = "cooc",
                     dataset_name: Optional[str] = None, wait: bool = True, **kwargs) -> pd.DataFrame:
        """:meth:`Web4RecClient.rerank_sweep`; ``lams`` is sent as ``lambdas``."""
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
    def delete_experiment(cls, experiment_name: str, dataset_name: Optional[str] = None) -> None:
        cls.client().delete_experiment(experiment_name, dataset_name)

    @classmethod
    def delete_dataset(cls, dataset_name: str) -> None:
        cls.client().delete_dataset(dataset_name)

    @classmethod
    def datasets(cls) -> pd.DataFrame:
        return cls.client().datasets()

    @classmethod
    def dataset(cls, dataset_name: Optional[str] = None) -> DatasetInfo:
        return cls.client().dataset(dataset_name)


_progress.register_switch(Web4Rec)
