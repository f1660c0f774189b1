"""Train linimasa's Indonesian NER model (spaCy, tok2vec + ner, CPU) on the IndoNLU sets NERGrit and NERP.

    python train/ner.py            # writes linimasa/models/ner-id (shipped with the package)

Only the Apache-2.0 IndoNLU *train* splits are learned from, the *valid* splits pick the best model; the test splits
stay for `bench/entities.py`. NERP is all lower case, so each NERP sentence is used twice: as is, and re-cased the
way news text is written (names title-cased, first word capitalised), so the model learns both shape and context.
Labels map onto linimasa's types: PERSON/PPL -> PER, PLACE/PLC -> LOC, ORGANISATION/IND -> ORG, EVT -> MISC.
The training data is read from ../shared/eval-data and never copied into the project.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import biluo_tags_to_spans, iob_to_biluo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from linimasa.entities.conll import read_conll  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval-data" / "indonesian-ner"
OUT = ROOT / "linimasa" / "models" / "ner-id"
LABELS = {"PERSON": "PER", "PPL": "PER", "PLACE": "LOC", "PLC": "LOC", "ORGANISATION": "ORG", "IND": "ORG", "EVT": "MISC"}


def read_mapped(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences of a token<TAB>BIO file, tags mapped onto linimasa's types (unmapped types become O)."""
    out = []
    for words, tags in read_conll(path):
        mapped = []
        for tag in tags:
            prefix, _, label = tag.partition("-")
            mapped.append(f"{prefix}-{LABELS[label]}" if label in LABELS else "O")
        out.append((words, mapped))
    return out


def recase(words: list[str], tags: list[str]) -> list[str]:
    """Lower-case NERP text written the way news is: names title-cased, the first word capitalised."""
    out = [w[:1].upper() + w[1:] if t != "O" else w for w, t in zip(words, tags)]
    if out:
        out[0] = out[0][:1].upper() + out[0][1:]
    return out


def docbin(nlp, sentences) -> DocBin:
    db = DocBin()
    for words, tags in sentences:
        doc = Doc(nlp.vocab, words=words)
        doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(tags))
        db.add(doc)
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--max-steps", type=int, default=8000)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()

    nlp = spacy.blank("id")
    train, dev = [], []
    for name in ("nergrit", "nerp"):
        train += read_mapped(DATA / name / "train.tsv")
        dev += read_mapped(DATA / name / "valid.tsv")
    train += [(recase(w, t), t) for w, t in read_mapped(DATA / "nerp" / "train.tsv")]
    dev += [(recase(w, t), t) for w, t in read_mapped(DATA / "nerp" / "valid.tsv")]

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        docbin(nlp, train).to_disk(tmp / "train.spacy")
        docbin(nlp, dev).to_disk(tmp / "dev.spacy")
        subprocess.run([sys.executable, "-m", "spacy", "init", "config", str(tmp / "ner.cfg"), "--lang", "id",
                        "--pipeline", "ner", "--optimize", "efficiency", "--force"], check=True)
        subprocess.run([sys.executable, "-m", "spacy", "train", str(tmp / "ner.cfg"), "--output", str(tmp / "out"),
                        "--paths.train", str(tmp / "train.spacy"), "--paths.dev", str(tmp / "dev.spacy"),
                        "--training.max_steps", str(args.max_steps), "--training.eval_frequency", "500",
                        "--training.patience", "3000", "--system.seed", "0"], check=True)
        if args.out.exists():
            shutil.rmtree(args.out)
        shutil.copytree(tmp / "out" / "model-best", args.out)
    meta_path = args.out / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta.update(name="ner_id", version="0.1.0", license="Apache-2.0",
                description="linimasa Indonesian NER (PER/ORG/LOC/MISC), trained by train/ner.py on the IndoNLU "
                            "NERGrit and NERP train splits (Wilie et al. 2020)")
    meta_path.write_text(json.dumps(meta, indent=2))
    print(f"model written to {args.out}")


if __name__ == "__main__":
    main()
