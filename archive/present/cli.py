"""The command line: thin commands over the library. Heavy imports live inside commands."""
from __future__ import annotations

import sys

import click

from archive.api import Archive
from archive.store.db import DEFAULT_DB
from archive.errors import ArchiveError
from archive.kinds import PLACE_KINDS, SOURCE_KINDS
from archive.present.output import cut, emit, output_options, terminal_width, to_json


MAX_ROWS = 2**63 - 1  # SQLite's largest integer: a bigger --limit or id is a one-line error


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


class ByteSize(click.ParamType):
    """10M, 512K, 2G or a number of bytes."""

    name = "size"
    units = {"": 1, "B": 1, "K": 1024, "KB": 1024, "M": 1024**2, "MB": 1024**2, "G": 1024**3, "GB": 1024**3}

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        text = str(value).strip().upper()
        number = text.rstrip("KMGB")
        unit = text[len(number):]
        try:
            size = int(float(number) * self.units[unit])
        except (ValueError, KeyError):
            self.fail(f"{value!r} is not a size such as 10M, 512K or 1048576", param, ctx)
        if size <= 0:
            self.fail("must be more than 0", param, ctx)
        return size


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes that parse and extract [default: all cores].")
@click.option("--max-size", type=ByteSize(), default="10M", show_default=True,
              help="Skip files larger than this, with a message.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=10.0, show_default=True,
              help="Seconds one file may take to parse before it is skipped.")
