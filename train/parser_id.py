"""Train linimasa's Indonesian tagger and dependency parser (spaCy, tok2vec + morphologizer + parser, CPU) on Universal
Dependencies.

    python train/parser_id.py      # writes linimasa/models/parser-id (shipped with the package), ~30 min on one core
    python train/vectors_id.py && python train/parser_id.py --vectors build/vectors-id --out build/parser-id
                                   # the variant with subword vectors (bench/RESULTS.md, issue 14, session 12)

Learned from UD_Indonesian-CSUI train, UD_Indonesian-GSD dev and UD_Indonesian-PUD (all its 1,000 sentences), minus
DEV_SIZE sentences drawn at random from those same files, which pick the best model (early stopping). CSUI test and
GSD test are never trained on: their scores, on gold tokens, are written to `scores.json` beside the model. The
morphologizer predicts UPOS (`token.pos_`) together with the UD features (`token.morph`, e.g. Voice=Pass).

Multi-word tokens ("membelinya" = membeli + nya, "Apakah" = apa + kah) are kept whole, the way text is written and the
Indonesian tokenizer leaves them; the whole word takes the POS, head and relation of its syntactic head part. Training
re-tokenizes each sentence with spaCy's Indonesian tokenizer (the one linimasa splits sentences with) so the model
learns on the words it will be given: a gold word that tokenizer splits ("kantor-kantor" -> kantor - kantor) gives
each piece the word's own tag and relation. The treebanks are read from ../shared/eval-data and never copied into
the project. The model is CC BY-SA 4.0 like its data (see LICENSE.md beside it).

Using the model on words that are already split (the tokenizer is then never run):

    nlp = spacy.load("linimasa/models/parser-id")
    doc = nlp(Doc(nlp.vocab, words=["Polisi", "menangkap", "dua", "tersangka", "."]))
    [(t.text, t.pos_, t.dep_, t.head.i) for t in doc]
"""

from __future__ import annotations

import os

# The machine is shared: one BLAS/OpenMP thread, for training and for the speed figure (set before numpy loads).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402
from spacy.scorer import Scorer  # noqa: E402
from spacy.tokens import Doc, DocBin  # noqa: E402
from spacy.training import Example  # noqa: E402
from spacy.training.converters import conllu_to_docs  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval-data" / "ud-indonesian"
OUT = ROOT / "linimasa" / "models" / "parser-id"
TRAIN_FILES = ["csui-id_csui-ud-train.conllu", "gsd-id_gsd-ud-dev.conllu", "pud-id_pud-ud-test.conllu"]
TEST_FILES = {"csui": "csui-id_csui-ud-test.conllu", "gsd": "gsd-id_gsd-ud-test.conllu"}
# Held out of the ~2,200 training sentences to choose the best checkpoint: enough for a steady LAS, few enough that
# training keeps nearly all the data (there is no separate dev treebank to spare).
DEV_SIZE = 300
# Steps of one batch (batches grow from 100 to 1,000 words; the training set is ~42,000 words), ~0.2 s each on one
# core: 6,000 steps take ~30 min. Dev LAS gains <1 point after step 4,000 (best at 6,000 in the shipped run, seed 0);
# PATIENCE steps without a better dev score stop earlier.
MAX_STEPS = 6000
EVAL_FREQUENCY = 250
PATIENCE = 2000
# "efficiency" tok2vec: hash embeddings (NORM/PREFIX/SUFFIX/SHAPE) + a 4-layer CNN of width 96, fast on one CPU core.
WIDTH = 96
# No pretrained vectors by default: small on disk (~8 MB); the parser's hidden layer is cut to 64 to match.
PARSER_HIDDEN = 64
# With --vectors (the subword vectors train/vectors_id.py builds from Indonesian news, which carry what a prefix
# does: "di-" verbs): hash rows of NORM, PREFIX, SUFFIX, SHAPE twice spaCy's 5,000 for NORM, which news vocabulary
# fills (PREFIX is one character and needs few), and a hidden layer of 128 that reads the extra signal. Held-out UD
# test: LAS 0.679 -> 0.695, 32 MB, ~0.65x the speed; not shipped: the event models are trained on the shipped
# parser's features (bench/RESULTS.md, issue 14, session 12).
VECTOR_ROWS = [10000, 2000, 5000, 5000]
VECTOR_PARSER_HIDDEN = 128
# Written beside the model on every build: the treebanks' ShareAlike terms carry over to the model.
LICENSE_MD = """\
# parser-id: licence and credits

This Indonesian tagger and dependency parser (spaCy pipeline: tok2vec, morphologizer, parser) was trained by
`train/parser_id.py` on these Universal Dependencies treebanks (https://universaldependencies.org):

- **UD_Indonesian-CSUI** (train split), CC BY-SA 4.0. Alfina et al.: Ika Alfina, Indra Budi and Heru Suhartanto,
  "Tree Rotations for Dependency Trees: Converting the Head-Directionality of Noun Phrases", Journal of Computer
  Science 16(11), 2020; built on the constituency treebank of Dinakaramani, Rashel, Luthfi and Manurung
  (Universitas Indonesia, 2015); features from Aksara (Hanifmuti and Alfina, IALP 2020).
- **UD_Indonesian-GSD** (dev split), CC BY-SA 4.0. McDonald et al.: Ryan McDonald, Joakim Nivre, Yvonne
  Quirmbach-Brundage, Yoav Goldberg, Dipanjan Das, Kuzman Ganchev, Keith Hall, Slav Petrov, Hao Zhang, Oscar
  Tackstrom, Claudia Bedini, Nuria Bertomeu Castello and Jungmee Lee, "Universal Dependency Annotation for
  Multilingual Parsing", ACL 2013; converted to UD v2 by Dan Zeman, corrected by Dan Zeman and Ika Alfina (Alfina et
  al.); morphology from MorphInd (Larasati, Kubon and Zeman, SCFM 2011).
- **UD_Indonesian-PUD** (all of it), CC BY-SA 3.0. The parallel treebank of the CoNLL 2017 shared task on
  multilingual parsing from raw text to Universal Dependencies (Zeman et al., 2017).

The model is an adaptation of this material and is therefore distributed under the **Creative Commons
Attribution-ShareAlike 4.0 International** licence (CC BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/;
CC BY-SA 3.0 material may be adapted under this later version). Anyone who shares the model, changed or not, must
credit the treebanks above and keep it under CC BY-SA 4.0. This applies to the files in this folder only, not to
the rest of linimasa. The treebanks themselves are not included.
"""


