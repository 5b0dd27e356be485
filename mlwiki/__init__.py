"""mlwiki: spaced repetition over a personal machine-learning wiki."""

__version__ = "0.1.0"
