"""Pure text in, cards out: line classes, blocks, clozes, every card form, formula intros, deck/tag context.

No IO, no database. May import: errors, config, models, ids, textsafe, render.spans.
"""
