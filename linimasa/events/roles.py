"""A frame's argument tokens (`frames.frame`) turned into participant names: the entity named inside each argument,
else the person a pronoun stands for, else the argument's common noun ("police", "warga"). Datelines ("Jakarta,
CNN Indonesia --", "LONDON (Reuters) -") are found here too: the outlet in one is never a participant."""

from __future__ import annotations

import re
from collections import Counter

from ..entities.recognise import DASHES
from ..kb import KnowledgeBase
from ..model import Mention
from ..syntax import Parse, Token
from .arguments import PARTICIPANT_KINDS, _kind, _title
from .frames import (UNBOUNDED, Frame, _definite, bare_form, common_noun, is_party, is_pronoun, owner_of, phrase,
                     predicate_subject, proper_name, refers_to, relation_of, subtree_span, syntax_data)
from .lexicon import lexicon

# How close before a name a common noun of the same argument side is taken as that name's title ("the charity
# World Vision", where the parser makes both subjects).
APPOSED_WORDS = 2
APPOSITION = frozenset({"appos"})  # the relation of a noun in apposition, in spaCy's English and in UD alike
# "Jakarta, CNN Indonesia --", "LONDON (Reuters) -", "WASHINGTON, Jan. 5 (AP) --", "Liputan6.com, Jakarta -",
# "OSLO, May 12, 2026 -": a place or an outlet, a comma (and a year after a second one) or a bracketed outlet, then a
# dash, within the first words of a sentence; or a web outlet alone before the dash ("Merdeka.com - ").
DATELINE = re.compile(r"^\s*(?:[A-Z][\w.&' -]{1,40}(?:,[^,\n]{1,40}?(?:,\s*\d{4})?|\s*\([^)\n]{1,30}\))"
                      r"|[A-Z][\w-]{1,30}\.(?:com|co\.id|id|net|org))\s*(?:[-–—]{1,2}|:)\s")
# A bracketed outlet and a dash after a page's header lines the text runs into the sentence ("... 5:45 pm EDT
# WASHINGTON (Reuters) - Lawmakers accused ..."), brackets written as words in tokenised corpora too ("-LRB-"),
# looked for in the first DATELINE_REACH characters.
BRACKETED_OUTLET = re.compile(r"(?:\(|-LRB-)\s*[A-Z][\w.&' ]{0,30}?\s*(?:\)|-RRB-)\s*[-–—]{1,2}\s")
DATELINE_REACH = 200
# A place or an outlet and a spaced dash alone, with no comma or bracket ("Jakarta - Polisi menangkap ...",
# "Rimanews - Ratusan anggota ...", "WASHINGTON -- The IRS says ...", "KOREA SELATAN – Setelah ..."): capitalised
# words before the dash and a capitalised word (or a quote or a number) after it. Words in capitals (one to three,
# CAPS_DATELINE_LETTERS letters at least) are a dateline wherever a sentence opens with them; a single capitalised word
# only where it opens the text: further on, a dash between capitalised words is mostly a tokenised name ("Coca -
# Cola", "Oxlade - Chamberlain", "Pasangan Anies - Sandi"). ("Baru - baru ini", tokenised reduplication, has a small
# letter after the dash.)
CAPS_DATELINE_LETTERS = 4  # "GO - PAY", "PP - PMKRI", "BP --": short capitals before a dash are names, not places
OPENING_DATELINE_LETTERS = 3  # and a shorter word opening the text too ("Go - Jek"); a place or an outlet is longer
DASH_DATELINE = re.compile(r"^\s*(?P<words>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2})\s+[-–—]{1,2}\s+(?=[\"“'‘A-Z0-9])")
# A capitalised word that may go on a name ("Polres" + " Metro" + " Bekasi").
CAPITALISED_WORD = re.compile(r"\s+([A-Z][\w.-]*)")
# The capitalised words right before a position (searched up to it), and how far back they are looked for.
CAPITALISED_BEFORE = re.compile(r"(?:[A-Z][\w.-]*\s+)*$")
NAME_BEFORE_CHARS = 60
# How far before the one tied to its tie's noun is looked for ("kuasa hukum mantan Ketua DPR Setya Novanto").
RELATION_BEFORE_CHARS = 40
# How far before a name its title is looked for ("Dr Conrad Murray"; the word right before the name).
TITLE_CHARS = 12


def dateline_end(text: str, opens_text: bool = False) -> int:
    """Length of the dateline that opens sentence `text` (0 when it has none); `opens_text`: the sentence is the
    text's first, where a single capitalised word before a dash is a dateline too."""
    dash = DASH_DATELINE.match(text)
    if dash:
        words = dash.group("words")
        capitals = words.isupper() and sum(ch.isalpha() for ch in words) >= CAPS_DATELINE_LETTERS
        single = len(words.split()) == 1 and sum(ch.isalpha() for ch in words) >= OPENING_DATELINE_LETTERS
        if not (capitals or (opens_text and single)):
            dash = None
    found = (DATELINE.match(text), BRACKETED_OUTLET.search(text, 0, DATELINE_REACH), dash)
    return max((m.end() for m in found if m), default=0)


