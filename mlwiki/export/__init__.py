"""Anki packages: note types, fields, media, the review history inside, and writing the .apkg. (Cloze padding
and macros are render's; Anki's columns, ords and containers are ankiformat's.)

imports: ankiformat, config, errors, models, render, store, studyday, textsafe
"""
