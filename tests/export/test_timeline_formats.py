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
                          "independent_sources", "source_flags", "summary", "evidence"}
        assert list(e["source_flags"]) == e["sources"]  # every source, in the event's order, with its flags
        originals = {next((f["detail"] for f in e["source_flags"][s] if f["name"] == "copy"), s) for s in e["sources"]}
        assert e["independent_sources"] == len(originals) >= 1
    call = [e for e in out["events"] if e["date"] == "2021-12-30"]
    assert [h["status"] for h in call[0]["status_history"]] == ["planned", "happened"]


def test_every_source_shows_its_flags_in_json_csv_and_markdown(corpus):
    """004 (the announcement of the 30 December call) had a gambling byline removed: each format says so with it,
    and 001, the report of the call, carries its content-farm furniture."""
    out = json.loads(_run(corpus, *QUERY, "--format", "json"))
    (call,) = [e for e in out["events"] if e["date"] == "2021-12-30"]
    assert call["independent_sources"] == 2
    spam = [f for f in call["source_flags"]["004_6ec3a7005892a893"] if f["name"] == "spam_removed"]
    assert spam == [{"name": "spam_removed", "detail": "1 spam line(s) removed", "count": 1}]
    assert "furniture_removed" in {f["name"] for f in call["source_flags"]["001_86cd6f01714b256d"]}
    assert not {f["name"] for f in call["source_flags"]["004_6ec3a7005892a893"]} & {"furniture_removed", "copy"}

    rows = list(csv.DictReader(io.StringIO(_run(corpus, *QUERY, "--format", "csv"))))
    (row,) = [r for r in rows if r["date"] == "2021-12-30"]
    cells = dict(cell.split(" (", 1) for cell in row["source_flags"].split("; "))
    assert set(cells) == set(call["sources"]) and "spam_removed" in cells["004_6ec3a7005892a893"]

    markdown = _run(corpus, *QUERY, "--format", "markdown")
    bullet = next(line for line in markdown.splitlines() if "004\\_6ec3a7005892a893 \\(spam\\_removed" in line)
    assert bullet.startswith("  _sources:")


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
