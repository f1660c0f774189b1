"""Reading CoNLL-style NER files (one `token<TAB>BIO-tag` per line, a blank line between sentences), for the
training script and the entity benchmark."""

from __future__ import annotations

from pathlib import Path


def read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    """(words, tags) per sentence; a missing tag reads as "O"."""
    sentences, words, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if words:
                sentences.append((words, tags))
            words, tags = [], []
            continue
        word, _, tag = line.partition("\t")
        words.append(word)
        tags.append(tag.strip() or "O")
    return sentences
