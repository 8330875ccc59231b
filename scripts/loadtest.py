"""Load test for ``newsgraph serve``: many concurrent clients on a synthetic store.

Why a script and not a unit test: the figures depend on the machine, take a
minute, and are for people deciding whether the server is fast enough, not
for CI. Anyone can rerun it; it touches nothing but a work folder and the
loopback interface.

What it does:
  1. builds (or reuses) a store of N articles WITHOUT running NLP: the
     hand-annotated sample records shipped in ``newsgraph.serve.sample`` are
     joined four to an article, given new ids, shifted dates, varied actors
     and a distinct closing line, saved through ``Store.save``, then linked
     (``newsgraph.link.update_links``) and optimised, as ``newsgraph ingest``
     does;
  2. starts ``newsgraph serve`` on 127.0.0.1 (a free port);
  3. times each endpoint alone (median of sequential requests);
  4. runs a mix of concurrent clients (full-text search, events by actor,
     timeline, discrepancies, single article, dashboard), bounded in both
     request count and time, and prints p50/p95/p99 latency, requests/s,
     errors and the server's peak resident memory.

    python scripts/loadtest.py                      # 1,000 articles, 200 clients
    python scripts/loadtest.py --sizes 1000,10000 --clients 0   # endpoint timings only
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

COUNTRIES = ["AZE", "ARM", "FRA", "RUS", "TUR", "IRN", "GEO", "UKR", "DEU", "ITA", "ESP", "GBR", "USA", "CHN",
             "IND", "PAK", "AFG", "KAZ", "KGZ", "TJK", "UZB", "SDN", "ETH", "EGY", "ISR", "SYR", "IRQ", "SAU",
             "YEM", "LBY", "MLI", "NER", "NGA", "KEN", "SOM", "COD", "VEN", "COL", "BRA", "MEX"]
WORDS = ["harbour", "border", "ceasefire", "refugees", "sanctions", "shelling", "convoy", "summit", "strike",
         "protest", "tanker", "valley", "election", "drought", "pipeline", "embassy", "militia", "airport"]
HOST = "127.0.0.1"


# -- the synthetic store ----------------------------------------------------------
def _shift(node, by: int):
    """Shift every character offset in a record dict by ``by`` (spans, sentences, mention pairs)."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key in ("start", "end") and isinstance(value, int):
                out[key] = value + by
            elif key in ("sentence", "mentions", "boilerplate"):
                out[key] = _shift_pairs(value, by)
            else:
                out[key] = _shift(value, by)
        return out
    if isinstance(node, list):
        return [_shift(v, by) for v in node]
    return node


def _shift_pairs(value, by: int):
    if isinstance(value, list) and value and isinstance(value[0], int):
        return [v + by for v in value]
    if isinstance(value, list):
        return [_shift_pairs(v, by) for v in value]
    return value


def _dated(value, days: int):
    """A ``YYYY-MM-DD`` string moved by ``days``; anything else unchanged."""
    from datetime import date, timedelta
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return (date.fromisoformat(value) + timedelta(days=days)).isoformat()
        except ValueError:
            return value
    return value


def _redate(node, days: int):
    if isinstance(node, dict):
        return {k: (_dated(v, days) if k in ("date", "published", "value") else _redate(v, days))
                for k, v in node.items()}
    if isinstance(node, list):
        return [_redate(v, days) for v in node]
    return node


