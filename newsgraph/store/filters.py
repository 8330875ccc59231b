"""Validate user filters and turn them into parameterised SQL (the store's one WHERE builder).

The web API, the CLI and ``newsgraph export`` accept the same filters (actor,
type, status, dates...). All go through this module, so a filter means the
same thing everywhere, every value reaches SQLite as a bound parameter, and a
bad value is refused with a message that says what would be accepted.
``Where`` is the only place a WHERE clause is assembled.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date

from newsgraph.records import EVENT_STATUSES, PLOVER_TYPES

DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MAX_LIMIT = 500
DEFAULT_LIMIT = 50
MAX_OFFSET = 2**31 - 1   # well inside SQLite's 64-bit integers: a larger offset is a 422, not a 500


class ParamError(ValueError):
    """A filter value that cannot be used; the message names the parameter."""

    def __init__(self, param: str, message: str):
        super().__init__(f"{param}: {message}")
        self.param = param


def check_date(param: str, value: str | None) -> str | None:
    """Accept ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (a real calendar date).

    Args:
        param: the parameter name, for the error message.
        value: the user's value, or None.
    Returns:
        The value unchanged, or None when absent or blank.
    Raises:
        ParamError: the value is not such a date.
    """
    if value is None or not value.strip():
        return None
    value = value.strip()
    if not DATE_RE.match(value):
        raise ParamError(param, f"{value!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY")
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise ParamError(param, f"{value!r} is not a calendar date") from None
    return value


def check_choice(param: str, value: str | None, allowed: tuple[str, ...], upper: bool = False) -> str | None:
    """The value if it is one of ``allowed`` (case-insensitive), else ParamError."""
    if value is None or not value.strip():
        return None
    wanted = value.strip().upper() if upper else value.strip().lower()
    if wanted not in allowed:
        raise ParamError(param, f"{value!r} is not allowed; use one of {', '.join(allowed)}")
    return wanted


def check_type(value: str | None) -> str | None:
    """A PLOVER event type (any case), or None."""
    return check_choice("type", value, PLOVER_TYPES, upper=True)


def check_status(value: str | None) -> str | None:
    """An event status (asserted, negated, hypothetical, future, demanded), or None."""
    return check_choice("status", value, EVENT_STATUSES)


def check_text(param: str, value: str | None, max_len: int = 200) -> str | None:
    """A free-text value (an id, a name), stripped; None when blank; length-limited."""
    if value is None or not value.strip():
        return None
    if len(value) > max_len:
        raise ParamError(param, f"longer than {max_len} characters")
    return value.strip()


def fts_query(text: str | None) -> str | None:
    """Turn what a person typed into a safe FTS5 expression, or None.

    Every word becomes a quoted phrase (so FTS5 operators and punctuation in
    the input are plain text), all words must match, and a trailing ``*``
    keeps its prefix meaning: ``karabakh refug*`` → ``"karabakh" "refug"*``.
    """
    if text is None:
        return None
    terms = []
    for word in text.split()[:32]:
        prefix = word.endswith("*")
        word = word.rstrip("*").replace('"', "")
        if not any(ch.isalnum() for ch in word):
            continue
        terms.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(terms) or None


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with %, _ and \\ escaped (use ESCAPE '\\')."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def since_sql(column: str) -> str:
    """SQL keeping dates that overlap or follow ``?`` (either may be YYYY, YYYY-MM or a day).

    A month-precise date counts as on or after a day inside that month, so
    ``2023-09`` is kept for ``since=2023-09-15``.
    """
    return f"({column} IS NOT NULL AND {column} >= substr(?, 1, length({column})))"


def until_sql(column: str) -> str:
    """SQL keeping dates that overlap or precede ``?`` (``2023-09-30`` is kept for ``until=2023-09``)."""
    return f"({column} IS NOT NULL AND substr({column}, 1, length(?)) <= ?)"


class Where:
    """Collects ``AND``-ed conditions and their bound parameters; a condition whose value is None is skipped.

    >>> w = Where().add("a.outlet = ?", "Wire A").add("a.title = ?", None)
    >>> w.sql, w.params
    ('a.outlet = ?', ['Wire A'])
    """

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list = []

    def add(self, clause: str, *values, times: int = 1) -> "Where":
        """Add ``clause`` unless a value is None; ``times`` repeats the values for several ``?``."""
        if values and any(v is None or v == "" for v in values):
            return self
        self.clauses.append(clause)
        self.params += list(values) * times
        return self

    def dates(self, column: str, since: str | None, until: str | None, end_column: str | None = None) -> "Where":
        """Date bounds on ``column`` (``end_column``, e.g. a span's last day, for ``since``)."""
        self.add(since_sql(end_column or column), since)
        self.add(until_sql(column), until, times=2)
        return self

    @property
    def sql(self) -> str:
        """The conditions joined with AND (``1`` when there are none)."""
        return " AND ".join(self.clauses) or "1"


@dataclass
class EventFilter:
    """Which events to keep. Every field is optional; all given fields must match.

    Attributes:
        actor: an actor id that is a source or a target.
        source, target: an actor id in that role.
        country: an ISO alpha-3 code of a source or target participant.
        type: a PLOVER type; status: an event status.
        since, until: event date bounds (YYYY, YYYY-MM or YYYY-MM-DD).
        article: an article id.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    country: str | None = None
    type: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    article: str | None = None

    def checked(self) -> "EventFilter":
        """A copy with every value validated and normalised (raises ParamError)."""
        return EventFilter(
            actor=check_text("actor", self.actor), source=check_text("source", self.source),
            target=check_text("target", self.target),
            country=check_text("country", self.country.upper() if self.country else None),
            type=check_type(self.type), status=check_status(self.status),
            since=check_date("since", self.since), until=check_date("until", self.until),
            article=check_text("article", self.article, 500))

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))

    def where(self, alias: str = "e") -> tuple[str, list]:
        """The WHERE clause (without the keyword) and its parameters, for ``events AS alias``."""
        w = Where()
        pair = f"({alias}.article_id, {alias}.idx) IN (SELECT article_id, event_idx FROM event_args WHERE {{}})"
        w.add(pair.format("actor_id = ?"), self.actor)
        w.add(pair.format("actor_id = ? AND role = 'source'"), self.source)
        w.add(pair.format("actor_id = ? AND role = 'target'"), self.target)
        w.add(pair.format("country = ?"), self.country)
        w.add(f"{alias}.type = ?", self.type)
        w.add(f"{alias}.status = ?", self.status)
        w.add(f"{alias}.article_id = ?", self.article)
        w.dates(f"{alias}.date", self.since, self.until)
        return w.sql, w.params
