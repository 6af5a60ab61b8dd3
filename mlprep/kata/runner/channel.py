"""Length-prefixed JSON frames over a socket, with a size cap and deadlines.

Used on both sides of the sandbox. The reader never trusts the writer: frames
are bounded, must be JSON objects, and a silent peer times out.
"""

from __future__ import annotations

import json
import select
import socket
import struct
import time
from typing import Any

HEADER = struct.Struct("!I")
MAX_FRAME = 256 * 1024 * 1024


class ChannelClosed(Exception):
    """The peer closed its end (or died) before a whole frame arrived."""


class ChannelTimeout(Exception):
    """No complete frame before the deadline."""


class ChannelError(Exception):
    """The peer sent something that is not a frame of this protocol."""


def dumps(value: object) -> bytes:
    """JSON as the frames carry it (compact, UTF-8)."""
    return json.dumps(value, separators=(",", ":")).encode("utf-8")


def send(sock: socket.socket, message: dict[str, Any]) -> None:
    send_raw(sock, dumps(message))


def send_raw(sock: socket.socket, payload: bytes) -> None:
    """Send a frame whose JSON object is already encoded (see `dumps`)."""
    sock.sendall(HEADER.pack(len(payload)) + payload)


def _recv_exact(sock: socket.socket, size: int, deadline: float | None) -> bytes:
    chunks: list[bytes] = []
    remaining = size
    while remaining:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise ChannelTimeout()
            ready, _, _ = select.select([sock], [], [], left)
            if not ready:
                raise ChannelTimeout()
        try:
            chunk = sock.recv(min(remaining, 1 << 20))
        except (ConnectionResetError, OSError) as error:
            raise ChannelClosed() from error
        if not chunk:
            raise ChannelClosed()
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def receive(sock: socket.socket, deadline: float | None = None) -> dict[str, Any]:
    """The next frame; `ChannelTimeout` at `deadline` (a `time.monotonic()` value)."""
    (size,) = HEADER.unpack(_recv_exact(sock, HEADER.size, deadline))
    if size > MAX_FRAME:
        raise ChannelError(f"a frame of {size} bytes (the limit is {MAX_FRAME})")
    payload = _recv_exact(sock, size, deadline)
    try:
        message = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise ChannelError("a frame that is not JSON") from error
    if not isinstance(message, dict):
        raise ChannelError("a frame that is not a JSON object")
    return message
