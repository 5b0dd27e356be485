"""Anki's formats, in one place: everything mlwiki knows about Anki's files — the revlog's kinds and columns
(`revlog`), card types, queues and scheduling columns and which Anki card (ord) each mlwiki card becomes
(`cards`), the collection's tables (`collection`: the only SQL on Anki's tables in mlwiki) and the `.apkg`/`.colpkg`
containers (`containers`). Pure except `collection` (a connection is passed in) and `containers` (files).

export/, anki/ and optimize/ speak Anki through this package; none of them holds a revlog or queue constant of
its own.

imports: errors, models, studyday
"""
