"""Timeline summarisation (TLS) benchmark: Timeline17 (en) and ML-Crisis (es/fr/it) as in news-tls, through the
code users run.

Every topic is built ONCE into a database by `linimasa run` (the full pipeline: clean, language, sentences,
dating, timex, entities, events, copies; cached under /tmp/tls-dbs/ by topic), then for each gold timeline the
bench calls `linimasa.corpus.timeline.summary_timeline`, the function `linimasa timeline --query Q --from A --to B
--max-dates N --sentences-per-date K` calls (tests/bench/test_tls.py checks that both give the same summary):
as many dates as the gold has, inside its first and last date, round(mean gold sentences per date) sentences a
date. The date ranker is scored leave-one-topic-out: a topic is summarised with the weights `train/tls.py` fitted
on the other topics (`bench/tls-folds.json`; a topic is its event, e.g. all H1N1 folders, and all languages of a
Crisis topic); `--shipped` uses the shipped weights instead (fitted on everything, in-sample).

Scores are tilse's (Martschat & Markert 2017), written in `bench/tlsmetrics.py`: date-selection F1, and
alignment-based ROUGE-1/2 F1 with the many-to-one date-content alignment ("align+ m:1", news-tls's AR-1/AR-2) and
concat ROUGE. ROUGE counts follow tilse's reimplementation (lower case, Porter stems from NLTK, stop words and
punctuation out); the stop words are spaCy's, as the ROUGE 1.5.5 SMART list is not available offline — so figures
are close to, not identical with, Perl ROUGE.

    python bench/tls.py                 # T17 (all visible topics) and ML-Crisis es/fr/it
    python bench/tls.py --only t17 --topics H1N1_bbc
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from linimasa.cli import EXIT_SKIPPED  # noqa: E402
from linimasa.corpus.dates import DateModel  # noqa: E402
from linimasa.corpus.timeline import stored_timeline, summary_timeline  # noqa: E402
from linimasa.settings import Context  # noqa: E402
from linimasa.store import open_store  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval-data"
CACHE = Path(os.environ.get("LINIMASA_TLS_DBS", "/tmp/tls-dbs"))  # databases of `linimasa run`, one per topic
FOLDS = Path(__file__).with_name("tls-folds.json")
NEWS_TLS_T17 = {"date_f1": 0.544, "ar1_f1": 0.120, "ar2_f1": 0.035, "s_per_topic": 16}  # DATEWISE, ACL 2020 table
CRISIS_LANGS = ("es", "fr", "it")


@dataclass
class Topic:
    """One topic folder: its articles, gold timelines and language; `group` is the event it covers, the unit
    left out in leave-one-topic-out (H1N1_bbc, H1N1_guardian and H1N1_reuters are one; so are es/fr/it egypt)."""

    corpus: str  # "t17", "crisis-es", ...
    name: str
    lang: str
    articles: Path
    golds: list[Path] = field(default_factory=list)

    @property
    def group(self) -> str:
        return self.name.split("_")[0].lower()

    @property
    def key(self) -> str:
        return f"{self.corpus}-{self.name}"

    @property
    def query(self) -> str:
        """The keywords the topic is defined by (news-tls's keyword filter): none for these topic folders, whose
        articles were all collected for their topic; `linimasa timeline --query` takes them where a database mixes
        topics."""
        return ""


def topics(only: str = "", names: list[str] | None = None) -> list[Topic]:
    out = []
    if only in ("", "t17"):
        for p in sorted((SHARED / "timeline17").iterdir()):
            if p.is_dir() and (not names or p.name in names):
                out.append(Topic("t17", p.name, "en", p / "articles.jsonl.gz", sorted((p / "timelines").glob("*.txt"))))
    if only in ("", "ml-crisis"):
        for lang in CRISIS_LANGS:
            for articles in sorted((SHARED / "ml-crisis" / lang).glob("*.articles.jsonl.gz")):
                name = articles.name.split(".")[0]
                if not names or name in names:
                    out.append(Topic(f"crisis-{lang}", name, lang, articles,
                                     [SHARED / "ml-crisis" / lang / "reference" / f"{name}.txt"]))
    return out


def read_timelines(path: Path) -> dict[date, list[str]]:
    """A tilse-format gold timeline: date line, sentences, dashed separator."""
    out: dict[date, list[str]] = {}
    for block in path.read_text(encoding="utf-8", errors="replace").split("--------------------------------"):
        lines = [ln.strip() for ln in block.strip().splitlines() if ln.strip()]
        if not lines:
            continue
        try:
            day = date.fromisoformat(lines[0][:10])
        except ValueError:
            continue
        out.setdefault(day, []).extend(lines[1:])
    return out


def protocol(gold: dict[date, list[str]]) -> dict:
    """news-tls's setting: the gold's number of dates, its mean sentences per date, its first and last date."""
    return {"max_dates": len(gold), "per_date": max(1, round(sum(len(v) for v in gold.values()) / len(gold))),
            "date_from": min(gold).isoformat(), "date_to": max(gold).isoformat()}


def build(articles: Path, lang: str, db: Path) -> dict:
    """`linimasa run ARTICLES --db DB` for one language, in a child process; its wall-clock and CPU seconds."""
    db.parent.mkdir(parents=True, exist_ok=True)
    for stale in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        stale.unlink(missing_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "linimasa", "run", str(articles), "--db", str(db), "--format",
                           "json", "--setting", f"languages={lang}", "--setting", f"default_lang={lang}"],
                          stdout=subprocess.DEVNULL)
    if done.returncode not in (0, EXIT_SKIPPED):  # a few T17 "articles" are empty pages: skipped, reported
        raise SystemExit(f"linimasa run {articles} failed ({done.returncode})")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"wall_s": round(time.perf_counter() - started, 2), "cpu_s": round(after.ru_utime - before.ru_utime, 2),
            "sys_s": round(after.ru_stime - before.ru_stime, 2)}


def database(topic: Topic, cache: Path = CACHE, rebuild: bool = False) -> tuple[Path, dict]:
    """The topic's database from `linimasa run` (built once, then reused from `cache`) and what building took."""
    db, timing = cache / f"{topic.key}.db", cache / f"{topic.key}.db.time"
    if rebuild or not (db.exists() and timing.exists()):
        took = build(topic.articles, topic.lang, db)
        timing.write_text(json.dumps(took) + "\n", encoding="utf-8")
    return db, json.loads(timing.read_text(encoding="utf-8"))


def summarise_topic(db: Path, settings: dict, query: str = "", model: DateModel | None = None
                    ) -> tuple[dict[str, list[str]], float]:
    """What `linimasa timeline --db DB --query Q --from A --to B --max-dates N --sentences-per-date K` prints as
    its date summaries (`settings`: `protocol`'s), and the seconds it took from opening the database."""
    started = time.perf_counter()
    with open_store(str(db)) as store:
        built = stored_timeline(store, min_confidence=Context.create().get("min_confidence"))
        _, summaries = summary_timeline(store, settings["max_dates"], settings["per_date"], query=query,
                                        date_from=settings["date_from"], date_to=settings["date_to"],
                                        timeline=built, model=model)
    return summaries, time.perf_counter() - started


def articles_in(path: Path) -> int:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return sum(1 for line in f if line.strip())


def run_topic(topic: Topic, scorer, folds: dict[str, DateModel] | None, rebuild: bool = False,
              predictions: Path | None = None) -> list[dict]:
    db, built = database(topic, rebuild=rebuild)
    rows = []
    for gold_path in topic.golds:
        gold = read_timelines(gold_path)
        if not gold:
            continue
        settings = protocol(gold)
        model = folds[topic.group] if folds is not None else None
        summaries, seconds = summarise_topic(db, settings, topic.query, model)
        predicted = {date.fromisoformat(d): texts for d, texts in summaries.items()}
        rows.append({"timeline": f"{topic.name}/{gold_path.stem}" if topic.corpus == "t17"
                     else f"{topic.lang}/{topic.name}", "group": topic.group, "articles": articles_in(topic.articles),
                     "gold_dates": len(gold), "per_date": settings["per_date"], **scorer.all(predicted, gold),
                     "run_cpu_s": built["cpu_s"], "run_wall_s": built["wall_s"], "timeline_s": round(seconds, 2)})
        if predictions is not None:
            predictions.mkdir(parents=True, exist_ok=True)
            (predictions / f"{topic.key}-{gold_path.stem}.json").write_text(
                json.dumps({"gold": str(gold_path), "predicted": summaries}, indent=1), encoding="utf-8")
    return rows


def load_folds(path: Path = FOLDS) -> dict[str, DateModel]:
    """The leave-one-topic-out date rankers of `train/tls.py`: topic group -> weights fitted without it."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {group: DateModel.from_dict(m) for group, m in data["folds"].items()}


def _mean(rows: list[dict], key: str) -> float:
    return round(sum(r[key] for r in rows) / len(rows), 3) if rows else 0.0


def _spread(rows: list[dict], key: str) -> dict:
    values = sorted(r[key] for r in rows)
    return {"min": values[0], "median": values[len(values) // 2], "max": values[-1]} if values else {}


KEYS = ("date_f1", "ar1_f1", "ar2_f1", "concat_r1_f1", "run_cpu_s", "run_wall_s", "timeline_s")


def main() -> None:
    from tlsmetrics import Scorer

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["t17", "ml-crisis"], default="")
    parser.add_argument("--topics", nargs="*", default=[])
    parser.add_argument("--shipped", action="store_true",
                        help="Score with the shipped date ranker (fitted on every topic: in-sample) instead of "
                             "the leave-one-topic-out ones")
    parser.add_argument("--rebuild", action="store_true", help="Run `linimasa run` again even when cached")
    parser.add_argument("--out", default="")
    parser.add_argument("--predictions", type=Path, help="Folder to write each predicted timeline to (JSON)")
    args = parser.parse_args()
    scorer = Scorer()
    folds = None if args.shipped else load_folds()
    report: dict = {"protocol": "leave-one-topic-out" if folds is not None else "shipped ranker (in-sample)"}
    by_corpus: dict[str, list[dict]] = {}
    for topic in topics(args.only, args.topics):
        rows = run_topic(topic, scorer, folds, args.rebuild, args.predictions)
        for row in rows:
            print(json.dumps(row), flush=True)
        by_corpus.setdefault(topic.corpus, []).extend(rows)
    for corpus, rows in by_corpus.items():
        report[corpus] = {"timelines": rows, "mean": {k: _mean(rows, k) for k in KEYS},
                          "spread": {k: _spread(rows, k) for k in ("date_f1", "ar1_f1", "ar2_f1")}}
        if corpus == "t17":
            report[corpus]["news_tls_datewise"] = NEWS_TLS_T17
        print(corpus, "mean:", json.dumps(report[corpus]["mean"]), flush=True)
    out = args.out or str(Path(__file__).with_name("tls.json" if folds is not None else "tls-shipped.json"))
    Path(out).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
