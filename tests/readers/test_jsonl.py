"""JSON Lines limits: a gzip bomb is inflated as a stream and refused at the line and file limits, in bounded memory,
and the good lines before it are still read."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys

import pytest

from linimasa.readers import Skipped, read_paths
from linimasa.readers.jsonl import MAX_INFLATION
from linimasa.settings import Context

GOOD = b'{"id": "before", "text": "Biden and Putin spoke by telephone on Thursday."}\n'
AFTER = b'{"id": "after", "text": "Putin met Macron in Moscow early this month."}\n'
BOMB_MIB = 100  # inflated size of the bomb line; gzip -9 makes ~100 KB of it
MIB = 1 << 20
RAISE = "raise --setting max_bytes"

# Read in a fresh interpreter, so that its peak memory is the reading's own and not an earlier test's.
READ_AND_MEASURE = """
import json, resource, sys
from linimasa.readers import read_paths
from linimasa.settings import Context
ctx = Context.create({"max_bytes": sys.argv[2]})
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
items = [[type(i).__name__, getattr(i, "id", ""), getattr(i, "reason", "")] for i in read_paths([sys.argv[1]], ctx)]
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"items": items, "peak_growth": (after - before) * (1 if sys.platform == "darwin" else 1024)}))
"""


@pytest.fixture(scope="module")
def bomb(tmp_path_factory):
    """A good line, one line of 100 MiB of "0" (about 100 KB compressed), a good line."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=9) as f:
        f.write(GOOD)
        block = b"0" * MIB
        for _ in range(BOMB_MIB):
            f.write(block)
        f.write(b"\n" + AFTER)
    return path


@pytest.mark.parametrize(("max_bytes", "expected"), [
    # the bomb line is refused at 20 MiB; the file (100 MiB) is under its 400 MiB limit, so the line after is read
    (20 * MIB, [["Document", "before", ""], ["Skipped", "", f"bomb.jsonl.gz:2: line over the 20 MiB limit; {RAISE}"],
                ["Document", "after", ""]]),
    # the line is refused at 1 MiB, the file at 20 MiB inflated: what follows is not read, and that is said
    (MIB, [["Document", "before", ""], ["Skipped", "", f"bomb.jsonl.gz:2: line over the 1 MiB limit; {RAISE}"],
           ["Skipped", "", f"bomb.jsonl.gz: inflates past {MAX_INFLATION} MiB ({MAX_INFLATION} times max_bytes), "
                           "a gzip bomb or a corpus to split; lines from 2 on were not read"]]),
])
def test_gzip_bomb_is_refused_in_bounded_memory(bomb, max_bytes, expected):
    assert bomb.stat().st_size < 200_000
    run = subprocess.run([sys.executable, "-c", READ_AND_MEASURE, str(bomb), str(max_bytes)],
                         capture_output=True, text=True, check=True, timeout=120)
    out = json.loads(run.stdout)
    got = [[kind, doc_id, reason.replace(str(bomb.parent) + "/", "")] for kind, doc_id, reason in out["items"]]
    assert got == expected
    assert out["peak_growth"] < 60 * MIB, f"peak memory grew by {out['peak_growth'] / MIB:.0f} MiB"


def _gzip_then_garbage() -> bytes:
    return gzip.compress(GOOD + AFTER) + b"\x1f\x8b\x08\x00 not gzip after all"


def _cut_short() -> bytes:
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb") as f:
        f.write(GOOD + AFTER)
        f.flush()  # the two lines are whole in the output from here on
        cut = out.tell()
        f.write(b'{"text": "a third line that the cut ends in the middle of."}\n' * 50)
    return out.getvalue()[: cut + 10]


@pytest.mark.parametrize("make", [_gzip_then_garbage, _cut_short])
def test_a_gzip_broken_midway_keeps_the_lines_before(tmp_path, make):
    path = tmp_path / "broken.jsonl.gz"
    path.write_bytes(make())
    *docs, skipped = read_paths([str(path)], Context.create())
    assert [d.id for d in docs] == ["before", "after"]
    assert isinstance(skipped, Skipped) and "not a readable gzip file" in skipped.reason
    assert "lines after 2 were not read" in skipped.reason


@pytest.mark.parametrize(("data", "ids"), [
    (GOOD + AFTER, ["before", "after"]),
    (GOOD.rstrip(b"\n") + b"\r\n" + AFTER.rstrip(b"\n"), ["before", "after"]),  # CRLF, no final newline
    (b"\n\n" + GOOD, ["before"]),
])
def test_plain_and_gzipped_lines_read_alike(tmp_path, data, ids):
    for name, content in (("a.jsonl", data), ("a.jsonl.gz", gzip.compress(data))):
        (tmp_path / name).write_bytes(content)
        assert [d.id for d in read_paths([str(tmp_path / name)], Context.create())] == ids


def test_line_numbers_count_blank_lines(tmp_path):
    path = tmp_path / "n.jsonl.gz"
    path.write_bytes(gzip.compress(b'\n{"text": "Isi."}\n\nnot json\n'))
    items = list(read_paths([str(path)], Context.create()))
    assert [getattr(i, "id", None) or i.source.rsplit("/", 1)[-1] for i in items] == ["n-2", "n.jsonl.gz:4"]
