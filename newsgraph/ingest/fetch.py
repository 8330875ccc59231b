"""Fetch an article page over HTTP(S) when a URL is given instead of a file.

httpx is the client: explicit timeouts, redirects followed, and the body read
as a stream so an over-large page is refused before it fills memory. A fetch
failure is an input error like any other: one line, the batch goes on.
"""
from __future__ import annotations

import httpx

from newsgraph.errors import InputError

TIMEOUT = httpx.Timeout(20.0, connect=10.0)
USER_AGENT = "newsgraph (+https://pypi.org/project/newsgraph/)"


def is_url(text: str) -> bool:
    """True for ``http://`` and ``https://`` addresses."""
    return text.startswith(("http://", "https://"))


def fetch(url: str, max_bytes: int, client: httpx.Client | None = None) -> tuple[bytes, str]:
    """Download ``url``; returns ``(body, content_type)``.

    Raises:
        InputError: network failure, HTTP error status, or a body over ``max_bytes``.
    """
    own = client is None
    client = client or httpx.Client(timeout=TIMEOUT, follow_redirects=True,
                                    headers={"User-Agent": USER_AGENT})
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise InputError.of("E016", status=response.status_code)
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise InputError.of("E005", size=size, limit=max_bytes)
                chunks.append(chunk)
            return b"".join(chunks), response.headers.get("content-type", "")
    except httpx.HTTPError as exc:
        raise InputError.of("E017", detail=f"{type(exc).__name__}: {exc}") from None
    finally:
        if own:
            client.close()
