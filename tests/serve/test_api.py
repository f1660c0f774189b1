"""The JSON API on the seeds: every endpoint, the filters and pages, bad parameters (400 naming the parameter),
the exports, and the token rule for writes."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

from linimasa.corpus.timeline import filter_timeline, stored_timeline
from linimasa.serve import create_app
from linimasa.settings import Context

BIDEN_PUTIN = {"entity": ["Joe Biden", "Vladimir Putin"]}
CALL_DAY = "2021-12-30"
CALL_SOURCES = {"004_6ec3a7005892a893", "001_86cd6f01714b256d"}  # 004 announces the call, 001 reports it held


@pytest.fixture(scope="module")
def expected(corpus):
    """What `linimasa timeline --entity "Joe Biden" --entity "Vladimir Putin"` prints, built the CLI's way."""
    built = stored_timeline(corpus.store, min_confidence=Context.create().get("min_confidence"))
    return filter_timeline(built, BIDEN_PUTIN["entity"]).events


@pytest.fixture(scope="module")
def call(client) -> dict:
    events = client.get("/api/timeline", params=BIDEN_PUTIN).json()["events"]
    (found,) = [e for e in events if e["date"] == CALL_DAY]
    return client.get(f"/api/events/{found['id']}").json()


def test_timeline_filtered_to_biden_and_putin_is_what_the_cli_prints(client, expected, gold):
    body = client.get("/api/timeline", params=BIDEN_PUTIN).json()
    got = [(e["date"], e["type"], e["status"]) for e in body["events"]]
    assert got == [(e.date, e.type, e.status) for e in expected]
    assert body["total"] == len(expected) and body["filters"] == BIDEN_PUTIN
    for key in gold["timeline"]["query_biden_putin"]:
        g = next(e for e in gold["timeline"]["events"] if e["id"] == key)
        if key != "last-call":  # month-level in the gold; the day-level call of 2022-02 is found as 2022-02-19
            assert any(d.startswith(g["date"]) and s == g["status"] for d, _, s in got), key


