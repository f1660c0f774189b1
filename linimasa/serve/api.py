"""The JSON API (FastAPI router, described at /openapi.json): timeline with the page's filters, events, event
mentions, documents, entities, suggestions, search, exports, and the one write, POST /api/documents.

Every list is paged (`page`, `per_page`) and says its `total`; a bad parameter is a 400 whose `error` names it.
"""

from __future__ import annotations

import json
import secrets
from enum import Enum
from typing import Any

from fastapi import APIRouter, Depends, Header, HTTPException, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field, model_validator

from ..errors import StoreError
from ..events.threshold import shown
from ..export import timeline_csv, timeline_ics, timeline_json, timeline_timelinejs
from ..kb import TYPES as ENTITY_TYPES, load_kb
from ..model import to_dict
from .data import Library
from .params import DEFAULT_PER_PAGE, MAX_PER_PAGE, BadParameter, TimelineQuery, check_statuses, check_types, \
    timeline_query
from .records import document_detail, entity_record, event_detail, event_record, summary_record
from .select import paged, paginate, select

# Articles one POST may carry: each runs through the whole pipeline while the request waits.
MAX_POSTED_ARTICLES = 100
# Search hits and suggestions returned at most.
MAX_HITS = 200

router = APIRouter(prefix="/api", tags=["api"])


def library(request: Request) -> Library:
    return request.app.state.library


class Export(str, Enum):
    json = "json"
    csv = "csv"
    timelinejs = "timelinejs"
    ics = "ics"


EXPORT_TYPES = {"json": "application/json", "csv": "text/csv; charset=utf-8",
                "timelinejs": "application/json", "ics": "text/calendar"}
EXPORT_FILES = {"json": "timeline.json", "csv": "timeline.csv", "timelinejs": "timeline.timelinejs.json",
                "ics": "timeline.ics"}


@router.get("/timeline", summary="The timeline: events in date order, filtered and paged")
def api_timeline(query: TimelineQuery = Depends(timeline_query), lib: Library = Depends(library)) -> dict[str, Any]:
    """Events in date order with type, status, participants, place and independent sources; the same filters
    as the timeline page (and as `linimasa timeline`)."""
    snapshot = lib.snapshot()
    page = paginate(select(lib, query), query)
    return {"total": page.total, "page": page.page, "per_page": page.per_page, "pages": page.pages,
            "filters": dict(_grouped(query.filters())),
            "events": [event_record(e, snapshot) for e in page.events]}