NOT_SPACE = re.compile(r"\S")


def opens_text(text: str, start: int) -> bool:
    """Whether the sentence at offset `start` of document `text` is its first: only white space before it (found
    from the text's start, so a call costs the leading white space, not the text)."""
    first = NOT_SPACE.search(text)
    return first is None or start <= first.start()


def relation_names(text: str, mentions: list[Mention], names: dict[str, str], code: str) -> dict[tuple[str, str], str]:
    """(entity id of the one tied to, kind of tie) -> the person a document names by that tie in an apposition
    ("Michael Jackson's personal physician, Dr Conrad Murray": (Michael Jackson, doctor) -> Conrad Murray;
    "kuasa hukum Setya Novanto, Fredrich Yunadi"), for the tie told again without the name ("Jackson's former doctor
    is accused"). The first apposition of a tie counts. Else, under owner '', the one person the document titles by
    the tie ("Dr Conrad Murray": the doctor of whoever's doctor is told, when no other is titled so)."""
    sd = syntax_data(code)
    out: dict[tuple[str, str], str] = {}
    if sd is None:
        return out

    def tie(pattern: re.Pattern[str] | None, at: int, end: int, search: bool = False) -> tuple[bool, str]:
        """(whether `pattern` holds over text[at:end], the tie's noun it names)."""
        found = None if pattern is None else (pattern.search if search else pattern.match)(text, at, end)
        return found is not None, (found.groupdict().get("noun") or "") if found else ""

    named = sorted((m for m in mentions if m.entity_id in names and m.type in ("PER", "ORG")),
                   key=lambda m: m.span.start)
    for a, b in zip(named, named[1:]):
        if a.entity_id == b.entity_id or b.span.start < a.span.end:
            continue
        noun, owner, person = "", a, b  # the one tied to first ("Michael Jackson's physician, Dr Conrad Murray")
        held, noun = tie(sd.relation_between, a.span.end, b.span.start)
        if held and not noun:
            noun = tie(sd.relation_before, max(0, a.span.start - RELATION_BEFORE_CHARS), a.span.start, True)[1]
        if not noun:  # the person first ("Dr Conrad Murray, Michael Jackson's physician")
            owner, person = b, a
            held, noun = tie(sd.relation_lead, a.span.end, b.span.start)
            if held and not noun:
                noun = tie(sd.relation_tail, b.span.end, min(len(text), b.span.end + RELATION_BEFORE_CHARS))[1]
        kind = next((k for k, ws in sd.relation_nouns.items() if noun.lower() in ws), "")
        if kind and person.type == "PER":
            out.setdefault((owner.entity_id, kind), names[person.entity_id])
    for kind, titles in sd.relation_titles.items():
        titled = {names[m.entity_id] for m in named if m.type == "PER" and (
            text[max(0, m.span.start - TITLE_CHARS):m.span.start].split() or [""])[-1] in titles}
        if len(titled) == 1:
            out[("", kind)] = titled.pop()
    return out


def _last_before(tok: Token, candidates: list[Mention], names: dict[str, str], kind_ok,
                 taken: frozenset[str] = frozenset()) -> str:
    """The name of the last of `candidates` that ends before `tok` and that `kind_ok` accepts ('' when none): what a
    pronoun or a definite noun stands for; never one of `taken`, the other side of the same event ("OTS ordered the
    company to raise capital": the company is not OTS)."""
    before = [m for m in candidates if m.span.end <= tok.start and m.entity_id in names and kind_ok(m)
              and names[m.entity_id] not in taken]
    return names[max(before, key=lambda m: m.span.end).entity_id] if before else ""


def _referred(tok: Token, kind: str, earlier: list[Mention], others: list[Mention], document: list[Mention],
              names: dict[str, str], kb: KnowledgeBase, taken: frozenset[str]) -> str:
    """What a definite noun of `kind` refers back to ("the company", "perusahaan itu"): the last such name before it
    in its sentence or the two before, else the one the document named most before it ("The company was
    sentenced", paragraphs after BP was named); '' when none. A company is an organisation the knowledge base does
    not hold (it holds states' bodies, not firms)."""
    def fits(m: Mention) -> bool:
        return (m.type == kind or (kind == "company" and m.type == "ORG" and m.entity_id not in kb.records)
                or (kind == "country" and m.type == "LOC" and _kind(m, kb) in PARTICIPANT_KINDS))

    return _named_before(tok, fits, [*earlier, *others], document, names, taken)


