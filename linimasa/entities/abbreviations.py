"""Short forms a document defines: in brackets after a name ("Badan Kebijakan Fiskal (BKF)", "Susilo Bambang
Yudhoyono (SBY)", "Environmental Protection Agency (EPA)"): the short form names the same entity there and wherever
the document uses it after. News in Indonesian introduces nearly every body and many people this way. A body's
initials used later with no brackets name it too ("Partai Demokrasi Indonesia Perjuangan ... PDIP", "Environmental
Protection Agency ... EPA").

A short form counts when it is a candidate by Schwartz and Hearst's rule (A Simple Algorithm for Identifying
Abbreviation Definitions in Biomedical Text, 2003): its letters occur in order in the name, the first at the start
of a word of the name; so "PT Semen Baturaja (Persero)" and "MSH (34)" define nothing. Python `re` finds them, in
one pass over the text for all the short forms of a document.

Initials a document gives a person (Indonesian crime news names suspects and victims so: "pelaku berinisial AS",
"MSH (34)") name that person there and after, never the record the knowledge base holds under the same letters
("AS", the United States): a language's `initials_cues` before them, or an age or one of its `initials_roles` in
brackets after them ("H (35)", "AS (pelaku)") mark them.
"""

from __future__ import annotations

import re

from .. import lang
from ..intervals import SpanIndex
from ..kb import KnowledgeBase, slug
from .recognise import Found

# "(BKF)", "(Pemda)", "(SBY)": a capital, then up to this many more letters, digits or short-form punctuation
SHORT_FORM = re.compile(r"\s*\(\s*([A-Z][\w.&-]{1,11})\s*\)")


# Initials: one to four capitals, dotted or not ("H", "AS", "MSH", "A.S."); an age after them: "(32)", "(32 tahun)"
INITIALS = re.compile(r"(?<![\w.-])((?:[A-Z]\.){1,4}|[A-Z]{1,4})(?![\w-])")
AGE_AFTER = re.compile(r"\s*\(\s*[1-9]\d\s*(?:[^\W\d]{1,6})?\s*\)")
WORD_IN_BRACKETS = re.compile(r"\s*\(\s*([^\W\d]+)\s*\)")  # "AS (pelaku)": the role in brackets


def defines(name: str, short: str) -> bool:
    """Whether `short` abbreviates `name`: its letters and digits in order in `name`, its first letter opening a word
    of `name`, and it is shorter than the name."""
    chars = [c.lower() for c in short if c.isalnum()]
    if not chars or len(short) >= len(name) or short.lower() == name.lower():
        return False
    words = name.split()
    if not any(w[:1].lower() == chars[0] for w in words):
        return False
    at = next(i for i, w in enumerate(words) if w[:1].lower() == chars[0])
    rest = " ".join(words[at:]).lower()
    pos = 0
    for c in chars:
        pos = rest.find(c, pos)
        if pos < 0:
            return False
        pos += 1
    return True


# A short form used with no definition is a name's only when it is the initials of that many capitalised words or
# more: two letters ("PT", "AS", "RI") stand for too many names.
IMPLIED_MIN_WORDS = 3
CAPITALS = re.compile(r"(?<![\w-])[A-Z]{3,}(?![\w-])")  # a word of capitals only, where such initials are used


def initials_of(name: str) -> str:
    """The initials of a name's capitalised words ("Partai Demokrasi Indonesia Perjuangan": "PDIP"; "Bureau of
    Ocean Energy Management": "BOEM"), or "" for a name of fewer than IMPLIED_MIN_WORDS of them."""
    words = [w for w in name.split() if w[:1].isupper() and w[:1].isalpha()]
    return "".join(w[0] for w in words).upper() if len(words) >= IMPLIED_MIN_WORDS else ""