def _grouped(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for k, v in pairs:
        out.setdefault(k, []).append(v)
    return out


@router.get("/export/{fmt}", summary="Download the selected timeline as JSON, CSV, TimelineJS JSON or iCalendar",
            response_class=Response)
def api_export(fmt: Export, query: TimelineQuery = Depends(timeline_query),
               lib: Library = Depends(library)) -> Response:
    """Every event the filters select (not one page), in one of linimasa's exports (`linimasa timeline --format`);
    iCalendar holds the planned, proposed and conditional events that have a day."""
    chosen = select(lib, query)
    flags = lib.snapshot().flags  # each source's quality flags, with it in every export
    if fmt is Export.csv:
        body: bytes = timeline_csv(chosen, flags).encode("utf-8")
    elif fmt is Export.ics:
        body = timeline_ics(chosen, flags=flags)
    else:
        data = timeline_timelinejs(chosen, flags=flags) if fmt is Export.timelinejs else timeline_json(chosen, flags)
        body = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    return Response(body, media_type=EXPORT_TYPES[fmt.value],
                    headers={"Content-Disposition": f'attachment; filename="linimasa-{EXPORT_FILES[fmt.value]}"'})


@router.get("/events/{event_id}", summary="One event in full")
def api_event(event_id: str = Path(description="Event id from the timeline, e.g. e12"),
              lib: Library = Depends(library)) -> dict[str, Any]:
    """Sources (title, date, link, copy of, quality flags), status history, conflicts between sources and evidence
    sentences (`html`: the sentence with trigger and participants marked, article text escaped)."""
    snapshot = lib.snapshot()
    event = snapshot.event(event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}; event ids are listed by /api/timeline")
    return event_detail(event, snapshot, lib.document)


@router.get("/mentions", summary="Event mentions, one per report of an event in one sentence")
def api_mentions(type: list[str] = Query([], description="PLOVER type (repeatable)"),
                 status: list[str] = Query([], description="Status (repeatable)"),
                 min_confidence: float | None = Query(None, ge=0, le=1),
                 page: int = Query(1, ge=1), per_page: int = Query(DEFAULT_PER_PAGE, ge=1, le=MAX_PER_PAGE),
                 lib: Library = Depends(library)) -> dict[str, Any]:
    """What `linimasa events` prints: type, status and its cue, actors, targets, source, location, mode, date,
    confidence, evidence."""
    types, statuses = set(check_types(type)), set(check_statuses(status))
    threshold = lib.min_confidence if min_confidence is None else min_confidence
    found = [to_dict(m) for m in lib.event_mentions() if (not types or m.type in types)
             and (not statuses or m.status in statuses) and shown(m, threshold)]
    return paged(found, page, per_page)


@router.get("/documents", summary="Stored documents, in id order")
def api_documents(page: int = Query(1, ge=1), per_page: int = Query(DEFAULT_PER_PAGE, ge=1, le=MAX_PER_PAGE),
                  lib: Library = Depends(library)) -> dict[str, Any]:
    """Id, title, source, link, language, publication date (and how it was found), copy of, events reported."""
    return paged([summary_record(d) for d in lib.snapshot().documents], page, per_page)


@router.get("/documents/{doc_id}", summary="One document in full")
def api_document(doc_id: str, lib: Library = Depends(library)) -> dict[str, Any]:
    """Cleaned text, publication date and how it was found, removed lines and why, time expressions, entities,
    events, copies; `html` is the text with time expressions, triggers and entities marked."""
    doc = lib.document(doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r}; document ids are listed by /api/documents")
    return document_detail(doc, lib.snapshot())


@router.get("/entities", summary="Entities across documents, most mentioned first")
def api_entities(type: list[str] = Query([], description="PER, ORG, LOC or MISC (repeatable)"),
                 q: str = Query("", description="Only entities whose name or an alias holds this text"),
                 page: int = Query(1, ge=1), per_page: int = Query(DEFAULT_PER_PAGE, ge=1, le=MAX_PER_PAGE),
                 lib: Library = Depends(library)) -> dict[str, Any]:
    """What `linimasa entities` prints: type, aliases, roles per document, mentions, documents."""
    wanted = {t.upper() for t in type}
    if unknown := wanted - set(ENTITY_TYPES):
        raise BadParameter("type", f"unknown entity type {sorted(unknown)[0]!r}; known types: {', '.join(ENTITY_TYPES)}")
    needle = q.strip().casefold()
    found = [entity_record(e) for e in lib.snapshot().entities if (not wanted or e.type in wanted)
             and (not needle or any(needle in n.casefold() for n in [e.name, *e.aliases]))]
    return paged(found, page, per_page)


def suggestions(lib: Library, text: str = "", limit: int = MAX_HITS) -> list[dict[str, str]]:
    """Entity names for the entity filter: stored entities first (most mentioned first), then the knowledge
    base's people, organisations and places; those holding `text` (any case) when given."""
    needle = text.strip().casefold()
    out: dict[str, dict[str, str]] = {}
    for e in lib.snapshot().entities:
        if not needle or any(needle in n.casefold() for n in [e.name, *e.aliases]):
            out.setdefault(e.name, {"name": e.name, "type": e.type, "from": "documents"})
    for record in sorted(load_kb(tuple(p for p in lib.context.get("kb").split(",") if p)).records.values(),
                         key=lambda r: r.name):
        if len(out) >= limit:
            break
        if not needle or any(needle in n.casefold() for n in [record.name, *record.aliases]):
            out.setdefault(record.name, {"name": record.name, "type": record.type, "from": "knowledge base"})
    return list(out.values())[:limit]


@router.get("/suggest", summary="Entity names for the entity filter")
def api_suggest(q: str = Query("", description="Text the name or an alias holds"),
                limit: int = Query(20, ge=1, le=MAX_HITS), lib: Library = Depends(library)) -> dict[str, Any]:
    """Names from the stored documents first, then from the knowledge base."""
    return {"items": suggestions(lib, q, limit)}


@router.get("/search", summary="Full-text search (SQLite FTS5) over titles and texts")
def api_search(q: str = Query(..., min_length=1, description='FTS5 query, e.g. "konferensi video"'),
               limit: int = Query(20, ge=1, le=MAX_HITS), lib: Library = Depends(library)) -> dict[str, Any]:
    """Documents best first, with a snippet in which the matched words are [bracketed]."""
    try:
        hits = lib.search(q, limit)
    except StoreError as exc:
        raise BadParameter("q", str(exc)) from exc
    by_doc = lib.snapshot().by_doc
    return {"items": [{"id": d, "title": by_doc[d].label if d in by_doc else d, "snippet": s} for d, s in hits]}


class Article(BaseModel):
    """One article to ingest: `text` (plain text) or `html` (a whole page), as a line of a JSONL input."""

    text: str = ""
    html: str = ""
    title: str = ""
    url: str = ""
    date: str = Field("", description="Publication date when known (YYYY-MM-DD)")
    id: str = Field("", description="Id to store it under (default: posted-N)")

    @model_validator(mode="after")
    def _has_body(self) -> "Article":
        if not (self.text.strip() or self.html.strip()):
            raise ValueError("an article needs `text` or `html`")
        return self


class Articles(BaseModel):
    articles: list[Article] = Field(min_length=1, max_length=MAX_POSTED_ARTICLES)


def require_token(request: Request, authorization: str = Header("", description="Bearer LINIMASA_TOKEN")) -> None:
    """Writes need the server's LINIMASA_TOKEN as a bearer token; a server started without one is read-only."""
    token = request.app.state.library.token
    if not token:
        raise HTTPException(403, "this server is read-only; restart `linimasa serve` with LINIMASA_TOKEN set to "
                                 "allow writes")
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise HTTPException(401, "writes need the header `Authorization: Bearer <LINIMASA_TOKEN>`",
                            headers={"WWW-Authenticate": "Bearer"})
    if not secrets.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(403, "wrong token; send the LINIMASA_TOKEN the server was started with")


@router.post("/documents", summary="Ingest articles through the pipeline (needs LINIMASA_TOKEN)", status_code=201,
             dependencies=[Depends(require_token)])
def api_ingest(body: Articles, lib: Library = Depends(library)) -> dict[str, Any]:
    """Runs the articles through the whole pipeline into the database, as `linimasa run` runs a JSONL file;
    says which were stored, already stored or skipped (and why)."""
    return lib.ingest([a.model_dump() for a in body.articles])
