"""Whom an event is done to, when the rules found no one: the names of the sentence that could be its target, each
described by where it stands to the trigger in the dependency parse, for a learned decision.

The rules of `linimasa.events.frames` and `roles` read targets off the arguments they know (object, "kepada",
passive subject, ...). Where they found none, a name the sentence holds is often still the one the event is done
to ("memberikan dukungan kepada cagub-cawagub, Edy Rahmayadi dan Musa Rajekshah": the parse hung the names on the
verb; "Korut ... telah dikecam": the one condemned is the clause's subject). The target model
(`train/events.py`, scikit-learn's LogisticRegression; scored in `linimasa.events.classify`) learns from the
annotated dev sentences which of these names the readers took for the target, from these features: the path
between trigger and name in the parse, the name's case word ("kepada", "dengan", "to", "against"), its side and
distance, the entity type, the event type and the trigger's voice.
"""

from __future__ import annotations

from ..syntax import Parse, Token
from .frames import is_passive

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


def target_features(parse: Parse, trigger: Token, name: Token, entity_type: str, etype: str, code: str,
                    passive: bool, options: int) -> dict[str, float]:
    """Binary features of one name (its parse token `name`, its entity type) as the target of the event whose
    trigger token is `trigger`, among `options` names."""
    side = "after" if name.i > trigger.i else "before"
    path = _path(parse, trigger, name)
    case = _case(parse, name)
    voice = "passive" if passive else "active"
    out = {
        "bias": 1.0, f"lang={code}": 1.0, f"type={etype}": 1.0, f"ent={entity_type}": 1.0,
        f"type={etype}|ent={entity_type}": 1.0, f"side={side}": 1.0, f"side={side}|{voice}": 1.0,
        f"type={etype}|side={side}": 1.0, f"distance{_bucket(abs(name.i - trigger.i))}": 1.0,
        f"path={path}": 1.0, f"path={path}|{voice}": 1.0, f"dep={name.dep}": 1.0, f"dep={name.dep}|{voice}": 1.0,
        f"trigger_pos={trigger.pos}": 1.0, f"trigger_pos={trigger.pos}|path={path}": 1.0,
        f"case={code}:{case}": 1.0, f"case={code}:{case}|type={etype}": 1.0, f"options={min(options, 4)}": 1.0,
    }
    if name.head == trigger.i:
        out[f"child|dep={name.dep}"] = 1.0
    return out


def target_options(parse: Parse | None, trigger: Token | None, names: list[tuple[str, int, int, str]], etype: str,
                   code: str) -> list[tuple[str, dict[str, float]]]:
    """The options for the target of the event whose trigger token is `trigger`, in text order, with their
    features: the `names` (printed name, start, end, entity type: the sentence's named mentions that are no actor,
    speaker, place of the dateline or outlet), each once, where it stands nearest the trigger; none without a
    parse."""
    if parse is None or trigger is None:
        return []
    nearest: dict[str, tuple[int, Token, str]] = {}
    for name, start, end, entity_type in names:
        tok = parse.at(start, end)
        if tok is None or tok.i == trigger.i or trigger.start <= start < trigger.end:
            continue
        if name not in nearest or abs(tok.i - trigger.i) < nearest[name][0]:
            nearest[name] = (abs(tok.i - trigger.i), tok, entity_type)
    passive = is_passive(parse, trigger, code)
    return [(name, target_features(parse, trigger, tok, entity_type, etype, code, passive, len(nearest)))
            for name, (_, tok, entity_type) in sorted(nearest.items(), key=lambda kv: kv[1][1].i)]
