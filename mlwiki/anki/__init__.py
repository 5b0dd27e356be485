"""One review history with Anki: read Anki's collections, profiles, backups and packages (`source`), map its
cards to mlwiki's (`cardmap`), pull its reviews into the log (`pull`) and push mlwiki's reviews into a closed
collection through the `anki` package (`push`, the optional extra `mlwiki[anki]`). Anki's formats themselves are
`mlwiki.ankiformat`'s.

Heavy modules (anki, genanki, zstandard) only inside functions.

imports: ankiformat, errors, models, review, store, studyday
"""
