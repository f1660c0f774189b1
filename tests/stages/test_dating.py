from linimasa.stages.dating import parse_date_line


def test_seed_002_states_its_date_in_the_page_header(seed_docs):
    published = seed_docs["002_bf116a187980ad6a"].published
    assert (published.date, published.source) == ("2021-12-08", "page")
    assert "8 December 2021" in published.evidence


def test_date_lines():
    assert parse_date_line("Senin, 29 Desember 2014", "id") == "2014-12-29"
    assert parse_date_line("8/12/2021", "id") == "2021-12-08"
    assert parse_date_line("Putin ingin bertemu Biden di G20") is None
    assert parse_date_line("| BUKTI 2 |") is None
