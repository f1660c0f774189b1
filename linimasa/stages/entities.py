"""The entities stage: mentions of people, organisations and places, linked to entities with roles.

Removed lines (credits, related-article links) are searched for knowledge-base names only: "©Mikhail
Metzel/TASS" names the agency even though it is not article text.

Heavy lifting: spaCy (PhraseMatcher over the knowledge base, the statistical NER model), rapidfuzz (spelling
variants); see `linimasa.entities` and `linimasa.kb`.
"""

from __future__ import annotations

from ..entities.abbreviations import join_defined, join_initials
from ..entities.link import entities_of, link
from ..entities.recognise import find
from ..entities.roles import role_of
from ..kb import load_kb
from ..model import Document
from ..pipeline import stage
from ..settings import Context


def kb_of(ctx: Context):
    """The knowledge base for this run: bundled plus the files of the `kb` setting."""
    paths = tuple(p.strip() for p in str(ctx.get("kb")).split(",") if p.strip())
    return load_kb(paths)


@stage("entities", requires={"sentences", "timex"}, provides={"entities"})
def find_entities(doc: Document, ctx: Context) -> Document:
    code = doc.lang or ctx.get("default_lang")
    kb = kb_of(ctx)
    starts = {s.span.start for s in doc.sentences}
    blocked = [(t.span.start, t.span.end) for t in doc.timexes]
    found = find(doc.text, code, kb, starts, blocked)
    link(found, kb, code)
    found = join_defined(found, doc.text, kb, blocked)  # "Badan Kebijakan Fiskal (BKF)": BKF is that body
    found = join_initials(found, doc.text, code, blocked)  # "pelaku berinisial AS": a person, not the United States
    for f in found:
        if f.type == "PER":
            f.role = role_of(doc.text, f.start, f.end, code)
    removed = []
    for index, line in enumerate(doc.removed):
        if line.reason.startswith("spam"):
            continue
        in_line = find(line.text, code, kb, {0}, [], kb_only=True)
        link(in_line, kb, code)
        removed += [(index, f) for f in in_line]
    doc.mentions, doc.entities = entities_of(found, kb, removed)
    return doc
