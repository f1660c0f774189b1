"""Machine-translation signs on sentences written for the purpose: strong signs flag a page alone, weak ones
(a loan phrase, an English quote) only together."""

from __future__ import annotations

import pytest

from linimasa.model import Document, RemovedLine, Sentence, Span
from linimasa.sources.translation import machine_translated, translation_cues


def _doc(lang: str, text: str, title: str = "", removed: tuple[str, ...] = ()) -> Document:
    doc = Document("x", "x", "text/plain", "", lang=lang, title=title or None, text=text,
                   removed=[RemovedLine(i, t, "photo credit") for i, t in enumerate(removed)])
    start = 0
    for part in text.split("\n\n"):  # one sentence per paragraph is enough here
        doc.sentences.append(Sentence(Span(start, start + len(part), part)))
        start += len(part) + 2
    return doc


@pytest.mark.parametrize("doc, kinds, flagged", [
    (_doc("id", "Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada hari Senin."), [], False),
    (_doc("id", "Harga cabai, bawang, dll. dan sayuran lain naik lima persen menurut pedagang."), [], False),
    (_doc("id", "Perusahaan itu meluncurkan layanan point of sales untuk pedagang kecil di Jakarta."),
     ["untranslated words"], False),
    (_doc("id", "Macron berbicara melalui panggilan telepon back to back dengan Biden dan Putin.\n\n"
                "Ia mengatakan mereka harus bekerja sama, kata juru bicara.\n\n"
                "The two leaders agreed to meet again in Geneva next month, the official said."),
     ["untranslated words", "untranslated sentence (en)"], True),
    (_doc("id", "Biden dan Putin berbicara lewat video.", removed=("©Mikhail Metzel/KOLAM RENANG/TASS",)),
     ["calque: pool credit"], True),
    (_doc("id", "AS dan sekutunya menolak tuntutan itu. Mereka setuju. namun, untuk mengadakan pembicaraan."),
     ["calque: broken sentence"], True),
    (_doc("id", "Presiden Rusia Vladimir Putin mengadakan pembicaraan dengan Presiden AS Joe Biden.",
          title="Putin holds video talks with Biden about Ukraine"), ["title in another language (en)"], True),
    (_doc("en", "The president met his Russian counterpart in Geneva on Wednesday, officials said."), [], False),
])
def test_signs_of_machine_translation(doc, kinds, flagged):
    cues = translation_cues(doc)
    assert sorted({c.kind for c in cues}) == sorted(kinds)
    assert machine_translated(cues) is flagged
