"""Features of an event candidate for the learned decisions (`linimasa.events.classify`): what the trigger is,
where it sits in the parse, what its arguments are, and which status cues stand around it.

Lexical features carry the language code ("lemma=en:attack"); the rest are the same in every language
(dependency labels, the status category of a cue word or of the verb that governs the trigger, as each
language file lists them), so a decision learnt on English TimeBank carries over to Indonesian in part.
"""

from __future__ import annotations

import functools
import re

from .. import lang
from ..syntax import Parse, Token
from .frames import Frame, syntax_data
from .lexicon import NOT_CUES

# How far up the parse a governing verb may stand ("fears that Moscow is preparing to invade": two steps).
GOVERNOR_STEPS = 3
# Relations through which a verb governs the status of what depends on it.
GOVERNING = {"xcomp", "ccomp", "advcl", "pcomp", "pobj", "prep", "dobj", "obj", "acl", "relcl", "conj", "obl"}
CONJ = {"conj"}  # (the relations of English's and UD's parses alike)
# The relations by which an event noun modifies a governing noun and takes its status: "membahas rencana sanksi"
# (the sanctions are planned), "usulan pembentukan pansus" (proposed), "ancaman sanksi" (hypothetical).
NOUN_GOVERNED = {"nmod", "compound"}
OBJECTS = {"dobj", "obj", "pobj", "obl", "nmod"}  # a noun the governor takes as a thing: "untuk tuduhan lain"
VERBS = {"VERB", "AUX"}
NOUNS = {"NOUN", "PROPN", "PRON"}
# What kind of news a candidate stands in is told by the words of its document: a "meeting" in a page that speaks
# of a match, a film or an app is no event ("pertemuan kedua di perempat final", "Han Solo bertemu dengan
# Chewbacca"). The type model reads the words of the document's opening (its headline and lead name the kind of
# news; the whole of a long page would add its comment threads), each at a weight below a word of the trigger's
# own so that one sentence's words still decide. Measured out of fold on the dev split and draws 1-7 (session
# 23): Indonesian event AUC 0.76 -> 0.83 with articles grouped, 0.54 -> 0.64 with whole IndoSum categories held
# out (a kind of news never seen in training); English unchanged with whole Timeline17 topics held out.
DOC_WORD_CHARS = 3000
DOC_WORD_WEIGHT = 0.3
_DOC_WORD = re.compile(r"[^\W\d_]{3,}")  # letters only, three or more: no numbers, no particles like "di"


@functools.cache
def _categories(code: str) -> tuple[dict[str, str], dict[str, str]]:
    """(status cue word -> status, governing verb lemma -> status) of a language's files."""
    data = lang.load(code) if code in lang.available() else {}
    cues = {}
    for status, words in data.get("events", {}).get("status", {}).items():
        if status == NOT_CUES:
            continue  # phrases that are no cue ("not only"), not a status
        for w in words:
            cues.setdefault(w.lower(), status)
    governors = {}
    for status, words in data.get("syntax", {}).get("governors", {}).items():
        for w in words:
            governors.setdefault(w.lower(), status)
    return cues, governors


STATUS_PRIORITY = ("negated", "conditional", "hypothetical", "proposed", "planned")
SUBJECTS = {"nsubj", "nsubjpass", "nsubj:pass"}  # (the subject relations of English's and UD's parses)
AUXILIARY = {"aux"}  # a predicate's auxiliary ("will", "akan"), in spaCy's English and in UD alike (not the passive's)
PREDICATE_PARTS = {"xcomp", "acomp"}  # "is due to start", "are scheduled to begin": what the predicate goes on with


@functools.cache
def _subject_governors(code: str) -> dict[str, str]:
    data = lang.load(code) if code in lang.available() else {}
    return {w.lower(): status for status, words in data.get("syntax", {}).get("subject_governors", {}).items()
            for w in words}


def predicate_of(parse: Parse, t: Token) -> list[Token]:
    """The predicate an event noun is the subject of, with the words it goes on with ("The talks are scheduled to
    begin on Monday": scheduled, begin; "The trial is due to start": is, due, start); none when `t` is no subject."""
    head = parse.head(t)
    if t.pos not in NOUNS or t.dep not in SUBJECTS or head is None or head.i == t.i:
        return []
    out, level = [head], [head]
    for _ in range(GOVERNOR_STEPS):
        level = [c for x in level for c in parse.children(x) if c.dep in PREDICATE_PARTS]
        out += level
    return out


