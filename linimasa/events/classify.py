"""The learned decisions on event candidates: whether a lexicon candidate is an event and of which PLOVER type
(with a calibrated confidence), its status (happened, planned, proposed, conditional, hypothetical, negated), and
which names and nouns of the sentence are its actors and its targets (`linimasa.events.options`): the rules' choice,
less the options they took that the model rejects, plus the options the model takes.

All are logistic regressions trained by `train/events.py` (scikit-learn) on the test bed's dev split and training
draws (type and status also on TimeBank's EVENT and MAKEINSTANCE annotations), shipped as JSON weights in
`linimasa/models/events/` and scored here with NumPy (no pickle is loaded). A missing model file leaves the
lexicon's type, the cue rule's status and the rules' targets.
"""

from __future__ import annotations

import functools
import json
import logging
from dataclasses import dataclass
from importlib import resources

import numpy as np

log = logging.getLogger(__name__)
NONE = "NONE"  # the type class of a candidate that is no event
TYPE_OVERRIDE = 0.5  # the model retypes a candidate only when it gives the other type at least this ...
TYPE_KEEP = 0.1  # ... and the lexicon's type less than this ("called for strikes": REQUEST, not ASSAULT)


@dataclass(frozen=True)
class LinearModel:
    classes: tuple[str, ...]
    index: dict[str, int]
    weights: np.ndarray  # (features, classes)
    bias: np.ndarray
    meta: dict
    calibration: dict | None = None  # {"x": [...], "y": [...]}: raw event probability -> observed share of events

    def calibrated(self, p: float) -> float:
        if not self.calibration:
            return p
        return float(np.interp(p, self.calibration["x"], self.calibration["y"]))

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        rows, values = [], []
        for name, value in features.items():
            i = self.index.get(name)
            if i is not None:
                rows.append(i)
                values.append(value)
        # one matrix product: a candidate carries its document's few hundred words (six times faster than a sum)
        z = self.bias + np.asarray(values) @ self.weights[rows] if rows else self.bias.copy()
        if len(self.classes) == 2 and self.weights.shape[1] == 1:
            p1 = 1.0 / (1.0 + np.exp(-z[0]))
            return {self.classes[0]: 1.0 - p1, self.classes[1]: p1}
        z = np.exp(z - z.max())
        z /= z.sum()
        return dict(zip(self.classes, z.tolist()))


def load_model(path) -> LinearModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    return LinearModel(tuple(data["classes"]), {f: i for i, f in enumerate(data["features"])},
                       np.array(data["weights"], dtype=np.float64), np.array(data["bias"], dtype=np.float64),
                       data.get("meta", {}), data.get("calibration"))


@functools.cache
def model(name: str) -> LinearModel | None:
    """The shipped model `name` ('type', 'status', 'actor' or 'target'), or None when it is not there (logged once)."""
    path = resources.files("linimasa").joinpath("models", "events", f"{name}.json")
    if not path.is_file():
        log.warning("event %s model not found at %s; run train/events.py", name, path)
        return None
    return load_model(path)


def decide_type(features: dict[str, float], lexicon_type: str) -> tuple[str, float]:
    """(type, confidence that the candidate is an event). The confidence is 1 - P(NONE) mapped through the
    isotonic calibration fitted out of fold on the dev split (train/events.py); the type stays the
    lexicon's unless the model gives another type at least TYPE_OVERRIDE and the lexicon's under TYPE_KEEP
    (on the dev split the model's types are right less often than the lexicon's when it hesitates)."""
    m = model("type")
    if m is None:
        return lexicon_type, 0.5
    probs = m.probabilities(features)
    best = max((c for c in m.classes if c != NONE), key=lambda c: probs[c], default=lexicon_type)
    kind = best if probs[best] >= TYPE_OVERRIDE and probs.get(lexicon_type, 0.0) < TYPE_KEEP else lexicon_type
    return kind, m.calibrated(1.0 - probs.get(NONE, 0.0))


def choose_names(chosen: list[str], scored: list[tuple[str, float, bool]], cuts: dict[str, float]) -> list[str]:
    """The participants of one role, from the rules' names (`chosen`) and the options the model scored (`scored`:
    name, the model's probability, whether the rules took it), at the thresholds `cuts`: where the rules found no
    one, the options at or over `cuts["none"]`; else the rules' names but the options they took that score under
    `cuts["keep"]`, then the other options at or over `cuts["add"]`. A name the rules took that is no option (a
    pronoun's person, a name from the sentence before) stays: the model knows nothing of it. Shared by the stage and
    the trainer, which chooses the thresholds."""
    if not chosen:
        return list(dict.fromkeys(name for name, p, _ in scored if p >= cuts["none"]))
    rejected = {name for name, p, by_rule in scored if by_rule and p < cuts["keep"]}
    kept = [n for n in chosen if n not in rejected]
    return list(dict.fromkeys([*kept, *(name for name, p, by_rule in scored if not by_rule and p >= cuts["add"])]))


def role_cuts(meta: dict) -> dict[str, float]:
    """The thresholds of a role model (`choose_names`) from its meta: a model trained before the rules' names were
    judged has one threshold, for where the rules found no one, and never drops or adds to theirs."""
    none = meta.get("threshold", 1.0)
    return {"none": none, **meta.get("thresholds", {"keep": 0.0, "add": 1.01})}


def decide_role(role: str, options: list[tuple[str, dict[str, float]]], chosen: list[str]) -> list[str]:
    """The participants in `role` ('actor' or 'target') of an event: `choose_names` of the rules' names `chosen` and
    the options (name, features from `linimasa.events.options.role_options`) at the thresholds the model's training
    chose on dev (`role_cuts`); the rules' names when no such model ships."""
    m = model(role)
    if m is None or not options:
        return list(chosen)
    scored = [(name, m.probabilities(x).get(role, 0.0), bool(x.get("rule=this"))) for name, x in options]
    return choose_names(chosen, scored, role_cuts(m.meta))


def decide_status(features: dict[str, float], rule_status: str) -> tuple[str, float]:
    """(status, its probability); the cue rule's status when no model ships."""
    m = model("status")
    if m is None:
        return rule_status, 0.5
    probs = m.probabilities(features)
    best = max(m.classes, key=lambda c: probs[c])
    return best, probs[best]
