"""The ``newsgraph`` command: a thin layer over the Python API.

Exit status: 0 when every input went in, 1 when some were skipped (each named
on stderr as ``newsgraph: skipped PATH[:LINE]: reason [CODE]``), 2 for usage errors.
"""
from __future__ import annotations

import json
import os
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import List, Optional

import typer

from newsgraph.errors import NewsgraphError, SkippedInput
from newsgraph.ingest import DEFAULT_MAX_BYTES
from newsgraph.records import ArticleRecord
from newsgraph.cli.inputs import estimate_total
from newsgraph.cli.interrupt import stop_on_interrupt
from newsgraph.cli.progress import plural, progress_bar, say, stderr

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  pretty_exceptions_enable=False,
                  help="newsgraph: news articles in, a sourced record of who did and said what out.")
eval_app = typer.Typer(no_args_is_help=True, help="Measure extraction quality against gold files.")
app.add_typer(eval_app, name="eval")

PathsArg = typer.Argument(..., help="Files, folders (read recursively), http(s):// URLs of web pages, or - for JSON Lines on stdin.")
DbOpt = typer.Option("newsgraph.db", "--db", help="SQLite database file.")
QuietOpt = typer.Option(False, "--quiet", "-q", help="No progress bar.")
WorkersOpt = typer.Option(1, "--workers", "-w", min=1, help="Processes for spaCy.")
MaxBytesOpt = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1, help="Skip input files larger than this.")
ActorsOpt = typer.Option(None, "--actors", help="Your actor registry (CSV or YAML); extends the built-in one.")
JunkOpt = typer.Option(None, "--boilerplate", help="Extra page-junk patterns (YAML, like newsgraph/data/boilerplate.yaml).")


def fail(text: str, code: int = 2) -> None:
    """Print one error line and exit."""
    say(f"newsgraph: {text}")
    raise typer.Exit(code)


