"""The span model's trainer: each gold trigger is a span labelled with its type, on the sentence text read from
../shared; the precision stored with the model counts only spans at SPAN_AGREE or above."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import spacy
from spacy.tokens import Span

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("train_spans", ROOT / "train" / "spans.py")
trainer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(trainer)


def test_the_gold_triggers_of_a_draw_are_its_spans():
    nlp = spacy.blank("en")
    found = trainer.examples(nlp, "en", {52}, set(), ROOT.parent / "shared")
    gold = trainer.ed.annotations()
    assert len(found) == 200  # draw 52: 200 English dev sentences, every one annotated
    assert sum(len(e.reference.spans[trainer.SPANS_KEY]) for e in found) == sum(
        len(gold[i]["events"]) for i in gold if i.startswith("tr52-"))
    spans = [s for e in found for s in e.reference.spans[trainer.SPANS_KEY]]
    assert {s.label_ for s in spans} <= {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                                         "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
                                         "MOBILIZE", "COERCE", "ASSAULT"}
    assert all(s.text.strip() for s in spans)
    # the draws left out are never examples; a language's examples are its own
    assert not trainer.examples(nlp, "en", None, set(range(0, len(trainer.ed.TRAIN_FILES) + 1)), ROOT.parent / "shared")
    assert not trainer.examples(nlp, "id", {52}, set(), ROOT.parent / "shared")


class _Pipe:
    """A span categorizer that gives each one-token span of the text fixed probabilities."""

    labels = ("ACCUSE", "PROTEST")

    def __init__(self, probs):
        self.probs = probs

    def predict(self, docs):
        from thinc.api import NumpyOps
        from thinc.types import Ragged
        import numpy as np

        rows = [[i, i + 1] for d in docs for i in range(len(d))]
        index = Ragged(np.array(rows, dtype="i"), NumpyOps().asarray1i([len(d) for d in docs]))
        return index, np.array([self.probs[d[i].text] for d in docs for i in range(len(d))], dtype="f")


def test_agree_precision_counts_the_spans_at_the_bar_that_overlap_a_trigger_of_their_type(monkeypatch):
    nlp = spacy.blank("en")
    pipe = _Pipe({"Senators": [0.95, 0.0], "accused": [0.97, 0.1], "BP": [0.1, 0.92], "today": [0.5, 0.5]})
    monkeypatch.setattr(nlp, "get_pipe", lambda name: pipe)
    monkeypatch.setattr(nlp, "pipe", lambda texts, disable=(): (nlp.make_doc(t) for t in texts))
    ref = nlp.make_doc("Senators accused BP today")
    ref.spans[trainer.SPANS_KEY] = [Span(ref, 1, 2, label="ACCUSE")]
    from spacy.training import Example

    # "accused" (ACCUSE 0.97) is right; "Senators" (ACCUSE 0.95) and "BP" (PROTEST 0.92) are not; "today" is under
    assert trainer.agree_precision(nlp, [Example(nlp.make_doc(ref.text), ref)]) == (1 / 3, 3)
