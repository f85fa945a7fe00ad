"""Session fixture: a real Web4Rec server (the Java jar) on a free port, for the integration tests.

Jar: $WEB4REC_SERVER_JAR, else <repo root>/launcher/target/web4rec-server.jar. Without a jar the
integration tests are skipped, or fail when WEB4REC_REQUIRE_SERVER=1.
"""
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
import requests

REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_JAR = REPO_ROOT / "launcher" / "target" / "web4rec-server.jar"
MAX_UPLOAD_MB = 8


@pytest.fixture(autouse=True, scope="session")
def _no_progress_bars():
    from web4rec import Web4Rec
    Web4Rec.progress = False
    yield


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tail(path: Path, n: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-n:])
    except OSError:
        return "(no log)"


@pytest.fixture(scope="session")
def server_url():
    jar = Path(os.environ.get("WEB4REC_SERVER_JAR") or DEFAULT_JAR)
    if not jar.is_file():
        msg = (f"Web4Rec server jar not found at {jar}; build it (mvn -q package) or set WEB4REC_SERVER_JAR "
               "to run the integration tests")
        if os.environ.get("WEB4REC_REQUIRE_SERVER") == "1":
            pytest.fail(msg)
        pytest.skip(msg)
    data_dir = Path(tempfile.mkdtemp(prefix="web4rec-it-"))
    log_path = data_dir / "server.log"
    port = _free_port()
    cmd = ["java", "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx1g", "-jar", str(jar), "up",
           "--port", str(port), "--data-dir", str(data_dir / "data"), "--max-upload-mb", str(MAX_UPLOAD_MB)]
    log = open(log_path, "wb")
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=data_dir)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"server exited with code {proc.returncode} before it was ready:\n{_tail(log_path)}")
            try:
                if requests.get(url + "/health/ready", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"server not ready on {url}/health/ready after 60 s:\n{_tail(log_path)}")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        if os.environ.get("WEB4REC_KEEP_SERVER_LOG"):
            print(f"server log kept at {log_path}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)
