"""The only code that speaks SQL: connection, schema and migrations, cards and the one card filter, the review
log, backups.

May import: errors, config, models, studyday.
"""
