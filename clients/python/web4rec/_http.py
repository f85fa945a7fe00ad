"""The HTTP transport of the client: one reused session, bearer token, timeouts, User-Agent,
retries with backoff, and server errors mapped to the exceptions module."""
from __future__ import annotations

import email.utils
import os
import platform
import random
import time
from typing import Any, Dict, Optional

import requests

from . import _progress
from ._multipart import MultipartBody
from ._version import __version__
from .exceptions import AuthenticationError, ServerUnavailableError, error_class_for_status

DEFAULT_SERVER = "http://localhost:8080"
RETRY_STATUSES = (429, 503, 504)
_SAFE_TO_REPEAT = ("GET", "HEAD", "PUT", "DELETE", "OPTIONS")


def _user_agent() -> str:
    return (f"web4rec-python/{__version__} (python {platform.python_version()}; "
            f"requests {requests.__version__})")


class HttpTransport:
    """Connection settings and the request loop shared by every endpoint group of the client."""

    def __init__(self, server: Optional[str] = None, token: Optional[str] = None, *,
                 team: Optional[str] = None, timeout=(10.0, 60.0), upload_timeout=(10.0, 600.0),
                 max_retries: int = 5, backoff: float = 0.5, max_backoff: float = 30.0):
        self.server = (server or os.environ.get("WEB4REC_SERVER") or DEFAULT_SERVER).rstrip("/")
        self.token = token or os.environ.get("WEB4REC_TOKEN") or None
        self.team = team
        self.timeout = timeout
        self.upload_timeout = upload_timeout
        self.max_retries = max_retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.session = requests.Session()
        self.session.headers.update({"User-Agent": _user_agent(), "Accept": "application/json"})

    def close(self) -> None:
        self.session.close()

    def _request(self, method: str, path: str, *, json_body: Any = None, body: Optional[MultipartBody] = None,
                 params: Optional[Dict[str, Any]] = None, headers: Optional[Dict[str, str]] = None,
                 retry: Optional[bool] = None, timeout=None, auth: bool = True,
                 progress_desc: Optional[str] = None) -> requests.Response:
        url = self.server + path
        h = dict(headers or {})
        if auth:
            if not self.token:
                raise AuthenticationError("no API token: call Web4Rec.login(token=...) or Web4Rec.signup(...), "
                                          "or set WEB4REC_TOKEN", code="no_token")
            h["Authorization"] = f"Bearer {self.token}"
        if self.team:
            h.setdefault("X-Web4Rec-Team", str(self.team))
        if retry is None:
            retry = method in _SAFE_TO_REPEAT or "Idempotency-Key" in h
        timeout = timeout or self.timeout
        attempt = 0
        while True:
            pbar = None
            if body is not None:
                body.reset()
                h["Content-Type"] = body.content_type
                if progress_desc:
                    pbar = _progress.bar(total=len(body), desc=progress_desc, unit="B", unit_scale=True,
                                         unit_divisor=1024)
                    body.on_read = pbar.update
            try:
                resp = self.session.request(method, url, params=params, json=json_body, data=body,
                                            headers=h, timeout=timeout)
            except (requests.ConnectionError, requests.Timeout) as e:
                # only a GET is safe to resend blindly after a broken connection
                if retry and method == "GET" and attempt < self.max_retries:
                    time.sleep(self._backoff_delay(attempt))
                    attempt += 1
                    continue
                hint = ""
                if body is not None and len(body) > 1_000_000:
                    hint = (f" (the request body was {len(body) / 1e6:.1f} MB; if the server closed the connection "
                            "early, the body may exceed its upload limit)")
                raise ServerUnavailableError(f"could not talk to the Web4Rec server at {self.server}: {e}{hint}",
                                             code="connection_error") from e
            finally:
                if pbar is not None:
                    pbar.close()
                    body.on_read = None
            if retry and resp.status_code in RETRY_STATUSES and attempt < self.max_retries:
                time.sleep(self._retry_delay(resp, attempt))
                attempt += 1
                continue
            self._raise_for_status(resp)
            return resp

    def _backoff_delay(self, attempt: int) -> float:
        cap = min(self.max_backoff, self.backoff * (2 ** attempt))
        return cap / 2 + random.uniform(0, cap / 2)

    def _retry_delay(self, resp: requests.Response, attempt: int) -> float:
        value = resp.headers.get("Retry-After")
        if value:
            try:
                return min(self.max_backoff, max(0.0, float(value)))
            except ValueError:
                parsed = email.utils.parsedate_to_datetime(value) if value else None
                if parsed is not None:
                    return min(self.max_backoff, max(0.0, parsed.timestamp() - time.time()))
        return self._backoff_delay(attempt)

    @staticmethod
    def _raise_for_status(resp: requests.Response) -> None:
        """Map an error answer to the exception hierarchy, carrying the server's message."""
        if resp.status_code < 400:
            return
        code = message = example = None
        try:
            payload = resp.json()
            if isinstance(payload, dict):
                code = payload.get("error")
                message = payload.get("message") or payload.get("detail")
                example = payload.get("example")
                if isinstance(code, dict):  # tolerate {"error": {"code":..., "message":...}}
                    code, message = code.get("code"), message or code.get("message")
        except ValueError:
            pass
        if not message:
            text = (resp.text or "").strip()
            message = text[:500] if text else (resp.reason or "request failed")
        message = f"{resp.request.method} {resp.request.path_url}: {message}" if resp.request is not None else message
        raise error_class_for_status(resp.status_code)(message, status=resp.status_code, code=code,
                                                         example=None if example is None else str(example))
