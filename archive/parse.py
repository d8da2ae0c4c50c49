"""Clipped Markdown -> ParsedArticle, from markdown-it-py's token stream. Pure."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import PurePath

from .dates import parse_date
from .document import Link, Paragraph, ParsedArticle

ORIGINAL_URL = re.compile(r"^\s*original\s+url\s*:?\s*(?P<url>\S+)?\s*$", re.IGNORECASE)
BARE_URL = re.compile(r"^\s*<?(?P<url>https?://\S+?)>?\s*$")
FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(?P<body>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
FRONT_MATTER_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*?)\s*$")


@lru_cache(maxsize=1)
def _markdown():
    from markdown_it import MarkdownIt

    # commonmark with tables: clipped articles sometimes carry them.
    return MarkdownIt("commonmark").enable("table")


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


def inline_text(children, paragraph: int | None) -> tuple[str, list[Link]]:
    """Render inline tokens to plain text; return it with the links and their offsets."""
    parts: list[str] = []
    length = 0
    links: list[Link] = []
    open_links: list[tuple[str, int]] = []
    for token in children or ():
        kind = token.type
        piece = ""
        if kind in ("text", "code_inline"):
            piece = token.content
        elif kind == "softbreak":
            piece = " "
        elif kind == "hardbreak":
            piece = "\n"
        elif kind == "image":
            piece = token.content
        elif kind == "link_open":
            open_links.append((token.attrGet("href") or "", length))
        elif kind == "link_close" and open_links:
            href, start = open_links.pop()
            text = "".join(parts)[start:length]
            links.append(Link(text=text, href=href, paragraph=paragraph, start=start, end=length))
        if piece:
            parts.append(piece)
            length += len(piece)
    return "".join(parts), links


def _block_source(lines: list[str], token) -> str:
    if token.map is None:
        return token.content
    start, end = token.map
    return "\n".join(lines[start:end]).strip("\n")


def _is_link_line(children) -> bool:
    """True when an inline run is nothing but links (and white space)."""
    saw_link = False
    depth = 0
    for token in children or ():
        if token.type == "link_open":
            depth += 1
            saw_link = True
        elif token.type == "link_close":
            depth -= 1
        elif token.type == "text" and depth == 0 and token.content.strip():
            return False
        elif token.type not in ("text", "softbreak", "hardbreak") and depth == 0:
            return False
    return saw_link


def parse_markdown(source: str, path: str | None = None) -> ParsedArticle:
    fields, body, offset = read_front_matter(source)
    tokens = _markdown().parse(body)
    lines = body.split("\n")
    warnings: list[str] = []

    title: str | None = fields.get("title") or None
    published = parse_date(fields["date"]) if fields.get("date") else None
    url: str | None = fields.get("url") or None

    paragraphs: list[Paragraph] = []
    links: list[Link] = []
    section: str | None = None
    expecting_url = False
    in_header = True  # before the first body paragraph: date and credit lines live here

    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "heading_open":
            inline = tokens[i + 1]
            text, _ = inline_text(inline.children, None)
            text = text.strip()
            if token.tag == "h1" and title is None:
                title = text
            else:
                section = text.rstrip(":").strip() or None
            i += 3
            continue
        if token.type == "inline":
            text, found = inline_text(token.children, None)
            stripped = text.strip()
            if not stripped:
                i += 1
                continue
            original = ORIGINAL_URL.match(stripped)
            if original:
                url = url or _url_of(original.group("url"), found)
                expecting_url = url is None
                links.extend(found)
                i += 1
                continue
            if expecting_url:
                bare = BARE_URL.match(stripped)
                if bare or (found and _is_link_line(token.children)):
                    url = found[0].href if found else bare.group("url")
                    links.extend(found)
                    expecting_url = False
                    i += 1
                    continue
                expecting_url = False
            if in_header and published is None and not paragraphs:
                date = parse_date(stripped) if len(stripped) <= 60 else None
                if date:
                    published = date
                    i += 1
                    continue
            if in_header and not paragraphs and _is_link_line(token.children):
                links.extend(found)  # the credit line: kept as links, not body
                i += 1
                continue
            in_header = False
            position = len(paragraphs)
            text, found = inline_text(token.children, position)
            paragraphs.append(Paragraph(position, section, text, _block_source(lines, _block_of(tokens, i)), tuple(found)))
            links.extend(found)
            i += 1
            continue
        if token.type in ("fence", "code_block") and token.content.strip():
            in_header = False
            position = len(paragraphs)
            paragraphs.append(Paragraph(position, section, token.content.rstrip("\n"), _block_source(lines, token)))
        i += 1

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


def _url_of(inline_url: str | None, found: list[Link]) -> str | None:
    if found:
        return found[0].href
    if inline_url:
        return inline_url.strip("<>")
    return None


def _block_of(tokens, index: int):
    """The block token that owns the inline at ``index`` (it carries the line map)."""
    for j in range(index - 1, -1, -1):
        if tokens[j].map is not None:
            return tokens[j]
    return tokens[index]
