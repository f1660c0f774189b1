"""tilse's timeline metrics (Martschat & Markert 2017; tilse 0.2.1, `tilse.evaluation`), written out here:
date-selection F1, concat ROUGE and the many-to-one date-content alignment ROUGE ("align+ m:1", news-tls's AR).

A timeline is `{date: [sentence, ...]}`; the reference is one such timeline (news-tls scores each gold timeline
on its own). ROUGE-1/2 counts follow tilse's `RougeReimplementation`: tokens split on spaces, lower-cased,
stop words and punctuation dropped, Porter-stemmed (NLTK).
"""

from __future__ import annotations

import string
from collections import Counter
from datetime import date

from nltk.stem import PorterStemmer
from spacy.lang.en.stop_words import STOP_WORDS

Timeline = dict[date, list[str]]
PUNCTUATION = {".", ",", ";", ":", "``", "''", "-", '"'}


def _f(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


class Scorer:
    def __init__(self) -> None:
        self.stem = PorterStemmer().stem
        self.ignore = set(STOP_WORDS) | PUNCTUATION
        self._cache: dict[str, list[str]] = {}

    def tokens(self, sentences: list[str]) -> list[str]:
        out = []
        for s in sentences:
            if s not in self._cache:
                self._cache[s] = [self.stem(w.lower()) for w in s.split() if w.lower() not in self.ignore]
            out += self._cache[s]
        return out

    def counts(self, predicted: list[str], reference: list[str]) -> dict[str, tuple[float, float, float]]:
        """ROUGE-1 and -2 as (matches, predicted n-grams, reference n-grams)."""
        p, r = self.tokens(predicted), self.tokens(reference)
        out = {}
        for n, name in ((1, "rouge_1"), (2, "rouge_2")):
            pc, rc = Counter(zip(*[p[i:] for i in range(n)])), Counter(zip(*[r[i:] for i in range(n)]))
            out[name] = (sum(min(c, rc[g]) for g, c in pc.items()), sum(pc.values()), sum(rc.values()))
        return out

    def date_f1(self, predicted: Timeline, reference: Timeline) -> float:
        both = set(predicted) & set(reference)
        if not predicted or not reference:
            return 0.0
        return _f(len(both) / len(predicted), len(both) / len(reference))

    def concat(self, predicted: Timeline, reference: Timeline) -> dict[str, float]:
        c = self.counts([s for d in sorted(predicted) for s in predicted[d]],
                        [s for d in sorted(reference) for s in reference[d]])
        return {k: _f(m / p if p else 0, m / r if r else 0) for k, (m, p, r) in c.items()}

    @staticmethod
    def _approx_rouge(predicted: list[str], reference: list[str]) -> float:
        """tilse's `compute_rouge_approximation`: unigram F1 on raw space-split tokens, punctuation out."""
        p = Counter(k for s in predicted for k in s.split() if k not in string.punctuation)
        r = Counter(k for s in reference for k in s.split() if k not in string.punctuation)
        match = sum(min(c, r[k]) for k, c in p.items())
        pd, rd = sum(p.values()), sum(r.values())
        return _f(match / pd if pd else 0, match / rd if rd else 0)

    def align_m1(self, predicted: Timeline, reference: Timeline) -> dict[str, float]:
        """Many-to-one date-content alignment: every predicted date to its cheapest reference date (precision),
        every reference date to its cheapest predicted date (recall); cost = date factor x content factor; the
        ROUGE counts of an aligned pair are weighted by 1 / (days apart + 1)."""
        pred_dates, ref_dates = sorted(predicted), sorted(reference)
        num = {"rouge_1": [0.0, 0.0], "rouge_2": [0.0, 0.0]}  # [precision numerator, recall numerator]
        den = {"rouge_1": [0.0, 0.0], "rouge_2": [0.0, 0.0]}
        content = {}

        def cost(pd: date, rd: date) -> float:
            if (pd, rd) not in content:
                content[pd, rd] = 1 - self._approx_rouge(predicted[pd], reference[rd])
            return (1 - 1 / (abs(pd.toordinal() - rd.toordinal()) + 1)) * content[pd, rd]

        for pd in pred_dates:
            if ref_dates:
                rd = min(ref_dates, key=lambda r: cost(pd, r))  # numpy argmin: first of equal costs
                weight = 1 / (abs(pd.toordinal() - rd.toordinal()) + 1)
                c = self.counts(predicted[pd], reference[rd])
            else:
                weight, c = 1.0, self.counts(predicted[pd], [""])
            for k, (m, p, _) in c.items():
                num[k][0] += weight * m
                den[k][0] += p
        for rd in ref_dates:
            if pred_dates:
                pd = min(pred_dates, key=lambda p: cost(p, rd))
                weight = 1 / (abs(pd.toordinal() - rd.toordinal()) + 1)
                c = self.counts(predicted[pd], reference[rd])
            else:
                weight, c = 1.0, self.counts([""], reference[rd])
            for k, (m, _, r) in c.items():
                num[k][1] += weight * m
                den[k][1] += r
        return {k: _f(num[k][0] / den[k][0] if den[k][0] else 0, num[k][1] / den[k][1] if den[k][1] else 0)
                for k in num}

    def all(self, predicted: Timeline, reference: Timeline) -> dict[str, float]:
        aligned, concat = self.align_m1(predicted, reference), self.concat(predicted, reference)
        return {"date_f1": round(self.date_f1(predicted, reference), 3), "ar1_f1": round(aligned["rouge_1"], 3),
                "ar2_f1": round(aligned["rouge_2"], 3), "concat_r1_f1": round(concat["rouge_1"], 3)}
