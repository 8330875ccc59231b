"""A bounded pool of read-only connections for the web server.

Why: opening the database per request threw its page cache away every time,
and an unbounded number of threads each holding a connection (and a result
being built) is what grew the server from 90 MB to 640 MB under 200 clients.
A few long-lived read-only connections keep their caches warm; a request
waits for a free one instead of adding memory. SQLite in WAL mode lets the
readers run side by side, and side by side with an ingest.

The wait is asynchronous (``borrow``): a request queued for a connection
holds no worker thread, so the threads that do hold connections can always
finish and give them back (a blocking wait in every worker thread deadlocked
the server under 200 clients).
"""
from __future__ import annotations

import asyncio
import queue
import sqlite3
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import AsyncIterator, Iterator

from newsgraph.errors import StoreError
from newsgraph.store.db import Store

DEFAULT_SIZE = 4


class ReadPool:
    """Up to ``size`` read-only ``Store`` objects on one database, opened lazily and reused.

    Args:
        path: the database file.
        size: most connections open at once (requests beyond wait their turn).
        timeout: seconds a request waits for a connection before a ``StoreError``.
    """

    def __init__(self, path: str | Path, size: int = DEFAULT_SIZE, timeout: float = 30.0):
        self.path = Path(path)
        self.timeout = timeout
        self.size = size
        self._free: queue.LifoQueue[Store | None] = queue.LifoQueue()
        for _ in range(size):
            self._free.put(None)   # a slot; the connection is opened on first use
        self._turns: asyncio.Semaphore | None = None   # made on first use, inside the server's event loop

    @asynccontextmanager
    async def borrow(self) -> AsyncIterator[Store]:
        """Wait (without holding a thread) for a free connection; the async form of ``store``."""
        if self._turns is None:
            self._turns = asyncio.Semaphore(self.size)
        try:
            await asyncio.wait_for(self._turns.acquire(), self.timeout)
        except asyncio.TimeoutError:
            raise StoreError(f"the database {self.path} is busy; try again") from None
        try:
            with self.store() as store:   # a slot is free: this does not block
                yield store
        finally:
            self._turns.release()

    @contextmanager
    def store(self) -> Iterator[Store]:
        """A read-only store for the length of the block, returned to the pool afterwards."""
        try:
            store = self._free.get(timeout=self.timeout)
        except queue.Empty:
            raise StoreError(f"the database {self.path} is busy; try again") from None
        try:
            if store is None:
                store = Store(self.path, readonly=True)
            yield store
        except sqlite3.Error:
            if store is not None:   # a failed query may leave a statement open: start afresh
                store.close()
                store = None
            raise
        finally:
            self._free.put(store)

    def close(self) -> None:
        """Close every idle connection."""
        while True:
            try:
                store = self._free.get_nowait()
            except queue.Empty:
                return
            if store is not None:
                store.close()
