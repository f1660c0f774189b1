"""Readers on real files and on every kind of bad input: each is reported with a reason, none stops the batch."""

from __future__ import annotations

import gzip
import json

import pytest

from linimasa.readers import Skipped, read_paths
from linimasa.settings import Context
from tests.conftest import SEEDS, SHARED


def _read(paths, **settings):
    return list(read_paths([str(p) for p in paths], Context.create(settings)))


def test_folder_of_seeds_keeps_raw_bytes():
    docs = _read([SEEDS])
    assert [d.id for d in docs] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    for d in docs:
        assert d.raw == (SEEDS / f"{d.id}.txt").read_bytes()
        assert d.media_type == "text/plain"


def test_t17_jsonl_gz_reads_id_date_and_text():
    path = next(SHARED.glob("eval-data/timeline17/*/articles.jsonl.gz"))
    first = json.loads(gzip.open(path, "rt", encoding="utf-8").readline())
    docs = _read([path])
    assert docs[0].id == first["id"] and docs[0].meta["date"] == first["date"]
    assert docs[0].content == first["text"]
    assert all(not isinstance(d, Skipped) for d in docs[:50])


def test_jsonl_bad_line_is_skipped_and_the_rest_read(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "a", "html": "<p>x</p>"}\nnot json\n{"title": "no body"}\n{"text": "Isi."}\n')
    items = _read([path])
    assert [type(i).__name__ for i in items] == ["Document", "Skipped", "Skipped", "Document"]
    assert items[0].media_type == "text/html" and items[3].id == "a-4"
    assert "a.jsonl:2: not a JSON object" in items[1].reason
    assert "no 'text' or 'html'" in items[2].reason


def test_html_file(tmp_path):
    (tmp_path / "p.html").write_text("<html><body><p>Putin dan Biden berbicara.</p></body></html>")
    (doc,) = _read([tmp_path / "p.html"])
    assert doc.media_type == "text/html" and doc.id == "p"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\n  ", "empty"),
        ("junk.txt", bytes(range(256)) * 40, "binary"),
        ("nul.html", b"<html>\x00\x00\x00\x01\x02</html>" * 100, "binary"),
        ("bad.jsonl.gz", b"\x1f\x8b\x08\x00 not really gzip", "not a readable gzip"),
    ],
)
def test_bad_input_is_skipped_with_a_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    (item,) = _read([path])
    assert isinstance(item, Skipped) and reason in item.reason and name in item.reason


def test_huge_file_is_skipped_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(21 * 1024 * 1024)
    (item,) = _read([path])
    assert isinstance(item, Skipped) and "21.0 MiB, over the 20 MiB limit" in item.reason and item.raw == b""


def test_missing_file_is_reported(tmp_path):
    (item,) = _read([tmp_path / "nope.txt"])
    assert isinstance(item, Skipped) and "cannot be read" in item.reason


def test_cp1252_text_is_decoded(tmp_path):
    path = tmp_path / "kompas.txt"
    path.write_bytes("Harga minyak \u201cturun\u201d \u2013 kata menteri pada Senin di Jakarta.".encode("cp1252"))
    (doc,) = _read([path])
    assert "\u201cturun\u201d" in doc.content


def test_wrong_encoding_asked_for_is_an_error(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes("Jenewa \u00e9t\u00e9".encode("latin-1"))
    (item,) = _read([path], encoding="ascii")
    assert isinstance(item, Skipped) and "--encoding" in item.reason


def test_one_bad_file_does_not_stop_the_folder(tmp_path):
    (tmp_path / "a.txt").write_text("Judul\n\nBiden dan Putin berbicara melalui telepon pada hari Kamis.")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02" * 1000)
    (tmp_path / "c.txt").write_text("Judul lain\n\nPutin bertemu Macron di Moskow awal bulan ini.")
    items = _read([tmp_path])
    assert [type(i).__name__ for i in items] == ["Document", "Skipped", "Document"]