def read_sentences(path: Path) -> list[Doc]:
    """One Doc per sentence of a CoNLL-U file (multi-word tokens merged into their surface word)."""
    return list(conllu_to_docs(path.read_text(encoding="utf-8"), n_sents=1, merge_subtokens=True, no_print=True))


def own_vocab(nlp, docs: list[Doc]) -> list[Doc]:
    """The gold Docs again, in the model's vocab (the converter's Docs keep their feature strings elsewhere)."""
    return list(DocBin(docs=docs, store_user_data=False).get_docs(nlp.vocab))


def gold_tokens(nlp, gold: Doc) -> Doc:
    """An unannotated Doc with the gold words, for scoring on gold tokenization."""
    return Doc(nlp.vocab, words=[t.text for t in gold], spaces=[bool(t.whitespace_) for t in gold])


def score(nlp, golds: list[Doc]) -> dict:
    """UAS/LAS (punctuation excluded, as spaCy's parser scorer does) and UPOS/feature accuracy on gold tokens."""
    golds = own_vocab(nlp, golds)
    examples = [Example(pred, gold) for pred, gold in zip(nlp.pipe(gold_tokens(nlp, g) for g in golds), golds)]
    s = Scorer(nlp).score(examples)
    return {"sentences": len(golds), "words": sum(len(g) for g in golds),
            "uas": round(s["dep_uas"], 4), "las": round(s["dep_las"], 4),
            "upos": round(s["pos_acc"], 4), "feats": round(s["morph_acc"], 4)}


def score_raw(nlp, golds: list[Doc]) -> dict:
    """The same from raw text through the model's own tokenizer (words that do not align count as wrong)."""
    s = nlp.evaluate([Example(nlp.make_doc(g.text), g) for g in own_vocab(nlp, golds)])
    return {"token_f": round(s["token_f"], 4), "uas": round(s["dep_uas"], 4), "las": round(s["dep_las"], 4),
            "upos": round(s["pos_acc"], 4)}


def speed(nlp, golds: list[Doc]) -> dict:
    """Sentences and words per second of the pipeline on pre-tokenised sentences (one process, one thread)."""
    docs = [gold_tokens(nlp, g) for g in golds]
    list(nlp.pipe(docs[:50]))  # warm-up
    start = time.perf_counter()
    list(nlp.pipe(gold_tokens(nlp, g) for g in golds))
    seconds = time.perf_counter() - start
    words = sum(len(d) for d in docs)
    return {"sentences_per_second": round(len(docs) / seconds), "words_per_second": round(words / seconds)}


