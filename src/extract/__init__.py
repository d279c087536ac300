"""extract: structured, verifiable facts from French-language press articles."""

__version__ = "0.1.0"