def subject_status(parse: Parse, t: Token, code: str) -> tuple[str, str]:
    """(status, word) that the predicate of event noun `t` gives it (`syntax.subject_governors`: "The talks are
    scheduled to begin", "The meeting was cancelled"), or the predicate's auxiliary ("The summit will mark ...",
    "Sidang itu akan dilanjutkan"), else ("", "")."""
    governors = _subject_governors(code)
    predicate = predicate_of(parse, t)
    auxiliaries = [c for c in parse.children(predicate[0]) if c.dep in AUXILIARY] if predicate else []
    found = [(cat, x.text) for x in [*predicate, *auxiliaries]
             if (cat := governors.get(x.lemma.lower()) or governors.get(x.text.lower()))]
    return next(((s, w) for status in STATUS_PRIORITY for s, w in found if s == status), ("", ""))


def governing_status(parse: Parse, t: Token, code: str, said: bool = False, after: int | None = None) -> tuple[str, str]:
    """(status, the governing verb) when a verb above the trigger, through complement relations, says it did not
    simply happen: "fear that Moscow is preparing to invade" (hypothetical), "called for air strikes" (proposed),
    "refused to meet" (negated); the least factual status of the chain wins. ("", "") when none does.
    What was `said` (an accusation, a request) and is denied or refused as a thing was still said: "denied the
    allegations", "menolak permintaan itu" (the refusal is its own event). A verb coordinated with another is not
    governed by it: "refused to comment but said it welcomed new investors".
    With `after` (a text offset: where a cue of the trigger's clause stands), only the first verb above the
    trigger counts, reached through no other noun, and only when it stands after that cue: the cue is then that
    verb's ("has urged fans to donate": "has" tells the urging, the donating is proposed; "declined to comment on
    the investigation" has "comment" first, which governs nothing)."""
    _, governors = _categories(code)
    found: list[tuple[str, str]] = []
    node, steps = t, 0

    def governing_noun(n: Token) -> bool:  # n modifies a noun of the governor lists ("rencana sanksi")
        h = parse.head(n)
        return (n.pos in NOUNS and n.dep in NOUN_GOVERNED and h is not None and h.pos in NOUNS
                and (h.lemma.lower() in governors or h.text.lower() in governors))

    while node is not None and steps <= GOVERNOR_STEPS and (node.dep in GOVERNING or governing_noun(node)):
        child, node, steps = node, parse.head(node), steps + 1
        if node is None or (child.dep in CONJ and child.pos in VERBS and node.pos in VERBS):
            break
        cat = governors.get(node.lemma.lower()) or governors.get(node.text.lower())
        if cat == "negated" and said and child is t and t.pos in ("NOUN", "PROPN") and t.dep in OBJECTS:
            continue
        if after is not None and node.pos in VERBS:
            if cat and after < node.start < t.start:
                found.append((cat, node.text))
            break
        if after is not None and node.pos in NOUNS:
            break  # "have questioned the speed of compensation": the question is about the speed
        if cat:
            found.append((cat, node.text))
    for status in STATUS_PRIORITY:
        for cat, word in found:
            if cat == status:
                return status, word
    return "", ""


def document_words(text: str) -> frozenset[str]:
    """The lower-cased words of a document's first DOC_WORD_CHARS characters."""
    return frozenset(w.lower() for w in _DOC_WORD.findall(text[:DOC_WORD_CHARS]))


def document_features(text: str, code: str) -> dict[str, float]:
    """The features every candidate of a document shares: its words ("doc=<lang>:<word>", DOC_WORD_WEIGHT each);
    made once per document."""
    return {f"doc={code}:{w}": DOC_WORD_WEIGHT for w in document_words(text)}


def _bucket(n: int) -> str:
    return str(n) if n < 2 else "2+"


