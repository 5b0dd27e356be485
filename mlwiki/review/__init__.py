"""Scheduling (FSRS), the queue of what is due, the review session, answering and the log (`answering`, `replay`,
`logfile`), the plain and terminal front ends and the card page. (The rescan after `e` edits a note is the
command's: see `commands.study`.)

imports: config, errors, models, states, problems, render, store, studyday, textsafe
"""
