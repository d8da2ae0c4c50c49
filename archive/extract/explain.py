"""Why the extractors decided what they did: every candidate and the rule behind it."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

from archive.extract.rules import Decision, Trace
from archive.parse.document import ParsedArticle

KINDS = ("quotes", "places", "sources")
COLUMNS = [f.name for f in fields(Decision) if f.name != "start"]


@dataclass
class Explanation:
    title: str
    article_id: int | None
    path: str | None
    decisions: list[Decision] = field(default_factory=list)

    def rows(self) -> list[dict]:
        return [asdict(d) for d in self.decisions]

    def as_dict(self) -> dict:
        return {"title": self.title, "article_id": self.article_id, "path": self.path, "decisions": self.rows()}


def explain_article(article: ParsedArticle, kinds=(), article_id: int | None = None, resources=None) -> Explanation:
    from archive.extract import extract
    from archive.extract.resources import load_resources

    trace = Trace(frozenset(kinds) if kinds else None)
    extract(article, resources or load_resources(), trace=trace)
    order = {kind: i for i, kind in enumerate(KINDS)}
    decisions = sorted(trace.decisions, key=lambda d: (order.get(d.kind, 9), -1 if d.paragraph is None else d.paragraph,
                                                       d.start))
    return Explanation(article.title, article_id, article.path, decisions)


def explain_file(path: str, kinds=()) -> Explanation:
    from pathlib import Path

    from archive.errors import ArchiveError
    from archive.ingest.decode import decode
    from archive.parse.markdown import parse_markdown

    try:
        text, _ = decode(Path(path).read_bytes())
    except OSError as error:
        raise ArchiveError(f"{path}: {error.strerror or error}") from None
    return explain_article(parse_markdown(text, path), kinds)
