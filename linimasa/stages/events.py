"""The events stage: PLOVER-typed event mentions with status, participants, source, location, mode and date.

Triggers, status cues and argument cues are language data (`[events]` in lang/<code>.toml, see
`linimasa.events`); participants come from the entities stage, dates from the timex stage. One mention per
sentence, type, status and side that acts: "Biden does not intend to talk ..., but will consider a meeting if ..."
gives a negated and a conditional CONSULT; "X discussed the plan with Y, who briefed Z" two CONSULTs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from itertools import takewhile

from ..events.arguments import (SYMMETRIC, attributed, calendar_timexes, governing_timex, location_of, participants, qualifiers, quote_speakers, role_span, source_of,
                                subject_of)
from ..events.classify import decide_role, decide_status, decide_type, decide_undated
from ..events.features import (candidate_features, dating_features, document_features, governing_status, predicate_of,
                               subject_status)
from ..events.frames import (_case_nouns, _matches, frame, is_party, is_passive, refers_back, relative_clauses,
                              subtree_span, syntax_data)
from ..events.lexicon import lexicon, matches
from ..events.propose import Proposed, enabled as proposes, propose
from ..events.spans import vouch
from ..corpus.link import day_range
from ..events.roles import authority_of, dateline_end, opens_text, participants_of, relation_names
from ..syntax import Parse, Token, parse as parse_sentences
from ..kb.schedule import Meeting, join_guests, named_in, reports
from ..events.status import decide
from ..events.options import options_for
from ..events.stems import same_stem
from ..intervals import SpanIndex
from ..model import Document, EventMention, Mention, Span
from ..pipeline import stage
from ..settings import Context
from .entities import kb_of

# Dependency labels of a word that modifies a noun after it ("attack helicopters"): a kind of thing, no event.
NOUN_MODIFIER = {"compound"}
# A threat to do harm is a THREATEN event in PLOVER ("we will respond with more sanctions").
THREAT_TYPES = {"SANCTION", "ASSAULT", "COERCE"}
UNREALISED = {"planned", "conditional"}
# Sanctions and threats: a quote that goes on about them keeps the target the sentence before named.
STORY_TYPES = {"SANCTION", "THREATEN"}
# Types whose object is what is asked for, still to come ("called for talks next week"): a time after the report that
# the parse gives the asking is the object's (R85b).
ASKING_TYPES = {"REQUEST"}
# An event named right after an agreement is its content ("agreed to a meeting" is PLOVER AGREE, not CONSULT).
CONTENT_OF = {"CONSULT": "AGREE"}
# "Kedua pemimpin" is the subject of what follows it closely, not of every clause of a long sentence.
PAIR_REACH_WORDS = 10
# Grammar rules whose value the text states in full (a year included): no anchor was needed.
ABSOLUTE_RULES = {"date_full", "date_numeric", "date_iso", "month_year", "year"}
# Rules whose value is counted in days from the day of writing ("hari ini", "kemarin", "dua hari lalu", "pagi
# ini"), unlike a named weekday ("Sabtu lalu") or a stated date.
DEICTIC_RULES = {"day_word", "tod_relative", "relative_unit", "ago"}
# A scheduled meeting a document names dates its undated mentions when it is this near the publication date.
SCHEDULE_DAYS = 183
# The parse's mark of a verb told in the past (Universal Dependencies' feature, any language whose parser sets it).
PAST_TENSE = "Tense=Past"
# An event noun followed this closely (characters) by a name names its sides itself ("pertemuan Megawati dengan
# SBY": a space, or a space and an opening bracket or quote).
NAMED_AFTER_NOUN = 2
# Knowledge-base kinds of news outlets (kb/data/organisations.yaml): never a side of talks.
OUTLET_KINDS = {"media"}
# How far before a trigger a background word reaches ("he had already visited the coast": four words).
BACKGROUND_WORDS = 5
# How many sentences back "the company", "perusahaan itu" looks for the name it stands for (the guideline's reach).
REFER_SENTENCES = 2
# How many sentences back a definite event noun ("the ban", "serangan itu") looks for the event it names again.
EVENT_REFER_SENTENCES = 3
# An event told undated within this many sentences after a day was named happened on that day ("Upacara digelar
# Kamis (17/8). ... Pertemuan tersebut terjadi saat upacara"), if the day is at most the language's `story_days`
# before publication (its news style: see the language files). On dev and the draws, two sentences changed 8
# Indonesian dates (7 right); four changed 4 more, all right; eight 5 more, 2 of them wrong.
STORY_SENTENCES = 4
# How many words before a time expression a "since" word may open its phrase ("since the first tremor on 12 January").
SINCE_WORDS = 6
DATE_CLIMB = 6  # steps up the parse from a time expression to the verb it dates (a clause is rarely deeper)
SINCE_CHARS = 120  # the text read back for it: six words and more, not the whole document per expression
EDITION_YEAR = re.compile(r"(?:1[89]|20)\d\d")  # a year written alone, as an edition of a named thing has it
FIRST_SINCE_WORDS = 4  # how far before "sejak" a "pertama" makes it "the first since" ("pertamanya dengan Putin sejak")
# A text naming this many different words of games ("babak kedua", "wasit", "striker") reports a game (the words are
# in the language files); one or two occur in other news ("the coach of the rescue team", "a goal of the talks").
GAME_WORDS = 3
# How far after "dilansir"/"quoted by" the outlet's name may start: a few words between ("dilansir dari laman resmi
# kantor berita Reuters"), not the next clause.
OUTLET_REACH = 45
# How far after a warning word a word that opens what is asked may stand ("memperingatkan kepada pemuda-pemuda di
# wilayah itu agar ...": seven words).
REQUEST_MARK_WORDS = 8
XCOMP = frozenset({"xcomp"})  # an open clausal complement, in spaCy's English and in UD alike
# A duration of months or more ("P2Y", "PXM", "P1DE"): an event told over it happened on no one day.
LONG_SPAN = re.compile(r"P(?:\d+|X)(?:M|Y|DE|CE)$")
# Asking and backing take someone who asks or backs: with a thing in that place the word means "needs" ("requires
# effort") or "works with" ("ponsel ini mendukung teknologi QuickCharge", "the phone supports 5G").
DONE_BY_A_PARTY = {"REQUEST", "SUPPORT"}
# Speech acts: in a quote without a named actor, the speaker is the actor.
SPEECH_ACTS = {"THREATEN", "ACCUSE", "REQUEST", "REJECT", "SUPPORT", "AGREE", "CONCEDE"}


def _objects(parsed: Parse, t, sd) -> list:
    """The objects of trigger token `t`, a case word's noun among them ("asked for his impressions")."""
    return [*parsed.children(t, sd.object), *[o for c in parsed.children(t) if c.pos == "ADP"
                                              for o in parsed.children(c, sd.prep_object)]]


