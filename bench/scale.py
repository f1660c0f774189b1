"""Scale benchmark (issue 15), on the path users run: `linimasa run` as a subprocess, timed as a user waits for it.

Reports, in one run (writes `bench/scale.json`):
- start-up: `linimasa run` on a one-sentence file, Indonesian and English, with an empty cache (first run on a
  machine) and with the cache filled (every later run), median of `--repeats`;
- end-to-end articles/s for English (Timeline17) and Indonesian (IndoSum) with `--jobs 1` and `--jobs 2`, start-up
  included, with the peak memory of the process tree;
- articles/s per stage (one process, stages timed where they run: the registered stage functions, the fingerprint
  and the store), to show where the time goes;
- `--engine ray` with 1 and 2 workers (local Ray) on `--ray-articles` articles, and the speed-up;
- memory over a long stream (`--stream-articles`): resident memory of the process tree sampled through the run.

IndoSum stores tokenised paragraphs; they are joined back into text. Timeline17 articles are tokenised text. Both are
written to JSON Lines files, the form a user would give linimasa. Corpora are cycled (with a line that makes each
copy's bytes unique) when a run asks for more articles than they hold.

    python bench/scale.py                       # the full run (about an hour on 2 cores)
    python bench/scale.py --articles 300 --ray-articles 500 --stream-articles 3000
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eventdata import indosum_text  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
INDOSUM = SHARED / "eval-data" / "indosum" / "indosum_dev_folds1-5.jsonl.gz"
T17 = SHARED / "eval-data" / "timeline17"
ONE_SENTENCE = {"id": "Presiden Joko Widodo bertemu Perdana Menteri Malaysia di Jakarta pada Senin.",
                "en": "The president met the prime minister of Malaysia in Washington on Monday."}
SAMPLE_S = 0.5  # how often the memory of the process tree is read
STREAM_FILE = 1000  # articles per file of the memory stream


def _articles(lang: str):
    """(id, url, date, text) of every article of a language's corpus, in a fixed order."""
    if lang == "id":
        with gzip.open(INDOSUM, "rt", encoding="utf-8") as src:
            for line in src:
                row = json.loads(line)
                yield row["id"], row.get("source_url", ""), "", indosum_text(row["paragraphs"])
    else:  # the topics in turn, so that a sample is not one topic's pages (Finan_washingtonpost's are 10x longer)
        topics = [(path.parent.name, gzip.open(path, "rt", encoding="utf-8"))
                  for path in sorted(T17.glob("*/articles.jsonl.gz"))]
        while topics:
            for topic, src in list(topics):
                line = src.readline()
                if not line:
                    src.close()
                    topics.remove((topic, src))
                    continue
                row = json.loads(line)
                yield f"{topic}-{row['id']}", "", row.get("date", ""), row["text"]


def write_jsonl(langs: list[str], n: int, path: Path) -> int:
    """`n` articles, taken in turn from each language's corpus, cycled when they run out."""
    written, round_ = 0, 0
    with path.open("w", encoding="utf-8") as out:
        while written < n:
            sources = [_articles(lang) for lang in langs]
            for rows in zip(*sources):
                for doc_id, url, day, text in rows:
                    if round_:
                        text += f"\n\n(copy {round_})"
                    out.write(json.dumps({"id": f"{doc_id}-{round_}" if round_ else doc_id, "url": url,
                                          "date": day, "text": text}, ensure_ascii=False) + "\n")
                    written += 1
                    if written == n:
                        return written
            round_ += 1
    return written


