"""Train the event decisions (`linimasa/events/classify.py`): the type model (is a lexicon candidate an event,
and of which PLOVER type) and the status model (happened / planned / proposed / conditional / hypothetical /
negated) and the actor and target models (where the rules found no one, which names and nouns of the sentence
take part).
scikit-learn's LogisticRegression does the fitting; the weights ship as JSON in linimasa/models/events/.

    python train/events.py [--shared ../shared] [--models type status actor target dating propose]

Training data, never the bed's test split:
- the event test bed's **dev** split (bench/events/sentences.jsonl) and the training sentences drawn from dev
  articles only (bench/events/train_sentences.jsonl; each holds a trigger candidate), both annotated by reading
  against the PLOVER codebook (bench/events/annotations/): every
  candidate the events stage proposes in a dev sentence, labelled with the type and status of the gold mention
  its trigger overlaps, else NONE; the candidates come from `linimasa.api.process`, the path users run;
- TimeBank + AQUAINT (TBAQ-cleaned): candidates on a TimeML EVENT are events (of the lexicon's type), others
  not (what TimeBank teaches about eventiveness; weight TIMEBANK_TYPE_WEIGHT); every EVENT with a MAKEINSTANCE
  gives a status example (polarity NEG -> negated, will/shall or FUTURE -> planned, a modal -> hypothetical, else
  happened; weight TIMEBANK_STATUS_WEIGHT), its features read from spaCy's parse as the stage reads them.
- the actor and target models learn, from the dev candidates of gold events the rules gave no actor (target),
  which names and nouns of the sentence the readers took for it (`linimasa.events.options`); each one's threshold
  is the one that makes the most mentions right in its role, out of fold.
- the proposal model learns, from every verb and noun of the dev sentences that no lexicon trigger covers, which
  are triggers of which type (`linimasa.events.propose`); its event probability is calibrated out of fold.
- the dating model learns, from the dev candidates of gold events that happened and that the rules date by the
  report's day (the readers' date PUB or ""), whether one is that day's news or background left undated
  (`features.dating_features`); its threshold is the one that dates the most of them as the readers do, out of
  fold.
Regularisation is chosen by cross-validation over dev articles (grouped, so no article is on both sides); the
cross-validated probabilities give the calibration figures written into the model's meta.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import eventdata as ed  # noqa: E402
from linimasa.api import process  # noqa: E402
from linimasa.events.classify import NONE, UNDATED  # noqa: E402
from linimasa.events.features import dating_features, sentence_features  # noqa: E402

OUT = ROOT / "linimasa" / "models" / "events"
# TimeBank's EVENT tags mark any eventuality, PLOVER's types only some: they count less than our own labels.
TIMEBANK_TYPE_WEIGHT = 0.3
TIMEBANK_STATUS_WEIGHT = 0.5
# Inverse regularisation strengths tried by grouped cross-validation on dev.
C_GRID = (0.1, 0.3, 1.0, 3.0)
# The proposal model's rows are every open verb and noun of ten thousand sentences (about ten times the type
# model's): fewer values to try keep its training within minutes.
PROPOSE_C_GRID = (0.3, 1.0)
FOLDS = 5
CALIBRATION_BINS = 10
# The default threshold (`min_confidence`) is the calibrated confidence that maximises F-beta of "an event of the
# right type" over the out-of-fold dev candidates; beta 0.5 weighs precision twice as much as recall (an analyst
# reads every entry the timeline shows, and misses are still searchable with --min-confidence 0).
THRESHOLD_BETA = 0.5
THRESHOLD_GRID = np.round(np.arange(0.05, 0.96, 0.01), 2)
# A document word (features.document_words) is kept in the type model when this many training articles hold it: a
# rarer word tells of one article, not of a kind of news, and would only grow the shipped model.
DOC_WORD_MIN_ARTICLES = 3
# The role models (linimasa.events.options) and the thresholds tried for them: a role model adds a participant only
# where the rules found none, so it is held to a probability of at least even odds.
ROLES = ("actor", "target")
ROLE_GRID = np.round(np.arange(0.5, 0.96, 0.05), 2)
# The thresholds tried for the dating model's P(undated): any odds, chosen out of fold for the most dates right.
DATING_GRID = np.round(np.arange(0.3, 0.81, 0.05), 2)


def dev_items(leave_out: frozenset[int] = frozenset()) -> tuple[list[dict], dict[str, dict]]:
    """(the annotated dev sentences of the bed and of the training draws but those numbered in `leave_out`, the
    annotations by sentence id)."""
    names = [name for n, name in enumerate(ed.TRAIN_FILES, 1) if n not in leave_out]
    gold = ed.annotations()
    items = [json.loads(line) for name in ("sentences.jsonl", *names)
             for line in (ROOT / "bench/events" / name).read_text().splitlines()]
    return [i for i in items if i["split"] == "dev" and i["id"] in gold], gold


def dev_rows(shared: Path, leave_out: frozenset[int] = frozenset()) -> tuple[list[dict], list[dict], tuple, list[dict]]:
    """(type rows, status rows, role -> (option rows per mention, gold names per mention), dating rows) from the
    bed's dev split and the training draws but those numbered in `leave_out` (kept unseen to check a retraining on
    before it ships): features, label, group (article), weight; an option row is one name or noun that could be an actor
    (target) of a mention the rules gave none (`linimasa.events.options`), labelled with the role when the gold
    names it there."""
    items, gold = dev_items(leave_out)
    pool = ed.articles(shared)
    keys = sorted({i["doc"] for i in items})
    docs = {}
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "dev.jsonl"
        with open(source, "w", encoding="utf-8") as f:
            for k in keys:
                f.write(json.dumps({"id": k, "text": pool[k]["text"], "date": pool[k]["date"]}, ensure_ascii=False) + "\n")
        process([source], settings={"event_models": False, "event_all_candidates": True, "dedupe": False},
                on_document=lambda d: docs.__setitem__(d.id, d))
    type_rows, status_rows, dating = [], [], []
    role_rows: dict[str, list[list[dict]]] = {role: [] for role in ROLES}  # per mention, its options' rows
    role_gold: dict[str, list[list[str]]] = {role: [] for role in ROLES}  # per mention, the gold names in the role
    for item in items:
        doc, text = docs.get(item["doc"]), ed.sentence_text(item, shared)
        where = ed.locate(doc.text, text) if doc is not None else None
        if where is None:
            continue
        s0 = item["start"]
        events = [(where.to_doc(g["trigger"][0] - s0), where.to_doc(g["trigger"][1] - s0), g)
                  for g in gold[item["id"]]["events"]]
        for m in doc.event_mentions:
            if m.trigger_span is None or not (where.start <= m.trigger_span.start < where.end):
                continue
            hit = next((g for s, e, g in events if s < m.trigger_span.end and m.trigger_span.start < e), None)
            type_rows.append({"x": m.features, "y": hit["type"] if hit else NONE, "group": item["doc"], "w": 1.0})
            if hit:
                status_rows.append({"x": sentence_features(m.features), "y": hit["status"], "group": item["doc"],
                                    "w": 1.0})
            if hit and hit["status"] == "happened" and hit["date"] in ("PUB", "") and m.date_source == "published":
                # a happened event the rules date by the report's day: that day's news (PUB) or background ("")
                dating.append({"x": dating_features(m.features, m.sentence, m.lang),
                               "y": UNDATED if hit["date"] == "" else "report_day", "group": item["doc"], "w": 1.0})
            for role, options in m.role_options.items() if hit else []:
                gold_side = hit[f"{role}s"]
                role_rows[role].append([{"x": x, "y": role if any(ed.same_name(g, name) for g in gold_side)
                                         else "none", "group": item["doc"], "w": 1.0, "name": name}
                                        for name, x in options])
                role_gold[role].append(gold_side)
    return type_rows, status_rows, {role: (role_rows[role], role_gold[role]) for role in ROLES}, dating


def propose_rows(shared: Path, leave_out: frozenset[int] = frozenset()) -> list[dict]:
    """Rows of the proposal model (`linimasa.events.propose`) from the same annotated dev sentences as `dev_rows`:
    every verb and noun of a sentence's parse that no lexicon trigger covers, labelled with the type of the gold
    mention whose trigger it overlaps, else NONE. The sentence is parsed alone (the stage parses it in its document,
    without a dateline: the same words)."""
    from linimasa.events.lexicon import lexicon, matches
    from linimasa.events.propose import open_words, token_features
    from linimasa.syntax import parse

    items, gold = dev_items(leave_out)
    rows = []
    for code in sorted({i["lang"] for i in items}):
        mine = [i for i in items if i["lang"] == code]
        texts = [(i["start"], ed.sentence_text(i, shared)) for i in mine]
        for item, (s0, text), parsed in zip(mine, texts, parse(texts, code)):
            if parsed is None:
                continue
            taken = [(s0 + t.start(), s0 + t.end()) for _, t in matches(text, lexicon(code))]
            events = [(g["trigger"][0], g["trigger"][1], g["type"]) for g in gold[item["id"]]["events"]]
            for t in open_words(parsed, taken):
                label = next((k for s, e, k in events if s < t.end and t.start < e), NONE)
                rows.append({"x": token_features(parsed, t, code), "y": label,
                             "group": item["doc"], "w": 1.0})
    return rows


def role_rows(per_mention: list[list[dict]]) -> list[dict]:
    """The option rows of every mention, each marked with its mention's index (for `role_gain`)."""
    return [dict(r, mention=k) for k, rows in enumerate(per_mention) for r in rows]


