"""The record of an input that was not read."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Skipped:
    """An input that was not read, with the reason and, where it was small enough, its bytes."""

    source: str
    reason: str
    raw: bytes = b""
