"""Durability benchmark: `kill -9` at random points of a 500-article `linimasa run`, and two runs writing to one
database at once; what was committed must survive whole, and nothing may be lost.

1. A clean run of the articles (IndoSum, Indonesian, one .txt file each) into its own database: the reference.
2. Ten times: `linimasa run` on one database, SIGKILLed (the run and its worker processes) at a random moment of
   what is left of the run; then SQLite's `PRAGMA integrity_check` and `foreign_key_check`, and every document
   committed so far must be intact: its stored text equals the clean run's for that source and its raw bytes hash
   to its `content_sha256`. The next kill lands on the same database, so the runs pile up as a user's retries would.
3. A last run to the end; its database must hold what the clean run's holds (documents, texts, event mentions,
   entities, skipped inputs, publication dates).
4. Two `linimasa run` processes started together on one new database, with overlapping halves of the articles
   (the middle fifth given to both): both must finish without a traceback, and the database must hold what the
   clean run's holds.

Writes bench/durability.json.

    python bench/durability.py                     # 500 articles, 10 kills (~6 min on 2 cores)
    python bench/durability.py --articles 60 --kills 2
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sqlite3
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eventdata import indosum_text  # noqa: E402
from hostile import INDOSUM, Run, crashed, run_linimasa  # noqa: E402


def write_articles(folder: Path, n: int) -> list[Path]:
    """`n` IndoSum articles as .txt files (title line, blank line, body)."""
    folder.mkdir(parents=True)
    paths = []
    with gzip.open(INDOSUM, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i == n:
                break
            path = folder / f"indosum-{i:04d}.txt"
            path.write_text(indosum_text(json.loads(line)["paragraphs"]) + "\n", encoding="utf-8")
            paths.append(path)
    return paths


def snapshot(db: Path) -> dict:
    """What a database holds, in a form two databases can be compared by."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        docs = {s: (t, p) for s, t, p in con.execute("SELECT source, text, published_date FROM documents")}
        out = {
            "documents": len(docs),
            "texts": {s: hashlib.sha256(t.encode()).hexdigest() for s, (t, _) in docs.items()},
            "published": {s: p for s, (_, p) in docs.items() if p},
            "event_mentions": con.execute("SELECT COUNT(*) FROM event_mentions").fetchone()[0],
            "doc_entities": con.execute("SELECT COUNT(*) FROM doc_entities").fetchone()[0],
            "fingerprints": con.execute("SELECT COUNT(*) FROM fingerprints").fetchone()[0],
            "copies": con.execute("SELECT COUNT(*) FROM copies").fetchone()[0],
            "skipped": sorted(s for (s,) in con.execute("SELECT source FROM skipped")),
        }
    con.close()
    return out


def health(db: Path, clean: dict) -> dict:
    """Integrity of a database after a kill, and whether each committed document is whole."""
    with sqlite3.connect(db) as con:  # read-write: opening replays the write-ahead log, as the next run would
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        foreign = con.execute("PRAGMA foreign_key_check").fetchall()
        rows = con.execute("SELECT d.source, d.text, d.content_sha256, r.bytes FROM documents d "
                           "LEFT JOIN raw r ON r.doc_id = d.id").fetchall()
        fts = con.execute("SELECT COUNT(*) FROM documents_fts").fetchone()[0]
    con.close()
    broken = [s for s, text, sha, raw in rows
              if raw is None or hashlib.sha256(raw).hexdigest() != sha
              or hashlib.sha256(text.encode()).hexdigest() != clean["texts"].get(s)]
    return {"integrity": integrity, "foreign_key_errors": len(foreign), "documents": len(rows),
            "fts_rows": fts, "broken_documents": broken[:10], "broken": len(broken)}


def differences(got: dict, want: dict) -> list[str]:
    """How two snapshots differ, in words ([] when they hold the same)."""
    out = []
    for key in want:
        if got[key] != want[key]:
            if isinstance(want[key], dict):
                keys = sorted(set(got[key]) ^ set(want[key]) | {k for k in want[key] if got[key].get(k) != want[key][k]})
                out.append(f"{key}: {len(keys)} differ, e.g. {keys[:3]}")
            elif isinstance(want[key], list):
                out.append(f"{key}: {len(got[key])} vs {len(want[key])}, e.g. "
                           f"{sorted(set(got[key]) ^ set(want[key]))[:3]}")
            else:
                out.append(f"{key}: {got[key]} vs {want[key]}")
    return out