def _named_before(tok: Token, fits, candidates: list[Mention], document: list[Mention], names: dict[str, str],
                  taken: frozenset[str]) -> str:
    """The last of `candidates` (the sentence of `tok` and the two before) that `fits`, else the one of `document`
    (the mentions of the sentences before) named most; never one of `taken`; '' when none."""
    name = _last_before(tok, candidates, names, fits, taken)
    if name:
        return name
    counts = Counter(names[m.entity_id] for m in document if m.entity_id in names and fits(m)
                     and names[m.entity_id] not in taken)
    return counts.most_common(1)[0][0] if counts else ""


def _clause_verb(parse: Parse, t: Token) -> Token | None:
    """The verb whose clause word `t` stands in: the first verb up its heads."""
    seen = set()
    while t is not None and t.i not in seen and t.pos not in ("VERB", "AUX"):
        seen.add(t.i)
        t = parse.head(t)
    return t


def _modifier_before(parse: Parse, m: Mention, tok: Token, sd) -> bool:
    """Whether mention `m` stands in the clause of pronoun `tok` (the same verb governs both), before it, as a word
    that only modifies a noun ("U.S." in "Under U.S. political pressure, it agreed"): no antecedent of the pronoun
    ("U.S. officials said it would send troops": the officials' clause is another, and "it" may be the U.S.)."""
    name = parse.at(m.span.start, m.span.end)
    if name is None or not (m.span.start <= name.start and name.end <= m.span.end) or m.span.end > tok.start:
        return False  # not in this sentence's parse, or not before the pronoun
    head = parse.head(name)
    if name.dep not in sd.modifier or head is None or head.pos != "NOUN":
        return False
    verb = _clause_verb(parse, head)
    return verb is not None and verb is _clause_verb(parse, tok)


def _titled(parse: Parse, tok: Token, code: str, candidates: list[Mention], document: list[Mention],
            names: dict[str, str], taken: frozenset[str]) -> str:
    """The person a definite singular common noun names by the title the text gave him or her before ("President
    Barack Obama met ... . The president rejected criticism": Obama; "the prime minister": the one titled "Prime
    Minister", not "Foreign Minister"): the last person of `candidates` (its sentence and the two before) whose role
    ends with the noun and its modifiers before it, else the one the document so titled most; '' when none. The
    titles are the document's own (the entities stage's `role`), so no list of titles is needed."""
    sd = syntax_data(code)
    if tok.pos != "NOUN" or "Number=Plur" in tok.morph or not _definite(parse, tok, sd):
        return ""
    words = [c.text.lower() for c in parse.children(tok, sd.modifier) if c.i < tok.i] + [tok.text.lower()]

    def titled(m: Mention) -> bool:
        return m.type == "PER" and m.role.lower().split()[-len(words):] == words

    return _named_before(tok, titled, candidates, document, names, taken)


