"""Spanish was added as a data file only (linimasa/lang/es.toml): these tests show the engine picks it up."""

from __future__ import annotations

import gzip
import json
from datetime import date

import pytest

import linimasa
from linimasa import lang
from linimasa.stages.language import identify
from linimasa.stages.timex import tag_text
from tests.conftest import SHARED


def test_spanish_is_available():
    assert "es" in lang.available()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("El presidente anunció el martes que habrá elecciones.", [("el martes", "DATE", "2011-01-18")]),
        ("Las elecciones se celebrarán el próximo 25 de septiembre.", [("25 de septiembre", "DATE", "2011-09-25")]),
        ("Hace tres días hubo protestas en El Cairo.", [("Hace tres días", "DATE", "2011-01-20")]),
        ("Las protestas del 20 de enero de 2011 fueron masivas.", [("20 de enero de 2011", "DATE", "2011-01-20")]),
        ("La semana pasada el ministro dimitió.", [("semana pasada", "DATE", "2011-W02")]),
        ("Ayer por la noche se oyeron disparos.", [("Ayer por la noche", "TIME", "2011-01-22TNI")]),
        ("Las negociaciones duraron dos semanas.", [("dos semanas", "DURATION", "P2W")]),
    ],
)
def test_spanish_time_expressions(text, expected):
    found = [(t.span.text, t.type, t.value) for t in tag_text(text, "es", date(2011, 1, 23))]
    assert found == expected


def test_ml_crisis_spanish_articles_are_identified_and_processed(tmp_path):
    path = SHARED / "eval-data" / "ml-crisis" / "es" / "egypt.articles.jsonl.gz"
    lines = gzip.open(path, "rt", encoding="utf-8").read().splitlines()[:5]
    sample = tmp_path / "egypt.jsonl"
    sample.write_text("\n".join(json.dumps({"id": json.loads(x)["id"], "text": json.loads(x)["text"]}) for x in lines))
    corpus = linimasa.process([sample], db=str(tmp_path / "x.db"))
    assert [d.lang for d in corpus.documents] == ["es"] * len(corpus.documents)
    assert any(d.timexes for d in corpus.documents)
    assert identify("Miles de manifestantes salieron a las calles de El Cairo.")[0] == "es"