def role_gain(role: str, gold: list[list[str]]):
    """The `choose` of a role model: the threshold (ROLE_GRID) at which taking every option at or over it in `role`
    makes the most more mentions' participants in that role right than it makes wrong, out of fold (a mention whose
    gold names no one in the role was right with no one)."""
    def choose(pairs: list[tuple[dict, dict]]) -> dict:
        by_mention: dict[int, list[tuple[float, str]]] = {}
        for row, probs in pairs:
            by_mention.setdefault(row["mention"], []).append((probs.get(role, 0.0), row["name"]))
        before = sum(not gold[k] for k in by_mention)
        best = None
        for t in ROLE_GRID:
            after = sum(ed.same_names(gold[k], list(dict.fromkeys(n for p, n in opts if p >= t)))
                        for k, opts in by_mention.items())
            if best is None or after - before >= best["gain"]:  # a tie: the higher threshold, fewer guesses
                best = {"value": float(t), "gain": after - before, "right_before": before, "right_after": after,
                        "mentions": len(by_mention)}
        return best
    return choose


def dating_gain(pairs: list[tuple[dict, dict]]) -> dict:
    """The `choose` of the dating model: the threshold (DATING_GRID) on P(undated) at which its choice dates the
    most mentions as the readers do, against the rules' (every one by the report's day), out of fold."""
    before = sum(row["y"] != UNDATED for row, _ in pairs)
    best = None
    for t in DATING_GRID:
        after = int(sum((probs.get(UNDATED, 0.0) >= t) == (row["y"] == UNDATED) for row, probs in pairs))
        if best is None or after - before > best["gain"]:
            best = {"value": float(t), "gain": after - before, "right_before": before, "right_after": after,
                    "mentions": len(pairs)}
    return best


