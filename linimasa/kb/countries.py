"""Countries, territories and world regions with their names in many languages, from CLDR through babel.

Canonical names are CLDR's English ones ("United States", "Russia"); pycountry adds the ISO official and common
names, `data/countries.yaml` the abbreviations and press forms CLDR lacks ("AS", "U.S.", "Tiongkok") and
`data/demonyms.yaml` the adjectives and demonyms that name a country in news ("Libyan", "libyenne").
"""

from __future__ import annotations

import pycountry
from babel import Locale

# Languages whose CLDR names are added as aliases: those linimasa reads plus the big languages of world news.
NAME_LOCALES = ("en", "id", "ms", "es", "fr", "it", "de", "pt", "nl")
# CLDR codes that are not places (pseudo-locales, unknown, "world") or are organisations kept elsewhere (EU, UN).
NOT_PLACES = {"001", "019", "EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}


def country_records(extra_aliases: dict[str, list[str]]) -> list[dict]:
    """One record per CLDR territory or region: name, type LOC, kind, country code and aliases."""
    locales = [Locale.parse(code) for code in NAME_LOCALES]
    english = locales[0].territories
    records = []
    for code, name in sorted(english.items()):
        if code in NOT_PLACES:
            continue
        aliases = {loc.territories.get(code, "") for loc in locales}
        iso = pycountry.countries.get(alpha_2=code) if code.isalpha() else None
        if iso is not None:
            aliases |= {iso.name, getattr(iso, "common_name", ""), getattr(iso, "official_name", "")}
        aliases |= set(extra_aliases.get(code, ()))
        aliases -= {"", name}
        records.append({
            "name": name,
            "type": "LOC",
            "kind": "country" if code.isalpha() else "region",
            "country": code if code.isalpha() else "",
            "aliases": sorted(aliases),
        })
    return records


def subdivision_records(spec: dict) -> list[dict]:
    """States and provinces (ISO 3166-2, from pycountry) of the countries `spec` lists, with its extra aliases."""
    records = []
    extra = spec.get("aliases", {})
    for country in spec.get("countries", []):
        for sub in sorted(pycountry.subdivisions.get(country_code=country), key=lambda s: s.code):
            if sub.type == "Outlying area":  # these are territories with their own CLDR country record
                continue
            records.append({
                "name": sub.name, "type": "LOC", "kind": "region", "country": country,
                "aliases": list(extra.get(sub.code, [])),
            })
    return records
