"""A readable summary of one stored article (``newsgraph show``).

Each actor, quote, event, claim and time expression is one short entry: its
codes on the first line, its words on an indented line below, wrapped at word
boundaries to the terminal's width. Nothing is cut short, because a code shown
as "ASSAUL…" or "org:tj…" cannot be looked up, and a table of eight columns at
80 characters can only cut or break words. Only removed page junk is
shortened: it is shown to be recognised, not read.
"""
from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from newsgraph.records import ArticleRecord

console = Console()
JUNK_SHOWN = 160   # characters of each removed junk span


def _flat(text: str) -> str:
    return " ".join(str(text).split())


def _entry(out: Console, head: list[tuple[str, str]], detail: str = "") -> None:
    """One entry: ``head`` as (text, style) pieces, then ``detail`` indented under it."""
    line = Text()
    for i, (piece, style) in enumerate(p for p in head if p[0]):
        line.append(("  " if i else "") + piece, style=style)
    out.print(Padding(line, (0, 0, 0, 2), expand=False))
    if detail:
        out.print(Padding(Text(detail), (0, 0, 0, 6), expand=False))


def _section(out: Console, title: str, count: int) -> None:
    out.print()
    out.print(Text(f"{title} ({count})", style="bold underline"))


def render_record(record: ArticleRecord, out: Console | None = None) -> None:
    """Print metadata, actors, quotes, events, claims, time expressions and removed junk."""
    out = out or console
    meta = Table.grid(padding=(0, 2))
    meta.add_column(no_wrap=True)
    meta.add_column(overflow="fold")
    for name in ("id", "title", "outlet", "author", "url", "published", "published_source"):
        meta.add_row(f"[bold]{name}[/]", escape(str(getattr(record, name) or "—")))
    meta.add_row("[bold]length[/]", f"{len(record.text):,} characters")
    for warning in dict.fromkeys(record.warnings or []):  # once each, even if re-extraction repeated it
        meta.add_row("[bold]note[/]", escape(warning))
    out.print(meta)
    text = record.text

    _section(out, "Actors", len(record.actors))
    for a in sorted(record.actors, key=lambda a: -len(a.mentions)):
        codes = " · ".join(x for x in (a.kind, a.country, a.sector, a.role) if x)
        surfaces = ", ".join(sorted({_flat(text[s:e]) for s, e in a.mentions}))
        _entry(out, [(a.id, "bold cyan"), (a.name, "bold"), (codes, "dim")],
               f"{len(a.mentions)} mention{'s' * (len(a.mentions) != 1)}: {surfaces}")
    if record.quotes:
        _section(out, "Quotes", len(record.quotes))
        for q in record.quotes:
            speaker = q.speaker.text if q.speaker else "speaker not found"
            actor = q.speaker.actor if q.speaker and q.speaker.actor else ""
            _entry(out, [(q.kind, "bold"), (_flat(speaker), ""), (actor, "cyan"),
                         (f"cue: {q.cue.text}" if q.cue else "", "dim")], _flat(q.content.text))
    if record.events:
        _section(out, "Events", len(record.events))
        for e in record.events:
            who = (", ".join(a.actor or a.text for a in e.source) or "—") + " → " + \
                  (", ".join(a.actor or a.text for a in e.target) or "—")
            sizes = ", ".join(f"{n} {v}" for n, v in (("dead", e.dead), ("injured", e.injured), ("size", e.size))
                              if v is not None)
            where = f"in {e.location.name}" if e.location else ""
            _entry(out, [(e.type + (f"/{e.mode}" if e.mode else ""), "bold magenta"), (e.status, ""),
                         (e.date or "undated", "green"), (f"“{e.trigger.text}”", "")],
                   " · ".join(x for x in (who, where, sizes) if x))
    if record.claims:
        _section(out, "Claims", len(record.claims))
        for c in record.claims:
            value = f"{c.value:g}" + (f"–{c.value_max:g}" if c.value_max is not None else "")
            about = f"about {c.about}" if c.about else ""
            who = f"according to {_flat(c.attributed_to.text)}" if c.attributed_to else ""
            _entry(out, [(c.measure, "bold"), (value, "bold green"), (c.qualifier, "dim"), (about, ""), (who, "")],
                   _flat(c.span.text))
    if record.timexes:
        _section(out, "Time expressions", len(record.timexes))
        for t in record.timexes:
            _entry(out, [(t.value, "green"), (t.type, "dim"), (_flat(t.text), "")])
    if record.boilerplate:
        _section(out, "Removed as page junk", len(record.boilerplate))
        for s, e in record.boilerplate:
            junk = _flat(text[s:e])
            _entry(out, [(f"{s}–{e}", "dim"), (junk if len(junk) <= JUNK_SHOWN else junk[:JUNK_SHOWN - 1] + "…", "")])