def summary(run: Run) -> dict:
    return {"exit_status": run.returncode, "crashed": crashed(run), "seconds": run.seconds,
            "traceback": run.stderr[run.stderr.find("Traceback"):][-1500:] if "Traceback" in run.stderr else ""}


def kills(folder: Path, db: Path, clean: dict, clean_s: float, startup_s: float, n: int, rng: random.Random,
          jobs: int) -> list[dict]:
    """`n` runs on one database, each SIGKILLed at a random moment of the work it has left."""
    out = []
    for i in range(n):
        stored = health(db, clean)["documents"] if db.exists() else 0
        left = startup_s + (clean_s - startup_s) * (1 - stored / max(len(clean["texts"]), 1))
        at = round(rng.uniform(1.0, max(left, 2.0)), 1)
        run = run_linimasa([folder], db, jobs, kill_after_s=at)
        state = health(db, clean)
        out.append({"kill": i + 1, "after_s": at, "killed": run.returncode == -9, **summary(run), **state})
        print(f"kill {i + 1}: after {at} s, {state['documents']} documents, integrity {state['integrity']}, "
              f"broken {state['broken']}", flush=True)
    return out


def concurrent(paths: list[Path], db: Path, jobs: int) -> list[Run]:
    """Two runs at once on one database: the first 60 % of the articles and the last 60 %."""
    n = len(paths)
    halves = [paths[: n * 3 // 5], paths[n * 2 // 5:]]
    runs: list[Run | None] = [None, None]

    def one(k: int) -> None:
        runs[k] = run_linimasa(halves[k], db, max(1, jobs // 2))

    threads = [threading.Thread(target=one, args=(k,)) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return [r for r in runs if r is not None]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--out", default=str(Path(__file__).with_name("durability.json")))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        paths = write_articles(root / "articles", args.articles)
        one = run_linimasa(paths[:1], root / "startup.db", args.jobs)  # model loading: no kill before it is done
        clean_run = run_linimasa([root / "articles"], root / "clean.db", args.jobs)
        clean = snapshot(root / "clean.db")
        print(f"clean run: {clean['documents']} documents, {clean['event_mentions']} event mentions in "
              f"{clean_run.seconds} s (startup {one.seconds} s)", flush=True)
        killed = kills(root / "articles", root / "killed.db", clean, clean_run.seconds, one.seconds, args.kills, rng,
                       args.jobs)
        rerun = run_linimasa([root / "articles"], root / "killed.db", args.jobs)
        after_kills = differences(snapshot(root / "killed.db"), clean)
        print(f"re-run after the kills: {summary(rerun)}, differences from the clean run: {after_kills}", flush=True)
        two = concurrent(paths, root / "two.db", args.jobs)
        two_writers = differences(snapshot(root / "two.db"), clean)
        print(f"two writers: {[summary(r) for r in two]}, differences from the clean run: {two_writers}", flush=True)
        result = {
            "articles": args.articles, "jobs": args.jobs,
            "clean": {**summary(clean_run), "documents": clean["documents"], "event_mentions": clean["event_mentions"],
                      "doc_entities": clean["doc_entities"], "skipped": len(clean["skipped"]),
                      "published": len(clean["published"]), "copies": clean["copies"]},
            "kills": killed,
            "kills_that_landed": sum(k["killed"] for k in killed),
            "kills_broken_documents": sum(k["broken"] for k in killed),
            "kills_integrity_ok": all(k["integrity"] == "ok" and not k["foreign_key_errors"] for k in killed),
            "rerun": summary(rerun), "rerun_differences": after_kills,
            "two_writers": [summary(r) for r in two], "two_writers_differences": two_writers,
            "two_writers_health": health(root / "two.db", clean),
        }
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
    print(json.dumps({k: v for k, v in result.items() if k != "kills"}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
