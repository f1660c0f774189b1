"""Hostile inputs the readers meet in bench/hostile.py: bombs of blank or junk lines, JSON nested past Python's
recursion limit, lone surrogates, fields that are no strings, empty JSON Lines files, file names that are not UTF-8,
broken UTF-16. Each comes out as a Document or a Skipped record that a SQLite store takes."""

from __future__ import annotations

import gzip
import io
import os
import random

import pytest

from linimasa.readers import Skipped, jsonl, read_paths
from linimasa.readers.jsonl import MAX_BAD_RUN, MAX_INFLATION
from linimasa.settings import Context
from linimasa.store import open_store

MIB = 1 << 20
GOOD = b'{"id": "good", "text": "Biden dan Putin berbicara melalui telepon pada hari Kamis."}'


def _read(path, **settings) -> list:
    return list(read_paths([str(path)], Context.create(settings)))


def _store_all(items: list) -> None:
    """Every item goes into a SQLite store as `linimasa run` would put it (a crash here is the bug)."""
    store = open_store(":memory:")
    for item in items:
        if isinstance(item, Skipped):
            store.put_skipped(item.source, item.reason, item.raw)
        else:
            item.text = item.content
            store.put(item)
    store.close()


@pytest.mark.parametrize("fill", [b"\n", b" \r\n", b"\t\r \n"])
def test_a_bomb_of_blank_lines_is_refused_at_the_inflation_limit(tmp_path, fill):
    """Blank lines are passed over a chunk at a time; the count of lines stays right all the same."""
    path = tmp_path / "blank.jsonl.gz"
    data = GOOD + b"\n" + fill * (64 * MIB // len(fill))
    path.write_bytes(gzip.compress(data, compresslevel=1))
    first, last = _read(path, max_bytes=MIB)
    assert first.id == "good"
    assert isinstance(last, Skipped) and f"inflates past {MAX_INFLATION} MiB" in last.reason
    # what inflates before the limit ends in whole lines, then the line that was cut: its number is said
    read = data[: MAX_INFLATION * MIB]
    cut = len(read[: read.rfind(b"\n") + 1].splitlines()) + 1
    assert f"lines from {cut} on were not read" in last.reason


def test_a_bomb_of_junk_lines_stops_after_a_run_of_bad_lines(tmp_path):
    path = tmp_path / "junk.jsonl.gz"
    path.write_bytes(gzip.compress(GOOD + b"\n" + b"x\n" * 10_000_000))
    items = _read(path)
    assert items[0].id == "good"
    assert len(items) == 1 + MAX_BAD_RUN + 1
    assert all("not a JSON object" in i.reason for i in items[1:-1])
    assert items[-1].source == str(path)
    assert f"{MAX_BAD_RUN} unreadable lines in a row (up to line {MAX_BAD_RUN + 1})" in items[-1].reason


@pytest.mark.parametrize(("line", "expected"), [
    (b"[" * 100_000 + b"]" * 100_000, "JSON nested too deeply to read"),
    (b'{"a":' * 50_000 + b"1" + b"}" * 50_000, "JSON nested too deeply to read"),
    (b'{"text": 12345}', "'text' is a JSON int, not a string"),
    (b'{"text": ["a", "list"]}', "'text' is a JSON list, not a string"),
    (b'{"html": {"nested": 1}}', "'html' is a JSON dict, not a string"),
    (b'{"text": null}', "no 'text' or 'html' field"),
])
def test_malformed_lines_are_skipped_with_the_reason(tmp_path, line, expected):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(GOOD + b"\n" + line + b"\n")
    good, bad = _read(path)
    assert good.id == "good"
    assert isinstance(bad, Skipped) and bad.source == f"{path}:2" and expected in bad.reason
    _store_all([good, bad])


def test_lone_surrogates_and_odd_fields_are_stored_as_text(tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_bytes(b'{"id": {"x": 1}, "title": ["t"], "date": 2020, '
                     b'"text": "Jokowi \\ud800 bertemu \\udfff Biden di Jakarta."}\n')
    (doc,) = _read(path)
    assert doc.content == "Jokowi \ufffd bertemu \ufffd Biden di Jakarta."
    assert doc.id == '{"x": 1}' and doc.meta == {"title": '["t"]', "date": "2020"}
    _store_all([doc])


@pytest.mark.parametrize("data", [b"", b"\n\n", b"  \r\n\t\n   "])
def test_an_empty_jsonl_file_is_recorded(tmp_path, data):
    path = tmp_path / "empty.jsonl"
    path.write_bytes(data)
    (item,) = _read(path)
    assert isinstance(item, Skipped) and item.source == str(path) and "empty or only blank lines" in item.reason


def test_file_names_that_are_not_utf8_are_stored_with_escapes(tmp_path):
    folder = os.fsencode(tmp_path)
    for name in (b"caf\xe9.txt", b"\xff\xfe-binary.txt", b"line\nbreak-\xe9.html"):
        with open(folder + b"/" + name, "wb") as f:
            f.write(b"Jokowi bertemu Biden di Jakarta pada hari Senin untuk membahas perdagangan." if b"caf" in name
                    else b"")
    items = _read(tmp_path)
    sources = sorted(i.source.rsplit("/", 1)[-1] for i in items)
    assert sources == ["\\xff\\xfe-binary.txt", "caf\\xe9.txt", "line\nbreak-\\xe9.html"]
    assert [i.id for i in items if not isinstance(i, Skipped)] == ["caf\\xe9"]
    assert all("\\xe9" in i.reason or "\\xff" in i.reason for i in items if isinstance(i, Skipped))
    _store_all(items)


def test_broken_utf16_is_skipped(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(b"\xff\xfe" + "Jakarta".encode("utf-16-le") + b"\x00\xd8")  # ends in a lone surrogate
    (item,) = _read(path)
    assert isinstance(item, Skipped) and "starts as UTF-16 but is not" in item.reason


def test_blank_lines_are_numbered_as_splitlines_numbers_them(monkeypatch):
    """Passing over blank lines in one step keeps every other line's number, whatever the chunk boundaries."""
    rng = random.Random(7)
    for _ in range(2000):
        data = bytes(rng.choice(b"  \n\r\tab") for _ in range(rng.randrange(60)))
        monkeypatch.setattr(jsonl, "CHUNK_BYTES", rng.choice([1, 2, 3, 5, 64]))
        got = [(n, line) for n, line in jsonl._lines(io.BytesIO(data), MIB, 10 * MIB) if line and line.strip()]
        assert got == [(n, line) for n, line in enumerate(data.splitlines(), start=1) if line.strip()], data