def test_timeline_pages_cover_the_selection_once(client):
    whole = client.get("/api/timeline").json()
    assert whole["total"] > 45 and whole["pages"] == -(-whole["total"] // 50)
    seen = []
    for number in range(1, 4):
        body = client.get("/api/timeline", params={"per_page": 15, "page": number}).json()
        seen += [e["id"] for e in body["events"]]
        assert body["page"] == number and body["per_page"] == 15
    assert len(seen) == len(set(seen)) == min(45, whole["total"])
    beyond = client.get("/api/timeline", params={"page": 999}).json()
    assert beyond["events"] == [] and beyond["total"] == whole["total"]


@pytest.mark.parametrize("params, holds", [
    ({"type": "agree"}, lambda e: e["type"] == "AGREE"),
    ({"status": ["planned", "proposed"]}, lambda e: e["status"] in ("planned", "proposed")),
    ({"from": "2022-01", "to": "2022-02-20"}, lambda e: "2022-01" <= e["date"][:10] <= "2022-02-20"),
    ({"q": "Griner"}, lambda e: "000_3d91c75fc923eec8" in e["sources"]),
])
def test_timeline_filters(client, params, holds):
    events = client.get("/api/timeline", params=params | {"per_page": 500}).json()["events"]
    assert events and all(holds(e) for e in events)
    assert len(events) < client.get("/api/timeline").json()["total"]


@pytest.mark.parametrize("path, params, name", [
    ("/api/timeline", {"from": "2021-13"}, "from"),
    ("/api/timeline", {"to": "yesterday"}, "to"),
    ("/api/timeline", {"from": "2022-02-30"}, "from"),
    ("/api/timeline", {"from": "2022", "to": "2021-12"}, "from"),
    ("/api/timeline", {"type": "PARTY"}, "type"),
    ("/api/timeline", {"status": "rumoured"}, "status"),
    ("/api/timeline", {"page": "0"}, "page"),
    ("/api/timeline", {"per_page": "100000"}, "per_page"),
    ("/api/timeline", {"min_confidence": "2"}, "min_confidence"),
    ("/api/timeline", {"q": '"unclosed'}, "q"),
    ("/api/export/csv", {"from": "30/12/2021"}, "from"),
    ("/api/mentions", {"type": "PARTY"}, "type"),
    ("/api/entities", {"type": "PLANET"}, "type"),
    ("/api/search", {"q": "AND"}, "q"),
    ("/api/search", {}, "q"),
])
def test_bad_parameters_are_a_400_naming_the_parameter(client, path, params, name):
    response = client.get(path, params=params)
    assert response.status_code == 400, response.text
    assert response.json()["error"].startswith(f"{name}:")


def test_unknown_export_format_and_ids_are_clear_4xx(client):
    assert client.get("/api/export/pdf").status_code == 400
    assert "json, csv, timelinejs" in client.get("/api/export/pdf").json()["error"].replace("'", "")
    for path in ("/api/events/e99999", "/api/documents/no-such-doc"):
        response = client.get(path)
        assert response.status_code == 404 and "no " in response.json()["error"]


def test_event_has_history_planned_then_happened_both_sources_and_marked_evidence(call):
    assert [h["status"] for h in call["status_history"]] == ["planned", "happened"]
    assert {s["id"] for s in call["sources"]} == CALL_SOURCES and call["independent_sources"] == 2
    reporter = next(s for s in call["sources"] if s["id"] == "001_86cd6f01714b256d")
    assert reporter["title"].startswith("Putin menanggapi") and reporter["published"]
    announcement = next(s for s in call["sources"] if s["id"] == "004_6ec3a7005892a893")
    assert {"name": "spam_removed", "detail": "1 spam line(s) removed", "count": 1} in announcement["flags"]
    assert "furniture_removed" in {f["name"] for f in reporter["flags"]}
    assert isinstance(call["conflicts"], list) and all(isinstance(c, str) for c in call["conflicts"])
    first = call["evidence"][0]
    assert '<mark class="trigger"' in first["html"] and '<mark class="participant" title="Joe Biden (actor)">' \
        in first["html"]


def test_documents_are_paged_and_a_document_shows_its_cleaning_and_marks(client):
    listed = client.get("/api/documents", params={"per_page": 2, "page": 3}).json()
    assert listed["total"] == 5 and listed["pages"] == 3 and len(listed["items"]) == 1
    doc = client.get("/api/documents/004_6ec3a7005892a893").json()
    assert {"line": 18, "text": "Posted By : keluaran hongkong malam ini", "reason": "spam (gambling/SEO words)"} \
        in doc["removed"]
    assert doc["published"]["source"] == "inferred" and doc["published"]["evidence"]
    assert doc["timexes"] and '<mark class="timex" title="DATE 2021-12-30">Kamis</mark>' in doc["html"]
    assert any(e["date"] == CALL_DAY for e in doc["events"])
    spam = next(f for f in doc["flags"] if f["name"] == "spam_removed")
    assert spam["evidence"] == ["line 18: Posted By : keluaran hongkong malam ini"]


def test_entities_suggestions_search_and_mentions(client):
    people = client.get("/api/entities", params={"type": "PER", "q": "biden"}).json()
    assert [e["name"] for e in people["items"]] == ["Joe Biden"] and len(people["items"][0]["documents"]) == 5
    suggested = client.get("/api/suggest", params={"q": "jenewa"}).json()["items"]
    assert {"name": "Geneva", "type": "LOC", "from": "documents"} in suggested
    assert any(s["from"] == "knowledge base" for s in client.get("/api/suggest", params={"q": "jakarta"}).json()["items"])
    hits = client.get("/api/search", params={"q": '"konferensi video"'}).json()["items"]
    assert hits[0]["id"] == "002_bf116a187980ad6a" and "[" in hits[0]["snippet"]
    planned = client.get("/api/mentions", params={"status": "planned", "per_page": 500}).json()
    assert planned["total"] > 0 and all(m["status"] == "planned" for m in planned["items"])


def test_exports_hold_the_selected_events(client, expected):
    csv_text = client.get("/api/export/csv", params=BIDEN_PUTIN)
    assert csv_text.headers["content-disposition"] == 'attachment; filename="linimasa-timeline.csv"'
    rows = list(csv.DictReader(io.StringIO(csv_text.text)))
    assert [(r["date"], r["status"]) for r in rows] == [(e.date, e.status) for e in expected]
    exported = client.get("/api/export/json", params=BIDEN_PUTIN).json()["events"]
    assert len(exported) == len(expected)
    assert all(list(e["source_flags"]) == e["sources"] for e in exported)  # each source with its flags
    slides = client.get("/api/export/timelinejs", params=BIDEN_PUTIN).json()["events"]
    assert 0 < len(slides) <= len(expected)
    ics = client.get("/api/export/ics", params=BIDEN_PUTIN)
    assert ics.headers["content-type"].startswith("text/calendar") and ics.text.startswith("BEGIN:VCALENDAR")


def test_openapi_describes_every_endpoint_and_pages_answer(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/timeline", "/api/export/{fmt}", "/api/events/{event_id}", "/api/mentions", "/api/documents",
            "/api/documents/{doc_id}", "/api/entities", "/api/suggest", "/api/search"} <= set(spec["paths"])
    assert "post" in spec["paths"]["/api/documents"]
    assert "/api/timeline" in client.get("/api").text
    bad = client.get("/", params={"from": "soon"})
    assert bad.status_code == 400 and "from: &#39;soon&#39; is not a date" in bad.text


def test_every_answer_carries_a_script_policy_without_inline_scripts(client):
    policy = client.get("/").headers["content-security-policy"]
    scripts = next(p for p in policy.split(";") if p.strip().startswith("script-src"))
    assert scripts.split() == ["script-src", "'self'"]
    assert client.get("/api/timeline").headers["x-content-type-options"] == "nosniff"


ARTICLE = {"title": "Biden dan Putin", "url": "https://example.org/berita", "date": "2022-01-03",
           "text": "Presiden Joe Biden berbicara dengan Vladimir Putin melalui telepon pada 30 Desember 2021."}


def test_writes_are_refused_without_a_token_on_the_server(client):
    response = client.post("/api/documents", json={"articles": [ARTICLE]}, headers={"Authorization": "Bearer x"})
    assert response.status_code == 403 and "LINIMASA_TOKEN" in response.json()["error"]


def test_writes_need_the_right_token_and_go_through_the_pipeline(tmp_path):
    with TestClient(create_app(tmp_path / "posted.db", token="s3cret")) as writer:
        body = {"articles": [ARTICLE]}
        assert writer.post("/api/documents", json=body).status_code == 401
        assert writer.post("/api/documents", json=body, headers={"Authorization": "Bearer nope"}).status_code == 403
        assert writer.get("/api/documents").json()["total"] == 0
        empty = writer.post("/api/documents", json={"articles": [{"title": "x"}]},
                            headers={"Authorization": "Bearer s3cret"})
        assert empty.status_code == 400 and "text" in empty.json()["error"]
        done = writer.post("/api/documents", json=body, headers={"Authorization": "Bearer s3cret"})
        assert done.status_code == 201, done.text
        assert done.json()["stored"] == 1 and done.json()["documents"] == ["posted-1"]
        again = writer.post("/api/documents", json=body, headers={"Authorization": "Bearer s3cret"}).json()
        assert again["stored"] == 0 and again["already_stored"] == 1
        doc = writer.get("/api/documents/posted-1").json()
        assert doc["url"] == ARTICLE["url"] and doc["title"] == ARTICLE["title"]
        events = writer.get("/api/timeline", params=BIDEN_PUTIN).json()["events"]
        assert [(e["date"], e["status"]) for e in events] == [(CALL_DAY, "happened")]
        repost = ARTICLE | {"url": "https://example.net/salinan", "text": ARTICLE["text"] + " Baca juga: berita lain."}
        (copy_id,) = writer.post("/api/documents", json={"articles": [repost]},
                                 headers={"Authorization": "Bearer s3cret"}).json()["documents"]
        assert writer.get(f"/api/documents/{copy_id}").json()["copy_of"] == "posted-1"
        assert writer.get("/api/documents/posted-1").json()["copies"] == [copy_id]
        (call,) = writer.get("/api/timeline", params=BIDEN_PUTIN).json()["events"]
        assert call["independent_sources"] == 1  # the repost adds no independent source
