"""Web4RecDataset: the tables of a dataset, checked client side before anything is sent."""
from __future__ import annotations

import re
from typing import Optional

import pandas as pd

NAME_PATTERN = re.compile(r"^[A-Za-z0-9._-]{1,128}$")

_EXAMPLES = {
    "train": "pd.DataFrame({'user_id': [1, 1, 2], 'item_id': [10, 20, 10], 'rating': [4.0, 3.5, 5.0], "
             "'timestamp': [964982703, 964981247, 964982224]})",
    "ground_truth": "pd.DataFrame({'user_id': [1, 2], 'item_id': [30, 20]})",
    "user_side": "pd.DataFrame({'user_id': [1, 2], 'gender': ['F', 'M'], 'age': [25, 31]})",
    "item_side": "pd.DataFrame({'item_id': [10, 20], 'genres': ['Action|Comedy', 'Drama'], 'year': [1995, 1999]})",
}


def show(value) -> str:
    """repr() of an id as the user typed it (numpy scalars shown as plain numbers)."""
    if hasattr(value, "item") and callable(value.item) and getattr(value, "shape", None) == ():
        value = value.item()
    return repr(value)


def check_name(name, what: str = "dataset_name") -> str:
    # fullmatch: '$' alone would let a trailing newline through; '.' and '..' read as paths.
    if not isinstance(name, str) or not NAME_PATTERN.fullmatch(name) or name in (".", ".."):
        raise ValueError(f"{what} must match [A-Za-z0-9._-]{{1,128}} and not be '.' or '..',"
                         f" got {name!r}. Example: 'ml-latest-small'")
    return name


def require_columns(df, required, what: str, example: str) -> None:
    """ValueError naming the first missing column (and showing a valid example)."""
    if not isinstance(df, pd.DataFrame):
        raise ValueError(f"{what} must be a pandas DataFrame, got {type(df).__name__}. Example: {example}")
    columns = [str(c) for c in df.columns]
    for col in required:
        if col not in columns:
            raise ValueError(f"{what} is missing the column '{col}' (columns: {columns}). Example: {example}")


def check_interactions(df: pd.DataFrame, what: str, example: str) -> None:
    require_columns(df, ("user_id", "item_id"), what, example)
    if len(df) == 0:
        raise ValueError(f"{what} is empty. Example: {example}")
    for col in ("user_id", "item_id"):
        nulls = df[col].isna()
        if nulls.any():
            raise ValueError(f"{what} has null values in '{col}' (first at row {int(nulls.to_numpy().argmax())}). "
                             f"Example: {example}")
    dup = df.duplicated(subset=["user_id", "item_id"])
    if dup.any():
        row = df.loc[dup.to_numpy()].iloc[0]
        raise ValueError(f"{what} has {int(dup.sum())} duplicate (user_id, item_id) rows, e.g. "
                         f"({show(row['user_id'])}, {show(row['item_id'])}); keep one row per pair. Example: {example}")


class Web4RecDataset:
    """A dataset to register: train interactions, ground truth, optional user and item side tables.

    >>> ds = Web4RecDataset(dataset_name="ml-latest-small")
    >>> ds.add_train_interaction(train_df)   # user_id, item_id [, rating, timestamp]
    >>> ds.add_ground_truth(test_df)         # user_id, item_id
    >>> Web4Rec.register_dataset(ds)

    The frames are kept by reference (not copied); do not modify them until registered.
    """

    def __init__(self, dataset_name: str):
        self.dataset_name = check_name(dataset_name)
        self.train: Optional[pd.DataFrame] = None
        self.ground_truth: Optional[pd.DataFrame] = None
        self.user_side: Optional[pd.DataFrame] = None
        self.item_side: Optional[pd.DataFrame] = None

    @property
    def name(self) -> str:
        return self.dataset_name

    def add_train_interaction(self, df: pd.DataFrame) -> "Web4RecDataset":
        """Train interactions: columns ``user_id``, ``item_id`` [, ``rating`` (float), ``timestamp`` (int)]."""
        check_interactions(df, "train interactions", _EXAMPLES["train"])
        for col, kind in (("rating", "float"), ("timestamp", "int")):
            if col in df.columns and not (pd.api.types.is_numeric_dtype(df[col])
                                          or pd.api.types.is_datetime64_any_dtype(df[col])):
                raise ValueError(f"train interactions column '{col}' must be numeric ({kind}), got {df[col].dtype}. "
                                 f"Example: {_EXAMPLES['train']}")
        self.train = df
        return self

    def add_ground_truth(self, df: pd.DataFrame) -> "Web4RecDataset":
        """Ground truth (all rows relevant): columns ``user_id``, ``item_id``."""
        check_interactions(df, "ground truth", _EXAMPLES["ground_truth"])
        self.ground_truth = df
        return self

    def add_user_side(self, df: pd.DataFrame) -> "Web4RecDataset":
        """User side information: ``user_id`` + categorical, numeric or multi-valued columns."""
        self.user_side = self._check_side(df, "user_id", "user side table", _EXAMPLES["user_side"])
        return self

    def add_item_side(self, df: pd.DataFrame) -> "Web4RecDataset":
        """Item side information: ``item_id`` + columns; a list-valued or ``|``-separated column
        (e.g. ``genres``) is multi-valued."""
        self.item_side = self._check_side(df, "item_id", "item side table", _EXAMPLES["item_side"])
        return self

    @staticmethod
    def _check_side(df, id_col: str, what: str, example: str) -> pd.DataFrame:
        require_columns(df, (id_col,), what, example)
        if len(df) == 0:
            raise ValueError(f"{what} is empty. Example: {example}")
        ids = df[id_col]
        if ids.isna().any():
            raise ValueError(f"{what} has null values in '{id_col}'. Example: {example}")
        dup = ids.duplicated()
        if dup.any():
            raise ValueError(f"{what} has duplicate ids in '{id_col}', e.g. {show(ids[dup.to_numpy()].iloc[0])}; "
                             f"one row per id. Example: {example}")
        return df

    def check_complete(self) -> None:
        if self.train is None:
            raise ValueError(f"dataset '{self.dataset_name}' has no train interactions; call "
                             f"ds.add_train_interaction(df) first. Example: {_EXAMPLES['train']}")
        if self.ground_truth is None:
            raise ValueError(f"dataset '{self.dataset_name}' has no ground truth; call "
                             f"ds.add_ground_truth(df) first. Example: {_EXAMPLES['ground_truth']}")

    def __repr__(self) -> str:
        parts = [f"dataset_name={self.dataset_name!r}"]
        for attr in ("train", "ground_truth", "user_side", "item_side"):
            df = getattr(self, attr)
            if df is not None:
                parts.append(f"{attr}={len(df)} rows")
        return f"Web4RecDataset({', '.join(parts)})"
