"""A real Web4Rec server (the Java jar) on a free port, for integration tests.

One implementation for the SDK's own integration tests and for tests/crosscheck. Environment:

- ``WEB4REC_SERVER_JAR``: the jar; else the caller's default (the repository's
  ``launcher/target/web4rec-server.jar``).
- ``WEB4REC_REQUIRE_SERVER=1``: a missing jar fails the tests instead of skipping them.
- ``WEB4REC_KEEP_SERVER_LOG`` (any value): keep the server's data directory and log afterwards.

``running_server`` needs only the SDK's dependencies; ``server_url_for_pytest`` (pytest imported when
called; not named ``pytest_*``, which pytest would take for a hook) is the body of a session fixture::

    @pytest.fixture(scope="session")
    def server_url():
        yield from server_url_for_pytest(DEFAULT_JAR, max_upload_mb=8)
"""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Iterator, Union

import requests

PathLike = Union[str, Path]


class ServerNotReady(RuntimeError):
    """The server exited or did not answer /health/ready in time; the message ends with its log tail."""


def server_jar(default: PathLike) -> Path:
    """``$WEB4REC_SERVER_JAR`` if set, else ``default``."""
    return Path(os.environ.get("WEB4REC_SERVER_JAR") or default)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _log_tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no server log)"


def _wait_ready(proc: subprocess.Popen, url: str, log_path: Path, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        if proc.poll() is not None:
            raise ServerNotReady(f"server exited with code {proc.returncode} before it was ready:\n"
                                 f"{_log_tail(log_path)}")
        try:
            if requests.get(url + "/health/ready", timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        if time.monotonic() > deadline:
            raise ServerNotReady(f"server not ready on {url}/health/ready after {timeout_s:g} s:\n"
                                 f"{_log_tail(log_path)}")
        time.sleep(0.3)


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@contextlib.contextmanager
def running_server(jar: PathLike, *, max_upload_mb: int = 8, ready_timeout_s: float = 60.0,
                   prefix: str = "web4rec-it-") -> Iterator[str]:
    """Start ``java -jar <jar> up`` on a free port with a fresh data directory, yield its base URL
    once /health/ready answers 200, and stop it afterwards. Raises :class:`ServerNotReady`."""
    work = Path(tempfile.mkdtemp(prefix=prefix))
    log_path = work / "server.log"
    port = free_port()
    cmd = ["java", "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx1g", "-jar", str(jar), "up",
           "--port", str(port), "--data-dir", str(work / "data"), "--max-upload-mb", str(max_upload_mb)]
    try:
        with open(log_path, "wb") as log:
            proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=work)
            try:
                url = f"http://127.0.0.1:{port}"
                _wait_ready(proc, url, log_path, ready_timeout_s)
                yield url
            finally:
                _stop(proc)
    finally:
        if os.environ.get("WEB4REC_KEEP_SERVER_LOG"):
            print(f"server log kept at {log_path}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def server_url_for_pytest(default_jar: PathLike, *, max_upload_mb: int = 8, ready_timeout_s: float = 60.0,
                      prefix: str = "web4rec-it-") -> Iterator[str]:
    """The body of a session fixture: yields the URL of a running server. Without a jar the
    requesting tests are skipped, or fail when ``WEB4REC_REQUIRE_SERVER=1``; a server that does
    not come up fails them with its log tail."""
    import pytest

    jar = server_jar(default_jar)
    if not jar.is_file():
        msg = (f"no Web4Rec server jar at {jar}: build it (./web4rec build, or mvn -q package) or set "
               "WEB4REC_SERVER_JAR to run the integration tests")
        if os.environ.get("WEB4REC_REQUIRE_SERVER") == "1":
            pytest.fail(msg)
        pytest.skip(msg)
    with contextlib.ExitStack() as stack:
        try:
            url = stack.enter_context(running_server(jar, max_upload_mb=max_upload_mb,
                                                     ready_timeout_s=ready_timeout_s, prefix=prefix))
        except ServerNotReady as e:
            pytest.fail(str(e))
        yield url