def name_of(parse: Parse, tok: Token, mentions: list[Mention], names: dict[str, str], kb: KnowledgeBase,
            code: str, previous: str, places: bool = False, others: list[Mention] = (),
            times: list[tuple[int, int]] = (), speaker: str = "", earlier: list[Mention] = (),
            speaker_side: str = "", acting: bool = False, taken: frozenset[str] = frozenset(),
            bounds: tuple[int, int] = UNBOUNDED, document: list[Mention] = (),
            relations: dict[tuple[str, str], str] | None = None) -> tuple[str, str]:
    """(name, kind) of the participant an argument token heads; kind is 'entity', 'pronoun', 'noun', 'name' (a
    proper name no entity covers, not one of `others`, the sentence's mentions left out), 'thing' (a common noun
    that names no party: no participant) or ''.
    Cities and regions count only when `places` (the target of an attack: "serangan terhadap Gaza"); a word of a
    time expression (`times`, document offsets) is never anyone ("faced accusations on Tuesday"). A person named by a
    tie to another ("Jackson's doctor") is the one `relations` (from `relation_names`) gives for the tie."""
    if any(s < tok.end and tok.start < e for s, e in times):
        return "", ""
    tokens = phrase(parse, tok, code, acting, bounds)
    spans = [(t.start, t.end, depth) for depth, t in enumerate(tokens)]
    parties = [m for m in mentions if m.entity_id in names and (m.type in ("PER", "ORG") or (
        m.type == "LOC" and (places or _kind(m, kb) in PARTICIPANT_KINDS)))]
    sd = syntax_data(code)
    relation = relation_of(tok, sd) if tok.pos in ("NOUN", "PROPN") else ""

    def rank(t: Token) -> int:
        """How `t` relates to the argument's head: 0 in apposition to a common noun ("The senior OTS official,
        Darryl Dochow": the official is Dochow), 2 inside a possessor ("Michael Jackson's physician": the owner,
        not the one the argument is; "istri Setya Novanto", no comma between, where the owner follows), else 1."""
        at, path = t.i, []
        while t.i != tok.i and t.head != t.i:
            path.append(t.dep)
            t = parse.tokens[t.head]
        if any(d in sd.possessor for d in path):
            return 2
        if relation and sd.genitive_after and at > tok.i and not any(
                parse.tokens[j].text == "," for j in range(tok.i + 1, at)):
            return 2
        return 0 if tok.pos == "NOUN" and path and path[-1] == "appos" else 1

    hits = []
    for m in parties:
        for (s, e, order), t in zip(spans, tokens):
            if m.span.start < e and s < m.span.end:
                hits.append((rank(t), order, m.span.start, m))
                break
    if tok.pos == "NOUN" and {tok.lemma.lower(), tok.text.lower()} & sd.object_agent_nouns:
        hits = [h for h in hits if h[0] != 2]  # "Obama's critics": the critics are not Obama
    refers = refers_to(parse, tok, code)
    if hits and refers and all(h[3].type == "LOC" for h in hits) and (
            name := _referred(tok, refers, earlier, others, document, names, kb, taken)):
        return name, "pronoun"  # "the British energy giant": the company named before, not Britain
    if relation and hits and all(h[0] == 2 for h in hits):
        # "Michael Jackson's former doctor", "istri Setya Novanto": someone tied to the one named, never that one;
        # the person the document names by the tie, else the tie written out
        owner = min(hits, key=lambda h: h[1])[3].entity_id
        person = (relations or {}).get((owner, relation)) or (relations or {}).get(("", relation), "")
        if person and person not in taken and person != names[owner]:
            return person, "entity"
        noun = common_noun(parse, tok, code) or tok.text.lower()
        return sd.relation_name.format(owner=names[owner], noun=noun), "noun"
    last_person = max((h for h in hits if h[3].type == "PER"), key=lambda h: h[2], default=None)
    if (tok.pos in ("NOUN", "PROPN") and last_person is not None and is_party(tok, code) and not relation
            and not any(h[3].span.start <= tok.start < h[3].span.end for h in hits)
            and all(h[3].type == "PER" or h[2] < last_person[2] for h in hits)
            and not {tok.lemma.lower(), tok.text.lower()} & sd.person_bodies):
        # "Politisi Partai Demokrat Nurul Iman Mustofa", "anggota Komisi V DPR dari fraksi PAN Andi Taufan Tiro": a
        # person noun whose phrase ends with a person's name is that person; the bodies before it are the title
        # (not a person named by a tie: "putra pesinetron Jeremy Thomas, Axel Matthew Thomas" is Axel, by apposition)
        return names[last_person[3].entity_id], "entity"
    if hits:  # the name nearest the argument's head; a person or body before a place ("Milton Keynes-based charity")
        best_rank = min(h[0] for h in hits)
        hits = [h[1:] for h in hits if h[0] == best_rank]
        best = min(hits, key=lambda h: (h[2].type == "LOC" and _kind(h[2], kb) not in PARTICIPANT_KINDS, h[0], h[1]))
        if best[2].type == "PER" and tok.pos == "NOUN" and {tok.lemma.lower(), tok.text.lower()} & sd.person_bodies:
            # "the Obama administration", "pemerintahan Jokowi": the body a person heads, not the person
            person = best[2].span.text
            return (f"{person} {tok.text}" if best[2].span.start < tok.start else f"{tok.text} {person}"), "name"
        return names[best[2].entity_id], "entity"
    if tok.pos == "NOUN" and {tok.lemma.lower(), tok.text.lower()} & sd.refer_nouns.get("country", frozenset()):
        # "the state of Louisiana", "negara bagian Texas": the state a place name inside the argument names (a
        # region the knowledge base does not count as a party of its own)
        inside = [m for m in mentions if m.type == "LOC" and m.entity_id in names
                  and any(m.span.start < t.end and t.start < m.span.end for t in tokens[1:])]
        if inside:
            return names[inside[0].entity_id], "entity"
    if (speaker_side or speaker) and tok.text.lower() in sd.speaker_side_words:
        # "Basaria menyebut, pihaknya juga ...": KPK, for which Basaria speaks; the speaker when no organisation is
        # named in the title ("Agus mengatakan, pihaknya telah mengevakuasi")
        return speaker_side or speaker, "pronoun"
    if speaker and tok.text.lower() in sd.first_person:
        return speaker, "pronoun"  # '"We will sue them," said X': X (or X's side, named by X)
    if is_pronoun(tok, code) and tok.text.lower() in sd.plural_pronouns:
        return "", ""  # "suing them", "mereka": several, never the one person named last; left out when unsure
    if tok.text.lower() in sd.neuter_pronouns and (noun := _party_noun_before(parse, tok, others, code)) is not None:
        # "the federal government's first filing in its investigation": the nearer party noun of its sentence
        name, kind = name_of(parse, noun, mentions, names, kb, code, previous, others=others, earlier=earlier,
                             taken=taken, document=document)
        if name and kind != "thing":
            return name, "pronoun"
    if tok.text.lower() in sd.neuter_pronouns:
        # "It has refused to accept blame": an organisation or a state, the last one named before it in its sentence
        # or the two before (else as any pronoun: the entities stage takes firms for people, "Nalco said it ...")
        # (not a name of its own clause that only modifies a noun: "Under U.S. political pressure, it agreed to set
        # up a fund" is BP, named before, not the United States)
        name = _last_before(tok, [*earlier, *others], names, lambda m: (m.type == "ORG" or (
            m.type == "LOC" and _kind(m, kb) in PARTICIPANT_KINDS)) and not _modifier_before(parse, m, tok, sd), taken)
        if name:
            return name, "pronoun"
    if is_pronoun(tok, code) and (sayer := _sayer(parse, tok, sd)) is not None and sayer.i != tok.i:
        # "Pastor said he wanted ...": who says what the pronoun does in the clause said
        # (the one who says it is often the sentence's source, which the cast leaves out: its people are back here)
        people = [m for m in others if m.type == "PER" and m.entity_id in names]
        name, kind = name_of(parse, sayer, [*mentions, *people], names, kb, code, previous, others=others,
                             speaker=speaker, earlier=earlier, taken=taken, document=document)
        if name and kind in ("entity", "name", "pronoun"):
            return name, "pronoun"
    if is_pronoun(tok, code):
        # "Hayward's handling ... and he chose to apologise": the person named last before the pronoun in its
        # sentence, else the subject of the sentence before
        # (the speaker counts here, whatever type the entities stage gave: "Calderon said he was rushing ...").
        # "It" never stands for a person the entities stage knows as one ("The commission, led by Bob Graham,
        # reported ... . It also called for ...": not Graham); left out when no organisation or state fits
        neuter = tok.text.lower() in sd.neuter_pronouns
        name = _last_before(tok, [*mentions, *others], names, lambda m: (m.type == "PER" and not neuter) or (
            speaker != "" and names[m.entity_id] == speaker), taken)
        if not name and previous and previous not in taken and not (neuter and any(
                m.type == "PER" and names.get(m.entity_id) == previous
                for m in (*document, *earlier, *others, *mentions))):
            name = previous
        return (name, "pronoun") if name else ("", "")
    if refers and (name := _referred(tok, refers, earlier, others, document, names, kb, taken)):
        return name, "pronoun"
    if name := _titled(parse, tok, code, [*earlier, *others], document, names, taken):
        return name, "pronoun"  # "The president rejected criticism": the one titled "President" before
    if {tok.text.lower(), tok.lemma.lower(), bare_form(tok.text, sd)} & sd.generic_party_nouns:
        # "pihak Polresta Palembang", "Pihak C9": the side is the name the entities stage missed; "sejumlah pihak",
        # a side no one names, is no participant
        named_in = next((t for t in tokens[1:] if t.pos == "PROPN"), None)
        if named_in is None:  # "pihak kepolisian": the party noun the side is, else no one named
            party = next((t for t in tokens[1:] if t.pos == "NOUN" and t.head == tok.i and is_party(t, code)), None)
            return (common_noun(parse, party, code), "noun") if party is not None else ("", "")
        run = [named_in]  # the proper nouns in a row ("Polresta Palembang"), however the parse hangs them
        while run[-1].i + 1 < len(parse.tokens) and parse.tokens[run[-1].i + 1].pos == "PROPN":
            run.append(parse.tokens[run[-1].i + 1])
        return " ".join(t.text for t in run), "name"
    noun = common_noun(parse, tok, code)
    if noun and not acting and not is_party(tok, code) and (owner := owner_of(parse, tok, code)) is not None:
        # "criticised the government's response", "memprotes kebijakan pemerintah": what is done to a party's act
        # is done to the party; "the company's response": the company named before
        if (owned := refers_to(parse, owner, code)) and (
                name := _referred(owner, owned, earlier, others, document, names, kb, taken)):
            return name, "pronoun"
        return common_noun(parse, owner, code), "noun"
    if noun:  # "police", "warga"; not a thing ("demanded safety precautions", "menyita senjata")
        return (noun, "noun") if is_party(tok, code) else (noun, "thing")
    if any(m.span.start < tok.end and tok.start < m.span.end for m in others):
        return "", ""  # the entities stage knows this name and left it out (a place, a dateline's outlet, the speaker)
    words = proper_name(parse, tok, code)
    if any(m.type in ("PER", "ORG") and m.span.start < w.end and w.start < m.span.end for m in others for w in words):
        return "", ""  # "Melansir AFP, kelompok ... mendesak": glued to a person or body left out (an outlet cited)
    name = " ".join(w.text for w in words)
    return (name, "name") if name and name.lower() not in sd.pronouns else ("", "")


