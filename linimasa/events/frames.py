"""Who did what to whom from a dependency parse (`linimasa.syntax`): the trigger's subject, object, oblique
arguments, passive agent, possessor, coordination and apposition, read through the language's `[syntax]` data.

- actors: the subject of an active trigger ("Police arrested ..."), the agent of a passive one ("ditangkap oleh
  polisi", "arrested by police"), the possessor or a name modifying an event noun ("Israel's attack", "US
  sanctions", "serangan Israel"), the subject of a light verb whose object the trigger is ("launched an attack");
  a trigger without its own subject takes the one of the verb it depends on ("refused to meet", "arrived and met");
- targets: the object, the subject of a passive ("Two men were arrested"), a target case word's noun ("against",
  "terhadap", "on"), the counterpart of talks ("with", "dengan");
- "between A and B": all are actors; "X and Y agreed": coordination shares the role;
- a pronoun stands for the last subject named before it; a common noun ("police", "warga") is kept as written
  when no name is inside the argument; the speaker of reported speech is never an argument here (his verb is not
  the trigger), places named as where it happened are the location.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .. import lang
from ..syntax import Parse, Token

# How deep inside an argument a name may sit ("the head of the Iranian government's delegation").
PHRASE_DEPTH = 3
# How far from its head word a proper name's other words may be ("Putu Kholis Aryana").
PROPER_NAME_WORDS = 4
# How many verbs up a trigger without its own subject looks for one ("X is working hard to get aid": two).
INHERIT_DEPTH = 3
# The token range of an argument's phrase when nothing bounds it (see Frame.bounds).
UNBOUNDED = (0, 1 << 30)


@dataclass(frozen=True)
class SyntaxData:
    subject: frozenset[str]
    passive_subject: frozenset[str]
    object: frozenset[str]
    oblique: frozenset[str]
    prep_object: frozenset[str]
    case: frozenset[str]
    possessor: frozenset[str]
    modifier: frozenset[str]
    conj: frozenset[str]
    inherit: frozenset[str]
    phrase: frozenset[str]
    agent_words: frozenset[str]
    target_words: frozenset[str]
    noun_target_words: frozenset[str]
    counterpart_words: frozenset[str]
    between_words: frozenset[str]
    location_words: frozenset[str]
    light_verbs: frozenset[str]
    pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    as_words: frozenset[str]
    noun_agent_words: frozenset[str]
    scene_words: frozenset[str]
    passive_morph: str
    # talks and agreements read from the parse ("X met Y": actor X, target Y): "always" or "never" (word order)
    symmetric_by_syntax: str
    type_target_words: dict[str, frozenset[str]]  # case words that mark the target of one type only ("seize from")
    type_actor_words: dict[str, frozenset[str]] = field(default_factory=dict)  # "a meeting of experts": who meets
    # objects with which a trigger of the type names no event ("meet a deadline")
    not_event_objects: dict[str, frozenset[str]] = field(default_factory=dict)
    not_event_modifiers: dict[str, frozenset[str]] = field(default_factory=dict)  # "a home visit": private life
    party_nouns: frozenset[str] = frozenset()  # common nouns that name a party ("police", "warga")
    party_pattern: re.Pattern[str] | None = None  # the rest of them by their form ("activist", "pelaku")
    not_party_nouns: frozenset[str] = frozenset()  # what the pattern takes that names no party ("pesawat")
    receive_verbs: frozenset[str] = frozenset()  # "BP faced accusations", "menuai kritik": the subject is the target
    receive_preps: frozenset[str] = frozenset()  # "BP came under criticism", "is under investigation": the same,
    receive_prep_verbs: frozenset[str] = frozenset()  # after these verbs
    complement: frozenset[str] = frozenset()  # clausal complements ("demanded BP commit", "asked X to go")
    # verbs whose object does what their complement says ("urged X to investigate"); with others the subject does
    # it ("he chose Facebook to apologise")
    object_control: frozenset[str] = frozenset()
    question_words: frozenset[str] = frozenset()  # "asked the players what they think": a question, no request
    complement_target_types: frozenset[str] = frozenset()  # types whose complement's subject is the target
    # types whose complement's object is the target: what is threatened is done to it ("threatened to sue BP")
    complement_object_types: frozenset[str] = frozenset()
    # types whose agent noun, the subject of a saying, targets the subject of what is said ("Critics said that
    # regulators ...")
    claim_target_types: frozenset[str] = frozenset()
    request_clauses: frozenset[str] = frozenset()  # relations of the clause saying what is asked ("agar ...")
    request_for: frozenset[str] = frozenset()  # "called for X to investigate": the word naming who is asked to act
    first_person: frozenset[str] = frozenset()  # "we will sue", "kami memohon": the speaker of the quote
    neuter_pronouns: frozenset[str] = frozenset()  # "it": an organisation or a state named before, never a person
    host_words: frozenset[str] = frozenset()  # "talks at the summit": the case words of an event held at another
    # a participle told at its main clause's time ("Speaking on Saturday, Obama blamed", "attacked BP last night by
    # accusing it"): its form in the parse's morphology ("" none) and the relations of its clause under the verb
    same_time_morph: str = ""
    same_time_clauses: frozenset[str] = frozenset()
    speaker_side_words: frozenset[str] = frozenset()  # "pihaknya": the side the last speaker speaks for
    definite: frozenset[str] = frozenset()  # "the", "itu": a noun with one refers back ("the company")
    naming: frozenset[str] = frozenset()  # object predicates: "a group called Boycott BP" names, reports no event
    warn_words: frozenset[str] = frozenset()  # "warned": a threat only when what is said names a coercive act
    content_clauses: frozenset[str] = frozenset()  # the clause that says what ("warned that ...")
    content_marks: frozenset[str] = frozenset()  # the word that opens it ("that", "bahwa")
    refer_nouns: dict[str, frozenset[str]] = field(default_factory=dict)  # "company"/"ORG"/"country" -> nouns
    # nouns that name a person by a tie to another ("Jackson's doctor", "istri Setya Novanto"), by kind of tie
    # ("doctor" -> doctor, physician): never the one they are tied to
    relation_nouns: dict[str, frozenset[str]] = field(default_factory=dict)
    relation_name: str = "{noun} {owner}"  # how such a person is written when no name is known for them
    # what stands between the one tied to and the person an apposition names by the tie ("Michael Jackson's
    # personal physician, Dr Conrad Murray"), with the tie's noun as group "noun" (else it stands before the one
    # tied to: `relation_before`, "pengacara Setya Novanto, Fredrich Yunadi")
    relation_between: re.Pattern[str] | None = None
    relation_before: re.Pattern[str] | None = None
    # the other order, the person first: what stands between the person and the one tied to ("Dr Conrad Murray,
    # Michael Jackson's physician"; "Fredrich Yunadi, kuasa hukum Setya Novanto": the noun here), and after the one
    # tied to (the noun there)
    relation_lead: re.Pattern[str] | None = None
    relation_tail: re.Pattern[str] | None = None
    relation_titles: dict[str, frozenset[str]] = field(default_factory=dict)  # kind of tie -> titles ("Dr")
    bare_agent: bool = False  # a noun right after a passive verb, without a case word, is its agent ("disita polisi")
    relative: frozenset[str] = frozenset()  # relative clauses: the noun they modify takes the subject's place
    relative_pronouns: frozenset[str] = frozenset()  # "who", "yang": stand for the noun the clause modifies
    agent_deps: frozenset[str] = frozenset()  # a passive's agent phrase ("by police"): the verb is passive
    perfect_aux: frozenset[str] = frozenset()  # "who had refused": a past participle after it is not passive
    talks_verbs: frozenset[str] = frozenset()  # "requested a meeting": light verbs of talks and agreements only
    quantity_words: frozenset[str] = frozenset()  # "sejumlah saksi", "dozens of protesters": who is the noun after
    quantity_case: frozenset[str] = frozenset()  # the case word between them ("of")
    list_marks: frozenset[str] = frozenset()  # words that open the names of a group ("three men, namely ...")
    responsibility_words: frozenset[str] = frozenset()  # "claimed responsibility for the attack": who did it
    responsibility_case: frozenset[str] = frozenset()  # the case word before the act ("for", "atas")
    negation_words: frozenset[str] = frozenset()  # determiners and adverbs that deny a clause ("no", "tidak")
    clash_words: frozenset[str] = frozenset()  # "clashed with police": every side of a clash acts
    means_words: frozenset[str] = frozenset()  # "launched a battle by suing them": the verb's subject sues
    help_words: frozenset[str] = frozenset()  # AID only when someone is helped ("help contain the oil": no aid)
    object_triggers: frozenset[str] = frozenset()  # events only with an object or an agent ("closed the border")
    party_object_triggers: frozenset[str] = frozenset()  # events only when a party is freed ("released the hostages")
    noun_triggers: frozenset[str] = frozenset()  # events only as nouns ("a deal with Iran"; "deal with the crisis")
    request_marks: frozenset[str] = frozenset()  # words that open what is asked ("agar", "supaya")
    # a noun predicate of a copula ("X is the first person to resign": person is X): the relation of such a noun to
    # the copula verb (spaCy's English "attr"), and the relation of a copula to its noun predicate (UD's "cop")
    predicate_nouns: frozenset[str] = frozenset()
    copula: frozenset[str] = frozenset()
    # what is written or said ("a letter requesting", "surat yang meminta"): who acts through it is who sent it
    message_nouns: frozenset[str] = frozenset()
    # organised efforts ("an appeal to help the people of Haiti", "upaya membantu korban"): aid, though a thing helps
    effort_nouns: frozenset[str] = frozenset()
    # who did an act, named by the act after them ("pelaku bom", "tersangka pembunuhan"): a person, not the act
    doer_nouns: frozenset[str] = frozenset()
    undergoer_nouns: frozenset[str] = frozenset()  # "tersangka", "suspect": a party noun trigger that undergoes it
    # what is said, decided or done by someone ("the plan", "kebijakan"): attacking it is criticism (ACCUSE)
    said_things: frozenset[str] = frozenset()
    # "fired tear gas to disperse protesters": the words that mark a purpose clause, and the types whose target, when
    # the trigger names none, is the one that clause acts on
    purpose_marks: frozenset[str] = frozenset()
    purpose_target_types: frozenset[str] = frozenset()
    suffer_verbs: frozenset[str] = frozenset()  # "warga tewas dalam serangan", "civilians died in the attack": victims
    # an active verb by its form ("menyita", "berunding"), for when the parse gives it no subject: who acts is the
    # name or party right before it, past `preface_words` ("BNN juga turut mengamankan")
    active_pattern: re.Pattern[str] | None = None
    preface_words: frozenset[str] = frozenset()
    # a transitive verb by its form ("meN-"): when the parse gives it no object, the name or party right after it
    transitive_pattern: re.Pattern[str] | None = None
    # a passive verb by its form ("ditahan", "didakwa"), whatever the tagger says; `not_passive` the nouns it takes
    passive_pattern: re.Pattern[str] | None = None
    not_passive: frozenset[str] = frozenset()
    possessive_suffixes: tuple[str, ...] = ()  # "keluarganya" (his family): the party noun is "keluarga"
    plural_reduplication: bool = False  # "pemuda-pemuda" (young men): the party noun is "pemuda"
    # agent nouns whose possessor or name after them is who they act on ("Obama's critics", "pembunuh Wiwit")
    object_agent_nouns: frozenset[str] = frozenset()
    generic_party_nouns: frozenset[str] = frozenset()  # "pihak", "side": a party only through the name it holds
    # "aid reaches the people of Haiti", "Aid has been slow to reach survivors", "bantuan sampai ke korban": aid
    # that is the subject of these verbs goes to their object or to the noun after `arrive_words`
    arrive_verbs: frozenset[str] = frozenset()
    gift_verbs: frozenset[str] = frozenset()  # "sent a team to Haiti": an aid verb whose object is what is given
    vessels: frozenset[str] = frozenset()  # "the rig sank, killing 11": an accident (non-agents hold them too)
    person_bodies: frozenset[str] = frozenset()  # "the Obama administration": a body named by the person heading it
    recipient: frozenset[str] = frozenset()  # its object relations that name who gets it ("gave the victims tents")
    arrive_words: frozenset[str] = frozenset()
    # A noun right after an event noun, without a case word, is a genitive ("serangan AS", "imbauan kepolisian":
    # who acts); for the event nouns `genitive_object_pattern` takes by their form, what is done to
    # ("penangkapan pelaku": the arrest of the suspect). English puts its genitive before the noun ("US sanctions").
    genitive_after: bool = False
    # a time expression the parse hangs on another verb does not date the trigger ("the meeting, set up two years
    # ago"); only where the parser is good enough at it (see the language files)
    date_by_parse: bool = False
    genitive_object_pattern: re.Pattern[str] | None = None


# How far after a verb's object "by" may stand and still name whose act the object is ("blame decisions by BP"; a
# byline's "By Linda Davidson" far before it does not)
ACT_OF_WORDS = 3
ASIDE_WORDS = 8  # the longest aside between commas read past ("warga sipil, termasuk perempuan dan anak-anak, tewas")
DETERMINER = frozenset({"det"})  # the relation of a determiner ("the", "itu") in spaCy's English and in UD
MARK = frozenset({"mark"})  # the relation of a complementizer ("that", "bahwa") in spaCy's English and in UD


def _relation_pattern(template: str, nouns: dict[str, list[str]]) -> re.Pattern[str] | None:
    """One of a language's `relation_between`, `relation_before`, `relation_lead`, `relation_tail` patterns, with its
    relation nouns put in for `{nouns}` (longest first); None when the language gives none."""
    if not template:
        return None
    alternatives = "|".join(sorted((re.escape(w) for ws in nouns.values() for w in ws), key=len, reverse=True))
    return re.compile(template.replace("{nouns}", alternatives), re.IGNORECASE)


def relation_of(t: Token, sd: SyntaxData) -> str:
    """The kind of tie noun `t` names a person by ("doctor" for "physician"), or ''."""
    forms = {t.lemma.lower(), t.text.lower()}
    return next((kind for kind, nouns in sd.relation_nouns.items() if forms & nouns), "")


@functools.cache
def syntax_data(code: str) -> SyntaxData | None:
    data = lang.load(code).get("syntax", {}) if code in lang.available() else {}
    if not data.get("model"):
        return None
    ties = data.get("relation_nouns", {})

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in data.get(key, []))

    return SyntaxData(*(words(k) for k in (
        "subject", "passive_subject", "object", "oblique", "prep_object", "case", "possessor", "modifier", "conj",
        "inherit", "phrase", "agent_words", "target_words", "noun_target_words", "counterpart_words", "between_words",
        "location_words", "light_verbs", "pronouns", "plural_pronouns", "as_words", "noun_agent_words", "scene_words")), data.get("passive_morph", "Voice=Pass"),
        str(data.get("symmetric_by_syntax", "never")),
        {t: frozenset(w.lower() for w in ws) for t, ws in data.get("type_target_words", {}).items()},
        type_actor_words={t: frozenset(w.lower() for w in ws) for t, ws in data.get("type_actor_words", {}).items()},
        not_event_objects={t: frozenset(w.lower() for w in ws) for t, ws in data.get("not_event_objects", {}).items()},
        not_event_modifiers={t: frozenset(w.lower() for w in ws) for t, ws in data.get("not_event_modifiers", {}).items()},
        party_pattern=re.compile(data["party_pattern"]) if data.get("party_pattern") else None,
        active_pattern=re.compile(data["active_pattern"]) if data.get("active_pattern") else None,
        transitive_pattern=re.compile(data["transitive_pattern"]) if data.get("transitive_pattern") else None,
        passive_pattern=re.compile(data["passive_pattern"]) if data.get("passive_pattern") else None,
        possessive_suffixes=tuple(data.get("possessive_suffixes", [])),
        complement_target_types=frozenset(data.get("complement_target_types", [])),
        complement_object_types=frozenset(data.get("complement_object_types", [])),
        purpose_target_types=frozenset(data.get("purpose_target_types", [])),
        claim_target_types=frozenset(data.get("claim_target_types", [])),
        refer_nouns={k: frozenset(w.lower() for w in ws) for k, ws in data.get("refer_nouns", {}).items()},
        relation_nouns={k: frozenset(w.lower() for w in ws) for k, ws in ties.items()},
        relation_name=data.get("relation_name", "{noun} {owner}"),
        relation_between=_relation_pattern(data.get("relation_between", ""), ties),
        relation_before=_relation_pattern(data.get("relation_before", ""), ties),
        relation_lead=_relation_pattern(data.get("relation_lead", ""), ties),
        relation_tail=_relation_pattern(data.get("relation_tail", ""), ties),
        relation_titles={k: frozenset(ws) for k, ws in data.get("relation_titles", {}).items()},
        bare_agent=bool(data.get("bare_agent", False)),
        plural_reduplication=bool(data.get("plural_reduplication", False)),
        genitive_after=bool(data.get("genitive_after", False)),
        date_by_parse=bool(data.get("date_by_parse", False)),
        same_time_morph=data.get("same_time_morph", ""),
        genitive_object_pattern=re.compile(data["genitive_object_pattern"]) if data.get("genitive_object_pattern") else None,
        **{k: words(k) for k in ("party_nouns", "not_party_nouns", "receive_verbs", "receive_preps", "receive_prep_verbs",
                                 "complement", "request_clauses", "request_for",
                                 "first_person", "object_control", "question_words", "definite", "naming", "warn_words", "content_clauses",
                                 "content_marks", "relative", "relative_pronouns", "agent_deps", "neuter_pronouns", "host_words",
                                 "same_time_clauses",
                                 "speaker_side_words", "perfect_aux", "talks_verbs", "quantity_words",
                                 "quantity_case", "list_marks", "responsibility_words", "responsibility_case",
                                 "negation_words", "clash_words", "suffer_verbs", "preface_words", "not_passive",
                                 "object_agent_nouns", "generic_party_nouns", "arrive_verbs", "gift_verbs",
                                 "recipient", "person_bodies", "vessels", "arrive_words", "means_words",
                                 "help_words", "object_triggers", "party_object_triggers", "noun_triggers",
                                 "request_marks", "predicate_nouns", "copula", "message_nouns", "effort_nouns", "doer_nouns",
                                 "said_things", "purpose_marks", "undergoer_nouns")})


@dataclass
class Frame:
    """The arguments found for one trigger, as tokens, and how they were found (features for the classifier)."""

    actors: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    locations: list[Token] = field(default_factory=list)
    trigger: Token | None = None
    how: list[str] = field(default_factory=list)
    name_only: set[int] = field(default_factory=set)  # tokens that count only when they name an entity
    # what an agentless passive happened in ("were killed in the explosion"): a force of nature or an accident there
    # is what did it
    settings: list[Token] = field(default_factory=list)
    # arguments read from word order, where the parse is wrong: token -> (first, last) token their phrase may span
    bounds: dict[int, tuple[int, int]] = field(default_factory=dict)
    # tokens that may be the speaker: who speaks in the clause the event is the scene of ("Merkel said during a
    # visit to Austria": Merkel visited)
    speaker_ok: set[int] = field(default_factory=set)


def _case_word(parse: Parse, t: Token, sd: SyntaxData) -> tuple[str, Token | None]:
    """For an oblique dependent: (its case word, the noun). English prep heads its pobj; UD puts the case word
    under the noun."""
    if (t.dep in sd.oblique or t.dep in sd.object) and t.pos == "ADP":  # (a dative case word: "provide aid to them")
        objs = parse.children(t, sd.prep_object)
        return t.lemma.lower(), (objs[0] if objs else None)
    cases = parse.children(t, sd.case)
    return (cases[0].text.lower() if cases else ""), t


def _uncased_modifier(parse: Parse, trig: Token, c: Token, sd: SyntaxData) -> bool:
    """Whether dependent `c` of event noun `trig` modifies it in a modifier relation, without a case word."""
    return trig.pos in ("NOUN", "PROPN") and c.dep in sd.modifier and not parse.children(c, sd.case)


def _bare_modifier(parse: Parse, trig: Token, c: Token, sd: SyntaxData) -> bool:
    """Whether dependent `c` of event noun `trig` modifies it from before, without a case word, in a relation the
    language also uses for obliques ("the Justice Department civil probe", where the parse makes "Department" an
    nmod; a noun after the trigger is a genitive or an oblique: `_genitive`)."""
    return c.i < trig.i and c.pos in ("PROPN", "ADJ", "NOUN") and _uncased_modifier(parse, trig, c, sd)


def _genitive(parse: Parse, trig: Token, c: Token, sd: SyntaxData) -> bool:
    """Whether dependent `c` of event noun `trig` is the genitive after it ("serangan AS"; not "serangan di Gaza")."""
    return sd.genitive_after and c.i > trig.i and c.pos in ("NOUN", "PROPN") and _uncased_modifier(parse, trig, c, sd)


def owner_of(parse: Parse, t: Token, code: str) -> Token | None:
    """The party noun that owns common noun `t`: its possessor ("the government's response") or the genitive after it
    ("kebijakan pemerintah"), when that names a party; else None."""
    sd = syntax_data(code)
    owners = [c for c in parse.children(t) if c.pos == "NOUN" and (c.dep in sd.possessor or _genitive(parse, t, c, sd))]
    return next((c for c in owners if is_party(c, code)), None)


def _with_conj(parse: Parse, t: Token, sd: SyntaxData) -> list[Token]:
    out, todo = [], [t]
    while todo:
        x = todo.pop(0)
        if x not in out:
            out.append(x)
            todo += parse.children(x, sd.conj)
    return out


def _passive_by_form(t: Token, sd: SyntaxData) -> bool:
    """Whether `t` is a passive verb by its form ("ditahan", "didakwa"), whatever the tagger says."""
    return _matches(sd.passive_pattern, t.text) and t.text.lower() not in sd.not_passive


def _passive(parse: Parse, t: Token, sd: SyntaxData) -> bool:
    return sd.passive_morph in t.morph or bool(parse.children(t, sd.passive_subject | sd.agent_deps))


def is_passive(parse: Parse, t: Token, code: str) -> bool:
    """Whether `t` is a passive verb, by its morphology, its passive arguments or its form ("ditahan")."""
    sd = syntax_data(code)
    return sd is not None and (_passive(parse, t, sd) or _passive_by_form(t, sd))


def frame(parse: Parse, start: int, end: int, code: str, symmetric: bool, etype: str = "") -> Frame | None:
    """The frame of the trigger at document offsets [start, end) of PLOVER type `etype`, or None when the language
    has no syntax data."""
    sd = syntax_data(code)
    trig = parse.at(start, end)
    if sd is None or trig is None:
        return None
    f = Frame(trigger=trig)
    passive_form = _passive_by_form(trig, sd)
    passive = _passive(parse, trig, sd) or passive_form
    bare = _bare_agent(parse, trig, sd) if passive else None
    if bare is not None:
        f.actors.append(bare)
        f.how.append("bare_agent")
    # A trigger of several words ("kerja sama dengan lembaga", "meminta maaf kepada korban"): the parse may hang
    # an argument on any of them
    inside = {t.i for t in parse.tokens if t.start < end and start < t.end}
    # (a word of the trigger itself is no argument: "funds" in "raise funds for the victims"; its case word still
    # leads to one: "with" in "working with Unicef")
    dependents = [c for c in parse.children(trig) if c.i not in inside or c.pos == "ADP"] + [
        c for i in sorted(inside - {trig.i}) for c in parse.children(parse.tokens[i]) if c.i not in inside]
    slot = _in_clause(parse, trig, sd)  # "a series of air strikes on Gaza": the count holds the noun's phrases too
    if slot is not trig:
        dependents += [c for c in parse.children(slot) if c.i != trig.head and c.dep not in sd.modifier]
    acted_on = trig.pos == "NOUN" and bool({trig.lemma.lower(), trig.text.lower()} & sd.object_agent_nouns)
    for c in dependents:
        if c is bare:
            continue
        if acted_on and (c.dep in sd.possessor or (c.dep in sd.modifier and c.i > trig.i and c.pos == "PROPN")):
            f.targets.append(c)  # "his critics", "Obama's opponents", "pembunuh Wiwit": whom they act on
            f.how.append("agent_noun_object")
            continue
        if c.dep in sd.subject:
            (f.targets if passive else f.actors).append(c)  # "Dua tersangka ditangkap": di- verbs are passive
            f.how.append("passive_subj" if passive else "subj")
            if not passive and trig.pos == "VERB":
                # the subject of the event's own verb does it, speaker or not ("Senate Republican leader Mitch
                # McConnell warned Obama": McConnell, not the Senate of his title)
                f.speaker_ok.add(c.i)
        elif c.dep in sd.passive_subject:
            f.targets.append(c)
            f.how.append("passive_subj")
        elif (c.dep in sd.object - sd.recipient and etype == "AID"
              and {trig.text.lower(), trig.lemma.lower()} & sd.gift_verbs
              and not ((c.pos == "PROPN" or is_party(c, code)) and any(
                  _case_nouns(parse, x, sd, sd.counterpart_words) for x in (trig, c)))):
            # (not "provided the villagers with food": the one provided with it gets it)
            # "sent a team out to Haiti": the team is the aid; Haiti, after "to", gets it (the parse may hang that on
            # the aid: "menyalurkan bantuan kepada korban")
            f.targets += _case_nouns(parse, c, sd, sd.target_words | sd.type_target_words.get(etype, frozenset()))
            f.how.append("gift")
        elif c.dep in sd.object and _clause_apposition(parse, trig, c, sd):
            continue  # "sued BP ..., the federal government's first legal filing": what the act was, no side
        elif c.dep in sd.object:
            # (a dative case word stands for its noun: "provided tents for the families")
            f.targets += [c] if c.pos != "ADP" else parse.children(c, sd.prep_object)
            f.how.append("obj")
        elif _genitive(parse, trig, c, sd) and not _matches(sd.active_pattern, trig.text) and not passive_form:
            # (a verb by its form the tagger took for a noun keeps its word order: "polisi menyita barang bukti")
            if not symmetric and _matches(sd.genitive_object_pattern, trig.text):
                f.targets.append(c)  # "penangkapan pelaku": the arrest of the suspect
                f.how.append("genitive_object")
            else:
                f.actors.append(c)  # "serangan AS", "imbauan kepolisian"; a thing ("bantuan hukum") names no one
                if c.pos == "NOUN" and not is_party(c, code):
                    f.name_only.add(c.i)  # "tersangka kasus": the case is no one, and no one named acts
                f.how.append("genitive")
        elif c.dep in sd.possessor and trig.pos == "VERB":
            f.targets.append(c)  # a verb has no possessor: the parse's name for the object it lost ("mendesak McGregor")
            f.how.append("poss_of_verb")
        elif c.dep in sd.possessor:
            f.actors.append(c)
            f.how.append("poss")
        elif (c.dep in sd.oblique or parse.children(c, sd.case)) and not _bare_modifier(parse, trig, c, sd):
            word, noun = _case_word(parse, c, sd)
            if noun is None:
                continue
            if word in sd.request_for and etype in sd.complement_target_types and _asked_for(parse, trig, None, sd):
                f.targets.append(noun)  # "called for the Coast Guard to investigate": the Coast Guard is asked
                f.how.append("request_for")
            elif word in sd.agent_words:
                if passive or trig.pos in ("NOUN", "PROPN") or not parse.children(trig, sd.subject):
                    f.actors.append(noun)
                    f.how.append("agent")
                elif (done := parse.children(trig, sd.object)) and not any(is_party(o, code) for o in done) and (
                        0 < c.i - max(o.i for o in done) <= ACT_OF_WORDS):
                    # an active verb with its own subject: "blame decisions by BP" (the parse hangs "by" on the
                    # verb): what is done to a party's act is done to the party
                    f.targets.append(noun)
                    f.how.append("act_of")
            elif trig.pos in ("NOUN", "PROPN") and word in sd.type_actor_words.get(etype, ()):
                f.actors.append(noun)  # "a meeting of experts", "a protest of workers"
                f.how.append(f"member:{word}")
            elif word in sd.between_words:
                f.actors.append(noun)
                f.how.append("between")
            elif symmetric and word in sd.counterpart_words:
                f.targets.append(noun)
                f.how.append("with")
            elif (word in sd.target_words or word in sd.type_target_words.get(etype, ())
                  or (trig.pos in ("NOUN", "PROPN") and word in sd.noun_target_words)):
                f.targets.append(noun)
                f.how.append(f"case:{word}")
            elif trig.pos in ("NOUN", "PROPN") and word in sd.noun_agent_words:
                f.actors.append(noun)  # "criticism from Republicans", "bantuan dari Jepang"
                f.how.append(f"noun_agent:{word}")
            elif word in sd.location_words:
                f.locations.append(noun)
        elif c.dep in sd.complement | sd.request_clauses and etype in sd.complement_target_types and not (
                _tail_attribution(parse, c, sd)):
            # "Jindal demanded the federal government and BP commit to ...": who is asked is the complement's subject
            subjects = parse.children(c, sd.subject)
            if not subjects and sd.passive_pattern is not None and not _passive_by_form(c, sd):
                # "meminta agar Jonan lebih tanggap": in a language that marks the passive by the verb's form, a
                # clause not passive by form whose subject the parse called passive (the tagger's Voice=Pass too)
                subjects = parse.children(c, sd.passive_subject)
            f.targets += subjects
            f.how += ["complement_subj"] * bool(subjects)
        elif etype in sd.complement_target_types and c.pos in ("VERB", "AUX") and any(
                m.text.lower() in sd.request_for for m in parse.children(c, {"mark"})):
            # "pleaded for the commission to take a stand": who is asked is the subject the for-clause names
            subjects = parse.children(c, sd.subject)
            f.targets += subjects
            f.how += ["request_for"] * bool(subjects)
        elif c.dep in sd.complement and etype in sd.complement_object_types and c.pos == "VERB":
            # "Louisiana is threatening to sue the company", "mengancam akan menutup layanan GrabCar": the one the
            # threatened act would be done to is who is threatened
            objects = parse.children(c, sd.object)
            f.targets += objects
            f.how += ["complement_obj"] * bool(objects)
        elif c.dep in sd.modifier and passive_form and c.i < trig.i and c.pos in ("PROPN", "NOUN"):
            # "Mantan Bendahara Umum Partai Hanura itu ditahan": the tagger took the di- verb for a noun and its
            # subject for a modifier; the subject of a passive undergoes it
            f.targets.append(c)
            f.how.append("passive_subj")
        elif c.dep in sd.modifier and trig.pos in ("NOUN", "PROPN") and c.pos in ("PROPN", "ADJ", "NOUN"):
            f.actors.append(c)  # "US sanctions", "Israeli strikes", "serangan Israel"; kept only if it names one,
            if not (c.pos == "NOUN" and is_party(c, code)):  # or is a party ("the police inquiry", "rebel attacks")
                f.name_only.add(c.i)
            f.how.append("modifier")
    head = parse.head(slot)  # "a plethora of lawsuits were filed": the clause holds the count
    # a past participle on a noun is passive ("protesters detained by police", "those killed in the disaster");
    # "the guests who had refused" is a perfect, active
    participle = (head is not None and slot.dep in sd.relative and "VerbForm=Part" in trig.morph
                  and "Tense=Past" in trig.morph
                  and not any(c.lemma.lower() in sd.perfect_aux for c in parse.children(trig)))
    # a clause whose subject is a relative pronoun is a relative clause on the noun before it, whatever relation
    # the parse gave it ("Condoleezza Rice, yang mengecam keras penangkapan ...": a conjunct of Rice's title)
    relative = slot.dep in sd.relative or (
        head is not None and head.i < slot.i and slot.pos == "VERB"
        and any(c.text.lower() in sd.relative_pronouns for c in parse.children(slot, sd.subject | sd.passive_subject)))
    if head is not None and relative and head.pos in ("NOUN", "PROPN"):
        # "dua pria yang ditangkap", "the man who attacked": the noun the clause modifies is the verb's subject
        side = f.targets if passive or participle else f.actors
        if all(t.text.lower() in sd.relative_pronouns for t in side) or (
                passive and any(t.text.lower() in sd.relative_pronouns for t in side)):
            # (a passive's other case phrases stay beside it: "Hayward, who was criticised for his leadership")
            # (a thing's owner does what the thing is for: "its right to appeal", "his decision to resign")
            owners = [] if is_party(head, code) else parse.children(head, sd.possessor)
            side[:] = (owners or [head]) + [t for t in side if t.text.lower() not in sd.relative_pronouns]
            f.how.append("relative")
            # the one a relative clause tells of takes part in it, speaker or not ("Fannie Mae, which was seized
            # by the government, reported a loss"; "Smith, who was arrested on Monday, said he was innocent")
            f.speaker_ok |= {t.i for t in owners or [head]}
    f.actors = [t for t in f.actors if t.text.lower() not in sd.relative_pronouns]
    f.targets = [t for t in f.targets if t.text.lower() not in sd.relative_pronouns]
    if head is not None and {head.lemma.lower(), head.text.lower()} & sd.receive_verbs and (
            slot.dep in sd.object or (slot.dep in sd.oblique and not parse.children(slot, sd.case))):
        # "Hayward has drawn withering criticism", "BP faced accusations", "dijatuhi sanksi" (the parse makes the
        # noun of a passive an oblique without a case word): who receives it is its target; who gives it may
        # follow ("criticism from lawmakers", on the verb or on the noun)
        f.targets += parse.children(head, sd.subject | sd.passive_subject) or _subjects(parse, head, sd)
        if all(a.i in f.name_only for a in f.actors):
            f.actors += _case_nouns(parse, head, sd, sd.noun_agent_words | sd.agent_words)
        f.how.append("received")
    if not f.targets and head is not None and head.text.lower() in sd.receive_preps and slot.dep in sd.prep_object \
            and (verb := parse.head(head)) is not None and verb.i < head.i and verb.lemma.lower() in sd.receive_prep_verbs:
        # "BP has come under heavy criticism from the White House", "the firm is under investigation": who is
        # under it is the subject of the verb the preposition follows (not "Under the deal, Iran will limit ...")
        f.targets += parse.children(verb, sd.subject | sd.passive_subject) or _subjects(parse, verb, sd)
        f.how.append("under")
    if not f.targets and etype == "AID" and head is not None and slot.dep in sd.subject | sd.passive_subject:
        arriving = [v for v in _chain(parse, head, sd) if {v.lemma.lower(), v.text.lower()} & sd.arrive_verbs]
        for v in arriving[:1]:  # "aid reaches the people of Haiti", "bantuan itu sampai ke tangan korban"
            f.targets += parse.children(v, sd.object) + _case_nouns(parse, v, sd, sd.arrive_words)
            f.how.append("arrives")
    if not f.targets and etype == "AID" and {trig.lemma.lower(), trig.text.lower()} & sd.help_words:
        # "help people feel secure", "help Haiti recover": who is helped is the subject of the clause it completes;
        # "help struggling fishermen", where the parse makes the participle a clause: that one's object
        for c in parse.children(trig, sd.complement):
            helped = parse.children(c, sd.subject) or (parse.children(c, sd.object) if c.i == trig.i + 1 else [])
            if helped:
                f.targets += helped
                f.how.append("helped")
                break
    if etype in sd.purpose_target_types and trig.pos == "VERB" and not any(
            t.pos == "PROPN" or is_party(t, code) for t in f.targets):
        # "Police fired tear gas to disperse protesters", "menembakkan gas air mata untuk membubarkan massa": what
        # is fired is a thing; whom it is fired at is who the purpose clause acts on
        for c in parse.children(trig, sd.inherit - sd.conj):
            if c.pos == "VERB" and any(m.text.lower() in sd.purpose_marks for m in parse.children(c)):
                acted = [o for o in parse.children(c, sd.object) if o.pos == "PROPN" or is_party(o, code)]
                if acted:
                    f.targets += acted
                    f.how.append("purpose")
                    break
    if all(a.i in f.name_only for a in f.actors):  # none, or only modifiers that may name no one ("medical aid")
        named = _designated(parse, trig, sd)
        if named is not None:  # "KPK menetapkan Rudi sebagai tersangka", "police named him as a suspect"
            verb, named_one = named
            if _passive(parse, verb, sd):
                f.actors += _case_nouns(parse, verb, sd, sd.agent_words)
                f.targets += parse.children(verb, sd.passive_subject | sd.subject)
            else:
                f.actors += _subjects(parse, verb, sd)
                f.targets += [named_one] if named_one is not None else parse.children(verb, sd.object)
            f.how.append("designated")
        elif head is not None and slot.dep in sd.object and (
                head.lemma.lower() in sd.light_verbs or (symmetric and head.lemma.lower() in sd.talks_verbs)):
            # "Israel launched an attack on Gaza"; "World Vision is working hard to get aid through to the victims"
            subjects = _subjects(parse, head, sd)
            f.actors += subjects
            if symmetric and head.lemma.lower() in sd.talks_verbs:
                f.speaker_ok |= {t.i for t in subjects}  # "'...,' Feinberg told the meeting": he took part
            if not f.targets:
                # (the noun's own case words too, which the parse hangs on the verb: "launched air strikes on Gaza")
                f.targets += _case_nouns(parse, head, sd, sd.target_words | sd.type_target_words.get(etype, frozenset())
                                         | (sd.noun_target_words if trig.pos in ("NOUN", "PROPN") else frozenset()))
            f.how.append("light_verb")
        elif (carrier := _passive_carrier(parse, trig, slot, sd)) is not None:
            # "Sanctions were imposed on Russia by the EU", "penganiayaan yang dilakukan terhadap Axel oleh anggota":
            # the passive light verb names who did it and to whom
            agents = _case_nouns(parse, carrier, sd, sd.agent_words)
            if not agents and (bare_agent := _bare_agent(parse, carrier, sd)) is not None:
                agents = [bare_agent]  # "serangan udara yang dilancarkan Israel": no "oleh"
            f.actors += agents
            if not f.targets:
                f.targets += _case_nouns(parse, carrier, sd, sd.target_words | sd.noun_target_words
                                         | sd.type_target_words.get(etype, frozenset()))  # the noun's own words
            f.how.append("passive_light_verb")
        elif head is not None and slot.dep in sd.object and trig.pos in ("NOUN", "PROPN") and (
                agents := _case_nouns(parse, head, sd, sd.noun_agent_words)):
            f.actors += agents  # "the plan drew criticism from Republicans": the parse hangs "from" on the verb
            f.how.append("noun_agent_of_verb")
        elif (scene := _scene_verb(parse, trig, sd)) is not None:
            # "Dalam penggerebekan itu, polisi menyita ...", "During the raid, police seized ...": who raided is
            # who acts in the clause the raid is the scene of; who dies or is hurt there suffers it
            suffered = {scene.lemma.lower(), scene.text.lower()} & sd.suffer_verbs
            subjects = _subjects(parse, scene, sd)
            (f.targets if suffered else f.actors).extend(subjects)
            f.speaker_ok |= {t.i for t in subjects}
            f.how.append("scene_suffered" if suffered else "scene")
        elif head is not None and slot.dep in sd.inherit and not passive:
            # "refused to meet", "arrived and met"; not a passive ("mengatakan MSH ditangkap": the speaker
            # did not arrest)
            # the trigger's own subject was read above (a relative "yang" left out), so this starts at the verb
            # above: the one it urges ("urged X to investigate"), the passive subject it shares ("was horrified and
            # imposed", "is set to request"), else its subject, as _subjects reads each step
            asked = parse.children(head, sd.object) if slot.dep in sd.complement and _controls(head, sd) else []
            asked = asked or _asked_for(parse, head, slot, sd)  # "called for the Coast Guard to investigate"
            shared = parse.children(head, sd.passive_subject) if slot.dep in sd.conj | sd.complement else []
            inherited = asked or shared or _subjects(parse, head, sd)
            f.actors += inherited
            f.how.append("inherited")
            if slot.dep in sd.complement and not asked and not shared:
                # who says he did it did it ("Ganjar mengklaim telah memerintahkan ...": Ganjar, the speaker too)
                f.speaker_ok |= {t.i for t in inherited}
    if passive and not f.actors:
        # "ditangkap lalu diinterogasi oleh petugas", "arrested and questioned by police", "diminta mundur oleh
        # keluarganya": the agent of a verb the passive leads to (coordinated or completing it) did this too
        for c in parse.children(trig, sd.inherit | sd.complement):
            if c.pos in ("VERB", "AUX") and (agents := _case_nouns(parse, c, sd, sd.agent_words)):
                f.actors += agents
                f.how.append("shared_agent")
                break
    if (passive or participle) and not f.actors:
        f.settings = _case_nouns(parse, trig, sd, sd.scene_words)
    if passive and not f.targets and head is not None and slot.dep in sd.conj | sd.inherit and not parse.children(
            trig, sd.subject | sd.passive_subject):
        # "Bush tried to reverse them but was accused of ...", "Setnov telah dipanggil untuk diperiksa oleh KPK": a
        # passive without a subject of its own shares the one of the verb it is coordinated with or completes, and
        # that one undergoes it (whoever did it: "oleh KPK")
        f.targets += parse.children(head, sd.passive_subject) or _subjects(parse, head, sd)
        f.how.append("inherited_passive")
    if not f.actors and trig.pos == "NOUN" and is_party(trig, code) and not (
            {trig.lemma.lower(), trig.text.lower()} & sd.undergoer_nouns):
        # (not "Zumi ditetapkan sebagai tersangka": the suspect is the one accused)
        f.actors.append(trig)  # "protesters have spilled onto the streets", "Investigators found": they did it
        f.how.append("trigger_acts")
        if not f.targets and etype in sd.claim_target_types and head is not None and slot.dep in sd.subject:
            # "Critics said that regulators are repeating the same mistakes": whom they accuse is the subject of
            # what they say
            claimed = [x for c in parse.children(head, sd.complement) for x in parse.children(c, sd.subject)]
            f.targets += claimed
            f.how += ["claim_subj"] * bool(claimed)
    if not f.targets and etype in sd.claim_target_types and trig.pos == "NOUN":
        # "repeated charges that regulators were too cosy with oil companies": the claim's content names whom it
        # accuses
        said = [c for c in parse.children(trig, sd.content_clauses | sd.relative)
                if any(m.text.lower() in sd.content_marks for m in parse.children(c, MARK))]
        # (an active subject only: "complaints that BP is being scapegoated" accuse whoever scapegoats BP)
        f.targets += [x for c in said for x in parse.children(c, sd.subject) if not _passive(parse, c, sd)]
        f.how += ["claim_content"] * bool(said)
    if {trig.lemma.lower(), trig.text.lower()} & sd.clash_words:
        # "Protesters clashed with police", "bentrokan antara pasukan Iran dan pemberontak Kurdi": every side of a
        # clash fights, none is only fought (as readers annotate clashes: all sides act)
        f.actors += f.targets + _case_nouns(parse, trig, sd, sd.counterpart_words)
        f.targets = []
        f.how.append("clash_with")
    if not [a for a in f.actors if a.i not in f.name_only] and (claimers := _responsible(parse, trig, sd)):
        # (a modifier that counts only if it names someone does not stand in the way: "serangan udara")
        f.actors += claimers  # "ISIS menyatakan bertanggung jawab atas serangan itu": ISIS attacked
        f.how.append("responsible")
    # A parse that lost the verb ("polisi menyita": menyita as a noun under polisi) still leaves the word order its
    # form implies: the subject of an active verb stands right before it, and so does who undergoes a passive one
    # ("Setya Novanto bisa langsung ditahan")
    if not f.actors and not passive and _matches(sd.active_pattern, trig.text):
        _word_order_before(parse, trig, sd, f, f.actors, "word_order")
    if not f.targets and passive_form:
        _word_order_before(parse, trig, sd, f, f.targets, "word_order_passive")
    if not f.targets and trig.pos in ("NOUN", "PROPN") and trig.i > 0 and (
            receiver := parse.tokens[trig.i - 1]).text.lower() in sd.receive_verbs and parse.head(trig) is not receiver:
        _word_order_before(parse, receiver, sd, f, f.targets, "word_order_received")  # "Google menyangkal tuduhan"
    if (suffered := _sufferer_before(parse, trig, sd)) is not None and not any(t.i == suffered[0].i for t in f.targets):
        # (whatever else the parse hung on the event as its target: "tewas dalam serangan ... pada Juli lalu")
        victim, verb = suffered  # "Lima warga sipil tewas dalam serangan Israel", where the parse lost "tewas"
        f.targets.append(victim)
        f.bounds[victim.i] = (0, verb.i - 1)  # its phrase ends before the verb
        first = parse.head(victim)  # "Empat polisi dan tiga pekerja tewas dalam serangan itu": both died
        if victim.dep in sd.conj and first is not None and first.pos in ("NOUN", "PROPN") and first.i < victim.i:
            f.targets.append(first)
            f.bounds[first.i] = (0, victim.i - 1)
        f.how.append("word_order_suffered")
    if not f.targets and trig.pos in ("NOUN", "PROPN"):
        # "Protes oleh pengemudi taksi terhadap aplikasi Uber": the parse hangs the target on the one who acts
        marks = sd.target_words | sd.type_target_words.get(etype, frozenset())
        for a in f.actors:
            for c in parse.children(a):
                word, noun = _case_word(parse, c, sd)
                if noun is not None and c.i > a.i and word in marks:
                    f.targets.append(noun)
                    f.how.append("target_on_actor")
    last = max(inside)
    if (not f.targets and not passive and last + 1 < len(parse.tokens)
            and _matches(sd.transitive_pattern, trig.text) and not parse.children(trig, sd.object)
            and parse.tokens[last + 1].pos in ("NOUN", "PROPN")
            and parse.tokens[last + 1].dep not in sd.subject | sd.passive_subject):  # "melaporkan Google memilih"
        f.targets.append(parse.tokens[last + 1])  # "mendesak McGregor untuk ...", where the parse lost the object
        f.bounds[last + 1] = (last + 1, len(parse.tokens) - 1)
        f.how.append("word_order_object")
    f.actors = [_plural_antecedent(parse, t, sd) for t in f.actors]
    f.actors = [x for t in f.actors for s in _senders(parse, t, sd)
                for x in _with_conj(parse, _listed(parse, predicate_subject(parse, _doer(parse, s, sd), sd), sd), sd)]
    f.targets = [x for t in f.targets
                 for x in _with_conj(parse, _listed(parse, predicate_subject(parse, t, sd), sd), sd)
                 if x not in f.actors]
    return f


def _matches(pattern: re.Pattern[str] | None, word: str) -> bool:
    """Whether `word` has the form `pattern` describes (a verb's prefix: "menyita", "ditangkap"); no pattern, no."""
    return pattern is not None and bool(pattern.match(word.lower()))


def _word_order_before(parse: Parse, trig: Token, sd: SyntaxData, f: Frame, side: list[Token], how: str) -> None:
    """Put on `side` the noun or name right before the trigger (`_before`), its phrase kept to its side of the
    verb (a wrong parse may hang the rest of the clause on it)."""
    before = _before(parse, trig, sd)
    if before is not None:
        side.append(before)
        f.bounds[before.i] = (0, before.i)
        f.how.append(how)


def _before(parse: Parse, verb: Token, sd: SyntaxData) -> Token | None:
    """The noun or name right before `verb`, past adverbs and auxiliaries (`preface_words`); None when something
    else stands there ("yang", a comma, a verb)."""
    i = verb.i - 1
    while i >= 0 and parse.tokens[i].text.lower() in sd.preface_words:
        i -= 1
    if i > 0 and parse.tokens[i].text == "," and parse.tokens[i - 1].pos == "PROPN":
        i -= 1  # the comma that closes a name in apposition ("Mantan auditor BPK, Sigit Yugoharto, didakwa")
    if i < 0 or parse.tokens[i].pos not in ("NOUN", "PROPN"):
        return None
    return parse.tokens[i]


def _sufferer_before(parse: Parse, trig: Token, sd: SyntaxData) -> tuple[Token, Token] | None:
    """By word order, who suffers the event noun `trig` that a scene word and a suffering verb come right before
    ("warga sipil tewas dalam serangan", "civilians died in the attack"): (the noun or name before the verb, past
    its adjectives; the verb), or None when the words are not so."""
    i = trig.i - 1
    if trig.pos not in ("NOUN", "PROPN") or i < 1 or parse.tokens[i].text.lower() not in sd.scene_words:
        return None
    verb = parse.tokens[i - 1]
    if not ({verb.text.lower(), verb.lemma.lower()} & sd.suffer_verbs):
        return None
    j = verb.i - 1
    if j > 0 and parse.tokens[j].text == ",":  # "16 warga sipil, termasuk perempuan dan anak-anak, tewas dalam ...":
        opening = next((k for k in range(j - 1, max(-1, j - 1 - ASIDE_WORDS), -1) if parse.tokens[k].text == ","), None)
        if opening is not None:  # the aside between commas is not who suffers
            j = opening - 1
    while j >= 0 and (parse.tokens[j].text.lower() in sd.preface_words or parse.tokens[j].pos == "ADJ"):
        j -= 1
    return (parse.tokens[j], verb) if j >= 0 and parse.tokens[j].pos in ("NOUN", "PROPN") else None


def _counted(parse: Parse, t: Token, sd: SyntaxData) -> Token:
    """The noun a word of quantity counts ("sejumlah saksi": saksi; "dozens of protesters": protesters), where the
    parse makes the quantity the argument; else `t`."""
    if {t.text.lower(), t.lemma.lower()}.isdisjoint(sd.quantity_words):
        return t
    for c in parse.children(t):
        if c.i > t.i and c.pos in ("NOUN", "PROPN") and c.dep in sd.modifier | sd.phrase and not parse.children(c, sd.case):
            return c  # "sejumlah saksi"
        word, noun = _case_word(parse, c, sd)
        if c.i > t.i and word in sd.quantity_case and noun is not None:
            return noun  # "dozens of protesters"
    return t


def _responsible(parse: Parse, trig: Token, sd: SyntaxData) -> list[Token]:
    """Who claims or admits the responsibility for event noun `trig` ("Islamic State claimed responsibility for the
    attack", "ISIS mengaku bertanggung jawab atas serangan itu", "they were responsible for the bombing"): the
    subject of the clause of the responsibility word; none where that clause is negated ("No group has claimed
    responsibility") or a relative clause ("kelompok yang mengaku ...", whose noun the relative rule reads)."""
    word, _ = _case_word(parse, trig, sd)
    head = parse.head(trig)
    if head is not None and head.pos == "ADP" and head.dep not in sd.case:
        word, head = head.text.lower(), parse.head(head)  # (English: the preposition heads its object)
    if (trig.pos not in ("NOUN", "PROPN") or head is None or word not in sd.responsibility_case
            or {head.lemma.lower(), head.text.lower()}.isdisjoint(sd.responsibility_words)):
        return []
    verb, steps = head, 0
    while verb is not None and verb.pos not in ("VERB", "AUX") and steps < INHERIT_DEPTH:
        verb, steps = parse.head(verb), steps + 1  # the noun or adjective's clause: claimed, were
    if verb is None or verb.pos not in ("VERB", "AUX"):
        return []
    subjects = _subjects(parse, verb, sd)
    if not subjects or any(s.text.lower() in sd.relative_pronouns for s in subjects):
        return []
    said = [*(c for s in subjects for c in parse.children(s)), *parse.tokens[min(s.i for s in subjects):trig.i]]
    if any(c.dep == "neg" or "Polarity=Neg" in c.morph or c.text.lower() in sd.negation_words for c in said):
        return []
    return subjects


def _plural_antecedent(parse: Parse, t: Token, sd: SyntaxData) -> Token:
    """What a plural pronoun subject of a clause under another stands for: that clause's subject, when it names
    several ("British newspapers and commenters turned on Obama as they denounced ...": they are the papers and the
    commenters); else `t` (left out when unsure: "suing them")."""
    verb = parse.head(t)
    if t.text.lower() not in sd.plural_pronouns or t.dep not in sd.subject or verb is None or (
            verb.dep not in sd.inherit | sd.complement):
        return t
    main = parse.head(verb)
    if main is None or main.i == verb.i:
        return t
    several = [c for c in parse.children(main, sd.subject) if c.pos in ("NOUN", "PROPN")
               and (parse.children(c, sd.conj) or "Number=Plur" in c.morph  # ("para buruh", "sejumlah warga")
                    or any(q.text.lower() in sd.quantity_words for q in parse.children(c)))]
    return several[0] if several else t


def _listed(parse: Parse, t: Token, sd: SyntaxData) -> Token:
    """The first of the names a list mark opens after argument `t` ("menangkap tiga orang, yakni Budi, Andi dan
    Rudi", "arrested three men, namely John Smith and Ali Khan": the men are Budi, Andi and Rudi, whose conjuncts
    `_with_conj` adds), looked for on `t` and on the noun a word of quantity counts; else that noun (`_counted`)."""
    counted = _counted(parse, t, sd)
    for x in dict.fromkeys((t, counted)):
        for c in parse.children(x):
            if c.i > x.i and c.pos == "PROPN" and any(m.text.lower() in sd.list_marks for m in parse.children(c)):
                return c
    return counted


def _doer(parse: Parse, t: Token, sd: SyntaxData) -> Token:
    """Who a verb standing as the subject does it through ("world leaders meeting in London pledged": the parse makes
    "meeting" the subject, whose own subject pledged): that verb's noun subject, else `t`."""
    if t.pos != "VERB" or t.dep not in sd.subject:
        return t
    return next((c for c in parse.children(t, sd.subject) if c.pos in ("NOUN", "PROPN", "PRON")), t)


def _tail_attribution(parse: Parse, c: Token, sd: SyntaxData) -> bool:
    """Whether clause `c` is the attribution that closes the sentence (", the Associated Press news agency reported."),
    which the parse may hang on the verb as its complement: after a comma, the last clause, a verb with a subject and
    nothing it says or does of its own."""
    start, _ = subtree_span(parse, c)
    first = next((t for t in parse.tokens if t.start >= start and t.pos != "PUNCT"), None)
    rest = [t for t in parse.tokens[c.i + 1:] if t.pos != "PUNCT"]
    return (first is not None and first.i > 0 and parse.tokens[first.i - 1].text == "," and not rest
            and bool(parse.children(c, sd.subject))
            and not parse.children(c, sd.object | sd.complement | sd.oblique))


def _clause_apposition(parse: Parse, verb: Token, obj: Token, sd: SyntaxData) -> bool:
    """Whether object `obj` of `verb` is a noun phrase set after the clause by a comma that names the act itself
    ("sued BP and eight other companies Wednesday, the government's first legal filing"): the verb has another
    object before it, and a comma of the verb's stands between them."""
    before = [o for o in parse.children(verb, sd.object) if o.i < obj.i]
    return bool(before) and any(p.text == "," and max(o.i for o in before) < p.i < obj.i for p in parse.children(verb))


def predicate_subject(parse: Parse, t: Token, sd: SyntaxData) -> Token:
    """Who a noun predicate is ("Oynes is the first person to resign", "Megrahi was the only person convicted",
    "Dia adalah orang pertama yang mundur": Oynes, Megrahi, Dia): the subject of its copula; else `t`."""
    if t.pos != "NOUN":
        return t
    if t.dep in sd.predicate_nouns and (head := parse.head(t)) is not None:
        holder = head
    elif parse.children(t, sd.copula):
        holder = t
    else:
        return t
    return next((c for c in parse.children(holder, sd.subject) if c.pos in ("NOUN", "PROPN", "PRON")), t)


def _senders(parse: Parse, t: Token, sd: SyntaxData) -> list[Token]:
    """Who acts through a message noun (`message_nouns`) that stands as an actor ("McCollum sent a letter to BP
    requesting ...": McCollum; "a statement from the ministry urging ...": the ministry): the subject of the verb whose
    object it is, else who it is from; else the noun itself (what is written names no party)."""
    if t.pos != "NOUN" or {t.lemma.lower(), t.text.lower()}.isdisjoint(sd.message_nouns):
        return [t]
    head = parse.head(t)
    if head is not None and t.dep in sd.object and head.pos in ("VERB", "AUX"):
        if (subjects := _subjects(parse, head, sd)):
            return subjects
    return _case_nouns(parse, t, sd, sd.noun_agent_words | sd.agent_words) or [t]


def _controls(verb: Token, sd: SyntaxData) -> bool:
    """Whether `verb`'s object does what its complement says ("urged the Justice Department to investigate")."""
    return bool({verb.lemma.lower(), verb.text.lower()} & sd.object_control)


def _asked_for(parse: Parse, head: Token, verb: Token | None, sd: SyntaxData) -> list[Token]:
    """Who `head` asks for to do what its clause `verb` (None: any such clause of `head`) says: the object of its
    `request_for` preposition standing before a clause of its with no subject of its own ("called for the Coast Guard
    to investigate": the Coast Guard); none else."""
    clauses = [verb] if verb is not None else parse.children(head, sd.inherit)
    clauses = [v for v in clauses if v.head == head.i and v.dep in sd.inherit and v.pos in ("VERB", "AUX")
               and not parse.children(v, sd.subject | sd.passive_subject)]
    for p in parse.children(head, sd.oblique):
        if p.text.lower() in sd.request_for and any(v.i > p.i for v in clauses):
            return parse.children(p, sd.prep_object)
    return []


def _subjects(parse: Parse, verb: Token, sd: SyntaxData) -> list[Token]:
    """The subject of `verb`, else of the verb it continues ("World Vision is working hard to get aid": get's is
    World Vision), up to INHERIT_DEPTH verbs up; a passive verb passes on no subject."""
    shared = frozenset()  # "The government was horrified and imposed an embargo": conjuncts share a subject
    for _ in range(INHERIT_DEPTH):
        if verb.pos == "ADP" and verb.text.lower() in sd.means_words and (
                (clause := parse.head(verb)) is not None and clause.pos in ("VERB", "AUX")):
            verb = clause  # "launched a legal battle by suing them", "after signing it": the clause's subject acts
        found = parse.children(verb, sd.subject | shared)
        head = parse.head(verb)
        if found or head is None or verb.dep not in sd.inherit or _passive(parse, verb, sd):
            return found
        if verb.dep in sd.complement and _controls(head, sd) and (asked := parse.children(head, sd.object)):
            return asked  # "urged the Justice Department to investigate BP": the one urged is who investigates
        if asked := _asked_for(parse, head, verb, sd):
            return asked  # "called for the Coast Guard to investigate": the one asked for investigates
        # conjuncts share a subject; "The White House is set to request", "X was asked to attend": the passive
        # subject of the verb a complement hangs on does the complement
        shared = sd.passive_subject if verb.dep in sd.conj | sd.complement else frozenset()
        verb = head
    return []


def _chain(parse: Parse, verb: Token, sd: SyntaxData) -> list[Token]:
    """`verb` and the verbs its complements lead to, through a predicative adjective ("has been slow to reach":
    been, slow, reach), INHERIT_DEPTH steps deep."""
    out, level = [verb], [verb]
    for _ in range(INHERIT_DEPTH):
        level = [c for x in level for c in parse.children(x) if c.dep in sd.complement or c.pos == "ADJ"]
        out += level
    return out


def _in_clause(parse: Parse, trig: Token, sd: SyntaxData) -> Token:
    """The token that stands for event noun `trig` in its clause: the quantity noun that counts it ("a plethora of
    lawsuits were filed against BP", "launched a series of attacks"), else `trig`."""
    head = parse.head(trig)
    if trig.pos in ("NOUN", "PROPN") and head is not None and trig.dep in sd.prep_object and (
            head.text.lower() in sd.quantity_case):
        counter = parse.head(head)
        if counter is not None and {counter.text.lower(), counter.lemma.lower()} & sd.quantity_words:
            return counter
    return trig


def _bare_agent(parse: Parse, verb: Token, sd: SyntaxData) -> Token | None:
    """The agent of passive `verb` named right after it without a case word, in a language that does so ("barang
    bukti disita petugas", "yang disita polisi": the parser gives that noun any relation, obj, obl, xcomp)."""
    if not sd.bare_agent:
        return None
    return next((c for c in parse.children(verb) if c.i == verb.i + 1 and c.pos in ("NOUN", "PROPN")
                 and not parse.children(c, sd.case)), None)


def _passive_carrier(parse: Parse, trig: Token, slot: Token, sd: SyntaxData) -> Token | None:
    """The passive light verb that carries event noun `trig` (standing in its clause as `slot`, `_in_clause`): the
    one it is the subject of ("lawsuits were filed against BP") or the relative clause on it ("serangan yang
    dilancarkan oleh ..."), else None."""
    if trig.pos not in ("NOUN", "PROPN"):
        return None
    head = parse.head(slot)
    verbs = [head] if head is not None and slot.dep in sd.passive_subject | sd.subject else []
    verbs += parse.children(trig, sd.relative)
    return next((v for v in verbs if v.lemma.lower() in sd.light_verbs or v.text.lower() in sd.light_verbs
                 if _passive(parse, v, sd) or _passive_by_form(v, sd)), None)


def _case_nouns(parse: Parse, verb: Token, sd: SyntaxData, words: frozenset[str]) -> list[Token]:
    """The nouns of `verb`'s case phrases whose case word is one of `words` (its passive agent with the agent
    words: "by police", "oleh polisi"; what a light verb carries for its event noun: "get aid to the victims")."""
    out = []
    for c in parse.children(verb):
        if c.dep in sd.oblique or (c.dep in sd.object and c.pos == "ADP") or parse.children(c, sd.case):
            word, noun = _case_word(parse, c, sd)
            if noun is not None and word in words:
                out.append(noun)
    return out


def _scene_verb(parse: Parse, trig: Token, sd: SyntaxData) -> Token | None:
    """The verb whose clause event noun `trig` is the scene of, when a scene word introduces it ("Dalam
    penggerebekan itu, polisi menyita", "During the raid, police seized"): UD puts the case word under the noun,
    English spaCy makes the noun the pobj of the preposition."""
    if trig.pos not in ("NOUN", "PROPN"):
        return None
    head = parse.head(trig)
    if head is None:
        return None
    if head.pos == "VERB" and any(c.text.lower() in sd.scene_words for c in parse.children(trig, sd.case)):
        return head
    if head.pos == "ADP" and head.text.lower() in sd.scene_words and trig.dep in sd.prep_object:
        verb = parse.head(head)
        return verb if verb is not None and verb.pos == "VERB" else None
    return None


def _designated(parse: Parse, trig: Token, sd: SyntaxData) -> tuple[Token, Token | None] | None:
    """For an event noun given as a role ("menetapkan Rudi Erawan sebagai tersangka", "named him as a suspect"):
    (the verb that gives it, the one it is given to when the parse attaches the role to that noun), else None."""
    if trig.pos not in ("NOUN", "PROPN"):
        return None
    head = parse.head(trig)
    if any(c.text.lower() in sd.as_words for c in parse.children(trig, sd.case)) and head is not None:
        if head.pos in ("VERB", "AUX"):
            return head, None
        verb = parse.head(head)
        if verb is not None and verb.pos == "VERB" and head.dep in sd.object | sd.passive_subject:
            return verb, (head if head.dep in sd.object else None)
        return None
    if head is not None and head.pos == "ADP" and head.text.lower() in sd.as_words:  # English: prep "as" -> pobj
        verb = parse.head(head)
        if verb is not None and verb.pos == "VERB":
            return verb, None
    return None


def phrase(parse: Parse, t: Token, code: str, acting: bool = False,
           bounds: tuple[int, int] = UNBOUNDED) -> list[Token]:
    """The tokens of the argument headed by `t`, down to PHRASE_DEPTH through the language's phrase relations; for
    one who acts (`acting`), not what names the other side ("Protes oleh pengemudi taksi terhadap aplikasi Uber",
    where the parse hangs "terhadap" on the drivers; the target's own phrase keeps it: "charges of negligence
    against BP"); within `bounds` (token indexes) where the argument was read from word order."""
    sd = syntax_data(code)
    cut = sd.location_words | (sd.target_words | sd.agent_words if acting else frozenset())
    out, level = [t], [t]
    for _ in range(PHRASE_DEPTH):
        level = [c for x in level for c in parse.children(x, sd.phrase)
                 if _case_word(parse, c, sd)[0] not in cut and bounds[0] <= c.i <= bounds[1]]
        out += level
    return out


def is_pronoun(t: Token, code: str) -> bool:
    sd = syntax_data(code)
    return t.pos == "PRON" or t.text.lower() in sd.pronouns


def refers_to(parse: Parse, t: Token, code: str) -> str:
    """The kind of name a definite common noun refers back to ("the company", "perusahaan itu": 'company'; "the
    agency": 'ORG'; "the country": 'country'), or ''."""
    sd = syntax_data(code)
    if t.pos != "NOUN" or not _definite(parse, t, sd):
        return ""
    if any(c.pos == "PROPN" for c in phrase(parse, t, code)[1:]):
        return ""  # "the state of Louisiana", "the company Transocean": named there, not back
    if "Number=Plur" in t.morph:
        return ""  # "the contractors", "the companies": several, not the one named before
    return next((kind for kind, nouns in sd.refer_nouns.items() if {t.lemma.lower(), t.text.lower()} & nouns), "")


def refers_back(parse: Parse, t: Token, code: str) -> bool:
    """Whether event noun `t` is definite ("the ban", "the meeting", "serangan itu", "kunjungan tersebut"): an event
    the text told before, whose sides it does not name again."""
    # (a proper noun too: a tagger takes a capitalised event noun that opens a sentence for a name, "Kunjungan itu")
    return t.pos in ("NOUN", "PROPN") and _definite(parse, t, syntax_data(code))


def _definite(parse: Parse, t: Token, sd: SyntaxData) -> bool:
    """Whether noun `t` has a definite determiner ("the", "this", "itu", "tersebut")."""
    return any(c.text.lower() in sd.definite for c in parse.children(t, DETERMINER))


def relative_clauses(parse: Parse, code: str) -> list[tuple[Token, tuple[int, int]]]:
    """(the noun, the clause's document offsets) of each relative clause the parse finds that a comma sets off,
    opened by a relative pronoun ("Robert Gates, yang juga melakukan pembicaraan dengan panglima militer Yordania,
    akan ..."): one that tells of someone named, not one that picks out which ("pada minggu yang sama")."""
    sd = syntax_data(code)
    if sd is None:
        return []
    return [(head, subtree_span(parse, r)) for r in parse.tokens if r.dep in sd.relative
            and (head := parse.head(r)) is not None
            and any(c.text.lower() in sd.relative_pronouns and c.i > 0 and parse.tokens[c.i - 1].text == ","
                    for c in parse.children(r))]


def subtree_span(parse: Parse, t: Token) -> tuple[int, int]:
    """Document offsets [start, end) of the words `t` heads, itself included."""
    todo, seen = [t], []
    while todo:
        x = todo.pop()
        seen.append(x)
        todo += parse.children(x)
    return min(x.start for x in seen), max(x.end for x in seen)


def is_party(t: Token, code: str) -> bool:
    """Whether common noun `t` names a party (a person, group, organisation or state: "police", "protesters",
    "warga", "pelaku"), by the language's `party_nouns` (its lemma or its form) and `party_pattern`; a language
    without the list takes every noun."""
    sd = syntax_data(code)
    if not sd.party_nouns:
        return True
    forms = {t.text.lower(), t.lemma.lower(), bare_form(t.text, sd)}
    if forms & sd.not_party_nouns:
        return False
    return bool(forms & sd.party_nouns) or bool(relation_of(t, sd)) or (
        sd.party_pattern is not None and any(sd.party_pattern.search(f) for f in forms))


def common_noun(parse: Parse, t: Token, code: str) -> str:
    """A short common-noun name for an argument without a name in it ("security forces", "warga", "pihak
    kepolisian"): the noun with the nouns that modify it before it and the one right after it."""
    if t.pos not in ("NOUN",):
        return ""
    sd = syntax_data(code)
    parts = [c for c in parse.children(t, sd.modifier) if c.pos == "NOUN" and (c.i < t.i or c.i == t.i + 1)
             and not _matches(sd.active_pattern, c.text) and c.text.lower() not in sd.suffer_verbs] + [t]
    # (not a verb the tagger took for a noun: "polisi menyita", "polisi terluka")
    return " ".join(bare_form(x.text, sd) for x in sorted(parts, key=lambda x: x.i))


def bare_form(word: str, sd: SyntaxData) -> str:
    """`word` lower-cased, without a possessive suffix when what is left is a party noun ("keluarganya":
    "keluarga"; "pihaknya" is read before, as the speaker's side), and once where the language repeats a noun for its
    plural ("pemuda-pemuda": "pemuda")."""
    word = word.lower()
    first, dash, second = word.partition("-")
    if sd.plural_reduplication and dash and first == second:
        word = first
    for suffix in sd.possessive_suffixes:
        if word.endswith(suffix) and word[:-len(suffix)] in sd.party_nouns:
            return word[:-len(suffix)]
    return word


def proper_name(parse: Parse, t: Token, code: str) -> list[Token]:
    """The words of a proper name the entities stage did not recognise ("MSH ditangkap", "tersangka FI"), each once
    (a word the source wrote twice is one: "Tim Tim Densus 88"); none when `t` is no proper noun."""
    if t.pos != "PROPN":
        return []
    sd = syntax_data(code)
    parts = [t] + [c for c in parse.children(t, sd.modifier) if c.pos == "PROPN" and abs(c.i - t.i) <= PROPER_NAME_WORDS]
    # capitalised words and numbers right after it that hang on it, whatever their tag ("Tim Densus 88")
    start, end = subtree_span(parse, t)
    j, below = t.i + 1, {x.i for x in parse.tokens if start <= x.start and x.end <= end}
    while j < len(parse.tokens) and j - t.i <= PROPER_NAME_WORDS and j in below and (
            parse.tokens[j].text[:1].isupper() or parse.tokens[j].text.isdigit()):
        parts.append(parse.tokens[j])
        j += 1
    words = sorted(set(parts), key=lambda x: x.i)
    if words[-1].i - words[0].i >= len(words) + 1:
        return [t]
    return [x for k, x in enumerate(words) if not (k and x.text == words[k - 1].text)]
