"""A per-user cache of what is slow to rebuild at every start (NumPy's .npz files hold it).

`linimasa run` on one small file should start in well under two seconds, and some libraries spend most of that
unpacking data that never changes between runs (py3langid decompresses a 68 MB model for every process). What is
derived from such data is kept, keyed by the library's version, in `$LINIMASA_CACHE_DIR` (default
`$XDG_CACHE_HOME/linimasa`, else `~/.cache/linimasa`). The cache only ever saves time: a missing, unreadable or
unwritable cache falls back on building the data again, and `LINIMASA_CACHE_DIR=` (empty) turns it off.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any, BinaryIO, Callable

import numpy as np

log = logging.getLogger(__name__)


def cache_dir() -> Path | None:
    """Where cached files go, or None when the cache is turned off."""
    given = os.environ.get("LINIMASA_CACHE_DIR")
    if given is not None:
        return Path(given) if given.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "linimasa"


def _cached(name: str, suffix: str, read: Callable[[Path], Any], write: Callable[[Any, BinaryIO], None],
            build: Callable[[], Any]) -> Any:
    """The value cached in file `name` + `suffix`, read by `read`; else built by `build`, written by `write` to a
    temporary file that then replaces the cached one (a concurrent process sees the old file or the whole new one)."""
    folder = cache_dir()
    path = folder / f"{name}{suffix}" if folder is not None else None
    if path is not None and path.is_file():
        try:
            return read(path)
        except (OSError, ValueError) as exc:  # a damaged file: rebuild it
            log.info("cache file %s is unreadable (%s); rebuilding it", path, exc)
    built = build()
    if path is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder, suffix=f"{suffix}.part", delete=False) as out:
                write(built, out)
            os.replace(out.name, path)
        except OSError as exc:
            log.info("could not write cache file %s (%s); it will be rebuilt next time", path, exc)
    return built


def _read_arrays(path: Path) -> dict[str, np.ndarray]:
    with np.load(path, allow_pickle=False) as data:
        return {key: data[key] for key in data.files}


def arrays(name: str, build: Callable[[], dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    """The arrays cached as `name` (a file name without suffix, holding what makes them unique, e.g. a library
    version), built by `build` and saved when they are not there yet."""
    return _cached(name, ".npz", _read_arrays, lambda built, out: np.savez(out, **built), build)


def json_value(name: str, build: Callable[[], Any]) -> Any:
    """The JSON value cached as `name` (a file name without suffix that holds what makes it unique), built by
    `build` and saved when it is not there yet; like `arrays`, for what is not a set of arrays."""
    return _cached(name, ".json", lambda path: json.loads(path.read_text(encoding="utf-8")),
                   lambda built, out: out.write(json.dumps(built, ensure_ascii=False).encode("utf-8")), build)