def join_defined(found: list[Found], text: str, kb: KnowledgeBase, blocked: list[tuple[int, int]] = ()) -> list[Found]:
    """`found` with the short forms the document defines joined to their names' entities: a short form found
    already takes the name's entity; one the finders missed, at its definition or after it, is added. Returns the
    mentions in text order."""
    by_start = {f.start: f for f in found}
    defined: dict[str, Found] = {}  # short form -> the mention of the name it abbreviates
    for f in sorted(found, key=lambda f: f.start):
        m = SHORT_FORM.match(text, f.end)
        if m is None or not f.type or m.group(1) in defined or not defines(f.text, m.group(1)):
            continue
        if m.group(1) in kb.by_name and not f.entity_id:
            continue  # a name the knowledge base knows on its own ("Jakarta (ANTARA)")
        defined[m.group(1)] = f
    last_use = {m.group(0): m.start() for m in CAPITALS.finditer(text)}  # one pass: where each is used last
    for f in sorted(found, key=lambda f: f.start):  # "Partai Demokrasi Indonesia Perjuangan ... PDIP", no brackets
        short = initials_of(f.text) if f.type == "ORG" else ""
        if short and short not in defined and short not in kb.by_name and last_use.get(short, -1) >= f.end:
            defined[short] = f
    if not defined:
        return found
    for name in defined.values():
        name.entity_id = name.entity_id or "name:" + slug(name.text)
    # one pass over the text for all of them (a page may define hundreds), and an interval index for what is taken
    taken = SpanIndex([*((f.start, f.end) for f in found), *blocked], lambda span: span)
    uses = re.compile("(?<![\\w-])(?:" + "|".join(re.escape(k) for k in sorted(defined, key=len, reverse=True))
                      + ")(?![\\w-])")
    out = list(found)
    for hit in uses.finditer(text):
        name = defined[hit.group(0)]
        if hit.start() < name.end:
            continue
        f = by_start.get(hit.start())
        if f is not None and f.end == hit.end():
            if not f.entity_id or f.how != "kb":  # a name the knowledge base holds as itself keeps its record
                f.entity_id, f.type = name.entity_id, name.type
        elif not taken.any_overlapping(hit.start(), hit.end()):
            out.append(Found(hit.start(), hit.end(), hit.group(0), name.type, how="defined", entity_id=name.entity_id))
    return sorted(out, key=lambda f: f.start)


def join_initials(found: list[Found], text: str, code: str, blocked: list[tuple[int, int]] = ()) -> list[Found]:
    """`found` with the initials the document gives a person (after a cue word or before an age) made that person,
    there and wherever they recur after: a mention of the same letters loses any knowledge-base record; one the
    finders missed is added. Returns the mentions in text order."""
    data = lang.load(code).get("entities", {})
    cues = frozenset(w.lower() for w in data.get("initials_cues", []))
    roles = frozenset(w.lower() for w in data.get("initials_roles", []))
    given: dict[str, int] = {}  # initials -> where the text gives them
    hits = list(INITIALS.finditer(text))  # read once: where they are given, then where they recur
    for m in hits:
        before = text[max(0, m.start() - 20):m.start()].split()
        role = WORD_IN_BRACKETS.match(text, m.end())
        if m.group(1) not in given and ((before and before[-1].lower() in cues) or AGE_AFTER.match(text, m.end())
                                        or (role is not None and role.group(1).lower() in roles)):
            given[m.group(1)] = m.start()
    if not given:
        return found
    by_start = {f.start: f for f in found}
    taken = SpanIndex([*((f.start, f.end) for f in found), *blocked], lambda span: span)
    out = list(found)
    for m in hits:
        letters = m.group(1)
        if letters not in given or m.start() < given[letters]:
            continue
        f = by_start.get(m.start())
        if f is not None and f.end == m.end():
            f.ids, f.type, f.entity_id = (), "PER", "name:" + slug(letters)
        elif not taken.any_overlapping(m.start(), m.end()):
            out.append(Found(m.start(), m.end(), letters, "PER", how="initials", entity_id="name:" + slug(letters)))
    return sorted(out, key=lambda f: f.start)