def candidate_features(code: str, etype: str, trigger_text: str, parse: Parse | None, f: Frame | None,
                       kinds: list[str], n_actors: int, n_targets: int, rule_status: str, has_timex: bool,
                       date_order: int, sentence: str, offset_in_sentence: int,
                       doc_features: dict[str, float] | None = None) -> dict[str, float]:
    """Binary features (value 1.0) of one candidate, for both the event/type and the status decision, and the
    features of its document (`document_features`; the type model's only: train/events.py leaves them out of the
    status model)."""
    cues, governors = _categories(code)
    out = {f"lex={etype}": 1.0, f"word={code}:{trigger_text.lower()}": 1.0, f"rule={rule_status}": 1.0,
           f"lex={etype}|rule={rule_status}": 1.0, f"actors={_bucket(n_actors)}": 1.0,
           f"targets={_bucket(n_targets)}": 1.0, f"timex={has_timex}": 1.0, f"order={date_order}": 1.0,
           f"lang={code}": 1.0, "bias": 1.0}
    for k in kinds:
        out[f"kind={k}"] = 1.0
    if doc_features:
        out.update(doc_features)
    before = sentence[:offset_in_sentence]
    if before.count('"') % 2 or before.count("“") > before.count("”"):
        out["in_quote"] = 1.0
    if trigger_text[:1].isupper() and offset_in_sentence > 0:
        out["capitalised"] = 1.0  # "Strike" in a name or title
    if parse is None or f is None or f.trigger is None:
        out["parsed=no"] = 1.0
        return out
    t: Token = f.trigger
    sd = syntax_data(code)
    head = parse.head(t)
    out.update({f"pos={t.pos}": 1.0, f"dep={t.dep}": 1.0, f"lex={etype}|pos={t.pos}": 1.0,
                f"lex={etype}|dep={t.dep}": 1.0, f"lemma={code}:{t.lemma.lower()}": 1.0})
    if head is not None:
        out[f"head_pos={head.pos}"] = 1.0
        out[f"head={code}:{head.lemma.lower()}"] = 1.0
        out[f"dep={t.dep}|head_pos={head.pos}"] = 1.0
    for how in f.how:
        out[f"how={how}"] = 1.0
        out[f"lex={etype}|how={how}"] = 1.0
    for tense in ("Tense=Past", "Tense=Pres", "Tense=Fut", "VerbForm=Inf", "VerbForm=Part", "VerbForm=Ger",
                  "Voice=Pass", "Polarity=Neg", "Mood=Imp"):
        if tense in t.morph:
            out[f"morph={tense}"] = 1.0
    # Cue words attached to the trigger (aux, neg, mark, advmod) and the verbs that govern it.
    node, steps = t, 0
    while node is not None and steps <= GOVERNOR_STEPS:
        where = "own" if steps == 0 else "up"
        for c in parse.children(node):
            if c.dep in ("aux", "auxpass", "neg", "mark", "advmod", "aux:pass", "cop", "det", "case") and c.i != t.i:
                word = c.text.lower()
                cat = cues.get(word) or cues.get(c.lemma.lower())
                if cat:
                    out[f"cue_{where}={cat}"] = 1.0
                if c.dep in ("neg",) or "Polarity=Neg" in c.morph:
                    out[f"neg_{where}"] = 1.0
                if steps == 0:
                    out[f"child={code}:{c.dep}:{word}"] = 1.0
                    out[f"child_dep={c.dep}"] = 1.0
        if steps > 0:
            lemma = node.lemma.lower()
            cat = governors.get(lemma) or governors.get(node.text.lower())
            if cat:
                out[f"gov={cat}"] = 1.0
                out[f"gov{steps}={cat}"] = 1.0
            out[f"gov_lemma={code}:{lemma}"] = 1.0
            for tense in ("Tense=Past", "Tense=Pres", "VerbForm=Inf"):
                if tense in node.morph:
                    out[f"gov_morph={tense}"] = 1.0
        if node.dep not in GOVERNING:
            break
        node, steps = parse.head(node), steps + 1
    if sd is not None and t.text.lower() in sd.light_verbs:
        out["light_verb_trigger"] = 1.0
    return out


# Where a sentence stands in its document, for the dating decision: a report's lead tells the news of its day, its
# later paragraphs more often background (bucket bounds in sentences: lead, the first paragraphs, the body, the tail).
PLACE_BUCKETS = ((1, "lead"), (4, "early"), (8, "middle"), (16, "body"))


def _place(sentence_index: int) -> str:
    return next((name for bound, name in PLACE_BUCKETS if sentence_index < bound), "tail")


def sentence_features(x: dict[str, float]) -> dict[str, float]:
    """A candidate's features but its document's words (`document_features`): what the status and dating
    decisions read, since whether and when an event happened is told by its sentence."""
    return {k: v for k, v in x.items() if not k.startswith("doc=")}


def dating_features(x: dict[str, float], sentence_index: int, code: str) -> dict[str, float]:
    """Features of the dating decision (`classify.decide_undated`): the candidate's sentence features and the
    sentence's place in its document, also per language."""
    out = sentence_features(x)
    place = _place(sentence_index)
    out.update({f"place={place}": 1.0, f"place={place}|lang={code}": 1.0})
    return out
