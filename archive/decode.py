"""Bytes from disk -> text, or a clear reason why the file is not an article."""
from __future__ import annotations

import codecs

from .errors import FileRejected

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding). Line ends become \\n."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _normalise(data.decode(encoding, errors="strict")), encoding
    if b"\x00" in data:
        raise FileRejected("not text (binary content: NUL bytes)")
    try:
        return _normalise(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as error:
        raise FileRejected(f"not UTF-8 text (bad byte at offset {error.start})") from None


def _normalise(text: str) -> str:
    text = text.lstrip("\ufeff")
    if "\x00" in text:
        raise FileRejected("not text (NUL characters)")
    return text.replace("\r\n", "\n").replace("\r", "\n")