def _ticket_partner(parse: Parse, t: Token, name: str, mentions: list[Mention], names: dict[str, str]) -> str:
    """The person named right after the person `name` of argument `t`'s phrase across a spaced dash ("Edy Rahmayadi -
    Musa Rajekshah", a ticket of two the parse made one name), else ''."""
    start, end = subtree_span(parse, t)
    people = sorted((m for m in mentions if m.type == "PER" and m.entity_id in names
                     and start <= m.span.start and m.span.end <= end), key=lambda m: m.span.start)
    for first, second in zip(people, people[1:]):
        between = [x for x in parse.tokens if first.span.end <= x.start and x.end <= second.span.start]
        if (names[first.entity_id] == name and len(between) == 1 and between[0].text in DASHES
                and first.span.end < between[0].start and between[0].end < second.span.start):
            return names[second.entity_id]
    return ""


def _coordinated(parse: Parse, t: Token) -> bool:
    """Whether a coordinating word ("and", "dan", "atau") hangs on `t` or on one of its dependents."""
    return any(c.dep == "cc" for x in [t, *parse.children(t)] for c in parse.children(x))


def _person_at(t: Token, mentions: list[Mention], types: tuple[str, ...] = ("PER",)) -> Mention | None:
    """The mention of one of `types` (a person by default) that token `t` stands in, or None."""
    return next((m for m in mentions if m.span.start <= t.start < m.span.end and m.type in types), None)


