"""Web4Rec Python SDK: register datasets, upload recommendations, read metrics."""
from ._topn import top_n
from ._version import __version__
from .client import ExperimentHandle, Web4Rec, Web4RecClient
from .dataset import Web4RecDataset
from .exceptions import (AuthenticationError, ConflictError, ExperimentFailedError, NotFoundError,
                         PayloadTooLargeError, ServerUnavailableError, ValidationError, WaitTimeoutError,
                         Web4RecError)
from .models import DatasetInfo, ExperimentInfo

__all__ = [
    "Web4Rec", "Web4RecClient", "Web4RecDataset", "ExperimentHandle", "DatasetInfo", "ExperimentInfo", "top_n",
    "Web4RecError", "ValidationError", "AuthenticationError", "NotFoundError", "ConflictError",
    "PayloadTooLargeError", "ServerUnavailableError", "ExperimentFailedError", "WaitTimeoutError", "__version__",
]