def _look_alike(parsed: Parse, t, etype: str, trigger: str, typed_spans: list[tuple[str, int, int]], sd,
                code: str) -> bool:
    """Whether trigger token `t` (of lexicon type `etype`) uses its word for no event, by its parse: it names or
    describes ("a group called Boycott BP"), its object gives it another sense ("meet a deadline"), or it warns of a
    state of affairs, what it says naming no sanction, attack or coercion among the sentence's `typed_spans`
    ((type, start, end) of its triggers): "warned that H1N1 may be spreading", not "warned it would impose
    sanctions"."""
    if parsed.children(t, sd.naming):
        return True
    forms = {t.lemma.lower(), t.text.lower()}
    if etype == "AID" and forms & sd.help_words and _helps_a_thing(parsed, t, sd, code):
        return True
    if forms & sd.object_triggers and not parsed.children(t, sd.object) and not any(
            c.text.lower() in sd.agent_words for c in parsed.children(t)):
        return True  # "shares closed up 9.5 %", "five schools have closed": nobody closed anything
    if t.pos in ("VERB", "AUX") and forms & sd.noun_triggers:
        return True  # "deal with the crisis": to handle it; "a deal with Iran" is the agreement
    if forms & sd.party_object_triggers and not _frees_a_party(parsed, t, sd, code):
        return True  # "the video BP released", "released a statement": a release of no one
    objects = _objects(parsed, t, sd)
    if any(c.lemma.lower() in sd.not_event_objects.get(etype, ()) for c in objects):
        return True  # (a case word's noun too: "asked for his impressions")
    if etype == "REQUEST" and any(_opens_with(parsed, c, sd.question_words)
                                  for c in parsed.children(t, sd.complement | sd.content_clauses)):
        return True  # "asked the players what they think": a question
    if t.pos == "NOUN" and any(c.lemma.lower() in sd.not_event_modifiers.get(etype, ())
                               for c in parsed.children(t, sd.modifier) if c.i < t.i):
        return True  # "a home visit from their GP", "a family visit": private life
    content = parsed.children(t, sd.content_clauses)
    if etype != "THREATEN" or trigger.lower() not in sd.warn_words or not content:
        return False
    start, end = subtree_span(parsed, content[0])
    return not any(kind in THREAT_TYPES and start <= s and e <= end for kind, s, e in typed_spans)


def _opens_with(parsed: Parse, clause, words: frozenset[str]) -> bool:
    """Whether the clause headed by `clause` opens with one of `words` ("what they think", "whether it was safe")."""
    start, _ = subtree_span(parsed, clause)
    first = next((x for x in parsed.tokens if x.start >= start), None)
    return first is not None and first.text.lower() in words


def _warns_to_do(parsed: Parse, t, sd) -> bool:
    """Whether warning word `t` asks someone to do or not do something: a to-infinitive after it ("warned residents
    to stay indoors") or, in its clause, a word that opens what is asked ("memperingatkan pemuda agar tidak ...")."""
    if any(c.pos in ("VERB", "AUX") for c in parsed.children(t, XCOMP)):
        return True
    for tok in parsed.tokens[t.i + 1:t.i + 1 + REQUEST_MARK_WORDS]:
        if tok.text in (",", ";", ":"):
            return False
        if tok.text.lower() in sd.request_marks:
            return True
    return False


def _helps_a_thing(parsed: Parse, t, sd, code: str) -> bool:
    """Whether help word `t` helps something happen with no one helped: a verb after it ("could help contain the
    oil", "helps explain the mystery") and no party among its objects or that verb's subject and objects; "help
    victims rebuild", "help people feel secure", "help struggling fishermen" still help someone."""
    done = [c for c in parsed.children(t, sd.complement) if c.pos in ("VERB", "AUX")]
    if not done:
        return False
    helped = parsed.children(t, sd.object) + [x for c in done for x in parsed.children(c, sd.subject | sd.object)]
    return not any(_a_party(x, code) for x in helped)


def _frees_a_party(parsed: Parse, t, sd, code: str) -> bool:
    """Whether release word `t` frees a party (or reminding word `t` reminds one): its object, its passive subject or
    the noun a participle or relative clause of it hangs on, or a name that modifies one of them ("released the
    hostages", "dua tahanan dibebaskan", "prisoners released by the army", "mengingatkan mantan ormas HTI")."""
    head = parsed.head(t)
    freed = parsed.children(t, sd.object | sd.passive_subject)
    if head is not None and t.dep in sd.relative:
        freed.append(head)
    freed += [c for x in freed for c in parsed.children(x, sd.modifier)]  # "mantan organisasi ... Hizbut Tahrir"
    return any(_a_party(x, code, sd.relative_pronouns | sd.neuter_pronouns) for x in freed)


def _a_party(x, code: str, not_pronouns: frozenset[str] = frozenset()) -> bool:
    """Whether token `x` stands for a party: a name, a pronoun (other than `not_pronouns`: "that", "it"), or a common
    noun that names one (`is_party`)."""
    return ((x.pos in ("PROPN", "PRON") and x.text.lower() not in not_pronouns)
            or (x.pos == "NOUN" and is_party(x, code)))


def _named_act(fr, sd) -> bool:
    """Whether the trigger is a noun that names an act ("tudingan", "penyelidikan", "the investigation"): a speaker
    who talks about it ("merespons tudingan ini, pengacara Hoffman mengatakan ...") has not done it by speaking."""
    return (fr is not None and fr.trigger is not None and fr.trigger.pos in ("NOUN", "PROPN")
            and not _matches(sd.active_pattern, fr.trigger.text))


def _told_passive(parsed, fr, code: str) -> bool:
    """Whether the trigger is a passive verb: a speaker who tells what someone "was asked", "diminta" or "dituduh"
    names the one it was done to and leaves the doer out; he has not done it by telling it (in the dev annotations
    one passive speech act in 37 with a speaker is the speaker's own)."""
    return fr is not None and fr.trigger is not None and parsed is not None and is_passive(parsed, fr.trigger, code)


def _cue_at(text: str, before: int, cue: str, start: int) -> int:
    """The document offset of the status cue `cue` the status rule took from the sentence `text` (starting at
    `start`) for a trigger at `before`: its last whole-word occurrence before the trigger, as the rule takes it."""
    found = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(cue)}(?!\w)", text[:before], re.IGNORECASE)]
    return start + (found[-1] if found else before)


