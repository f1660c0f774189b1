import pytest

from linimasa.kb import KnowledgeBaseError, load_kb, read_entries
from linimasa.kb.schedule import join_guests, meetings
from linimasa.model import EventMention, Span


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.mark.parametrize(
    ("name", "canonical", "etype"),
    [
        ("Jenewa", "Geneva", "LOC"),            # places file
        ("Moskwa", "Moscow", "LOC"),            # CLDR time-zone city name, added automatically
        ("Amerika Serikat", "United States", "LOC"),  # CLDR territory name (id)
        ("Estados Unidos", "United States", "LOC"),   # CLDR territory name (es)
        ("AS", "United States", "LOC"),         # press abbreviation (countries.yaml)
        ("Rusia", "Russia", "LOC"),
        ("Belarusia", "Belarus", "LOC"),
        ("Gedung Putih", "White House", "ORG"),
        ("Uni Eropa", "European Union", "ORG"),
        ("Zelenskiy", "Volodymyr Zelenskyy", "PER"),
        ("Del.", "Delaware", "LOC"),            # ISO 3166-2 subdivision + AP abbreviation
        ("Laut Hitam", "Black Sea", "LOC"),
    ],
)
def test_names_in_many_languages_resolve(kb, name, canonical, etype):
    records = [kb[i] for i in kb.by_name[name]]
    assert records[0].name == canonical and records[0].type == etype


def test_generic_names_need_their_country(kb):
    assert "Departemen Luar Negeri" not in kb.by_name
    assert kb[kb.by_context_name["Departemen Luar Negeri"][0]].name == "United States Department of State"


def test_user_files_extend_the_bundled_base(tmp_path):
    yml = tmp_path / "mine.yaml"
    yml.write_text("- {name: Yuri Ushakov, type: PER, aliases: [Juri Uschakow]}\n- {name: Sudirman, type: PER}\n")
    csv = tmp_path / "mine.csv"
    csv.write_text("name,type,aliases,wikidata,country\nKota Tua,LOC,Kota Tua Jakarta|Oud Batavia,,ID\n")
    kb = load_kb((str(yml), str(csv)))
    assert kb[kb.by_name["Juri Uschakow"][0]].name == "Yuri Ushakov"
    assert "Ushakov" in kb[kb.by_name["Juri Uschakow"][0]].short  # merged into the bundled record
    assert kb[kb.by_name["Oud Batavia"][0]].country == "ID"
    assert "Sudirman" in kb.by_name


@pytest.mark.parametrize(
    ("content", "suffix", "message"),
    [
        ("- {type: PER}\n", ".yaml", "needs a 'name'"),
        ("- {name: X, type: PERSON}\n", ".yaml", "use one of"),
        ("name: [unclosed\n", ".yaml", "not valid YAML"),
        ("a: 1\n", ".yaml", "list of entries"),
        ("x", ".txt", ".yaml, .yml or .csv"),
    ],
)
def test_bad_user_files_say_what_to_fix(tmp_path, content, suffix, message):
    path = tmp_path / f"bad{suffix}"
    path.write_text(content)
    with pytest.raises(KnowledgeBaseError, match=message):
        read_entries(path)


def test_missing_user_file_is_named(tmp_path):
    with pytest.raises(KnowledgeBaseError, match="no such"):
        read_entries(tmp_path / "nope.yaml")


def test_a_meetings_guests_join_a_report_only_when_the_article_names_them():
    g7 = next(m for m in meetings() if m.name.startswith("G7 leaders' emergency virtual meeting with Zelenskyy"))
    report = EventMention(doc_id="d", sentence=0, span=Span(0, 1, "x"), type="CONSULT", trigger="pertemuan",
                          date="2022-10-11", date_source="linked", status="happened", actors=["G7"])
    join_guests(report, g7, {"G7"})
    assert report.actors == ["G7"]
    join_guests(report, g7, {"G7", "Volodymyr Zelenskyy"})
    assert report.actors == ["G7", "Volodymyr Zelenskyy"]
