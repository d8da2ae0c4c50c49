"""Bytes from disk -> text and the encoding it was in, or why the file is not text.

Order of trust: a byte-order mark; UTF-16 without one (its NUL pattern); UTF-8;
UTF-8 with a few lines in a single-byte encoding (a paste from an old file);
then Russian single-byte encodings told apart by letter case (Russian prose is
mostly lower case: lower-case letters sit at 0xE0-0xFF in Windows-1251 and at
0xC0-0xDF in KOI8-R); then Windows-1252, which reads Latin-1 text too.
Statistical detectors (charset-normalizer) were seen reading KOI8-R as
Shift-JIS, so the decision is made here, on rules that can be tested.
"""
from __future__ import annotations

import codecs
import re

from archive.errors import FileRejected

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab/newline/CR/form feed that text never contains.
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding); line ends become \\n, no BOM or NUL survives."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _checked(_strict(data, encoding), encoding)
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise FileRejected("not text (binary content: NUL bytes)")
        return _checked(_strict(data, encoding), encoding)
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _utf8_with_stray_lines(data)
    if mixed is not None:
        return _checked(*mixed)
    single = _single_byte_encoding(data)
    return _checked(data.decode(single, errors="replace" if single == "cp1252" else "strict"), single)


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise FileRejected(f"not valid {encoding.upper()} text (bad bytes at offset {error.start})") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text has a NUL in every other byte for ASCII, or in alternate bytes for Cyrillic."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    # Cyrillic UTF-16: high bytes 0x04 alternate with letters and few NULs
    if sample[1::2].count(4) / (len(sample) / 2) > 0.3:
        return "utf-16-le"
    if sample[0::2].count(4) / (len(sample) / 2) > 0.3:
        return "utf-16-be"
    return None


def _single_byte_encoding(data: bytes) -> str:
    """cp1251, koi8-r or cp1252, by where the high bytes fall.

    Cyrillic words are runs of high bytes; accented Latin letters stand alone
    between ASCII ones.
    """
    high = in_runs = letters = upper_half = 0
    run = 0
    for b in data:
        if b >= 0x80:
            high += 1
            run += 1
            if b >= 0xC0:
                letters += 1
                upper_half += b >= 0xE0  # cp1251 lower case, KOI8-R upper case
        else:
            in_runs += run if run >= 2 else 0
            run = 0
    in_runs += run if run >= 2 else 0
    if not high or in_runs / high < 0.5 or letters / high < 0.6:
        return "cp1252"
    return "cp1251" if upper_half * 2 >= letters else "koi8-r"


def _utf8_with_stray_lines(data: bytes) -> tuple[str, str] | None:
    """Decode line by line when most lines are UTF-8 and a few are not."""
    lines = data.split(b"\n")
    decoded: list[str | None] = []
    bad: list[bytes] = []
    has_utf8 = False
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
            has_utf8 = has_utf8 or not line.isascii()
        except UnicodeDecodeError:
            bad.append(line)
            decoded.append(None)
    if not has_utf8 or len(bad) > max(1, len(lines) // 10):
        return None
    fallback = _single_byte_encoding(b"\n".join(bad))
    stray = iter(bad)
    text = "\n".join(d if d is not None else next(stray).decode(fallback, errors="replace") for d in decoded)
    return text, f"utf-8+{fallback}"


def _checked(text: str, encoding: str) -> tuple[str, str]:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise FileRejected("not text (NUL characters)")
    # Encoded to UTF-8 (fast), the text fails on an unpaired surrogate, and holds a
    # control byte only where it holds a control character: multi-byte sequences
    # use bytes from 0x80 up. The regex count runs only when there is one.
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError:
        raise FileRejected("not text (unpaired surrogates)") from None
    if len(encoded.translate(None, CONTROL_BYTES)) != len(encoded):
        if len(CONTROL.findall(text[:65536])) > min(len(text), 65536) // 100:
            raise FileRejected("not text (control characters)")
    return text, encoding
