"""article_ingest: turn article HTML or pasted text into a normalised Article."""

__version__ = "0.1.0"
