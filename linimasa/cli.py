"""The `linimasa` command (click): run, docs, entities, events, timeline, timex, search, fetch, watch, sources."""

from __future__ import annotations

import json
import logging
import sys
from datetime import date
from pathlib import Path

import click

from .api import process
from .corpus.timeline import filter_timeline, stored_timeline, summary_timeline, top_dates
from .errors import LinimasaError
from .events.threshold import describe
from .export import (document_record, timeline_csv, timeline_ics, timeline_json, timeline_markdown,
                     timeline_timelinejs)
from .settings import Context
from .store import open_store

EXIT_SKIPPED = 3  # the run finished, but some inputs were skipped (reported on stderr)


def _settings(pairs: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        if "=" not in pair:
            raise click.BadParameter(f"{pair!r}: write NAME=VALUE", param_hint="--setting")
        name, value = pair.split("=", 1)
        out[name.strip()] = value
    return out


def _timeline_flags(store, timeline) -> dict:
    """The source-quality flags of the timeline's sources, kept in the store (computed and kept when missing)."""
    from .sources import stored_flags

    return stored_flags(store, {s for e in timeline.events for s in e.sources})


def _print_timeline(timeline, fmt: str, store) -> None:
    flags = _timeline_flags(store, timeline)
    if fmt == "markdown":
        click.echo(timeline_markdown(timeline, flags=flags))
    else:
        click.echo(json.dumps(timeline_json(timeline, flags), ensure_ascii=False, indent=2))


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage does.")
@click.version_option(package_name="linimasa")
def main(verbose: bool) -> None:
    """linimasa: a dated, source-linked timeline of events from noisy multilingual news."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--db", default="linimasa.db", show_default=True,
              help="Database to store documents in: a SQLite file or a postgresql://user@host/db URL.")
@click.option("--format", "fmt", type=click.Choice(["json", "markdown"]), default="markdown", show_default=True)
@click.option("--setting", "settings", multiple=True, metavar="NAME=VALUE", help="Override a setting.")
@click.option("--encoding", default="", help="Encoding of inputs that are not UTF-8 (e.g. cp1252).")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Processes (or Ray workers) to run the stages in (default 1).")
@click.option("--engine", type=click.Choice(["local", "ray"]), default=None,
              help="local (default) or ray: the stages as Ray Data jobs, on the cluster RAY_ADDRESS names if set.")
def run(paths: tuple[Path, ...], db: str, fmt: str, settings: tuple[str, ...], encoding: str, jobs: int | None,
        engine: str | None) -> None:
    """Read PATHS (files or folders of .txt, .html, .jsonl, .jsonl.gz), process, store, print the timeline."""
    overrides = _settings(settings)
    if encoding:
        overrides["encoding"] = encoding
    if jobs:
        overrides["jobs"] = jobs
    if engine:
        overrides["engine"] = engine
    try:
        corpus = process(paths, db=db, settings=overrides, progress=sys.stderr.isatty())
    except (LinimasaError, KeyError) as exc:
        raise click.ClickException(str(exc)) from exc
    _print_timeline(corpus.timeline, fmt, corpus.store)
    for line in corpus.summary.lines():
        click.echo(line, err=True)
    corpus.store.close()
    if corpus.summary.skipped:
        sys.exit(EXIT_SKIPPED)


@main.command()
@click.option("--db", required=True, help="Database written by `linimasa run` (SQLite file or postgresql:// URL).")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
def docs(db: str, fmt: str) -> None:
    """Print every stored document: id, source, title, lang, published, text, removed lines, problems."""
    with _open(db) as store:
        for doc in store.documents():
            click.echo(json.dumps(document_record(doc), ensure_ascii=False))


@main.command()
@click.option("--db", required=True, help="Database written by `linimasa run` (SQLite file or postgresql:// URL).")
@click.option("--entity", "entities", multiple=True,
              help="Only events naming this entity (repeatable: all must, dealing with one another).")
@click.option("--from", "date_from", default="", help="Earliest date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--to", "date_to", default="", help="Latest date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--query", default="",
              help='Only articles matching these keywords (SQLite FTS5: swine flu = both words, "swine flu" the '
                   'phrase, oil OR spill either); dates then chosen as with --sentences-per-date.')
@click.option("--max-dates", type=int, default=0, help="Keep the N dates with the most salient events (0: all).")
@click.option("--sentences-per-date", type=int, default=0,
              help="Summarise each date with K sentences of the articles (extractive timeline summarisation: the N "
                   "dates are the learned date ranker's choice, linimasa/corpus/dates.py; bench/tls.py scores it).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Show event mentions at or over this confidence (default: the min_confidence setting, else each "
                   f"language's own: {describe(None, {'en', 'id'})}).")
@click.option("--format", "fmt", type=click.Choice(["json", "markdown", "csv", "timelinejs", "ics"]), default="json",
              show_default=True, help="ics: planned, proposed and conditional events with a day, for a calendar.")
def timeline(db: str, entities: tuple[str, ...], date_from: str, date_to: str, query: str, max_dates: int,
             sentences_per_date: int, min_confidence: float | None, fmt: str) -> None:
    """Print the timeline of the stored documents: one entry per real-world event, its sources (each with its
    quality flags: copy, spam or furniture removed, machine translation, no date, date inferred) and history."""
    with _open(db) as store:
        built = stored_timeline(store, min_confidence=_threshold(min_confidence))
        try:
            if query or sentences_per_date:  # a timeline summary: the one path bench/tls.py measures
                chosen, summaries = summary_timeline(store, max_dates, sentences_per_date, query, entities,
                                                     date_from, date_to, built)
            else:
                chosen, summaries = top_dates(filter_timeline(built, entities, date_from, date_to), max_dates), {}
        except LinimasaError as exc:
            raise click.ClickException(str(exc)) from exc
        flags = _timeline_flags(store, chosen)
    if fmt == "csv":
        click.echo(timeline_csv(chosen, flags), nl=False)
    elif fmt == "timelinejs":
        click.echo(json.dumps(timeline_timelinejs(chosen, flags=flags), ensure_ascii=False, indent=2))
    elif fmt == "ics":
        sys.stdout.buffer.write(timeline_ics(chosen, flags=flags))
    elif fmt == "markdown":
        click.echo(timeline_markdown(chosen, summaries=summaries, flags=flags))
    else:
        out = timeline_json(chosen, flags)
        if summaries:
            out["dates"] = [{"date": d, "summary": texts} for d, texts in summaries.items()]
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))


@main.command()
@click.option("--db", required=True, help="Database written by `linimasa run` (SQLite file or postgresql:// URL).")
@click.option("--type", "types", multiple=True, help="Only events of this PLOVER type (repeatable), e.g. CONSULT.")
@click.option("--status", "statuses", multiple=True,
              type=click.Choice(["happened", "planned", "proposed", "conditional", "hypothetical", "negated"]),
              help="Only events with this status (repeatable).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Show event mentions at or over this confidence (default: the min_confidence setting, else each "
                   f"language's own: {describe(None, {'en', 'id'})}).")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
def events(db: str, types: tuple[str, ...], statuses: tuple[str, ...], min_confidence: float | None, fmt: str) -> None:
    """Print every event mention at or over the confidence threshold: type, status and its cue, actors, targets,
    source, location, mode, date, confidence, evidence."""
    from .model import to_json

    from .events.threshold import describe, shown

    wanted = {t.upper() for t in types}
    threshold = _threshold(min_confidence)
    printed = below = 0
    langs: set[str] = set()
    with _open(db) as store:
        for m in store.event_mentions():
            if (not wanted or m.type in wanted) and (not statuses or m.status in statuses):
                if shown(m, threshold):
                    click.echo(to_json(m))
                    printed += 1
                else:
                    below += 1
                    langs.add(m.lang)
    if not printed and below:  # say why the output is empty, on stderr: stdout stays JSON Lines
        click.echo(f"no event mentions to show: {below} below the confidence threshold {describe(threshold, langs)}"
                   " (lower it with --min-confidence).", err=True)
    elif not printed:  # (no threshold to name: none of the languages' defaults was applied)
        click.echo("no event mentions to show: none stored" + (" of that type or status" if wanted or statuses else "")
                   + ".", err=True)


@main.command()
@click.option("--db", required=True, help="Database written by `linimasa run` (SQLite file or postgresql:// URL).")
@click.option("--type", "types", multiple=True, type=click.Choice(["PER", "ORG", "LOC", "MISC"]),
              help="Only entities of this type (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
def entities(db: str, types: tuple[str, ...], fmt: str) -> None:
    """Print every entity of the stored documents: type, aliases, roles per document, mentions, documents."""
    from .corpus.entities import merge_entities

    with _open(db) as store:
        merged = merge_entities(store.doc_entities())
    for entity in merged:
        if not types or entity.type in types:
            click.echo(json.dumps(entity.to_dict(), ensure_ascii=False))


@main.command()
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option("--lang", "code", required=True, help="ISO 639-1 code of the text (a file in linimasa/lang).")
@click.option("--anchor", default="", help="Date the text's relative expressions refer to (YYYY-MM-DD).")
def timex(file, code: str, anchor: str) -> None:
    """Tag FILE (as is, no cleaning; - for stdin) and print one JSON object per time expression."""
    from .stages.timex import tag_text

    try:
        anchor_date = date.fromisoformat(anchor) if anchor else None
    except ValueError as exc:
        raise click.BadParameter(f"{anchor!r} is not YYYY-MM-DD", param_hint="--anchor") from exc
    try:
        found = tag_text(file.read(), code, anchor_date)
    except KeyError as exc:
        raise click.ClickException(str(exc.args[0])) from exc
    for t in found:
        record = {"start": t.span.start, "end": t.span.end, "text": t.span.text, "type": t.type, "value": t.value,
                  "mod": t.mod} | ({"point": t.point} if t.point else {})
        click.echo(json.dumps(record, ensure_ascii=False))


@main.command()
@click.argument("query")
@click.option("--db", required=True, help="Database written by `linimasa run` (SQLite file or postgresql:// URL).")
@click.option("--limit", default=20, show_default=True)
def search(query: str, db: str, limit: int) -> None:
    """Full-text search (SQLite FTS5 syntax) over stored titles and texts."""
    with _open(db) as store:
        try:
            hits = store.search(query, limit)
        except LinimasaError as exc:
            raise click.ClickException(str(exc)) from exc
    for doc_id, snippet in hits:
        click.echo(json.dumps({"id": doc_id, "snippet": snippet}, ensure_ascii=False))


@main.command()
@click.option("--db", required=True, help="Database written by `linimasa run` (SQLite file or postgresql:// URL).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every one).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
def serve(db: str, host: str, port: int) -> None:
    """Serve the web timeline and the JSON API (/api, /openapi.json) of a database. Read-only unless the
    LINIMASA_TOKEN variable is set: then POST /api/documents with that bearer token ingests articles."""
    import os

    from .serve import TOKEN_VARIABLE, serve as run_server  # here, so other commands do not import the web stack
    from .store.postgres import is_url

    token = os.environ.get(TOKEN_VARIABLE, "")
    if not is_url(db) and not Path(db).exists() and not token:
        raise click.ClickException(f"{db}: no such database; create it with `linimasa run PATH --db {db}` "
                                   f"(or set {TOKEN_VARIABLE} to start empty and POST articles)")
    mode = "writes allowed with the token" if token else f"read-only; set {TOKEN_VARIABLE} to allow writes"
    click.echo(f"linimasa: serving {db} on http://{host}:{port}/ ({mode})", err=True)
    try:
        run_server(db, host, port)
    except LinimasaError as exc:
        raise click.ClickException(str(exc)) from exc


_FETCH_OPTIONS = [
    click.option("--db", default="linimasa.db", show_default=True,
                 help="Database to store documents and the fetch state in: a SQLite file or a "
                      "postgresql://user@host/db URL."),
    click.option("--allow-private", is_flag=True,
                 help="Also fetch from loopback, private and link-local addresses (an intranet); refused by default."),
    click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
                 help="Seconds between two requests to one host (more if its robots.txt asks)."),
    click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
                 help="Seconds a server may stay silent before the request fails."),
    click.option("--setting", "settings", multiple=True, metavar="NAME=VALUE", help="Override a setting."),
]


def _fetch_options(fn):
    for option in reversed(_FETCH_OPTIONS):
        fn = option(fn)
    return fn


def _fetch_args(allow_private: bool, delay: float, timeout: float, settings: tuple[str, ...]) -> dict:
    from .fetch import Limits

    overrides = _settings(settings)
    return {"settings": overrides, "allow_private": allow_private,
            "limits": Limits(delay_s=delay, read_timeout_s=timeout, max_bytes=Context.create(overrides).get("max_bytes"))}


@main.command()
@click.argument("sources", nargs=-1, required=True)
@_fetch_options
@click.option("--format", "fmt", type=click.Choice(["json", "markdown"]), default="markdown", show_default=True)
def fetch(sources: tuple[str, ...], db: str, allow_private: bool, delay: float, timeout: float,
          settings: tuple[str, ...], fmt: str) -> None:
    """Fetch SOURCES (article URLs, RSS/Atom feeds, sitemaps, .warc/.warc.gz files) into the database, safely
    (limits, robots.txt, no internal addresses), storing only new or changed articles; print the timeline."""
    from .fetch import fetch_sources

    try:
        report = fetch_sources(sources, db, progress=sys.stderr.isatty(), **_fetch_args(allow_private, delay, timeout,
                                                                                           settings))
    except (LinimasaError, KeyError) as exc:
        raise click.ClickException(str(exc)) from exc
    _print_timeline(report.corpus.timeline, fmt, report.corpus.store)
    for line in report.lines():
        click.echo(line, err=True)
    report.corpus.store.close()
    if report.failed:
        sys.exit(EXIT_SKIPPED)


@main.command()
@click.argument("feeds", nargs=-1, required=True)
@_fetch_options
@click.option("--every", default="15m", show_default=True, help="Interval between rounds: 90s, 15m, 1h.")
@click.option("--rounds", type=click.IntRange(min=0), default=0, help="Stop after N rounds (default: run until Ctrl-C).")
def watch(feeds: tuple[str, ...], db: str, allow_private: bool, delay: float, timeout: float,
          settings: tuple[str, ...], every: str, rounds: int) -> None:
    """Fetch FEEDS (or sitemaps, pages) now and again every interval; each round adds only new or changed articles."""
    from .fetch import parse_interval, watch as watch_feeds
    from .fetch.watch import MIN_INTERVAL_S

    try:
        every_s = parse_interval(every)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--every") from exc
    if every_s < MIN_INTERVAL_S:
        raise click.BadParameter(f"{every}: at least {MIN_INTERVAL_S} s, to spare the sites", param_hint="--every")

    def report(n, r) -> None:
        for line in r.lines():
            click.echo(f"round {n + 1}: {line}" if not line.startswith("  ") else line, err=True)

    try:
        watch_feeds(feeds, db, every_s, rounds, on_round=report, **_fetch_args(allow_private, delay, timeout, settings))
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    except (LinimasaError, KeyError) as exc:
        raise click.ClickException(str(exc)) from exc


@main.command()
@click.option("--db", required=True,
              help="Database written by `linimasa run` or `linimasa fetch` (SQLite file or postgresql:// URL).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.option("--documents", is_flag=True, help="One line per document with its flags, instead of per site.")
def sources(db: str, fmt: str, documents: bool) -> None:
    """Per site: articles, independent ones, copies, and how many carry each quality flag (spam or site furniture
    removed, machine-translation damage, no date, date inferred)."""
    from .model import to_dict
    from .sources import site_summary, stored_flags
    from .sources.sites import summary_table

    with _open(db) as store:
        flags = stored_flags(store)
        docs = [(d.id, d.source, d.meta.get("url", "")) for d in store.documents()]
    if documents:
        for doc_id, source, _ in docs:
            click.echo(json.dumps({"id": doc_id, "source": source, "flags": to_dict(flags.get(doc_id, []))},
                                  ensure_ascii=False))
        return
    sites = site_summary(docs, flags)
    if fmt == "jsonl":
        for site in sites:
            click.echo(json.dumps(site.to_dict(), ensure_ascii=False))
    else:
        click.echo(summary_table(sites))


def _threshold(given: float | None) -> float | None:
    """The confidence threshold: the option when given, else the min_confidence setting (LINIMASA_MIN_CONFIDENCE);
    None when neither is: each language's own default."""
    if given is not None:
        return given
    try:
        return Context.create().get("min_confidence")
    except LinimasaError as exc:
        raise click.ClickException(str(exc)) from exc


def _open(db: str):
    from .store.postgres import is_url

    if not is_url(db) and not Path(db).exists():
        raise click.ClickException(f"{db}: no such database; create it with `linimasa run PATH --db {db}`")
    try:
        return open_store(db)
    except LinimasaError as exc:
        raise click.ClickException(str(exc)) from exc
