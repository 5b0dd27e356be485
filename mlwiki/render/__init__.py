"""Text for people: Markdown -> sanitized HTML, LaTeX -> terminal text and MathML, and the one finder of math
and code spans.

No Anki, no database. May import: errors, textsafe.
"""
