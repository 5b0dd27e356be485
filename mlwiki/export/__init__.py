"""Anki packages: note types, fields, media, the review history inside, and writing the .apkg. (Cloze padding
and macros are render's; Anki's columns, ords and containers are ankiformat's; a notebook cell's attached
images are written out by sources.)

imports: mlwiki, ankiformat, config, errors, models, render, sources, store, studyday, textsafe
"""
