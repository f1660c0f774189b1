"""Named errors, each saying what went wrong and what to do next."""


class LinimasaError(Exception):
    """Base class of every error linimasa raises on purpose."""


class UnreadableDocument(LinimasaError):
    """An input that cannot be turned into a Document (binary, empty, too large, undecodable)."""


class StageError(LinimasaError):
    """A pipeline that cannot run: unknown stage or a stage whose requirements are missing."""


class SettingError(LinimasaError, ValueError):
    """A setting given a value of the wrong kind (`--setting NAME=VALUE`, `LINIMASA_<NAME>`)."""


class StoreError(LinimasaError):
    """The database cannot be opened or written."""
