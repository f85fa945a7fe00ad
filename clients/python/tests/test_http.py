"""HTTP behaviour against a tiny in-process stub (no Web4Rec server needed): error mapping,
retries, idempotency key reuse, multipart/Arrow body shape."""
import json
import threading
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pandas as pd
import pyarrow as pa
import pytest

from web4rec import (AuthenticationError, ConflictError, NotFoundError, PayloadTooLargeError,
                     ServerUnavailableError, ValidationError, Web4RecClient, Web4RecError)


class Stub:
    """Answers queued (status, json, headers) per path and records every request."""

    def __init__(self):
        self.answers = {}
        self.requests = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                stub.requests.append((self.command, self.path, dict(self.headers), body))
                queue = stub.answers.get((self.command, self.path.split("?")[0]), [])
                status, payload, headers = queue.pop(0) if len(queue) > 1 else (queue[0] if queue else (404, {}, {}))
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _handle

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def on(self, method, path, *answers):
        self.answers[(method, path)] = list(answers)


@pytest.fixture
def stub():
    s = Stub()
    yield s
    s.httpd.shutdown()


@pytest.fixture
def client(stub):
    c = Web4RecClient(server=stub.url, token="w4r_test", backoff=0.01)
    c._registered["toy"] = None
    return c


def parse_multipart(headers, body):
    msg = BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {headers['Content-Type']}\r\n\r\n".encode() + body)
    return {part.get_param("name", header="content-disposition"): part for part in msg.iter_parts()}


@pytest.mark.parametrize("status, cls", [(400, ValidationError), (401, AuthenticationError), (404, NotFoundError),
                                         (409, ConflictError), (413, PayloadTooLargeError),
                                         (503, ServerUnavailableError), (500, Web4RecError)])
def test_error_mapping_carries_message_and_example(stub, client, status, cls):
    client.max_retries = 0
    stub.on("GET", "/api/v1/datasets", (status, {"error": "bad_thing", "message": "it is bad",
                                                 "example": "do this"}, {}))
    with pytest.raises(cls) as e:
        client.datasets()
    assert e.value.status == status and e.value.code == "bad_thing" and e.value.example == "do this"
    assert "it is bad" in str(e.value) and "do this" in str(e.value)


def test_get_retried_on_503_honouring_retry_after(stub, client):
    stub.on("GET", "/api/v1/datasets", (503, {"error": "down"}, {"Retry-After": "0"}),
            (429, {"error": "slow"}, {}), (200, {"datasets": [{"name": "a", "n_users": 3}]}, {}))
    df = client.datasets()
    assert df["name"].tolist() == ["a"]
    assert len(stub.requests) == 3
    ua = stub.requests[0][2]["User-Agent"]
    assert ua.startswith("web4rec-python/") and stub.requests[0][2]["Authorization"] == "Bearer w4r_test"


def test_post_without_idempotency_key_not_retried(stub, client):
    stub.on("POST", "/api/v1/auth/signup", (503, {"error": "down", "message": "store down"}, {}))
    with pytest.raises(ServerUnavailableError, match="store down"):
        client.signup("a@b.c", "password1")
    assert len(stub.requests) == 1


def test_upload_retried_with_same_idempotency_key_and_full_body(stub, client):
    exp = {"name": "e1", "status": "uploaded", "metrics": {}}
    stub.on("POST", "/api/v1/datasets/toy/experiments", (503, {"error": "down"}, {"Retry-After": "0"}),
            (202, exp, {}))
    recs = pd.DataFrame({"user_id": [1, 1, 2], "item_id": ["a", "b", "a"], "score": [0.9, 0.5, 0.1]})
    handle = client.upload_experiment("e1", {"lr": 0.1}, recommendations=recs, n_candidates=10, ks=[5],
                                      wait=False)
    assert handle.name == "e1" and handle.info.status == "uploaded"
    (_, _, h1, b1), (_, _, h2, b2) = stub.requests
    assert h1["Idempotency-Key"] == h2["Idempotency-Key"] and b1 == b2 and len(b1) == int(h1["Content-Length"])
    parts = parse_multipart(h2, b2)
    assert json.loads(parts["meta"].get_content()) == {"experiment_name": "e1", "hyper_parameters": {"lr": 0.1},
                                                       "n_candidates": 10, "ks": [5]}
    rec_part = parts["recommendations"]
    assert rec_part.get_content_type() == "application/vnd.apache.arrow.stream"
    table = pa.ipc.open_stream(rec_part.get_payload(decode=True)).read_all()
    assert table.column_names == ["user_id", "item_id", "score"]
    assert table.schema.field("user_id").type == pa.int64()
    assert table.column("item_id").to_pylist() == ["a", "b", "a"]


def test_new_call_new_idempotency_key(stub, client):
    stub.on("POST", "/api/v1/datasets/toy/experiments", (202, {"name": "e", "status": "uploaded"}, {}))
    recs = pd.DataFrame({"user_id": [1], "item_id": [2], "score": [0.5]})
    client.upload_experiment("e", recommendations=recs, wait=False)
    client.upload_experiment("e", recommendations=recs, wait=False)
    assert stub.requests[0][2]["Idempotency-Key"] != stub.requests[1][2]["Idempotency-Key"]


def test_register_dataset_multipart_parts(stub, client):
    from web4rec import Web4RecDataset
    stub.on("POST", "/api/v1/datasets", (201, {"name": "toy2", "n_users": 2, "id_type": "int"}, {}))
    ds = (Web4RecDataset("toy2")
          .add_train_interaction(pd.DataFrame({"user_id": [1, 2], "item_id": [10, 20], "rating": [4.0, 3.0]}))
          .add_ground_truth(pd.DataFrame({"user_id": [1], "item_id": [20]}))
          .add_item_side(pd.DataFrame({"item_id": [10, 20], "genres": [["A", "B"], ["C"]]})))
    info = client.register_dataset(ds)
    assert info.n_users == 2 and info["id_type"] == "int"
    parts = parse_multipart(stub.requests[0][2], stub.requests[0][3])
    assert list(parts) == ["name", "train", "ground_truth", "item_side"]
    assert parts["name"].get_content() == "toy2"
    side = pa.ipc.open_stream(parts["item_side"].get_payload(decode=True)).read_all()
    assert side.schema.field("genres").type == pa.list_(pa.string())


def test_wait_polls_until_ready_or_failed(stub, client):
    from web4rec import ExperimentFailedError
    path = "/api/v1/datasets/toy/experiments/e%201"
    stub.on("GET", path, (200, {"name": "e 1", "status": "computing"}, {}),
            (200, {"name": "e 1", "status": "ready", "metrics": {"ndcg@10": 0.5}}, {}))
    from web4rec import ExperimentHandle
    info = ExperimentHandle(client, "toy", "e 1").wait(poll_interval=0.01)
    assert info.metrics == {"ndcg@10": 0.5}
    stub.on("GET", path, (200, {"name": "e 1", "status": "failed", "error": "boom"}, {}))
    with pytest.raises(ExperimentFailedError, match="boom"):
        ExperimentHandle(client, "toy", "e 1").wait(poll_interval=0.01)


def test_unreachable_server_is_a_clear_error():
    c = Web4RecClient(server="http://127.0.0.1:9", token="t", max_retries=1, backoff=0.01)
    with pytest.raises(ServerUnavailableError, match="could not talk to the Web4Rec server"):
        c.datasets()
