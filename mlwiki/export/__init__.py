"""Anki packages: note types, fields, cloze padding, macros, media, and writing the .apkg.

May import: store, render, review (queue filters) and below.
"""
