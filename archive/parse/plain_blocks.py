"""The plain Markdown most clippings are -> Blocks, without markdown-it-py. Pure.

Paragraphs, ATX headings, inline links and autolinks: that is all most clipped
articles hold, and reading them here takes a fraction of markdown-it-py's time.
Anything more (emphasis, lists, quotes, code, tables, HTML, entities, escapes,
indentation, setext headings) returns None, and blocks.markdown_blocks reads the
document instead. tests/test_plain_blocks.py holds both to the same Blocks on
every fixture and on generated documents.
"""
from __future__ import annotations

import re

from archive.parse.blocks import Block, LinkSpan, markdown

# Anywhere in the body: characters and sequences whose meaning needs markdown-it-py.
NOT_PLAIN = re.compile(r"[\r\t\x00`\\|]")
ENTITY = re.compile(r"&#?[0-9A-Za-z]+;")
# First character of a line that could open a block other than a paragraph.
BLOCK_MARKERS = frozenset(">-+*=_~<|`#0123456789")
ORDERED_ITEM = re.compile(r"\d{1,9}[.)]")
HEADING = re.compile(r"(#{1,6}) +(\S.*)")
AUTOLINK_LINE = re.compile(r"<https?://")
# An inline link with a plain label and destination, an autolink, or brackets that are
# only text ("[of the troops]": with no reference definitions, nothing else they can be).
INLINE = re.compile(
    r"\[(?P<label>[^\[\]]*)\]\((?P<url>[^\x00-\x20\x7f()<>\\\"']+)\)"
    r"|<(?P<auto>[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\x00-\x20]*)>"
    r"|\[(?P<literal>[^\[\]]*)\](?![(\[])"
)
# "_" inside a word ("t.me/istories_media") can neither open nor close emphasis; elsewhere it may.
LOOSE_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")


def plain_blocks(body: str) -> list[Block] | None:
    """The body's blocks, or None when it holds more than the plain subset."""
    if NOT_PLAIN.search(body) or ("&" in body and ENTITY.search(body)) or "]:" in body:
        return None  # "]:" may be a link reference definition, which turns "[label]" into a link
    pieces: list[Block | list[str]] = []  # headings, and the lines of each paragraph, in order
    paragraph: list[str] | None = None
    for line in body.split("\n"):
        if not line.strip(" "):
            paragraph = None  # a blank line ends the paragraph
            continue
        if line[0].isspace() or line[-1].isspace():
            return None  # indentation, hard breaks, Unicode spaces markdown-it-py strips its own way
        first = line[0]
        if first in BLOCK_MARKERS:
            if first == "#":
                heading = _heading(line)
                if heading is None:
                    return None
                pieces.append(heading)
                paragraph = None  # a heading ends the paragraph too
                continue
            if first == "<" and AUTOLINK_LINE.match(line):
                pass  # "<https://...>": a paragraph holding an autolink, not HTML
            elif first.isdigit():
                if ORDERED_ITEM.match(line):
                    return None
            else:
                return None
        if paragraph is None:
            paragraph = []
            pieces.append(paragraph)
        paragraph.append(line)
    blocks: list[Block] = []
    for piece in pieces:
        block = piece if isinstance(piece, Block) else _text_block(piece)
        if block is None:
            return None
        blocks.append(block)
    return blocks


def _heading(line: str) -> Block | None:
    match = HEADING.fullmatch(line)
    if match is None or line.endswith("#"):
        return None  # "#hashtag", an empty heading, a closing sequence
    spans = _inline(match.group(2))
    if spans is None:
        return None
    text, links, _ = spans
    return Block("heading", f"h{len(match.group(1))}", text, links, False, line)


def _text_block(lines: list[str]) -> Block | None:
    source = "\n".join(lines)
    spans = _inline(source)
    if spans is None:
        return None
    text, links, only_links = spans
    return Block("text", "", text, links, only_links, source)


def _inline(source: str) -> tuple[str, tuple[LinkSpan, ...], bool] | None:
    """Plain text (line breaks become spaces) with its links, and whether it is only links."""
    text = source.replace("\n", " ")
    if "[" not in source and "<" not in source:
        return None if _special(source) else (text, (), False)
    parts: list[str] = []
    links: list[LinkSpan] = []
    length = 0
    position = 0
    only_links = True
    for match in INLINE.finditer(text):
        gap = text[position:match.start()]
        if _special(gap):
            return None
        position = match.end()
        literal, auto = match.group("literal"), match.group("auto")
        if literal is not None or auto is None:
            label = match.group("label") if literal is None else literal
            if _special(label) or gap.endswith("!"):
                return None  # emphasis in the brackets, or an image
        if literal is not None:
            href, piece = None, match.group()
        elif auto is None:
            href, piece = _link(match.group("url")), label
        else:
            href, piece = _link(auto), _link_text(auto)
        parts.append(gap)
        parts.append(piece)
        length += len(gap)
        if literal is None:
            if href is None:
                return None  # a destination markdown-it-py refuses ("javascript:")
            links.append((piece, href, length, length + len(piece)))
        only_links = only_links and literal is None and not gap.strip()
        length += len(piece)
    rest = text[position:]
    if _special(rest):
        return None
    parts.append(rest)
    return "".join(parts), tuple(links), bool(links) and only_links and not rest.strip()


def _special(text: str) -> bool:
    """Outside links (and inside a label): what could be emphasis, an image, HTML or a bracket."""
    if "*" in text or "[" in text or "]" in text or "<" in text:
        return True
    return "_" in text and LOOSE_UNDERSCORE.search(text) is not None


# Normalised destinations, remembered (a corpus repeats its links); bounded.
_LINKS: dict[str, str | None] = {}
_LINK_TEXTS: dict[str, str] = {}
_UNSEEN = object()


# A url markdown-it-py leaves as it is: http(s), a lower-case ASCII host, a path of unreserved characters.
UNCHANGED_URL = re.compile(r"https?://[a-z0-9.-]+(?:/[A-Za-z0-9._~/-]*)?")


def _link(destination: str) -> str | None:
    """The href markdown-it-py gives this destination (normalised), or None when it refuses it."""
    if UNCHANGED_URL.fullmatch(destination):
        return destination  # most "Original url:" lines: unique, so the memo below would not help
    href = _LINKS.get(destination, _UNSEEN)
    if href is _UNSEEN:
        md = markdown()
        href = md.normalizeLink(destination)
        href = href if md.validateLink(href) else None
        if len(_LINKS) < 10_000:
            _LINKS[destination] = href
    return href


def _link_text(url: str) -> str:
    text = _LINK_TEXTS.get(url)
    if text is None:
        text = markdown().normalizeLinkText(url)
        if len(_LINK_TEXTS) < 10_000:
            _LINK_TEXTS[url] = text
    return text
