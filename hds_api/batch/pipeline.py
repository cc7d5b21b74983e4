"""Streaming an input through the engine to a writer in bounded chunks, on one core or on all of them, order kept.

The same for HTTP (one core, the body in memory) and the command line (files of any size)."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from ..rules import Rules, load_rules
from .formats.base import Encoder, Input, RowDecoder, Writer
from .items import Item
from .progress import Progress
from .runner import BatchJob, BatchOptions, QuestionIdsOnce, paused_garbage_collector
from .summary import Tally

CHUNK_ROWS = 500
# Chunks in flight per worker: enough to keep every core busy, few enough to keep memory flat.
PENDING_PER_JOB = 3
# Below this size, starting worker processes costs more than it saves.
PARALLEL_FROM_BYTES = 2 * 1024 * 1024


@dataclass(slots=True)
class ChunkOutcome:
    payload: Any  # the chunk's output, ready for `Writer.write`
    tally: Tally  # or the job's own tally
    ids: list[Any]


class Job(Protocol):
    """What is done with each item (`runner.BatchJob`, `impact.ImpactJob`); picklable, sent to workers."""

    def tally(self) -> Any: ...

    def summary(self, passed_through: list[str]) -> Any: ...

    def assess(self, rules: Rules, items: list[Item], tally: Any, once: QuestionIdsOnce | None) -> Iterator[Any]: ...

    def summary_dict(self, rules: Rules, summary: Any) -> dict[str, Any]: ...


class ChunkAssessor:
    """Reads, assesses and encodes one chunk of raw rows; the same in-process and in a worker.

    With `ids_once` (one response), the allowed question ids are listed on the first unknown id only."""

    def __init__(self, rules: Rules, decoder: RowDecoder, encoder: Encoder, job: Job, ids_once: bool = False):
        self.rules = rules
        self.decoder = decoder
        self.encoder = encoder
        self.job = job
        self.once = QuestionIdsOnce() if ids_once else None

    def __call__(self, rows: list[Any]) -> ChunkOutcome:
        with paused_garbage_collector():
            item = self.decoder.item
            items = [item(row) for row in rows]
            tally = self.job.tally()
            outcomes = list(self.job.assess(self.rules, items, tally, self.once))
            return ChunkOutcome(self.encoder(outcomes), tally, [item.id for item in items])


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def choose_jobs(requested: int, size_bytes: int | None) -> int:
    """`requested` when given; otherwise every core for a large file, one for a small or unknown one."""
    if requested > 0:
        return requested
    if size_bytes is None or size_bytes < PARALLEL_FROM_BYTES:
        return 1
    return available_cores()


def chunked(rows: Iterable[Any], size: int = CHUNK_ROWS) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_worker: ChunkAssessor | None = None  # one per worker process, built once by `_start_worker`


def _start_worker(rules_dir: str | None, decoder: RowDecoder, encoder: Encoder, job: Job) -> None:
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle: it stops the pool
    _worker = ChunkAssessor(load_rules(rules_dir), decoder, encoder, job)


def _assess_in_worker(rows: list[Any]) -> ChunkOutcome:
    return _worker(rows)


def parallel_outcomes(
    chunks: Iterable[list[Any]],
    jobs: int,
    rules_dir: str | None,
    decoder: RowDecoder,
    encoder: Encoder,
    job: Job,
) -> Iterator[ChunkOutcome]:
    """Outcomes in input order. Unlike `Pool.imap`, reads ahead a bounded number of chunks only.

    However it ends (done, Ctrl-C, an unreadable line), the chunks in hand finish and the workers exit: never
    `Pool.terminate()`, which can hang for good when a worker is sending a large result that nothing reads any more
    (it waits for a lock that worker holds). At most `jobs * PENDING_PER_JOB` chunks: well under a second."""
    pool = multiprocessing.Pool(jobs, _start_worker, (rules_dir, decoder, encoder, job))
    try:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(_assess_in_worker, (chunk,)))
            if len(pending) >= jobs * PENDING_PER_JOB:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
    finally:
        pool.close()
        pool.join()


def run(
    rules: Rules,
    source: Input,
    writer: Writer,
    job: Job | BatchOptions,
    jobs: int = 1,
    progress: Progress | None = None,
    rules_dir: str | None = None,
    ids_once: bool = False,
) -> Any:
    """Read, assess and write row by row in chunks, then the summary; returns it. Memory does not grow with the
    input. `job`: what to do with each item (`BatchOptions`: a batch's assessment). `rules_dir` is where worker
    processes load the rules from (`jobs` > 1)."""
    if isinstance(job, BatchOptions):
        job = BatchJob(job)
    chunks = chunked(source.rows)
    if jobs > 1:
        outcomes: Iterator[ChunkOutcome] = parallel_outcomes(
            chunks, jobs, rules_dir, source.decoder, writer.encoder, job
        )
    else:
        outcomes = map(ChunkAssessor(rules, source.decoder, writer.encoder, job, ids_once), chunks)
    summary = job.summary(source.passed_through)
    writer.begin()
    try:
        for outcome in outcomes:
            writer.write(outcome.payload)
            summary.merge(outcome.tally)
            for item_id in outcome.ids:
                summary.see_id(item_id)
            if progress is not None:
                progress.update(summary.total)
    finally:
        if isinstance(outcomes, Generator):  # stopped early: its workers exit now, not whenever it is collected
            outcomes.close()
    writer.end(job.summary_dict(rules, summary))
    return summary
