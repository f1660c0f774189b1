"""Who takes part in an event where the rules found no one: the names and the nouns of the sentence that could be
its actor or its target, each described by where it stands to the trigger in the dependency parse, for a learned
decision.

The rules of `linimasa.events.frames` and `roles` read participants off the arguments they know (subject, object,
"kepada", passive agent, ...). Where they found none, a name or a noun of the sentence is often still the one
("memberikan dukungan kepada cagub-cawagub, Edy Rahmayadi dan Musa Rajekshah": the parse hung the names on the
verb; "tidak mendapat tiket dukungan": the one not supported is the clause's subject; "penyidik juga menemukan":
a noun acts). The actor and target models (`train/events.py`, scikit-learn's LogisticRegression; scored in
`linimasa.events.classify`) learn from the annotated dev sentences which of these options the readers took, from
these features: the path between trigger and option in the parse, the option's case word ("kepada", "dengan",
"to", "against"), its side and distance, what it is (the entity type of a name; a noun naming a party or not), the
event type and the trigger's voice.
"""

from __future__ import annotations

from ..syntax import Parse, Token
from .frames import common_noun, is_party, is_passive

# Steps up the parse from the name and from the trigger to their lowest common head that the path feature spells
# out; a longer path is only counted ("path=far"): a name that far from the trigger is rarely its argument.
PATH_STEPS = 3
# Token distances between trigger and name, as buckets (upper bounds): near, within a phrase, within a clause.
DISTANCE_BUCKETS = (2, 4, 8, 16)


def _up(parse: Parse, t: Token) -> list[Token]:
    """`t` and its heads up to the root."""
    out, seen = [t], {t.i}
    while (h := parse.head(out[-1])) is not None and h.i not in seen:
        out.append(h)
        seen.add(h.i)
    return out


def _path(parse: Parse, trigger: Token, name: Token) -> str:
    """The dependency relations from the name up to the lowest head it shares with the trigger (each with "^"), a
    "|", and those down from there to the trigger (each with "v"): "nmod^|" (the name hangs on the trigger),
    "|vobj" (the trigger is the name's object), "nsubj^|vobj" (the subject of the verb whose object is the
    trigger); "far" past PATH_STEPS either way."""
    from_name, from_trigger = _up(parse, name), _up(parse, trigger)
    above_trigger = {t.i: k for k, t in enumerate(from_trigger)}
    for k, t in enumerate(from_name):
        if t.i in above_trigger:
            j = above_trigger[t.i]
            if k > PATH_STEPS or j > PATH_STEPS:
                return "far"
            ups = [x.dep for x in from_name[:k]]
            downs = [x.dep for x in from_trigger[:j]][::-1]
            return " ".join(f"{d}^" for d in ups) + "|" + " ".join(f"v{d}" for d in downs)
    return "far"


def _case(parse: Parse, t: Token) -> str:
    """The case word ("kepada", "to", "against") or marker the name's token takes, else ""."""
    return next((c.text.lower() for c in parse.children(t) if c.dep in ("case", "mark")), "")


def _bucket(n: int) -> str:
    bound = next((b for b in DISTANCE_BUCKETS if n < b), None)
    return f"<{bound}" if bound else f">={DISTANCE_BUCKETS[-1]}"


def option_features(parse: Parse, trigger: Token, name: Token, what: str, etype: str, code: str,
                    passive: bool, options: int) -> dict[str, float]:
    """Binary features of one option (its parse token `name`; `what` it is: the entity type of a name, "NOUN:party"
    or "NOUN:other" for a noun) as a participant of the event whose trigger token is `trigger`, among `options`."""
    side = "after" if name.i > trigger.i else "before"
    path = _path(parse, trigger, name)
    case = _case(parse, name)
    voice = "passive" if passive else "active"
    out = {
        "bias": 1.0, f"lang={code}": 1.0, f"type={etype}": 1.0, f"ent={what}": 1.0,
        f"type={etype}|ent={what}": 1.0, f"side={side}": 1.0, f"side={side}|{voice}": 1.0,
        f"type={etype}|side={side}": 1.0, f"distance{_bucket(abs(name.i - trigger.i))}": 1.0,
        f"path={path}": 1.0, f"path={path}|{voice}": 1.0, f"dep={name.dep}": 1.0, f"dep={name.dep}|{voice}": 1.0,
        f"trigger_pos={trigger.pos}": 1.0, f"trigger_pos={trigger.pos}|path={path}": 1.0,
        f"case={code}:{case}": 1.0, f"case={code}:{case}|type={etype}": 1.0, f"options={min(options, 4)}": 1.0,
    }
    if name.head == trigger.i:
        out[f"child|dep={name.dep}"] = 1.0
    return out


def options_for(parse: Parse | None, trigger: Token | None, names: list[tuple[str, int, int, str]], etype: str,
                code: str) -> list[tuple[str, dict[str, float]]]:
    """The options, in text order, each once (where it stands nearest the trigger), with their features: the
    `names` (printed name, start, end, entity type: the sentence's named mentions that may take part) and the nouns
    near the trigger outside them, named as `common_noun` names them; none without a parse."""
    if parse is None or trigger is None:
        return []
    found: dict[str, tuple[int, Token, str]] = {}

    def add(name: str, tok: Token, what: str) -> None:
        if name and (name not in found or abs(tok.i - trigger.i) < found[name][0]):
            found[name] = (abs(tok.i - trigger.i), tok, what)

    taken = [(start, end) for _, start, end, _ in names]
    for name, start, end, what in names:
        tok = parse.at(start, end)
        if tok is not None and tok.i != trigger.i and not (trigger.start <= start < trigger.end):
            add(name, tok, what)
    # the nouns one or two steps from the trigger: its children, its head, its head's children (farther nouns are
    # what the clause is about, seldom a side)
    near = {t.i for t in [trigger, parse.head(trigger)] if t is not None}
    near |= {c.i for i in list(near) for c in parse.children(parse.tokens[i])}
    for i in sorted(near - {trigger.i}):
        tok = parse.tokens[i]
        if tok.pos == "NOUN" and not any(a <= tok.start < b for a, b in taken):
            add(common_noun(parse, tok, code), tok, "NOUN:party" if is_party(tok, code) else "NOUN:other")
    passive = is_passive(parse, trigger, code)
    return [(name, option_features(parse, trigger, tok, what, etype, code, passive, len(found)))
            for name, (_, tok, what) in sorted(found.items(), key=lambda kv: kv[1][1].i)]
