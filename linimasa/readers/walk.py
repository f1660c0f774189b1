"""Walking the paths given: files named directly, and the files inside folders (sorted, recursive, symlinks followed).

Every path comes out as a file to read or a `Skipped` record: symlink loops, dangling links, folders that cannot be
listed and folders with nothing to read in them are reported with a reason, never passed over.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Generator, Iterator

from .skipped import Skipped


def storable(text: str) -> str:
    """`text` that holds a path, with the bytes of a file name that are not UTF-8 (which Python keeps as surrogate
    escapes, and no UTF-8 database or terminal takes) written as `\\xNN`.

    >>> storable(os.fsdecode(b"caf\\xe9.txt"))
    'caf\\\\xe9.txt'
    """
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that is no escaped byte
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def why_unreachable(path: Path, exc: OSError) -> str:
    """The reason a path cannot be opened or followed, saying what to do.

    >>> why_unreachable(Path("a.txt"), OSError(errno.ELOOP, "Too many levels of symbolic links"))
    'a.txt: a symlink loop (its links lead back to themselves); point it at a file or folder'
    """
    if exc.errno == errno.ELOOP:
        return f"{path}: a symlink loop (its links lead back to themselves); point it at a file or folder"
    if exc.errno == errno.ENOENT and path.is_symlink():
        return f"{path}: a symlink to {os.readlink(path)}, which does not exist; fix the link"
    if exc.errno == errno.ENOENT:
        return f"{path}: cannot be read ({exc.strerror or exc}); check the path"
    return f"{path}: cannot be read ({exc.strerror or exc}); check its permissions"


def not_a_file(mode: int) -> str:
    """What a non-regular file is, in words ("" for a regular file)."""
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def expand(paths: list[str | Path], endings: tuple[str, ...]) -> Iterator[Path | Skipped]:
    """Files named directly, and the files inside folders whose names end in one of `endings`; a folder is walked
    whatever its name ("x.txt/" too) and reported when nothing in it is read.

    >>> list(expand(["../shared/seeds"], (".txt",)))  # doctest: +SKIP
    [PosixPath('../shared/seeds/001.txt'), ...]
    """
    for path in map(Path, paths):
        try:
            info = path.stat()
        except OSError as exc:
            yield Skipped(str(path), why_unreachable(path, exc))
            continue
        if not stat.S_ISDIR(info.st_mode):
            yield path  # the reader checks that it is a regular file and not too large
            continue
        found = yield from _walk(path, endings, {(info.st_dev, info.st_ino): path})
        if not found:
            yield Skipped(str(path), _empty_folder(path, endings))


def _walk(folder: Path, endings: tuple[str, ...],
          above: dict[tuple[int, int], Path]) -> Generator[Path | Skipped, None, int]:
    """The inputs inside `folder`, depth first in name order; returns how many items it yielded. `above` holds the
    folders being walked (device, inode), so a symlink back to one of them is reported instead of followed."""
    try:
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries)
    except OSError as exc:
        yield Skipped(str(folder), f"{folder}: folder cannot be listed ({exc.strerror or exc}); check its permissions")
        return 1
    found = 0
    for name in names:
        path = folder / name
        try:
            info = path.stat()
        except OSError as exc:
            # A dangling link with another ending is not an input (editors leave such links); a loop or a link that
            # cannot be followed might be a folder or a file, so those are reported whatever their names.
            if exc.errno != errno.ENOENT or _named_as_input(path, endings):
                found += 1
                yield Skipped(str(path), why_unreachable(path, exc))
            continue
        if stat.S_ISDIR(info.st_mode):
            key = (info.st_dev, info.st_ino)
            if key in above:
                found += 1
                yield Skipped(str(path), f"{path}: a symlink back to {above[key]}, a folder it is inside (a loop); "
                                         "not followed, its files are read once")
                continue
            inside = yield from _walk(path, endings, {**above, key: path})
            if not inside and _named_as_input(path, endings):
                found += 1
                yield Skipped(str(path), _empty_folder(path, endings))
            found += inside
        elif _named_as_input(path, endings):
            found += 1
            yield path
    return found


def _named_as_input(path: Path, endings: tuple[str, ...]) -> bool:
    return path.name.lower().endswith(endings)


def _empty_folder(path: Path, endings: tuple[str, ...]) -> str:
    return f"{path}: a folder with no {', '.join(endings)} files in it; pass the files or another folder"
