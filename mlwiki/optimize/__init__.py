"""`mlwiki optimize`: FSRS parameters fitted to the learner's own review log, and what each desired retention
costs.

items.py turns the log into training items the way Anki does; fit.py fits and decides what to keep; evaluate.py
measures log loss and RMSE on a time-ordered split; simulate.py runs FSRS's simulator over desired retentions.
The optimizer and simulator are fsrs-rs-python's (the Rust code Anki itself uses), imported only here: the daily
commands never load them.

May import: everything up to stats (errors, config, studyday, store, review).
"""
