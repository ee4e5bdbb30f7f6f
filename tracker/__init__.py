"""tracker: find public appearances of officials in news feeds and alert on silence."""

__version__ = "0.1.0"
