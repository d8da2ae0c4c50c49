"""Shared output: --json, --csv, --nl, and a plain table by default (as sqlite-utils)."""
from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterable

import click

FORMATS = ("table", "json", "csv", "nl")


def output_options(command):
    """Add --json / --csv / --nl to a command; the chosen format arrives as fmt."""
    for flag, help_text in (
        ("nl", "One JSON object per line"),
        ("csv", "CSV with a header row"),
        ("json", "JSON"),
    ):
        command = click.option(
            f"--{flag}", "fmt", flag_value=flag, help=help_text
        )(command)
    return click.option("--table", "fmt", flag_value="table", default=True, hidden=True)(command)


def to_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def to_nl(rows: Iterable[dict]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def to_csv(rows: list[dict], columns: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _csv_value(row.get(key)) for key in columns})
    return buffer.getvalue()


def _csv_value(value):
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return value


def cut(text: str | None, width: int) -> str:
    """Shorten to width characters, marking the cut with …"""
    text = "" if text is None else " ".join(str(text).split())
    if width <= 0:
        return ""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def terminal_width() -> int:
    return shutil.get_terminal_size((80, 24)).columns


def to_table(rows: list[dict], columns: list[str], width: int | None = None) -> str:
    """A plain-text table that fits the terminal: wide columns are cut with …"""
    width = width or terminal_width()
    cells = [[cut(_csv_value(row.get(c)), 1000) for c in columns] for row in rows]
    # a long header ("country_code") gives way before the values under it do
    widths = [max([min(len(c), 8)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    widths = [max(w, min(len(c), 12)) if not rows else w for w, c in zip(widths, columns)]
    gap = 2
    while sum(widths) + gap * (len(widths) - 1) > width and max(widths) > 8:
        widest = widths.index(max(widths))
        widths[widest] -= 1
    lines = [
        "  ".join(cut(c, w).ljust(w) for c, w in zip(columns, widths)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    for row in cells:
        lines.append("  ".join(cut(v, w).ljust(w) for v, w in zip(row, widths)).rstrip())
    return "\n".join(lines) + "\n"


def emit(rows: list[dict], columns: list[str], fmt: str, json_value=None) -> None:
    """Print rows in the chosen format; json_value replaces the row list for --json."""
    if fmt == "json":
        click.echo(to_json(rows if json_value is None else json_value))
    elif fmt == "nl":
        click.echo(to_nl(rows), nl=False)
    elif fmt == "csv":
        click.echo(to_csv(rows, columns), nl=False)
    else:
        click.echo(to_table(rows, columns), nl=False)
