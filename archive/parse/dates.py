"""Date lines as clipped articles write them -> ISO dates."""
from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_PATTERNS = [
    re.compile(r"^(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?:[T ][\d:.+Z-]*)?\b"),
    re.compile(rf"^(?:[A-Za-z]+,?\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b"),
    re.compile(rf"^(?:[A-Za-z]+,?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})\b"),
]


def parse_date(text: str) -> str | None:
    """Return the ISO date at the start of ``text``, or None.

    Accepts "November 20, 2023", "20 November 2023", "Nov. 20, 2023",
    "Monday, Nov 20, 2023" and "2023-11-20" (a time after it is ignored).
    """
    text = text.strip()
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        parts = match.groupdict()
        month = int(parts["mnum"]) if parts.get("mnum") else MONTHS.get(parts["month"].lower())
        if not month:
            continue
        try:
            return dt.date(int(parts["year"]), month, int(parts["day"])).isoformat()
        except ValueError:
            return None
    return None