def prune_document_words(rows: list[dict], min_articles: int = DOC_WORD_MIN_ARTICLES,
                         prefix: str = "doc=") -> list[dict]:
    """`rows` with the document words (or, with another `prefix`, any features whose name starts so) held by fewer
    than `min_articles` articles (groups) taken out."""
    articles: dict[str, set] = {}
    for r in rows:
        for k in r["x"]:
            if k.startswith(prefix):
                articles.setdefault(k, set()).add(r["group"])
    rare = {k for k, groups in articles.items() if len(groups) < min_articles}
    return [dict(r, x={k: v for k, v in r["x"].items() if k not in rare}) for r in rows]


def timebank_rows(shared: Path) -> tuple[list[dict], list[dict]]:
    """Type rows (eventiveness of lexicon candidates) and status rows (every instanced EVENT) from TBAQ."""
    from linimasa.events.features import candidate_features
    from linimasa.events.frames import frame
    from linimasa.events.lexicon import lexicon
    from linimasa.events.status import decide
    from linimasa.pipeline import registered_stages
    from linimasa.settings import Context
    from linimasa.syntax import parse

    ctx = Context.create({"event_models": False, "event_all_candidates": True})
    stages = [registered_stages()[n].fn for n in ("sentences", "timex", "entities", "events")]
    lex = lexicon("en")
    type_rows, status_rows = [], []
    for path, doc, events in ed.timebank_documents(shared):
        for fn in stages:
            doc = fn(doc, ctx)
        group = f"tbaq/{path.stem}"
        for m in doc.event_mentions:
            hit = any(s < m.trigger_span.end and m.trigger_span.start < e for s, e, _ in events)
            type_rows.append({"x": m.features, "y": m.features and next(
                (k[4:] for k in m.features if k.startswith("lex=") and "|" not in k), NONE) if hit else NONE,
                "group": group, "w": TIMEBANK_TYPE_WEIGHT})
        by_sentence: dict[int, list] = {}
        for s, e, inst in events:
            i = doc.sentence_of(s)
            if i >= 0:
                by_sentence.setdefault(i, []).append((s, e, inst))
        order = sorted(by_sentence)
        parses = parse([(doc.sentences[i].span.start, doc.sentences[i].span.text) for i in order], "en")
        for i, parsed in zip(order, parses):
            sent = doc.sentences[i].span
            for s, e, inst in by_sentence[i]:
                fr = frame(parsed, s, e, "en", False) if parsed is not None else None
                rule, _ = decide(sent.text, s - sent.start, e - sent.start, lex, 0)
                x = candidate_features("en", "NONE", doc.text[s:e], parsed, fr, [], 0, 0, rule, False, 0, sent.text,
                                       s - sent.start)
                status_rows.append({"x": x, "y": ed.timeml_status(inst), "group": group, "w": TIMEBANK_STATUS_WEIGHT})
    return type_rows, status_rows


