import csv
import io
import json

from click.testing import CliRunner
from icalendar import Calendar

from linimasa.cli import main

QUERY = ["--entity", "Joe Biden", "--entity", "Vladimir Putin"]


def _run(corpus, *args):
    result = CliRunner().invoke(main, ["timeline", "--db", corpus.store.path, *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_json_has_the_fields_users_read_and_the_call_history(corpus):
    out = json.loads(_run(corpus, *QUERY, "--format", "json"))
    for e in out["events"]:
        assert set(e) == {"date", "type", "participants", "location", "status", "status_history", "sources",
                          "summary", "evidence"}
    call = [e for e in out["events"] if e["date"] == "2021-12-30"]
    assert [h["status"] for h in call[0]["status_history"]] == ["planned", "happened"]


def test_csv_has_one_row_per_event(corpus):
    rows = list(csv.DictReader(io.StringIO(_run(corpus, *QUERY, "--format", "csv"))))
    assert len(rows) == len(json.loads(_run(corpus, *QUERY))["events"])
    assert any(r["status_history"].startswith("planned (004") for r in rows)


def test_timelinejs_slides_have_start_dates_and_headlines(corpus):
    out = json.loads(_run(corpus, "--format", "timelinejs"))
    assert out["title"]["text"]["headline"] and out["events"]
    for slide in out["events"]:
        assert slide["start_date"]["year"].isdigit() and slide["text"]["headline"]
    assert [s for s in out["events"] if s["start_date"] == {"year": "2021", "month": "12", "day": "30"}]


def test_ics_holds_only_unrealised_events_with_a_day(corpus):
    cal = Calendar.from_ical(_run(corpus, "--format", "ics").encode())
    events = list(cal.walk("VEVENT"))
    assert events and not [c for c in events if "(happened)" in str(c["summary"])]


def test_max_dates_and_sentences_per_date(corpus):
    out = json.loads(_run(corpus, *QUERY, "--max-dates", "2", "--sentences-per-date", "1"))
    assert len({e["date"] for e in out["events"]}) <= 2
    assert out["dates"] and all(len(d["summary"]) <= 1 for d in out["dates"])