def _titles_of_names(parse: Parse, tokens: list[Token], mentions: list[Mention], code: str) -> set[int]:
    """Argument tokens that are only the title of a person named after them, set off by a comma, where the parse
    made the two a list:
    - a title of capitalised words and the language's title connectors, then ", Name," ("Menteri Pemuda dan
      Olahraga, Imam Nahrawi, mendukung ..."; the "dan" inside the title makes the parse a list of three);
    - a description and the name as two subjects of one verb ("Produser kawakan Hollywood yang tengah dirundung
      kasus, Harvey Weinstein membantah ..."): a description is a common noun."""
    sd, lex = syntax_data(code), lexicon(code)
    if sd is None or lex is None:
        return set()
    out: set[int] = set()

    def named_after_comma(c: Token, types: tuple[str, ...] = ("PER",)) -> bool:
        return (c.pos == "PROPN" and c.i > 0 and parse.tokens[c.i - 1].text == ","
                and _person_at(c, mentions, types) is not None)

    for t in tokens:
        if _person_at(t, mentions) is not None:
            continue
        conjuncts = parse.children(t, sd.conj)
        names = [c for c in conjuncts if named_after_comma(c)]
        if (len(names) == 1 and names[0] is conjuncts[-1] and t.text[:1].isupper()
                and _title(" ".join(x.text for x in parse.tokens[t.i:names[0].i - 1] if x.pos != "PUNCT"), lex)):
            out |= {t.i, *(c.i for c in conjuncts[:-1])}
        head = parse.head(t)
        # (a person's name the entities stage has not seen may come out as an organisation)
        if t.pos == "NOUN" and t.dep in sd.subject and head is not None and any(
                c.i > t.i and c.dep in sd.subject and named_after_comma(c, ("PER", "ORG"))
                for c in parse.children(head)):
            out.add(t.i)
    return out


def _party_noun_before(parse: Parse, tok: Token, sentence_mentions: list[Mention], code: str) -> Token | None:
    """The last definite party noun ("the government", "the company") before pronoun `tok` in its sentence, when no
    name stands between it and the pronoun; else None."""
    sd = syntax_data(code)
    nouns = [t for t in parse.tokens[:tok.i] if t.pos == "NOUN" and is_party(t, code) and _definite(parse, t, sd)
             and parse.head(t) is not tok]
    if not nouns:
        return None
    noun = nouns[-1]
    if any(noun.end <= m.span.start and m.span.end <= tok.start for m in sentence_mentions):
        return None
    # "The commission is the first group to wrap up its probe": the commission
    return predicate_subject(parse, noun, sd)


def _sayer(parse: Parse, tok: Token, sd) -> Token | None:
    """The subject of the verb of saying whose complement clause pronoun `tok` is the subject of ("Pastor said he
    wanted ...": Pastor), or None."""
    verb = parse.head(tok)
    if tok.dep not in sd.subject or verb is None or verb.dep not in sd.complement:
        return None
    saying = parse.head(verb)
    if saying is None or saying.pos not in ("VERB", "AUX"):
        return None
    return next((c for c in parse.children(saying, sd.subject) if c.pos in ("PROPN", "NOUN")), None)


