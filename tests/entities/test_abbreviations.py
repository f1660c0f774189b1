"""Short forms a document defines in brackets (linimasa/entities/abbreviations.py), through the entities stage."""

import pytest

from linimasa.entities.abbreviations import defines, initials_of
from linimasa.model import Document
from linimasa.pipeline import Pipeline
from linimasa.settings import Context

STAGES = ("clean", "language", "sentences", "dating", "timex", "entities")


def entities_of(text: str) -> Document:
    doc = Document(id="t", source="t", media_type="text/plain", content_sha256="", content=text)
    return Pipeline(STAGES)(doc, Context.create({"languages": "en,id"}))


@pytest.mark.parametrize(("name", "short", "expected"), [
    ("Badan Kebijakan Fiskal", "BKF", True),
    ("Pemerintah Daerah", "Pemda", True),  # a syllable abbreviation
    ("Susilo Bambang Yudhoyono", "SBY", True),
    ("PT Semen Baturaja", "Persero", False),  # the company's legal form, not its short name
    ("Jakarta", "ANTARA", False),
    ("BKF", "BKF", False),
])
def test_what_a_short_form_abbreviates(name, short, expected):
    assert defines(name, short) is expected


def test_a_defined_short_form_names_the_same_entity_everywhere_after():
    doc = entities_of("Pejabat Badan Kebijakan Fiskal (BKF) bertemu wartawan di Jakarta pada Senin. "
                      "Menurut BKF, defisit anggaran tahun ini akan turun.")
    bkf = [m for m in doc.mentions if m.span.text == "BKF"]
    assert len(bkf) == 2
    full = next(m for m in doc.mentions if m.span.text == "Badan Kebijakan Fiskal")
    assert {m.entity_id for m in bkf} == {full.entity_id}
    entity = next(e for e in doc.entities if e.id == full.entity_id)
    assert entity.name == "Badan Kebijakan Fiskal" and "BKF" in entity.aliases


@pytest.mark.parametrize(("name", "initials"), [
    ("Partai Demokrasi Indonesia Perjuangan", "PDIP"),
    ("Bureau of Ocean Energy Management", "BOEM"),  # a word in lower case is no initial
    ("Pemerintah Daerah", ""),  # two words: "PD" stands for too many names
])
def test_the_initials_of_a_name(name, initials):
    assert initials_of(name) == initials


def test_a_bodys_initials_used_later_without_brackets_name_the_same_body():
    doc = entities_of("Emil Dardak dipecat Partai Demokrasi Indonesia Perjuangan pada Januari. "
                      "Emil mengatakan tetap menghormati PDIP dan keputusan partai itu.")
    full = next(m for m in doc.mentions if m.span.text == "Partai Demokrasi Indonesia Perjuangan")
    assert [m.entity_id for m in doc.mentions if m.span.text == "PDIP"] == [full.entity_id]


def test_letters_that_are_no_bodys_initials_stay_apart():
    doc = entities_of("Komisi Pemberantasan Korupsi memeriksa pejabat itu. Menurut PDIP, pemeriksaan itu wajar.")
    kpk = next(m for m in doc.mentions if m.span.text == "Komisi Pemberantasan Korupsi")
    assert all(m.entity_id != kpk.entity_id for m in doc.mentions if m.span.text == "PDIP")


def test_a_bracket_that_defines_nothing_joins_nothing():
    doc = entities_of("Polisi menangkap MSH (34) di rumahnya di Depok pada Senin malam.")
    assert not any(m.span.text == "34" for m in doc.mentions)
    assert all(e.aliases == [] for e in doc.entities if e.name == "MSH")



def test_initials_given_to_a_person_name_that_person_not_the_country_with_those_letters():
    doc = entities_of("Polisi menangkap pelaku berinisial AS di Bekasi pada Senin. AS mengaku menyesal. "
                      "Korban lain, RN (27), dirawat di rumah sakit. H adalah adik ipar BS (pelaku), kerabat BS.")
    letters = [m for m in doc.mentions if m.span.text in ("AS", "RN", "BS")]
    assert [m.span.text for m in letters] == ["AS", "AS", "RN", "BS", "BS"]
    assert {m.type for m in letters} == {"PER"}
    assert not any(m.entity_id.startswith("kb:") for m in letters)


def test_the_country_stays_the_country_where_no_initials_are_given():
    doc = entities_of("Presiden AS Joe Biden bertemu Presiden Joko Widodo di Jakarta pada Senin.")
    us = next(m for m in doc.mentions if m.span.text == "AS")
    assert us.entity_id == "kb:united-states"
