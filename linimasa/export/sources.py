"""What every timeline export shows with each source of an event: the source-quality flags of that document
(`linimasa.sources.flags`: copy of which document, spam or site furniture removed, machine translation, no date,
date inferred), as the store keeps them (`linimasa.sources.stored_flags`).

The exports take them as `flags`, document id -> its flags; without them (None) an export shows sources alone.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from ..sources.flags import Flag

SourceFlags = Mapping[str, Sequence[Flag]]


def flag_label(flag: Flag) -> str:
    """A flag in a few words: its name, or "copy of <id>" for a copy.

    >>> flag_label(Flag("copy", "copy of 002", 1, ["002"])), flag_label(Flag("spam_removed", "2 spam line(s) removed"))
    ('copy of 002', 'spam_removed')
    """
    return f"copy of {flag.evidence[0]}" if flag.name == "copy" and flag.evidence else flag.name


def source_flags(sources: Sequence[str], flags: SourceFlags) -> dict[str, list[dict[str, Any]]]:
    """Each source (in the event's order) -> its flags as JSON: name, what it means for this document, how many
    lines or cues show it (the lines themselves: `linimasa sources --documents`)."""
    return {s: [{"name": f.name, "detail": f.detail, "count": f.count} for f in flags.get(s, ())] for s in sources}


def source_labels(sources: Sequence[str], flags: SourceFlags | None) -> list[str]:
    """Each source as text, its flags after it: "004_6ec3 (spam_removed, machine_translation)"; a source without
    flags is its id alone."""
    if flags is None:
        return list(sources)
    out = []
    for s in sources:
        labels = [flag_label(f) for f in flags.get(s, ())]
        out.append(f"{s} ({', '.join(labels)})" if labels else s)
    return out
