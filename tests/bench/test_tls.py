"""The TLS benchmark scores what `linimasa timeline` prints: on a 20-article slice of a Timeline17 topic built by
`linimasa run`, the bench's summary and the command's are the same, and the gold's setting is read as news-tls
reads it."""

import gzip
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from linimasa.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import tls as bench  # noqa: E402

TOPIC = bench.SHARED / "timeline17" / "H1N1_guardian"
SLICE = 20  # articles: enough for several dated days, small enough for a test


@pytest.fixture(scope="module")
def sliced(tmp_path_factory):
    if not TOPIC.exists():
        pytest.skip(f"{TOPIC} missing: the Timeline17 eval data lives in ../shared/eval-data")
    folder = tmp_path_factory.mktemp("tls")
    with gzip.open(TOPIC / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        lines = [line for line in f if line.strip()][:SLICE]
    articles = folder / "articles.jsonl.gz"
    with gzip.open(articles, "wt", encoding="utf-8") as f:
        f.writelines(lines)
    db = folder / "slice.db"
    result = CliRunner().invoke(main, ["run", str(articles), "--db", str(db), "--format", "json",
                                       "--setting", "languages=en", "--setting", "default_lang=en"])
    assert result.exit_code == 0, result.output
    return db


def test_the_bench_and_the_command_give_the_same_summary(sliced):
    gold = bench.read_timelines(next((TOPIC / "timelines").glob("*.txt")))
    settings = bench.protocol(gold) | {"max_dates": 4}
    summaries, _ = bench.summarise_topic(sliced, settings, query="swine flu")
    result = CliRunner().invoke(main, ["timeline", "--db", str(sliced), "--query", "swine flu",
                                       "--from", settings["date_from"], "--to", settings["date_to"],
                                       "--max-dates", "4", "--sentences-per-date", str(settings["per_date"])])
    assert result.exit_code == 0, result.output
    printed = {d["date"]: d["summary"] for d in json.loads(result.output)["dates"]}
    assert summaries and printed == summaries
    assert all(settings["date_from"] <= d <= settings["date_to"] for d in printed)
    assert all(0 < len(texts) <= settings["per_date"] for texts in printed.values())


def test_a_query_keeps_only_the_matching_articles(sliced):
    result = CliRunner().invoke(main, ["timeline", "--db", str(sliced), "--query", "Mexico NOT Mexico"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["events"] == []
    result = CliRunner().invoke(main, ["timeline", "--db", str(sliced), "--query", '"swine flu'])
    assert result.exit_code != 0 and "double quotes" in result.output


def test_the_protocol_is_news_tls_s():
    gold = {bench.date(2009, 4, 25): ["a", "b", "c"], bench.date(2009, 4, 28): ["d"]}
    assert bench.protocol(gold) == {"max_dates": 2, "per_date": 2, "date_from": "2009-04-25",
                                    "date_to": "2009-04-28"}


def test_a_topic_is_left_out_with_its_sister_folders():
    names = {t.name: t.group for t in bench.topics("t17")} if (bench.SHARED / "timeline17").exists() else {}
    if not names:
        pytest.skip("Timeline17 eval data missing")
    assert names["H1N1_bbc"] == names["H1N1_reuters"] == "h1n1" and names["bpoil_bbc"] == "bpoil"
    folds = bench.load_folds()
    assert set(names.values()) <= set(folds)
