"""Accounts: sign up, log in, who am I, API tokens."""
from __future__ import annotations

from typing import Any, Dict

from ._http import HttpTransport


class AccountsApi(HttpTransport):
    def signup(self, email: str, password: str) -> str:
        """Create an account; remembers and returns its API token."""
        if not email or "@" not in str(email):
            raise ValueError(f"email must be an e-mail address, got {email!r}")
        if not isinstance(password, str) or len(password) < 8:
            raise ValueError("password must be a string of at least 8 characters")
        resp = self._request("POST", "/api/v1/auth/signup", json_body={"email": email, "password": password},
                             auth=False, retry=False)
        self.token = resp.json()["token"]
        return self.token

    def login_password(self, email: str, password: str) -> Dict[str, Any]:
        """Log in with e-mail and password; the session JWT becomes this client's bearer token."""
        resp = self._request("POST", "/api/v1/auth/login", json_body={"email": email, "password": password},
                             auth=False, retry=False)
        data = resp.json()
        self.token = data["session"]
        return data

    def me(self) -> Dict[str, Any]:
        return self._request("GET", "/api/v1/me").json()

    def create_token(self, name: str) -> str:
        return self._request("POST", "/api/v1/tokens", json_body={"name": name}, retry=False).json()["token"]
