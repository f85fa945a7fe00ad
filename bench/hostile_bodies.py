#!/usr/bin/env python3
"""Hostile request bodies against a real server process: time to the answer and RSS growth.

Starts the built server (launcher/target/web4rec-server.jar, the JVM options of ./web4rec up) on a
free port over a temporary data directory, then sends, unauthenticated:
  1. a 1 GB multipart upload that declares its length and sends nothing,
  2. a chunked multipart upload stream that would go on for 1 GB,
  3. a 200 MB JSON body to /api/v1/auth/login, streamed,
and prints each answer's status and time, the bytes the client got out before the server hung
up, and the server's RSS before and after (VmRSS of its process). Usage: python3 bench/hostile_bodies.py
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "launcher", "target", "web4rec-server.jar")
MB = 1 << 20


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def exchange(port, head, total, chunked):
    """Sends head, streams up to total filler bytes in a thread, returns (status, seconds, sent)."""
    s = socket.create_connection(("127.0.0.1", port))
    s.settimeout(10)
    start = time.monotonic()
    s.sendall(head.encode())
    sent = [0]

    def writer():
        block = b" " * (64 << 10)
        frame = (b"%x\r\n" % len(block)) + block + b"\r\n" if chunked else block
        try:
            while sent[0] < total:
                s.sendall(frame)
                sent[0] += len(block)
        except OSError:
            pass  # the server hung up

    t = threading.Thread(target=writer, daemon=True)
    if total:
        t.start()
    status_line = b""
    while not status_line.endswith(b"\r\n"):
        c = s.recv(1)
        if not c:
            break
        status_line += c
    took = time.monotonic() - start
    if total:
        t.join(5)
    s.close()
    return status_line.decode().strip(), took, sent[0]


def main():
    data = tempfile.mkdtemp(prefix="web4rec-hostile-")
    port = free_port()
    opts = ["--add-opens=java.base/java.nio=ALL-UNNAMED", "-XX:MaxRAMPercentage=50"]
    server = subprocess.Popen(["java", *opts, "-jar", JAR, "up", "--port", str(port),
                               "--data-dir", data], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 120
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health/ready", timeout=2)
                break
            except Exception:
                if time.time() > deadline or server.poll() is not None:
                    sys.exit("server did not start")
                time.sleep(0.5)
        before = rss_mb(server.pid)
        multipart = "Content-Type: multipart/form-data; boundary=xyz\r\n"
        cases = [
            ("1 GB upload, declared, nothing sent",
             f"POST /api/v1/datasets/d/experiments HTTP/1.1\r\nHost: x\r\n{multipart}"
             f"Content-Length: {1024 * MB}\r\n\r\n", 0, False),
            ("1 GB upload, chunked stream",
             f"POST /api/v1/datasets/d/experiments HTTP/1.1\r\nHost: x\r\n{multipart}"
             "Transfer-Encoding: chunked\r\n\r\n", 1024 * MB, True),
            ("200 MB login body, streamed",
             "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
             f"Content-Length: {200 * MB}\r\n\r\n", 200 * MB, False),
        ]
        results = []
        for name, head, total, chunked in cases:
            status, took, sent = exchange(port, head, total, chunked)
            results.append({"case": name, "answer": status, "seconds": round(took, 3),
                            "client_sent_mb": round(sent / MB, 1)})
        time.sleep(1)
        after = rss_mb(server.pid)
        print(json.dumps({"results": results, "rss_before_mb": round(before),
                          "rss_after_mb": round(after), "rss_growth_mb": round(after - before)},
                         indent=1))
    finally:
        server.terminate()
        server.wait(30)


if __name__ == "__main__":
    main()
