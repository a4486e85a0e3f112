"""MARS Desktop: an officer workstation for immigration interviews."""

__version__ = "0.1.0"