def _fit(rows: list[dict], c: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([r["x"] for r in rows])
    clf = LogisticRegression(C=c, max_iter=500)
    clf.fit(x, [r["y"] for r in rows], sample_weight=[r["w"] for r in rows])
    return vec, clf


def cross_validate(rows: list[dict], extra: list[dict], c: float) -> list[tuple[dict, dict]]:
    """Out-of-fold (row, probabilities) for the dev rows; the TimeBank rows are always on the training side."""
    from sklearn.model_selection import GroupKFold

    out = []
    groups = [r["group"] for r in rows]
    for train_idx, test_idx in GroupKFold(FOLDS).split(rows, groups=groups):
        vec, clf = _fit([rows[i] for i in train_idx] + extra, c)
        probs = clf.predict_proba(vec.transform([rows[i]["x"] for i in test_idx]))
        out += [(rows[i], dict(zip(clf.classes_, p))) for i, p in zip(test_idx, probs)]
    return out


def calibration(pairs: list[tuple[dict, dict]]) -> dict:
    """Accuracy of the top class against its probability (expected calibration error over CALIBRATION_BINS)."""
    bins: dict[int, list] = {}
    for row, probs in pairs:
        best = max(probs, key=probs.get)
        bins.setdefault(min(CALIBRATION_BINS - 1, int(probs[best] * CALIBRATION_BINS)), []).append(
            (probs[best], best == row["y"]))
    n = sum(len(b) for b in bins.values())
    ece = sum(abs(np.mean([p for p, _ in b]) - np.mean([ok for _, ok in b])) * len(b) for b in bins.values()) / max(1, n)
    accuracy = sum(ok for b in bins.values() for _, ok in b) / max(1, n)
    return {"rows": n, "accuracy": round(accuracy, 3), "ece": round(float(ece), 3)}


def event_calibration(pairs: list[tuple[dict, dict]]) -> dict:
    """The shown confidence, 1 - P(NONE), against whether the candidate is an event: expected calibration error
    and the Brier score, out of fold."""
    bins: dict[int, list] = {}
    for row, probs in pairs:
        p = 1.0 - probs.get(NONE, 0.0)
        bins.setdefault(min(CALIBRATION_BINS - 1, int(p * CALIBRATION_BINS)), []).append((p, row["y"] != NONE))
    n = sum(len(b) for b in bins.values())
    ece = sum(abs(np.mean([p for p, _ in b]) - np.mean([ok for _, ok in b])) * len(b) for b in bins.values()) / max(1, n)
    brier = sum((p - ok) ** 2 for b in bins.values() for p, ok in b) / max(1, n)
    return {"event_ece": round(float(ece), 3), "event_brier": round(float(brier), 3),
            "bins": {f"{k / CALIBRATION_BINS:.1f}": [len(b), round(float(np.mean([ok for _, ok in b])), 2)]
                     for k, b in sorted(bins.items())}}


def isotonic(pairs: list[tuple[dict, dict]]) -> dict:
    """The map from 1 - P(NONE) to the observed share of events, fitted out of fold (scikit-learn's isotonic
    regression), kept as the points of a piecewise-linear function; with it the shown confidence is calibrated."""
    from sklearn.isotonic import IsotonicRegression

    x = np.array([1.0 - probs.get(NONE, 0.0) for _, probs in pairs])
    y = np.array([row["y"] != NONE for row, _ in pairs], dtype=float)
    iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(x, y)
    # Centred (Oron and Flournoy, 2017): each flat step becomes one point at its middle, joined by straight lines,
    # so the map rises strictly and keeps the model's order: a threshold then falls between two candidates, not at
    # the edge of a step that holds a tenth of them
    points: dict[float, list[float]] = {}
    for xi, yi in zip(iso.X_thresholds_, iso.y_thresholds_):
        points.setdefault(round(float(yi), 4), []).append(float(xi))
    xs = [round((min(v) + max(v)) / 2, 4) for v in points.values()]
    return {"x": xs, "y": list(points)}


def threshold(pairs: list[tuple[dict, dict]], calibrator: dict) -> dict:
    """The confidence threshold of best F-beta (THRESHOLD_BETA) for "an event of the right type", out of fold: a
    candidate counts as right when it is an event and its most likely type is the gold one."""
    scored = []
    for row, probs in pairs:
        conf = float(np.interp(1.0 - probs.get(NONE, 0.0), calibrator["x"], calibrator["y"]))
        kinds = {k: v for k, v in probs.items() if k != NONE}
        scored.append((conf, row["y"] != NONE and max(kinds, key=kinds.get) == row["y"]))
    events = sum(row["y"] != NONE for row, _ in pairs)
    best, curve = None, {}
    for t in THRESHOLD_GRID:
        shown = [ok for conf, ok in scored if conf >= t]
        right = sum(shown)
        p, r = right / max(1, len(shown)), right / max(1, events)
        f = (1 + THRESHOLD_BETA ** 2) * p * r / max(1e-9, THRESHOLD_BETA ** 2 * p + r)
        curve[f"{t:.2f}"] = [round(p, 3), round(r, 3)]
        if best is None or f > best["f"] + 1e-9:
            best = {"value": float(t), "f": round(f, 4), "precision": round(p, 3), "recall": round(r, 3),
                    "beta": THRESHOLD_BETA}
    return {**best, "curve": curve}  # curve: threshold -> (precision, recall), for choosing --min-confidence


def train(name: str, rows: list[dict], extra: list[dict], choose=None, grid=C_GRID, out: Path = OUT) -> dict:
    """Fit model `name` on `rows` (+ `extra`, always on the training side) at the regularisation of best
    out-of-fold accuracy, or, with `choose` (out-of-fold pairs -> {"value": threshold, "gain": ...}), of best gain,
    whose threshold goes into the model's meta; write it to `out`/<name>.json (linimasa/models/events/ by default)."""
    best = None
    for c in grid:
        pairs = cross_validate(rows, extra, c)
        cal = calibration(pairs)
        if NONE in {r["y"] for r in rows}:
            cal.update(event_calibration(pairs))
        if choose is not None:
            cal["threshold"] = choose(pairs)
        score = cal["threshold"]["gain"] if choose is not None else cal["accuracy"]
        if best is None or score > best[3]:
            best = (c, cal, pairs, score)
    c, cal, pairs, _ = best
    calibrator = None
    if NONE in {r["y"] for r in rows}:
        calibrator = isotonic(pairs)
        # how well the calibrated confidence does, out of fold (the map is fitted on all folds: optimistic)
        mapped = [(row, {NONE: 1.0 - float(np.interp(1.0 - probs.get(NONE, 0.0), calibrator["x"], calibrator["y"])),
                         "event": 0.0}) for row, probs in pairs]
        cal["calibrated"] = {k: v for k, v in event_calibration(mapped).items() if k != "bins"}
        cal["threshold"] = threshold(pairs, calibrator)
        # per language: the default `min_confidence` of each language file (linimasa/events/threshold.py), where
        # the seeds allow it (every seed gold event shown)
        codes = sorted({k[5:] for row in rows for k in row["x"] if k.startswith("lang=")})
        cal["threshold_by_language"] = {code: threshold([(row, probs) for row, probs in pairs
                                                         if row["x"].get(f"lang={code}")], calibrator)
                                        for code in codes}
    vec, clf = _fit(rows + extra, c)
    weights = clf.coef_.T  # (features, classes) or (features, 1) for two classes
    meta = {"C": c, "cross_validated_on_dev": cal, "dev_rows": len(rows), "timebank_rows": len(extra),
            **({"threshold": cal["threshold"]["value"]} if choose is not None else {}),
            "labels_dev": dict(Counter(r["y"] for r in rows)), "trained_by": "train/events.py"}
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.json").write_text(json.dumps({
        "classes": [str(k) for k in clf.classes_], "features": vec.feature_names_,
        "weights": np.round(weights, 5).tolist(), "bias": np.round(clf.intercept_, 5).tolist(), "meta": meta,
        "calibration": calibrator,
    }) + "\n", encoding="utf-8")
    return meta


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--rows", type=Path, help="keep the TimeBank rows in this file and reuse them when it exists "
                        "(they change only with the features or the lexicon)")
    parser.add_argument("--leave-out", type=int, nargs="*", default=[], metavar="DRAW",
                        help="train without these training draws (1 = train_sentences.jsonl, ...), to score the "
                        "retrained models on them with `bench/events.py --draws` before shipping")
    parser.add_argument("--models", nargs="+", choices=("type", "status", *ROLES, "dating", "propose"),
                        default=["type", "status", *ROLES, "dating", "propose"],
                        help="the models to train (default: all)")
    parser.add_argument("--out", type=Path, default=OUT,
                        help="the folder to write the models to (default: linimasa/models/events, the models every "
                        "language shares; a language's own folder is the one its file names as `[events] models`)")
    args = parser.parse_args()
    if "propose" in args.models:
        # a word or pairing that fewer than DOC_WORD_MIN_ARTICLES articles hold tells of one article: out (the model
        # had 12 MB with them)
        rows = prune_document_words(propose_rows(args.shared, frozenset(args.leave_out)), prefix="")
        print("propose:", json.dumps(train("propose", rows, [], grid=PROPOSE_C_GRID, out=args.out)))
        if set(args.models) == {"propose"}:
            return
    type_dev, status_dev, roles, dating = dev_rows(args.shared, frozenset(args.leave_out))
    if "dating" in args.models:
        print("dating:", json.dumps(train("dating", dating, [], dating_gain, out=args.out)))
    for role in ROLES:
        if role in args.models:
            per_mention, gold = roles[role]
            print(f"{role}:", json.dumps(train(role, role_rows(per_mention), [], role_gain(role, gold), out=args.out)))
    if not {"type", "status"} & set(args.models):
        return
    if args.rows and args.rows.exists():
        type_tb, status_tb = json.loads(args.rows.read_text())
    else:
        type_tb, status_tb = timebank_rows(args.shared)
        if args.rows:
            args.rows.write_text(json.dumps([type_tb, status_tb]))
    if "type" in args.models:
        pruned = prune_document_words(type_dev + type_tb)
        print("type:", json.dumps(train("type", pruned[:len(type_dev)], pruned[len(type_dev):], out=args.out)))
    if "status" in args.models:
        print("status:", json.dumps(train("status", status_dev, status_tb, out=args.out)))


if __name__ == "__main__":
    main()
