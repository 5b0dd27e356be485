"""Text for people: Markdown -> sanitized HTML, LaTeX -> terminal text and MathML, and the one finder of math
and code spans. Knows nothing of the database; Anki's cloze padding, the last step of `html.markdown_to_html`,
comes from `ankiformat.cloze`.

imports: ankiformat, config, errors, textsafe
"""
