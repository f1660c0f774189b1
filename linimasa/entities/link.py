"""Linking mentions to entities: knowledge-base ids chosen by the document's context, spelling variants matched
to knowledge-base names with rapidfuzz, short forms joined to the full name used in the same document
("Ushakov" -> "Yuri Ushakov"), and one Entity per linked group with its aliases and roles."""

from __future__ import annotations

import functools
import re
from collections import Counter

from .. import lang
from ..kb import KnowledgeBase, slug
from ..model import Entity, Mention, Span
from .fuzzy import fuzzy_record
from .recognise import Found


def link(found: list[Found], kb: KnowledgeBase, code: str = "") -> None:
    """Set `entity_id` (and the type) on every mention in place; mentions that cannot be resolved get ""."""
    # Countries the document names, for generic names ("Departemen Luar Negeri") and ambiguous ones.
    countries = Counter(kb[i].country for f in found if f.how == "kb" and len(f.ids) == 1 for i in f.ids
                        if kb[i].kind == "country")
    for f in list(found):
        if f.ids and f.how == "context" and (beside := _country_beside(f, found, kb)) is not None:
            # a generic body with its country beside it ("Kementerian Luar Negeri China", "the Chinese Foreign
            # Ministry") is that country's, whatever country the document names most; one the knowledge base does
            # not hold is a name of its own, the country's name in it
            country, g = beside
            f.entity_id = next((i for i in f.ids if kb[i].country == country), "")
            if not f.entity_id:
                first, last = (f, g) if f.start < g.start else (g, f)
                f.text = first.text + " " * (last.start - first.end) + last.text
                f.start, f.end, f.ids = first.start, last.end, ()
                found.remove(g)
        elif f.ids:
            f.entity_id = _choose(f.ids, kb, countries, require_country=f.how == "context")
        elif f.how in ("model", "cue"):
            f.entity_id = fuzzy_record(kb, f.text, f.type)
        if f.entity_id:
            f.type = kb[f.entity_id].type
    _join_short_forms(found, kb, _generic_heads(code))


@functools.cache
def _generic_heads(code: str) -> frozenset[str]:
    """The language's generic heads of a body's name ("House", "Komisi"), from its language file."""
    if code not in lang.available():
        return frozenset()
    return frozenset(lang.load(code).get("entities", {}).get("generic_heads", []))


def _country_beside(f: Found, found: list[Found], kb: KnowledgeBase) -> tuple[str, Found] | None:
    """(country code, its mention) of a country named right after `f` or right before it (one space between)."""
    for g in found:
        if g is not f and g.ids and (0 <= g.start - f.end <= BESIDE_CHARS or 0 <= f.start - g.end <= BESIDE_CHARS):
            countries = {kb[i].country for i in g.ids if kb[i].kind == "country"}
            if len(countries) == 1:
                return countries.pop(), g
    return None


BESIDE_CHARS = 1  # one space between a generic body's name and its country's ("Kementerian Luar Negeri China")
_KIND_RANK = {"country": 0, "city": 1}  # "Mexico" the country, "New York" the city, unless context says otherwise


def _choose(ids: tuple[str, ...], kb: KnowledgeBase, countries: Counter, require_country: bool) -> str:
    ranked = sorted(ids, key=lambda i: (-countries.get(kb[i].country, 0), _KIND_RANK.get(kb[i].kind, 2), ids.index(i)))
    best = ranked[0]
    if require_country and not countries.get(kb[best].country):
        return ""
    return best


def _initial(word: str) -> bool:
    """An initial before a given name: "R.", "M", "K.H."."""
    return bool(re.fullmatch(r"(?:[A-Z]\.?)+", word))


def _join_short_forms(found: list[Found], kb: KnowledgeBase, generic: frozenset[str] = frozenset()) -> None:
    """A one-word name that ends a longer name of the same type in the same document names the same entity
    ("Ushakov" after "Yuri Ushakov"); a person's surname joins the person whatever type a model gave it. Else a
    one-word name that opens the name of exactly one person of the document, past its initials, is that person:
    Indonesian news calls people by the first part of their name ("pak Buni" for Buni Yani, "Soes" for R. Soes
    Hindharno), English by the given name now and then."""
    full: dict[tuple[str, str], str] = {}
    first: dict[str, set[str]] = {}
    for f in found:
        words = f.text.split()
        if len(words) > 1 and f.type:
            full.setdefault((words[-1], f.type), f.entity_id or "name:" + slug(f.text))
            if f.type == "PER":
                # (past initials: "R. Soes Hindharno" is "Soes", "M Hanif Dhakiri" "Hanif")
                given = next((w for w in words[:-1] if not _initial(w)), words[0])
                first.setdefault(given, set()).add(f.entity_id or "name:" + slug(f.text))
    for f in found:
        if f.entity_id or len(f.text.split()) != 1 or f.text in generic:
            continue  # ("the House": not the White House named before)
        key = full.get((f.text, f.type), "")
        if not key:
            # (another type: a person's surname whatever the model called it; "In Tokyo, Aso criticized ...")
            key, other = next(((k, t) for (w, t), k in full.items() if w == f.text), ("", ""))
            if other == "PER":
                f.type = "PER"
        if not key and f.type in ("PER", "LOC") and len(first.get(f.text, ())) == 1:
            (key,) = first[f.text]  # (a place the knowledge base does not know: the model's usual slip for a name)
            f.type = "PER"
        if key:
            f.entity_id = key
            if key in kb.records:
                f.type = kb[key].type


def entities_of(found: list[Found], kb: KnowledgeBase, removed: list[tuple[int, Found]] = ()) -> tuple[list[Mention], list[Entity]]:
    """Mentions with entity ids, and one Entity per id with the surface forms and roles seen in the document.

    `removed` holds (line index, mention) pairs found in removed lines; they count like the body's.
    """
    mentions, groups = [], {}
    for line, f in [(-1, f) for f in found] + list(removed):
        if not f.entity_id:
            f.entity_id = "name:" + slug(f.text)
        if not f.type:
            continue
        mentions.append(Mention(Span(f.start, f.end, f.text), f.type, f.entity_id, f.role, line))
        groups.setdefault(f.entity_id, []).append(f)
    entities = []
    for entity_id, group in groups.items():
        if entity_id in kb.records:
            record = kb[entity_id]
            name, etype, wikidata = record.name, record.type, record.wikidata
        else:
            name = max((f.text for f in group), key=lambda t: (len(t.split()), len(t)))
            votes = Counter(f.type for f in group)
            etype = max(votes, key=lambda t: (votes[t], t == "PER"))  # a tie means a surname was used alone: a person
            wikidata = ""
        aliases = sorted({f.text for f in group} - {name})
        roles = list(dict.fromkeys(f.role for f in group if f.role))
        entities.append(Entity(entity_id, name, etype, aliases, wikidata, roles, len(group)))
    return mentions, entities
