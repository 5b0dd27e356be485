"""Where notes come from: walk the wiki (ignore rules, symlinks, odd names), read .md/.mdx/.qmd/.Rmd/.ipynb files, split front matter.

IO lives here.

imports: config, errors, models, textsafe
"""
