"""Ctrl-C that stops a batch between two articles, never inside one.

Python delivers SIGINT as a ``KeyboardInterrupt`` wherever the main thread
happens to be; raised inside a destructor or a C callback it is printed and
swallowed, and the batch would quietly run on to the end. Instead, the first
Ctrl-C only sets a flag that the batch loop checks after each stored
article; a second Ctrl-C interrupts at once (the store's per-article
transactions keep that safe too).
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator


class StopRequest:
    """Set by the first Ctrl-C; ``bool(stop)`` says whether to stop."""

    def __init__(self) -> None:
        self.requested = False

    def __bool__(self) -> bool:
        return self.requested


@contextmanager
def stop_on_interrupt() -> Iterator[StopRequest]:
    """Within the block, the first SIGINT sets the yielded flag."""
    stop = StopRequest()
    if threading.current_thread() is not threading.main_thread():
        yield stop  # signals can only be handled on the main thread
        return

    def first_interrupt(signum, frame) -> None:
        stop.requested = True
        signal.signal(signal.SIGINT, signal.default_int_handler)

    previous = signal.signal(signal.SIGINT, first_interrupt)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)
