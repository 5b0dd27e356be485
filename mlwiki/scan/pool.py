"""Reading and extracting many notes at once: in worker processes when there are many and the machine has cores.

A first scan of a big wiki is all parsing, and parsing is pure Python: one core does 1,500 to 4,000 notes a
second. So when a scan has many notes to read (`PARALLEL_MIN_FILES`), they are read, hashed and extracted by a
pool of processes, a chunk at a time, and come back in order. Whatever stops the pool (no process can start, a
worker is killed) is made up for here, chunk by chunk: a scan never fails for want of processes.
`MLWIKI_WORKERS` sets the number of processes (1 = never use a pool).
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from mlwiki.config import Config
from mlwiki.scan.examine import Examined, Jobs, examine, warm_up

PARALLEL_MIN_FILES = 400  # below this, starting processes costs more than it saves
PARALLEL_MIN_FILES_SPAWN = 2000  # where workers start afresh (macOS, Windows), each first imports mlwiki
MAX_WORKERS = 8
CHUNK_FILES = 64  # files per task: big enough to amortize the hand-over, small enough for a smooth progress bar
# Chunks a worker holds at once: it goes on with the next while the scan writes what came back (a first scan
# writes every 1,000 notes, and the workers would stand idle meanwhile), yet the last chunks still spread evenly.
# Six chunks are ~0.3 s of work: more than a batch write takes (~0.15 s), which three barely covered (workers
# waited 0.45-0.65 s each for work in a first scan of 10,000 notes).
AHEAD = 6
TAIL_FILES = 16

def examine_all(config: Config, jobs: Jobs, progress: Callable[[int, int], None] | None = None,
                rows: bool = False) -> Iterator[Examined]:
    """`examine` each (file, known hash), yielding results in the order of `jobs` (as the scan's `Rows` when
    `rows`)."""
    workers = worker_count(len(jobs))
    results = _in_pool(config, jobs, workers, rows) if workers > 1 else None
    if results is None:
        results = (examine(config, file, known, rows) for file, known in jobs)
    for done, result in enumerate(results, start=1):
        if progress:
            progress(done, len(jobs))
        yield result


def worker_count(files: int) -> int:
    """How many processes to extract `files` notes with: 1 (no pool) for small jobs or one core; never more than
    there are chunks of work."""
    setting = os.environ.get("MLWIKI_WORKERS", "").strip()
    if setting.isdigit() and int(setting) > 0:
        wanted = int(setting)
    elif files < PARALLEL_MIN_FILES or (files < PARALLEL_MIN_FILES_SPAWN and not _forks()):
        return 1
    else:
        wanted = min(MAX_WORKERS, _cores())
    return max(1, min(wanted, -(-files // CHUNK_FILES)))


def _forks() -> bool:
    return _context().get_start_method() == "fork"


def _cores() -> int:
    """The cores this process may run on (a container's share, not the whole machine's)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _in_pool(config: Config, jobs: Jobs, workers: int, rows: bool = False) -> Iterator[Examined] | None:
    """Results from a pool of `workers` processes, or None when no process can be started here."""
    chunks = _chunks(jobs, workers)
    started: list[_Worker] = []
    try:
        context = _context()
        if context.get_start_method() == "fork":
            warm_up()  # once here, not in every worker
        with _ctrl_c_held():  # no half-started pool if Ctrl-C comes now: it is delivered right after
            for _ in range(workers):
                started.append(_Worker(context, config, rows))
    except (OSError, ImportError, NotImplementedError, ValueError):
        _stop(started)
        return None
    return _drain(started, config, chunks, rows)


def _chunks(jobs: Jobs, workers: int) -> list[Jobs]:
    """The jobs in chunks of `CHUNK_FILES`, the last ones (what the workers hold at the end) in chunks of
    `TAIL_FILES`: so that the workers finish together, not one waiting for the other's last chunks."""
    cut = max(0, len(jobs) - workers * AHEAD * CHUNK_FILES)
    return [jobs[i:min(i + CHUNK_FILES, cut)] for i in range(0, cut, CHUNK_FILES)] + \
        [jobs[i:i + TAIL_FILES] for i in range(cut, len(jobs), TAIL_FILES)]


