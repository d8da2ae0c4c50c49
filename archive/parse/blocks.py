"""Markdown -> Blocks (headings, text blocks, code) through markdown-it-py. Pure.

A Block is what parse.py needs of a Markdown block: its kind, plain text (links
show their text), the links in it and its source. markdown-it-py reads any
CommonMark; plain_blocks.py reads the plain subset most clippings are, faster,
into the same Blocks.
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

# A link inside a block's text: (text, href, start, end), offsets into Block.text.
LinkSpan = tuple[str, str, int, int]


class Block(NamedTuple):  # a tuple: a clipping has dozens, built faster than a frozen dataclass
    kind: str  # "heading" | "text" | "code"
    tag: str  # "h1".."h6" for a heading, "" otherwise
    text: str
    links: tuple[LinkSpan, ...]
    only_links: bool  # nothing but links and white space: a credit line, or a url line
    source: str  # the block's Markdown


@lru_cache(maxsize=1)
def markdown():
    from markdown_it import MarkdownIt

    # commonmark with tables: clipped articles sometimes carry them.
    return MarkdownIt("commonmark").enable("table")


def markdown_blocks(body: str) -> list[Block]:
    tokens = markdown().parse(body)
    lines = body.split("\n")
    blocks: list[Block] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "heading_open":
            text, links = inline_text(tokens[i + 1].children)
            blocks.append(Block("heading", token.tag, text, links, False, _block_source(lines, token)))
            i += 3
            continue
        if token.type == "inline":
            text, links = inline_text(token.children)
            source = _block_source(lines, _block_of(tokens, i))
            blocks.append(Block("text", "", text, links, _is_link_line(token.children), source))
        elif token.type in ("fence", "code_block") and token.content.strip():
            blocks.append(Block("code", "", token.content.rstrip("\n"), (), False, _block_source(lines, token)))
        i += 1
    return blocks


def inline_text(children) -> tuple[str, tuple[LinkSpan, ...]]:
    """Render inline tokens to plain text; return it with the links and their offsets."""
    parts: list[str] = []
    length = 0
    links: list[LinkSpan] = []
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
            links.append(("".join(parts)[start:length], href, start, length))
        if piece:
            parts.append(piece)
            length += len(piece)
    return "".join(parts), tuple(links)


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


def _block_of(tokens, index: int):
    """The block token that owns the inline at ``index`` (it carries the line map)."""
    for j in range(index - 1, -1, -1):
        if tokens[j].map is not None:
            return tokens[j]
    return tokens[index]