@click.option("--prune", is_flag=True, help="Remove articles whose files under PATHS are gone.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_obj
def ingest(archive: Archive, paths, jobs, max_size, timeout, prune, as_json):
    """Read Markdown articles from files and folders into the archive."""
    import os

    from archive.present.progress import Progress

    progress = Progress(enabled=sys.stderr.isatty() and not as_json)

    def on_file(outcome):
        progress.advance(outcome)
        if outcome.status == "failed":
            progress.echo(f"failed: {outcome.path}: {outcome.reason}")
        elif outcome.status == "duplicate":
            progress.echo(f"skipped: {outcome.path}: {outcome.reason}")
        if outcome.replaced:
            progress.echo(f"replaced: {outcome.replaced}: an older version of the article in {outcome.path}")
        for warning in outcome.warnings:
            progress.echo(f"warning: {outcome.path}: {warning}")

    try:
        with progress:
            report = archive.ingest(paths, jobs=jobs or len(os.sched_getaffinity(0)) or 1, max_size=max_size,
                                    timeout=timeout, prune=prune, on_file=on_file, on_start=progress.start)
    except KeyboardInterrupt:  # a second Ctrl-C: stop now; every stored article is whole
        click.echo("Interrupted: stopped at once; what was committed is whole.", err=True)
        sys.exit(130)
    for path in report.pruned:
        click.echo(f"pruned: {path}", err=True)
    click.echo(to_json(report.as_dict()) if as_json else report.summary())
    if report.interrupted:
        sys.exit(128 + (report.signal or 2))  # 130 after Ctrl-C, 143 after SIGTERM
    if report.failed:
        sys.exit(1)


@cli.command()
@click.pass_obj
def migrate(archive: Archive):
    """Apply pending schema migrations."""
    version = archive.migrate()
    click.echo(f"{archive.path}: schema version {version}")


def filter_options(command):
    """--place, --country, --source, --speaker, --outlet (repeatable: OR), --since, --until."""
    options = [
        click.option("--place", "places", multiple=True, help="Articles that name this place (any of its names)."),
        click.option("--country", "countries", multiple=True, help="Articles that name a place in this country (RU, Russia)."),
        click.option("--source", "sources", multiple=True, help="Articles that cite this source (any alias)."),
        click.option("--speaker", "speakers", multiple=True, help="Quotes whose speaker contains this text."),
        click.option("--outlet", "outlets", multiple=True, help="Articles published by this outlet."),
        click.option("--since", help="Published on or after this date (YYYY-MM-DD, YYYY-MM, YYYY)."),
        click.option("--until", help="Published on or before this date."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def make_filters(places, countries, sources, speakers, outlets, since, until):
    from archive.query.filters import Filters

    return Filters(places, countries, sources, speakers, outlets, since, until)


@cli.command()
@click.argument("query", required=False)
@click.option("--raw", is_flag=True, help="Pass FTS5 syntax through: phrases, prefix*, AND/OR/NOT, NEAR.")
@click.option("--in", "scope", type=click.Choice(["all", "paragraphs", "titles", "quotes"]), default="all",
              show_default=True, help="Where to search.")
@filter_options
@click.option("--facet", "facets", multiple=True, metavar="NAME",
              help="Count matching articles by place, country, source, speaker, outlet, year or month (repeatable).")
@click.option("--limit", type=click.IntRange(0, MAX_ROWS), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(0, MAX_ROWS), default=0, show_default=True)
@output_options
@click.pass_obj
def search(archive: Archive, query, raw, scope, facets, limit, offset, fmt, **filter_values):
    """Full-text search, ranked, one result per article.

    With no QUERY, every article that passes the filters, newest first.
    """
    result = archive.search(query, raw=raw, scope=scope, filters=make_filters(**filter_values),
                            facets=facets, limit=limit, offset=offset)
    if fmt == "table":
        _print_hits(result)
        _print_facets(result.facets)
        return
    rows = [hit.as_dict() for hit in result.hits]
    columns = ["article_id", "title", "published", "outlet", "url", "paragraph_id", "position", "snippet", "rank"]
    emit(rows, columns, fmt, json_value=result.as_dict())


def _print_facets(facets) -> None:
    for name, values in facets.items():
        click.echo(f"\n{name}:")
        if not values:
            click.echo("  (none)")
        width = max((len(str(v.value)) for v in values), default=0)
        for value in values:
            click.echo(f"  {cut(str(value.value), 60).ljust(min(width, 60))}  {value.count:>6}")


@cli.command()
@click.argument("query", required=False)
@filter_options
@click.option("--via", multiple=True, help="Quotes given to this outlet (told IStories): any alias.")
@click.option("--article", type=click.IntRange(1, MAX_ROWS), help="Quotes from this article id.")
@click.option("--limit", type=click.IntRange(0, MAX_ROWS), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0, MAX_ROWS), default=0, show_default=True)
@output_options
@click.pass_obj
def quotes(archive: Archive, query, via, article, limit, offset, fmt, **filter_values):
    """Who said what: quotes with speaker, cue, via and article. QUERY searches quote text and speakers."""
    from archive.query.browse import QUOTE_COLUMNS

    rows = archive.quotes(query, via=via, article=article, filters=make_filters(**filter_values),
                          limit=limit, offset=offset)
    if fmt == "table" and not rows:
        click.echo("No quotes match.")
        return
    emit(rows, QUOTE_COLUMNS, fmt)


@cli.command()
@click.option("--country", "countries", multiple=True, help="Only places in this country (ISO code, e.g. RU).")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(PLACE_KINDS))
@click.option("--limit", type=click.IntRange(0, MAX_ROWS), default=100, show_default=True)
@output_options
@click.pass_obj
def places(archive: Archive, countries, kinds, limit, fmt):
    """Places the articles name, with article and mention counts and coordinates."""
    from archive.query.browse import PLACE_COLUMNS

    emit(archive.places(countries=countries, kinds=kinds, limit=limit), PLACE_COLUMNS, fmt)


@cli.command()
@click.argument("name", required=False)
@click.option("--kind", "kinds", multiple=True,
              type=click.Choice(SOURCE_KINDS))
@click.option("--limit", type=click.IntRange(0, MAX_ROWS), default=100, show_default=True)
@output_options
@click.pass_obj
def sources(archive: Archive, name, kinds, limit, fmt):
    """Cited sources with citation and article counts and aliases; with NAME, that source's citations."""
    from archive.query.browse import CITATION_COLUMNS, SOURCE_COLUMNS

    if not name:
        emit(archive.sources(kinds=kinds, limit=limit), SOURCE_COLUMNS, fmt)
        return
    source, citations = archive.source(name)
    if fmt == "table":
        aliases = ", ".join(a for a in source["aliases"] if a != source["name"])
        click.echo(f"{source['name']} ({source['kind']}){' · ' + source['domain'] if source['domain'] else ''}")
        if aliases:
            click.echo(f"also: {aliases}")
        click.echo()
    emit(citations, CITATION_COLUMNS, fmt, json_value={**source, "citations": citations})


@cli.command()
@click.argument("article")
@output_options
@click.pass_obj
def show(archive: Archive, article, fmt):
    """One article (id or url): metadata, paragraphs, and its quotes, places and sources."""
    view = archive.show(article)
    if fmt != "table":
        emit(view.paragraphs, ["id", "position", "section", "text"], fmt, json_value=view.as_dict())
        return
    a = view.article
    click.echo(a["title"])
    click.echo(" · ".join(str(v) for v in (a["published"], a["outlet"], a["url"]) if v))
    section = None
    for p in view.paragraphs:
        if p["section"] != section and p["section"]:
            click.echo(f"\n## {p['section']}")
        section = p["section"]
        click.echo(f"\n[{p['position']}] {p['text']}")
    for title, rows, columns in (
        ("Quotes", view.quotes, ["speaker", "kind", "via", "text"]),
        ("Places", view.places, ["name", "kind", "country_code", "mentions", "surfaces"]),
        ("Sources", view.citations, ["name", "kind", "cue", "surface", "paragraph"]),
    ):
        click.echo(f"\n{title} ({len(rows)})")
        if rows:
            emit(rows, columns, "table")


@cli.command()
@click.argument("article")
@click.option("--kind", "kinds", type=click.Choice(["quotes", "places", "sources"]), multiple=True,
              help="Only this extractor's candidates (repeatable) [default: all three].")
@click.option("--rejected", "only", flag_value="reject", help="Only the candidates a rule rejected.")
@click.option("--accepted", "only", flag_value="accept", help="Only the candidates that were kept.")
@output_options
@click.pass_obj
def explain(archive: Archive, article, kinds, only, fmt):
    """Every candidate the extractors weighed in ARTICLE (an id, a url, or a file) and the rule that decided it."""
    from archive.extract.explain import COLUMNS

    explanation = archive.explain(article, tuple(kinds))
    rows = [r for r in explanation.rows() if only is None or r["decision"] == only]
    if fmt == "table":
        where = f"article {explanation.article_id}" if explanation.article_id is not None else explanation.path
        click.echo(f"{explanation.title} ({where}): {len(rows)} decisions")
        for row in rows:
            row["paragraph"] = "title" if row["paragraph"] is None else row["paragraph"]
    emit(rows, COLUMNS, fmt, json_value={**explanation.as_dict(), "decisions": rows})


@cli.command()
@output_options
@click.pass_obj
def stats(archive: Archive, fmt):
    """Counts of each table, database size and schema version."""
    data = archive.stats()
    rows = [{"table": table, "rows": count} for table, count in data["tables"].items()]
    if fmt == "table":
        click.echo(f"{data['path']}: schema {data['schema_version']}, {data['bytes'] / 1024 / 1024:.1f} MB")
    emit(rows, ["table", "rows"], fmt, json_value=data)


def _print_hits(result) -> None:
    if not result.hits:
        what = f"match {result.query!r}" if result.query else "pass the filters"
        click.echo(f"No articles {what}." if result.total == 0 else f"No more results: {result.total} articles {what}.")
        return
    color = sys.stdout.isatty()
    marks = ("\x1b[1m", "\x1b[0m") if color else ("[", "]")
    width = min(terminal_width(), 100)
    from archive.query.search import highlight

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


@cli.command("datasette-metadata")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="Where to write it (.json, or .yml/.yaml for YAML). Default: beside the database, DB.metadata.json.")
@click.pass_obj
def datasette_metadata(archive: Archive, output):
    """Write Datasette metadata: titles, descriptions, facets, labels, ranked search queries."""
    from archive.present.datasette import write_metadata

    click.echo(write_metadata(archive.path, output))


@cli.command()
@click.option("--host", "-h", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback exposes the archive and read-only SQL.")
@click.option("--port", "-p", type=click.IntRange(0, 65535), default=8001, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--metadata", type=click.Path(dir_okay=False),
              help="Use this metadata file as it is, instead of writing DB.metadata.json beside the database.")
@click.pass_obj
def serve(archive: Archive, host, port, metadata):
    """Browse and query the archive in Datasette (needs the datasette extra)."""
    from archive.present.datasette import exposure_warning, prepare_serve, run

    warning = exposure_warning(host)
    if warning:
        click.echo(warning, err=True)
    command = prepare_serve(archive.path, host=host, port=port, metadata=metadata)
    click.echo(f"Serving {archive.path} with {command[command.index('--metadata') + 1]} (Ctrl-C stops)", err=True)
    sys.exit(run(command))


def main():
    cli(prog_name="archive")


__all__ = ["cli", "main"]
