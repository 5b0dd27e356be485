"""Keep the store in step with the notes: examine one note (hash + extract), the worker pool, the incremental
sync that re-links moved cards, `check` (which asks render whether formulas would render) and the mlwiki.toml
`init` writes.

imports: mlwiki, config, errors, extract, ids, models, states, problems, render, sources, store, textsafe
"""
