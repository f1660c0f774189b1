"""Event benchmark: the seeds gold timeline (per gold event and document: is there a mention with the right type,
participants, date and status) and agreement of our status with TimeML's MAKEINSTANCE modality/polarity on
TimeBank+AQUAINT (TBAQ-cleaned) for the events we find there.

    python bench/events.py [--shared ../shared] [--out bench/events.json]

Seeds: a mention *matches* a gold event when its type is the gold type and every gold participant is among its
actors, targets or source; its date is right when it agrees with the gold date at the gold's granularity; its
status is right when it equals the gold status (for the 30 Dec call: `planned` in 004, `happened` in 001, as the
gold note says). Precision counts our mentions that match any gold event of their document; the gold lists only
the main events, so it is a lower bound.
TBAQ: our mentions whose trigger overlaps a TimeML EVENT are compared with its instance: polarity NEG -> negated;
modality will/shall or tense FUTURE -> planned; would/could/may/might/can/should/must -> hypothetical;
else happened.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from linimasa.api import process  # noqa: E402
from linimasa.events.threshold import default_threshold, shown as is_shown  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
STATUS_IN_DOC = {("phone-call", "004_6ec3a7005892a893"): "planned", ("phone-call", "001_86cd6f01714b256d"): "happened"}


def date_ok(mention_date: str, gold: str) -> bool:
    from eventdata import on_date

    return on_date(mention_date, gold)


def seeds(shared: Path) -> dict:
    gold = json.loads((shared / "gold" / "seeds.json").read_text(encoding="utf-8"))["timeline"]["events"]
    corpus = process([shared / "seeds"])
    by_doc = {d.id: d.event_mentions for d in corpus.documents}
    rows, matched_ids = [], set()
    for event in gold:
        for doc_id in event["docs"]:
            want = STATUS_IN_DOC.get((event["id"], doc_id), event["status"])
            cands = [m for m in by_doc.get(doc_id, []) if m.type == event["type"]
                     and set(event["participants"]) <= set(m.actors + m.targets + [m.source])]
            for m in cands:
                matched_ids.add(id(m))
            best = max(cands, key=lambda m: (m.status == want and date_ok(m.date, event["date"]),
                                             m.status == want, date_ok(m.date, event["date"])), default=None)
            rows.append({
                "event": event["id"], "doc": doc_id, "found": best is not None,
                "date": best.date if best else "", "date_ok": bool(best and date_ok(best.date, event["date"])),
                "status": best.status if best else "", "status_ok": bool(best and best.status == want),
                "cue": best.status_cue if best else "", "gold_date": event["date"], "gold_status": want,
            })
    mentions = [m for ms in by_doc.values() for m in ms]
    found = [r for r in rows if r["found"]]
    return {
        "pairs": len(rows),
        "found": len(found),
        "recall_type_participants": round(len(found) / len(rows), 3),
        "recall_full": round(sum(r["found"] and r["date_ok"] and r["status_ok"] for r in rows) / len(rows), 3),
        "date_accuracy_of_found": round(sum(r["date_ok"] for r in found) / max(1, len(found)), 3),
        "status_accuracy_of_found": round(sum(r["status_ok"] for r in found) / max(1, len(found)), 3),
        "mentions": len(mentions),
        "precision_lower_bound": round(len(matched_ids) / max(1, len(mentions)), 3),
        "rows": rows,
    }


def tbaq(shared: Path, limit: int = 0) -> dict:
    """Status agreement on TBAQ documents run through linimasa as English text anchored on their DCT."""
    from eventdata import timebank_documents, timeml_status
    from linimasa.pipeline import registered_stages
    from linimasa.settings import Context

    stages = [registered_stages()[name].fn for name in ("sentences", "timex", "entities", "events")]
    ctx = Context.create()

    documents = list(timebank_documents(shared))
    if limit:
        documents = documents[:limit]
    pairs, confusion, start = 0, Counter(), time.perf_counter()
    n_mentions = 0
    for path, doc, events in documents:
        for fn in stages:  # the text is clean TimeML: no cleaning, language or dating stage
            doc = fn(doc, ctx)
        n_mentions += len(doc.event_mentions)
        for m in doc.event_mentions:
            if m.trigger_span is None:
                continue
            hit = next((e for e in events if e[0] < m.trigger_span.end and m.trigger_span.start < e[1]), None)
            if hit is None:
                continue
            pairs += 1
            confusion[(m.status, timeml_status(hit[2]))] += 1
    agree = sum(n for (ours, theirs), n in confusion.items() if ours == theirs)
    return {
        "documents": len(documents), "mentions": n_mentions, "aligned": pairs,
        "agreement": round(agree / pairs, 3) if pairs else 0.0,
        "confusion": {f"{a}->{b}": n for (a, b), n in sorted(confusion.items())},
        "docs_per_s": round(len(documents) / (time.perf_counter() - start), 1),
    }


def bed(shared: Path, splits: tuple[str, ...] = ("dev", "test"), draws: bool | list[int] = False) -> dict:
    """The event test bed (bench/events/): every bed article through `linimasa run`'s path (`process` into a
    SQLite store), then each annotated sentence's stored mentions at or over the default confidence threshold
    against its gold mentions. Fully right: type, actors, targets, status and date right (GUIDELINE.md).
    With `draws`, the training draws' sentences (dev articles, each holding a trigger candidate; the classifier's
    training data) are scored too, as split "draws": a larger dev-side view for error analysis, never held out;
    a list of draw numbers scores those draws only (a draw kept out of training, to decide a retraining on)."""
    import tempfile

    import eventdata as ed
    from linimasa.settings import Context

    threshold = Context.create().get("min_confidence")
    items = [i for i in map(json.loads, (ROOT / "bench/events/sentences.jsonl").read_text().splitlines())
             if i["split"] in splits]
    if "test-draws" in splits:  # sentences with a trigger candidate from test articles: scored, never tuned on
        items += [dict(i, split="test-draws")
                  for i in map(json.loads, (ROOT / "bench/events" / ed.TEST_DRAW_FILE).read_text().splitlines())]
    if "test-sentences" in splits:  # Indonesian single news sentences of the test half (session 28): never tuned on
        items += [dict(i, split="test-sentences")
                  for i in map(json.loads, (ROOT / "bench/events" / ed.TEST_SENTENCE_FILE).read_text().splitlines())]
    if draws:
        items += [dict(i, split="draws", draw=n) for n, name in enumerate(ed.TRAIN_FILES, 1)
                  if draws is True or n in draws
                  for i in map(json.loads, (ROOT / "bench/events" / name).read_text().splitlines())]
    gold = ed.annotations()
    items = [i for i in items if i["id"] in gold]
    pool = ed.articles(shared)
    keys = sorted({i["doc"] for i in items})
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "bed.jsonl"
        with open(source, "w", encoding="utf-8") as f:
            for k in keys:
                f.write(json.dumps({"id": k, "text": pool[k]["text"], "date": pool[k]["date"]}, ensure_ascii=False) + "\n")
        start = time.perf_counter()
        corpus = process([source], db=str(Path(tmp) / "bed.db"))
        seconds = time.perf_counter() - start
        docs = {d.id: d for d in corpus.documents}
    rows = []
    for item in items:
        doc, text = docs.get(item["doc"]), ed.sentence_text(item, shared)
        where = ed.locate(doc.text, text) if doc is not None else None
        system = [] if where is None else [m for m in doc.event_mentions if m.trigger_span is not None
                                           and where.start <= m.trigger_span.start < where.end]
        s0 = item["start"]
        events = [dict(g, t_start=where.to_doc(g["trigger"][0] - s0), t_end=where.to_doc(g["trigger"][1] - s0))
                  if where else dict(g, t_start=-1, t_end=-1) for g in gold[item["id"]]["events"]]
        rows.append({"id": item["id"], "lang": item["lang"], "split": item["split"], "found_text": where is not None,
                     "published": item["published"], "gold": events, "all": system, "draw": item.get("draw")})
    sweep = {f"{t:.2f}": {k: {"full": (v["precision"], v["recall"]), "event": (v["event_precision"], v["event_recall"])}
                           for k, v in bed_scores(rows, t).items()} for t in THRESHOLDS}
    scores = bed_scores(rows, threshold)
    # each training draw on its own as well ("draw4/en"): a draw the shipped models were not trained on, and no rule
    # was read off, is one more unseen set (bench/RESULTS.md says which)
    scores.update(bed_scores([dict(r, split=f"draw{r['draw']}") for r in rows if r["draw"]], threshold))
    if threshold is None:  # each language's own, as `linimasa events` shows them
        threshold = {code: default_threshold(code) for code in sorted({r["lang"] for r in rows})}
    out_rows = [{"id": r["id"], "lang": r["lang"], "split": r["split"],
                 "gold": [{k: g[k] for k in ("type", "status", "date", "actors", "targets", "t_start", "t_end")} for g in r["gold"]], "published": r["published"],
                 "system": [{"type": m.type, "trigger": m.trigger, "t_span": [m.trigger_span.start, m.trigger_span.end], "status": m.status, "cue": m.status_cue, "date_source": m.date_source,
                             "date": m.date, "actors": m.actors, "targets": m.targets, "confidence": m.confidence}
                            for m in r["all"]]} for r in rows]
    return {"threshold": threshold, "articles": len(keys), "seconds": round(seconds, 1),
            "scores": scores, "sweep": sweep, "rows": out_rows}


def cost(shared: Path, per_lang: int = 80) -> dict:
    """What the new parts of the events stage cost per article on `process` (the path users run): the bed's
    articles of each language with the parser and the models on (the default), then with both off, after a
    warm-up run that loads every model; seconds per article and the difference."""
    import tempfile

    import eventdata as ed

    pool = ed.articles(shared)
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for code in ("en", "id"):
            items = [json.loads(line) for line in (ROOT / "bench/events/sentences.jsonl").read_text().splitlines()]
            keys = sorted({i["doc"] for i in items if i["lang"] == code})[:per_lang]
            source = Path(tmp) / f"{code}.jsonl"
            with open(source, "w", encoding="utf-8") as f:
                for k in keys:
                    f.write(json.dumps({"id": k, "text": pool[k]["text"], "date": pool[k]["date"]}, ensure_ascii=False) + "\n")
            process([source], settings={"dedupe": False})  # warm-up: every model loaded
            seconds = {}
            for name, settings in (("with", {}), ("without", {"event_syntax": False, "event_models": False})):
                start = time.perf_counter()
                process([source], settings={"dedupe": False, **settings})
                seconds[name] = (time.perf_counter() - start) / len(keys)
            out[code] = {"articles": len(keys), "s_per_article_with": round(seconds["with"], 4),
                         "s_per_article_without": round(seconds["without"], 4),
                         "added_s_per_article": round(seconds["with"] - seconds["without"], 4)}
    return out


# The sweep: every 0.05, and every 0.01 where thresholds are chosen (the calibrated confidences of shown mentions
# sit mostly between 0.15 and 0.60).
THRESHOLDS = sorted({round(0.05 * i, 2) for i in range(2, 19)} | {round(0.01 * i, 2) for i in range(15, 61)})


def agreement(folder: Path = ROOT / "bench/events/agreement") -> dict:
    """Inter-annotator agreement: annotator B's independent reading of the test split (bench/events/agreement/,
    made without seeing annotator A's labels or system output) scored as if it were the system, against annotator
    A's (the bed's gold), with the same matching and the same "fully right" rule. Its precision and recall are what
    a second careful reader reaches: the ceiling a system can be expected to reach on this bed."""
    from types import SimpleNamespace

    import eventdata as ed

    other = ed.annotations(folder)
    if not other:
        return {}
    gold = ed.annotations()
    items = [i for i in map(json.loads, (ROOT / "bench/events/sentences.jsonl").read_text().splitlines())
             if i["id"] in other and i["id"] in gold]

    def mention(e: dict, published: str) -> SimpleNamespace:
        date, source = e["date"], "timex"
        if date == "PUB":
            date, source = published, "published"
        elif not date:
            source = ""
        return SimpleNamespace(type=e["type"], actors=e["actors"], targets=e["targets"], status=e["status"],
                               date=date, date_source=source, confidence=1.0,
                               trigger_span=SimpleNamespace(start=e["trigger"][0], end=e["trigger"][1]))

    rows = [{"id": i["id"], "lang": i["lang"], "split": i["split"], "published": i["published"],
             "gold": [dict(g, t_start=g["trigger"][0], t_end=g["trigger"][1]) for g in gold[i["id"]]["events"]],
             "all": [mention(e, i["published"]) for e in other[i["id"]]["events"]]} for i in items]
    return {"sentences": len(rows), "scores": bed_scores(rows, 0.0)}


def bed_scores(rows: list[dict], threshold: float | None) -> dict:
    """Per split and language (and per gold type on each): precision of shown mentions (fully right), recall of
    gold mentions (fully right), found (a pair), type and status accuracy on found pairs with overlapping
    triggers or the same type, and each part's accuracy."""
    import eventdata as ed

    out: dict = {}
    for split in sorted({r["split"] for r in rows}):
        for code in sorted({r["lang"] for r in rows}):
            sel = [r for r in rows if r["split"] == split and r["lang"] == code]
            shown = {r["id"]: [m for m in r["all"] if is_shown(m, threshold)] for r in sel}
            pairs = [(r, i, j, v) for r in sel for i, j, v in ed.match_sentence(r["gold"], shown[r["id"]], r["published"])]
            n_sys = sum(len(v) for v in shown.values())
            n_gold = sum(len(r["gold"]) for r in sel)
            full = [p for p in pairs if all(p[3].values())]
            parts = {k: round(sum(p[3][k] for p in pairs) / max(1, len(pairs)), 3)
                     for k in ("type", "actors", "targets", "status", "date")}
            # "Found" for type and status accuracy: the system mention's trigger overlaps the gold trigger.
            hits = [(r, i, j, v) for r, i, j, v in pairs if r["gold"][i]["t_start"] < shown[r["id"]][j].trigger_span.end
                    and shown[r["id"]][j].trigger_span.start < r["gold"][i]["t_end"]]
            parts["type_of_overlapping"] = round(sum(v["type"] for *_, v in hits) / max(1, len(hits)), 3)
            parts["status_of_overlapping"] = round(sum(v["status"] for *_, v in hits) / max(1, len(hits)), 3)
            parts["overlapping"] = len(hits)
            per_type = {}
            for t in sorted({g["type"] for r in sel for g in r["gold"]} | {m.type for v in shown.values() for m in v}):
                g_n = sum(g["type"] == t for r in sel for g in r["gold"])
                s_n = sum(m.type == t for v in shown.values() for m in v)
                f_n = sum(1 for r, i, j, v in full if r["gold"][i]["type"] == t)
                per_type[t] = {"gold": g_n, "shown": s_n, "fully_right": f_n,
                               "precision": round(f_n / s_n, 3) if s_n else None,
                               "recall": round(f_n / g_n, 3) if g_n else None}
            typed = [h for h in hits if h[3]["type"]]
            # "" and PUB as one class ("no date of its own"), the date rule two readers disagree on most
            loose = [p for r in sel for p in ed.match_sentence(r["gold"], shown[r["id"]], r["published"], one_class=True)
                     if all(p[2].values())]
            out[f"{split}/{code}"] = {
                "sentences": len(sel), "gold_mentions": n_gold, "shown_mentions": n_sys,
                # the event alone (trigger overlaps, type right), what the confidence itself predicts
                "event_precision": round(len(typed) / max(1, n_sys), 3), "event_recall": round(len(typed) / max(1, n_gold), 3),
                "precision": round(len(full) / max(1, n_sys), 3), "recall": round(len(full) / max(1, n_gold), 3),
                "precision_no_own_date_one_class": round(len(loose) / max(1, n_sys), 3),
                "recall_no_own_date_one_class": round(len(loose) / max(1, n_gold), 3),
                "found": round(len(pairs) / max(1, n_gold), 3), "part_accuracy_of_found": parts,
                "per_type": per_type,
            }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "events.json")
    parser.add_argument("--only-bed", action="store_true", help="score the test bed only")
    parser.add_argument("--splits", default="dev,test,test-draws,test-sentences",
                        help="bed splits to score: dev, test (the random draw), test-draws (test articles' "
                        "sentences with a trigger candidate, session 18) and test-sentences (Indonesian single news "
                        "sentences with one, the test half of NER-UI / NER-UGM, session 28)")
    parser.add_argument("--draws", type=int, nargs="*", metavar="N",
                        help="also score the training draws (split 'draws'): all, or those numbered N")
    args = parser.parse_args()
    draws = False if args.draws is None else (args.draws or True)
    results = {"bed": bed(args.shared, tuple(args.splits.split(",")), draws)}
    for key, s in results["bed"]["scores"].items():
        print(f"bed {key}: precision {s['precision']} recall {s['recall']} (event alone {s['event_precision']}/"
              f"{s['event_recall']}) found {s['found']} "
              f"({s['shown_mentions']} shown, {s['gold_mentions']} gold, {s['sentences']} sentences) parts {s['part_accuracy_of_found']}")
    results["agreement"] = agreement()
    for key, s in results["agreement"].get("scores", {}).items():
        print(f"agreement {key} (annotator B as the system, A as gold): precision {s['precision']} recall "
              f"{s['recall']} (event alone {s['event_precision']}/{s['event_recall']}) parts {s['part_accuracy_of_found']}")
    if args.only_bed:
        args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return
    results.update({"seeds": seeds(args.shared), "tbaq": tbaq(args.shared), "cost": cost(args.shared)})
    for code, c in results["cost"].items():
        print(f"cost {code}: {c['s_per_article_with']} s/article with syntax and models, "
              f"{c['s_per_article_without']} without (+{c['added_s_per_article']} s) on {c['articles']} articles")
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    s, t = results["seeds"], results["tbaq"]
    print(f"seeds: {s['found']}/{s['pairs']} (event, doc) pairs found with type+participants "
          f"({s['recall_type_participants']}); full match (date and status too) {s['recall_full']}; "
          f"date acc {s['date_accuracy_of_found']}, status acc {s['status_accuracy_of_found']} of found; "
          f"precision >= {s['precision_lower_bound']} of {s['mentions']} mentions")
    for r in s["rows"]:
        mark = "ok" if r["found"] and r["date_ok"] and r["status_ok"] else "--"
        print(f"  {mark} {r['event']:22} {r['doc'][:3]} found={r['found']} date={r['date'] or '-'}({r['gold_date']}) "
              f"status={r['status'] or '-'}({r['gold_status']}) cue={r['cue']!r}")
    print(f"tbaq: {t['aligned']} aligned mentions in {t['documents']} docs, status agreement {t['agreement']} "
          f"{t['confusion']}, {t['docs_per_s']} docs/s")


if __name__ == "__main__":
    main()
