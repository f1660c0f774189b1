"""Source-quality flags per document, from what the pipeline already found and kept:

- `copy`: the document copies another (a repost, a wire copy, a translation; `linimasa.corpus.dedupe`), and which;
- `spam_removed`: gambling/SEO lines were cut from the page (the clean stage's "spam" reasons);
- `furniture_removed`: site furniture was cut: comment widgets, read-more links, taglines, the site header, titles
  repeated, photo captions and credits, the footer. The title and a date line are page metadata, a byline is the
  article's own, and trafilatura's removal of menus from any HTML page says nothing of the source: none counts;
- `machine_translation`: signs of machine translation, one strong or two weak (`linimasa.sources.translation`);
- `no_date`: no publication date was found; `date_inferred`: the date was inferred from the content or from other
  documents, not stated.
Flags are kept in the store (its `source_flags` table, SQLite or PostgreSQL) and computed for documents that
lack them; the timeline outputs show them with each source (`linimasa.export`, `linimasa.serve`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ..model import Document, from_dict, to_dict
from .translation import machine_translated, translation_cues

FLAGS = ("copy", "spam_removed", "furniture_removed", "machine_translation", "no_date", "date_inferred")
NOT_FURNITURE = {"title", "date line", "byline", "not article text (trafilatura)"}
MAX_EVIDENCE = 10  # lines or cues shown per flag; `count` says how many there were


@dataclass
class Flag:
    """One quality flag of a document: its name (one of `FLAGS`), a line saying what it means for this document,
    how many lines or cues show it, and up to `MAX_EVIDENCE` of them."""

    name: str
    detail: str
    count: int = 1
    evidence: list[str] = field(default_factory=list)


def _lines(lines: list) -> list[str]:
    return [f"line {r.line}: {r.text.strip()[:120]}" for r in lines[:MAX_EVIDENCE]]


def document_flags(doc: Document, original: str = "", how: str = "") -> list[Flag]:
    """The flags of `doc` (processed through the clean, language, sentences and dating stages); `original`: the
    id of the document it copies, if any, and `how` the copy was found ("minhash, similarity 0.93").

    >>> from linimasa.model import Document, RemovedLine
    >>> doc = Document("x", "x", "text/plain", "", removed=[RemovedLine(18, "Posted By : togel", "spam (gambling/SEO words)")])
    >>> [f.name for f in document_flags(doc)]
    ['spam_removed', 'no_date']
    """
    flags = []
    if original:
        flags.append(Flag("copy", f"copy of {original}" + (f" ({how})" if how else ""), 1, [original]))
    spam = [r for r in doc.removed if r.reason.startswith("spam")]
    if spam:
        flags.append(Flag("spam_removed", f"{len(spam)} spam line(s) removed", len(spam), _lines(spam)))
    furniture = [r for r in doc.removed if r.reason not in NOT_FURNITURE and not r.reason.startswith("spam")]
    if furniture:
        reasons = sorted({r.reason for r in furniture})
        flags.append(Flag("furniture_removed", f"{len(furniture)} line(s) of site furniture removed: "
                          + ", ".join(reasons), len(furniture), _lines(furniture)))
    cues = translation_cues(doc)
    if machine_translated(cues):
        kinds = sorted({c.kind for c in cues})
        flags.append(Flag("machine_translation", "signs of machine translation: " + ", ".join(kinds), len(cues),
                          [f"{c.where}: {c.kind}: {c.text[:120]}" for c in cues[:MAX_EVIDENCE]]))
    if doc.published is None:
        flags.append(Flag("no_date", "no publication date found"))
    elif doc.published.source == "inferred":
        flags.append(Flag("date_inferred", f"publication date {doc.published.date} inferred, not stated "
                          f"(confidence {doc.published.confidence})", 1, [doc.published.evidence]))
    return flags


def record_flags(store, doc_ids: Iterable[str] | None = None) -> dict[str, list[Flag]]:
    """Compute and keep (in the store's `source_flags` table) the flags of `doc_ids` (default: every stored
    document that has none kept yet) of a `linimasa.store` store; returns them by document id."""
    copies = {i: store.copy_info(i) for i in store.copies()}
    if doc_ids is None:
        kept = set(store.all_flags())
        docs = (d for d in store.documents() if d.id not in kept)
    else:
        docs = (d for i in doc_ids if (d := store.document(i)) is not None)
    out = {}
    for doc in docs:
        copy = copies.get(doc.id)
        out[doc.id] = document_flags(doc, copy[0], f"{copy[2]}, similarity {copy[1]:.2f}") if copy else \
            document_flags(doc)
    with store.transaction():  # written at the end: computing them takes no write lock
        for doc_id, flags in out.items():
            store.put_flags(doc_id, to_dict(flags))
    return out


def stored_flags(store, doc_ids: Iterable[str] | None = None) -> dict[str, list[Flag]]:
    """The flags of `doc_ids` (default: every stored document) by id, in id order: those kept in the store, and
    those not kept yet computed and kept (a database built by `linimasa run`, a document stored again)."""
    kept = {i: [from_dict(Flag, f) for f in flags] for i, flags in store.all_flags().items()}
    if doc_ids is None:
        if len(kept) < store.count():
            kept.update(record_flags(store))
        return dict(sorted(kept.items()))
    wanted = sorted(set(doc_ids))
    missing = [i for i in wanted if i not in kept]
    if missing:
        kept.update(record_flags(store, missing))
    return {i: kept[i] for i in wanted if i in kept}