def _rename(node, names: dict[str, str]):
    """Swap actor ids (and country codes) for their variants everywhere in a record dict."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key in ("id", "actor", "country") and isinstance(value, str) and value in names:
                out[key] = names[value]
            else:
                out[key] = _rename(value, names)
        return out
    if isinstance(node, list):
        return [_rename(v, names) for v in node]
    return node


def synthetic_record(i: int, templates: list[dict]):
    """Article ``i``: the templates joined, re-identified, re-dated and with varied actors."""
    from newsgraph.records import ArticleRecord
    rng = random.Random(i)
    parts = templates[:]
    rng.shuffle(parts)
    text, events, merged = "", 0, {"actors": {}, "quotes": [], "events": [], "claims": [], "timexes": [],
                                   "boilerplate": []}
    for part in parts:
        shifted = _shift(part, len(text))
        for actor in shifted["actors"]:
            have = merged["actors"].get(actor["id"])
            if have:
                have["mentions"] += actor["mentions"]
                have["aliases"] = sorted(set(have["aliases"]) | set(actor["aliases"]))
            else:
                merged["actors"][actor["id"]] = actor
        for claim in shifted["claims"]:
            if claim.get("event") is not None:
                claim["event"] += events
        for key in ("quotes", "events", "claims", "timexes", "boilerplate"):
            merged[key] += shifted[key]
        events += len(shifted["events"])
        text += part["text"]
    text += f"Filed by the {rng.choice(WORDS)} desk, story {i}, about the {rng.choice(WORDS)}.\n"
    ids = sorted({a for a in merged["actors"]})
    names = {}
    for actor_id in ids:
        if ":" in actor_id:
            names[actor_id] = f"{actor_id}-{i % 60}"
        else:
            names[actor_id] = COUNTRIES[(COUNTRIES.index(actor_id) + i) % len(COUNTRIES)]
    first = parts[0]
    data = {**merged, "actors": list(merged["actors"].values()), "id": f"synthetic-{i:06d}", "text": text,
            "title": f"{first['title']} ({i})", "outlet": f"Outlet {i % 25}", "author": None,
            "url": f"https://example.org/synthetic/{i}", "published": first["published"],
            "published_source": "input"}
    for actor in data["actors"]:
        if ":" in actor["id"]:
            actor["name"] = f"{actor['name']} {i % 60}"
    data = _rename(_redate(data, i // 3), names)
    for actor in data["actors"]:
        if ":" not in actor["id"]:
            actor["name"] = f"Country {actor['id']}"
    return ArticleRecord.from_dict(data)


def build_store(path: Path, n: int) -> Path:
    """A store of ``n`` synthetic articles at ``path`` (reused when it already holds them)."""
    from newsgraph.serve.sample import sample_records
    from newsgraph.store import Store
    if path.exists():
        with Store(path) as store:   # writable: a store made by an older newsgraph is migrated
            if store.counts().get("articles") == n:
                if hasattr(store, "optimize"):
                    store.optimize()
                return path
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    templates = [r.to_dict() for r in sample_records(hostile=False)]
    started = time.perf_counter()
    with Store(path) as store:
        ids = []
        for i in range(n):
            record = synthetic_record(i, templates)
            store.save(record)
            ids.append(record.id)
        try:
            from newsgraph.link import update_links
        except ImportError:
            update_links = None
        if update_links:
            for start in range(0, len(ids), 500):
                update_links(store, ids[start:start + 500], infer_dates=False)
        if hasattr(store, "optimize"):
            store.optimize()
        counts = store.counts()
    print(f"built {path}: {counts.get('articles')} articles, {counts.get('events')} events, "
          f"{counts.get('link_clusters', 0)} clusters, {counts.get('quotes')} quotes "
          f"in {time.perf_counter() - started:.0f} s", flush=True)
    return path


# -- the server ---------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_server(db: Path, port: int, workers: int = 1) -> subprocess.Popen:
    """``newsgraph serve`` on loopback; returns once it answers."""
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph", "serve", "--db", str(db), "--host", HOST,
                             "--port", str(port)] + (["--workers", str(workers)] if workers > 1 else []),
                            stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://{HOST}:{port}/api/stats", timeout=5).read()
            return proc
        except OSError:
            if proc.poll() is not None:
                raise SystemExit("the server exited at start") from None
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("the server did not answer within 60 s")


def tree(pid: int) -> list[int]:
    """A process and all its descendants (the server and its worker processes; Linux /proc)."""
    found = [pid]
    try:
        for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
            found += tree(int(child))
    except OSError:
        pass
    return found


def rss_mb(pid: int) -> float | None:
    """Resident memory of a process and its workers in MB (Linux /proc; None elsewhere)."""
    total = None
    for member in tree(pid):
        try:
            for line in Path(f"/proc/{member}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total = (total or 0) + int(line.split()[1]) / 1024
        except OSError:
            continue
    return total


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time a process and its workers have used (Linux /proc; None elsewhere)."""
    total = None
    for member in tree(pid):
        try:
            fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
            total = (total or 0) + (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            continue
    return total


# -- the request mix -----------------------------------------------------------------
def request_mix(port: int, n_articles: int, seed: int = 1) -> list[tuple[str, str]]:
    """``(kind, path)`` pairs in a fixed pseudo-random order, covering the six kinds evenly."""
    stats = json.loads(urllib.request.urlopen(f"http://{HOST}:{port}/api/actors?limit=200").read())
    actors = [a["id"] for a in stats["items"] if a["counts"]["events"]] or ["AZE"]
    rng = random.Random(seed)
    kinds = {
        "search": lambda: f"/api/articles?q={rng.choice(WORDS)}",
        "events_by_actor": lambda: f"/api/events?actor={rng.choice(actors)}",
        "timeline": lambda: "/api/timeline" + (f"?actor={rng.choice(actors)}" if rng.random() < 0.5 else ""),
        "discrepancies": lambda: "/api/discrepancies",
        "article": lambda: f"/api/articles/synthetic-{rng.randrange(n_articles):06d}",
        "dashboard": lambda: rng.choice(["/", "/api/stats"]),
    }
    names = list(kinds)
    return [(names[i % len(names)], kinds[names[i % len(names)]]()) for i in range(6000)]


async def fetch(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> int:
    """One HTTP/1.1 GET on a kept-alive connection; returns the status (body read and dropped)."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nAccept: */*\r\n\r\n".encode())
    await writer.drain()
    status = int((await reader.readline()).split()[1])
    length, chunked = 0, False
    while True:
        line = (await reader.readline()).strip()
        if not line:
            break
        name, _, value = line.decode("latin-1").partition(":")
        if name.lower() == "content-length":
            length = int(value)
        elif name.lower() == "transfer-encoding" and "chunked" in value.lower():
            chunked = True
    if chunked:
        while True:
            size = int((await reader.readline()).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    else:
        await reader.readexactly(length)
    return status


async def run_clients(port: int, mix: list[tuple[str, str]], clients: int, total: int, seconds: float,
                      think: float = 1.5) -> dict:
    """``clients`` users share ``total`` requests, stopping early after ``seconds``.

    Each user waits 0 to ``2 * think`` seconds (uniformly) after an answer
    before its next request, as a person reading the dashboard does; with
    ``think=0`` every user fires back to back (a saturation test, where the
    latency is simply clients / throughput).
    """
    latencies: list[float] = []
    by_kind: dict[str, list[float]] = {}
    errors: list[str] = []
    counter = iter(range(total))
    stop_at = time.perf_counter() + seconds

    async def client(seed: int) -> None:
        conn = None
        rng = random.Random(seed)
        await asyncio.sleep(rng.uniform(0, 2 * think))   # users arrive spread out, not all at once
        for i in counter:
            if time.perf_counter() > stop_at:
                return
            kind, path = mix[i % len(mix)]
            began = time.perf_counter()
            try:
                if conn is None:
                    conn = await asyncio.open_connection(HOST, port)
                status = await asyncio.wait_for(fetch(*conn, path), timeout=30)
                if status != 200:
                    errors.append(f"{status} {path}")
            except (OSError, asyncio.TimeoutError, ValueError, IndexError, asyncio.IncompleteReadError) as exc:
                errors.append(f"{type(exc).__name__} {path}")
                if conn:
                    conn[1].close()
                conn = None
            took = time.perf_counter() - began
            latencies.append(took)
            by_kind.setdefault(kind, []).append(took)
            if think:
                await asyncio.sleep(rng.uniform(0, 2 * think))
        if conn:
            conn[1].close()

    began = time.perf_counter()
    await asyncio.gather(*(client(n) for n in range(clients)))
    return {"latencies": latencies, "by_kind": by_kind, "errors": errors, "seconds": time.perf_counter() - began}


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else float("nan")


# What the dashboard itself asks for when it opens (static/dashboard.js, panels.js), timed alone too.
DASHBOARD_CALLS = [("stats", "/api/stats"), ("actors500", "/api/actors?limit=500&sort=mentions"),
                   ("timeline500", "/api/timeline?limit=500"), ("events500", "/api/events?limit=500"),
                   ("network", "/api/network?max_nodes=40"), ("quotes500", "/api/quotes?limit=500"),
                   ("claims200", "/api/claims?limit=200"), ("articles25", "/api/articles?limit=25"),
                   ("discrepancies200", "/api/discrepancies?limit=200"),
                   ("deep_offset", "/api/events?limit=50&offset=5000")]


def time_endpoints(port: int, mix: list[tuple[str, str]], repeats: int = 15) -> dict[str, float]:
    """Median milliseconds per request kind, one request at a time (the server otherwise idle)."""
    out: dict[str, list[float]] = {}
    for kind, path in mix + DASHBOARD_CALLS * repeats:
        if len(out.get(kind, [])) >= repeats:
            continue
        began = time.perf_counter()
        urllib.request.urlopen(f"http://{HOST}:{port}{path}", timeout=60).read()
        out.setdefault(kind, []).append((time.perf_counter() - began) * 1000)
    return {k: statistics.median(v) for k, v in out.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="Store size for the concurrent run.")
    parser.add_argument("--sizes", default="1000", help="Store sizes for per-endpoint timings, e.g. 1000,10000.")
    parser.add_argument("--clients", type=int, default=200, help="Concurrent clients (0: timings only).")
    parser.add_argument("--requests", type=int, default=4000, help="Total requests of the concurrent run.")
    parser.add_argument("--seconds", type=float, default=90, help="Stop the concurrent run after this long.")
    parser.add_argument("--think", type=float, default=1.5,
                        help="Mean seconds a user waits between requests (0: back to back).")
    parser.add_argument("--workers", type=int, default=1, help="Server processes (newsgraph serve --workers).")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/newsgraph-loadtest"))
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    for n in sorted(set(sizes + ([args.articles] if args.clients else []))):
        db = build_store(args.workdir / f"store-{n}.db", n)
        port = free_port()
        server = start_server(db, port, args.workers)
        try:
            mix = request_mix(port, n)
            if n in sizes:
                timings = time_endpoints(port, mix)
                print(f"per-endpoint median ms at {n:,} articles (load average {os.getloadavg()[0]:.1f}): "
                      + ", ".join(f"{k} {v:.1f}" for k, v in timings.items()), flush=True)
            if args.clients and n == args.articles:
                idle = rss_mb(server.pid)
                peak = [idle or 0.0]
                cpu_before = cpu_seconds(server.pid)

                async def watch_and_run(peak=peak, server=server, port=port, mix=mix):
                    async def watch():
                        while True:
                            peak[0] = max(peak[0], rss_mb(server.pid) or 0.0)
                            await asyncio.sleep(0.2)
                    watcher = asyncio.create_task(watch())
                    try:
                        return await run_clients(port, mix, args.clients, args.requests, args.seconds, args.think)
                    finally:
                        watcher.cancel()
                result = asyncio.run(watch_and_run())
                cpu_after = cpu_seconds(server.pid)
                lat = result["latencies"]
                cpu = (f", server CPU {(cpu_after - cpu_before) * 1000 / max(1, len(lat)):.1f} ms per request"
                       if cpu_before is not None and cpu_after is not None else "")
                load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
                print(f"{args.clients} clients (think {args.think:g} s), {args.workers} server processes, {len(lat)} requests in {result['seconds']:.1f} s on {n:,} articles: "
                      f"p50 {pct(lat, .5):.0f} ms, p95 {pct(lat, .95):.0f} ms, p99 {pct(lat, .99):.0f} ms, "
                      f"{len(lat) / result['seconds']:.1f} req/s, {len(result['errors'])} errors, "
                      f"server RSS {idle or 0:.0f} MB idle, {peak[0]:.0f} MB peak{cpu}{load}", flush=True)
                for kind, values in sorted(result["by_kind"].items()):
                    print(f"  {kind:16s} n={len(values):5d} p50 {pct(values, .5):6.0f} ms  p99 {pct(values, .99):6.0f} ms")
                if result["errors"]:
                    print("  first errors: " + "; ".join(result["errors"][:5]))
        finally:
            members = tree(server.pid)
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                for member in reversed(members):   # workers first, then the server itself
                    try:
                        os.kill(member, 9)
                    except OSError:
                        pass
                server.wait()


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
