"""The `[events]` section of a language file, compiled into whole-word, case-insensitive patterns (Python `re`)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import lang
from ..entities.roles import role_words

STATUS_ORDER = ("negated", "conditional", "hypothetical", "proposed", "planned", "happened")
NOT_CUES = "not_cues"  # the `[events.status]` key of phrases holding a cue word that are no cue ("not only")


def _alternation(words: list[str], suffix: str = "") -> re.Pattern[str] | None:
    """Whole-word pattern of `words`; a word may carry `suffix` ("pertemuannya": its meeting)."""
    if not words:
        return None
    body = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    tail = f"(?:{re.escape(suffix)})?" if suffix else ""
    return re.compile(rf"(?<![\w-])(?:{body}){tail}(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    triggers: tuple[tuple[str, re.Pattern[str]], ...]   # (PLOVER type, pattern)
    modes: tuple[tuple[str, re.Pattern[str]], ...]      # (mode, pattern), in priority order
    status: tuple[tuple[str, re.Pattern[str]], ...]     # (status, pattern), in STATUS_ORDER
    source_before: re.Pattern[str] | None
    source_after: re.Pattern[str] | None
    location_before: frozenset[str]
    topic_before: frozenset[str]
    not_subject_before: frozenset[str]
    pronouns: frozenset[str]
    pair_pronouns: re.Pattern[str] | None  # "Kedua pemimpin": the two people last named together
    titles: re.Pattern[str] | None  # many-word titles ("juru bicara") where no event is triggered
    since: frozenset[str] = frozenset()  # "sejak Juli": a time expression after these bounds a span, not the event
    counterpart_before: frozenset[str] = frozenset()  # "dengan Putin": the other side of talks
    and_words: frozenset[str] = frozenset()  # "Biden dan Putin": same side as the name before
    between: frozenset[str] = frozenset()  # "pertemuan puncak antara Biden dan Putin": that event's own people
    non_agents: frozenset[str] = frozenset()  # "a tornado strikes": forces of nature, diseases; never an actor
    background: re.Pattern[str] | None = None  # "had visited", "sebelumnya": told as what came before the report
    undated_past: re.Pattern[str] | None = None  # "beberapa waktu lalu", "some time ago": before the report, no when
    transitive_talks: frozenset[str] = frozenset()  # "menemui X", "menjenguk X": the one met is named after the verb
    clause_openers: frozenset[str] = frozenset()  # "said it is working with BP": a clause follows, no speaker
    clause_breaks: re.Pattern[str] | None = None  # "but", "melainkan": a status cue does not reach across them
    story_days: int = 0  # how many days before publication a day named earlier dates later undated reports
    attribution: re.Pattern[str] | None = None  # "according to X", "menurut X": X reports, does not act
    not_triggers: re.Pattern[str] | None = None  # "searched for": phrases whose trigger word names no event
    game_words: re.Pattern[str] | None = None  # "babak kedua", "striker": a text about a game, whose attacks are play
    game_types: frozenset[str] = frozenset()  # the types a game's words take ("melancarkan serangan di babak kedua")
    not_status_cues: re.Pattern[str] | None = None  # phrases holding a cue word that are no cue ("not only")
    outlet_before: re.Pattern[str] | None = None  # "dilansir Reuters", "quoted by AFP": the outlet a report is from
    # lower-case words a long title holds between its capitalised words ("Direktur Penempatan dan Perlindungan ...")
    title_connectors: frozenset[str] = frozenset()
    authority_acts: frozenset[str] = frozenset()  # "ditangkap", "arrested": acts of law enforcement, told agentless
    authorities: re.Pattern[str] | None = None  # "Polda", "KPK", "FBI": words of the names of the bodies that do them
    authority_nouns: re.Pattern[str] | None = None  # "polisi", "police": the common nouns for those bodies
    commentators: frozenset[str] = frozenset()  # "experts", "pengamat": their agreement is an opinion, no deal
    authority_units: frozenset[str] = frozenset()  # "Satuan": a body's name may open with these before its word
    # "ditetapkan sebagai tersangka sejak 24 Januari": in a language whose news dates an event by the day it began,
    # a time expression after `since` dates it, unless one of `first_since` comes before ("KTT pertama sejak 2018")
    since_dates: bool = False
    first_since: frozenset[str] = frozenset()
    edition_words: frozenset[str] = frozenset()  # "tahun anggaran 2016": a year after these names a budget, not a day
    ranks: frozenset[str] = frozenset()  # "Kombes", "Director": a person's title, after which a body's name has ended
    press: frozenset[str] = frozenset()  # "reporters", "wartawan": talking to them only is a statement, no talks
    # "BP said it would pay": a hypothetical cue of these, after one of `reporting` in its clause, is the speaker's
    # "will" told in reported speech (planned), unless one of `counterfactual_after` follows it ("would have fired")
    reported_future: frozenset[str] = frozenset()
    reporting: re.Pattern[str] | None = None
    counterfactual_after: frozenset[str] = frozenset()


@functools.cache
def lexicon(code: str) -> Lexicon | None:
    """The compiled event lexicon of language `code`, or None when its file has no `[events]` section."""
    if code not in lang.available():
        return None
    data = lang.load(code).get("events")
    if not data:
        return None
    suffix = data.get("trigger_suffix", "")
    triggers = tuple((t, p) for t, words in data.get("triggers", {}).items() if (p := _alternation(words, suffix)))
    modes = tuple((m, p) for m, words in data.get("modes", {}).items() if (p := _alternation(words)))
    status_words = data.get("status", {})
    status = tuple((s, p) for s in STATUS_ORDER if (p := _alternation(status_words.get(s, []))))
    roles = data.get("roles", {})
    return Lexicon(
        triggers, modes, status, _alternation(roles.get("source_before", [])),
        _alternation(roles.get("source_after", [])), frozenset(w.lower() for w in roles.get("location_before", [])),
        frozenset(w.lower() for w in roles.get("topic_before", [])),
        frozenset(w.lower() for w in roles.get("not_subject_before", [])),
        frozenset(roles.get("pronouns", [])), _alternation(roles.get("pair_pronouns", [])),
        _alternation([w for w in role_words(code) if " " in w]),
        frozenset(w.lower() for w in roles.get("since", [])),
        frozenset(w.lower() for w in roles.get("counterpart_before", [])),
        frozenset(w.lower() for w in roles.get("and_words", [])),
        frozenset(w.lower() for w in roles.get("between", [])),
        frozenset(w.lower() for w in roles.get("non_agents", [])),
        _alternation(roles.get("background", [])),
        _alternation(roles.get("undated_past", [])),
        frozenset(w.lower() for w in roles.get("transitive_talks", [])),
        frozenset(w.lower() for w in roles.get("clause_openers", [])),
        _alternation(data.get("clause_breaks", []) + [f"{c} {r}" for c in data.get("clause_breaks_coordinated", [])
                                                      for r in status_words.get("reporting", [])]),
        int(data.get("story_days", 0)),
        _alternation(roles.get("attribution", [])),
        _alternation(data.get("not_triggers", [])),
        _alternation(data.get("game_words", [])),
        frozenset(data.get("game_types", [])),
        _alternation(status_words.get(NOT_CUES, [])),
        _alternation(roles.get("outlet_before", [])),
        frozenset(w.lower() for w in roles.get("title_connectors", [])),
        frozenset(w.lower() for w in roles.get("authority_acts", [])),
        _alternation(roles.get("authorities", [])),
        _alternation(roles.get("authority_nouns", [])),
        frozenset(w.lower() for w in roles.get("commentators", [])),
        frozenset(w.lower() for w in roles.get("authority_units", [])),
        bool(roles.get("since_dates", False)),
        frozenset(w.lower() for w in roles.get("first_since", [])),
        frozenset(w.lower() for w in roles.get("edition_words", [])),
        frozenset(w.lower() for w in roles.get("ranks", [])),
        frozenset(w.lower() for w in roles.get("press", [])),
        frozenset(w.lower() for w in status_words.get("reported_future", [])),
        _alternation(status_words.get("reporting", [])),
        frozenset(w.lower() for w in status_words.get("counterfactual_after", [])),
    )


def matches(text: str, lex: Lexicon) -> list[tuple[str, re.Match[str]]]:
    """(PLOVER type, match) of every lexicon trigger in `text` but those inside a phrase of `not_triggers`
    ("searched for information": the phrase names no event)."""
    found = [(etype, trig) for etype, pattern in lex.triggers for trig in pattern.finditer(text)]
    if lex.not_triggers is not None:
        blocked = [(b.start(), b.end()) for b in lex.not_triggers.finditer(text)]
        found = [(e, t) for e, t in found if not any(s <= t.start() and t.end() <= f for s, f in blocked)]
    return found
