"""URLs as inputs: real HTTP against a server on 127.0.0.1."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsgraph.errors import SkippedInput
from newsgraph.ingest import read_inputs
from newsgraph.records import ArticleRecord

PAGE = b"""<html><head><title>Envoys meet</title><meta property="og:site_name" content="Harbor Times"></head>
<body><nav>Home World</nav><article><h1>Envoys meet in Vienna</h1>
<p>Envoys from Serbia and Kosovo met in Vienna on Monday to discuss licence plates, diplomats said.</p>
<p>The European Union called on both sides to show restraint and keep talking.</p></article></body></html>"""


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server API
        if self.path == "/story.html":
            body, kind, status = PAGE, "text/html; charset=utf-8", 200
        elif self.path == "/big":
            body, kind, status = b"x" * 50_000, "text/plain", 200
        else:
            body, kind, status = b"not here", "text/plain", 404
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_url_is_fetched_and_extracted(server):
    items = list(read_inputs([f"{server}/story.html"]))
    rec = items[0]
    assert isinstance(rec, ArticleRecord)
    assert rec.id == "story" and rec.url == f"{server}/story.html"
    assert "Envoys from Serbia and Kosovo" in rec.text and rec.outlet == "Harbor Times"


def test_http_errors_and_oversize_are_skips(server):
    items = list(read_inputs([f"{server}/missing", f"{server}/big", f"{server}/story.html"], max_bytes=10_000))
    assert isinstance(items[0], SkippedInput) and "HTTP 404" in items[0].reason
    assert isinstance(items[1], SkippedInput) and "limit" in items[1].reason
    assert isinstance(items[2], ArticleRecord)


def test_unreachable_host_is_a_skip():
    items = list(read_inputs(["http://127.0.0.1:9/nothing"]))
    assert isinstance(items[0], SkippedInput) and "cannot fetch" in items[0].reason
