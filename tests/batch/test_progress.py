"""The progress bar: drawn on a terminal's stderr for long runs, never in a pipe or a file, never when quiet."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys

import pytest

from hds_api.batch.progress import Progress

from .conftest import REQUIRED, write_csv

ROWS = 3_000
# The CLI as run from a shell, but with the bar shown at once, so that a short file is enough to see it.
RUN_CLI = (
    "import sys; from hds_api.batch import progress; progress.SHOW_AFTER_SECONDS = 0; "
    "from hds_api.cli import main; sys.exit(main(sys.argv[1:]))"
)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_wanted_only_on_a_terminal_and_not_quiet():
    assert Progress.wanted(Terminal(), quiet=False)
    assert not Progress.wanted(Terminal(), quiet=True)
    assert not Progress.wanted(io.StringIO(), quiet=False)


def test_bar_shows_share_rows_and_rate_then_clears():
    stream = Terminal()
    progress = Progress(stream, enabled=True, total_bytes=1000, position=lambda: 450, delay=0, interval=0)
    progress.update(1200)
    assert "[##############" in stream.getvalue() and " 45%  1,200 rows" in stream.getvalue()
    progress.close()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_nothing_is_drawn_before_the_delay_or_when_disabled():
    stream = Terminal()
    Progress(stream, enabled=True, delay=60).update(10)
    Progress(stream, enabled=False, delay=0).update(10)
    assert stream.getvalue() == ""


@pytest.fixture(scope="module")
def rows_file(tmp_path_factory, columns):
    path = tmp_path_factory.mktemp("progress") / "in.csv"
    return write_csv(path, [{"id": f"s{n}", **REQUIRED} for n in range(ROWS)], columns)


COMMANDS = {
    "batch": ["batch"],
    "impact": ["impact", "--from", "2026-01-01", "--to", "2026-12-31"],
}


def run_with_stderr(rows_file, tmp_path, *flags: str, terminal: bool, command_name: str = "batch") -> str:
    """Run the CLI with stderr on a pseudo-terminal or a pipe; what it wrote there."""
    command = [sys.executable, "-c", RUN_CLI, *COMMANDS[command_name], str(rows_file), "-o", str(tmp_path / "o.csv"),
               "--jobs", "1"]  # fmt: skip
    if not terminal:
        done = subprocess.run([*command, *flags], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, check=True)
        return done.stderr.decode()
    leader, follower = pty.openpty()
    process = subprocess.Popen([*command, *flags], stderr=follower, stdout=subprocess.DEVNULL)
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        try:
            data = os.read(leader, 65536) if ready else b""
        except OSError:  # EIO: the child closed the terminal
            data = b""
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    assert process.wait(timeout=60) == 0
    return b"".join(chunks).decode()


@pytest.mark.parametrize("command_name", ["batch", "impact"])
def test_progress_on_a_terminal_only(rows_file, tmp_path, command_name):
    assert "rows/s" in run_with_stderr(rows_file, tmp_path, terminal=True, command_name=command_name)
    assert run_with_stderr(rows_file, tmp_path, "--quiet", terminal=True, command_name=command_name) == ""
    assert run_with_stderr(rows_file, tmp_path, terminal=False, command_name=command_name) == ""
