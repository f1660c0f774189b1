"""Freed memory goes back to the system (glibc's malloc_trim), and only long documents pay for the trim."""

import gc
import sys

import pytest

from linimasa import memory


def _rss_mib() -> float:
    with open("/proc/self/status") as f:
        return int(next(line for line in f if line.startswith("VmRSS:")).split()[1]) / 1024


@pytest.mark.skipif(not sys.platform.startswith("linux") or memory._libc_call("malloc_trim") is None,
                    reason="malloc_trim is glibc's")
def test_release_gives_freed_heap_pages_back():
    memory.release()
    blocks = [bytes(1000) for _ in range(150_000)]  # 1 kB each: malloc's heap, not its own mappings
    pinned = bytes(1000)  # allocated last: the heap's top stays in use, so malloc does not shrink it by itself
    del blocks
    gc.collect()
    before = _rss_mib()
    memory.release()
    after = _rss_mib()
    assert before - after > 60, (before, after)
    del pinned


def test_only_a_long_document_is_followed_by_a_trim(monkeypatch):
    calls = []
    monkeypatch.setattr(memory, "release", lambda: calls.append(1))
    memory.release_after("x" * 100)
    assert calls == []
    memory.release_after("x" * memory.LARGE_CHARS)
    assert calls == [1]


def test_limiting_arenas_is_harmless_where_it_exists_and_where_it_does_not(monkeypatch):
    memory.limit_arenas()
    monkeypatch.setattr(memory, "_libc_call", lambda name: None)
    memory.limit_arenas()
    memory.release()