def participants_of(parse: Parse, f: Frame, mentions: list[Mention], names: dict[str, str], kb: KnowledgeBase,
                    code: str, previous: str, others: list[Mention] = (), place_targets: bool = True,
                    times: list[tuple[int, int]] = (), speaker: str = "", earlier: list[Mention] = (),
                    speaker_side: str = "", document: list[Mention] = (),
                    relations: dict[tuple[str, str], str] | None = None,
                    ) -> tuple[list[str], list[str], list[str], list[str]]:
    """(actors, targets, kinds of what was found, things in the actor's place: "a tornado strikes") of a frame; a
    name is kept on one side only (actors first).
    Cities and regions are targets only when `place_targets` (an attack on Gaza; not a visit to Louisiana, where
    the place is where the talks were)."""
    kinds: list[str] = []
    things: list[str] = []
    sd = syntax_data(code)
    # for `f.speaker_ok`: the speaker, whom the cast leaves out, still does what his own verb says; no other name
    # left out ("Melansir AFP, kelompok pembela ... telah mendesak Beijing": the outlet cited urges no one)
    speaking = [m for m in others if m.entity_id in names and m.type in ("PER", "ORG") and names[m.entity_id] == speaker]

    def resolve(tokens: list[Token], places: bool = False, side: list[str] | None = None,
                taken: frozenset[str] = frozenset()) -> list[str]:
        out = []
        found = [(t, *name_of(parse, t, [*mentions, *speaking] if t.i in f.speaker_ok else mentions, names, kb, code,
                                   previous, places, others, times, speaker, earlier,
                                   speaker_side, acting=side is not None, taken=taken,
                                   bounds=f.bounds.get(t.i, UNBOUNDED), document=document, relations=relations))
                 for t in tokens]
        if side is not None:  # "an explosion on BP's rig killed 11 people": what acts is the explosion, whoever it
            # names (checked against non-agents), or what a name is in apposition ("the Deepwater Horizon, a rig")
            # (a vessel that only modifies an event noun is what was hit: "the 1988 plane bombing")
            side += [x.lemma.lower() for t in tokens for x in [t, *parse.children(t, APPOSITION)] if x.pos == "NOUN"
                     and not (t.i in f.name_only and x.lemma.lower() in sd.vessels)]
            side += [t.lemma.lower() for t in tokens if t.pos == "VERB"]  # a clause ("Washing hands requires effort")
        named = {t.i for t, _, kind in found if kind == "entity"}
        titles = _titles_of_names(parse, tokens, mentions, code)
        for t, name, kind in found:
            if t.i in titles:
                continue
            conjuncts = {c.i for c in parse.children(t, sd.conj)}  # "the government and BP": two
            if (len(conjuncts) == 1 and conjuncts <= named and t.pos == "NOUN" and not _coordinated(parse, t)
                    and all(parse.tokens[i].pos == "PROPN" for i in conjuncts)):
                # one name after a comma, no "and": the parse's conjunct is an apposition ("Kepala Dinas
                # Perhubungan, Ricky Gustiadi, menginstruksikan": the head is Ricky Gustiadi)
                conjuncts = set()
            # (not a conjunct of a name: "Tony Hayward ... and other directors", "Transocean and other contractors")
            if t.i not in named and ((t.head in named and t.dep not in sd.conj)
                                     or any(c.i in named - conjuncts for c in parse.children(t))
                                     or any(0 < n - t.i <= APPOSED_WORDS for n in named - conjuncts)):
                continue  # "the charity World Vision": the noun beside a name is that name
            if kind != "entity" and t.i in f.name_only:
                continue  # "air strikes": a modifier of an event noun counts only when it names someone
            if kind == "name" and not place_targets and t in f.targets and "with" not in f.how:
                continue  # "visited the Louisiana coast": what is visited is where the talks were, not a side
                # (a common noun that names no place but a party stays: "met families of the victims")
            if kind == "thing":
                kinds.append(kind)
                if side is not None:
                    side.append(name)
                continue
            if name and name not in out:
                out.append(name)
                kinds.append(kind)
                if kind == "entity" and (partner := _ticket_partner(parse, t, name, mentions, names)) not in ("", *out):
                    out.append(partner)  # "mendukung Edy Rahmayadi - Musa Rajekshah": the two of a ticket
                    kinds.append(kind)
        return out

    actors = resolve(f.actors, side=things)
    things += [t.lemma.lower() for t in f.settings]  # "killed in the explosion": checked against non-agents too
    targets = [n for n in resolve(f.targets, places=place_targets, taken=frozenset(actors)) if n not in actors]
    return actors, targets, kinds, things


