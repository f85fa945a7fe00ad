"""Constants and import paths shared by the cross-check's conftest and tests."""
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT / "bench") not in sys.path:
    sys.path.insert(0, str(REPO_ROOT / "bench"))

KS = (5, 10, 20)   # 5 < max |GT_u| = 10, so the map denominators of ranx and ours really differ at K = 5
SEED = 42
