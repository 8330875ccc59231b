"""The ``newsgraph link``, ``timeline`` and ``discrepancies`` commands.

Thin layers over ``newsgraph.link``; ``register(app)`` adds them to the main
command. ``link`` writes (it rebuilds every cross-article link); the two
others only read, and print the contract's JSON list with ``--json``.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from newsgraph.errors import StoreError
from newsgraph.records import CLAIM_MEASURES, PLOVER_TYPES

DB_HELP = "SQLite database made by `newsgraph ingest`."


def _fail(text: str, code: int = 2) -> None:
    from newsgraph.cli.progress import say
    say(f"newsgraph: {text}")
    raise typer.Exit(code)


def check_dates(**bounds: str | None) -> None:
    """Refuse a ``--since``/``--until`` that is not a real YYYY[-MM[-DD]] date (exit 2, one line).

    The same check as the API's and ``export``'s, so ``2023-13`` is refused as
    clearly as ``yesterday`` everywhere.
    """
    from newsgraph.store.filters import ParamError, check_date
    for name, value in bounds.items():
        try:
            check_date(f"--{name}", value)
        except ParamError as exc:
            _fail(str(exc))


def _store(db: Path, readonly: bool):
    from newsgraph.store import Store
    if not db.exists():
        _fail(f"no database at {db} (run `newsgraph ingest` first)", 1)
    try:
        return Store(db, readonly=readonly)
    except StoreError as exc:
        _fail(str(exc))


def _lazy_reextract():
    """Re-extraction for articles the link stage dates (the pipeline loads only if one is)."""
    loaded = []

    def reextract(record):
        if not loaded:
            from newsgraph.pipeline.run import Extractor
            loaded.append(Extractor())
        return loaded[0].extract_one(record)
    return reextract


def _cut(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def link(db: Path = typer.Option("newsgraph.db", "--db", help=DB_HELP),
         quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing on success.")) -> None:
    """Rebuild every cross-article link: person ids, event clusters, lent dates, discrepancies.

    `newsgraph ingest` keeps links up to date as articles arrive; run this
    after changing link settings or to start the links afresh.
    """
    from newsgraph.link import rebuild_links
    store = _store(db, readonly=False)
    try:
        report = rebuild_links(store, reextract=_lazy_reextract())
        counts = store.counts()
    finally:
        store.close()
    if not quiet:
        from newsgraph.cli.progress import plural, say
        say(f"{plural(report.articles, 'article')} linked: "
            f"{plural(counts.get('link_clusters', 0), 'event cluster')}, "
            f"{plural(report.discrepancies, 'discrepancy', 'discrepancies')}, "
            f"{plural(len(report.dated), 'publication date')} inferred → {db}")


def timeline(db: Path = typer.Option("newsgraph.db", "--db", help=DB_HELP),
             as_json: bool = typer.Option(False, "--json", help="Print the contract's JSON list."),
             actor: Optional[str] = typer.Option(None, "--actor", help="Only events with this actor id (e.g. AZE, person:nikol-pashinyan)."),
             type: Optional[str] = typer.Option(None, "--type", help="Only events of this PLOVER type (e.g. ASSAULT)."),
             since: Optional[str] = typer.Option(None, "--since", help="Only events on or after YYYY[-MM[-DD]]."),
             until: Optional[str] = typer.Option(None, "--until", help="Only events on or before YYYY[-MM[-DD]]."),
             multi: bool = typer.Option(False, "--multi", help="Only events reported more than once.")) -> None:
    """Every real-world event the stored articles report, each with all its mentions, by date."""
    from newsgraph.link import timeline as get_timeline
    if type and type.upper() not in PLOVER_TYPES:
        _fail(f"--type {type}: not a PLOVER type (one of {', '.join(PLOVER_TYPES)})")
    check_dates(since=since, until=until)
    store = _store(db, readonly=True)
    try:
        entries = get_timeline(store, actor=actor, type=type, since=since, until=until)
        if multi:
            entries = [e for e in entries if len(e.mentions) > 1]
        if as_json:
            typer.echo(json.dumps([e.to_dict() for e in entries], ensure_ascii=False, indent=2))
            return
        from rich.console import Console
        from newsgraph.cli.timeline_view import render_timeline
        render_timeline(entries, store, Console())
    finally:
        store.close()


def discrepancies(db: Path = typer.Option("newsgraph.db", "--db", help=DB_HELP),
                  as_json: bool = typer.Option(False, "--json", help="Print the contract's JSON list."),
                  measure: Optional[str] = typer.Option(None, "--measure", help=f"Only one measure: {', '.join(CLAIM_MEASURES)}.")) -> None:
    """Facts reported with different figures: death tolls, crowd sizes, refugee counts."""
    from newsgraph.link import discrepancies as get_discrepancies
    if measure and measure not in CLAIM_MEASURES:
        _fail(f"--measure {measure}: use one of {', '.join(CLAIM_MEASURES)}")
    store = _store(db, readonly=True)
    try:
        found = get_discrepancies(store, measure=measure)
    finally:
        store.close()
    if as_json:
        typer.echo(json.dumps([d.to_dict() for d in found], ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table
    console = Console()
    if not found:
        console.print("No discrepancies" + (f" for {measure}" if measure else "") + ".")
        return
    for d in found:
        kind = "consistent reports (one number fits every figure)" if d.kind == "compatible" else d.kind
        title = f"{d.measure}: {d.about or '—'}" + (f" in {d.place}" if d.place else "") + f" · {kind}" \
            + (f" · {d.date}" if d.date else "") + (f" · {d.event_type}" if d.event_type else "")
        table = Table("figure", "given by", "outlet", "published", "as written", "article",
                      title=title, title_justify="left")
        for r in d.reports:
            table.add_row(_figure(r), r.attributed_to.text if r.attributed_to else "—", r.outlet or "—",
                          r.published or "—", _cut(r.span.text, 50), r.article)
        console.print(table)


def _figure(report) -> str:
    value = f"{report.value:,g}"
    if report.qualifier == "range" and report.value_max is not None:
        return f"{value}–{report.value_max:,g}"
    prefix = {"at_least": "≥ ", "at_most": "≤ ", "about": "~ "}.get(report.qualifier, "")
    return prefix + value


def register(app: typer.Typer) -> None:
    """Add ``link``, ``timeline`` and ``discrepancies`` to the ``newsgraph`` command."""
    app.command("link")(link)
    app.command("timeline")(timeline)
    app.command("discrepancies")(discrepancies)
