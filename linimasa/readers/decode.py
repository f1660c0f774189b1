"""Bytes to text: UTF-8 first, then the encoding asked for, then charset-normalizer's best coherent guess."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from ..errors import UnreadableDocument

# Control characters other than tab, newline, carriage return and form feed: text almost never has them.
_CONTROL = set(range(0, 9)) | {11} | set(range(14, 32)) | {127}


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read (NUL bytes, many control characters)."""
    head = data[:8192]
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls > max(8, len(head) // 100)


def decode(data: bytes, source: str, encoding: str = "") -> str:
    """Decode `data` read from `source`, or raise `UnreadableDocument` saying what to do.

    >>> decode("Jenewa".encode("cp1252"), "x.txt")
    'Jenewa'
    """
    if not data.strip():
        raise UnreadableDocument(f"{source}: empty; nothing to read")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:  # an odd length, a lone surrogate
            raise UnreadableDocument(f"{source}: starts as UTF-16 but is not ({exc.reason} at byte {exc.start}); "
                                     "pass --encoding") from exc
    if looks_binary(data):
        raise UnreadableDocument(f"{source}: binary data, not text; pass a .txt, .html or .jsonl file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise UnreadableDocument(f"{source}: not {encoding} ({exc}); pass the right --encoding") from exc
    best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "iso8859_15", "cp1250", "utf_16"]).best()
    if best is None or best.chaos > 0.3:
        raise UnreadableDocument(
            f"{source}: not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and no other encoding fits; "
            "pass --encoding"
        )
    return str(best)
