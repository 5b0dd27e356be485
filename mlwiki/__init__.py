"""mlwiki: spaced repetition over a personal machine-learning wiki."""

__version__ = "0.1.0"

# The version of what `extract` makes of a note. Raise it with any change to the cards a note yields: stores
# extract every note again on their next scan. (Here, not in mlwiki/extract/ or mlwiki/models.py, so that the
# check every `due` makes stays cheap.)
EXTRACTOR_VERSION = 47
