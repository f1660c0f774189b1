"""Event candidates from the parse: a verb or noun that no lexicon trigger covers is proposed as a trigger when the
proposal model gives it a PLOVER type.

The lexicon misses most of what news reports as events (issue 14, session 31: 40 % of the gold mentions of a fresh
English judge had no lexicon candidate, a long tail of words: "said" for an accusation, "lobbied", "airdrops",
"pooled"). Every verb and noun of a parsed sentence is therefore weighed by a logistic regression trained by
`train/events.py` (scikit-learn) on the test bed's dev annotations, on words no lexicon trigger covers, from the word's
lemma, its part of speech and place in the parse (its head, its particles, prepositions and objects, what kind of word
its subject and object are). It is scored here with NumPy (`linimasa.events.classify`); its event probability is
calibrated out of fold, so it is the proposed mention's confidence, held to the same threshold as the type model's.

A language takes part when its file sets `[events] parse_candidates = true` and the model ships; then every sentence
of its documents is parsed, not only those holding a lexicon trigger.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import lang
from ..syntax import Parse, Token
from .classify import NONE, model

MODEL = "propose"
PROPOSED_POS = frozenset({"VERB", "NOUN"})  # the words that name events: "lobbied", "airdrops", "the crackdown"
# The lowest calibrated probability a proposal is kept at: no language's threshold is set below it (en 0.65, id
# 0.56, others 0.28), and each kept proposal costs the role and status work of a mention.
PROPOSE_FLOOR = 0.25
# The dependents whose word tells what the verb does: "carried out", "called for", "met with", "sided against".
LEXICAL_CHILDREN = frozenset({"prt", "compound:prt", "prep", "case", "mark", "dobj", "obj", "xcomp", "neg", "advmod"})
ARGUMENTS = {"nsubj": "subj", "nsubj:pass": "subjpass", "nsubjpass": "subjpass", "dobj": "obj", "obj": "obj",
             "agent": "agent", "obl": "obl"}  # (spaCy's English and UD labels alike)
PREPOSITION_OBJECTS = {"pobj"}  # spaCy's English: the preposition heads its object
OBLIQUES, CASE_MARKERS = {"obl", "nmod"}, {"case"}  # UD: the oblique noun heads its preposition
MODIFIERS = {"nmod", "compound", "amod", "flat", "nn"}  # a word that says which kind of the noun it depends on
_WORD = re.compile(r"[^\W\d_]")  # a token that holds a letter (no number or sign is an event)


@dataclass(frozen=True)
class Proposed:
    """A proposed trigger, read like a lexicon match (`start()`, `end()`, `group(0)`, relative to its sentence)."""

    begin: int
    stop: int
    text: str
    probability: float  # calibrated: how likely it is an event of its type

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.stop

    def group(self, _: int = 0) -> str:
        return self.text


@functools.cache
def enabled(code: str) -> bool:
    """Whether language `code` takes candidates from the parse (its file says so and the model ships)."""
    wanted = bool(lang.setting(code, "events", "parse_candidates", False))
    return wanted and model(MODEL) is not None


def open_words(parse: Parse, taken: list[tuple[int, int]]) -> list[Token]:
    """The verbs and nouns of `parse` that no span of `taken` (document offsets) overlaps, nor modifies a word one
    overlaps ("serangan udara", "air strikes": the lexicon's trigger names that event)."""
    def inside(t: Token | None) -> bool:
        return t is not None and any(s < t.end and t.start < e for s, e in taken)
    return [t for t in parse.tokens if t.pos in PROPOSED_POS and _WORD.search(t.text) and not inside(t)
            and not (t.dep in MODIFIERS and inside(parse.head(t)))]


def _kind(t: Token | None) -> str:
    return "none" if t is None else t.pos


def token_features(parse: Parse, t: Token, code: str) -> dict[str, float]:
    """The proposal model's features of word `t`: lexical ones carry the language ("w=en:lobby")."""
    lemma = t.lemma.lower()
    x = {f"lang={code}": 1.0, f"w={code}:{lemma}": 1.0, f"pos={t.pos}": 1.0, f"wp={code}:{lemma}|{t.pos}": 1.0, f"dep={t.dep}": 1.0,
         f"dp={t.dep}|{t.pos}": 1.0, f"suf={code}:{lemma[-3:]}|{t.pos}": 1.0}
    head = parse.head(t)
    x[f"hp={_kind(head)}|{t.dep}"] = 1.0
    if head is not None:
        x[f"h={code}:{head.lemma.lower()}|{t.dep}"] = 1.0
    seen = set()
    for c in parse.children(t):
        x[f"c={c.dep}"] = 1.0
        if c.dep in LEXICAL_CHILDREN:
            x[f"cw={c.dep}|{code}:{c.lemma.lower()}"] = 1.0
        role = ARGUMENTS.get(c.dep)
        if role and role not in seen:
            seen.add(role)
            x[f"a={role}|{c.pos}"] = 1.0
        # "met with Putin", "bertemu dengan Putin": the preposition and what kind of word its object is
        for g in parse.children(c, PREPOSITION_OBJECTS if c.dep == "prep" else set()):
            x[f"pp={code}:{c.lemma.lower()}|{g.pos}"] = 1.0
        for g in parse.children(c, CASE_MARKERS if c.dep in OBLIQUES else set()):
            x[f"pp={code}:{g.lemma.lower()}|{c.pos}"] = 1.0
    for role in ("subj", "obj"):
        if role not in seen:
            x[f"no={role}"] = 1.0
    return x


def propose(parse: Parse, taken: list[tuple[int, int]], sentence_start: int, code: str) -> list[tuple[str, Proposed]]:
    """(type, trigger) for each word of `parse` no span of `taken` covers whose most likely PLOVER type the proposal
    model gives a calibrated event probability of at least PROPOSE_FLOOR; offsets relative to the sentence."""
    m = model(MODEL)
    if m is None:
        return []
    out = []
    for t in open_words(parse, taken):
        probs = m.probabilities(token_features(parse, t, code))
        best = max((c for c in m.classes if c != NONE), key=lambda c: probs[c])
        p = m.calibrated(1.0 - probs.get(NONE, 0.0))
        if p >= PROPOSE_FLOOR:
            out.append((best, Proposed(t.start - sentence_start, t.end - sentence_start, t.text, round(p, 3))))
    return out
