"""One review history with Anki: read Anki's collections, profiles, backups and packages (`source`), map its
revlog to mlwiki's cards (`cardmap`, `revlog`), pull its reviews into the log (`pull`) and push mlwiki's
reviews into a closed collection through the `anki` package (`push`, the optional extra `mlwiki[anki]`).

May import: export, review, store and below. Heavy modules (anki, genanki, zstandard) only inside functions.
"""
