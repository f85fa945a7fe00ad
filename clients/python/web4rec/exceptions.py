"""Errors raised by the Web4Rec client.

Bad arguments detected before anything is sent raise ``ValueError``. Everything the server
refuses raises a :class:`Web4RecError` subclass that carries the server's ``message``,
machine-readable ``code`` and, when the server gives one, an ``example`` of valid input.
"""
from __future__ import annotations

from typing import Optional


class Web4RecError(Exception):
    """Base class for errors reported by (or about) the Web4Rec server."""

    def __init__(self, message: str, status: Optional[int] = None, code: Optional[str] = None,
                 example: Optional[str] = None):
        self.message = message
        self.status = status
        self.code = code
        self.example = example
        super().__init__(message)

    def __str__(self) -> str:
        text = self.message
        detail = ", ".join(x for x in (f"HTTP {self.status}" if self.status else None, self.code) if x)
        if detail:
            text += f" ({detail})"
        if self.example:
            text += f"\nExample: {self.example}"
        return text

    def __repr__(self) -> str:
        return (f"{type(self).__name__}(message={self.message!r}, status={self.status!r}, "
                f"code={self.code!r}, example={self.example!r})")


class ValidationError(Web4RecError):
    """400: the server rejected the input."""


class AuthenticationError(Web4RecError):
    """401: missing, invalid or revoked token (or wrong email/password)."""


class NotFoundError(Web4RecError):
    """404: no such dataset or experiment (or it belongs to another team)."""


class ConflictError(Web4RecError):
    """409: the name exists already, or the resource is not in the state the request needs."""


class PayloadTooLargeError(Web4RecError):
    """413: the request body is over the server's upload limit."""


class ServerUnavailableError(Web4RecError):
    """503 (also 502/504): a server dependency is down; retry later."""


class ExperimentFailedError(Web4RecError):
    """The server accepted the upload but computing the metrics failed."""


class WaitTimeoutError(Web4RecError, TimeoutError):
    """An experiment did not reach a final status within the requested time."""


_BY_STATUS = {
    400: ValidationError,
    401: AuthenticationError,
    404: NotFoundError,
    409: ConflictError,
    413: PayloadTooLargeError,
    502: ServerUnavailableError,
    503: ServerUnavailableError,
    504: ServerUnavailableError,
}


def error_class_for_status(status: int) -> type:
    return _BY_STATUS.get(status, Web4RecError)
