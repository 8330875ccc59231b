"""Turn raw bytes into text without guessing silently.

Scraped files arrive in UTF-8, UTF-8 with a BOM, Windows-1252 or worse. We try
strict UTF-8 first, then let charset-normalizer detect the encoding and report
that we did; anything with NUL bytes or no plausible decoding is refused, so a
PDF or an image renamed ``.txt`` never becomes an "article".
"""
from __future__ import annotations

from dataclasses import dataclass

from charset_normalizer import from_bytes

from newsgraph.errors import InputError, message


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
        raise InputError(message("E002"))
    if b"\x00" in data[:65536]:
        raise InputError(message("E001"))
    try:
        text = data.decode("utf-8-sig")
        return Decoded(text, "utf-8")
    except UnicodeDecodeError as exc:
        first_error = exc
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(message("E004", detail=f"not UTF-8 ({first_error.reason} at byte {first_error.start}) and no other encoding fits"))
    encoding, text = best.encoding, str(best)
    if encoding in _LATIN_LOOKALIKES:
        # Short Western texts fit several Latin code pages equally well; the web's
        # overwhelming choice among them is Windows-1252, so prefer it when it fits.
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    if _looks_binary(text):
        raise InputError(message("E001"))
    return Decoded(text, encoding, f"not UTF-8; decoded as {encoding}")


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
