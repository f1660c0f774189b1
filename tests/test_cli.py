"""The `linimasa` command as a user runs it (a real subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import GOLD, SEEDS


def linimasa(*args: str, input: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "linimasa", *args], capture_output=True, text=True, input=input,
                          timeout=300)


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "seeds.db"
    result = linimasa("run", str(SEEDS), "--db", str(db), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "documents read: 5, stored: 5, already stored: 0, skipped: 0" in result.stderr
    assert "events" in json.loads(result.stdout)
    return str(db)


def test_docs_jsonl_has_the_documented_shape(seeds_db):
    result = linimasa("docs", "--db", seeds_db, "--format", "jsonl")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["id"] for r in records) == sorted(GOLD["docs"])
    for r in records:
        assert set(r) == {"id", "source", "title", "lang", "published", "text", "removed", "problems"}
        assert r["lang"] == "id" and r["source"].endswith(r["id"] + ".txt")
        assert all(set(x) == {"line", "text", "reason"} for x in r["removed"])
    by_id = {r["id"]: r for r in records}
    assert by_id["002_bf116a187980ad6a"]["published"]["date"] == "2021-12-08"
    assert set(by_id["002_bf116a187980ad6a"]["published"]) >= {"date", "source", "confidence"}


def test_timeline_json_shape_and_entity_filter(seeds_db):
    result = linimasa("timeline", "--db", seeds_db, "--entity", "Putin", "--format", "json")
    events = json.loads(result.stdout)["events"]
    assert events
    for e in events:
        assert {"date", "type", "participants", "status", "sources", "summary"} <= set(e)
        assert "Vladimir Putin" in e["participants"]
    dates = [e["date"] for e in events]
    dated = [d for d in dates if d]
    assert dated and dated == sorted(dated)
    assert dates == dated + [""] * (len(dates) - len(dated))  # what no article dates (background) comes last


def test_run_reports_skipped_input_and_exits_3(tmp_path):
    (tmp_path / "good.txt").write_text("Judul berita\n\nBiden dan Putin berbicara melalui telepon pada 30 Desember 2021.")
    (tmp_path / "junk.txt").write_bytes(b"\x00\xff" * 100)
    (tmp_path / "empty.html").write_text("")
    result = linimasa("run", str(tmp_path), "--db", str(tmp_path / "x.db"))
    assert result.returncode == 3
    assert "stored: 1" in result.stderr and "skipped: 2" in result.stderr
    assert "junk.txt: binary" in result.stderr and "empty.html: empty" in result.stderr


def test_html_page_with_scripts_and_no_article_is_skipped_not_fatal(tmp_path):
    evil = "<html><head><script>while(1){}</script></head><body>" + "<div>" * 5000 + "</div>" * 5000
    evil += "<iframe src='javascript:alert(1)'></iframe><!--" + "x" * 10000 + "--></body></html>"
    (tmp_path / "evil.html").write_text(evil)
    result = linimasa("run", str(tmp_path / "evil.html"), "--db", str(tmp_path / "x.db"))
    assert result.returncode == 3 and "no article text" in result.stderr


def test_missing_database_is_a_clear_error(tmp_path):
    result = linimasa("docs", "--db", str(tmp_path / "nope.db"))
    assert result.returncode == 1 and "no such database" in result.stderr


def test_timex_command_prints_offsets_into_the_given_text():
    text = "Biden dan Putin akan berbicara Kamis. Blinken berbicara pada hari Rabu."
    result = linimasa("timex", "--lang", "id", "--anchor", "2021-12-29", "-", input=text)
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(f["text"], f["value"]) for f in found] == [("Kamis", "2021-12-30"), ("hari Rabu", "2021-12-29")]
    assert all(text[f["start"]:f["end"]] == f["text"] for f in found)


def test_bad_setting_is_a_clear_error(tmp_path):
    result = linimasa("run", str(SEEDS), "--db", str(tmp_path / "x.db"), "--setting", "nope=1")
    assert result.returncode == 1 and "unknown setting 'nope'" in result.stderr


def test_a_setting_of_the_wrong_kind_is_a_clear_error(tmp_path, seeds_db):
    result = linimasa("run", str(SEEDS), "--db", str(tmp_path / "x.db"), "--setting", "max_bytes=ten")
    assert result.returncode == 1 and "max_bytes" in result.stderr and "whole number" in result.stderr
    assert "Traceback" not in result.stderr
    env = subprocess.run([sys.executable, "-m", "linimasa", "events", "--db", seeds_db], capture_output=True,
                         text=True, timeout=300, env={**os.environ, "LINIMASA_MIN_CONFIDENCE": "abc"})
    assert env.returncode == 1 and "min_confidence" in env.stderr and "Traceback" not in env.stderr


def test_entities_command_lists_types_aliases_and_documents(seeds_db):
    rows = [json.loads(line) for line in linimasa("entities", "--db", seeds_db).stdout.splitlines()]
    by_name = {r["name"]: r for r in rows}
    assert by_name["Volodymyr Zelenskyy"]["type"] == "PER"
    assert {"Zelenskiy", "Volodymyr Zelensky"} <= set(by_name["Volodymyr Zelenskyy"]["aliases"])
    assert len(by_name["Joe Biden"]["documents"]) == 5 and by_name["Joe Biden"]["mentions"] >= 5
    assert set(by_name["Yuri Ushakov"]["role_variants"]) == {"penasihat Kremlin", "Kanselir Rusia"}


def test_events_command_filters_by_type_and_status(seeds_db):
    out = linimasa("events", "--db", seeds_db, "--type", "consult", "--status", "planned").stdout
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and all(r["type"] == "CONSULT" and r["status"] == "planned" and r["status_cue"] for r in rows)
    assert {"doc_id", "sentence", "span", "trigger", "trigger_span", "actors", "targets", "source", "location",
            "mode", "date"} <= set(rows[0])


def test_events_command_says_why_it_shows_nothing(seeds_db):
    # a type whose every mention is below the top confidence (a calibrated confidence may reach 1.0)
    every = [json.loads(line) for line in linimasa("events", "--db", seeds_db, "--min-confidence", "0").stdout.splitlines()]
    top: dict[str, float] = {}
    for m in every:
        top[m["type"]] = max(top.get(m["type"], 0.0), m["confidence"])
    type_ = min(top, key=top.get)
    assert top[type_] < 1
    done = linimasa("events", "--db", seeds_db, "--min-confidence", "1", "--type", type_.lower())
    assert done.returncode == 0 and done.stdout == ""
    assert "below the confidence threshold 1" in done.stderr and "--min-confidence" in done.stderr
    # no mention of the type at all: no threshold to blame (the fallback 0.28 was named before, misleading)
    absent = sorted({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                     "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"} - set(top))[0]
    none = linimasa("events", "--db", seeds_db, "--type", absent)
    assert none.returncode == 0 and none.stdout == ""
    assert "none stored of that type or status" in none.stderr and "threshold" not in none.stderr


@pytest.mark.parametrize("command", ["events", "timeline"])
def test_the_help_tells_the_default_threshold_each_language_file_holds(command):
    from linimasa.events.threshold import default_threshold

    text = " ".join(linimasa(command, "--help").stdout.split())
    assert f"{default_threshold('en'):g} (en), {default_threshold('id'):g} (id)" in text
