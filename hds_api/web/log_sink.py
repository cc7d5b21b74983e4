"""Where the access log's lines go — standard output or a file — written so that a failing destination never
stops or slows the service.

A line is written whole or not at all, and never waits: when the destination cannot take it (a full disk or
`/dev/full`: ENOSPC; a pipe whose reader has gone: EPIPE; a pipe or socket nobody reads: it would block), the
line is dropped and standard error says so, once per process. Answering matters more than logging.

Standard output is written as the file descriptor it is: a pipe is reopened as a non-blocking description of
its own (through /proc, so the flag never leaks to whoever shares the original), a socket (journald) is sent
to with MSG_DONTWAIT, a file or terminal is written as is. When something else stands in for `sys.stdout` (a
test's capture), that stream is written instead.
"""

from __future__ import annotations

import errno
import os
import socket
import stat
import sys
from collections.abc import Callable

Writer = Callable[[bytes], int]


def _whole(write: Writer, data: bytes) -> None:
    if write(data) != len(data):  # a line cut short is a line lost; the rest would only corrupt the next one
        raise OSError(errno.EAGAIN, "line cut short")


def _non_blocking(fd: int) -> Writer:
    """A writer of `fd` that never waits (a line fits in one atomic pipe write: under PIPE_BUF)."""
    mode = os.fstat(fd).st_mode
    if stat.S_ISFIFO(mode):
        try:
            own = os.open(f"/proc/self/fd/{fd}", os.O_WRONLY | os.O_NONBLOCK | os.O_CLOEXEC)
            return lambda data: os.write(own, data)
        except OSError:  # no reader left (ENXIO): writes to `fd` fail at once (EPIPE) rather than wait
            pass
    if stat.S_ISSOCK(mode):
        sock = socket.socket(fileno=os.dup(fd))
        return lambda data: sock.send(data, socket.MSG_DONTWAIT)
    return lambda data: os.write(fd, data)


class Sink:
    """Writes lines; drops those the destination refuses, and says so once."""

    def __init__(self, target: str):
        self.target = target  # "-" or a path
        self.name = "standard output" if target == "-" else target
        self.warned = False
        self._writer: Writer | None = None
        self._pid = 0

    def write_line(self, data: bytes) -> None:
        """One line, its newline included, written whole or dropped."""
        try:
            self._write(data)
        except (OSError, ValueError) as error:  # ValueError: a closed stream
            self._dropped(error)

    def _write(self, data: bytes) -> None:
        stream = sys.stdout
        if self.target == "-" and stream is not sys.__stdout__:  # a stand-in (tests): write it as a stream
            stream.write(data.decode("utf-8"))
            stream.flush()
            return
        _whole(self._current_writer(), data)

    def _current_writer(self) -> Writer:
        """Opened in the process that writes (each gunicorn worker), and again after a failed open."""
        if self._writer is None or self._pid != os.getpid():
            if self.target == "-":
                if sys.__stdout__ is None:  # started without a standard output at all
                    raise OSError(errno.EBADF, "no standard output")
                self._writer = _non_blocking(sys.__stdout__.fileno())
            else:
                fd = os.open(self.target, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NONBLOCK | os.O_CLOEXEC, 0o640)
                self._writer = _non_blocking(fd)
            self._pid = os.getpid()
        return self._writer

    def _dropped(self, error: Exception) -> None:
        if self.warned:
            return
        self.warned = True
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        try:
            sys.stderr.write(
                f"hds-scope: access log line dropped: {self.name} cannot take it ({reason}); the service goes on "
                "answering, and further lines it cannot take are dropped without another word\n"
            )
            sys.stderr.flush()
        except (OSError, ValueError):
            pass


def open_sink(target: str) -> Sink | None:
    """The sink of an `HDS_ACCESS_LOG` value: `-`, a path, or `off` (None)."""
    return None if target == "off" else Sink(target)
