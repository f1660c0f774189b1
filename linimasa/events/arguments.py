"""The arguments of an event mention from the entities stage's mentions: participants (actors and targets),
the source of reported speech, the location, and the time expression that governs it."""

from __future__ import annotations

import re
from typing import Callable, TypeVar

from ..intervals import SpanIndex
from ..kb import KnowledgeBase
from ..model import Document, Mention, Timex
from .lexicon import Lexicon

# Places that act: states. A place the knowledge base does not know ("Barataria Bay", "Gulf", an NER error such as
# "Terkait") is most often a region, a city or no place at all, so it is a location, never a participant.
PARTICIPANT_KINDS = {"country", "former country"}
LOCATION_KINDS = {"city", "region", "island", "sea"}
T = TypeVar("T")
SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}
# How many words before a name a counterpart word may stand, with a title or group word between ("dengan tim DPD
# PAN Malang", "with Foreign Minister Sergey Lavrov").
COUNTERPART_REACH = 3
# How many words (a title and a country: "Perdana Menteri Inggris") may stand between two members of one list of
# names ("dengan Macron, Kanselir Jerman Angela Merkel, ... dan Perdana Menteri Inggris Boris Johnson"): a longer
# gap is more likely a new clause than a title.
LIST_TITLE_WORDS = 3
# How many characters after "said"/"according to" the speaker's name may start ("said BP spokesman John Smith",
# "according to a statement from the Federal Deposit Insurance Corp.").
SOURCE_REACH = 60
# ... or this far, when all between is a title: capitalised words, short forms in brackets, its connectors, commas
# ("kata Direktur Penempatan dan Perlindungan Tenaga Kerja Luar Negeri (PPTKLN) Kemnaker, R. Soes Hindharno")
TITLE_REACH = 160
# "Eric Holder, the US attorney general, told ABC": a title in commas between the speaker and the speech verb.
APPOSED_TITLE = re.compile(r"\s*,[^,\"“”.;]{1,60},\s*")


def _kind(m: Mention, kb: KnowledgeBase) -> str:
    return kb[m.entity_id].kind if m.entity_id in kb.records else ""


def _names(mentions: list[Mention], names: dict[str, str]) -> list[str]:
    return list(dict.fromkeys(names[m.entity_id] for m in mentions))


def role_span(doc: Document, m: Mention) -> tuple[int, int] | None:
    """Where the role phrase of mention `m` stands in the text: just before the name, or just after it."""
    if not m.role:
        return None
    at = doc.text.rfind(m.role, max(0, m.span.start - len(m.role) - 40), m.span.start)
    if at < 0:
        at = doc.text.find(m.role, m.span.end, m.span.end + len(m.role) + 40)
    return (at, at + len(m.role)) if at >= 0 else None


def qualifiers(doc: Document, mentions: list[Mention]) -> set[int]:
    """Indexes of mentions that only qualify a role ("Kremlin" in "penasihat Kremlin Yuri Ushakov")."""
    out = set()
    for m in mentions:
        span = role_span(doc, m)
        if span is None:
            continue
        for i, other in enumerate(mentions):
            if other is not m and span[0] <= other.span.start and other.span.end <= span[1]:
                out.add(i)
    return out


def word_before(text: str, start: int, m: Mention) -> str:
    """The word right before mention `m` in sentence `text` (which starts at document offset `start`)."""
    before = text[:m.span.start - start].split()
    return before[-1].lower().strip(",(\"“") if before else ""


def source_of(text: str, start: int, mentions: list[Mention], lex: Lexicon) -> Mention | None:
    """Who said it: a person (else a body) named right before "mengatakan"/"said" (with a title in commas between),
    else right after "kata"/"menurut"/"said" ("said BP spokesman John Smith"; not "James Bevan, an investor, said a
    deal with Kuwait Petroleum ...": the one named before says it)."""
    people = [m for m in mentions if m.type in ("PER", "ORG")]
    if lex.source_after:
        for cue in lex.source_after.finditer(text):
            before = [m for m in people if 0 <= cue.start() + start - m.span.end <= 3
                      or APPOSED_TITLE.fullmatch(text[m.span.end - start:cue.start()])]
            if before:  # a person before a body: "James Bevan, an officer at CCLA Investments, said"
                return max(before, key=lambda m: (m.type == "PER", m.span.end))
    if lex.source_before:
        for cue in lex.source_before.finditer(text):
            # "said BP spokesman John Smith", not "said it is working with BP" (a clause, whose subject is named)
            after = [m for m in people if (0 <= m.span.start - start - cue.end() <= SOURCE_REACH and not any(
                w.lower().strip(",") in lex.clause_openers for w in text[cue.end():m.span.start - start].split()))
                or (m.type == "PER" and 0 <= m.span.start - start - cue.end() <= TITLE_REACH
                    and _title(text[cue.end():m.span.start - start], lex))]
            if after:
                return min(after, key=lambda m: (m.type != "PER", m.span.start))
    return None


