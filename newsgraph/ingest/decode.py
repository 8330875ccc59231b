"""Turn raw bytes into text without guessing silently.

Scraped files arrive in UTF-8, UTF-8 with a BOM, UTF-16 with a BOM (Windows
"Unicode" text), Windows-1252 or worse. A byte-order mark decides first; then
strict UTF-8; then UTF-8 with a few damaged bytes (replaced with U+FFFD and
counted in a warning, because decoding the whole file as another code page would
turn every curly quote into mojibake); then charset-normalizer detects the
encoding and we report that we did. Anything with NUL bytes (outside UTF-16/32)
or no plausible decoding is refused, so a PDF or an image renamed ``.txt``
never becomes an "article".
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from newsgraph.errors import InputError


@dataclass
class Decoded:
    """Decoded text plus a warning when the encoding had to be detected."""

    text: str
    encoding: str
    warning: str | None = None


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data`` to text.

    Args:
        data: the raw file content.
    Returns:
        Decoded text, with ``warning`` set when the encoding was not UTF-8.
    Raises:
        InputError: empty, binary or undecodable input.
    """
    if not data:
        raise InputError.of("E002")
    bom = _bom_encoding(data)
    if bom:
        return _decode_with_bom(data, bom)
    if b"\x00" in data[:65536]:
        raise InputError.of("E001")
    try:
        text = data.decode("utf-8-sig")
        return Decoded(text, "utf-8")
    except UnicodeDecodeError as exc:
        first_error = exc
    damaged = _utf8_with_damage(data)
    if damaged is not None:
        return damaged
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError.of("E004", detail=f"not UTF-8 ({first_error.reason} at byte {first_error.start}) "
                                           "and no other encoding fits")
    encoding, text = best.encoding, str(best)
    if encoding in _LATIN_LOOKALIKES:
        # Short Western texts fit several Latin code pages equally well; the web's
        # overwhelming choice among them is Windows-1252, so prefer it when it fits.
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    if _looks_binary(text):
        raise InputError.of("E001")
    return Decoded(text, encoding, f"not UTF-8; decoded as {encoding}")


# Longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _bom_encoding(data: bytes) -> str | None:
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return encoding
    return None


def _decode_with_bom(data: bytes, encoding: str) -> Decoded:
    """UTF-16/32 announced by a byte-order mark: NUL bytes are expected there, not a sign of binary."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError.of("E004", detail=f"starts with a {encoding.upper()} byte-order mark but "
                                           f"{exc.reason} at byte {exc.start}") from None
    if not text.strip():
        raise InputError.of("E003")
    if _looks_binary(text):
        raise InputError.of("E001")
    return Decoded(text, encoding)


_ESCAPED = re.compile("[\udc80-\udcff]")


def _utf8_with_damage(data: bytes) -> Decoded | None:
    """UTF-8 text with a few invalid bytes, decoded as UTF-8 with those bytes replaced.

    Counted by ``surrogateescape`` (one escape per bad byte). It is taken for
    UTF-8 only when its valid multi-byte characters are at least as many as
    its bad bytes: a Windows-1252 file has no valid ones (each accent is one
    invalid byte), so it goes on to detection instead.
    """
    escaped = data.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    bad = len(_ESCAPED.findall(escaped))
    valid = sum(1 for ch in escaped if ord(ch) > 127) - bad
    if valid < max(bad, 1):
        return None
    text = _ESCAPED.sub("\ufffd", escaped)
    noun = "byte" if bad == 1 else "bytes"
    return Decoded(text, "utf-8", f"not valid UTF-8: {bad} bad {noun} replaced with U+FFFD")


# Single-byte Latin code pages that charset-normalizer cannot tell from cp1252.
_LATIN_LOOKALIKES = ("mac_latin2", "mac_roman", "mac_iceland", "mac_turkish", "cp775", "cp1250", "cp1257",
                     "cp850", "cp437", "latin_1", "iso8859_1", "iso8859_2", "iso8859_3", "iso8859_4",
                     "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16")


def _looks_binary(text: str) -> bool:
    """True when many characters are control characters (a binary blob)."""
    sample = text[:4096]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / len(sample) > 0.05
