"""Clipped Markdown -> ParsedArticle: title, date, url, body paragraphs, links. Pure.

Blocks come from plain_blocks (the plain subset, fast) or else markdown-it-py.
"""
from __future__ import annotations

import re
from pathlib import PurePath

from archive.parse.blocks import markdown_blocks
from archive.parse.dates import parse_date
from archive.parse.document import Link, Paragraph, ParsedArticle
from archive.parse.plain_blocks import plain_blocks

ORIGINAL_URL = re.compile(r"^\s*original\s+url\s*:?\s*(?P<url>\S+)?\s*$", re.IGNORECASE)
BARE_URL = re.compile(r"^\s*<?(?P<url>https?://\S+?)>?\s*$")
FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(?P<body>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
FRONT_MATTER_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*?)\s*$")


def read_front_matter(source: str) -> tuple[dict[str, str], str, int]:
    """Split simple YAML front matter (key: value lines) from the body.

    Returns (fields, body, number of lines removed). Only flat string fields are
    read: title, date, url are all this needs, and a YAML parser would be a
    dependency for three keys.
    """
    match = FRONT_MATTER.match(source)
    if not match:
        return {}, source, 0
    fields: dict[str, str] = {}
    for line in match.group("body").splitlines():
        m = FRONT_MATTER_LINE.match(line)
        if m:
            value = m.group("value")
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            fields[m.group("key").lower()] = value
    removed = source[: match.end()].count("\n")
    return fields, source[match.end():], removed


def parse_markdown(source: str, path: str | None = None) -> ParsedArticle:
    fields, body, _ = read_front_matter(source)
    blocks = plain_blocks(body)
    if blocks is None:  # more than the plain subset: markdown-it-py reads it
        blocks = markdown_blocks(body)
    warnings: list[str] = []

    title: str | None = fields.get("title") or None
    published = parse_date(fields["date"]) if fields.get("date") else None
    url: str | None = fields.get("url") or None

    paragraphs: list[Paragraph] = []
    links: list[Link] = []
    section: str | None = None
    expecting_url = False
    in_header = True  # before the first body paragraph: date and credit lines live here

    for block in blocks:
        if block.kind == "heading":
            text = block.text.strip()
            if block.tag == "h1" and title is None:
                title = text
            else:
                section = text.rstrip(":").strip() or None
            continue
        if block.kind == "code":
            in_header = False
            paragraphs.append(Paragraph(len(paragraphs), section, block.text, block.source))
            continue
        stripped = block.text.strip()
        if not stripped:
            continue
        original = ORIGINAL_URL.match(stripped) if stripped[0] in "Oo" else None
        if original:
            outside = _outside_body(block)
            url = url or _url_of(original.group("url"), outside)
            expecting_url = url is None
            links.extend(outside)
            continue
        if expecting_url:
            expecting_url = False
            bare = BARE_URL.match(stripped)
            if bare or (block.links and block.only_links):
                outside = _outside_body(block)
                url = outside[0].href if outside else bare.group("url")
                links.extend(outside)
                continue
        if in_header and published is None and not paragraphs:
            date = parse_date(stripped) if len(stripped) <= 60 else None
            if date:
                published = date
                continue
        if in_header and not paragraphs and block.only_links:
            links.extend(_outside_body(block))  # the credit line: kept as links, not body
            continue
        in_header = False
        position = len(paragraphs)
        found = tuple(Link(text, href, position, start, end) for text, href, start, end in block.links)
        paragraphs.append(Paragraph(position, section, block.text, block.source, found))
        links.extend(found)

    if not title:
        title = PurePath(path).stem if path else "untitled"
        warnings.append(f"no title heading; using the file name {title!r}")
        from_filename = True
    else:
        from_filename = False
    return ParsedArticle(
        title=title,
        published=published,
        url=url,
        paragraphs=tuple(paragraphs),
        links=tuple(links),
        path=path,
        title_from_filename=from_filename,
        warnings=tuple(warnings),
    )


def _outside_body(block) -> list[Link]:
    return [Link(text, href, None, start, end) for text, href, start, end in block.links]


def _url_of(inline_url: str | None, found: list[Link]) -> str | None:
    if found:
        return found[0].href
    if inline_url:
        return inline_url.strip("<>")
    return None
