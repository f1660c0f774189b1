"""The learned decisions on event candidates: whether a lexicon candidate is an event and of which PLOVER type
(with a calibrated confidence), its status (happened, planned, proposed, conditional, hypothetical, negated), and,
where the rules found no actor or no target, which names and nouns of the sentence are (`linimasa.events.options`),
and whether a happened event the rules date by its report's day is that day's news or background, left undated
(`decide_undated`).

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
from pathlib import Path

import numpy as np

from .. import lang

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


SHARED_MODELS = "events"  # the folder under linimasa/models of the models every language uses


@functools.cache
def model(name: str, code: str = "") -> LinearModel | None:
    """The shipped model `name` ('type', 'status', 'actor', 'target' or 'dating') for language `code`: the one in the
    folder its language file names (`[events] models`), else the one every language shares; None when neither is
    there (logged once)."""
    root = resources.files("linimasa").joinpath("models")
    own = lang.setting(code, "events", "models", SHARED_MODELS) if code else SHARED_MODELS
    path = root.joinpath(own, f"{name}.json")
    if not path.is_file():
        path = root.joinpath(SHARED_MODELS, f"{name}.json")
    if not path.is_file():
        log.warning("event %s model not found at %s; run train/events.py", name, path)
        return None
    return _loaded(str(path))


@functools.cache
def _loaded(path: str) -> LinearModel:
    """The model at `path`, read once however many languages share it (the type model holds 5 MB of weights)."""
    return load_model(Path(path))


def decide_type(features: dict[str, float], lexicon_type: str, code: str = "") -> tuple[str, float]:
    """(type, confidence that the candidate is an event). The confidence is 1 - P(NONE) mapped through the
    isotonic calibration fitted out of fold on the dev split (train/events.py); the type stays the
    lexicon's unless the model gives another type at least TYPE_OVERRIDE and the lexicon's under TYPE_KEEP
    (on the dev split the model's types are right less often than the lexicon's when it hesitates). `code`: the
    candidate's language, whose file may name its own model."""
    m = model("type", code)
    if m is None:
        return lexicon_type, 0.5
    probs = m.probabilities(features)
    best = max((c for c in m.classes if c != NONE), key=lambda c: probs[c], default=lexicon_type)
    kind = best if probs[best] >= TYPE_OVERRIDE and probs.get(lexicon_type, 0.0) < TYPE_KEEP else lexicon_type
    return kind, m.calibrated(1.0 - probs.get(NONE, 0.0))


def decide_role(role: str, options: list[tuple[str, dict[str, float]]]) -> list[str]:
    """The options (name, features) the `role` model ('actor' or 'target') takes for the event's participants in
    that role: those at or over the threshold its training chose on dev (`meta["threshold"]`), in the order given;
    none when no such model ships."""
    m = model(role)
    if m is None or not options:
        return []
    cut = m.meta.get("threshold", 1.0)
    return list(dict.fromkeys(name for name, x in options if m.probabilities(x).get(role, 0.0) >= cut))


def decide_status(features: dict[str, float], rule_status: str, code: str = "") -> tuple[str, float]:
    """(status, its probability); the cue rule's status when no model ships. `code` as for `decide_type`."""
    m = model("status", code)
    if m is None:
        return rule_status, 0.5
    probs = m.probabilities(features)
    best = max(m.classes, key=lambda c: probs[c])
    return best, probs[best]


UNDATED = "undated"  # the dating model's class of a happened mention told as background: no date of its own


def decide_undated(features: dict[str, float]) -> bool | None:
    """Whether a happened mention the rules date by its report's day (no time expression of its own, no background
    cue) is background, to be left undated (the readers date "BP was fined $290,000" in a 2010 report nowhere,
    "Police arrested two men" on the report's day): the dating model's P(undated) at or over the threshold its
    training chose out of fold (`meta["threshold"]`); None when no such model ships."""
    m = model("dating")
    if m is None:
        return None
    return m.probabilities(features).get(UNDATED, 0.0) >= m.meta.get("threshold", 0.5)
