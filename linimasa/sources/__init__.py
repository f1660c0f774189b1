"""How trustworthy each source is: per-document quality flags (copies, spam and site furniture removed,
machine-translation damage, dates missing or inferred) and a per-site summary (`linimasa sources`)."""

from .flags import FLAGS, Flag, document_flags, record_flags, stored_flags
from .sites import site_of, site_summary

__all__ = ["FLAGS", "Flag", "document_flags", "record_flags", "site_of", "site_summary", "stored_flags"]
