"""Find entity mentions in a document: knowledge-base names first, then misspelled knowledge-base names, then the
statistical model's names, then capitalised names that a context cue types; each kept as a `Found` with the
records it may name. A span is claimed once: later finders only take what is still free."""

from __future__ import annotations

import bisect
import dataclasses
import functools
from dataclasses import dataclass, field

from .. import lang
from ..intervals import SpanIndex
from ..kb import KnowledgeBase, demonyms
from .fuzzy import fuzzy_record
from .gazetteer import gazetteer
from .ner import recognise, tokenizer
from .roles import role_words

FUZZY_WINDOW_CUTOFF = 90  # stricter than for a span a model or cue already marked as a name
# A text longer than this is searched a window at a time, each cut where a sentence starts: the tokenised text, the
# gazetteer's matches and the model's input are as long as what is searched at once (a 2.4 MB one-line page took
# +195 MB searched whole, the peak of a worker in the hostile bench). Nine news articles in ten are under 20,000
# characters, so news is searched whole, as before; a name never spans a sentence start.
WINDOW_CHARS = 50_000
# A model name this short ("A", "I") is too often a letter or a word to be taken for a name wherever it stands.
MIN_REPEATED_CHARS = 2
# A name the model found once may be its error ("Ketenagakerjaan" of a minister's title); found twice, rarely.
MIN_REPEATED_FOUND = 2
# An all-capital word this long is a body's acronym, not initials ("KPK", "DPRD"; "JK Rowling", "AA Gym" are people)
MIN_ACRONYM = 3
DASHES = frozenset({"-", "–", "—"})  # the dashes news writes between the two names of a ticket


@dataclass
class Found:
    """A mention before linking: character span, type, knowledge-base ids it may name, and how it was found."""

    start: int
    end: int
    text: str
    type: str
    ids: tuple[str, ...] = ()
    how: str = "kb"  # kb | context | fuzzy | model | cue
    role: str = ""
    entity_id: str = field(default="", compare=False)


@functools.cache
def _words(code: str) -> dict:
    data = lang.load(code).get("entities", {}) if code in lang.available() else {}
    nlp = tokenizer(code)
    return {
        "not_names": frozenset(data.get("not_names", [])),
        "roles": frozenset(w.lower() for w in role_words(code)),
        "ranks": frozenset(w.lower() for w in data.get("ranks", [])),
        "person_cues": frozenset(w.lower() for w in data.get("person_cues", [])),
        "place_cues": frozenset(w.lower() for w in data.get("place_cues", [])),
        "org_heads": frozenset(data.get("org_heads", [])),
        "place_heads": frozenset(data.get("place_heads", [])),
        "particles": frozenset(data.get("name_particles", [])),
        "stop": frozenset(w.lower() for w in nlp.Defaults.stop_words),
        # the capitalised demonyms ("Briton", "American"): the country a person is from, named before the name
        "demonyms": frozenset(f for forms in demonyms().values() for f in forms if f[:1].isupper()),
    }


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def find(text: str, code: str, kb: KnowledgeBase, sentence_starts: set[int], blocked: list[tuple[int, int]],
         kb_only: bool = False) -> list[Found]:
    """Mentions in `text`, left to right, none overlapping; `blocked` spans (time expressions) hold none.

    `kb_only` finds knowledge-base names only (for lines that are not article text: credits, related links).
    A text over `WINDOW_CHARS` is searched in windows (see `windows`), offsets kept.
    """
    if len(text) <= WINDOW_CHARS:
        return _find(text, code, kb, sentence_starts, blocked, kb_only)
    out: list[Found] = []
    for start, end in windows(text, sentence_starts):
        starts = {s - start for s in sentence_starts if start <= s < end} | {0}
        inside = [(max(a, start) - start, min(b, end) - start) for a, b in blocked if a < end and b > start]
        out += [dataclasses.replace(f, start=f.start + start, end=f.end + start)
                for f in _find(text[start:end], code, kb, starts, inside, kb_only)]
    return out


def windows(text: str, sentence_starts: set[int], size: int | None = None) -> list[tuple[int, int]]:
    """(start, end) windows of `text` of at most `size` characters, each cut at the last sentence start inside it,
    or else at the last space, or else (no space in `size` characters: not prose) at `size` (`WINDOW_CHARS`)."""
    size = size or WINDOW_CHARS
    starts = sorted(sentence_starts)
    out, start = [], 0
    while len(text) - start > size:
        limit = start + size
        i = bisect.bisect_right(starts, limit) - 1
        cut = starts[i] if i >= 0 and starts[i] > start else text.rfind(" ", start + 1, limit) + 1
        if cut <= start:
            cut = limit
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


