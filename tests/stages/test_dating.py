from datetime import date

from linimasa.stages.dating import parse_date_line
from linimasa.stages.sentences import split
from linimasa.temporal.infer import infer_published


def test_seed_002_states_its_date_in_the_page_header(seed_docs):
    published = seed_docs["002_bf116a187980ad6a"].published
    assert (published.date, published.source) == ("2021-12-08", "page")
    assert "8 December 2021" in published.evidence


def test_date_lines():
    assert parse_date_line("Senin, 29 Desember 2014", "id") == "2014-12-29"
    assert parse_date_line("8/12/2021", "id") == "2021-12-08"
    assert parse_date_line("Putin ingin bertemu Biden di G20") is None
    assert parse_date_line("| BUKTI 2 |") is None


def test_seed_003_date_is_inferred_from_its_content(seed_docs, gold):
    published = seed_docs["003_044cb8c118862d94"].published
    expected = gold["docs"]["003_044cb8c118862d94"]["published"]
    assert published.source == "inferred" and 0 < published.confidence < 0.9
    delta = abs((date.fromisoformat(published.date) - date.fromisoformat(expected["date"])).days)
    assert delta <= expected["tolerance_days"]


def test_no_calendar_day_stated_means_no_inferred_date():
    text = "Biden akan menelepon Putin pada hari Kamis."
    assert infer_published(text, split(text, "id"), "id") is None
