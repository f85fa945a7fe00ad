"""Shared helpers of the bench scripts: reading the generated files, the top-K lists, and running a
child process with a wall-clock timeout, a memory cap and its own peak RSS."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

import numpy as np
import pyarrow as pa
import pyarrow.ipc as ipc

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent


def read_arrow(path: Path) -> pa.Table:
    with pa.OSFile(str(path), "rb") as f:
        return ipc.open_stream(f).read_all()


@dataclass
class BenchData:
    """The generated files as numpy arrays (ids int64). Candidates keep the file order, which the
    generator writes as METRICS.md orders lists: per user, score descending, ties by item id."""
    train_user: np.ndarray
    train_item: np.ndarray
    gt_user: np.ndarray
    gt_item: np.ndarray
    cand_user: np.ndarray
    cand_item: np.ndarray
    cand_score: np.ndarray
    items: pa.Table
    embeddings: Optional[pa.Table] = None
    manifest: Dict = field(default_factory=dict)

    def cand_position(self) -> np.ndarray:
        """0-based position of each candidate row within its user's list (rows grouped by user)."""
        starts = np.flatnonzero(np.r_[True, self.cand_user[1:] != self.cand_user[:-1]])
        lengths = np.diff(np.r_[starts, len(self.cand_user)])
        return np.arange(len(self.cand_user)) - np.repeat(starts, lengths)

    def top_k_rows(self, k: int) -> np.ndarray:
        """Boolean mask of the candidate rows that are in L_u = first k of C_u."""
        return self.cand_position() < k


def load(data_dir: Path, embeddings: bool = False) -> BenchData:
    data_dir = Path(data_dir)
    tr = read_arrow(data_dir / "train.arrow")
    gt = read_arrow(data_dir / "ground_truth.arrow")
    c = read_arrow(data_dir / "candidates.arrow")
    col = lambda t, n: t.column(n).to_numpy()  # noqa: E731
    d = BenchData(col(tr, "user_id"), col(tr, "item_id"), col(gt, "user_id"), col(gt, "item_id"),
                  col(c, "user_id"), col(c, "item_id"), col(c, "score"), read_arrow(data_dir / "items.arrow"))
    if embeddings:
        d.embeddings = read_arrow(data_dir / "item_embeddings.arrow")
    mf = data_dir / "manifest.json"
    if mf.is_file():
        d.manifest = json.loads(mf.read_text())
    return d


@dataclass
class ChildResult:
    returncode: Optional[int]
    wall_s: float
    peak_rss_mb: float
    stdout: str
    stderr: str
    timed_out: bool = False
    killed_for_memory: bool = False

    def json_lines(self) -> List[dict]:
        out = []
        for line in self.stdout.splitlines():
            line = line.strip()
            if line.startswith("{") and line.endswith("}"):
                try:
                    out.append(json.loads(line))
                except ValueError:
                    pass
        return out


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_child(cmd: List[str], timeout_s: float, mem_cap_mb: Optional[float] = None, cwd=None, env=None,
              echo_stderr: bool = False, poll_s: float = 0.05) -> ChildResult:
    """Run cmd, capturing stdout/stderr to temp files. Kills its process group after timeout_s or when
    its RSS exceeds mem_cap_mb. Peak RSS is the child's own ru_maxrss from wait4 (not shared with
    other children), so it is exact for a single-process child such as the JVM or a Python script."""
    import tempfile
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=None if echo_stderr else err, cwd=cwd, env=env,
                                start_new_session=True)
        timed_out = mem_killed = False
        status = None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid == proc.pid:
                break
            elapsed = time.perf_counter() - t0
            if elapsed > timeout_s:
                timed_out = True
            elif mem_cap_mb is not None and _rss_kb(proc.pid) > mem_cap_mb * 1024:
                mem_killed = True
            if timed_out or mem_killed:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                _, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(poll_s)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4: tell Popen
        out.seek(0)
        err.seek(0)
        return ChildResult(proc.returncode, wall, usage.ru_maxrss / 1024.0, out.read().decode(errors="replace"),
                           err.read().decode(errors="replace"), timed_out, mem_killed)


def median(xs):
    xs = sorted(x for x in xs if x is not None)
    if not xs:
        return None
    n = len(xs)
    return xs[n // 2] if n % 2 else 0.5 * (xs[n // 2 - 1] + xs[n // 2])
