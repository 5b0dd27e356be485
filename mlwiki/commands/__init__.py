"""The click commands, grouped by what they serve; mlwiki.cli puts them together.

May import every other package of mlwiki (lazily where heavy)."""