def _host_dates(parsed: Parse, mentions: list[EventMention], sd) -> None:
    """An event of `mentions` (one sentence's, read in `parsed`) that no time expression dates, told as held at
    another that one does (a case word of `sd.host_words`: "will hold talks at the Arctic Council meeting next
    month") or as a participle told at its time, or told with one (`_told_with`: "attacked BP last night by accusing
    it"), takes that one's date: it happens there, then."""
    at = {t.i: m for m in mentions if (t := parsed.at(m.trigger_span.start, m.trigger_span.end)) is not None}
    told_with = {i: _told_with(parsed, parsed.tokens[i], sd) for i in at}  # each trigger's verb of the same time
    for i, m in at.items():
        if m.date_source not in ("published", "story"):  # (a day the story named before is weaker than its own)
            continue
        # ... or told as a participle at another's time, or told with one ("attacked BP last night by accusing it":
        # the verb's date is the participle's, and the other way round)
        hosts = [*_case_nouns(parsed, parsed.tokens[i], sd, sd.host_words), *filter(None, [told_with[i]]),
                 *(parsed.tokens[j] for j, verb in told_with.items() if verb is parsed.tokens[i])]
        host = next((at[h.i] for h in hosts if h.i in at and at[h.i] is not m and at[h.i].date_source == "timex"), None)
        if host is not None:
            m.date, m.date_source, m.date_text = host.date, "timex", host.date_text
            m.date_absolute, m.date_deictic = host.date_absolute, host.date_deictic


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the characters of `spans` (offsets into it) as spaces: offsets after them stay where they were."""
    for lo, hi in spans:
        lo, hi = max(lo, 0), min(hi, len(text))
        if lo < hi:
            text = text[:lo] + " " * (hi - lo) + text[hi:]
    return text


def _order(value: str, published: str) -> int:
    """1 when every day `value` (a calendar value) covers comes after every day of the publication date, -1 when
    every one comes before, else 0: "2021-06" in a paper of 15 June 2021 is 0, "2021-W25" (next week) is 1, "1989-Q3"
    in a paper of October 1989 is -1 (the days of a quarter, a season, a week, not the spelling of the value)."""
    mine, day = day_range(value), day_range(published)
    if mine is None or day is None:
        return 0
    return (mine[0] > day[1]) - (mine[1] < day[0])


@stage("events", requires={"timex", "sentences", "entities"}, provides={"events"})
def extract_events(doc: Document, ctx: Context) -> Document:
    lex = lexicon(doc.lang or ctx.get("default_lang"))
    doc.event_mentions = []
    if lex is None:
        return doc
    kb = kb_of(ctx)
    names = {e.id: e.name for e in doc.entities}
    outlets = {name for eid, name in names.items() if eid in kb.records and kb[eid].kind in OUTLET_KINDS}
    persons = {e.name for e in doc.entities if e.type == "PER"}
    places = {e.name for e in doc.entities if e.type == "LOC"}
    body = [m for m in doc.mentions if m.removed_line < 0]
    skip = {id(body[i]) for i in qualifiers(doc, body)}
    mentions_at = SpanIndex(body, lambda m: (m.span.start, m.span.end))
    # "Jakarta, CNN Indonesia --": the outlet of a dateline takes no part (and is no part of the clause parsed)
    datelines = {i: n for i, sentence in enumerate(doc.sentences)
                 if (n := dateline_end(sentence.span.text, opens_text(doc.text, sentence.span.start)))}
    for i, n in datelines.items():
        at = doc.sentences[i].span.start
        skip |= {id(m) for m in mentions_at.starting_in(at, at + n)}
    skip |= {id(m) for m in _outlets(doc.text, mentions_at, lex)}
    code = doc.lang or ctx.get("default_lang")
    relations = relation_names(doc.text, body, names, code)  # "Michael Jackson's physician, Dr Conrad Murray"
    use_models = ctx.get("event_models")
    # with candidates from the parse (a language's file opts in), every sentence is parsed; else those the lexicon
    # finds a trigger in
    proposing = bool(use_models) and proposes(code)
    with_trigger = [i for i, s in enumerate(doc.sentences) if ctx.get("event_syntax")
                    and (proposing or any(p.search(s.span.text) for _, p in lex.triggers))]
    parses = _Parses(doc, with_trigger, code, datelines)
    shared_features = document_features(doc.text, code) if use_models or ctx.get("event_all_candidates") else {}
    date_by_parse = (sd := syntax_data(code)) is not None and sd.date_by_parse
    published = doc.published.date if doc.published else ""
    previous_subject: Mention | None = None
    speaker_side = ""  # the organisation named in the last speaker's title, else the speaker: "pihaknya" after it
    sides: dict[str, str] = {}  # person entity id -> the organisation named first in that person's title
    previous_timex = None
    story_day: tuple[str, int, str] | None = None  # (day, sentence, text) of the last day a sentence named
    pair: list[str] = []  # the last two people named together in an event ("Biden and Putin will talk")
    scheduled = _meetings_near(doc, published)
    game = lex.game_words is not None and len({w.group(0).lower() for w in lex.game_words.finditer(doc.text)}) >= GAME_WORDS
    story: EventMention | None = None  # the previous sentence's sanction or threat, with its target
    timexes_at = SpanIndex(doc.timexes, lambda t: (t.span.start, t.span.end))
    sources = [source_of(s.span.text, s.span.start, mentions_at.starting_in(s.span.start, s.span.end), lex)
               for s in doc.sentences]
    quoted = quote_speakers([s.span.text for s in doc.sentences], sources)  # "“Kami akan ...,” kata Aris."
    # id of a mention whose trigger the parse proposed -> (the mention, its calibrated probability); the mention is
    # held here so that its id is never another's, even once a later mention has taken its place
    proposed: dict[int, tuple[EventMention, float]] = {}
    named_before: list[Mention] = []  # the mentions of the sentences before this one, grown as the loop goes (one
    # list, not a copy per trigger: a long document has thousands of triggers)
    for index, sentence in enumerate(doc.sentences):
        start, end, text = sentence.span.start, sentence.span.end, sentence.span.text
        reach = doc.sentences[max(0, index - REFER_SENTENCES)].span.start  # as far back as a pronoun refers
        parsed = fr = None  # the previous sentence's parse goes with its batch, before the next batch is made
        parsed = parses.get(index)
        # the comma-set relative clauses of the sentence, for the sides word order reads (`_in_own_clause`)
        clauses = relative_clauses(parsed, code) if parsed is not None else []
        inside = mentions_at.starting_in(start, end)
        source = sources[index]
        speaking = source or quoted.get(index)  # who speaks the sentence: its source, or the quotation's
        for m in inside:  # "Wakil Ketua KPK Basaria Panjaitan": the side Basaria speaks for is KPK, from here on
            if m.type == "PER" and m.entity_id in names and (side_of := _organisation_of(doc, m, inside, names, lex)):
                sides.setdefault(m.entity_id, side_of)
        if source is not None:
            # the side the speaker was last named with, else the speaker ("Agus mengatakan ... . Pihaknya kemudian
            # menyita ...")
            speaker_side = sides.get(source.entity_id) or names.get(source.entity_id, "")
        location = location_of(text, start, inside, lex, kb)
        cast = [m for m in inside if id(m) not in skip and m is not source and m is not location]
        first_word = text.split(maxsplit=1)[0] if text.split() else ""
        continues = first_word in lex.pronouns and previous_subject is not None
        roles = _title_spans(doc, inside, text, start, lex)
        dated = [t for t in calendar_timexes(timexes_at, start, end)
                 if not _after_since(doc.text, t.span.start, lex) and not _edition_year(doc.text, t.span, start, lex)]
        times = [(t.span.start, t.span.end) for t in timexes_at.starting_in(start, end)]
        # a word of a time expression is the time, no status cue: "May 12" is no "may", "last week" dates the event
        # (the status rule then reads the date against publication)
        timeless = _blanked(text, [(s - start, e - start) for s, e in times])
        sentence_names = {names[m.entity_id] for m in inside if m.entity_id in names}
        both = [] if lex.pair_pronouns is None else [start + p.start() for p in lex.pair_pronouns.finditer(text)]
        seen: dict[tuple[str, str], int] = {}  # (type, status) -> index of its mention in doc.event_mentions
        found = matches(text, lex)
        if parsed is not None and proposing:  # "lobbied", "airdrops": words the lexicon misses, from the parse
            found += propose(parsed, [(start + t.start(), start + t.end()) for _, t in found] + times, start, code)
        # "called for" (REQUEST) holds "called" (CONSULT): a trigger inside a longer one is that one's word
        found = [(e, t) for e, t in found if not any(o is not t and o.start() <= t.start() and t.end() <= o.end()
                                                    and (o.end() - o.start()) > (t.end() - t.start()) for _, o in found)]
        # a word inside a time expression is that time ("In March, the Fed agreed": no march; its date is the deal's)
        found = [(e, t) for e, t in found if not any(s <= start + t.start() and start + t.end() <= f for s, f in times)]
        # in the order they are told ("ia ditangkap lalu diinterogasi"), the lexicon's triggers before the parse's
        # proposals: a lexicon word is the surer trigger, and the first mention of a type and status is the one the
        # others join ("Pelaku bom bunuh diri menyerang": "menyerang", not the proposed "bunuh")
        found.sort(key=lambda f: (isinstance(f[1], Proposed), f[1].start()))
        agreed = [(start + t.start(), start + t.end()) for etype, t in found if etype in CONTENT_OF.values()]
        typed_spans = [(e, start + t.start(), start + t.end()) for e, t in found]
        spans = sorted({(s, e) for _, s, e in typed_spans})
        # A time expression dates the trigger nearest to it ("KTT yang diusulkan ... selama panggilan telepon
        # pada hari Minggu": Sunday is the call's day, not the summit's), unless the parse hangs it on another
        # trigger first ("Representatives, appearing Monday at a commission hearing, denied": the denial's Monday)
        # A time after the report that the parse gives to a request is what is asked for, the asking is now ("called
        # for talks next week": the parse hangs the week on "called"; the talks take it).
        kinds = {start + t.start(): e for e, t in found}
        # the trigger a parse token is (token index -> the trigger's start), read once for every time expression
        trigger_at = {} if parsed is None or not date_by_parse else {
            t.i: s for s, e in spans if (t := parsed.at(s, e)) is not None}
        claims = {}
        for t in dated if spans else []:
            by_parse = _claimed_in_parse(parsed, t.span, trigger_at, sd) if date_by_parse else None
            if (by_parse is not None and kinds.get(trigger_at[by_parse.i]) in ASKING_TYPES
                    and _order(t.calendar().split("T")[0], published) > 0):
                by_parse = _asked_for(parsed, by_parse, trigger_at, sd)
            claims[id(t)] = _nearest(spans, t.span) if by_parse is None else trigger_at[by_parse.i]
        # An unsaid time before the report ("dipecat ..., beberapa waktu lalu", "some time ago") is the nearest
        # trigger's, as a time expression would be: that event happened before the report, when is not said
        unsaid = {_nearest(spans, Span(start + u.start(), start + u.end(), u.group(0)))
                  for u in lex.undated_past.finditer(text)} if spans and lex.undated_past is not None else set()
        owned = _owned(doc.text, spans, cast, lex)
        for etype, trig in found:
            t_start, t_end = start + trig.start(), start + trig.end()
            if any(m.span.start < t_end and t_start < m.span.end and m.type == "PER" for m in inside):
                continue
            if any(s <= t_start and t_end <= e for s, e in roles):
                continue  # "bicara" in "juru bicara" is a title, not a talk
            if etype in CONTENT_OF and any(a < t_end and len(doc.text[e:t_start].split()) <= 2 for a, e in agreed):
                continue  # "menyetujui pertemuan mereka": the meeting is what they agreed to (AGREE), not held
            timex = governing_timex([t for t in dated if claims.get(id(t)) == t_start and not (
                date_by_parse and _dates_another_verb(parsed, t.span, t_start, t_end, sd))], t_start)
            if timex is None and continues:
                timex = previous_timex  # the same story goes on: its time holds
            date = timex.calendar().split("T")[0] if timex else published
            status, cue = decide(timeless, trig.start(), trig.end(), lex, _order(date, published))
            if status == "happened" and not cue and timex is not None and timex.rule == "anaphoric":
                before = next((m for m in reversed(doc.event_mentions) if m.sentence < index), None)
                if before is not None and before.status == "planned" and date >= before.date[:len(date)]:
                    # "Beberapa hari kemudian, konsultasi ... pun terjadi": later than a plan is still to come
                    status, cue = "planned", f"{timex.span.text} (after a planned event)"
            fr = frame(parsed, t_start, t_end, code, etype in SYMMETRIC, etype) if parsed is not None else None
            if (fr is not None and fr.trigger is not None and etype == "THREATEN"
                    and trig.group(0).lower() in sd.warn_words and _warns_to_do(parsed, fr.trigger, sd)):
                etype = "REQUEST"  # "warned residents to stay indoors", "memperingatkan pemuda agar tidak tawuran"
                fr = frame(parsed, t_start, t_end, code, False, etype)
            if (fr is not None and fr.trigger is not None and etype == "ASSAULT"
                    and any(c.lemma.lower() in sd.said_things or c.text.lower() in sd.said_things
                            for c in _objects(parsed, fr.trigger, sd))):
                etype = "ACCUSE"  # "attacked Obama's handling of the spill", "menyerang kebijakan": words, not force
                fr = frame(parsed, t_start, t_end, code, False, etype)
            cue_at = _cue_at(text, trig.start(), cue, start) if status != "happened" and cue else -1
            told_in = [(lo, hi) for _, (lo, hi) in clauses if lo <= cue_at < hi and not lo <= t_start < hi]
            if told_in:
                # "Smith, who said the plan was not enough, briefed the governor": the cue tells of the relative
                # clause, not of the trigger outside it: decided again without the clause's words
                lo, hi = told_in[0][0] - start, told_in[0][1] - start
                status, cue = decide(_blanked(timeless, [(lo, hi)]), trig.start(), trig.end(), lex,
                                     _order(date, published))
            if fr is not None and fr.trigger is not None:
                head = parsed.head(fr.trigger)
                if fr.trigger.dep in NOUN_MODIFIER and head is not None and head.pos == "NOUN" and head.i > fr.trigger.i:
                    continue  # "attack helicopters", "aid workers": the word names a kind of thing, not an event
                if (head is not None and head.i == fr.trigger.i - 1 and fr.trigger.pos == "NOUN"
                        and {head.lemma.lower(), head.text.lower()} & sd.doer_nouns):
                    continue  # "Pelaku bom bunuh diri menyerang ...": the bomber, whose act the verb tells
                if _look_alike(parsed, fr.trigger, etype, trig.group(0), typed_spans, sd, code):
                    continue
                if status == "happened":
                    # with a cue, only a verb standing between it and the trigger: the cue is that verb's
                    at = None if not cue else _cue_at(text, trig.start(), cue, start)
                    if at is not None and head is not None and head.start == at and fr.trigger.pos == "NOUN" and (
                            {head.lemma.lower(), head.text.lower()} & sd.light_verbs):
                        # the cue is the event noun's own light verb ("melakukan serangan"): it tells the act, and
                        # what governs it governs the act ("menyerukan ... untuk melakukan serangan": proposed)
                        at = None
                    governed, word = governing_status(parsed, fr.trigger, code, etype in SPEECH_ACTS, at)
                    if not governed:
                        governed, word = subject_status(parsed, fr.trigger, code)  # "The talks are scheduled to ..."
                    if governed:
                        status, cue = governed, f"{word} (governs it)"
            previous_name = names.get(previous_subject.entity_id, "") if previous_subject is not None else ""
            actors, targets, kinds, things = ([], [], [], []) if fr is None else participants_of(
                parsed, fr, [m for m in cast if m.entity_id in names], names, kb, code, previous_name, inside,
                place_targets=etype not in SYMMETRIC, times=times,
                speaker=names.get(speaking.entity_id, "") if speaking is not None else "", speaker_side=speaker_side,
                earlier=mentions_at.starting_in(reach, start),
                document=named_before, relations=relations)
            by_syntax = fr is not None and (etype not in SYMMETRIC or syntax_data(code).symmetric_by_syntax == "always")
            if not by_syntax:
                # No parser for the language, or talks and agreements: all sides take part alike there, and word
                # order with the counterpart and "between" words finds them all where a parser trained on two
                # thousand sentences loses members of long coordinations. Elsewhere a parse without arguments
                # means none are named: every name of the sentence is not the answer.
                taking_part = owned.get(t_start) or [m for m in cast if all(m not in o for o in owned.values())]
                taking_part = _in_own_clause(parsed, clauses, t_start, taking_part)
                if fr is not None and fr.trigger is not None and fr.trigger.pos in ("NOUN", "PROPN") and any(
                        0 <= m.span.start - t_end <= NAMED_AFTER_NOUN for m in taking_part):
                    # "Gatot menyambut baik pertemuan Megawati dengan SBY": the noun names its own sides after it;
                    # who is named before it speaks about the meeting
                    taking_part = [m for m in taking_part if m.span.start >= t_end]
                parsed_sides = actors, targets
                actors, targets = participants(text, start, taking_part, t_start, etype, lex, kb, names, trig.group(0))
                # a side word order finds no name for is what the parse found there, a common noun or a name the
                # entities stage missed ("Sekolah akan menjalin kerja sama dengan lembaga di luar sekolah"); the
                # other side only as a counterpart ("dengan"), not what is talked about ("membahas pertemuan antara
                # Biden dan Putin")
                actors = actors or [a for a in parsed_sides[0] if a not in targets]
                if fr is not None and ("with" in fr.how or trig.group(0).lower() in lex.transitive_talks):
                    # (or the object of a talks verb that takes its counterpart: "akan bertemu salah satu klub Eropa")
                    targets = targets or [t for t in parsed_sides[1] if t not in actors]
                if continues:  # "Dia berbicara dengan Macron ...": the previous sentence's subject acts
                    actors = list(dict.fromkeys([names[previous_subject.entity_id], *actors]))
            if pair and any(b < t_start and len(doc.text[b:t_start].split()) <= PAIR_REACH_WORDS for b in both):
                # "Kedua pemimpin mengadakan panggilan video"; not "... kembali ke perjanjian nuklir 2015" far on
                actors = list(dict.fromkeys([*pair, *[a for a in actors if a in names.values()]]))
            authority_act = trig.group(0).lower() in lex.authority_acts
            if source is not None and not actors and not attributed(text, start, source, lex) and (
                    etype in SPEECH_ACTS or (etype in THREAT_TYPES and status in UNREALISED)) and not _named_act(fr, sd) \
                    and not authority_act and not _told_passive(parsed, fr, code):
                # the speaker acts in what he says ("we will impose sanctions", said X), not in what he reports
                # ("X said MSH was arrested": X arrested no one; '"Dua orang itu juga diperiksa," kata Febri': an
                # examination is no speech act, the body examines; '"Hilman diminta keterangannya," kata Febri':
                # the passive leaves out who asked)
                actors = [names[source.entity_id]]
                targets = [t for t in targets if t not in actors]  # ("BP said they would sue the contractors")
            if not actors and fr is not None and fr.trigger is not None and refers_back(parsed, fr.trigger, code):
                # "The Interior Department issued a moratorium on new drilling. ... Analysts fret the implications of
                # the moratorium": the same event, named again by a word of the same stem; its sides are told there
                # (read back only as far as the reach: a long page holds thousands of mentions)
                told = next((m for m in _told_since(doc, index - EVENT_REFER_SENTENCES)
                             if m.type == etype and m.actors and m.sentence < index
                             and same_stem(m.trigger, trig.group(0), code)), None)
                if told is not None:
                    actors = list(told.actors)
                    targets = targets or [t for t in told.targets if t not in actors]
            if not actors and authority_act:
                # "MSH ditangkap Senin", "Saat dilakukan penggeledahan, BNN menemukan ...": an arrest, search or
                # examination no one is named doing is done by the law-enforcement body the story names there
                bodies = authority_of(doc.text, (t_start, t_end), (start, end), reach,
                                      [m for m in mentions_at.starting_in(reach, end) if id(m) not in skip], names,
                                      sides.get(speaking.entity_id, "") if speaking is not None else "", lex)
                actors = [b for b in bodies if b not in targets]
            if not targets and authority_act:
                # "Roro Fitria ditangkap polisi ... Roro masih menjalani pemeriksaan", "Dari penangkapan itu, polisi
                # ...": an arrest, search or examination told with no one it is done to is done to the one the story
                # just told such an act done to, or an act of its kind by the same body ("Polisi meringkus Andi ...")
                told = next((m for m in _told_since(doc, index - REFER_SENTENCES) if m.targets and (
                    m.trigger.lower() in lex.authority_acts or (m.type == etype and set(m.actors) & set(actors)))), None)
                if told is not None:  # (a suspect, not a place named with it: "selebritas asal Yogyakarta")
                    targets = [t for t in told.targets if t not in actors and t not in places]
            if any(a.lower() in lex.non_agents for a in actors + things):
                continue  # "a tornado strikes the town": forces of nature act in no PLOVER event
            if etype == "ASSAULT" and not actors and parsed is not None and _disaster_named(parsed, lex, sd):
                continue  # "about 1,655 people were killed" beside "the quake", "killing 11" after "the explosion": a
                # disaster's or an accident's dead, no attack (not "drug gangs": a kind of gang, no disaster)
            if etype == "AGREE" and actors and all(a.lower() in lex.commentators for a in actors):
                continue  # "Experts agree the current process is clumsy": a shared opinion, no deal
            if etype == "CONSULT" and outlets:  # "Biden menjelaskan dalam sebuah wawancara dengan CNN": an
                # outlet interviews and reports, it takes no side in talks
                actors, targets = [a for a in actors if a not in outlets], [t for t in targets if t not in outlets]
            if game and etype in lex.game_types and not targets:
                continue  # "melancarkan serangan di babak kedua": play in a game, with no one attacked
            if etype in DONE_BY_A_PARTY and things and not actors:
                continue  # "washing hands requires extra effort", "kegiatan itu menuntut kreativitas": no one asks
            if etype == "AID" and things and not actors and fr is not None and fr.trigger is not None and (
                    {fr.trigger.lemma.lower(), trig.group(0).lower()} & sd.help_words) and (
                    not set(things) & sd.effort_nouns):
                continue  # "factors that helped BP become a partner", "the model helped insurers": no one aids
            if not actors and not targets and not (use_models or ctx.get("event_all_candidates")):
                continue  # without the models, a trigger nobody takes part in is most often no event
            kind, mode = etype, ""
            if etype in THREAT_TYPES and status in UNREALISED:
                kind, mode = "THREATEN", etype.lower()
                if status == "planned" and source is not None:  # "Kami akan ... sanksi," kata von der Leyen:
                    status, cue = "happened", f"{cue} (said by {names[source.entity_id]})"  # the threat is made
            elif etype == "CONSULT":
                mode = _mode(text, start, (t_start, t_end), lex)
            if etype == "CONSULT" and targets and all(t.lower() in lex.press for t in targets):
                continue  # "began to talk to reporters", "berbicara kepada wartawan": a statement, no talks
            before = doc.event_mentions[seen[kind, status]] if (kind, status) in seen else None
            if before is not None and (
                    (actors and before.actors and not set(actors) & set(before.actors))
                    or (targets and before.targets and not set(targets) & set(before.targets)
                        and not set(actors) & set(before.actors))):
                # "BP has discussed its plans with officials, who in turn have briefed Obama": others act, so it is
                # another event; so when it is done to others by no one the same ("serangan teror terhadap tentara
                # dan polisi ... negara-negara yang ikut menyerang militan"; not "Police arrested two men ... and
                # detained a woman": one side's arrests); the mention before stays as it is, this one is told alone
                del seen[kind, status]
            if (kind, status) in seen and (timex is None or doc.event_mentions[seen[kind, status]].date_source == "timex"):
                # one mention per type and status in a sentence, the one with a time expression; what the other
                # trigger's arguments add joins it ("berbaris ke Krimea dan merebut wilayah itu dari Ukraina": the
                # same side acts, or one trigger names no one)
                _join(doc.event_mentions[seen[kind, status]], actors, targets)
                continue
            borrowed = None
            if kind in STORY_TYPES and not targets and story is not None:
                # "... sanksi terhadap Rusia." "Kami akan menanggapi ... dengan sanksi," kata von der Leyen: the
                # quote goes on with the previous sentence's target, and its day when it names none
                targets = [t for t in story.targets if t not in actors]
                if timex is None and previous_timex is not None:
                    borrowed = previous_timex
                    date = borrowed.calendar().split("T")[0]
            dating = timex or borrowed
            features = candidate_features(code, etype, trig.group(0), parsed, fr, kinds + [f"by_syntax={by_syntax}"],
                                          len(actors), len(targets), status, dating is not None,
                                          _order(date, published), text, trig.start(), shared_features)
            if dating is None and status == "happened" and (
                    t_start in unsaid or _background(text, trig.start(), lex)
                    or any(LONG_SPAN.match(t.value) for t in timexes_at.overlapping(sentence.span.start, t_start)
                           if t.type == "DURATION" and t.span.end <= t_start)):
                # "he had visited", "Sebelumnya, jaksa mendakwa", "dipecat ..., beberapa waktu lalu": before the
                # report, when is not said; "Dalam beberapa tahun terakhir", "over the past two years" before it: over
                # a span of months or years
                date = ""
            options = {}
            if (not actors or not targets) and (use_models or ctx.get("event_all_candidates")):
                # who may take part where the rules found no one: the sentence's names (no speaker, place of the
                # dateline or outlet) and nouns, for the actor and target models
                named = [(names[m.entity_id], m.span.start, m.span.end, m.type) for m in cast
                         if m.entity_id in names and names[m.entity_id] not in outlets]
                choices = options_for(parsed, fr.trigger if fr is not None else None, named, kind, code)
                options = {role: [(n, x) for n, x in choices if n not in other] for role, side, other in (
                    ("actor", actors, targets), ("target", targets, actors)) if not side}
            mention = EventMention(
                doc_id=doc.id, sentence=index, span=sentence.span, type=kind, trigger=trig.group(0),
                trigger_span=Span(t_start, t_end, trig.group(0)), date=date,
                date_source=("timex" if dating else "published" if published and date
                             else "background" if published else ""),
                status=status, status_cue=cue, actors=actors, targets=targets,
                location=names.get(location.entity_id, "") if location else "", mode=mode,
                source=names.get(source.entity_id, "") if source else "",
                confidence=round(0.4 + 0.3 * bool(timex) + 0.2 * (len(actors) + len(targets) > 1), 2),
                date_text=dating.span.text if dating else "", date_absolute=bool(dating) and dating.rule in ABSOLUTE_RULES,
                date_deictic=bool(dating) and dating.rule in DEICTIC_RULES, features=features, lang=code,
                role_options=options,
            )
            if dating is None:  # "berbicara dengan Putin di G20": the summit's days date the talk
                meeting = next((mt for mt in scheduled if mt.place_names and (
                    reports(mt, text, sentence_names, mention)
                    or (mt.organiser in sentence_names and reports(mt, doc.text, sentence_names, mention)))), None)
                to_come = meeting is not None and _order(meeting.start.isoformat(), published) > 0
                if to_come and status == "happened" and not cue and fr is not None and fr.trigger is not None and (
                        PAST_TENSE in fr.trigger.morph):
                    meeting = None  # "the topics he discussed ... a summit in London next month": told as done
                if meeting is not None:
                    mention.date, mention.date_source, mention.date_text = (
                        meeting.start.isoformat(), "schedule", meeting.name)
                    join_guests(mention, meeting, set(names.values()))
                    if to_come and status == "happened" and not cue:
                        # "the Group of 20 summit scheduled for April 2", told in March: still to come, as a date
                        # of the text after publication would have told the status rule
                        status = mention.status = "planned"
                        mention.status_cue = "schedule date after publication"
            if mention.date_source == "published" and status == "happened" and story_day is not None and (
                    index - story_day[1] <= STORY_SENTENCES) and _story_day_fits(story_day[0], published, lex):
                # "Upacara digelar Kamis (17/8). ... Pertemuan tersebut terjadi saat upacara": the day the story
                # named just before, not the report's day
                mention.date, mention.date_source, mention.date_text = story_day[0], "story", story_day[2]
            if isinstance(trig, Proposed):
                proposed[id(mention)] = (mention, trig.probability)
            if (kind, status) in seen:
                _join(mention, doc.event_mentions[seen[kind, status]].actors, doc.event_mentions[seen[kind, status]].targets)
                doc.event_mentions[seen[kind, status]] = mention
            else:
                seen[kind, status] = len(doc.event_mentions)
                doc.event_mentions.append(mention)
        if parsed is not None and sd is not None and (sd.host_words or sd.same_time_morph):
            _host_dates(parsed, list(_told_since(doc, index)), sd)
        story = next((m for m in reversed(doc.event_mentions) if m.sentence == index and m.type in STORY_TYPES
                      and m.targets), None)
        people = list(dict.fromkeys(n for m in doc.event_mentions if m.sentence == index and m.type in SYMMETRIC
                                    for n in m.actors if n in persons and n != m.source))
        if len(people) >= 2:
            pair = people[:2]
        subject = subject_of(text, start, [m for m in inside if m is not source], lex)
        if subject is not None:
            previous_subject = subject
        previous_timex = dated[-1] if dated else (previous_timex if continues else None)
        named_before.extend(inside)
        days = [(day, t) for t in dated if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day := t.calendar().split("T")[0])]
        if days:
            story_day = (days[-1][0], index, days[-1][1].span.text)
    if use_models:
        for m in doc.event_mentions:
            _decide(m, proposed[id(m)][1] if id(m) in proposed else None)
        # the span model's second opinion, read from the words around each trigger, raises what the type model held
        # back ("accused of" a cover-up, "charges" of negligence); before one trigger's readings are weighed
        vouch(doc, code)
        # "strikes" (PROTEST and ASSAULT in the lexicon): one trigger is one event, the more confident reading
        best: dict[tuple[int, int], EventMention] = {}
        for m in doc.event_mentions:
            key = (m.trigger_span.start, m.trigger_span.end)
            if key not in best or m.confidence > best[key].confidence:
                best[key] = m
        doc.event_mentions = [m for m in doc.event_mentions if best[(m.trigger_span.start, m.trigger_span.end)] is m]
    doc.event_mentions.sort(key=lambda m: (m.sentence, m.trigger_span.start if m.trigger_span else 0))
    return doc


# Trigger sentences parsed at a time. Parsing every one up front held all their parses (up to MAX_WORDS tokens
# each, and the parser's Docs while it ran) at once: memory in proportion to the document (2.5 MB of English news
# on one line: 4,151 trigger sentences, +240 MB in this stage; with batches, none). A batch is still large enough
# for the parser to work on many sentences at once, and the mentions are the same for any batch size.
PARSE_BATCH = 64


class _Parses:
    """The parses of a document's trigger sentences (`indices`, ascending), made PARSE_BATCH at a time as the
    sentences are asked for in order; a batch is let go before the next is made."""

    def __init__(self, doc: Document, indices: list[int], code: str, datelines: dict[int, int]):
        self.doc, self.indices, self.code, self.datelines = doc, indices, code, datelines
        self.made = 0  # how many of `indices` have been parsed
        self.batch: dict[int, Parse | None] = {}

    def get(self, index: int) -> Parse | None:
        """The parse of sentence `index` (None when it holds no trigger or its language has no parser)."""
        if index not in self.batch and self.made < len(self.indices) and self.indices[self.made] <= index:
            self.batch = {}
            todo = self.indices[self.made:self.made + PARSE_BATCH]
            self.made += len(todo)
            self.batch = dict(zip(todo, parse_sentences([self._text(i) for i in todo], self.code)))
        return self.batch.get(index)

    def _text(self, index: int) -> tuple[int, str]:
        """(document offset, text) of sentence `index` to parse. A dateline is no part of the clause after it
        ("Jakarta, CNN Indonesia -- Polisi menangkap ..."): parsed together, the parser takes the place for the
        subject."""
        span = self.doc.sentences[index].span
        skip = self.datelines.get(index, 0)  # the length of its dateline (`extract_events`)
        return span.start + skip, span.text[skip:]


# A status a cue word decided ("akan", "jika", a date after publication) stays: on the dev split the cue is right
# more often than the status model, which has seen few conditional or proposed mentions (TimeBank has none) and
# is sure of "happened" too often. Where no cue decided (happened by default), the model decides: a trigger
# under "fear", "call for", "refuse" is read from the parse.
STATUS_OVERRIDE = 1.01  # a probability never reached: set lower to let the model overrule cues


def _decide(m: EventMention, proposed: float | None = None) -> None:
    """The learned decisions: type and confidence, then status (the cue rule's status and cue stay as evidence),
    then whether a happened event dated by its report's day is background, left undated. A trigger the parse
    proposed keeps the type and the calibrated probability (`proposed`) its model gave it: the type model learnt
    on lexicon words only."""
    kind, confidence = decide_type(m.features, m.type, m.lang) if proposed is None else (m.type, proposed)
    if kind != m.type and m.type != "THREATEN":  # a threat was read from its status; the model types the act
        m.type = kind
    m.confidence = round(confidence, 3)
    status, p = decide_status(m.features, m.status, m.lang)
    if status != m.status and (m.status_cue == "" or p >= STATUS_OVERRIDE):
        m.status_cue = f"{m.status_cue or 'no cue'} -> model ({p:.2f})"
        m.status = status
    if m.status == "happened" and m.date_source == "published" and decide_undated(
            dating_features(m.features, m.sentence, m.lang)):
        # background the rules' cues ("had", "previously") did not tell: no date of its own, so none
        m.date, m.date_source = "", "background"
    if not m.actors and m.role_options.get("actor"):
        m.actors = [a for a in decide_role("actor", m.role_options["actor"]) if a not in m.targets]
    if not m.targets and m.role_options.get("target"):
        m.targets = [t for t in decide_role("target", m.role_options["target"]) if t not in m.actors]
    m.features, m.role_options = {}, {}  # decided: not stored, and a fifth of a long page's size on its way to the
    # main process


def _in_own_clause(parse: Parse | None, clauses: list[tuple[Token, tuple[int, int]]], at: int,
                   mentions: list[Mention]) -> list[Mention]:
    """The `mentions` of the clause of the trigger at document offset `at`, as far as the sentence's relative
    clauses (`clauses`, from `relative_clauses` on its `parse`) tell it (word order reads sides from a whole
    sentence): one told inside a relative clause has the clause's names and the noun's it tells of ("Robert Gates,
    yang melakukan pembicaraan dengan panglima Yordania, akan mengunjungi Mesir": Gates and the Jordanian, not
    Egypt); one told outside has no name of a relative clause (Gates visits Egypt, not Jordan)."""
    for noun, (lo, hi) in clauses:
        if lo <= at < hi:
            phrase_start = subtree_span(parse, noun)[0]
            mentions = [m for m in mentions if lo <= m.span.start < hi or phrase_start <= m.span.start < lo]
        else:
            mentions = [m for m in mentions if not lo <= m.span.start < hi]
    return mentions


def _told_since(doc: Document, first: int) -> Iterator[EventMention]:
    """The event mentions found so far in sentence `first` and after, the latest first (the loop appends them in
    sentence order, so reading back stops at the first one told before: a long page holds thousands)."""
    return takewhile(lambda m: m.sentence >= first, reversed(doc.event_mentions))


def _join(kept: EventMention, actors: list[str], targets: list[str]) -> None:
    """Add to `kept` the participants another trigger of the same event in its sentence found."""
    kept.actors = list(dict.fromkeys([*kept.actors, *actors]))
    kept.targets = [t for t in dict.fromkeys([*kept.targets, *targets]) if t not in kept.actors]


GENERIC_MODES = ("talks", "call")  # words that say talks took place, not how


def _disaster_named(parsed: Parse, lex, sd) -> bool:
    """Whether the sentence `parsed` names a force of nature, a disease or an accident (`lex.non_agents`) as a thing
    of its own, not a vessel (a plane can be bombed) and not as a word that only modifies a noun ("drug gangs")."""
    return any((t.text.lower() in lex.non_agents or t.lemma.lower() in lex.non_agents)
               and t.text.lower() not in sd.vessels and t.lemma.lower() not in sd.vessels and t.dep not in NOUN_MODIFIER
               for t in parsed.tokens)


def _outlets(text: str, mentions_at: SpanIndex[Mention], lex) -> list[Mention]:
    """The mentions (indexed by `mentions_at`) that name the outlet a report is taken from ("seperti dilansir dari
    laman Reuters", "pantauan Kompas.com", "as quoted by AFP"): the first name within OUTLET_REACH characters after
    an outlet cue, with no clause punctuation between."""
    if lex.outlet_before is None:
        return []
    out = []
    for cue in lex.outlet_before.finditer(text):
        after = [m for m in mentions_at.starting_in(cue.end(), cue.end() + OUTLET_REACH)
                 if not any(c in text[cue.end():m.span.start] for c in ",.;:\"“”")]
        if after:
            out.append(min(after, key=lambda m: m.span.start))
    return out


def _mode(text: str, start: int, trigger: tuple[int, int], lex) -> str:
    """The manner of talks: the trigger's own ("KTT": a summit), else the way of meeting named nearest the
    trigger ("tiga panggilan telepon dan bertemu langsung": a phone call for "panggilan", in person for
    "bertemu"), a specific one over a generic word ("pembicaraan ... dalam format konferensi video": video)."""
    found = [(mode in GENERIC_MODES, _gap(trigger, Span(start + m.start(), start + m.end(), "")), i, mode)
             for i, (mode, pattern) in enumerate(lex.modes) for m in pattern.finditer(text)]
    own = [f for f in found if f[1] == 0 and not f[0]]
    return min(own or found)[3] if found else ""


BETWEEN_CHARS = 40  # how far after "antara"/"between" the names of that event's participants may stand


def _owned(text: str, spans: list[tuple[int, int]], cast: list[Mention], lex) -> dict[int, list[Mention]]:
    """Trigger start -> the mentions only that trigger takes: "pertemuan puncak antara Biden dan Putin" (the
    summit's people, not those of "membahas" in the same sentence)."""
    out: dict[int, list[Mention]] = {}
    for t_start, t_end in spans:
        after = text[t_end:t_end + 30].split()
        if not after or after[0].lower() not in lex.between:
            continue
        word_end = t_end + text[t_end:].find(after[0]) + len(after[0])
        mine = [m for m in cast if word_end <= m.span.start <= word_end + BETWEEN_CHARS]
        if mine:
            out[t_start] = mine
    return out


def _story_day_fits(day: str, published: str, lex) -> bool:
    """Whether a day named earlier may date what a later sentence reports undated: in the language's `story_days`
    before publication (a date long before is background, not the story's day)."""
    if not published:
        return False
    gap = (date.fromisoformat(published[:10]) - date.fromisoformat(day)).days
    return 0 < gap <= lex.story_days


def _background(text: str, at: int, lex) -> bool:
    """Whether sentence `text` tells the trigger at `at` as background: a background word ("had", "previously",
    "sebelumnya") among the BACKGROUND_WORDS words before it or opening the sentence."""
    if lex.background is None:
        return False
    words = text[:at].split()
    return bool(lex.background.search(" ".join(words[-BACKGROUND_WORDS:])) or lex.background.search(" ".join(words[:1])))


def _gap(trigger: tuple[int, int], span: Span) -> int:
    """Characters between a trigger and a time expression (0 when they touch)."""
    return max(0, span.start - trigger[1], trigger[0] - span.end)


def _nearest(triggers: list[tuple[int, int]], span: Span) -> int:
    """The start of the trigger (of `triggers`, (start, end) spans) nearest to `span`: the one a time told there
    dates."""
    return min(triggers, key=lambda t: _gap(t, span))[0]


def _dates_another_verb(parsed: Parse | None, span: Span, t_start: int, t_end: int, sd) -> bool:
    """Whether, in the parse, the time expression at `span` hangs on a verb other than the trigger at [t_start,
    t_end) or the verb that carries it ("the meeting, set up two years ago": set up; not "held talks on Monday",
    "a report on Tuesday urged", "agreed on Monday to meet"), a copula heading a clause of its own among them
    ("questioned his association with Ayers, who was once a member of a 1960s group": was), and not a participle
    told at the trigger's time (`_told_with`: "Speaking on Saturday, Obama blamed"). False without a parse."""
    if parsed is None:
        return False
    trigger, node = parsed.at(t_start, t_end), parsed.at(span.start, span.end)
    if trigger is None or node is None:
        return False
    for _ in range(DATE_CLIMB):
        node = parsed.head(node)
        if node is None or node is trigger:
            return False
        if node.pos in ("VERB", "AUX"):  # (an auxiliary hangs on its verb: one met climbing up is a copula)
            # (the predicate of an event noun is its own: "The talks are scheduled to begin on Monday")
            if (main := _told_with(parsed, node, sd)) is not None and (
                    main is trigger or any(main is p for p in predicate_of(parsed, trigger))):
                return False
            return (node is not parsed.head(trigger) and not _above(parsed, node, trigger)
                    and all(node is not p for p in predicate_of(parsed, trigger)))
    return False


def _claimed_in_parse(parsed: Parse | None, span: Span, trigger_at: dict[int, int], sd) -> Token | None:
    """The trigger token (a key of `trigger_at`) the parse hangs the time expression at `span` on: the first met
    climbing up from it, or the one a participle met first is told with (`_told_with`); None when a verb that is
    neither comes first, or none is met within DATE_CLIMB steps (the nearest trigger takes it then)."""
    if parsed is None or (node := parsed.at(span.start, span.end)) is None:
        return None
    for _ in range(DATE_CLIMB):
        node = parsed.head(node)
        if node is None:
            return None
        if node.i in trigger_at:
            return node
        if node.pos in ("VERB", "AUX"):
            main = _told_with(parsed, node, sd)
            return main if main is not None and main.i in trigger_at else None
    return None


def _asked_for(parsed: Parse, asking: Token, trigger_at: dict[int, int], sd) -> Token | None:
    """The trigger token (a key of `trigger_at`) that is the object of the trigger token `asking` ("called for
    talks": talks), else None."""
    return next((o for o in _objects(parsed, asking, sd) if o.i in trigger_at), None)


def _told_with(parsed: Parse, t, sd):
    """The verb whose time the participle `t` shares, or None: a form of `sd.same_time_morph` with no subject or
    auxiliary of its own, whose clause (`sd.same_time_clauses`) hangs on the verb ("Speaking on Saturday, Obama
    blamed": blamed), on a case word of it ("attacked BP by accusing it": attacked) or on its subject
    ("Representatives, appearing Monday at a hearing, denied": denied). "Having met on Monday, they agreed" has an
    auxiliary: told before, not at, the verb's time."""
    if (not sd.same_time_morph or sd.same_time_morph not in t.morph or t.dep not in sd.same_time_clauses
            or any(c.pos == "AUX" or c.dep in sd.subject | sd.passive_subject for c in parsed.children(t))):
        return None
    head = parsed.head(t)
    if head is not None and head.pos == "ADP":  # "by accusing": the case word's verb
        head = parsed.head(head)
    elif head is not None and head.pos != "VERB" and head.dep in sd.subject:  # "Representatives, appearing ...,"
        head = parsed.head(head)
    return head if head is not None and head.pos == "VERB" and head is not t else None


def _above(parsed: Parse, verb, trigger) -> bool:
    """Whether `trigger` hangs under `verb` ("agreed on Monday to meet": the day's verb governs the meeting)."""
    node = parsed.head(trigger)
    for _ in range(DATE_CLIMB):
        if node is None:
            return False
        if node is verb:
            return True
        node = parsed.head(node)
    return False


def _after_since(text: str, offset: int, lex) -> bool:
    """Whether a "since" word opens the phrase the expression at `offset` stands in ("since the first tremor on 12
    January", "since an April 20 explosion") so that the expression does not date the event reported: it starts a
    span of time, and dates what began then. Where the language's news dates an event by the day it began
    (`lex.since_dates`: "ditetapkan sebagai tersangka sejak 24 Januari"), only after a "first" ("pertama sejak")."""
    words = re.split(r"[,;:.]", text[max(0, offset - SINCE_CHARS):offset])[-1].split()
    at = max((i for i in range(max(0, len(words) - SINCE_WORDS), len(words)) if words[i].lower() in lex.since),
             default=None)
    if at is None:
        return False
    # "Zumi ditetapkan sebagai tersangka sejak 24 Januari 2018": named that day, where the language's news dates so;
    # "KTT Rusia-AS pertama sejak 2018": the first since then, held another day
    return not lex.since_dates or any(w.lower() in lex.first_since for w in words[max(0, at - FIRST_SINCE_WORDS):at])


def _edition_year(text: str, span: Span, sentence_start: int, lex) -> bool:
    """Whether the expression at `span` is a bare year that ends a name ("Asian Games 2018", "Piala AFF 2016",
    "Pilkada 2018", "Euro 2016") or follows a word of `lex.edition_words` ("proyek tahun anggaran 2016": the budget
    year), or is such a word's own expression ("tahun anggaran"): it says which edition of a thing, not when what
    the sentence reports happened. A year after a sentence's first word ("Pada 2016", "In 2009") is no name's."""
    if span.text.split()[-1].lower() in lex.edition_words:
        return True
    if not EDITION_YEAR.fullmatch(span.text):
        return False
    words = text[sentence_start:span.start].split()
    return len(words) >= 2 and (words[-1][:1].isupper() or words[-1].lower() in lex.edition_words)


def _meetings_near(doc: Document, published: str) -> list[Meeting]:
    """The scheduled meetings `doc` names that are held near its publication date, nearest first. Only meetings
    held somewhere count: a virtual one has no place named in the text to confirm it."""
    if not published[:10].count("-") == 2:
        return []
    day = date.fromisoformat(published[:10])
    near = [m for m in named_in(doc) if abs((m.start - day).days) <= SCHEDULE_DAYS]
    return sorted(near, key=lambda m: abs((m.start - day).days))


def _organisation_of(doc: Document, person: Mention, mentions: list[Mention], names: dict[str, str], lex) -> str:
    """The organisation named in `person`'s title ("Wakil Ketua KPK Basaria Panjaitan", "Juru bicara Kementerian
    Luar Negeri (Kemlu) Arrmanatha Nasir", "BP chief executive Tony Hayward"): its role phrase's organisation, else
    an organisation right before the name with only title words or a bracketed short form between; or ''."""
    side = role_span(doc, person)
    for m in reversed(mentions):
        if m.type != "ORG" or m.entity_id not in names or m.span.end > person.span.start:
            continue
        if side is not None and side[0] <= m.span.start and m.span.end <= side[1]:
            return names[m.entity_id]
        between = doc.text[m.span.end:person.span.start]
        if lex.titles is not None:
            between = lex.titles.sub(" ", between)
        if not re.sub(r"\([^()]{1,30}\)", " ", between).strip():
            return names[m.entity_id]
    return ""


def _title_spans(doc: Document, mentions: list[Mention], text: str, start: int, lex) -> list[tuple[int, int]]:
    """Character spans of titles in the sentence ("Juru bicara Kremlin"), where no event is triggered."""
    spans = [span for m in mentions if (span := role_span(doc, m)) is not None]
    if lex.titles is not None:
        spans += [(start + t.start(), start + t.end()) for t in lex.titles.finditer(text)]
    return spans
