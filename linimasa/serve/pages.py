"""The web pages (Jinja2 templates, autoescaped): the timeline with its filters, an event, a document, lists of
documents and entities, the embedded TimelineJS view and the API's documentation. They show the API's records."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from .api import Export, library, suggestions
from .data import Library
from .params import DEFAULT_PER_PAGE, MAX_PER_PAGE, STATUSES, TimelineQuery, event_types, timeline_query
from .records import document_detail, event_detail, event_record, summary_record
from .select import paged, paginate, select

# Names offered by the entity filter's list: the stored entities and the knowledge base, bounded for the page size.
SUGGESTIONS_ON_PAGE = 1500

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def render(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status_code)


@router.get("/")
def timeline_page(request: Request, query: TimelineQuery = Depends(timeline_query),
                  lib: Library = Depends(library)) -> HTMLResponse:
    snapshot = lib.snapshot()
    page = paginate(select(lib, query), query)
    return render(request, "timeline.html", query=query, page=page,
                  events=[event_record(e, snapshot) for e in page.events], by_doc=snapshot.by_doc,
                  types=event_types(), statuses=STATUSES, exports=[e.value for e in Export],
                  names=[s["name"] for s in suggestions(lib, "", SUGGESTIONS_ON_PAGE)],
                  documents=len(snapshot.documents))


@router.get("/events/{event_id}")
def event_page(request: Request, event_id: str, lib: Library = Depends(library)) -> HTMLResponse:
    snapshot = lib.snapshot()
    event = snapshot.event(event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}; the timeline lists the events")
    return render(request, "event.html", event=event_detail(event, snapshot, lib.document))


@router.get("/documents")
def documents_page(request: Request, page: int = Query(1, ge=1),
                   per_page: int = Query(DEFAULT_PER_PAGE, ge=1, le=MAX_PER_PAGE),
                   lib: Library = Depends(library)) -> HTMLResponse:
    return render(request, "documents.html", **paged([summary_record(d) for d in lib.snapshot().documents], page,
                                                     per_page))


@router.get("/documents/{doc_id}")
def document_page(request: Request, doc_id: str, event: str = Query("", description="Event whose evidence to mark"),
                  lib: Library = Depends(library)) -> HTMLResponse:
    snapshot = lib.snapshot()
    doc = lib.document(doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r}; the documents page lists them")
    return render(request, "document.html", doc=document_detail(doc, snapshot, snapshot.event(event)),
                  focus=event if snapshot.event(event) else "")


@router.get("/entities")
def entities_page(request: Request, page: int = Query(1, ge=1),
                  per_page: int = Query(100, ge=1, le=MAX_PER_PAGE), lib: Library = Depends(library)) -> HTMLResponse:
    return render(request, "entities.html", **paged([e.to_dict() for e in lib.snapshot().entities], page, per_page))


@router.get("/embed")
def embed_page(request: Request, query: TimelineQuery = Depends(timeline_query)) -> HTMLResponse:
    return render(request, "embed.html", query=query)


@router.get("/api")
def api_page(request: Request) -> HTMLResponse:
    return render(request, "api.html", spec=request.app.openapi())
