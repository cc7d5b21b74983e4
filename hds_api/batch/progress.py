"""A progress bar on a terminal's stderr, drawn only for runs long enough to need one."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

WIDTH = 30
SHOW_AFTER_SECONDS = 0.5  # shorter runs never flicker a bar


class Progress:
    """Shows bytes read (or rows, when the size is unknown) and the rate; silent unless `enabled`.

    Nothing is drawn before `delay` seconds (default `SHOW_AFTER_SECONDS`).
    """

    def __init__(
        self,
        stream: TextIO,
        enabled: bool,
        total_bytes: int | None = None,
        position: Callable[[], int] | None = None,
        delay: float | None = None,
        interval: float = 0.1,
    ):
        self.stream = stream
        self.enabled = enabled
        self.total_bytes = total_bytes
        self.position = position
        self.started = time.monotonic()
        self.delay = SHOW_AFTER_SECONDS if delay is None else delay
        self.interval = interval
        self.last_drawn = 0.0
        self.drawn = False

    @staticmethod
    def wanted(stream: TextIO, quiet: bool) -> bool:
        """Only for a person watching: never when quiet, or when stderr is a file or a pipe."""
        return not quiet and stream.isatty()

    def update(self, rows: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started < self.delay or now - self.last_drawn < self.interval:
            return
        self.last_drawn = now
        self.drawn = True
        self.stream.write("\r" + self.text(rows, now - self.started) + "\x1b[K")
        self.stream.flush()

    def text(self, rows: int, elapsed: float) -> str:
        rate = f"{rows / elapsed:,.0f} rows/s" if elapsed > 0 else ""
        if self.total_bytes and self.position is not None:
            share = min(self.position() / self.total_bytes, 1.0)
            filled = round(share * WIDTH)
            return f"[{'#' * filled}{'.' * (WIDTH - filled)}] {share:4.0%}  {rows:,} rows  {rate}"
        return f"{rows:,} rows  {rate}"

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
