"""The bundled knowledge base: places, organisations and office holders with their names across languages.

Countries and regions come from CLDR (babel) and ISO 3166 (pycountry), see `countries.py`; the rest is data in
`data/*.yaml` (PyYAML reads it). Users add their own entries with YAML or CSV files (`--kb FILE`, setting `kb`):

    # my-kb.yaml
    - {name: Yuri Ushakov, type: PER, aliases: [Juri Uschakow], roles: ["Kremlin aide"]}

    # my-kb.csv (aliases separated by "|")
    name,type,aliases,wikidata,country
    Rehoboth Beach,LOC,Pantai Rehoboth|Rehoboth,,US

An entry with the same canonical name as a bundled one adds to it rather than duplicating it.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml
from babel import Locale

from ..errors import LinimasaError
from .countries import NAME_LOCALES, country_records, subdivision_records

TYPES = ("PER", "ORG", "LOC", "MISC")
_FILE_TYPES = {"people.yaml": "PER", "organisations.yaml": "ORG", "places.yaml": "LOC"}

# libyaml's C parser when PyYAML was built with it (several times faster on the bundled knowledge base; the same
# safe subset of YAML), else PyYAML's pure-Python one.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str):
    return yaml.load(text, Loader=_YAML_LOADER)


class KnowledgeBaseError(LinimasaError):
    """A knowledge-base file that cannot be used; the message names the file and the fix."""


@dataclass
class Record:
    """One knowledge-base entity.

    `aliases` name it anywhere; `short` forms (a surname) name it alone in news; `context_aliases` are generic
    names ("Departemen Luar Negeri") that mean it only in a document that names its `country` too.
    """

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    short: list[str] = field(default_factory=list)
    context_aliases: list[str] = field(default_factory=list)
    wikidata: str = ""
    country: str = ""
    kind: str = ""
    roles: list[str] = field(default_factory=list)

    def names(self) -> list[str]:
        """Every form that names this entity by itself: canonical name, aliases and short forms."""
        return [self.name, *self.aliases, *self.short]


def slug(name: str) -> str:
    """A stable id fragment: 'Élysée Palace' -> 'elysee-palace'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


