"""Wrong inferences of cross-document dating: articles through `linimasa.process`, every other one with its
publication date (a JSON Lines `date` field) and the rest as text only (dates withheld); of the withheld ones dated
*from other articles* (`published.source == "inferred"` with evidence "from other sources"), how many got the
right day. Run with the same-story evidence (`places_differ`, `STORY_NAMES`,
`_weight_of` in linimasa/corpus) and, with `--compare`, once more without it (monkeypatched off), to show what it
changes.

Corpora: IndoTimex Kompas (75 Indonesian articles, 2 stories; gold = DCT) and T17 (English, the first
`--t17-per-topic` articles of each topic folder; gold = the article's date). Writes bench/inferred_dates.json.

    python bench/inferred_dates.py --compare             # Kompas + T17 30 per topic (~5 min on 2 cores)
"""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import linimasa  # noqa: E402
from linimasa.corpus import dating, link, refine  # noqa: E402
from timex import kompas_articles, t17_articles  # noqa: E402

TOLERANCE_DAYS = 1  # a day either side: time zones and overnight reporting (gold DCTs are local days)


@contextmanager
def without_evidence():
    """Cross-document steps as they were before the same-story evidence: any two places fit, any story overlap."""
    saved = link.places_differ, dating.places_differ, refine.places_differ, dating.STORY_NAMES, dating._weight_of
    never = lambda a, b: False  # noqa: E731
    link.places_differ = dating.places_differ = refine.places_differ = never
    dating.STORY_NAMES = 0
    dating._weight_of = lambda clue, wanted, holds_on: clue.weight  # any clue that holds weighs as a day
    try:
        yield
    finally:
        (link.places_differ, dating.places_differ, refine.places_differ, dating.STORY_NAMES,
         dating._weight_of) = saved


def score(articles: list[dict], tmp: Path) -> dict:
    path = tmp / "articles.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for n, a in enumerate(articles):
            dated = {"date": a["date"]} if n % 2 == 0 else {}  # the dated half dates the withheld half, if anything
            f.write(json.dumps({"id": a["id"], "title": a.get("title", ""), "text": a["text"], **dated}) + "\n")
    db = tmp / "x.db"
    db.unlink(missing_ok=True)
    corpus = linimasa.process([path], db=str(db))
    found = {d.id: d.published for d in corpus.documents}
    corpus.store.close()
    gold = {a["id"]: date.fromisoformat(a["date"]) for n, a in enumerate(articles) if n % 2 == 1}
    across = {i: p for i, p in found.items()
              if i in gold and p and p.source == "inferred" and p.evidence.startswith("from other")}
    wrong = {i: (p.date, gold[i].isoformat(), p.evidence[:160]) for i, p in across.items()
             if abs((date.fromisoformat(p.date) - gold[i]).days) > TOLERANCE_DAYS}
    return {"articles": len(articles), "withheld": len(gold), "dated_from_others": len(across), "right": len(across) - len(wrong),
            "precision": round((len(across) - len(wrong)) / len(across), 3) if across else None,
            "wrong_examples": dict(list(wrong.items())[:5])}


def main() -> None:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--t17-per-topic", type=int, default=30)
    parser.add_argument("--t17-skip", type=int, default=0,
                        help="pass over the first N articles of each topic (those the rules were looked at on)")
    parser.add_argument("--compare", action="store_true", help="also run without the same-story evidence")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "inferred_dates.json")
    args = parser.parse_args()
    eval_data = args.shared / "eval-data"
    t17 = t17_articles(eval_data, args.t17_skip + args.t17_per_topic)
    topics = [a["id"].rsplit("-", 1)[0] for a in t17]
    t17 = [a for n, a in enumerate(t17) if n - topics.index(topics[n]) >= args.t17_skip]
    corpora = {"kompas": kompas_articles(eval_data), "t17": t17}
    result: dict = {"tolerance_days": TOLERANCE_DAYS, "t17_per_topic": args.t17_per_topic, "t17_skip": args.t17_skip}
    with tempfile.TemporaryDirectory() as tmp:
        for name, articles in corpora.items():
            result[name] = {"with_evidence": score(articles, Path(tmp))}
            if args.compare:
                with without_evidence():
                    result[name]["without_evidence"] = score(articles, Path(tmp))
            print(name, json.dumps(result[name], ensure_ascii=False), flush=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
