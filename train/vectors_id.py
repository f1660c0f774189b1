"""Train the Indonesian subword vectors `train/parser_id.py --vectors build/vectors-id` starts from (the variant of
the parser measured in bench/RESULTS.md, issue 14, session 12; the shipped parser has no vectors).

    python train/vectors_id.py      # writes build/vectors-id (a spaCy pipeline holding only the vectors), ~4 min

floret (https://github.com/explosion/floret, a fastText fork made for spaCy) does the heavy lifting: skip-gram
vectors over hashed character n-grams, so that a word never seen in the treebanks still gets a vector from its pieces.
Indonesian verbs and nouns are made by prefixes and suffixes (me(N)-, di-, ber-, ter-, pe(N)-...-an, -kan, -nya); the
treebanks hold ~42,000 words, too few to learn what "menyita" or "ditahan" are, while news text holds them by the
thousand. `spacy init vectors --mode floret` turns the result into a table spaCy's `include_static_vectors` reads.

The text is IndoSum's news articles (../shared/eval-data/indosum, CC BY-SA 4.0), read from ../shared and never copied
into the project. Every article the event test bed draws sentences from (bench/events/sentences.jsonl, dev and test)
is left out, so the bed's text is never seen, not even without labels. Only the hashed table is kept (50,000 rows of
100 numbers, 20 MB): no article text survives in it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INDOSUM = ROOT.parent / "shared" / "eval-data" / "indosum" / "indosum_dev_folds1-5.jsonl.gz"
BED = ROOT / "bench" / "events" / "sentences.jsonl"
OUT = ROOT / "build" / "vectors-id"
# 100 numbers per vector and 50,000 hash rows: what the parser experiment of session 11 measured (LAS +1.6 points on
# the held-out UD test files); twice the rows or width made the model larger for no measured gain.
DIM = 100
BUCKET = 50_000
# A word must be seen 3 times to get its own entry; rarer words live on through their n-grams only.
MIN_COUNT = 3
# Character n-grams of 3 to 5: long enough for a prefix such as "meny" or "di" + stem start, short enough to share.
MINN, MAXN = 3, 5
# Passes over the ~7 MB of text: fastText's usual 5 underfits a corpus this small; 10 took ~3 min on one core.
EPOCHS = 10
# Each word and n-gram is hashed into 2 rows (floret's "bloom" embedding): fewer collisions in a small table.
HASH_COUNT = 2


def bed_articles() -> set[str]:
    """IndoSum ids of the articles the event test bed draws from (never in the vectors' text)."""
    ids = set()
    for line in BED.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)["doc"]
        if doc.startswith("indosum/"):
            ids.add(doc.split("/", 1)[1])
    return ids


def write_corpus(path: Path) -> tuple[int, int]:
    """One lower-cased sentence per line from every IndoSum article outside the bed; (articles, left out)."""
    skip = bed_articles()
    kept = left_out = 0
    with gzip.open(INDOSUM, "rt", encoding="utf-8") as src, open(path, "w", encoding="utf-8") as out:
        for line in src:
            article = json.loads(line)
            if article["id"] in skip:
                left_out += 1
                continue
            kept += 1
            for paragraph in article["paragraphs"]:
                for sentence in paragraph:
                    out.write(" ".join(sentence).lower() + "\n")
    return kept, left_out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT, help="spaCy pipeline folder to write the vectors to")
    args = parser.parse_args()
    try:
        import floret
    except ImportError:
        sys.exit("floret is missing: pip install -e '.[train]'")
    started = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "indosum.txt"
        kept, left_out = write_corpus(corpus)
        print(f"{kept} IndoSum articles ({left_out} of the event bed left out)")
        model = floret.train_unsupervised(str(corpus), model="skipgram", dim=DIM, minCount=MIN_COUNT, minn=MINN,
                                          maxn=MAXN, epoch=EPOCHS, mode="floret", hashCount=HASH_COUNT,
                                          bucket=BUCKET, thread=1, verbose=0)
        table = Path(tmp) / "vectors.floret"
        model.save_floret_vectors(str(table))
        args.out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "spacy", "init", "vectors", "id", str(table), str(args.out),
                        "--mode", "floret"], check=True)
    print(f"vectors written to {args.out} in {(time.time() - started) / 60:.1f} min")


if __name__ == "__main__":
    main()
