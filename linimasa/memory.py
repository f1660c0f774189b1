"""Keep a process's memory to what it uses: give freed memory back to the operating system, and few malloc arenas.

CPython and the libraries (spaCy, NumPy, the JSON decoder) allocate through C's `malloc`. After a large document is
let go, glibc keeps the freed pages in the process's heap for reuse, so the process stays as large as its largest
document: on the hostile bench the main process stayed ~70 MiB larger after storing one 2.4 MB page, and each
re-read of that page for cross-document dating added to it. glibc's `malloc_trim` (called through the standard
library's `ctypes`) returns those pages. glibc also gives each thread that allocates (NumPy's BLAS, spaCy, the
pool's result threads) an arena of its own, up to 8 per core, each keeping its freed pages: `limit_arenas` caps
them (`mallopt(M_ARENA_MAX)`; the main process on the hostile bench ran at 60-120 MiB instead of 115-180). On a C
library without these calls (musl, macOS) both do nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools

# A document this long (characters) leaves enough freed memory behind to be worth a trim (tens of MiB); a trim
# walks the heap (milliseconds), too slow to do after every short article.
LARGE_CHARS = 50_000


# malloc arenas a process may have: two, as glibc's own documentation suggests for memory-bound multi-threaded
# programs; linimasa's threads mostly wait (the pool's helpers) or run inside one library call at a time.
ARENAS = 2
_M_ARENA_MAX = -8  # mallopt's parameter number for the arena limit (glibc's malloc.h)


@functools.cache
def _libc_call(name: str):
    try:
        return getattr(ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6"), name)
    except (OSError, AttributeError):
        return None


def limit_arenas() -> None:
    """At most `ARENAS` malloc arenas from now on in this process (glibc); nothing elsewhere."""
    mallopt = _libc_call("mallopt")
    if mallopt is not None:
        mallopt(_M_ARENA_MAX, ARENAS)


def release() -> None:
    """Return the freed heap pages to the operating system (glibc); nothing elsewhere."""
    trim = _libc_call("malloc_trim")
    if trim is not None:
        trim(0)


def release_after(text: str) -> None:
    """`release` after a document of `text` was let go, when it was long enough for that to matter."""
    if len(text) >= LARGE_CHARS:
        release()
