"""A multipart/form-data body that is read in blocks (with an upload progress callback) instead
of being joined into one big bytes object; the Arrow buffers are referenced, not copied."""
from __future__ import annotations

import uuid
from typing import Callable, List, Optional


class MultipartBody:
    def __init__(self):
        self.boundary = "w4r-" + uuid.uuid4().hex
        self._segments: List[memoryview] = []
        self._closed = False
        self._pos = (0, 0)  # (segment, offset)
        self.on_read: Optional[Callable[[int], None]] = None

    @property
    def content_type(self) -> str:
        return f"multipart/form-data; boundary={self.boundary}"

    def add_field(self, name: str, value: str) -> "MultipartBody":
        head = f'--{self.boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        self._segments += [memoryview(head.encode("utf-8")), memoryview(value.encode("utf-8")),
                           memoryview(b"\r\n")]
        return self

    def add_file(self, name: str, filename: str, content_type: str, data) -> "MultipartBody":
        head = (f'--{self.boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                f"Content-Type: {content_type}\r\n\r\n")
        self._segments += [memoryview(head.encode("utf-8")), memoryview(data).cast("B"), memoryview(b"\r\n")]
        return self

    def close(self) -> "MultipartBody":
        if not self._closed:
            self._segments.append(memoryview(f"--{self.boundary}--\r\n".encode("utf-8")))
            self._closed = True
        return self

    def __len__(self) -> int:
        return sum(s.nbytes for s in self._segments)

    def reset(self) -> None:
        """Rewind, so that a retried request sends the whole body again."""
        self._pos = (0, 0)

    def read(self, size: int = -1) -> bytes:
        self.close()
        seg, off = self._pos
        out: List[bytes] = []
        want = size if size is not None and size >= 0 else len(self)
        got = 0
        while want > got and seg < len(self._segments):
            view = self._segments[seg]
            take = min(want - got, view.nbytes - off)
            out.append(view[off:off + take].tobytes())
            got += take
            off += take
            if off >= view.nbytes:
                seg, off = seg + 1, 0
        self._pos = (seg, off)
        if got and self.on_read is not None:
            self.on_read(got)
        return b"".join(out)

