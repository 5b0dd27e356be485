"""A note's text as the tool that wrote it shows it, before extraction reads it as Markdown:
- an MDX page without its imports and components, a Docusaurus code block without its magic comments
  (`magic_comments`); HackMD's tags line, embeds and inserted text;
- a Hugo page's shortcodes as the boxes, folds, math and links they show; GitBook's blocks (hints, tabs, embeds) and
  heading anchors; the Obsidian_to_Anki plugin's note blocks (`obsidian_to_anki`); a RemNote outline's rems and cards
  (`remnote`) and its export's code, portals and tags (`remnote_export`); a Slidev deck's slide settings, click
  steps and presenter notes (`slidev`); GitHub's `$`…`$` math and
  emoji (`github_text`); a Hexo post's tag plugins (`hexo`); a d2l-book page's labels, references and framework tabs
  (`d2l`); pandoc-crossref's labels and references (`pandoc_crossref`); a Wiki.js page's styled blockquotes
  (`wikijs`); Mochi's card files (`mochi`); a heading written in HTML (`html_headings`); a presenter's cues in Quarto
  slides' notes (`speaker_notes`); a Jupytext notebook's cell breaks (`jupytext_cells`); a marimo notebook's code
  cells and blocks (`marimo`); an Observable Framework page's cells, TeX and boxes (`observable`); a distill
  article's margin asides and layout divs (`distill`); MyST's `{doc}` and text roles (`myst_roles`) and its
  substitutions (`myst_substitutions`); lines that only mark an empty line (`blank_marks`); a Bear note's tags of
  several words, lines of tags and embedded files (`bear`); tags at a line's end (`line_tags`); a table's emoji
  cells (`emoji_cells`); a
  Trilium export's math, tables and code (`trilium`); an Org note exported by ox-hugo (`ox_hugo`); an outliner's day node as a
  daily note (`outline_days`); a margin span or an inline footnote inside a sentence (`inline_asides`); an mdBook page's doubled math
  delimiters and directives (`mdbook`); a Markdown Preview Enhanced page's imports and scripts (`mpe`); an MkDocs page
  without its attribute lists and icons (`mkdocs_text`); a SilverBullet page's attributes and admonitions
  (`silverbullet`); a SiYuan document's block attributes, references and super blocks (`siyuan`); a Joplin note's
  links to its items (`joplin`); a Standard Notes export's file embeds, links to its items and table cells' line
  breaks (`standard_notes`); a Notesnook note's math blocks and callouts (`notesnook`); an Anytype export's
  escaped formulas and toggles (`anytype`); a Reflect note's aliased titles (`reflect`) and a Reflect daily note's
  entries as sections (`reflect_days`); an Apple Notes import's highlight colours, font runs and superscripts
  (`apple_notes`); an UpNote export's escapes and links into the app (`upnote`); a Capacities object's links into
  the app (`capacities`); Heptabase's mentions and citation marks (`heptabase`); a bookdown page's theorems, callouts, equation labels and references as Quarto's
  (`bookdown`); a Docsify page's boxes, heading helpers and link options (`docsify`); an
  Obsidian page's Dataview fields and queries, Templater commands and Admonition blocks (`dataview`), and its
  embeds of another note's part inside a line as links (`note_embeds`), an Excalidraw drawing's words
  (`drawings`); a Zotero literature note's record, PDF links and import stamps (`zotero`); an Annotator highlight's
  record, reduced to the reader's comment (`annotator`); a Jekyll page's kramdown
  (inline `$$…$$`, Liquid tags, attribute lists);
- a rich-text editor's HTML (Evernote's, a web clip's) as its text; a Google Doc's export without the converter's
  alerts, its escapes read (`gdocs`); a clipped API reference's parameters, each with its description, and no version
  notes (`api_reference`); a clipped page's reference marks and fine print
  and a picture's caption left out; a plain-text formula alone as display math;
- `$$…$$` inside a line of words as inline math (`inline_dollars`), in every format; a pipe table written without
  its outer pipes as a table (`pipe_tables`), one under an empty header row with its bold first row as the header
  (`empty_headers`); an outline under one root bullet unwrapped."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlwiki.extract import hugo
from mlwiki.extract.annotator import as_annotator_shows
from mlwiki.extract.anytype import as_anytype_shows
from mlwiki.extract.api_reference import as_api_reference_shows
from mlwiki.extract.apple_notes import as_apple_notes_shows
from mlwiki.extract.bear import as_bear_shows
from mlwiki.extract.blank_marks import without_blank_marks
from mlwiki.extract.bookdown import as_bookdown_shows
from mlwiki.extract.d2l import as_d2l_shows
from mlwiki.extract.dataview import as_dataview_shows
from mlwiki.extract.distill import as_distill_shows
from mlwiki.extract.docsify import as_docsify_shows
from mlwiki.extract.drawings import as_drawing_shows
from mlwiki.extract.capacities import as_capacities_shows
from mlwiki.extract.captions import without_picture_captions
from mlwiki.extract.clip_marks import without_clip_marks
from mlwiki.extract.editor_html import as_editor_shows
from mlwiki.extract.emoji_cells import as_emoji_cells_read
from mlwiki.extract.empty_headers import with_header_rows
from mlwiki.extract.gdocs import as_google_docs_shows
from mlwiki.extract.github_text import as_github_shows
from mlwiki.extract.gitbook import as_gitbook_shows
from mlwiki.extract.hackmd import as_hackmd_shows
from mlwiki.extract.hexo import as_hexo_shows
from mlwiki.extract.heptabase import as_heptabase_shows
from mlwiki.extract.html_headings import as_html_headings_show
from mlwiki.extract.inline_asides import as_inline_asides_read
from mlwiki.extract.inline_dollars import inline_dollars
from mlwiki.extract.jupytext_cells import as_notebook_shows
from mlwiki.extract.joplin import as_joplin_shows
from mlwiki.extract.kramdown import read_kramdown
from mlwiki.extract.line_tags import without_line_tags
from mlwiki.extract.magic_comments import without_magic_comments
from mlwiki.extract.marimo import as_marimo_shows
from mlwiki.extract.mdbook import as_mdbook_shows
from mlwiki.extract.mkdocs_text import as_mkdocs_shows
from mlwiki.extract.mochi import as_mochi_shows
from mlwiki.extract.mpe import as_preview_shows
from mlwiki.extract.mdx import as_markdown
from mlwiki.extract.myst_roles import as_myst_roles_show
from mlwiki.extract.myst_substitutions import with_substitutions
from mlwiki.extract.observable import as_observable_shows
from mlwiki.extract.note_embeds import as_note_embeds_show
from mlwiki.extract.notesnook import as_notesnook_shows, is_notesnook_export
from mlwiki.extract.outline_days import as_day_note_shows
from mlwiki.extract.outliner_export import as_outliner_shows
from mlwiki.extract.pipe_tables import with_outer_pipes
from mlwiki.extract.pandoc_crossref import as_crossref_shows
from mlwiki.extract.obsidian_to_anki import as_obsidian_to_anki_shows
from mlwiki.extract.ox_hugo import as_ox_hugo_shows
from mlwiki.extract.plain_formulas import with_plain_formulas
from mlwiki.extract.tex_in_code import with_tex_code_as_math
from mlwiki.extract.reflect import as_reflect_shows
from mlwiki.extract.reflect_days import as_reflect_day_shows
from mlwiki.extract.remnote import as_remnote_shows
from mlwiki.extract.remnote_export import as_exported, exported_by_remnote
from mlwiki.extract.root_bullet import unwrapped
from mlwiki.extract.silverbullet import as_silverbullet_shows
from mlwiki.extract.siyuan import as_siyuan_shows
from mlwiki.extract.slidev import as_slidev_shows
from mlwiki.extract.standard_notes import as_standard_notes_shows
from mlwiki.extract.speaker_notes import without_presenter_cues
from mlwiki.extract.trilium import as_trilium_shows
from mlwiki.extract.upnote import as_upnote_shows
from mlwiki.extract.wikijs import as_wikijs_shows
from mlwiki.extract.zola import as_zola_shows
from mlwiki.extract.zotero import as_zotero_shows

if TYPE_CHECKING:
    from mlwiki.extract.context import NoteContext


def as_its_tool_shows(body: str, ctx: NoteContext, as_before: bool = False) -> tuple[str, str]:
    """(the body as Markdown shows what its tool shows, the body as read before Hugo's shortcodes, GitBook's blocks,
    kramdown or its inline `$$…$$` were read — "" unless they were: its cards keep the ids that reading gave them).
    `ctx`: the note's context — an MDX page, a Jekyll page (kramdown), an article of a distill site (its asides and
    layout divs read, `extract.distill`), an UpNote export by its front matter (`extract.upnote`); a Hugo page's
    shortcodes are read (`extract.hugo`). `as_before`: the body as read before (none of those read)."""
    kramdown = ctx.kramdown and not as_before
    hugo_page = not as_before and hugo.is_hugo_text(body, ctx.file_type)
    body = as_hackmd_shows(as_markdown(without_magic_comments(body), ctx.file_type == "mdx"))  # (MDX's imports,
    # comments and components: as shown; a Docusaurus code block's `// highlight-next-line`: as not shown)
    written = body
    if hugo_page:
        body = hugo.as_markdown(body)  # (a Hugo page: as the site shows it)
    if not as_before:
        body = as_obsidian_to_anki_shows(body)  # (Obsidian_to_Anki's START … END notes: the cards they are)
        exported = exported_by_remnote(body)  # (a RemNote outline: its export's code rems, portals and tags read,
        body = as_remnote_shows(as_exported(body) if exported else body, exported)  # rems with children as
        # headings, its cards as mlwiki's)
        body = as_slidev_shows(body)  # (a Slidev deck: no slide settings, click steps or slots; presenter notes read)
        body = as_github_shows(body)  # (a page for github.com: its $`…`$ math and emoji shortcodes)
        body = as_zola_shows(body)  # (a Zola page: its katex, box and figure shortcodes as they show)
        body = as_d2l_shows(body)  # (a d2l-book page: its labels, references and framework tabs, as Quarto's)
        body = as_crossref_shows(body)  # (pandoc-crossref's `{#eq:x}` labels and `@eq:x` references, as Quarto's)
        body = as_wikijs_shows(body)  # (a Wiki.js page: a blockquote styled `{.is-warning}` is a warning box)
        body = as_mochi_shows(body)  # (Mochi: a card file's two sides, its card links and template fields)
        body = as_observable_shows(body)  # (an Observable Framework page: no js cells, its tex as math, its boxes;
        # before HTML headings are read: a dashboard card's `<h2>` is no section)
        body = as_html_headings_show(body)  # (a notebook's banner, `<h1 style=…>Title</h1>`: its title heading)
        body = without_presenter_cues(body)  # (a slide's speaker notes: "Ask the group …" is no fact)
        body = as_notebook_shows(body)  # (a Jupytext MyST notebook: no `+++` cell breaks, no removed cells)
        body = as_marimo_shows(body)  # (a marimo notebook in Markdown: no code cells, its `///` blocks as boxes)
        body = as_distill_shows(body, ctx.distill)  # (a distill article: `<aside>` as a margin, layout divs as their text)
        body = with_substitutions(body, ctx.substitutions)  # (MyST's `{{ gpml }}`: the text its project defines;
        # before the roles, which a substitution's text may hold)
        body = as_myst_roles_show(body, ctx.page_titles)  # (MyST's `{doc}` as a link to the page it names, showing
        # its title; `{term}` its text)
        body = without_blank_marks(body)  # (a line of only "\\", `&nbsp;`, `<br>` or an empty heading: an empty line)
        body = as_bear_shows(body, ctx.path)  # (Bear: `#tags of words#` as tags, a line of tags alone and a file
        # embedded in the note as no words)
        body = without_line_tags(body)  # (`… in a stable range. #exam` at a paragraph's end: the note's tags)
        body = as_emoji_cells_read(body)  # (a table's 👍 / 👎 row names: pros, cons)
        body = as_trilium_shows(body)  # (a Trilium export: its math spans, table figures and code blocks)
        body = as_ox_hugo_shows(body)  # (an Org note by ox-hugo: no to-do states, stamps or contents; its blocks)
        body = as_day_note_shows(body)  # (an outliner's day node, `- 2024-05-09 #day`: the daily note it is)
        body = as_outliner_shows(body)  # (a Workflowy or Dynalist outline: its label branches as headings, its notes)
        body = as_inline_asides_read(body)  # (a `[…]{.aside}` inside a sentence: in brackets)
        body = as_hexo_shows(body, kramdown)  # (a Hexo post: its notes, tabs, code blocks and links as it shows them)
        body = as_gitbook_shows(body)  # (a GitBook page: hints, tabs and embeds as it shows them)
        body = as_mdbook_shows(body)  # (an mdBook page: its `\\\\(` math as math, its `{{#include}}`s as nothing)
        body = as_upnote_shows(body, ctx.upnote)  # (an UpNote export: turndown's escapes read, its links into the app as links;
        # before the Notesnook and Google readers below, which took its escapes for their exporters')
        body = as_apple_notes_shows(body)  # (an Apple Notes import: no highlight colours, `&nbsp;` items or font
        # runs; its superscripts as text; before the editors' HTML below, which would take a power's tags away)
        if not is_notesnook_export(body):  # (Notesnook's escapes `1\.5` look like Google's; its reader reads them)
            body = as_google_docs_shows(body)  # (a Google Doc's export: no conversion alerts, its escapes read)
        body = as_editor_shows(body)  # (an editor's HTML, Evernote's: as the editor shows it)
        body = without_picture_captions(without_clip_marks(body))  # (a clipped page's reference marks and fine
        # print, a caption under a picture the card does not show: left out)
        body = as_api_reference_shows(body)  # (a clipped API page: each parameter's name, type and description one line)
        body = with_plain_formulas(body)  # ("n ≈ 2 · σ² / δ²" alone as a paragraph: a display formula)
        body = with_tex_code_as_math(body)  # (a code block of TeX equations, `\sigma` in code: the formulas they are)
        body = as_preview_shows(body)  # (Markdown Preview Enhanced: imports, [TOC], x^2^ and H~2~O)
        body = as_mkdocs_shows(body)  # (an MkDocs page: no attribute lists, icon shortcodes, code annotation marks)
        body = as_heptabase_shows(body)  # (Heptabase: mentions by file name as titles, no citation marks)
        body = as_reflect_shows(body)  # (a Reflect note: "Title // alias" titles as the title, aliases in brackets)
        body = as_reflect_day_shows(body)  # (a Reflect daily note: its entries, bullets holding items, as sections)
        body = as_anytype_shows(body)  # (an Anytype export: its formulas' escapes read, question toggles asked)
        body = as_notesnook_shows(body)  # (a Notesnook note: its math blocks and callouts, HTML on one line)
        body = as_joplin_shows(body)  # (a Joplin note: links to its items by id as their text)
        body = as_capacities_shows(body)  # (a Capacities object: its links into the app as their text)
        body = as_standard_notes_shows(body, ctx.standard_notes)  # (a Standard Notes export: no `[File: …]`
        # embeds, no sentences that only point to another note by `[Item: …]`, its table cells' `\\n` as breaks)
        body = as_siyuan_shows(body)  # (a SiYuan export: no block attributes, layout marks, embeds or tags)
        body = as_silverbullet_shows(body)  # (a SilverBullet page: attributes, admonitions, links to a place)
        body = as_bookdown_shows(body)  # (an R Markdown book's theorems, callouts and references, as Quarto's)
        body = as_docsify_shows(body)  # (a Docsify page: `?>`/`!>` boxes, heading helpers, link options)
        body = as_dataview_shows(body)  # (Obsidian's plugins: inline fields, queries, Admonition blocks)
        body = as_note_embeds_show(body)  # (Obsidian's `![[note#part]]` inside a line: the link it stands for)
        body = as_drawing_shows(body)  # (an Excalidraw drawing that states things: the list of its words)
        body = as_zotero_shows(body)  # (a Zotero literature note: its record, PDF links and import stamps)
        body = as_annotator_shows(body)  # (an Annotator highlight: the place in the PDF it marks, but its comment)
        body = with_outer_pipes(body)  # (a GFM table without its outer pipes, as Framework's docs write them: a table)
        body = with_header_rows(body)  # (a table under turndown's empty header row: its bold first row the header)
    body, _ = read_kramdown(body, kramdown)  # (a Jekyll page: as the site shows it)
    if not kramdown and not as_before:
        body = inline_dollars(body)  # (`$$…$$` inside a sentence: inline math, in every format)
    return unwrapped(body), (written if body != written else "")  # (one outline under a root bullet: the root titles it)