class _Worker:
    """One worker process and the pipe to it. Each worker has its own pipe, so that a worker that dies (killed
    for memory, say) shows as the end of its pipe, even half-way through sending a result."""

    def __init__(self, context, config: Config, rows: bool = False):
        self.conn, theirs = context.Pipe()
        self.process = context.Process(target=_serve, args=(theirs, config, rows), daemon=True)
        try:
            self.process.start()
        finally:
            theirs.close()  # only the worker holds its end: when it dies, this end reads EOF
        self.chunks: deque[int] = deque()  # the indexes of the chunks it was given and has not returned, in order

    def give(self, index: int, chunk: Jobs) -> None:
        self.conn.send(chunk)
        self.chunks.append(index)


def _drain(workers: list[_Worker], config: Config, chunks: list[Jobs], rows: bool) -> Iterator[Examined]:
    """Hand chunks to workers, `AHEAD` each, and yield results in the order of the chunks. The chunks of a
    worker that died, and every chunk once no worker is left, are done here instead: a scan never fails for
    want of processes."""
    from multiprocessing.connection import wait

    done: dict[int, list[Examined]] = {}
    handed = yielded = 0
    try:
        while yielded < len(chunks):
            for worker in list(workers):
                while len(worker.chunks) < AHEAD and handed < len(chunks):
                    try:
                        worker.give(handed, chunks[handed])
                        handed += 1
                    except OSError:  # it died while idle
                        _lost(worker, workers, config, chunks, rows, done)
                        break
            busy = {w.conn: w for w in workers if w.chunks}
            if not busy and handed < len(chunks):  # every worker died: the rest is done here
                done[handed] = _examine_chunk(config, chunks[handed], rows)
                handed += 1
            for conn in wait(list(busy)) if busy else ():
                worker = busy[conn]
                try:
                    result = conn.recv()
                except (EOFError, OSError):
                    _lost(worker, workers, config, chunks, rows, done)
                    continue
                done[worker.chunks.popleft()] = result
            while yielded in done:
                yield from done.pop(yielded)
                yielded += 1
    finally:
        _stop(workers)


def _lost(worker: _Worker, workers: list[_Worker], config: Config, chunks: list[Jobs], rows: bool,
          done: dict[int, list[Examined]]) -> None:
    """A worker died: the chunks it had not returned are done here, and it is given no more."""
    for index in worker.chunks:
        done[index] = _examine_chunk(config, chunks[index], rows)
    worker.chunks.clear()
    workers.remove(worker)
    _stop([worker])


def _stop(workers: list[_Worker]) -> None:
    """End the workers: one waiting for work is told to stop; one still busy (when a scan is interrupted) is
    terminated, which is safe, as workers only read and parse."""
    for worker in workers:
        try:
            if not worker.chunks:
                worker.conn.send(None)
            else:
                worker.process.terminate()
        except OSError:
            worker.process.terminate()
        worker.conn.close()
    for worker in workers:
        worker.process.join(5)


@contextmanager
def _ctrl_c_held():
    """Hold back SIGINT for the block and deliver it right after (where signal masks exist)."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _context():
    """fork where it is safe and cheap (Linux, one thread), else the platform's default (spawn, forkserver)."""
    import multiprocessing
    import threading

    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _serve(conn, config: Config, rows: bool = False) -> None:
    """A worker: examine each chunk it is sent, until it is sent None (or its pipe closes). Results go back from
    a thread of their own, so that the worker goes on with its next chunk while the scan is busy writing and
    does not read its pipe."""
    import queue
    import threading

    _start_worker()
    outbox: queue.SimpleQueue = queue.SimpleQueue()
    sender = threading.Thread(target=_send_all, args=(conn, outbox), daemon=True)
    sender.start()
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):
            break
        if chunk is None:
            break
        outbox.put(_examine_chunk(config, chunk, rows))
    outbox.put(None)
    sender.join()


def _send_all(conn, outbox) -> None:
    while (result := outbox.get()) is not None:
        try:
            conn.send(result)
        except OSError:  # the scan is gone
            return


def _start_worker() -> None:
    """Leave Ctrl-C to the parent (it stops the pool), and end when the parent ends, even if it was killed
    without a chance to stop the pool."""
    import gc
    import multiprocessing
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.disable()  # a worker only parses; see notes.paused_gc
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with_parent, args=(parent.sentinel,), daemon=True).start()


def _exit_with_parent(sentinel) -> None:
    from multiprocessing.connection import wait

    wait([sentinel])
    os._exit(1)


def _examine_chunk(config: Config, chunk: Jobs, rows: bool = False) -> list[Examined]:
    return [examine(config, file, known, rows) for file, known in chunk]
