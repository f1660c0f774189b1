"""linimasa: noisy multilingual news articles in, a dated, source-linked timeline of real-world events out."""

from .api import Corpus, Summary, process
from .model import Document, Event, EventMention, Timeline, Timex

__version__ = "0.1.0"
__all__ = ["Corpus", "Document", "Event", "EventMention", "Summary", "Timeline", "Timex", "process", "__version__"]
