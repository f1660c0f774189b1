"""French and Italian were added as data files only (linimasa/lang/fr.toml, it.toml), for ML-Crisis."""

from __future__ import annotations

import gzip
import json
from datetime import date

import pytest

import linimasa
from linimasa import lang
from linimasa.events.lexicon import lexicon
from linimasa.events.status import decide
from linimasa.stages.language import identify
from linimasa.stages.timex import tag_text
from tests.conftest import SHARED

ANCHOR = date(2011, 9, 28)  # a Wednesday


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("fr", "Il y a trois jours, des manifestants ont envahi la place.", [("Il y a trois jours", "DATE", "2011-09-25")]),
    ("fr", "Le sommet se tiendra lundi prochain à Paris.", [("lundi prochain", "DATE", "2011-10-03")]),
    ("fr", "Le cessez-le-feu du 25 septembre 2011 a tenu.", [("25 septembre 2011", "DATE", "2011-09-25")]),
    ("fr", "Hier, le ministre a démissionné.", [("Hier", "DATE", "2011-09-27")]),
    ("fr", "Les combats ont duré deux semaines.", [("deux semaines", "DURATION", "P2W")]),
    ("it", "Tre giorni fa i manifestanti hanno occupato la piazza.", [("Tre giorni fa", "DATE", "2011-09-25")]),
    ("it", "Il vertice si terrà lunedì prossimo a Roma.", [("lunedì prossimo", "DATE", "2011-10-03")]),
    ("it", "La tregua del 25 settembre 2011 ha retto.", [("25 settembre 2011", "DATE", "2011-09-25")]),
    ("it", "Ieri il ministro si è dimesso.", [("Ieri", "DATE", "2011-09-27")]),
    ("it", "I combattimenti sono durati due settimane.", [("due settimane", "DURATION", "P2W")]),
])
def test_time_expressions(code, text, expected):
    assert code in lang.available()
    assert [(t.span.text, t.type, t.value) for t in tag_text(text, code, ANCHOR)] == expected


@pytest.mark.parametrize(("code", "text", "trigger", "status"), [
    ("fr", "Le président rencontrera son homologue si la trêve tient.", "rencontre", "conditional"),
    ("fr", "Les deux ministres vont discuter du plan.", "discuter", "planned"),
    ("it", "Il presidente incontrerà il premier se la tregua regge.", "incontr", "conditional"),
    ("it", "I ministri non hanno discusso il piano.", "hanno discusso", "negated"),
])
def test_status_cues(code, text, trigger, status):
    start = text.index(trigger)
    assert decide(text, start, start + len(trigger), lexicon(code))[0] == status


@pytest.mark.parametrize("code", ["fr", "it"])
def test_ml_crisis_articles_are_identified_and_dated(code, tmp_path):
    path = SHARED / "eval-data" / "ml-crisis" / code / "libya.articles.jsonl.gz"
    lines = gzip.open(path, "rt", encoding="utf-8").read().splitlines()[:5]
    sample = tmp_path / "libya.jsonl"
    sample.write_text("\n".join(json.dumps({"id": json.loads(x)["id"], "text": json.loads(x)["text"],
                                            "date": json.loads(x)["date"]}) for x in lines))
    corpus = linimasa.process([sample], db=str(tmp_path / "x.db"))
    assert [d.lang for d in corpus.documents] == [code] * len(corpus.documents)
    assert any(t.value[:1].isdigit() for d in corpus.documents for t in d.timexes)
    assert identify({"fr": "Des milliers de manifestants sont descendus dans les rues de Tripoli.",
                     "it": "Migliaia di manifestanti sono scesi nelle strade di Tripoli."}[code])[0] == code
