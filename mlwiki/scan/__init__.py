"""Keep the store in step with the notes: examine one note (hash + extract), the worker pool, the incremental
sync that re-links moved cards, and `check`.

imports: mlwiki, config, errors, extract, ids, models, sources, store, textsafe
"""