def finish(out: Path, tests: dict[str, list[Doc]], n_train: int, n_dev: int, minutes: float) -> None:
    """Name and credit the trained pipeline in `out`, then score it on the test files into `out/scores.json`."""
    meta_path = out / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta.update(name="parser_id", version="0.1.0", license="CC BY-SA 4.0",
                description="linimasa Indonesian UPOS/feature tagger and dependency parser, trained by "
                            "train/parser_id.py on UD_Indonesian-CSUI train, UD_Indonesian-GSD dev and "
                            "UD_Indonesian-PUD (Universal Dependencies); see LICENSE.md",
                sources=[{"name": "UD_Indonesian-CSUI", "license": "CC BY-SA 4.0", "author": "Alfina et al."},
                         {"name": "UD_Indonesian-GSD", "license": "CC BY-SA 4.0",
                          "author": "McDonald et al.; Alfina et al."},
                         {"name": "UD_Indonesian-PUD", "license": "CC BY-SA 3.0",
                          "author": "CoNLL 2017 shared task"}])
    meta_path.write_text(json.dumps(meta, indent=2))
    (out / "LICENSE.md").write_text(LICENSE_MD, encoding="utf-8")

    nlp = spacy.load(out)
    scores = {"note": "gold tokens; UAS/LAS exclude punctuation (spaCy's parser scorer); upos/feats are accuracies",
              "train_sentences": n_train, "dev_sentences": n_dev, "training_minutes": round(minutes, 1)}
    scores.update({name: score(nlp, golds) for name, golds in tests.items()})
    everything = [g for golds in tests.values() for g in golds]
    scores["csui+gsd"] = score(nlp, everything)
    scores["raw_text"] = {name: score_raw(nlp, golds) for name, golds in tests.items()}
    scores["speed_one_thread"] = speed(nlp, everything)
    (out / "scores.json").write_text(json.dumps(scores, indent=2) + "\n")
    print(json.dumps(scores, indent=2))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--max-steps", type=int, default=MAX_STEPS)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--vectors", type=Path, help="start from the vectors train/vectors_id.py wrote")
    args = parser.parse_args()
    if args.vectors and not (args.vectors / "vocab" / "vectors").exists():
        sys.exit(f"no vectors at {args.vectors}: run python train/vectors_id.py first")
    with_vectors = ["--components.tok2vec.model.embed.rows", json.dumps(VECTOR_ROWS), "--paths.vectors",
                    str(args.vectors), "--components.tok2vec.model.embed.include_static_vectors", "true"] if args.vectors else []

    train = [doc for name in TRAIN_FILES for doc in read_sentences(DATA / name)]
    random.Random(0).shuffle(train)
    dev, train = train[:DEV_SIZE], train[DEV_SIZE:]
    tests = {name: read_sentences(DATA / path) for name, path in TEST_FILES.items()}

    started = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        DocBin(docs=train).to_disk(tmp / "train.spacy")
        DocBin(docs=dev).to_disk(tmp / "dev.spacy")
        subprocess.run([sys.executable, "-m", "spacy", "init", "config", str(tmp / "parser.cfg"), "--lang", "id",
                        "--pipeline", "morphologizer,parser", "--optimize", "efficiency", "--force"], check=True)
        subprocess.run([sys.executable, "-m", "spacy", "train", str(tmp / "parser.cfg"), "--output", str(tmp / "out"),
                        "--paths.train", str(tmp / "train.spacy"), "--paths.dev", str(tmp / "dev.spacy"),
                        "--components.tok2vec.model.encode.width", str(WIDTH),
                        "--components.parser.model.hidden_width",
                        str(VECTOR_PARSER_HIDDEN if args.vectors else PARSER_HIDDEN),
                        *with_vectors,
                        "--training.max_steps", str(args.max_steps),
                        "--training.eval_frequency", str(EVAL_FREQUENCY), "--training.patience", str(PATIENCE),
                        "--system.seed", "0"], check=True)
        if args.out.exists():
            shutil.rmtree(args.out)
        shutil.copytree(tmp / "out" / "model-best", args.out)
    finish(args.out, tests, len(train), len(dev), (time.time() - started) / 60)
    print(f"model written to {args.out}")


if __name__ == "__main__":
    main()