def _title(between: str, lex: Lexicon) -> bool:
    """Whether `between` (the text from a speech word to a name) is only a title: capitalised words, short forms in
    brackets, the language's title connectors and commas."""
    words = re.sub(r"\([^()]{1,40}\)", " ", between).replace(",", " ").split()
    return bool(words) and all(w[:1].isupper() or w.lower() in lex.title_connectors for w in words)


# Quotation marks: typographic pairs, the straight double quote (which both opens and closes) and the PTB
# tokeniser's pair (text tokenised with spaces: `` ... '').
OPEN_QUOTES = ("“", "``", "«")
CLOSE_QUOTES = ("”", "''", "»")
STRAIGHT_QUOTE = '"'


def _quote_depth_after(text: str, depth: int) -> int:
    """Whether a quotation is open (1) or not (0) after `text`, given `depth` before it."""
    i = 0
    while i < len(text):
        two = text[i:i + 2]
        if two in OPEN_QUOTES or text[i] in OPEN_QUOTES:
            depth, i = 1, i + (2 if two in OPEN_QUOTES else 1)
        elif two in CLOSE_QUOTES or text[i] in CLOSE_QUOTES:
            depth, i = 0, i + (2 if two in CLOSE_QUOTES else 1)
        elif text[i] == STRAIGHT_QUOTE:
            depth, i = 1 - depth, i + 1
        else:
            i += 1
    return depth


def quote_speakers(texts: list[str], sources: list[Mention | None]) -> dict[int, Mention]:
    """Sentence index -> who speaks it, for sentences inside a quotation that name no speaker of their own
    ("“Kita sudah bertemu dengan tim DPD. Kami akan berkoordinasi,” kata Aris.": Aris speaks both): the speaker
    named in the quotation's own sentences (most often the one that closes it), else in the sentence right before
    it ("Aris mengatakan: “...”")."""
    out: dict[int, Mention] = {}
    depth, group = 0, []
    for i, text in enumerate(texts):
        opens = text.lstrip()[:2].startswith((*OPEN_QUOTES, STRAIGHT_QUOTE))
        if depth or opens:
            group.append(i)
        depth = _quote_depth_after(text, depth)
        if group and (not depth or i == len(texts) - 1):
            speaker = next((sources[j] for j in group if sources[j] is not None), None)
            if speaker is None and group[0] > 0:
                speaker = sources[group[0] - 1]
            out.update({j: speaker for j in group if sources[j] is None and speaker is not None})
            group = []
    return out


def attributed(text: str, start: int, source: Mention, lex: Lexicon) -> bool:
    """Whether `source` is named after an attribution cue ("according to a statement from the FDIC", "menurut
    Retno"): the sentence is the writer's report, which the source does not perform by speaking."""
    if lex.attribution is None:
        return False
    before = text[max(0, source.span.start - start - SOURCE_REACH):source.span.start - start]
    return bool(lex.attribution.search(before))


def location_of(text: str, start: int, mentions: list[Mention], lex: Lexicon, kb: KnowledgeBase) -> Mention | None:
    for m in mentions:
        if m.type == "LOC" and _kind(m, kb) in LOCATION_KINDS:
            before = text[:m.span.start - start].split()
            if before and before[-1].lower() in lex.location_before:
                return m
    return None


def calendar_timexes(timexes: SpanIndex[Timex], start: int, end: int) -> list[Timex]:
    """The expressions starting in text[start:end] that have a calendar value ("2021-12-06", not "PAST_REF"; "three
    days later" by the day it reaches)."""
    return [t for t in timexes.starting_in(start, end) if t.calendar()[:1].isdigit()]