class KnowledgeBase:
    """Records by id and by every name that refers to them."""

    def __init__(self, records: list[Record]):
        self.records: dict[str, Record] = {}
        for record in records:
            self.add(record)

    def add(self, record: Record) -> None:
        known = self.records.get(record.id)
        if known is None:
            self.records[record.id] = record
            return
        for attr in ("aliases", "short", "context_aliases", "roles"):
            merged = getattr(known, attr) + [x for x in getattr(record, attr) if x not in getattr(known, attr)]
            setattr(known, attr, merged)
        known.wikidata = known.wikidata or record.wikidata
        known.country = known.country or record.country

    @functools.cached_property
    def by_name(self) -> dict[str, list[str]]:
        """Every name, alias and short form -> ids of the records it names (case-sensitive)."""
        index: dict[str, list[str]] = {}
        for record in self.records.values():
            for name in record.names():
                ids = index.setdefault(name, [])
                if record.id not in ids:
                    ids.append(record.id)
        return index

    @functools.cached_property
    def by_context_name(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for record in self.records.values():
            for name in record.context_aliases:
                index.setdefault(name, []).append(record.id)
        return index

    @functools.cached_property
    def country_ids(self) -> dict[str, str]:
        """ISO 3166 alpha-2 code -> id of the country record."""
        return {r.country: r.id for r in self.records.values() if r.kind == "country"}

    def __len__(self) -> int:
        return len(self.records)

    def __getitem__(self, record_id: str) -> Record:
        return self.records[record_id]


def _record(entry: dict, default_type: str, origin: str) -> Record:
    if not isinstance(entry, dict) or not entry.get("name"):
        raise KnowledgeBaseError(f"{origin}: every entry needs a 'name'; got {entry!r}")
    etype = str(entry.get("type") or default_type).upper()
    if etype not in TYPES:
        raise KnowledgeBaseError(f"{origin}: {entry['name']!r} has type {etype!r}; use one of {', '.join(TYPES)}")

    def strings(key: str) -> list[str]:
        value = entry.get(key) or []
        if isinstance(value, str):
            value = [v for v in value.split("|") if v]
        return [str(v).strip() for v in value if str(v).strip()]

    return Record(
        id="kb:" + slug(str(entry["name"])),
        name=str(entry["name"]).strip(),
        type=etype,
        aliases=strings("aliases"),
        short=strings("short"),
        context_aliases=strings("context_aliases"),
        wikidata=str(entry.get("wikidata") or ""),
        country=str(entry.get("country") or ""),
        kind=str(entry.get("kind") or ""),
        roles=strings("roles"),
    )


def read_entries(path: Path) -> list[Record]:
    """Records of a user's YAML (a list of entries) or CSV (a header row with at least `name`) file."""
    if not path.is_file():
        raise KnowledgeBaseError(f"{path}: no such knowledge-base file")
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".csv":
        rows = list(csv.DictReader(text.splitlines()))
        return [_record(row, "MISC", f"{path}:{i + 2}") for i, row in enumerate(rows)]
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            entries = load_yaml(text) or []
        except yaml.YAMLError as exc:
            raise KnowledgeBaseError(f"{path}: not valid YAML ({exc}); fix the file or pass a CSV") from exc
        if not isinstance(entries, list):
            raise KnowledgeBaseError(f"{path}: expected a list of entries at the top level")
        return [_record(e, "MISC", str(path)) for e in entries]
    raise KnowledgeBaseError(f"{path}: knowledge-base files are .yaml, .yml or .csv")


def _city_names(records: list[Record]) -> None:
    """Add CLDR's localised names of time-zone cities ("Moskwa", "Moscú") to the matching city records."""
    from zoneinfo import available_timezones

    by_city = {zone.rsplit("/", 1)[-1].replace("_", " "): zone for zone in available_timezones() if "/" in zone}
    locales = [Locale.parse(code) for code in NAME_LOCALES]
    taken = {name for record in records for name in record.names()}
    for record in records:
        zone = by_city.get(record.name) if record.kind == "city" else None
        if zone is None:
            continue
        for loc in locales:
            city = loc.time_zones.get(zone, {}).get("city")
            if city and city not in taken:  # "Mexico" is the country, not Mexico City
                record.aliases.append(city)
                taken.add(city)


@functools.cache
def _bundled() -> tuple[Record, ...]:
    """The bundled records, built from the data files, pycountry and Babel once per version of them and kept in
    the per-user cache (building them took a seventh of `linimasa run`'s start-up)."""
    from importlib.metadata import version

    from .. import cache

    data = resources.files(__package__).joinpath("data")
    digest = hashlib.sha256()
    for name in sorted(p.name for p in data.iterdir() if p.name.endswith(".yaml")):
        digest.update(name.encode() + data.joinpath(name).read_bytes())
    key = f"kb-{digest.hexdigest()[:16]}-pycountry{version('pycountry')}-babel{version('babel')}"
    rows = cache.json_value(key, lambda: [dataclasses.asdict(r) for r in _build_bundled()])
    return tuple(Record(**row) for row in rows)


@functools.cache
def demonyms() -> dict[str, list[str]]:
    """ISO alpha-2 code -> the demonyms and adjectives that name that country (`data/demonyms.yaml`)."""
    return load_yaml(resources.files(__package__).joinpath("data", "demonyms.yaml").read_text(encoding="utf-8"))


def _build_bundled() -> list[Record]:
    data = resources.files(__package__).joinpath("data")
    extra = load_yaml(data.joinpath("countries.yaml").read_text(encoding="utf-8"))
    # "Libyan forces", "les forces libyennes": a demonym names its country (not the nearest spelling, Lebanon)
    demonyms_of = demonyms()
    extra = {code: [*extra.get(code, []), *demonyms_of.get(code, [])] for code in {*extra, *demonyms_of}}
    records = [_record(r, "LOC", "CLDR") for r in country_records(extra)]
    subdivisions = load_yaml(data.joinpath("subdivisions.yaml").read_text(encoding="utf-8"))
    records += [_record(r, "LOC", "ISO 3166-2") for r in subdivision_records(subdivisions)]
    for filename, default_type in _FILE_TYPES.items():
        entries = load_yaml(data.joinpath(filename).read_text(encoding="utf-8"))
        records += [_record(e, default_type, f"kb/data/{filename}") for e in entries]
    _city_names(records)
    return records


@functools.cache
def load_kb(extra_paths: tuple[str, ...] = ()) -> KnowledgeBase:
    """The bundled knowledge base plus the user's files (cached per list of files).

    >>> kb = load_kb()
    >>> kb[kb.by_name["Jenewa"][0]].name
    'Geneva'
    """
    import copy

    kb = KnowledgeBase([copy.deepcopy(r) for r in _bundled()])
    for path in extra_paths:
        for record in read_entries(Path(path)):
            kb.add(record)
    return kb