def authority_of(text: str, trigger: tuple[int, int], sentence: tuple[int, int], window_start: int,
                 mentions: list[Mention], names: dict[str, str], speaker_side: str, lex) -> list[str]:
    """The law-enforcement bodies that do an authority's act told with no one doing it ("MSH ditangkap Senin",
    "Saat dilakukan penggeledahan, BNN menemukan ...", "the raid found weapons"); none when none is named.

    Bodies are the names of `mentions` (those from `window_start`, the sentences before as far as a pronoun
    reaches, to the sentence's end) that `lex.authorities` matches ("Polda Metro Jaya", "KPK"), names the entities
    stage missed (a word of `lex.authorities` and the capitalised words after it) and the common nouns of
    `lex.authority_nouns` ("polisi", "police"), in document `text` over the same range.

    Which body: the one named last before the trigger in its sentence; else the side of the sentence's speaker when
    it is such a body ('..., kata Kabid Humas Polda Metro Jaya'); else the first named after the trigger in the
    sentence; else the last named in the sentences before; with the bodies joined to it by "and" ("Polres Mataram dan
    Polres Lombok Barat")."""
    if lex.authorities is None and lex.authority_nouns is None:
        return []

    def an_authority(name: str) -> bool:
        """Whether `name` opens with a body's word, or with a unit word and holds one ("Satuan Reserse Narkoba
        Polres Depok"; not "RS Polri Kramat Jati")."""
        words = name.split(maxsplit=1)
        rest = words[1] if len(words) > 1 and words[0].lower() in lex.authority_units else name
        return any(p is not None and p.match(rest) for p in (lex.authorities, lex.authority_nouns))

    found = [(m.span.start, m.span.end, names[m.entity_id]) for m in mentions
             if m.entity_id in names and (an_authority(names[m.entity_id]) or an_authority(m.span.text))]
    for pattern, noun in ((lex.authorities, False), (lex.authority_nouns, True)):
        for h in [] if pattern is None else pattern.finditer(text, window_start, sentence[1]):
            if any(s <= h.start() < e for s, e, _ in found):
                continue  # inside a name already taken ("Reserse Narkoba Polresta Depok" holds "Polresta")
            if noun:
                found.append((h.start(), h.end(), h.group(0).lower()))
            elif h.group(0)[:1].isupper():
                # a name the entities stage missed: it opens with the word or a unit word before it, after a rank or
                # no capitalised word ("Kasat Reserse Narkoba", "Satuan Reserse"; not "RS Polri Kramat Jati"), and
                # runs on over capitalised words, up to a rank or a person ("Polres Metro Bekasi", "Polda Metro Jaya
                # Kombes Argo Yuwono", "KPK Febri Diansyah")
                opening = h.start()
                run = CAPITALISED_BEFORE.search(text, max(window_start, h.start() - NAME_BEFORE_CHARS), h.start())
                if run is not None and run.group(0).strip():
                    words = run.group(0).split()
                    if words[-1].lower() in lex.ranks:
                        pass  # "Kasat Reserse Narkoba": the body's name opens after the rank
                    elif unit := next((w for w in words if w.lower() in lex.authority_units), None):
                        opening = run.start() + run.group(0).index(unit)  # "Tim Satgas Merah Putih Polres Mataram"
                    else:
                        continue  # inside another name: "RS Polri Kramat Jati"
                end = h.end()
                for w in CAPITALISED_WORD.finditer(text, h.end(), sentence[1]):
                    if w.start() != end or w.group(1).lower() in lex.ranks or any(
                            m.type == "PER" and m.span.start <= w.start(1) < m.span.end for m in mentions):
                        break
                    end = w.end()
                found.append((opening, end, text[opening:end]))
    found.sort()

    def with_partners(k: int) -> list[str]:
        """Body `k` and the bodies joined to it by "and" or a comma ("Polres Mataram dan Polres Lombok Barat")."""
        first = last = k
        while first > 0 and _joined(text[found[first - 1][1]:found[first][0]], lex):
            first -= 1
        while last + 1 < len(found) and _joined(text[found[last][1]:found[last + 1][0]], lex):
            last += 1
        return list(dict.fromkeys(name for _, _, name in found[first:last + 1]))

    before = [k for k, (s, _, _) in enumerate(found) if sentence[0] <= s < trigger[0]]
    if before:
        return with_partners(before[-1])
    if speaker_side and an_authority(speaker_side):
        return [speaker_side]
    after = [k for k, (s, _, _) in enumerate(found) if s >= trigger[1]]
    if after:
        return with_partners(after[0])
    earlier = [k for k, (s, _, _) in enumerate(found) if s < sentence[0]]
    return with_partners(earlier[-1]) if earlier else []


def _joined(between: str, lex) -> bool:
    """Whether the text `between` two names joins them as one side: "and", "dan", a comma."""
    words = between.replace(",", " , ").split()
    return 0 < len(words) <= 2 and all(w == "," or w.lower() in lex.and_words for w in words)
