"""Progress: compute the figures (through store), render them for the terminal and as an offline HTML page.

imports: config, errors, models, render, review, store, studyday, textsafe
"""
