"""The command line: thin commands over the library. Heavy imports live inside commands."""
from __future__ import annotations

import sys

import click

from .api import Archive
from .db import DEFAULT_DB
from .errors import ArchiveError
from .output import cut, emit, output_options, terminal_width


class ArchiveGroup(click.Group):
    """Turns ArchiveError into one line on stderr and its exit status."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ArchiveError as error:
            click.echo(f"Error: {error}", err=True)
            ctx.exit(error.exit_code)


@click.group(cls=ArchiveGroup)
@click.option(
    "--db",
    envvar="ARCHIVE_DB",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The archive database (also $ARCHIVE_DB).",
)
@click.version_option(package_name="archive")
@click.pass_context
def cli(ctx, db):
    """A searchable archive of news articles in one SQLite file."""
    ctx.obj = Archive(db)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.pass_obj
def ingest(archive: Archive, paths):
    """Read Markdown articles from files and folders into the archive."""

    def on_file(outcome):
        if outcome.status == "failed":
            click.echo(f"failed: {outcome.path}: {outcome.reason}", err=True)
        for warning in outcome.warnings:
            click.echo(f"warning: {outcome.path}: {warning}", err=True)

    report = archive.ingest(paths, on_file=on_file)
    click.echo(report.summary())
    if report.failed:
        sys.exit(1)


@cli.command()
@click.pass_obj
def migrate(archive: Archive):
    """Apply pending schema migrations."""
    version = archive.migrate()
    click.echo(f"{archive.path}: schema version {version}")


@cli.command()
@click.argument("query")
@click.option("--raw", is_flag=True, help="Pass FTS5 syntax through: phrases, prefix*, AND/OR/NOT, NEAR.")
@click.option("--in", "scope", type=click.Choice(["all", "paragraphs", "titles", "quotes"]), default="all",
              show_default=True, help="Where to search.")
@click.option("--limit", type=click.IntRange(min=0), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@output_options
@click.pass_obj
def search(archive: Archive, query, raw, scope, limit, offset, fmt):
    """Full-text search, ranked, one result per article."""
    result = archive.search(query, raw=raw, scope=scope, limit=limit, offset=offset)
    if fmt == "table":
        _print_hits(result)
        return
    rows = [hit.as_dict() for hit in result.hits]
    columns = ["article_id", "title", "published", "outlet", "url", "paragraph_id", "position", "snippet", "rank"]
    emit(rows, columns, fmt, json_value={"query": result.query, "total": result.total, "hits": rows})


def _print_hits(result) -> None:
    if not result.hits:
        click.echo(f"No articles match {result.query!r}." if result.total == 0
                   else f"No more results: {result.total} articles match {result.query!r}.")
        return
    color = sys.stdout.isatty()
    marks = ("\x1b[1m", "\x1b[0m") if color else ("[", "]")
    width = min(terminal_width(), 100)
    from .query import highlight

    for number, hit in enumerate(result.hits, 1):
        meta = " · ".join(v for v in (hit.published, hit.outlet) if v)
        click.echo(f"{number}. {cut(hit.title, width - 4)}")
        if meta:
            click.echo(f"   {meta}")
        if hit.url:
            click.echo(f"   {hit.url}")
        click.echo(f"   {highlight(' '.join(hit.snippet.split()), *marks)}")
        click.echo()
    click.echo(f"{len(result.hits)} of {result.total} articles")


def main():
    cli(prog_name="archive")


__all__ = ["cli", "main"]
