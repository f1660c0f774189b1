"""Entities across documents: one record per entity with every form and role seen and the documents naming it.

Knowledge-base entities share their id across documents; names the knowledge base lacks are joined when they
are spelled alike (rapidfuzz token-sort ratio, same type: "Brittney Griner" / "Brittney Griners"). Roles are kept
per document, so sources that disagree ("penasihat Kremlin" / "Kanselir Rusia" for Ushakov) both show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from rapidfuzz import fuzz, process

from ..entities.fuzzy import fold
from ..model import Entity

NAME_MERGE_CUTOFF = 90


@dataclass
class CorpusEntity:
    id: str
    name: str
    type: str
    wikidata: str = ""
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    documents: list[str] = field(default_factory=list)
    roles: dict[str, list[str]] = field(default_factory=dict)  # document id -> roles stated there

    def to_dict(self) -> dict:
        return {
            "id": self.id, "name": self.name, "type": self.type, "wikidata": self.wikidata,
            "aliases": self.aliases, "mentions": self.mentions, "documents": self.documents, "roles": self.roles,
            "role_variants": sorted({r for roles in self.roles.values() for r in roles}),
        }


def merge_entities(found: Iterable[tuple[str, Entity]]) -> list[CorpusEntity]:
    """Corpus entities from (document id, entity) pairs, most mentioned first, then by name."""
    merged: dict[str, CorpusEntity] = {}
    blocks: dict[tuple[str, str], tuple[list[str], list[str]]] = {}  # (type, first letter) -> names, keys
    for doc_id, entity in found:
        key = entity.id
        if not key.startswith("kb:"):
            names, keys = blocks.setdefault((entity.type, fold(entity.name)[:1]), ([], []))
            best = process.extractOne(fold(entity.name), names, scorer=fuzz.token_sort_ratio,
                                      score_cutoff=NAME_MERGE_CUTOFF)
            if best:
                key = keys[best[2]]
            else:
                names.append(fold(entity.name))
                keys.append(key)
        record = merged.get(key)
        if record is None:
            record = merged[key] = CorpusEntity(key, entity.name, entity.type, entity.wikidata)
        if not key.startswith("kb:") and len(entity.name) > len(record.name):
            record.aliases.append(record.name)
            record.name = entity.name
        for alias in [entity.name, *entity.aliases]:
            if alias != record.name and alias not in record.aliases:
                record.aliases.append(alias)
        record.mentions += entity.count
        if doc_id not in record.documents:
            record.documents.append(doc_id)
        if entity.roles:
            record.roles.setdefault(doc_id, []).extend(r for r in entity.roles if r not in record.roles.get(doc_id, []))
    out = list(merged.values())
    for record in out:
        record.aliases.sort()
    return sorted(out, key=lambda r: (-r.mentions, r.name))