def _find(text: str, code: str, kb: KnowledgeBase, sentence_starts: set[int], blocked: list[tuple[int, int]],
          kb_only: bool) -> list[Found]:
    words = _words(code)
    nlp = tokenizer(code)
    tdoc = nlp.make_doc(text)

    def opens_sentence(token) -> bool:
        i = token.i
        while i > 0 and (tdoc[i - 1].is_left_punct or tdoc[i - 1].is_quote):  # '"Tergantung' opens it too
            i -= 1
        return i == 0 or tdoc[i].idx in sentence_starts or "\n" in tdoc[i - 1].whitespace_ + tdoc[i - 1].text \
            or tdoc[i - 1].is_sent_end or tdoc[i - 1].text in (".", "!", "?")

    found = _Claimed()
    closed = SpanIndex(blocked, lambda b: b)

    def claim(f: Found) -> bool:
        """Keep `f` when its span is still free."""
        if closed.any_overlapping(f.start, f.end) or found.overlapping(f.start, f.end):
            return False
        found.add(f)
        return True

    cased = any(ch.isupper() for ch in text)
    lower_words = {t.text for t in tdoc if t.text.islower()}

    def word_opening_sentence(token) -> bool:
        """A capitalised word that opens a sentence and is a stop word ("Lima orang tewas": the number five, not
        Peru's capital) or is written in lower case elsewhere in the text ("Reunión para analizar ..." and "la
        reunión": a word, not the island): no name on its own."""
        return opens_sentence(token) and (token.text.lower() in words["stop"]
                                          or (cased and token.text.lower() in lower_words))

    for hit in gazetteer(kb, nlp).find(tdoc):
        span = tdoc[hit.start:hit.end]
        if len(span) == 1 and word_opening_sentence(span[0]):
            continue
        types = {kb[i].type for i in hit.ids}
        claim(Found(hit.start_char, hit.end_char, span.text, types.pop() if len(types) == 1 else "",
                    hit.ids, "context" if hit.context_only else "kb"))

    if kb_only:
        return found.items
    _misspelled(tdoc, kb, words, word_opening_sentence, claim)

    # the heads that make a model name an organisation, whatever type the model gave it (not those that name a
    # building as often, "Kantor")
    org_label_heads = words["org_heads"] - words["place_heads"]
    unkept: list[tuple[int, int]] = []  # names of a kind kept as no entity ("Republicans"): no cue retypes them
    for cand in recognise(tdoc, code):
        span = tdoc.char_span(cand.start_char, cand.end_char, alignment_mode="expand")
        if span is None:
            continue
        if not cand.label:
            unkept.append((span.start, span.end))
            continue
        tokens = _without_role(tdoc, span.start, span.end, words["roles"])
        # Titles and sentence openers at the edges are not part of a name; "desa", "pulau" may be.
        while tokens and (tokens[0].text in words["not_names"] or tokens[0].text.lower() in words["roles"]
                          or tokens[0].is_punct or (tokens[0].is_lower and tokens[0].text in words["stop"])):
            tokens.pop(0)
        while tokens and (tokens[-1].is_punct or tokens[-1].text.lower() in words["ranks"]):
            tokens.pop()  # "Polda Metro Jaya Kombes [Argo Yuwono]": a rank ends no name (a title may: "Kantor Presiden")
        label = cand.label
        k, size = _inner_rank(tokens, words["ranks"])
        if k and label != "PER":
            # "[Kapolsek] Tambora Kompol Iver Son Manossoh": the place or body of the title, then a rank and the
            # person the model ran into it (a rank, not any title: "Kepulauan Raja Ampat" is one place, "Lukman
            # Hakim Saefuddin" one person)
            before = tokens[k - 1].idx + len(tokens[k - 1].text)
            claim(Found(tokens[0].idx, before, text[tokens[0].idx:before], label, (), "model"))
            label = "PER"
        tokens = tokens[k + size:] if k else tokens
        if not tokens or (cased and not any(_capitalised(t.text) for t in tokens)):
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        surface = text[start:end]
        if len(tokens) == 1 and (surface in words["not_names"] or surface.lower() in words["stop"] or len(surface) < 2
                                 or (cased and opens_sentence(tokens[0]) and surface.lower() in lower_words)):
            continue  # "Tergantung." opens a sentence; the text also writes it "tergantung": a word, not a name
        if cand.label == "PER" and len(tokens) > 2 and tokens[0].text in words["demonyms"]:
            # "Briton Tony Hayward", "Australian Julian Assange": where he is from (the gazetteer names the
            # country), then his name; a first and a last name must be left ("Dane Cook" stays one person)
            tokens = tokens[1:]
            start = tokens[0].idx
        if cand.label == "PER" and len(tokens) > 2 and _acronym(tokens[0].text) and _capitalised(tokens[1].text):
            # "Juru Bicara KPK Febri Diansyah": the body of the title before a person the model ran together with
            # it; an acronym of MIN_ACRONYM letters opens no person's name ("JK Rowling" has initials)
            claim(Found(tokens[0].idx, tokens[0].idx + len(tokens[0].text), tokens[0].text, "ORG", (), "model"))
            tokens = tokens[1:]
            start = tokens[0].idx
        inside = found.overlapping(start, end)
        if inside and all(start <= f.start and f.end <= end for f in inside):
            # A longer name around knowledge-base names is another entity ("Real Madrid", "PT Maruki Indonesia")
            # when what it adds is a name word; "Kremlin Yuri Ushakov" or "ekspansi NATO" add none.
            extra = [t for t in tokens if not any(f.start <= t.idx < f.end for f in inside)]
            if any(t.is_alpha and len(t.text) > 1 and t.text[:1].isupper() and t.text not in words["not_names"]
                   for t in extra):
                found.remove(inside)
        # "Institut Prancis", "Universitas Indonesia", which the model took for places
        label = "ORG" if len(tokens) > 1 and tokens[0].text in org_label_heads else label
        for part in (_pair(tokens) if label == "PER" else [tokens]):
            start, end = part[0].idx, part[-1].idx + len(part[-1].text)
            claim(Found(start, end, text[start:end], label, (), "model"))

    _repeated(tdoc, nlp, found.items, words, lower_words, opens_sentence, claim)
    _cued_names(tdoc, words, opens_sentence, claim, unkept)
    return found.items


