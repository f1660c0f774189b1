"""Exports of documents and timelines: JSON (and JSON Lines) and Markdown."""

from .json import document_record, timeline_json
from .markdown import timeline_markdown

__all__ = ["document_record", "timeline_json", "timeline_markdown"]
