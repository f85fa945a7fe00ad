"""Session fixture: a real Web4Rec server (the Java jar) on a free port, for the integration tests.

Jar: $WEB4REC_SERVER_JAR, else <repo root>/launcher/target/web4rec-server.jar. Without a jar the
integration tests are skipped, or fail when WEB4REC_REQUIRE_SERVER=1 (see web4rec/testing.py).
"""
from pathlib import Path

import pytest

from web4rec.testing import server_url_for_pytest

REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_JAR = REPO_ROOT / "launcher" / "target" / "web4rec-server.jar"
MAX_UPLOAD_MB = 8   # small, so that test_integration can hit the 413 with a modest upload


@pytest.fixture(autouse=True, scope="session")
def _no_progress_bars():
    from web4rec import Web4Rec
    Web4Rec.progress = False
    yield


@pytest.fixture(scope="session")
def server_url():
    yield from server_url_for_pytest(DEFAULT_JAR, max_upload_mb=MAX_UPLOAD_MB)
