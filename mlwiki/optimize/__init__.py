"""`mlwiki optimize`: FSRS parameters fitted to the learner's own review log, and what each desired retention
costs.

items.py turns the log into training items the way Anki does; fit.py fits and decides what to keep; evaluate.py
measures log loss and RMSE on a time-ordered split; simulate.py runs FSRS's simulator over desired retentions;
workload.py walks the days ahead with mlwiki's own scheduler (presets, load balancer, easy days).
The optimizer and simulator are fsrs-rs-python's (the Rust code Anki itself uses), imported only here: the daily
commands never load them. (Of sources it uses only `paused_gc`, for the fit's many small objects.)

imports: ankiformat, config, errors, models, review, sources, store, studyday
"""