def _tree_rss_mib(process: psutil.Process) -> float:
    total = 0
    for p in [process, *process.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total / 2**20


def run_cli(args: list[str], env: dict | None = None) -> dict:
    """Run `linimasa ARGS` as a user would; wall time, exit code and the process tree's memory over time."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "linimasa", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env={**os.environ, **(env or {})})
    watched = psutil.Process(proc.pid)
    samples: list[tuple[float, float]] = []

    def watch() -> None:
        while proc.poll() is None:
            try:
                samples.append((round(time.perf_counter() - start, 1), round(_tree_rss_mib(watched), 1)))
            except psutil.Error:
                return
            time.sleep(SAMPLE_S)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    watcher.join()
    if proc.returncode not in (0, 3):
        raise RuntimeError(f"linimasa {' '.join(args)} failed ({proc.returncode}): {err.decode()[-2000:]}")
    return {"seconds": round(seconds, 2), "exit": proc.returncode, "rss_samples": samples,
            "peak_rss_mib": max((m for _, m in samples), default=0.0), "stderr_tail": err.decode()[-300:]}


def startup(tmp: Path, repeats: int) -> dict:
    out = {}
    for lang, sentence in ONE_SENTENCE.items():
        path = tmp / f"one-{lang}.txt"
        path.write_text(sentence + "\n", encoding="utf-8")
        cache = tmp / f"cache-{lang}"
        env = {"LINIMASA_CACHE_DIR": str(cache)}
        cold = run_cli(["run", str(path), "--db", str(tmp / f"cold-{lang}.db")], env)["seconds"]
        warm = []
        for i in range(repeats):
            warm.append(run_cli(["run", str(path), "--db", str(tmp / f"warm-{lang}-{i}.db")], env)["seconds"])
        out[lang] = {"first_run_s": cold, "median_s": round(statistics.median(warm), 2), "runs_s": warm}
    return out


def end_to_end(tmp: Path, lang: str, n: int, jobs: int, engine: str = "local") -> dict:
    source = tmp / f"{lang}-{n}.jsonl"
    if not source.exists():
        write_jsonl([lang], n, source)
    db = tmp / f"{lang}-{n}-{engine}-{jobs}.db"
    result = run_cli(["run", str(source), "--db", str(db), "--jobs", str(jobs), "--engine", engine,
                      "--format", "json"])
    db.unlink()
    return {"lang": lang, "articles": n, "jobs": jobs, "engine": engine, "seconds": result["seconds"],
            "articles_per_s": round(n / result["seconds"], 2), "peak_rss_mib": result["peak_rss_mib"]}


def per_stage(lang: str, n: int, tmp: Path) -> dict:
    """Seconds per stage in one process (after a warm-up document), as articles/s of each stage alone."""
    from linimasa import pipeline as registry
    from linimasa.api import process
    from linimasa.corpus import dedupe
    from linimasa.store import base

    registry._load_stages()
    spent: dict[str, float] = {}

    def timed(name, fn):
        def run(*args, **kwargs):
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - t
        return run

    for name, st in list(registry._REGISTRY.items()):
        registry._REGISTRY[name] = registry.Stage(st.name, timed(name, st.fn), st.requires, st.provides)
    dedupe.Fingerprinter.__call__ = timed("fingerprint", dedupe.Fingerprinter.__call__)
    dedupe.Deduper.add = timed("copies", dedupe.Deduper.add)
    base.SQLStore.put = timed("store", base.SQLStore.put)
    source = tmp / f"stages-{lang}.jsonl"
    write_jsonl([lang], n + 1, source)
    warm = tmp / "warm.jsonl"
    warm.write_text(source.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    process([warm], db=str(tmp / "warm.db")).store.close()
    spent.clear()
    t = time.perf_counter()
    corpus = process([source], db=str(tmp / f"stages-{lang}.db"))
    total = time.perf_counter() - t
    corpus.store.close()
    accounted = sum(spent.values())
    spent["cross-document steps and reading"] = total - accounted
    return {"articles": n + 1, "seconds": round(total, 2),
            "stages": {k: {"seconds": round(v, 2), "articles_per_s": round((n + 1) / v, 1) if v else None}
                       for k, v in sorted(spent.items(), key=lambda kv: -kv[1])}}


def memory_stream(tmp: Path, n: int, langs: list[str]) -> dict:
    """A folder of JSON Lines files of `STREAM_FILE` articles each (one file of 10,000 would pass the 20 MiB
    input limit), through one `linimasa run`."""
    folder = tmp / f"stream-{n}"
    folder.mkdir()
    whole = tmp / f"stream-{n}.jsonl"
    write_jsonl(langs, n, whole)
    with whole.open(encoding="utf-8") as src:
        for i, line in enumerate(src):
            with (folder / f"part-{i // STREAM_FILE:04d}.jsonl").open("a", encoding="utf-8") as out:
                out.write(line)
    whole.unlink()
    result = run_cli(["run", str(folder), "--db", str(tmp / "stream.db"), "--jobs", "2", "--format", "json"])
    summary = next((line for line in result["stderr_tail"].splitlines() if line.startswith("documents read")), "")
    samples = result["rss_samples"]
    tail = [m for t, m in samples if t >= result["seconds"] * 0.2]  # after the models are loaded and warm
    middle = [m for t, m in samples if result["seconds"] * 0.2 <= t <= result["seconds"] * 0.9]
    return {"articles": n, "languages": langs, "summary": summary, "seconds": result["seconds"], "articles_per_s": round(n / result["seconds"], 2),
            "peak_rss_mib": result["peak_rss_mib"],
            "rss_mib_at_20_50_90_percent": [_at(samples, result["seconds"] * f) for f in (0.2, 0.5, 0.9)],
            "growth_mib_20_to_90_percent": round(max(middle) - min(middle), 1) if middle else None,
            "max_after_20_percent_mib": max(tail) if tail else None,
            "samples_every_10": samples[::10]}


def _at(samples: list[tuple[float, float]], t: float) -> float | None:
    before = [m for s, m in samples if s <= t]
    return before[-1] if before else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300, help="articles per language for the jobs runs")
    parser.add_argument("--ray-articles", type=int, default=2000)
    parser.add_argument("--stream-articles", type=int, default=10000)
    parser.add_argument("--stage-articles", type=int, default=100)
    parser.add_argument("--stream-languages", default="id", help="comma-separated: id (IndoSum), en (Timeline17)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--parts", default="startup,jobs,stages,ray,stream")
    parser.add_argument("--out", default=str(Path(__file__).with_name("scale.json")))
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    report: dict = {"machine": {"cpus": os.cpu_count(), "load_average_at_start": os.getloadavg()}}
    previous = json.loads(Path(args.out).read_text()) if Path(args.out).exists() else {}
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        if "startup" in parts:
            report["startup"] = startup(tmp, args.repeats)
            print("startup", report["startup"], flush=True)
        if "jobs" in parts:
            report["end_to_end"] = []
            for lang in ("en", "id"):
                for jobs in (1, 2):
                    report["end_to_end"].append(end_to_end(tmp, lang, args.articles, jobs))
                    print(report["end_to_end"][-1], flush=True)
        if "stages" in parts:
            report["per_stage"] = {lang: per_stage(lang, args.stage_articles, tmp) for lang in ("en", "id")}
            print("stages", report["per_stage"], flush=True)
        if "ray" in parts:
            runs = [end_to_end(tmp, "id", args.ray_articles, workers, "ray") for workers in (1, 2)]
            report["ray"] = {"runs": runs, "speed_up_2_over_1": round(runs[0]["seconds"] / runs[1]["seconds"], 2)}
            print("ray", report["ray"], flush=True)
        if "stream" in parts:
            report["stream"] = memory_stream(tmp, args.stream_articles, args.stream_languages.split(","))
            print("stream", {k: v for k, v in report["stream"].items() if k != "samples_every_10"}, flush=True)
    report["machine"]["load_average_at_end"] = os.getloadavg()
    merged = {**previous, **report}  # a run of some parts keeps the others' last figures
    Path(args.out).write_text(json.dumps(merged, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
