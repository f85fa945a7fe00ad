"""Statistics over per-user metrics: experiments against each other, user groups against each other."""
from __future__ import annotations

from typing import Optional, Sequence

import pandas as pd

from ._resource import ResourceApi


class CompareApi(ResourceApi):
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
        data = self._request("GET", self._dataset_path(dataset_name) + "/compare", params=params).json()
        cols = ["metric", "a", "b", "n", "mean_a", "mean_b", "mean_diff", "ci_low", "ci_high", "p_t",
                "p_wilcoxon", "p_t_adj", "p_wilcoxon_adj"]
        return pd.DataFrame(data.get("comparisons", []), columns=cols)

    def breakdown(self, experiment_name: str, metric: str, by: str,
                  dataset_name: Optional[str] = None) -> pd.DataFrame:
        """A per-user metric by user segment: ``by`` is ``"activity"`` (quintiles of train history
        size), ``"cold"`` (history <= 5 vs warm) or a user side column. One row per group with
        ``group, n, mean, std, ci_low, ci_high`` (95% t interval of the mean)."""
        dataset_name = self._resolve_dataset(dataset_name)
        path = self._experiment_path(dataset_name, experiment_name) + "/breakdown"
        data = self._request("GET", path, params={"metric": metric, "by": by}).json()
        cols = ["group", "n", "mean", "std", "ci_low", "ci_high"]
        return pd.DataFrame(data.get("groups", []), columns=cols)

