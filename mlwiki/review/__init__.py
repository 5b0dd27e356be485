"""Scheduling (FSRS), the queue of what is due, the review session, its plain and terminal front ends and the
card page.

May import: store, render, scan (rescan after an edit) and below.
"""
