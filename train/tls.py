"""Train the date ranker of timeline summaries (`linimasa/corpus/dates.py`): which days of a collection a
summary should hold. scikit-learn's LogisticRegression does the fitting; the weights ship as JSON in
`linimasa/models/tls/dates.json`.

    python train/tls.py            # needs the topic databases of bench/tls.py (built there, or here, once)

Data: every gold timeline of the visible Timeline17 folders (en) and ML-Crisis (es/fr/it). The examples are the
candidate days `linimasa.corpus.timeline.summary_candidates` returns for a gold timeline's first-to-last date on
the topic's database from `linimasa run` — the path users run — labelled 1 when the gold holds that day; every
timeline weighs the same in all (its examples share weight 1), so that big topics do not drown small ones.

Leave-one-topic-out: for each topic group (one event: all H1N1 folders; egypt in es, fr and it) a ranker is fitted
on the other groups and written to `bench/tls-folds.json`, which bench/tls.py scores with; the date F1 of those
held-out rankers is printed here (top N days against the gold's N). The shipped ranker is fitted on all groups.
Regularisation (C) is chosen by that held-out date F1 over a small grid — the one choice made on held-out scores;
the bench's AR figures then come from the same held-out folds.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import tls as bench  # noqa: E402
from linimasa.corpus.dates import FEATURES, DateModel  # noqa: E402
from linimasa.corpus.timeline import stored_timeline, summary_candidates  # noqa: E402
from linimasa.settings import Context  # noqa: E402
from linimasa.store import open_store  # noqa: E402

OUT = ROOT / "linimasa" / "models" / "tls" / "dates.json"
C_GRID = (0.01, 0.1, 1.0)


def examples(only: str = "", cached_only: bool = False) -> list[dict]:
    """One entry per gold timeline: its group, the candidate days, their feature matrix and labels."""
    out = []
    for topic in bench.topics(only):
        if cached_only and not (bench.CACHE / f"{topic.key}.db.time").exists():
            continue
        db, _ = bench.database(topic)
        with open_store(str(db)) as store:
            built = stored_timeline(store, min_confidence=Context.create().get("min_confidence"))
            for gold_path in topic.golds:
                gold = bench.read_timelines(gold_path)
                if not gold:
                    continue
                p = bench.protocol(gold)
                found = summary_candidates(store, topic.query, (), p["date_from"], p["date_to"], built)
                days = sorted(found.features)
                out.append({"name": f"{topic.corpus}/{topic.name}", "group": topic.group, "days": days,
                            "gold": {d.isoformat() for d in gold}, "n": p["max_dates"],
                            "X": np.array([[found.features[d][f] for f in FEATURES] for d in days]),
                            "y": np.array([d in {g.isoformat() for g in gold} for d in days], dtype=int)})
                print(f"{out[-1]['name']}: {len(days)} candidate days, {int(out[-1]['y'].sum())} of {len(gold)} "
                      "gold days among them", flush=True)
    return out


def fit(items: list[dict], c: float) -> DateModel:
    X = np.vstack([t["X"] for t in items])
    y = np.concatenate([t["y"] for t in items])
    w = np.concatenate([np.full(len(t["y"]), 1.0 / max(1, len(t["y"]))) for t in items])
    scaler = StandardScaler().fit(X)
    lr = LogisticRegression(C=c, max_iter=5000).fit(scaler.transform(X), y, sample_weight=w * len(items))
    return DateModel(FEATURES, tuple(scaler.mean_.round(6)), tuple(scaler.scale_.round(6)),
                     tuple(lr.coef_[0].round(6)), round(float(lr.intercept_[0]), 6))


class _Count:
    """The earlier ranker, for comparison: sentences naming the day plus lead sentences of the day's articles."""

    @staticmethod
    def score(x: dict[str, float]) -> float:
        return np.expm1(x["ref_sentences_log"]) + np.expm1(x["lead_sentences_log"])


COUNT_RANKER = _Count()


def date_f1(model: DateModel, item: dict) -> float:
    scores = [model.score(dict(zip(FEATURES, row))) for row in item["X"]]
    ranked = [d for d, _ in sorted(zip(item["days"], scores), key=lambda x: (-x[1], x[0]))[: item["n"]]]
    hit = sum(d in item["gold"] for d in ranked)
    if not ranked or not hit:
        return 0.0
    p, r = hit / len(ranked), hit / len(item["gold"])
    return 2 * p * r / (p + r)


def loto(items: list[dict], c: float) -> tuple[dict[str, DateModel], dict[str, float]]:
    groups = sorted({t["group"] for t in items})
    folds = {g: fit([t for t in items if t["group"] != g], c) for g in groups}
    return folds, {t["name"]: round(date_f1(folds[t["group"]], t), 3) for t in items}


def _means(scores: dict[str, float]) -> dict[str, float]:
    by = defaultdict(list)
    for name, v in scores.items():
        by[name.split("/")[0]].append(v)
    return {k: round(sum(v) / len(v), 3) for k, v in by.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["t17", "ml-crisis"], default="")
    parser.add_argument("--cached-only", action="store_true", help="Only the topics whose databases are built")
    args = parser.parse_args()
    items = examples(args.only, args.cached_only)
    counts = {t["name"]: round(date_f1(COUNT_RANKER, t), 3) for t in items}
    print(f"unsupervised count of sentences (the earlier bench's ranker): date F1 {_means(counts)}")
    results = {c: loto(items, c) for c in C_GRID}
    for c, (_, scores) in results.items():
        print(f"C={c}: leave-one-topic-out date F1 {_means(scores)}")
    best = max(C_GRID, key=lambda c: (sum(results[c][1].values()), -c))
    folds, scores = results[best]
    for name, v in scores.items():
        print(f"  {name}: {v}")
    meta = {"C": best, "features": list(FEATURES), "loto_date_f1": scores, "loto_mean": _means(scores),
            "groups": sorted({t["group"] for t in items}), "timelines": [t["name"] for t in items]}
    bench.FOLDS.write_text(json.dumps({"meta": meta, "folds": {g: m.to_dict() for g, m in folds.items()}},
                                      indent=1) + "\n", encoding="utf-8")
    shipped = fit(items, best)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(shipped.to_dict() | {"meta": {"C": best, "trained_on": meta["timelines"],
                                                            "loto_mean_date_f1": meta["loto_mean"]}},
                              indent=1) + "\n", encoding="utf-8")
    print(f"C={best}; wrote {OUT} and {bench.FOLDS}")


if __name__ == "__main__":
    main()
