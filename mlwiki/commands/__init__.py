"""The click commands, grouped by what they serve; mlwiki.cli puts them together.

Heavy packages are imported inside the commands that need them.

imports: *
"""
