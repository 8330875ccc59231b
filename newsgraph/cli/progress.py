"""A rich progress bar on stderr that disappears with ``--quiet``."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn,
                           TextColumn, TimeElapsedColumn, TimeRemainingColumn)
from rich.text import Text

from newsgraph.errors import printable

stderr = Console(stderr=True)


def say(text: str) -> None:
    """One message line on stderr: never wrapped at the terminal's width, never read as markup,
    control characters escaped (a file name with a newline cannot split or forge a line)."""
    stderr.print(printable(text), markup=False, highlight=False, soft_wrap=True)


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    """``1 article``, ``2 articles`` (``nouns`` for an irregular plural)."""
    return f"{n:,} {noun if n == 1 else nouns or noun + 's'}"


class RateColumn(ProgressColumn):
    """Articles per second since the start (articles arrive in batches, so
    rich's short-window speed would jump around)."""

    def render(self, task) -> Text:
        elapsed = task.finished_time if task.finished else task.elapsed
        if not elapsed or not task.completed:
            return Text("… articles/s", style="cyan")
        return Text(f"{task.completed / elapsed:.1f} articles/s", style="cyan")


class _Silent:
    def update(self, *args, **kwargs) -> None:
        pass

    def advance(self, *args, **kwargs) -> None:
        pass


@contextmanager
def progress_bar(description: str, total: int | None, quiet: bool = False) -> Iterator:
    """Yield an object with ``advance()``; shows a bar unless ``quiet``."""
    if quiet:
        yield _Silent()
        return
    progress = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                        RateColumn(), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                        console=stderr, transient=False)
    with progress:
        task = progress.add_task(description, total=total)

        class _Bar:
            def advance(self, n: int = 1) -> None:
                progress.advance(task, n)

            def update(self, **kwargs) -> None:
                progress.update(task, **kwargs)

        yield _Bar()
