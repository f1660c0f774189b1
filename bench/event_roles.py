"""Which argument is wrong, in shown mentions of the right type that match a gold mention: per language, how many
miss a gold actor or target, name it on the other side, or add a name or a common noun gold does not hold (the
speaker of the sentence counted apart). Reads the rows `bench/events.py` stores in its JSON; dev split and the
training draws read for rules (1-5, 8-10, 14, 15, 18; never the test split, the test draw or draws 6, 7, 11-13,
16, 17 and 19, kept unseen).

usage: python bench/event_roles.py [bench/events.json] [--show CLASS --lang LANG]   (CLASS like actors:missed)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eventdata as ed  # noqa: E402

# the test draw and the draws never read for rules here (draws 8, 9 and 10 were read in session 24, 11 to 13 judged
# that session's rules and a retraining; draws 14, 15 and 18 were read in session 25, 16, 17 and 19 judged its
# changes; draws 20 to 22 judged session 26's changes, pooled, and 23 to 25 its retrained type model; 26 to 31
# judged session 27's; 32 to 37 are kept for the next sessions' judges)
UNSEEN = ("te-", "tr6-", "tr7-", "tr11-", "tr12-", "tr13-", "tr16-", "tr17-", "tr19-", "tr20-", "tr21-", "tr22-", "tr23-",
          "tr24-", "tr25-", "tr26-", "tr27-", "tr28-", "tr29-", "tr30-", "tr31-", "tr32-", "tr33-",
          "tr34-", "tr35-", "tr36-", "tr37-", "tr38-", "tr39-", "tr40-", "tr41-", "tr42-", "tr43-", "tr44-", "tr45-")


def classes(gold: dict, shown) -> set[str]:
    """The role-error classes of one matched pair."""
    def among(x, xs):
        return any(ed.same_name(x, y) for y in xs)

    out = set()
    for part, other in (("actors", "targets"), ("targets", "actors")):
        for x in gold[part]:
            if not among(x, getattr(shown, part)):
                out.add(f"{part}:{'swapped' if among(x, getattr(shown, other)) else 'missed'}")
        for x in getattr(shown, part):
            if not among(x, gold[part]) and not among(x, gold[other]):
                kind = ("speaker" if x == getattr(shown, "source", None)
                        else "noun" if x[:1].islower() else "extra-name")
                out.add(f"{part}:{kind}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("json", nargs="?", default=str(Path(__file__).resolve().parent / "events.json"))
    ap.add_argument("--show", help="print the sentences of this class")
    ap.add_argument("--lang", help="only this language")
    args = ap.parse_args()
    d = json.loads(Path(args.json).read_text())
    counts: dict[str, Counter] = {}
    matched: Counter = Counter()
    for r in d["bed"]["rows"]:
        if r["split"] == "test" or r["id"].startswith(UNSEEN) or (args.lang and r["lang"] != args.lang):
            continue
        thr = d["bed"]["threshold"]
        thr = thr[r["lang"]] if isinstance(thr, dict) else thr
        shown = [SimpleNamespace(**dict(m, trigger_span=SimpleNamespace(start=m["t_span"][0], end=m["t_span"][1])))
                 for m in r["system"] if m["confidence"] >= thr]
        for gi, si, verdict in ed.match_sentence(r["gold"], shown, r["published"]):
            if not verdict["type"]:
                continue
            matched[r["lang"]] += 1
            found = classes(r["gold"][gi], shown[si])
            counts.setdefault(r["lang"], Counter()).update(found | ({"any"} if found else set()))
            if args.show in found:
                g, s = r["gold"][gi], shown[si]
                print(f"{r['id']} {g['type']} gold {g['actors']} -> {g['targets']} | shown {s.actors} -> {s.targets}")
    for lang, c in sorted(counts.items()):
        print(f"{lang}: {matched[lang]} shown mentions of the right type matched; {c.pop('any', 0)} with a role wrong")
        for k, v in c.most_common():
            print(f"  {k}: {v}")


if __name__ == "__main__":
    main()
