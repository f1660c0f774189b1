"""Entity benchmark: seeds gold (entity recall, type, aliases, spurious names) and span F1 per type on the
Indonesian NER test sets (IndoNLU NERGrit and NERP, IndoLEM NER-UI and NER-UGM fold 1), CoNLL exact-match rules.

    python bench/entities.py [--shared ../shared] [--out bench/entities.json]

Each NER sentence is its tokens joined by spaces; linimasa's whole recogniser runs on it (knowledge base,
misspelling windows, the bundled model, cue-typed names) and its spans are compared with the gold spans by type:
PERSON/PER/PPL -> PER, PLACE/LOCATION/PLC -> LOC, ORGANISATION/ORGANIZATION/IND -> ORG (other gold types ignored).
The model alone ("model") is scored too, to show what the knowledge base and rules add. NERP is all lower case.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from linimasa.entities.conll import read_conll  # noqa: E402
from linimasa.entities.link import link  # noqa: E402
from linimasa.entities.ner import load_model  # noqa: E402
from linimasa.entities.recognise import find  # noqa: E402
from linimasa.kb import load_kb  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TYPES = {"PERSON": "PER", "PER": "PER", "PPL": "PER", "PLACE": "LOC", "LOCATION": "LOC", "PLC": "LOC",
         "ORGANISATION": "ORG", "ORGANIZATION": "ORG", "IND": "ORG"}
SETS = {"nergrit": "nergrit/test.tsv", "nerp": "nerp/test.tsv", "nerui": "nerui/test.01.tsv",
        "nerugm": "nerugm/test.01.tsv"}
# Published fine-tuned IndoBERT F1 (all types, as quoted in eval-data/indonesian-ner/SOURCE.md).
PUBLISHED = {"nerui": 0.901, "nerugm": 0.749}


def gold_spans(words, tags) -> set[tuple[int, int, str]]:
    """(start char, end char, type) of each gold entity in the space-joined sentence."""
    spans, offset, current = set(), 0, None
    for word, tag in zip(words, tags):
        prefix, _, label = tag.partition("-")
        typ = TYPES.get(label)
        if current and (prefix != "I" or typ != current[2]):
            spans.add(tuple(current))
            current = None
        if prefix == "B" or (prefix == "I" and current is None and typ):
            current = [offset, offset + len(word), typ] if typ else None
        elif prefix == "I" and current:
            current[1] = offset + len(word)
        offset += len(word) + 1
    if current:
        spans.add(tuple(current))
    return {s for s in spans if s[2]}


def system_spans(text: str, kb) -> set[tuple[int, int, str]]:
    found = find(text, "id", kb, {0}, [])
    link(found, kb)
    return {(f.start, f.end, f.type) for f in found if f.type in ("PER", "ORG", "LOC")}


def model_spans(text: str) -> set[tuple[int, int, str]]:
    doc = load_model("ner-id")(text)
    return {(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in ("PER", "ORG", "LOC")}


def prf(tp: int, n_sys: int, n_gold: int) -> dict[str, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def score_set(sentences, spans_of) -> dict:
    tp, n_sys, n_gold = Counter(), Counter(), Counter()
    start = time.perf_counter()
    for words, tags in sentences:
        text = " ".join(words)
        gold, system = gold_spans(words, tags), spans_of(text)
        for s in system:
            n_sys[s[2]] += 1
        for g in gold:
            n_gold[g[2]] += 1
        for s in system & gold:
            tp[s[2]] += 1
    seconds = time.perf_counter() - start
    out = {t: prf(tp[t], n_sys[t], n_gold[t]) | {"gold": n_gold[t]} for t in ("PER", "ORG", "LOC")}
    out["micro"] = prf(sum(tp.values()), sum(n_sys.values()), sum(n_gold.values()))
    out["sentences_per_s"] = round(len(sentences) / seconds, 1)
    return out


def seeds(shared: Path) -> dict:
    """Recall of gold entities under their canonical name with the right type; aliases resolved; spurious names."""
    from linimasa.api import process

    gold = json.loads((shared / "gold" / "seeds.json").read_text(encoding="utf-8"))["docs"]
    corpus = process([shared / "seeds"])
    found_n = typed = alias_n = alias_ok = n_gold = n_sys = not_gold = junk = 0
    misses, junk_names = [], []
    for doc in corpus.documents:
        by_name = {e.name: e for e in doc.entities}
        names = {e["name"] for e in gold[doc.id]["entities"]}
        for g in gold[doc.id]["entities"]:
            n_gold += 1
            e = by_name.get(g["name"])
            found_n += e is not None
            typed += e is not None and e.type == g["type"]
            if e is None or e.type != g["type"]:
                misses.append(f"{doc.id[:3]} {g['name']} ({g['type']}; found {e.type if e else 'nothing'})")
            for alias in g.get("aliases_seen", []):
                alias_n += 1
                alias_ok += e is not None and alias in [e.name, *e.aliases]
        for e in doc.entities:
            n_sys += 1
            if e.name not in names:
                not_gold += 1
                if not e.id.startswith("kb:"):
                    junk += 1
                    junk_names.append(f"{doc.id[:3]} {e.name} ({e.type})")
    return {
        "gold_entities": n_gold, "found": found_n, "recall": round(found_n / n_gold, 3),
        "recall_typed": round(typed / n_gold, 3), "aliases": alias_n, "aliases_resolved": alias_ok,
        "system_entities": n_sys, "not_in_gold": not_gold, "spurious": junk,
        "spurious_rate": round(junk / n_sys, 3), "misses": misses, "spurious_names": junk_names,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "entities.json")
    args = parser.parse_args()
    kb = load_kb()
    results = {"seeds": seeds(args.shared), "ner": {}}
    for name, rel in SETS.items():
        sentences = read_conll(args.shared / "eval-data" / "indonesian-ner" / rel)
        results["ner"][name] = {
            "sentences": len(sentences),
            "linimasa": score_set(sentences, lambda t: system_spans(t, kb)),
            "model": score_set(sentences, model_spans),
            "published_indobert_f1": PUBLISHED.get(name),
        }
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    s = results["seeds"]
    print(f"seeds: recall {s['recall']} (typed {s['recall_typed']}) of {s['gold_entities']}, aliases "
          f"{s['aliases_resolved']}/{s['aliases']}, spurious {s['spurious']}/{s['system_entities']} "
          f"({s['spurious_rate']}), not in gold {s['not_in_gold']}")
    for name, r in results["ner"].items():
        row = " ".join(f"{t} {r['linimasa'][t]['f1']:.3f}" for t in ("PER", "ORG", "LOC"))
        print(f"{name:8} linimasa {row} micro {r['linimasa']['micro']['f1']:.3f} | model micro "
              f"{r['model']['micro']['f1']:.3f} | {r['linimasa']['sentences_per_s']} sent/s")


if __name__ == "__main__":
    main()
