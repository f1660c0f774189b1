"""Short forms joined to the longer names of the same document (linimasa/entities/link.py), through the entities
stage."""

from linimasa.model import Document
from linimasa.pipeline import Pipeline
from linimasa.settings import Context

STAGES = ("clean", "language", "sentences", "dating", "timex", "entities")


def entities_of(text: str) -> Document:
    doc = Document(id="t", source="t", media_type="text/plain", content_sha256="", content=text)
    return Pipeline(STAGES)(doc, Context.create({"languages": "en,id"}))


def test_a_generic_head_alone_is_not_the_longer_name_it_ends():
    doc = entities_of("The White House said on Monday it would act. The House hearing opened on Tuesday.")
    house = [m for m in doc.mentions if m.span.text == "House"]
    white = next(m for m in doc.mentions if m.span.text == "White House")
    assert house and all(m.entity_id != white.entity_id for m in house)


def test_a_person_called_by_the_name_after_the_initials_is_that_person():
    text = ("Kementerian Ketenagakerjaan membentuk gugus tugas untuk tenaga kerja di luar negeri, kata Direktur "
            "Penempatan Kemnaker, R. Soes Hindharno, di Jakarta, Selasa. \" Tim ini dalam pengawasan langsung "
            "Menaker, \" kata Soes.")
    doc = entities_of(text)
    full = next(m for m in doc.mentions if m.span.text == "R. Soes Hindharno")
    short = [m for m in doc.mentions if m.span.text == "Soes"]
    assert short and all(m.entity_id == full.entity_id and m.type == "PER" for m in short), [
        (m.span.text, m.type, m.entity_id) for m in doc.mentions]


def test_a_surname_the_model_called_a_place_joins_the_person_and_is_a_person():
    # ("In Tokyo, Aso criticized ...": a place is never an actor, so the criticism had lost its actor)
    from linimasa.entities.link import link
    from linimasa.entities.recognise import Found
    from linimasa.kb import load_kb

    text = "Prime Minister Taro Aso met reporters. In Tokyo, Aso criticized the plan."
    found = [Found(text.index("Taro Aso"), text.index("Taro Aso") + 8, "Taro Aso", "PER", how="model"),
             Found(text.rindex("Aso"), text.rindex("Aso") + 3, "Aso", "LOC", how="model")]
    link(found, load_kb(), "en")
    assert (found[1].entity_id, found[1].type) == ("name:taro-aso", "PER")