def _inner_rank(tokens: list, ranks: frozenset[str]) -> tuple[int, int]:
    """(where, how many words) of the last of `ranks` inside a name's tokens with a capitalised word after it, else
    (0, 0): a person's name the model ran together with the title's place or body before it ("[Kapolres] Bantul
    AKBP Sahat Marisi Hasibuan": the person is "Sahat Marisi Hasibuan"); a rank of two words ("Kombes Pol") counts
    whole."""
    for k in range(len(tokens) - 2, 0, -1):
        size = 2 if " ".join(t.text.lower() for t in tokens[k:k + 2]) in ranks else 1
        if tokens[k].text.lower() in ranks and k + size < len(tokens) and _capitalised(tokens[k + size].text):
            return k, size
    return 0, 0


def _acronym(word: str) -> bool:
    """Whether `word` is an acronym of MIN_ACRONYM or more capital letters ("KPK", "DPRD")."""
    return len(word) >= MIN_ACRONYM and word.isalpha() and word.isupper()


def _pair(tokens: list) -> list[list]:
    """The people of a name the model read across a spaced dash ("Edy Rahmayadi - Musa Rajekshah", a ticket of
    two), each a name of its own; else the name whole. (A dash inside a name has no spaces: "Jean-Pierre".)"""
    cuts = [k for k, t in enumerate(tokens) if 0 < k < len(tokens) - 1 and t.text in DASHES
            and tokens[k - 1].whitespace_ and t.whitespace_]
    parts = [tokens[a + 1:b] for a, b in zip([-1, *cuts], [*cuts, len(tokens)])]
    return parts if len(parts) > 1 and all(any(_capitalised(t.text) for t in p) for p in parts) else [tokens]


def _repeated(tdoc, nlp, items: list[Found], words: dict, lower_words: set[str], opens_sentence, claim) -> None:
    """One name, one reading per document: a name the model found MIN_REPEATED_FOUND times is a name wherever the
    text writes it the same way ("BP" found in some sentences and missed at the start of another, "BP spokespeople
    rushed ..."), with the type the model gave it most often; only names all of whose words are capitalised (the
    model's "rumah Setnov" is a house). Not where a one-word name opens a sentence and the text also writes it
    lower-case (a word, not a name). Matched with spaCy's PhraseMatcher on the text's tokens."""
    from collections import Counter, defaultdict

    from spacy.matcher import PhraseMatcher

    labels: dict[str, Counter] = defaultdict(Counter)
    for f in items:
        if f.how == "model" and len(f.text) >= MIN_REPEATED_CHARS and f.text not in words["not_names"] and (
                f.text.lower() not in words["stop"]):
            labels[f.text][f.type] += 1
    labels = {surface: counts for surface, counts in labels.items() if sum(counts.values()) >= MIN_REPEATED_FOUND
              and all(_capitalised(w) or w in words["particles"] for w in surface.split())}
    if not labels:
        return
    matcher = PhraseMatcher(nlp.vocab)
    for surface in labels:
        matcher.add(surface, [nlp.make_doc(surface)])
    for key, start, end in matcher(tdoc):
        span = tdoc[start:end]
        surface = nlp.vocab.strings[key]
        if len(span) == 1 and opens_sentence(span[0]) and surface.lower() in lower_words:
            continue
        claim(Found(span.start_char, span.end_char, span.text, labels[surface].most_common(1)[0][0], (), "model"))


