"""mlwiki's own SQL, and only here: connection, schema and migrations, cards and the one card filter, the review
log, backups. (SQL on Anki's tables lives in `ankiformat.collection`.)

imports: config, errors, ids, models, states, problems, studyday
"""