def check_output(output: Path) -> None:
    """Fail at once (exit 2) when ``-o`` cannot be written, before minutes of model loading."""
    if str(output) == "-":
        return
    folder = output.parent
    if output.is_dir():
        fail(f"-o {output}: is a folder; give a file name")
    if not folder.is_dir():
        fail(f"-o {output}: no folder {folder} (create it first)")
    if not os.access(folder, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        fail(f"-o {output}: not writable")


def _extractor(workers: int, max_bytes: int, actors: Optional[List[Path]],
               junk: Optional[List[Path]] = None, load: bool = True):
    from newsgraph.pipeline.run import Extractor
    config = {}
    for path in junk or []:
        if not path.is_file():
            fail(f"--boilerplate {path}: no such file")
    if actors:
        for path in actors:
            if not path.is_file():
                fail(f"--actors {path}: no such file")
        config["newsgraph_actors"] = {"registry_paths": [str(p) for p in actors]}
    try:
        if actors:  # a broken registry is a usage error, reported once, not per article
            from newsgraph.extract.actors.registry import load_registry
            load_registry([str(p) for p in actors])
        extractor = Extractor(workers=workers, max_bytes=max_bytes, component_config=config,
                              boilerplate_paths=[str(p) for p in junk or []])
        if workers == 1 and load:
            _ = extractor.nlp  # load now: configuration errors surface before any input is read
        return extractor
    except (NewsgraphError, ValueError, OSError) as exc:
        fail(str(exc))


def _report_skip(item: SkippedInput) -> None:
    say(item.line())


def _report_warnings(record: ArticleRecord) -> None:
    for warning in record.warnings:
        say(f"newsgraph: warning {record.source_path or record.id}: {warning}")


EngineOpt = typer.Option("local", "--engine", help="local (this machine) or ray (a Ray cluster; pip install 'newsgraph[ray]').")
AddressOpt = typer.Option(None, "--address", help="With --engine ray: the cluster to join (ray://HOST:10001 or auto); default: a local Ray.")
FormatOpt = typer.Option("jsonl", "--format", help="With --engine ray: shard format, jsonl or parquet.")


@app.command()
def extract(paths: List[str] = PathsArg,
            output: Path = typer.Option(..., "-o", "--output",
                                        help="Where to write JSON Lines (- for stdout); with --engine ray a folder or filesystem URI for the shards."),
            workers: int = WorkersOpt, max_bytes: int = MaxBytesOpt, quiet: bool = QuietOpt,
            actors: Optional[List[Path]] = ActorsOpt, junk: Optional[List[Path]] = JunkOpt,
            engine: str = EngineOpt, address: Optional[str] = AddressOpt, fmt: str = FormatOpt) -> None:
    """Extract records from files, folders, http(s) URLs or stdin and write them as JSON Lines."""
    if engine not in ("local", "ray"):
        fail(f"--engine {engine}: use local or ray")
    if engine == "ray":
        _extract_on_ray(paths, str(output), workers, max_bytes, quiet, actors, junk, address, fmt)
    check_output(output)
    extractor = _extractor(workers, max_bytes, actors, junk)
    total = estimate_total(paths, max_bytes)
    skipped = written = 0
    out = sys.stdout if str(output) == "-" else None
    handle = out or open(output, "w", encoding="utf-8")
    try:
        with stop_on_interrupt() as stop, progress_bar("extracting", total, quiet or out is not None) as bar:
            for item in extractor.extract_paths(paths):
                if isinstance(item, SkippedInput):
                    skipped += 1
                    _report_skip(item)
                else:
                    _report_warnings(item)
                    handle.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
                    handle.flush()
                    written += 1
                bar.advance()
                if stop:
                    break
    finally:
        if out is None:
            handle.close()
    if stop:
        say(f"newsgraph: interrupted; {plural(written, 'complete record')} written to {output}")
        raise typer.Exit(130)
    if not quiet:
        say(f"{plural(written, 'article')} written to {output}, {skipped} skipped")
    raise typer.Exit(1 if skipped else 0)


def _extract_on_ray(paths, output: str, workers: int, max_bytes: int, quiet: bool, actors, junk,
                    address: Optional[str], fmt: str) -> None:
    """``extract --engine ray``: shards under OUTPUT; --workers sizes the actor pool when above 1."""
    from newsgraph.pipeline.ray_engine import RayMissing, extract_with_ray, require_ray
    from newsgraph.pipeline.shards import FORMATS
    if fmt not in FORMATS:
        fail(f"--format {fmt}: use one of {', '.join(FORMATS)}")
    if output == "-":
        fail("--engine ray writes shards to a folder or URI, not to stdout")
    try:
        require_ray()
    except RayMissing as exc:
        fail(str(exc))
    settings = _extractor(1, max_bytes, actors, junk, load=False).settings
    try:
        report = extract_with_ray(paths, output, address=address, fmt=fmt, settings=settings,
                                  actors=workers if workers > 1 else None, on_skip=_report_skip)
    except KeyboardInterrupt:
        say(f"newsgraph: interrupted; only complete shards are left in {output}")
        raise typer.Exit(130) from None
    if not quiet:
        say(f"{plural(report.written, 'article')} written to {plural(len(report.shards), 'shard')} in {output}, "
            f"{len(report.skipped)} skipped")
    raise typer.Exit(1 if report.skipped else 0)


@app.command()
def ingest(paths: Optional[List[str]] = typer.Argument(None, help="Files, folders (read recursively) or - for JSON Lines on stdin."),
           db: Path = DbOpt, workers: int = WorkersOpt,
           max_bytes: int = MaxBytesOpt, quiet: bool = QuietOpt,
           actors: Optional[List[Path]] = ActorsOpt, junk: Optional[List[Path]] = JunkOpt,
           force: bool = typer.Option(False, "--force", help="Re-extract articles even when unchanged."),
           link: bool = typer.Option(True, "--link/--no-link", help="Update cross-article links after ingesting."),
           records: Optional[List[str]] = typer.Option(None, "--records", help="Already-extracted records (a JSON Lines or Parquet file, or a folder of shards): stored without NLP.")) -> None:
    """Extract articles and store them in the SQLite database.

    Unchanged articles (same content hash) are skipped before the model
    loads; changed ones replace their old rows atomically; each article is
    its own transaction. The work is ``newsgraph.pipeline.ingest.Ingest``.
    """
    from newsgraph.pipeline.ingest import Ingest
    if not paths and not records:
        fail("give PATHS to extract or --records with already-extracted records")
    store = _open_store(db)
    job = Ingest(store, force=force, harmonise=link)
    if records:
        from newsgraph.pipeline.shards import read_record_files
        outcomes = job.run_records(item for path in records for item in read_record_files(path))
        total = None
    else:
        from newsgraph.ingest import read_inputs
        job.extractor = _extractor(workers, max_bytes, actors, junk, load=False)
        outcomes = job.run(read_inputs(paths, max_bytes))
        total = estimate_total(paths, max_bytes)
    try:
        with stop_on_interrupt() as stop, progress_bar("ingesting", total, quiet) as bar:
            for item in outcomes:
                if isinstance(item, SkippedInput):
                    _report_skip(item)
                elif isinstance(item, ArticleRecord):
                    _report_warnings(item)
                bar.advance()
                if stop:
                    raise KeyboardInterrupt
    except KeyboardInterrupt:
        say(f"newsgraph: interrupted; {plural(len(job.saved_ids), 'article')} stored intact in {db}")
        raise typer.Exit(130) from None
    if link:  # links every article still pending: this run's and any an interrupted run left
        with stderr.status("linking across articles…") if not quiet else nullcontext():
            report = job.link()
        if not quiet and report is not None and report.articles:
            dated = "".join(f"; {a} dated {d} from another article" for a, d in report.dated)
            say(f"linked {plural(report.articles, 'article')}: {plural(report.clusters_written, 'event cluster')} "
                f"updated, {plural(report.discrepancies, 'discrepancy', 'discrepancies')}{dated}")
    if not quiet:
        say(", ".join(f"{v} {k}" for k, v in job.counts.as_dict().items()) + f" → {db}")
    store.close()
    raise typer.Exit(1 if job.counts.skipped else 0)


def _open_store(db: Path, readonly: bool = False):
    from newsgraph.errors import StoreError
    from newsgraph.store import Store
    try:
        return Store(db, readonly=readonly)
    except StoreError as exc:
        fail(str(exc))


@app.command()
def show(article_id: str = typer.Argument(..., help="The article id."), db: Path = DbOpt,
         as_json: bool = typer.Option(False, "--json", help="Print the full record as JSON.")) -> None:
    """Show one stored article: metadata, actors, quotes, events, claims, junk removed."""
    from newsgraph.cli.show import render_record
    store = _open_store(db, readonly=True)
    record = store.get(article_id)
    if record is None:
        fail(f"no article {article_id!r} in {db}", 1)
    if as_json:
        typer.echo(json.dumps(record.to_dict(), ensure_ascii=False, indent=2))
    else:
        render_record(record)


@app.command()
def stats(db: Path = DbOpt) -> None:
    """Row counts for every table of the store."""
    from rich.console import Console
    from rich.table import Table
    store = _open_store(db, readonly=True)
    table = Table("table", "rows", title=str(db))
    for name, count in store.counts().items():
        table.add_row(name, f"{count:,}")
    Console().print(table)


def _eval_nlp():
    from newsgraph.pipeline.nlp import build_nlp
    return build_nlp()


def _gold(path: Path) -> Path:
    if not path.is_file():
        fail(f"{path}: no such gold file")
    return path


def _count_lines(path: Path) -> int:
    """Articles in a gold JSON Lines file (non-blank lines), for the bar's total."""
    with open(path, encoding="utf-8") as handle:
        return sum(1 for line in handle if line.strip())


def _with_progress(nlp, bar):
    """Advance ``bar`` once per Doc the pipeline yields.

    The evaluators only call ``nlp.pipe``; wrapping it here shows progress
    for every one of them without teaching each evaluator about the CLI.
    """
    plain = nlp.pipe

    def pipe(docs, *args, **kwargs):
        for doc in plain(docs, *args, **kwargs):
            bar.advance()
            yield doc
    nlp.pipe = pipe
    return nlp


def _evaluate(kind: str, gold: Path, quiet: bool, evaluate, fmt) -> None:
    """Load the pipeline, score ``gold`` with a progress bar on stderr, print the scores."""
    gold = _gold(gold)
    with progress_bar(f"eval {kind}", _count_lines(gold), quiet) as bar:
        bar.update(description=f"eval {kind}: loading spaCy")
        nlp = _eval_nlp()
        bar.update(description=f"eval {kind}")
        scores = evaluate(gold, _with_progress(nlp, bar))
    typer.echo(fmt(scores))


@eval_app.command("quotes")
def eval_quotes(gold: Path = typer.Argument(..., help="PolNeAR-style gold JSON Lines (with --seeds: snippet gold YAML)."),
                seeds: Optional[Path] = typer.Option(None, "--seeds", help=(
                    "Folder of plain-text articles; GOLD is then hand gold as verbatim snippets "
                    "(tests/fixtures/quote_seed_gold.yaml).")),
                quiet: bool = QuietOpt) -> None:
    """Quote/attribution precision, recall, F1 and speaker accuracy."""
    if seeds is not None:
        from newsgraph.evaluate.quote_seeds import evaluate_seed_quotes, format_seed_scores
        if not seeds.is_dir():
            fail(f"{seeds}: no such folder of seed articles")
        typer.echo(format_seed_scores(evaluate_seed_quotes(_gold(gold), seeds)))
        return
    from newsgraph.evaluate.quotes import evaluate_quotes, format_quote_scores
    _evaluate("quotes", gold, quiet, evaluate_quotes, format_quote_scores)


@eval_app.command("events")
def eval_events(gold: Path = typer.Argument(..., help="PLOVER-style gold JSON Lines."),
                quiet: bool = QuietOpt) -> None:
    """PLOVER type recall/precision and source/target country accuracy."""
    from newsgraph.evaluate.events import evaluate_events, format_event_scores
    _evaluate("events", gold, quiet, evaluate_events, format_event_scores)


@eval_app.command("actors")
def eval_actors(gold: Path = typer.Argument(..., help="Actor gold JSON Lines (eval/actors_own.jsonl)."),
                details: bool = typer.Option(False, "--details", help="List the wrong items (held-out rows excepted)."),
                quiet: bool = QuietOpt) -> None:
    """Actor resolution: phrases found, country, sector, id, places left alone, one id per person."""
    from newsgraph.evaluate.actors import evaluate_actors, format_actor_scores
    _evaluate("actors", gold, quiet, evaluate_actors, lambda s: format_actor_scores(s, details))


@eval_app.command("time")
def eval_time(gold: Path = typer.Argument(..., help="TIMEX3 gold JSON Lines."),
              quiet: bool = QuietOpt) -> None:
    """TempEval-3 style span F1 (strict, relaxed), value F1 and type accuracy."""
    from newsgraph.evaluate.time import evaluate_time, format_time_scores
    _evaluate("time", gold, quiet, evaluate_time, format_time_scores)


@eval_app.command("pages")
def eval_pages(folder: Path = typer.Argument(..., help="Folder of NAME.html pages, each with NAME.gold.json."),
               details: bool = typer.Option(False, "--details", help="List every mistake by page."),
               text_only: bool = typer.Option(False, "--text-only", help="Skip the HTML pruning: text rules alone.")
               ) -> None:
    """Web pages: article text kept, junk removed, title/author/outlet/date right (halves A, B)."""
    from newsgraph.evaluate.pages import evaluate_pages, format_page_scores
    if not folder.is_dir():
        fail(f"{folder}: no such folder")
    typer.echo(format_page_scores(evaluate_pages(folder, html_signals=not text_only), details))


def _register_command_groups() -> None:
    """Add the commands that live in their own modules (link, serve, export)."""
    from newsgraph.cli import link_cmds
    from newsgraph.cli import serve_cmds
    link_cmds.register(app)
    serve_cmds.register(app)


_register_command_groups()


def main() -> None:
    """Console-script entry point: one line per error, never a traceback.

    Set ``NEWSGRAPH_DEBUG=1`` to see the traceback of an unexpected error.
    """
    try:
        app(standalone_mode=True)
    except (KeyboardInterrupt, SystemExit):
        raise
    except NewsgraphError as exc:
        say(f"newsgraph: {exc}")
        sys.exit(2)
    except BrokenPipeError:
        # The reader went away (`newsgraph export -o - | head`): that is not an error to report.
        # Point stdout at /dev/null so the interpreter's final flush does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except Exception as exc:  # the last resort: one line instead of a traceback, never silent
        if os.environ.get("NEWSGRAPH_DEBUG"):
            raise
        say(f"newsgraph: internal error: {type(exc).__name__}: {exc} (set NEWSGRAPH_DEBUG=1 for the traceback)")
        sys.exit(3)


if __name__ == "__main__":
    main()
