"""Every path given is accounted for: loops, odd folders, pipes and unreadable files come out as `Skipped`."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from linimasa.readers import Skipped, read_paths
from linimasa.settings import Context

ARTICLE = "Judul\n\nBiden dan Putin berbicara melalui telepon pada hari Kamis."
NOBODY = 65534  # the unprivileged user of Debian and most other systems


def _outcomes(paths: list[Path]) -> list[tuple[str, str]]:
    """(kind, source) of each Document that reading `paths` gives, (kind, reason) of each Skipped."""
    items = list(read_paths([str(p) for p in paths], Context.create()))
    return [(type(i).__name__, i.reason if isinstance(i, Skipped) else i.source) for i in items]


# Each layout builds its files in the current folder (the test's tmp_path) and returns the paths a user would give.

def _loop() -> list[Path]:
    os.symlink("b", "a")
    os.symlink("a", "b")
    return [Path("a")]


def _loop_in_folder() -> list[Path]:
    Path("d").mkdir()
    Path("d/ok.txt").write_text(ARTICLE)
    os.symlink("b", "d/a")
    os.symlink("a", "d/b")
    os.symlink("self.txt", "d/self.txt")
    return [Path("d")]


def _folder_into_itself() -> list[Path]:
    Path("d/sub").mkdir(parents=True)
    Path("d/sub/ok.txt").write_text(ARTICLE)
    os.symlink("..", "d/sub/up")
    return [Path("d")]


def _folder_named_like_a_file() -> list[Path]:
    Path("x.txt").mkdir()
    Path("x.txt/ok.txt").write_text(ARTICLE)
    Path("empty.txt").mkdir()
    return [Path("x.txt"), Path("empty.txt")]


def _empty_folder_named_like_a_file_inside() -> list[Path]:
    Path("d/y.jsonl").mkdir(parents=True)
    Path("d/notes").mkdir()  # an empty folder with a plain name is nothing to report
    return [Path("d")]


def _dangling_links() -> list[Path]:
    Path("d").mkdir()
    os.symlink("gone.txt", "d/link.txt")
    os.symlink("user@host.123", "d/.#draft")  # an editor's lock file, not an input
    Path("d/ok.txt").write_text(ARTICLE)
    return [Path("d")]


def _pipe_and_device() -> list[Path]:
    os.mkfifo("pipe.txt")  # opening it the ordinary way would wait for a writer forever
    return [Path("pipe.txt"), Path(os.devnull)]


LOOP = "a symlink loop (its links lead back to themselves); point it at a file or folder"
NO_FILES = "a folder with no .jsonl.gz, .jsonl, .html, .htm, .txt files in it; pass the files or another folder"
NOT_A_FILE = "not a regular file; pass a file or a folder of files"


@pytest.mark.parametrize(("layout", "expected"), [
    (_loop, [("Skipped", f"a: {LOOP}")]),
    (_loop_in_folder, [("Skipped", f"d/a: {LOOP}"), ("Skipped", f"d/b: {LOOP}"), ("Document", "d/ok.txt"),
                       ("Skipped", f"d/self.txt: {LOOP}")]),
    (_folder_into_itself, [("Document", "d/sub/ok.txt"),
                           ("Skipped", "d/sub/up: a symlink back to d, a folder it is inside (a loop); not followed, "
                                       "its files are read once")]),
    (_folder_named_like_a_file, [("Document", "x.txt/ok.txt"), ("Skipped", f"empty.txt: {NO_FILES}")]),
    (_empty_folder_named_like_a_file_inside, [("Skipped", f"d/y.jsonl: {NO_FILES}")]),
    (_dangling_links, [("Skipped", "d/link.txt: a symlink to gone.txt, which does not exist; fix the link"),
                       ("Document", "d/ok.txt")]),
    (_pipe_and_device, [("Skipped", f"pipe.txt: a named pipe (FIFO), {NOT_A_FILE}"),
                        ("Skipped", f"{os.devnull}: a device, {NOT_A_FILE}")]),
])
def test_every_path_is_read_or_skipped_with_a_reason(tmp_path, monkeypatch, layout, expected):
    monkeypatch.chdir(tmp_path)
    assert _outcomes(layout()) == expected


def _read_without_privileges(folder: Path, names: list[str]) -> list[list[str]]:
    """[kind, reason] of reading `names` in `folder` as a user without the right to read them: the current user
    when it is not root, else the nobody user in a forked child (root reads anything, whatever its mode)."""
    if os.geteuid() != 0:
        return [[type(i).__name__, getattr(i, "reason", "")]
                for i in read_paths([str(folder / n) for n in names], Context.create())]
    folder.chmod(0o711)  # nobody may look names up in it (the child works from inside, so the parents do not matter)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop root, read, send the outcome back, leave without running pytest's exit code
        status = 0
        try:
            os.close(read_end)
            os.chdir(folder)
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            items = list(read_paths(names, Context.create()))
            os.write(write_end, json.dumps([[type(i).__name__, getattr(i, "reason", "")] for i in items]).encode())
        except BaseException as exc:  # noqa: BLE001 - anything that goes wrong must reach the parent as text
            os.write(write_end, json.dumps({"error": repr(exc)}).encode())
            status = 1
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as f:
        answer = json.loads(f.read() or b'{"error": "no answer"}')
    os.waitpid(pid, 0)
    if isinstance(answer, dict):
        pytest.skip(f"cannot drop root to test permissions here: {answer['error']}")
    return answer


def test_unreadable_file_and_folder_are_reported(tmp_path):
    (tmp_path / "locked.txt").write_text(ARTICLE)
    (tmp_path / "locked.txt").chmod(0)
    (tmp_path / "shut").mkdir()
    (tmp_path / "shut" / "inside.txt").write_text(ARTICLE)
    (tmp_path / "open.txt").write_text(ARTICLE)
    for path in (tmp_path / "open.txt", tmp_path / "shut" / "inside.txt"):
        path.chmod(0o644)
    (tmp_path / "shut").chmod(0)
    try:
        got = _read_without_privileges(tmp_path, ["locked.txt", "shut", "open.txt"])
    finally:
        (tmp_path / "shut").chmod(stat.S_IRWXU)
    assert got == [
        ["Skipped", "locked.txt: cannot be read (Permission denied); check its permissions"],
        ["Skipped", "shut: folder cannot be listed (Permission denied); check its permissions"],
        ["Document", ""],
    ]
