"""The ``newsgraph serve`` and ``newsgraph export`` commands.

Thin layers over ``newsgraph.serve.create_app`` and
``newsgraph.store.export.export``; ``register(app)`` adds them to the main
command. Both open the store read-only.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from newsgraph.errors import StoreError
from newsgraph.store.export import FORMATS, TABLES

DB_HELP = "SQLite database made by `newsgraph ingest`."


def _fail(text: str, code: int = 2) -> None:
    from newsgraph.cli.progress import say
    say(f"newsgraph: {text}")
    raise typer.Exit(code)


def serve(db: Path = typer.Option("newsgraph.db", "--db", help=DB_HELP),
          host: str = typer.Option("127.0.0.1", "--host",
                                   help="Address to listen on (default: this machine only)."),
          port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
          allow_host: list[str] = typer.Option([], "--allow-host", metavar="NAME",
                                               help="Also answer requests addressed to this host name "
                                                    "(repeatable; 127.0.0.1, localhost and --host always are)."),
          workers: int = typer.Option(1, "--workers", min=1, max=16,
                                      help="Server processes (2 on a 2-core machine serves about twice the "
                                           "requests per second; each holds its own connections)."),
          sample: bool = typer.Option(False, "--sample",
                                      help="Serve a small built-in sample store instead of --db (a demo).")) -> None:
    """Serve the dashboard and the JSON API (read-only) at http://HOST:PORT/.

    The dashboard is at /, each article at /articles/ID, the API under /api
    and its reference at /docs. Everything works offline. Requests whose Host
    header names another machine are refused (DNS rebinding); name the host
    names you reach the server by with --allow-host.
    """
    if sample:
        import tempfile

        from newsgraph.serve.sample import build_sample_store
        with tempfile.TemporaryDirectory(prefix="newsgraph-sample-") as folder:
            _run(build_sample_store(Path(folder) / "sample.db"), host, port, allow_host, workers)
    else:
        _run(db, host, port, allow_host, workers)


def _run(db: Path, host: str, port: int, extra_hosts: list[str] = (), workers: int = 1) -> None:
    import uvicorn

    from newsgraph.serve import create_app
    from newsgraph.serve.app import ENV_DB, ENV_HOSTS, WILDCARDS, allowed_hosts
    hosts = allowed_hosts(host, list(extra_hosts))
    try:
        web = create_app(db, hosts=hosts)   # checks (and upgrades) the store once, before any worker starts
    except StoreError as exc:
        _fail(str(exc))
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"newsgraph: listening on {host}: anyone who can reach this address can read the store",
                   err=True)
    if host in WILDCARDS and not extra_hosts:
        typer.echo("newsgraph: only requests to 127.0.0.1 or localhost are answered; add the names others "
                   "use with --allow-host NAME", err=True)
    typer.echo(f"newsgraph: serving {db} at http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    if workers > 1:
        import os
        os.environ[ENV_DB], os.environ[ENV_HOSTS] = str(Path(db).resolve()), ",".join(hosts)
        uvicorn.run("newsgraph.serve.app:app_from_environment", factory=True, workers=workers,
                    host=host, port=port, log_level="warning")
    else:
        uvicorn.run(web, host=host, port=port, log_level="warning")


def export(db: Path = typer.Option("newsgraph.db", "--db", help=DB_HELP),
           fmt: str = typer.Option(..., "--format", "-f", help=f"One of: {', '.join(FORMATS)}."),
           output: str = typer.Option(..., "-o", "--output", help="Output file (- for stdout, except parquet)."),
           table: str = typer.Option("events", "--table",
                                     help=f"For csv/parquet: {', '.join(TABLES)}."),
           actor: Optional[str] = typer.Option(None, "--actor", help="Actor id (events: source or target; "
                                               "quotes: speaker; claims: who gave the figure)."),
           type_: Optional[str] = typer.Option(None, "--type", help="PLOVER event type, e.g. ASSAULT."),
           status: Optional[str] = typer.Option(None, "--status",
                                                help="Event status, e.g. asserted (events, plover, graphml)."),
           since: Optional[str] = typer.Option(None, "--since", help="From this date: YYYY[-MM[-DD]]."),
           until: Optional[str] = typer.Option(None, "--until", help="Up to this date: YYYY[-MM[-DD]].")) -> None:
    """Export the store: jsonl (contract records), csv or parquet tables, graphml network, plover events.

    Dates filter events by event date and other tables by publication date.
    Examples:

      newsgraph export --db news.db -f csv -o events.csv --type ASSAULT --since 2023-09

      newsgraph export --db news.db -f graphml -o actors.graphml
    """
    from newsgraph.cli.link_cmds import check_dates
    from newsgraph.store import Store
    from newsgraph.store.filters import EventFilter, ParamError
    from newsgraph.store.export import export as run_export
    check_dates(since=since, until=until)
    try:
        store = Store(db, readonly=True)
    except StoreError as exc:
        _fail(str(exc))
    flt = EventFilter(actor=actor, type=type_, status=status, since=since, until=until)
    try:
        result = run_export(store, fmt.lower(), output, table=table.lower(), flt=flt)
    except ParamError as exc:
        _fail(str(exc))
    except BrokenPipeError:
        raise  # `export -o - | head`: the reader has what it wanted; main() exits quietly
    except OSError as exc:
        _fail(f"cannot write {output}: {exc}", 1)
    finally:
        store.close()
    if output != "-":
        typer.echo(f"newsgraph: wrote {result.count:,} {result.what} to {output}", err=True)


def register(app: typer.Typer) -> None:
    """Add ``serve`` and ``export`` to the ``newsgraph`` command."""
    app.command("serve")(serve)
    app.command("export")(export)