class _Claimed:
    """The mentions found so far, which never overlap one another, in text order (looked up with `bisect`)."""

    def __init__(self) -> None:
        self.items: list[Found] = []
        self.starts: list[int] = []

    def add(self, f: Found) -> None:
        at = bisect.bisect_right(self.starts, f.start)
        self.starts.insert(at, f.start)
        self.items.insert(at, f)

    def remove(self, gone: list[Found]) -> None:
        ids = {id(f) for f in gone}
        self.items = [f for f in self.items if id(f) not in ids]
        self.starts = [f.start for f in self.items]

    def overlapping(self, start: int, end: int) -> list[Found]:
        at = bisect.bisect_left(self.starts, end)
        out = []
        while at > 0 and self.items[at - 1].end > start:  # they do not overlap, so their ends are in order too
            at -= 1
            out.append(self.items[at])
        return out[::-1]


def _without_role(tdoc, start: int, end: int, roles: frozenset[str]) -> list:
    """Tokens of tdoc[start:end] after a role phrase that opens the span or ends in it ("Menteri Luar Negeri
    Rusia ..." and "[Menteri] Luar Negeri Rusia ..." -> "Rusia ...")."""
    for size in range(min(4, end - start), 0, -1):
        for before in range(0, 3):
            if start - before < 0:
                break
            phrase = " ".join(t.text.lower() for t in tdoc[start - before:start + size])
            if phrase in roles:
                return list(tdoc[start + size:end])
    return list(tdoc[start:end])


def _misspelled(tdoc, kb, words, word_opening_sentence, claim) -> None:
    """Knowledge-base names misspelled in the text ("Larov", "Istana lysée"): windows of up to three words that
    start with an unclaimed capitalised word, matched by spelling; a single word only when it is no word opening a
    sentence (`word_opening_sentence`)."""
    for tok in tdoc:
        if not (tok.text[:1].isupper() and tok.is_alpha) or tok.text.lower() in words["stop"]:
            continue
        for size in (3, 2, 1):
            span = tdoc[tok.i:tok.i + size]
            if len(span) < size or not all(t.is_alpha for t in span) or any(t.whitespace_ != " " for t in span[:-1]):
                continue
            if size == 1 and word_opening_sentence(tok):
                break
            record_id = fuzzy_record(kb, span.text, cutoff=FUZZY_WINDOW_CUTOFF)
            if record_id and claim(Found(span.start_char, span.end_char, span.text, kb[record_id].type,
                                         (record_id,), "fuzzy")):
                break


def _cued_names(tdoc, words, opens_sentence, claim, unkept: list[tuple[int, int]] = ()) -> None:
    """Runs of capitalised words that no one else claimed, kept when a cue before them says what they are; not
    those the model named as a kind kept as no entity (`unkept`, token ranges: "criticism from Republicans" is
    no place)."""
    i, n = 0, len(tdoc)
    while i < n:
        tok = tdoc[i]
        if not (tok.text[:1].isupper() and tok.is_alpha) or tok.text in words["not_names"]:
            i += 1
            continue
        j = i + 1
        while j < n and ((tdoc[j].text[:1].isupper() and tdoc[j].is_alpha and tdoc[j].text not in words["not_names"])
                         or (tdoc[j].text in words["particles"] and j + 1 < n and tdoc[j + 1].text[:1].isupper())):
            j += 1
        tokens = _without_role(tdoc, i, j, words["roles"])
        role_before = len(tokens) < j - i or (i > 0 and tdoc[i - 1].text.lower() in words["roles"])
        if not tokens:
            i = j
            continue
        span = tdoc[tokens[0].i:j]
        if any(a < span.end and span.start < b for a, b in unkept):
            i = j
            continue
        cue = tdoc[span.start - 1].text.lower() if span.start > 0 else ""
        kind = ""
        if span[0].text in words["org_heads"] and len(span) > 1:
            kind = "ORG"
        elif cue in words["person_cues"] or (role_before and len(span) > 1):
            kind = "PER"  # after a title a full name follows ("Menteri Luar Negeri Rusia, Sergey Lavrov": not "Rusia")
            k, size = _inner_rank(list(span), words["ranks"])
            span = tdoc[span.start + k + size:j] if k else span
        elif cue in words["place_cues"]:
            kind = "LOC"
        single_opener = len(span) == 1 and opens_sentence(span[0])
        if kind and not single_opener and not (len(span) == 1 and span[0].text.lower() in words["stop"]):
            claim(Found(span.start_char, span.end_char, span.text, kind, (), "cue"))
        i = j
