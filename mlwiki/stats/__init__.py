"""Progress: compute the figures (through store), render them for the terminal and as an offline HTML page.

May import: store, review (scheduling), render and below.
"""