def governing_timex(dated: list[T], trigger_start: int, start: Callable[[T], int] = lambda t: t.span.start) -> T | None:
    """Of a sentence's calendar expressions, the one nearest the trigger (after it preferred on a tie); `start`
    gives an expression's offset (a Timex's by default)."""
    return min(dated, key=lambda t: (abs(start(t) - trigger_start), start(t) < trigger_start), default=None)


def subject_of(text: str, start: int, mentions: list[Mention], lex: Lexicon) -> Mention | None:
    """The first person of a sentence who is not after "dengan"/"with": whom a next "Dia"/"He" means."""
    for m in mentions:
        if m.type == "PER" and word_before(text, start, m) not in lex.not_subject_before:
            return m
    return None


def participants(text: str, start: int, mentions: list[Mention], trigger_start: int, etype: str, lex: Lexicon,
                 kb: KnowledgeBase, names: dict[str, str], trigger: str = "") -> tuple[list[str], list[str]]:
    """(actors, targets): everyone for symmetric types; else who is named before the trigger and who after.
    A talks verb that takes its counterpart as object ("Monchi akan menemui Beltrami") reads like the others.

    Places named as where or what ("di Twitter", "tentang Ukraina") take no part.
    """
    if trigger.lower() in lex.transitive_talks:
        etype = ""
    acting = [m for m in mentions if (m.type in ("PER", "ORG") or (m.type == "LOC" and _kind(m, kb) in PARTICIPANT_KINDS))
              and word_before(text, start, m) not in lex.location_before
              and (etype not in SYMMETRIC or word_before(text, start, m) not in lex.topic_before)]
    # "Susilo Bambang Yudhoyono (SBY)": the short form in brackets names the one before it again
    acting = [m for i, m in enumerate(acting) if not (i and _bracketed_after(text, start, acting[i - 1], m))]
    if etype in SYMMETRIC:
        return _sides(text, start, acting, lex, names)
    before = [m for m in acting if m.span.start < trigger_start]
    after = [m for m in acting if m.span.start >= trigger_start]
    actors = _names(before, names)
    targets = [n for n in _names(after, names) if n not in actors]
    return actors, targets


def _bracketed_after(text: str, start: int, before: Mention, m: Mention) -> bool:
    """Whether mention `m` stands in brackets right after mention `before` ("Badan Kebijakan Fiskal (BKF)")."""
    return (text[before.span.end - start:m.span.start - start].strip() == "("
            and text[m.span.end - start:].lstrip()[:1] == ")")


def _listed_after(between: str, lex: Lexicon) -> bool:
    """Whether a name follows the name before it in one list, given the text `between` them: "and" right before it,
    or a comma or "and" right after the name before and at most a short capitalised title up to it ("Macron,
    Kanselir Jerman Angela Merkel", "Draghi dan Perdana Menteri Inggris Boris Johnson"; not "Macron, while Putin")."""
    words = between.replace(",", " , ").split()
    if words and words[-1].lower() in lex.and_words:
        return True
    if not words or words[0].lower() not in {",", *lex.and_words}:
        return False
    title = words[1:]
    return len(title) <= LIST_TITLE_WORDS and all(w[:1].isupper() for w in title)


def _sides(text: str, start: int, acting: list[Mention], lex: Lexicon, names: dict[str, str]) -> tuple[list[str], list[str]]:
    """Talks and agreements: who is named before "dengan"/"with" acts, the counterparts after it are targets;
    a name after "dan"/"and" is on the side of the name before it. Without a counterpart word all act together; with
    only counterparts named, who acts is not named here ("Kita sudah bertemu dengan tim DPD": the speaker)."""
    side: list[bool] = []  # True: a counterpart
    for i, m in enumerate(acting):
        before = word_before(text, start, m)
        # "dengan Putin", or a short title or group between ("dengan tim DPD PAN Malang"), no one named between
        since = acting[i - 1].span.end - start if i else 0
        words = [w.lower().strip(",(\"“") for w in text[since:m.span.start - start].split()][-COUNTERPART_REACH:]
        if any(w in lex.counterpart_before for w in words):  # (the word right before it among them)
            side.append(True)
        elif i and _listed_after(text[since:m.span.start - start], lex):
            side.append(side[-1])
        else:
            side.append(False)
    actors = [m for m, other in zip(acting, side) if not other]
    targets = [n for n in _names([m for m, other in zip(acting, side) if other], names)]
    names_of_actors = _names(actors, names)
    return names_of_actors, [n for n in targets if n not in names_of_actors]
