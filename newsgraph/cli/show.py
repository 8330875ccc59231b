"""A readable, one-screen summary of one stored article (``newsgraph show``)."""
from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsgraph.records import ArticleRecord

console = Console()


def _cut(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_record(record: ArticleRecord, out: Console | None = None) -> None:
    """Print metadata, actors, quotes, events, claims, timexes and removed junk."""
    out = out or console
    meta = Table.grid(padding=(0, 2))
    for name in ("id", "title", "outlet", "author", "url", "published", "published_source"):
        meta.add_row(f"[bold]{name}[/]", str(getattr(record, name) or "—"))
    meta.add_row("[bold]length[/]", f"{len(record.text):,} characters")
    for warning in record.warnings or []:
        meta.add_row("[bold]note[/]", escape(warning))
    out.print(meta)
    text = record.text

    actors = Table("id", "name", "kind", "country", "sector", "role", "mentions", title="Actors")
    for a in sorted(record.actors, key=lambda a: -len(a.mentions)):
        surfaces = sorted({text[s:e] for s, e in a.mentions})
        actors.add_row(a.id, a.name, a.kind, a.country or "", a.sector or "", a.role or "",
                       f"{len(a.mentions)}: " + _cut(", ".join(surfaces), 60))
    out.print(actors)

    if record.quotes:
        quotes = Table("kind", "speaker", "actor", "cue", "content", title="Quotes")
        for q in record.quotes:
            quotes.add_row(q.kind, q.speaker.text if q.speaker else "—",
                           (q.speaker.actor if q.speaker else None) or "—",
                           q.cue.text if q.cue else "—", _cut(q.content.text, 70))
        out.print(quotes)
    if record.events:
        events = Table("type", "status", "trigger", "source", "target", "date", "where", "dead/inj/size",
                       title="Events")
        for e in record.events:
            events.add_row(e.type + (f"/{e.mode}" if e.mode else ""), e.status, e.trigger.text,
                           ", ".join(a.actor or a.text for a in e.source) or "—",
                           ", ".join(a.actor or a.text for a in e.target) or "—",
                           e.date or "—", e.location.name if e.location else "—",
                           "/".join("—" if v is None else str(v) for v in (e.dead, e.injured, e.size)))
        out.print(events)
    if record.claims:
        claims = Table("measure", "value", "qualifier", "about", "according to", "phrase", title="Claims")
        for c in record.claims:
            value = f"{c.value:g}" + (f"–{c.value_max:g}" if c.value_max is not None else "")
            who = c.attributed_to.text if c.attributed_to else "—"
            claims.add_row(c.measure, value, c.qualifier, c.about or "—", who, _cut(c.span.text, 50))
        out.print(claims)
    if record.timexes:
        timexes = Table("text", "type", "value", title="Time expressions")
        for t in record.timexes:
            timexes.add_row(t.text, t.type, t.value)
        out.print(timexes)
    if record.boilerplate:
        junk = Table("chars", "removed as page junk", title="Boilerplate")
        for s, e in record.boilerplate:
            junk.add_row(f"{s}–{e}", _cut(text[s:e], 80))
        out.print(junk)
    for warning in record.warnings:
        out.print(f"[yellow]warning:[/] {warning}")
